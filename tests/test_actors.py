"""Actors on real-news wording: anaphora, titles outside government, datelines, owners of assets."""

from datetime import date

import pytest

from dyad.sources.files import make_article


def _events(coder, text, published=date(2025, 3, 4)):
    return coder.code(make_article(text, date_=published)).events


def test_actors_the_bloc_refers_back_to_the_organisation(coder):
    events = _events(coder, "The Southern African Development Community (SADC) met in Harare on Monday. "
                            "The bloc agreed to send observers to the election.")
    agree = [e for e in events if e.event == "AGREE"]
    assert agree and [(a.code, a.identifier_text) for a in agree[0].actor] == [
        ("IGO", "Southern African Development Community")]
    assert agree[0].actor[0].entity_text == "The bloc"


def test_actors_a_union_leader_is_labour_not_the_prime_minister(coder):
    events = _events(coder, "Chile's prime minister met mining executives on Monday. One union leader criticised "
                            "the minister.")
    accuse = next(e for e in events if e.event == "ACCUSE")
    [leader] = accuse.actor
    assert leader.sector == "LAB" and leader.office is None and leader.identifier_text is None
    meeting = next(e for e in events if e.event == "CONSULT")
    assert {a.sector for a in meeting.actor} == {"GOV", "BUS"}


def test_actors_first_word_after_a_dateline_is_parsed_as_a_sentence_start(coder):
    events = _events(coder, "DOHA (Gulf Wire) – Negotiators from Sudan and Chad met for a second round of talks.")
    meeting = [e for e in events if e.event == "CONSULT"]
    assert meeting and {a.code for a in meeting[0].actor} == {"SDN", "TCD"}
    assert all(a.sector == "GOV" for a in meeting[0].actor)


def test_actors_unnamed_actors_take_the_country_of_a_dated_dateline(coder):
    [arrest] = [e for e in _events(coder, "HARARE, Oct 10 (Agency) – Police detained two opposition activists "
                                          "on Thursday.") if e.event == "COERCE"]
    assert [(a.code, a.sector) for a in arrest.actor] == [("ZWE", "COP")]
    assert arrest.event_loc.extracted_place == "Harare" and arrest.event_loc.inferred


def test_actors_a_dateline_town_outside_the_kb_gives_the_country_after_it(coder):
    [arrest] = [e for e in _events(coder, "KAOLACK-EAST, Senegal (Agency) – Police detained two opposition "
                                          "activists on Thursday.") if e.event == "COERCE"]
    assert [(a.code, a.sector) for a in arrest.actor] == [("SEN", "COP")]
    assert arrest.event_loc.country_code == "SEN" and arrest.event_loc.feature == "country"


def test_actors_an_article_naming_no_place_gives_its_one_nationality_to_unnamed_actors(coder):
    events = _events(coder, "Bolivian President Luis Arce dismissed his cabinet on Monday. Hours later, soldiers "
                            "barred opposition lawmakers from entering the assembly.")
    [barred] = [e for e in events if e.event == "COERCE" and e.trigger == "barred"]
    assert [(a.code, a.sector) for a in barred.actor] == [("BOL", "MIL")]


def test_actors_two_nationalities_named_as_often_give_no_country(coder):
    events = _events(coder, "A Peruvian envoy and a Chilean envoy met on Monday. Hours later, police detained "
                            "two activists.")
    [arrest] = [e for e in events if e.event == "COERCE"]
    assert [a.code for a in arrest.actor] == [None]


def test_actors_chinese_provinces_are_named_without_their_pinyin_kind(coder):
    [arrest] = [e for e in _events(coder, "Police detained a factory owner in Henan province after the fire.")
                if e.event == "COERCE"]
    assert [(a.code, a.sector) for a in arrest.actor] == [("CHN", "COP")]


def test_actors_assets_of_named_owners_are_not_the_country_they_lie_in(coder):
    events = _events(coder, "The measures freeze any British assets of the companies named in the order.")
    assert not any(a.code == "GBR" for e in events for a in e.recipient)


def test_actors_a_facility_named_by_its_city_places_the_act_there_not_where_the_arrested_came_from(coder):
    [arrest] = [e for e in _events(coder, "Police detained the opposition leader at a Minsk airport on his return "
                                          "from Lithuania.") if e.event == "COERCE"]
    assert [(a.code, a.sector) for a in arrest.actor] == [("BLR", "COP")]


@pytest.mark.parametrize("text, country", [
    ("ALEXANDRIA, Va. (Agency) – Police arrested a man over the shooting on Monday.", "USA"),  # not Egypt's city
    ("TRIPOLI, Lebanon (Agency) – Police arrested a man over the shooting on Monday.", "LBN"),  # not Libya's
])
def test_actors_a_dateline_state_or_country_after_the_city_decides_which_city(coder, text, country):
    [arrest] = [e for e in _events(coder, text) if e.event == "COERCE"]
    assert [a.code for a in arrest.actor] == [country]


def test_actors_the_nationality_of_visitors_or_goods_is_no_articles_country(coder):
    events = _events(coder, "Coast guards seized a tanker carrying Venezuelan crude. Hours later, the navy detained "
                            "its crew.")
    [detained] = [e for e in events if e.trigger == "detained"]
    assert [a.code for a in detained.actor] == [None], detained
