"""Whose country an unnamed actor takes (twelfth round, 2026-12-04): a country named as the owner of the people an
act is aimed at is no place of the sentence, so the dateline speaks ("CANBERRA — The foreign minister summoned
China's ambassador"); the owner of the subject still sets the scene; a region written with its kind is a region,
also when a country or a city took its bare name ("Niger State", "Lagos State", "Rakhine state"). The team's own
sentences, none of them a gold item or a probe item."""

import pytest

from tests.coded import coded_sectors, first_of


@pytest.mark.parametrize(
    "text, event, actor",
    [
        ("NAIROBI — The interior minister summoned Uganda's envoy on Monday over the border killings.", "ACCUSE", "KEN/GOV"),
        ("ISLAMABAD — The foreign office warned Delhi's leaders on Friday against any strike across the border.",
         "THREATEN", "PAK/GOV"),
    ],
)
def test_the_owner_of_whom_an_act_is_aimed_at_gives_no_place(code_text, text, event, actor):
    got = first_of(coded_sectors(code_text, text), event)
    assert got[2] == (actor,), got


def test_the_owner_of_the_subject_still_sets_the_scene(code_text):
    got = first_of(coded_sectors(code_text, "Colombia's government and rebels in the south agreed to a ceasefire "
                                            "after talks in Havana."), "AGREE")
    assert set(got[2]) == {"COL/GOV", "COL/REB"}, got


@pytest.mark.parametrize(
    "text, event, actor",
    [
        ("Bandits abducted 30 villagers in Niger State on Sunday, police said.", "ASSAULT", "NGA/"),
        ("Soldiers in Rakhine state burned a village on Tuesday.", "ASSAULT", "MMR/"),
        ("Police in Sistan-Baluchestan province arrested four men.", "COERCE", "IRN/"),
    ],
)
def test_a_region_named_with_its_kind_is_a_place(code_text, text, event, actor):
    got = first_of(coded_sectors(code_text, text), event)
    assert got[2] and got[2][0].startswith(actor), got


def test_a_country_that_shares_a_regions_name_is_still_the_country(code_text):
    got = first_of(coded_sectors(code_text, "Niger expelled the French ambassador on Tuesday."), "SANCTION")
    assert got[2] == ("NER/GOV",), got


def test_a_title_word_inside_a_known_name_is_no_title(code_text):
    got = first_of(coded_sectors(code_text, "General Motors was ordered to pay a $50 million fine in Seoul."), "SANCTION")
    assert got[3] == ("USA/BUS",), got
