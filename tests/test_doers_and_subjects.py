"""Doers the parser splits from their acts (tenth round, 2026-12-04): two names a headline joins by a comma, a town
named before its state ahead of the actor, the visitor of "on a visit", and who wraps up a trip. The team's own
sentences, none of them a gold item."""

import pytest

from tests.coded import coded_sectors, first_of


@pytest.mark.parametrize(
    "text, event, actors",
    [
        ("Kenya, Somalia agree to reopen their shared border.", "AGREE", {"KEN/GOV", "SOM/GOV"}),
        ("South Korea, Japan hold talks on trade in Seoul.", "CONSULT", {"KOR/GOV", "JPN/GOV"}),
        ("Colombia, Ecuador sign a pact on river patrols.", "AGREE", {"COL/GOV", "ECU/GOV"}),
    ],
)
def test_two_names_a_headline_joins_by_a_comma_are_both_actors(code_text, text, event, actors):
    got = first_of(coded_sectors(code_text, text), event)
    assert set(got[2]) == actors, got


@pytest.mark.parametrize(
    "text, actors",
    [
        ("Monday, Putin met Erdogan in Sochi.", {"RUS/GOV", "TUR/GOV"}),  # a day, not a party
        ("In Paris, Macron met Scholz on Monday.", {"FRA/GOV", "DEU/GOV"}),  # a place phrase
    ],
)
def test_a_day_or_a_place_before_the_comma_is_no_party(code_text, text, actors):
    got = first_of(coded_sectors(code_text, text), "CONSULT")
    assert set(got[2]) == actors, got


def test_a_town_named_before_its_state_does_not_hide_the_police(code_text):
    got = first_of(coded_sectors(code_text, "Dayton, Ohio police arrest a man over a string of arson attacks."),
                   "COERCE")
    assert got[2] == ("USA/COP",), got


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("The Spanish king, on a state visit to Mexico, laid a wreath at a war memorial.", "ESP/GOV", "MEX/GOV"),
        ("Kenya's foreign minister wrapped up a two-day trip to Ethiopia on Tuesday.", "KEN/GOV", "ETH/GOV"),
    ],
)
def test_the_visitor_is_who_is_on_the_visit_or_ends_it(code_text, text, actor, recipient):
    got = first_of(coded_sectors(code_text, text), "CONSULT")
    assert got[2] == (actor,) and recipient in got[3], got


def test_who_condemns_a_visit_is_not_the_visitor(code_text):
    coded = coded_sectors(code_text, "Opposition lawmakers in Ankara condemned the Greek minister's visit to Cyprus.")
    assert first_of(coded, "CONSULT")[2] == ("GRC/GOV",), coded


def test_a_private_visit_is_no_diplomacy(code_text):
    coded = coded_sectors(code_text, "Thailand's foreign ministry said the former president had entered the country "
                                     "on a private visit.")
    assert not [e for e in coded if e[0] == "CONSULT"], coded


def test_a_headline_visit_noun_is_the_headlines_persons(code_text):
    got = first_of(coded_sectors(code_text, "French president in Nairobi for two-day visit"), "CONSULT")
    assert got[2] == ("FRA/GOV",), got


def test_a_headline_second_verb_after_a_comma_shares_the_first_ones_subject(code_text):
    coded = coded_sectors(code_text, "Pakistani court convicts ex-premier, bans him from politics for five years")
    assert first_of(coded, "COERCE")[2] == ("PAK/JUD",), coded


def test_leaders_who_huddle_consult_each_other(code_text):
    got = first_of(coded_sectors(code_text, "Erdogan and Putin huddle in Sochi over grain exports"), "CONSULT")
    assert set(got[2]) == {"TUR/GOV", "RUS/GOV"}, got
