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
