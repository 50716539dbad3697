"""Actors whose country a modifier or a place tells: the country that leads a coalition or a raid
("Saudi-led"), a backer that is not the country of what it backs ("Iranian-backed militias"), a
possessive pronoun's government, a national institution of another country than the KB's default
("Guatemala's Congress"), and towns news spells otherwise than GeoNames ("Raqqa", "Basra")."""

from datetime import date
from functools import partial

import pytest

from tests.coded import events_of

_events = partial(events_of, published=date(2025, 3, 4))


def _codes(actors):
    return sorted(a.code for a in actors)


@pytest.mark.parametrize("text, actor", [
    ("A Saudi-led air raid on a fuel depot in northern Yemen killed nine people on Tuesday.", "SAU"),
    ("US-led coalition airstrikes destroyed a bridge near Mosul overnight.", "USA"),
    ("A French-led force pulled out of Gao after nine years.", "FRA"),
    ("The Russian-led alliance sent paratroopers to Almaty.", "RUS"),
])
def test_the_country_that_leads_is_the_actor(coder, text, actor):
    events = _events(coder, text)
    assert events, text
    assert _codes(events[0].actor) == [actor], events[0]


def test_the_leading_country_is_no_place_of_the_sentence(coder):
    [event] = _events(coder, "US-led coalition airstrikes killed 12 civilians on Sunday.", "ASSAULT")
    assert _codes(event.actor) == ["USA"]
    assert "USA" not in _codes(event.recipient), event.recipient  # the civilians are not American


def test_a_backer_is_not_the_country_of_what_it_backs(coder):
    [event] = _events(coder, "Iranian-backed militias attacked a supply convoy in Basra on Friday.", "ASSAULT")
    assert _codes(event.actor) == ["IRQ"]  # the place, not the backer
    [other] = _events(coder, "Russian-backed separatists shelled a school in Donetsk.", "ASSAULT")
    assert _codes(other.actor) == ["UKR"]


@pytest.mark.parametrize("text, kind, actor", [
    ("Fiji's prime minister denied that his government had asked Beijing for a loan.", "REQUEST", "FJI"),
    ("Chile's president said her government would expel the diplomats.", "SANCTION", "CHL"),
])
def test_a_persons_government_is_their_country(coder, text, kind, actor):
    events = _events(coder, text, kind)
    assert events and _codes(events[0].actor) == [actor], _events(coder, text)


@pytest.mark.parametrize("text, actor", [
    ("Guatemala's Congress voted to strip President Otto Pérez of immunity.", "GTM"),
    ("The Colombian Senate condemned the bombing of the police station.", "COL"),
    ("The US Congress condemned the attack on the embassy.", "USA"),
])
def test_a_national_institution_takes_the_country_that_owns_it(coder, text, actor):
    events = _events(coder, text)
    assert events and _codes(events[0].actor) == [actor], events


@pytest.mark.parametrize("text, country", [
    ("Gunmen killed four soldiers near Raqqa on Monday.", "SYR"),
    ("Police in Basra arrested two smugglers.", "IRQ"),
    ("Militants attacked a checkpoint outside Derna.", "LBY"),
])
def test_cities_spelled_as_news_spells_them_give_their_country(coder, text, country):
    events = _events(coder, text)
    assert events and _codes(events[0].actor) == [country], events


def test_a_small_town_of_a_country_the_report_does_not_name_is_no_place(coder):
    # "La Esperanza" is also a larger Guatemalan town; the report names Honduras only
    [event] = _events(coder, "Honduran activist Rosa Mejía was shot dead by gunmen at her home in La Esperanza.",
                      "ASSAULT")
    assert _codes(event.actor) == ["HND"]


def test_a_wedding_party_is_people_not_a_political_party(coder):
    [event] = _events(coder, "An airstrike hit a wedding party in Hajjah province, killing 20 guests.", "ASSAULT")
    assert all(a.sector != "PTY" for a in event.recipient), event.recipient


def test_a_city_the_tagger_takes_for_a_people_still_places_the_actor(coder):
    [event] = _events(coder, "Government forces target a market in eastern Aleppo city with rockets, killing 30 civilians.",
                      "ASSAULT")
    assert _codes(event.actor) == ["SYR"]


@pytest.mark.parametrize("text, actor", [
    ("Austria halted train traffic at its border with Hungary on Monday.", "AUT"),
    ("The Serbian government stopped all traffic across the bridge.", "SRB"),
])
def test_halting_traffic_is_a_restriction(coder, text, actor):
    [event] = _events(coder, text, "COERCE")
    assert _codes(event.actor) == [actor] and event.mode == ("restrict",)


def test_halting_traffic_needs_a_state_actor(coder):
    assert not _events(coder, "Heavy snow halted traffic on the main highway.", "COERCE")


def test_a_town_the_tagger_reads_as_a_place_is_not_a_persons_surname(coder):
    # "Djibo" is also the surname of a former head of state of Niger in the knowledge base
    [event] = _events(coder, "Gunmen killed nine villagers near Djibo on Sunday.", "ASSAULT")
    assert _codes(event.actor) == ["BFA"]


def test_deaths_hung_on_the_victims_clause_are_the_attacks(coder):
    events = _events(coder, "Militants attacked worshippers gathered outside a mosque in Kano on Friday, killing 30.",
                     "ASSAULT")
    assert len(events) == 1 and _codes(events[0].actor) == ["NGA"], events


def test_its_after_a_force_that_spoke_is_that_forces_country(coder):
    [event] = _events(coder, "A truce in the valley took effect at dawn, the Ethiopian army said, and its troops "
                             "began pulling back from the front.", "RETREAT")
    assert _codes(event.actor) == ["ETH"]


def test_crowds_belong_to_the_place_not_to_the_country_that_acts(coder):
    [event] = _events(coder, "Turkey reopened its consulate in Mosul, Iraq, after closing it in 2014 during violent "
                             "protests.", "PROTEST")
    assert _codes(event.actor) == ["IRQ"]


def test_bare_plural_protesters_are_those_named_before(coder):
    # the place is Israel's; the protesters were named Palestinian in the sentence before
    events = _events(coder, "Israeli police engaged Palestinian protesters near Jerusalem's Old City on Friday. "
                            "Protesters threw fireworks at the officers.", "PROTEST")
    assert events and _codes(events[-1].actor) == ["PSE"], events


@pytest.mark.parametrize("text, country", [
    ("Youths set fire to cars on the outskirts of Marseille overnight.", "FRA"),
    ("Gunmen opened fire on a bus in the centre of Leicester.", "GBR"),
])
def test_a_city_the_tagger_takes_for_a_club_still_places_the_actor(coder, text, country):
    events = _events(coder, text)
    assert events and _codes(events[0].actor) == [country], events


@pytest.mark.parametrize("text, kind, place", [
    ("Turkish jets bombed PKK camps in northern Iraq on Sunday.", "ASSAULT", "Iraq"),
    ("Egypt deployed 800 troops to Yemen.", "MOBILIZE", "Yemen"),
])
def test_the_place_inside_the_events_phrase_or_its_destination(coder, text, kind, place):
    [event] = _events(coder, text, kind)
    assert event.event_loc is not None and event.event_loc.extracted_place == place, event.event_loc


def test_a_place_in_another_clause_is_not_the_events(coder):
    [event] = _events(coder, "Egypt deployed 800 troops after talks that were held in Paris.", "MOBILIZE")
    assert event.event_loc is None or event.event_loc.extracted_place != "Paris", event.event_loc


@pytest.mark.parametrize("text, kind, target", [
    ("The European Commission fines Oxvale Logistics for price fixing.", "SANCTION", "Oxvale Logistics"),
    ("Brazil's competition regulator fines Tramonta Foods for rigging bids.", "SANCTION", "Tramonta Foods"),
])
def test_a_firm_the_kb_does_not_know_is_still_the_one_acted_on(coder, text, kind, target):
    [event] = _events(coder, text, kind)
    assert [(a.entity_text, a.code, a.sector) for a in event.recipient] == [(target, None, None)]


def test_a_firm_the_kb_does_not_know_is_no_doer(coder):
    # the clause "becoming…" is parsed as the convention's: a treaty joins nothing
    events = _events(coder, "Angola joins the Arms Trade Treaty, becoming the 110th state to join the treaty.", "AGREE")
    assert events and all(_codes(e.actor) == ["AGO"] for e in events), events


def test_a_region_the_tagger_reads_as_a_firm_needs_its_country_named(coder):
    [sued] = _events(coder, "The government sues Meta over privacy violations.", "ACCUSE")
    # the company the KB knows (data/kb/companies.yaml), not the Colombian department of Meta
    assert [(a.code, a.sector) for a in sued.recipient] == [("USA", "BUS")]
    [attack] = _events(coder, "Police in Colombia's Meta department arrest a rebel commander.", "COERCE")
    assert _codes(attack.actor) == ["COL"]
