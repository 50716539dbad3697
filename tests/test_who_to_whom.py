"""Who did it and to whom, where the fourteenth round found a side missing on its tuning files (2026-12-05): people
a rule names by their kind ("refugees", "soldiers") and a written nationality, people let through by a verb that
needs a deed ("allowed … to cross"), the country across a border troops are sent to, an organisation left, "the bloc"
in the sentence that names it, the group a band of gunmen is said to belong to. The team's own sentences, none of
them a gold item or a probe item."""

import pytest

from tests.coded import assert_absent, coded_sectors, first_of


@pytest.mark.parametrize(
    "text, kind, actor, recipient",
    [
        ("Kenya will take in 5,000 Somali refugees this year.", "AID", "KEN/GOV", "SOM/REF"),
        ("Jordan admitted 300 Syrian migrants stranded at the Rukban camp.", "AID", "JOR/GOV", "SYR/REF"),
        ("Egypt allowed 40 Palestinian students to travel through the Rafah crossing.", "RETREAT", "EGY/GOV", "PSE/EDU"),
        ("Kazakhstan let dozens of Afghan pilots enter the country.", "RETREAT", "KAZ/GOV", "AFG/MIL"),
    ],
)
def test_people_named_by_kind_and_nationality_are_the_recipient(code_text, text, kind, actor, recipient):
    got = first_of(coded_sectors(code_text, text), kind)
    assert got[2] == (actor,) and got[3] == (recipient,), got


def test_people_of_no_written_nationality_take_no_country_from_elsewhere_in_the_sentence(code_text):
    # the prisoners are not American because a gesture is made to Washington
    got = first_of(coded_sectors(code_text, "Minsk let 14 prisoners walk free in a gesture to Washington."), "RETREAT")
    assert not any(r.startswith("USA") for r in got[3]), got


def test_a_participle_complement_asks_no_one(code_text):
    # "ordered X held": X is detained, not told to do anything
    coded = coded_sectors(code_text, "A Bolivian judge ordered the former interior minister held in custody for six months.")
    assert "REQUEST" not in {e[0] for e in coded}, coded


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("India sent two more divisions to its frontier with China.", "IND/GOV", "CHN/GOV"),
        ("The deployment of 900 Kenyan troops to the border with Somalia began on Friday.", "KEN/MIL", "SOM/GOV"),
        ("Armenia and Georgia moved extra troops to their borders with Azerbaijan.", "ARM/GOV", "AZE/GOV"),
    ],
)
def test_troops_sent_to_a_border_are_aimed_across_it(code_text, text, actor, recipient):
    got = first_of(coded_sectors(code_text, text), "MOBILIZE")
    assert actor in got[2] and got[3] == (recipient,), got


def test_border_controls_are_not_aimed_at_the_neighbour(code_text):
    got = first_of(coded_sectors(code_text, "Germany reintroduced controls on its border with Austria."), "COERCE")
    assert not any(r.startswith("AUT") for r in got[3]), got


def test_leaving_an_organisation_is_aimed_at_it(code_text):
    coded = coded_sectors(code_text, "Hungary announced it would leave the International Criminal Court.")
    got = first_of(coded, "SANCTION")
    assert got[2] == ("HUN/GOV",) and got[3] == ("IGO/None",), got


def test_the_bloc_is_the_organisation_named_before_it_in_the_sentence(code_text):
    coded = coded_sectors(code_text, "Mali, Niger and Chad walked out of the African Union, accusing the bloc of bias.")
    got = first_of(coded, "ACCUSE")
    assert got[3] == ("IGO/None",), got


def test_calling_something_a_name_rings_no_one(code_text):
    assert_absent(code_text, "The Gambia quit the Commonwealth, calling the organisation a colonial relic.", {"CONSULT"})


@pytest.mark.parametrize(
    "text, kind, actor",
    [
        # a band said to belong to a group is that group
        ("Dozens of villagers were kidnapped by gunmen suspected of links to al-Shabaab.", "ASSAULT", "SOM/REB"),
        ("Fighters loyal to the Islamic State attacked a checkpoint near Kirkuk.", "ASSAULT", "IRQ/REB"),
        # "X became the first country to…" is X's act
        ("Uganda became the latest country to send troops to Somalia.", "MOBILIZE", "UGA/GOV"),
        ("Burundi becomes the first country to pull out of the International Criminal Court.", "SANCTION", "BDI/GOV"),
    ],
)
def test_the_doer_named_through_other_words(code_text, text, kind, actor):
    got = first_of(coded_sectors(code_text, text), kind)
    assert got[2] == (actor,), got


def test_a_band_chasing_a_group_is_not_that_group(code_text):
    got = first_of(coded_sectors(code_text, "Gunmen who were chasing Boko Haram fighters attacked a village."), "ASSAULT")
    assert "NGA/REB" not in got[2], got


@pytest.mark.parametrize("text", ["Senator Ann Reyes was the only Republican to vote to convict on the second charge.",
                                  "Kenya will become the first African nation to host the Commonwealth Games."])
def test_the_only_member_to_vote_or_the_first_to_host_games_does_no_politics(code_text, text):
    assert_absent(code_text, text, {"SANCTION", "CONSULT"})
