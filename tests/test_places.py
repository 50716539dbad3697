"""Event locations: a place named in the text, or an inferred one that says so."""

from datetime import date

import pytest


def _locations(coded):
    return [(e.event, e.event_loc) for e in coded.events if e.event_loc is not None]


def test_places_capital_named_as_a_place_is_the_city(code_text):
    [(event, loc)] = _locations(code_text("Thousands of Kenyans marched in Nairobi against the new tax."))
    assert event == "PROTEST"
    assert (loc.extracted_place, loc.feature, loc.resolution, loc.country_code) == ("Nairobi", "city", 4, "KEN")
    assert not loc.inferred and not loc.defaulted


@pytest.mark.parametrize("text, country", [
    ("The United States accused Venezuela of rigging the vote.", "VEN"),
    ("Washington condemned the missile test by North Korea.", "PRK"),
    ("Brazil's president praised Argentina's new government.", "ARG"),
])
def test_places_inferred_from_an_actor_name_no_text_place_and_carry_coordinates(code_text, text, country):
    locations = _locations(code_text(text, date(2025, 2, 3)))
    assert locations
    for _, loc in locations:
        assert loc.inferred and loc.extracted_place is None
        assert loc.feature == "country" and loc.resolution == 1
        assert loc.lat is not None and loc.lon is not None


def test_places_united_states_has_coordinates(code_text):
    [(_, loc)] = _locations(code_text("Mexico's foreign minister criticised the United States over the border wall."))
    assert loc.country_code == "USA" and loc.lat == pytest.approx(38.9, abs=0.2)


def test_places_never_an_actor_phrase(code_text):
    coded = code_text("British Prime Minister Keir Starmer, a former human rights lawyer, met French President "
                      "Emmanuel Macron on Monday.", date(2025, 2, 3))
    for _, loc in _locations(coded):
        assert loc.extracted_place is None or "Starmer" not in loc.extracted_place


@pytest.mark.parametrize("text, code", [
    ("Ontario's premier criticised the new tariffs on Canadian steel.", "CAN"),
    ("The governor of Borno state condemned the attack on the market.", "NGA"),
    ("Bavaria's interior minister praised the police.", "DEU"),
])
def test_actors_regions_and_their_leaders_give_the_country(code_text, text, code):
    coded = code_text(text, date(2025, 3, 4))
    assert coded.events
    assert code in {a.code for e in coded.events for a in e.actor}


def test_actors_unnamed_take_the_country_of_the_place_and_say_so(code_text):
    coded = code_text("Gunmen attacked a checkpoint in Borno state, killing five soldiers.", date(2025, 3, 4))
    gunmen = [a for e in coded.events if e.event == "ASSAULT" for a in e.actor]
    assert gunmen and {(a.code, a.country_from) for a in gunmen} == {("NGA", "context")}


def test_actors_named_countries_say_they_come_from_the_text(code_text):
    coded = code_text("Kenya condemned the coup in Niger.", date(2025, 3, 4))
    assert [(a.code, a.country_from) for e in coded.events for a in e.actor] == [("KEN", "text")]


@pytest.mark.parametrize("text, place, country", [
    ("Gunmen shot dead a Honduran land activist at her home in Guaimaca on Thursday.", "Guaimaca", "HND"),
    ("Ethiopian troops killed dozens of civilians in the market town of Gidami, residents said.", "Gidami", "ETH"),
])
def test_places_a_place_the_kb_does_not_know_is_named_as_written_in_the_sentences_country(code_text, text, place,
                                                                                         country):
    [(event, loc)] = [(e, loc) for e, loc in _locations(code_text(text)) if e == "ASSAULT"]
    assert (loc.extracted_place, loc.resolved_place, loc.country_code) == (place, None, country)
    assert loc.defaulted and not loc.inferred and loc.lat is not None


@pytest.mark.parametrize("text", [
    "Gunmen killed four worshippers at a church on Easter Sunday, police in Nigeria said.",
    "A court in Egypt sentenced the activist in absentia to five years in prison.",
    "Chinese warships held live-fire drills in the Pacific, Taiwan's defence ministry said.",
    "A court in Cairo sentenced the blogger in absentia to ten years in prison.",
    "Indian jets struck nine sites in Operation Vermilion Dawn, the army said.",
])
def test_places_days_phrases_and_oceans_are_not_unknown_places(code_text, text):
    for _, loc in _locations(code_text(text)):
        assert loc.extracted_place not in ("Easter Sunday", "absentia", "Pacific", "Operation Vermilion Dawn"), loc
