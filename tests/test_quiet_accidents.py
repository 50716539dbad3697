"""Disasters and accidents stay quiet however the summary words them, and an armed actor's act in one
is still coded. Sentences the team wrote in the shape of one-line news summaries."""

from datetime import date
from functools import partial

import pytest

from tests.coded import events_of

_events = partial(events_of, published=date(2015, 9, 30))


@pytest.mark.parametrize("text", [
    "A gas explosion at a restaurant in the Indian town of Petlawad kills at least 89 people.",
    "A tanker truck explodes on a highway in Nigeria, killing 60 people.",
    "A boiler blast at a textile mill kills nine workers.",
    "A stampede during the Hajj pilgrimage near Mecca kills at least 700 pilgrims and injures hundreds more.",
    "A boat carrying migrants capsizes off the Greek island of Farmakonisi, drowning 34 people.",
    "A methane blast at a coal mine in northern China traps 22 miners underground.",
    "A bus plunges into a ravine in the Peruvian Andes, killing 25 passengers.",
    "Strong winds topple a construction crane onto a mosque, killing 107 people.",
    "A fire breaks out at a hospital in Baghdad, killing 12 newborn babies.",
    "Lightning strikes kill 20 people in Bangladesh during monsoon storms.",
    "A landslide buries a village in Guatemala, leaving more than 150 people dead.",
    "Flavia Pennetta defeats Roberta Vinci to win the US Open women's singles title.",
    "The Dow Jones falls more than 400 points as fears over China's economy grow.",
    "A series of explosions at a chemical warehouse in the port city kills 173 people.",
    "A fire at a textile factory outside Dhaka kills 27 workers.",
    "An airliner breaks up in mid-air over the desert, killing all 224 people on board.",
    "The meteorological agency issues emergency warnings as a typhoon triggers severe flooding in the north.",
    "Malaysia closes schools in several states as haze from forest fires worsens.",
    "Authorities in Manila suspend classes and close government offices as the typhoon approaches.",
    "A storm brought down a stage at the festival. Most of the people killed were teenagers.",
    "Delta Air Lines halts all departures for two hours because of a computer glitch.",
    "Serena Williams fought back from a set down to claim another Grand Slam title in Melbourne.",
    "The Brazilian winger fired in a free kick as his club won its pre-season opener in Lima.",
])
def test_a_disaster_accident_sport_or_market_summary_codes_no_event(coder, text):
    assert not _events(coder, text)


@pytest.mark.parametrize("text, actor_sector", [
    ("Dozens of people were killed in a gas attack on the town of Douma.", None),
    ("A truck bomb exploded in Mogadishu, killing 20 people.", None),
    ("Militants set fire to a gas tanker, killing its driver.", "REB"),
])
def test_an_attack_with_fuel_or_gas_is_still_an_assault(coder, text, actor_sector):
    events = [e for e in _events(coder, text) if e.event == "ASSAULT"]
    assert events, text
    if actor_sector:
        assert any(a.sector == actor_sector for a in events[0].actor), events[0]


@pytest.mark.parametrize("text, kind", [
    ("Police broke up the march, killing two protesters.", "ASSAULT"),
    ("Soldiers closed the border crossing as floods hit the region.", "COERCE"),
    ("The army warned the rebels it would strike if they entered the flooded town.", "THREATEN"),
    ("Thousands of pagers exploded across the country, killing 12 people in an attack blamed on the spy agency.",
     "ASSAULT"),
    ("Gunmen stormed a village on Sunday, and most of the people killed were women.", "ASSAULT"),
])
def test_a_force_acting_in_a_disaster_or_a_blast_that_is_an_attack_is_still_coded(coder, text, kind):
    assert any(e.event == kind for e in _events(coder, text)), _events(coder, text)


@pytest.mark.parametrize("text", [
    "A strike by London Underground workers shuts down the entire Tube network for 24 hours.",
    "The nurses' strike at three Lagos hospitals entered its second week.",
])
def test_a_strike_by_working_people_is_a_walkout_not_an_attack_or_censorship(coder, text):
    events = _events(coder, text)
    assert [e.event for e in events] == ["PROTEST"] and events[0].mode == ("strike",), events


def test_an_air_strike_stays_an_attack(coder):
    events = _events(coder, "An air strike by the coalition on a wedding party near Hodeidah killed 40 guests.")
    assert [e.event for e in events] == ["ASSAULT"], events
