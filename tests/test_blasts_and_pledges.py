"""A bomb that brings a building down is still an attack; a blast of stored chemicals, a pledge to rebuild and the
missing after a sinking are the disaster, not politics (fourteenth round, 2026-12-05). The team's own sentences,
none of them a gold item or a probe item."""

import pytest

from tests.coded import assert_absent, coded_sectors, first_of


def test_a_bomb_that_collapses_a_building_is_an_attack(code_text):
    got = first_of(coded_sectors(code_text, "A car bomb exploded outside the police headquarters in Mosul, killing 31 "
                                            "people and collapsing a nearby hotel."), "ASSAULT")
    assert any(r.startswith("IRQ") for r in got[3]), got


@pytest.mark.parametrize(
    "text",
    [
        "An explosion of ammonium nitrate stored at a depot in Tianjin killed 173 people.",
        "A fire gutted the old parliament building in Copenhagen; the prime minister vowed to rebuild it.",
        "A tsunami struck the coast of Sulawesi, Indonesia. President Joko Widodo vowed to rebuild every school within a year.",
        "The ferry Sewol capsized off Jindo island; 300 passengers are missing.",
    ],
)
def test_a_disaster_and_the_answers_to_it_are_no_political_event(code_text, text):
    assert_absent(code_text, text, {"ASSAULT", "AGREE", "COERCE"})


def test_a_pledge_to_another_country_after_a_disaster_is_still_one(code_text):
    got = first_of(coded_sectors(code_text, "After the floods, Japan pledged 10 million dollars to Pakistan."), "AGREE")
    assert got[2] == ("JPN/GOV",) and got[3] == ("PAK/GOV",), got


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Moscow warned Berlin that its Leopard tanks would be destroyed if they were sent.", "THREATEN"),
        ("Rebels launched a lightning offensive on the town of Goma.", "ASSAULT"),
    ],
)
def test_a_word_of_nature_used_as_a_name_or_a_figure_is_no_disaster(code_text, text, kind):
    first_of(coded_sectors(code_text, text), kind)


def test_a_story_name_over_two_years_is_a_name(code_text):
    # "2014–15" opens a story name as "2014" does; the name tells no event and no second opinion on it
    coded = coded_sectors(code_text, "2019–20 Iraqi protests The prime minister resigns after weeks of "
                                     "anti-government demonstrations.")
    assert [(e[0], e[2]) for e in coded] == [("RETREAT", ("IRQ/GOV",)), ("PROTEST", ("IRQ/CVL",))], coded


def test_a_glued_story_name_gives_its_country_to_a_summary_that_names_none(code_text):
    coded = coded_sectors(code_text, "2018–19 Sudanese protests The army chief announces a curfew after crowds gather "
                                     "outside the defence ministry.")
    assert [(e[0], e[2]) for e in coded] == [("COERCE", ("SDN/MIL",))], coded


def test_a_march_named_for_a_holiday_is_nobody_s(code_text):
    got = first_of(coded_sectors(code_text, "Thousands of people joined the annual New Year's Day march in Istanbul."), "PROTEST")
    assert got[2] == ("TUR/CVL",), got
