"""Attacks told by their weapon (twelfth round, 2026-12-04): a bomb that explodes or goes off is an attack whose
maker is unnamed; a rocket or a shell no one is said to own is no actor, and the country of the place it lands in is
the target's, not the shooter's. The team's own sentences, none of them a gold item."""

import pytest

from tests.coded import assert_absent, coded_sectors, first_of


@pytest.mark.parametrize(
    "text, recipient",
    [
        ("A bomb exploded near a police checkpoint in Quetta on Friday.", "PAK/COP"),
        ("Two roadside bombs detonated next to a military convoy in Kidal.", None),
        ("An explosive device went off outside a courthouse in Medellin.", "COL/None"),
        ("A car bomb exploded outside a hotel in Mogadishu, police said.", "SOM/None"),
    ],
)
def test_a_bomb_that_goes_off_is_an_attack_by_no_one_named(code_text, text, recipient):
    got = first_of(coded_sectors(code_text, text), "ASSAULT")
    assert got[1] == ("explosives",) and got[2] == (), got
    assert recipient is None or recipient in got[3], got


@pytest.mark.parametrize(
    "text",
    [
        "A gas cylinder exploded in a kitchen in Accra, injuring four people.",
        "A fuel tanker exploded on a highway outside Kampala.",
        "Engineers detonated an unexploded shell in a controlled explosion near the port.",
        "A commercial rocket exploded on its launch pad in Texas on Thursday.",
        "A diesel tank exploded at a bus depot in Accra, killing two mechanics.",
        "A blast went off at a fertiliser plant near Lyon.",
    ],
)
def test_what_explodes_by_accident_is_no_attack(code_text, text):
    assert_absent(code_text, text, {"ASSAULT"})


@pytest.mark.parametrize(
    "text, recipient",
    [
        ("A rocket hit an American base in Syria on Tuesday.", "USA"),
        ("A missile struck a Turkish military post in northern Iraq.", "TUR"),
    ],
)
def test_a_rocket_no_one_owns_is_no_actor_of_the_place_it_hits(code_text, text, recipient):
    got = first_of(coded_sectors(code_text, text), "ASSAULT")
    assert got[2] == () and any(r.startswith(recipient) for r in got[3]), got


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Russian missiles struck a power plant in Kharkiv.", "RUS/MIL"),
        ("A Hezbollah rocket hit a kibbutz in northern Israel.", "LBN"),
        ("A rocket fired by Houthi rebels hit a tanker off Yemen.", "YEM"),
    ],
)
def test_a_weapon_whose_owner_is_named_keeps_its_owner(code_text, text, actor):
    coded = coded_sectors(code_text, text)
    attacks = [e for e in coded if e[0] == "ASSAULT"]
    assert attacks and all(any(a.startswith(actor) for a in e[2]) for e in attacks), coded
    assert not any(r.startswith(actor) for e in attacks for r in e[3]), coded  # what they fired is not whom they hit


def test_a_squad_of_gunmen_is_the_gunmen(code_text):
    got = first_of(coded_sectors(code_text, "A squad of gunmen attacked a police station in Zamfara."), "ASSAULT")
    assert got[2] == ("NGA/UAF",), got


def test_charges_of_an_assault_are_no_assault(code_text):
    coded = coded_sectors(code_text, "The actor was arrested in Paris on charges of assaulting a photographer.")
    assert not [e for e in coded if e[0] == "ASSAULT"], coded
    assert first_of(coded, "COERCE", "arrest")[3] == ("FRA/CVL",), coded
