"""Protests, detentions and censorship in the wordings a blind probe of wire copy showed missing (twelfth round,
2026-12-04): crowds that mass or throng somewhere, acts done "in protest", agentless internet shutdowns, bans on
platforms extended, people held for questioning, citizenship revoked, two verbs sharing one object. The team's own
sentences, none of them a gold item or a probe item."""

import pytest

from tests.coded import assert_absent, coded_sectors, first_of


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of demonstrators massed outside the presidential palace in Lima on Friday.",
        "Thousands of protesters gather in central Tbilisi, demanding new elections.",
        "Dozens of residents thronged the town hall in Sylhet, protesting against water shortages.",
    ],
)
def test_a_crowd_that_masses_or_gathers_to_protest_demonstrates(code_text, text):
    coded = coded_sectors(code_text, text)
    protests = [e for e in coded if e[0] == "PROTEST"]
    assert len(protests) == 1 and protests[0][1] == ("demo",) and protests[0][2][0].endswith("/CVL"), coded


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Taxi drivers in Nairobi parked their cars across the main road in protest at a new fuel levy.", "KEN/LAB"),
        ("Opposition deputies in Caracas walked out of the chamber in protest on Tuesday.", None),
    ],
)
def test_an_act_done_in_protest_is_a_demonstration(code_text, text, actor):
    got = first_of(coded_sectors(code_text, text), "PROTEST")
    assert actor is None or got[2] == (actor,), got


def test_people_killed_in_protests_are_no_act_in_protest(code_text):
    coded = coded_sectors(code_text, "Two students were killed in protests in Dhaka on Monday.")
    assert [e[1] for e in coded if e[0] == "PROTEST"] != [("demo",), ("demo",)], coded


@pytest.mark.parametrize(
    "text, country",
    [
        ("Internet services were shut down across Gabon after the vote.", "GAB"),
        ("Mobile data was cut in the Amhara region on Thursday.", "ETH"),
    ],
)
def test_an_agentless_internet_shutdown_is_the_authorities_censoring(code_text, text, country):
    got = first_of(coded_sectors(code_text, text), "COERCE", "censor")
    assert got[2] == (f"{country}/GOV",), got


def test_a_ban_on_platforms_extended_censors(code_text):
    got = first_of(coded_sectors(code_text, "Pakistan's government extended a ban on the platform X for another month."),
                   "COERCE", "censor")
    assert got[2] == ("PAK/GOV",), got


@pytest.mark.parametrize(
    "text, recipient",
    [
        ("Nine men were being held for questioning in Mombasa after the riot, police said.", "KEN/CVL"),
        ("The blogger has been held incommunicado in Tashkent since March.", None),
    ],
)
def test_people_held_for_questioning_are_detained(code_text, text, recipient):
    got = first_of(coded_sectors(code_text, text), "COERCE", "arrest")
    assert recipient is None or got[3] == (recipient,), got


def test_holding_talks_in_custody_of_no_one_is_no_detention(code_text):
    assert_absent(code_text, "The two leaders held talks in Geneva on Monday.", {"COERCE"})


def test_citizenship_revoked_restricts(code_text):
    got = first_of(coded_sectors(code_text, "Kuwait revoked the citizenship of a prominent preacher on Sunday."),
                   "COERCE", "restrict")
    assert got[2] == ("KWT/GOV",), got


@pytest.mark.parametrize(
    "text, event, recipient",
    [
        ("Unknown attackers beat and robbed two aid convoy drivers near Goma.", "ASSAULT", None),
        ("Soldiers detained and questioned five villagers in Kayin state.", "COERCE", "MMR/CVL"),
    ],
)
def test_two_verbs_share_one_object(code_text, text, event, recipient):
    got = first_of(coded_sectors(code_text, text), event)
    assert got[3] and (recipient is None or recipient in got[3]), got


def test_police_who_arrested_and_charged_are_the_arresters(code_text):
    got = first_of(coded_sectors(code_text, "Police arrested and charged four students in Kampala."), "COERCE", "arrest")
    assert got[2] == ("UGA/COP",) and got[3] == ("UGA/EDU",), got


def test_pressing_ahead_with_deportations_is_no_request(code_text):
    coded = coded_sectors(code_text, "Algeria pressed ahead with the deportation of migrants from Niger.")
    assert not [e for e in coded if e[0] == "REQUEST"] and first_of(coded, "COERCE", "deport"), coded


@pytest.mark.parametrize(
    "text",
    [
        "Ghana found a late equaliser against Mali in Accra on Sunday.",
        "The Pakistan captain stepped down from the Test captaincy after the series defeat.",
    ],
)
def test_more_words_that_tell_sport(code_text, text):
    assert_absent(code_text, text, {"ASSAULT", "RETREAT"})
