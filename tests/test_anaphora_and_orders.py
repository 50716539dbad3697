"""Who "he", "she" and "the alliance" are in the next sentence, and forces ordered somewhere (twelfth round,
2026-12-04): a person named only by title is a person for the pronouns after; the subject of an event is remembered
after its recipients, so it is the antecedent; a count before an adjective and a noun still counts the plural. The
team's own sentences, none of them a gold item or a probe item."""

import pytest

from tests.coded import coded_sectors, first_of


@pytest.mark.parametrize(
    "text, event, actor",
    [
        ("Egypt's foreign minister visited Khartoum on Monday. He urged the warring sides to agree a truce.",
         "REQUEST", "EGY/GOV"),
        ("Poland's defence minister toured the border on Friday. She accused Belarusian guards of pushing migrants "
         "across.", "ACCUSE", "POL/GOV"),
    ],
)
def test_a_person_named_by_title_is_who_the_next_pronoun_is(code_text, text, event, actor):
    got = first_of(coded_sectors(code_text, text), event)
    assert got[2] == (actor,), got


def test_the_subject_not_the_one_met_is_the_next_he(code_text):
    got = first_of(coded_sectors(code_text, "Kenya's president met Ethiopia's prime minister in Nairobi. He urged "
                                            "Somali leaders to hold elections."), "REQUEST")
    assert got[2] == ("KEN/GOV",), got


@pytest.mark.parametrize(
    "text, actor",
    [
        ("The Pentagon ordered a carrier group to the eastern Mediterranean on Sunday.", "USA/MIL"),
        ("France ordered two frigates to the Red Sea.", "FRA/GOV"),
    ],
)
def test_a_force_ordered_somewhere_is_mobilised(code_text, text, actor):
    got = first_of(coded_sectors(code_text, text), "MOBILIZE", "weapons")
    assert got[2] == (actor,), got


def test_a_count_before_an_adjective_and_a_noun_still_counts_the_plural(code_text):
    got = first_of(coded_sectors(code_text, "Two Russian navy ships fired warning shots at a Japanese trawler."),
                   "THREATEN")
    assert got[2] and got[2][0].startswith("RUS/"), got
