"""Wordings the fourteenth round found missing or doubled on its tuning files (2026-12-05): a force's verb read as a
noun in a clause that is not the sentence's first ("… as riot police fire tear gas at demonstrators"), a leader
called names, an event said again in apposition. The team's own sentences, none of them a gold item or a probe item."""

import pytest

from tests.coded import assert_absent, coded_sectors, first_of


@pytest.mark.parametrize(
    "text, kind, actor",
    [
        ("Dozens are hurt in central Santiago as riot police fire tear gas and water cannon at students.", "ASSAULT",
         "CHL/COP"),
        ("Clashes spread across the south while Israeli troops shell the outskirts of Khan Younis.", "ASSAULT",
         "ISR/MIL"),
    ],
)
def test_a_force_s_verb_in_a_later_clause_is_a_verb(code_text, text, kind, actor):
    got = first_of(coded_sectors(code_text, text), kind)
    assert actor in got[2], got


@pytest.mark.parametrize("text", ["The police fire inquiry resumed in Leeds on Monday.",
                                  "As the crowd grew, the city's police fire chief resigned."])
def test_a_force_s_noun_compound_in_a_subject_stays_a_noun(code_text, text):
    assert_absent(code_text, text, {"ASSAULT"})


@pytest.mark.parametrize("insult", ["clown", "liar", "dictator", "puppet"])
def test_calling_a_leader_names_accuses_him(code_text, insult):
    got = first_of(coded_sectors(code_text, f"Venezuela's president called the Colombian president a {insult}."),
                   "ACCUSE", "disapprove")
    assert got[2] == ("VEN/GOV",) and "COL/GOV" in got[3], got


def test_an_event_said_again_in_apposition_is_one_event(code_text):
    coded = coded_sectors(code_text, "Erdogan paid a surprise visit to Baghdad, his first trip to the Iraqi capital in "
                                     "twelve years.")
    assert [e[0] for e in coded] == ["CONSULT"], coded


def test_a_visit_told_beside_talks_is_its_own_event(code_text):
    coded = coded_sectors(code_text, "Modi and Putin held a summit in Moscow, Modi's first visit to Russia since the "
                                     "war began.")
    assert sorted(e[1] for e in coded if e[0] == "CONSULT") == [(), ("visit",)], coded
