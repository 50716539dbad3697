"""Diplomatic and conciliatory acts in the words wire copy uses, found missing by probing with the team's own
sentences (2026-12-04): resignations whose particle the parser reads as an adverb, talks sat down for, visits
landed for, agreements initialled, money disbursed, and governments dropping their own unpopular measures."""

import pytest

from tests.coded import assert_absent, assert_types, coded_sectors, first_of


@pytest.mark.parametrize(
    "text, event, mode, actors, recipient",
    [
        ("Italy's prime minister stepped down on Monday.", "RETREAT", "resign", ["ITA/GOV"], None),
        ("Peru's president backed down on the pension reform after the strikes.", "CONCEDE", None, ["PER/GOV"], None),
        ("The foreign ministers of Japan and South Korea sat down for talks in Tokyo.", "CONSULT", None, ["JPN/GOV", "KOR/GOV"], None),
        ("The Turkish foreign minister landed in Riyadh for a two-day visit.", "CONSULT", "visit", ["TUR/GOV"], "SAU/GOV"),
        ("Armenia and Azerbaijan initialled a peace agreement in Washington.", "AGREE", None, ["ARM/GOV", "AZE/GOV"], None),
        ("The World Bank disbursed 1.5 billion dollars to Pakistan.", "AID", None, ["IGO/None"], "PAK/GOV"),
        ("Kenya's president withdrew a finance bill containing tax increases.", "CONCEDE", None, ["KEN/GOV"], None),
        ("The Nigerian government scrapped the fuel price hike after weeks of protests.", "CONCEDE", None, ["NGA/GOV"], None),
        ("Ghana suspended its border security pact with Togo on Friday.", "SANCTION", "withdraw", ["GHA/GOV"], "TGO/GOV"),
        ("Belarus froze its participation in the arms control accord.", "SANCTION", "withdraw", ["BLR/GOV"], None),
    ],
)
def test_diplomacy_wordings(code_text, text, event, mode, actors, recipient):
    got = first_of(coded_sectors(code_text, text), event, mode)
    assert set(actors) <= set(got[2]), got
    if recipient is not None:
        assert recipient in got[3], got
    assert got[4] == "asserted", got


@pytest.mark.parametrize("text, event", [
    ("Russia withdrew its troops from the border with Ukraine.", "RETREAT"),  # troops withdrawn stay a retreat
    ("The United States scrapped the nuclear deal with Iran.", "SANCTION"),  # a deal scrapped stays a sanction
])
def test_withdrawals_that_are_no_concession(code_text, text, event):
    assert_types(code_text, text, [event])


def test_troops_landing_pay_no_visit(code_text):
    assert_absent(code_text, "French troops landed in Abidjan for a visit to the base.", {"CONSULT"})


@pytest.mark.parametrize("text, event", [
    ("Spain's prime minister vowed to fight the separatist plan.", "REJECT"),
    ("The Kenyan opposition vowed to challenge the ruling in court.", "REJECT"),
    ("Mexico's president vowed to fight corruption.", "AGREE"),  # an ill fought is no measure rejected
    ("Spain's prime minister vowed to implement the plan.", "AGREE"),  # a measure carried out is no rejection
])
def test_vows_to_fight_a_measure_reject_it(code_text, text, event):
    assert_types(code_text, text, [event])


def test_a_visit_that_something_is_ahead_of_is_to_come(code_text):
    coded = coded_sectors(code_text, "Cuba will free 3,500 prisoners ahead of next week's visit by Pope Francis.")
    assert [(e[0], e[2], e[4]) for e in coded if e[0] == "CONSULT"] == [("CONSULT", ("VAT/REL",), "future")], coded


@pytest.mark.parametrize("text, mode, actor", [
    ("The Pentagon ordered 3,000 troops to the Middle East.", "troops", "USA/MIL"),
    ("Iran unveiled a new hypersonic missile at a military parade in Tehran.", "weapons", "IRN/GOV"),
])
def test_troops_ordered_out_and_weapons_shown_off(code_text, text, mode, actor):
    coded = coded_sectors(code_text, text)
    assert [e[:3] for e in coded] == [("MOBILIZE", (mode,), (actor,))], coded


def test_a_firm_unveiling_a_product_mobilises_nothing(code_text):
    assert coded_sectors(code_text, "Samsung unveiled a new folding phone in Seoul.") == []
