"""Coded events as the tuples the extraction tests compare, and the check several of them share."""

from __future__ import annotations

from datetime import date

from dyad.sources.files import make_article

DAY = date(2025, 3, 14)  # the publication date the extraction tests give their sentences


def events_of(coder, text: str, kind: str | None = None, published: date = DAY) -> list:
    """The events `coder` codes in `text` published on `published`; only those of `kind` when given."""
    return [e for e in coder.code(make_article(text, date_=published)).events if kind is None or e.event == kind]


def codes(coded) -> list[tuple]:
    """(type, actor codes, recipient codes, modality, modes) of each event; "?" for an actor without a code."""
    return [(e.event, tuple(sorted(a.code or "?" for a in e.actor)), tuple(sorted(a.code or "?" for a in e.recipient)),
             e.modality, tuple(e.mode)) for e in coded.events]


def codes_and_sectors(coded) -> list[tuple]:
    """(type, modes, actors as "CODE/SECTOR", recipients as "CODE/SECTOR", modality) of each event."""
    return [(e.event, tuple(e.mode), tuple(sorted(f"{a.code}/{a.sector}" for a in e.actor)),
             tuple(sorted(f"{a.code}/{a.sector}" for a in e.recipient)), e.modality) for e in coded.events]


def assert_coded(events: list[tuple], expected: tuple) -> None:
    """The first of `events` (from `codes`) of the expected type has the expected actors and recipients
    among its own, the expected modality and, when `expected` has a fifth item, that mode."""
    event, actors, recipients, modality = expected[:4]
    matching = [e for e in events if e[0] == event]
    assert matching, f"no {event} in {events}"
    got = matching[0]
    assert set(actors) <= set(got[1]), got
    assert set(recipients) <= set(got[2]), got
    assert got[3] == modality, got
    if len(expected) > 4:
        assert got[4] == (expected[4],), got


def coded_sectors(code_text, text: str, published: date = DAY) -> list[tuple]:
    """`codes_and_sectors` of `text` as the `code_text` fixture codes it."""
    return codes_and_sectors(code_text(text, published))


def first_of(coded: list[tuple], event: str, mode: str | None = None) -> tuple:
    """The first of `coded` (from `codes_and_sectors`) of type `event`; it must exist and, when given, have `mode`."""
    found = [e for e in coded if e[0] == event]
    assert found, f"no {event} in {coded}"
    if mode is not None:
        assert found[0][1] == (mode,), found[0]
    return found[0]


def assert_asserted(coded: list[tuple], event: str, mode: str | None, actor: str | None, recipient: str | None) -> None:
    """The first `event` of `coded` is asserted, with an actor holding `actor` (no actor at all when None) and, when
    given, a recipient holding `recipient` ("CODE/SECTOR" parts match: "REB", "IGO/")."""
    got = first_of(coded, event, mode)
    if actor is None:
        assert got[2] == (), got
    else:
        assert any(actor in a for a in got[2]), got
    if recipient is not None:
        assert any(recipient in r for r in got[3]), got
    assert got[4] == "asserted", got


def assert_absent(code_text, text: str, absent: set[str]) -> None:
    """None of the event types in `absent` is coded in `text`."""
    coded = coded_sectors(code_text, text)
    assert not absent & {e[0] for e in coded}, coded


def assert_types(code_text, text: str, expected: list[str]) -> None:
    """The event types coded in `text`, in order, are `expected`."""
    coded = coded_sectors(code_text, text)
    assert [e[0] for e in coded] == expected, coded


def assert_parties(got: tuple, actor: str, recipient: str | None) -> None:
    """An event (from `first_of`) has an actor "CODE/SECTOR" starting with `actor` (any actor when empty) and, when
    given, a recipient containing `recipient`."""
    assert not actor or any(a.startswith(actor) for a in got[2]), got
    if recipient is not None:
        assert any(recipient in r for r in got[3]), got
