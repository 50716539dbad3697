"""Wording families of material conflict on real wire copy: protests, force, coercion, mobilisation and
retreat said in the many ways reports say them — and the look-alikes that are no event."""

from datetime import date

import pytest


def _events(code_text, text):
    return [(e.event, tuple(e.mode), tuple(sorted(f"{a.code}/{a.sector}" for a in e.actor)),
             tuple(sorted(f"{a.code}/{a.sector}" for a in e.recipient)), e.modality)
            for e in code_text(text, date(2025, 3, 14)).events]


def _assert_codes(code_text, text, event, mode=None, actors=(), recipients=(), modality="asserted"):
    events = _events(code_text, text)
    found = [e for e in events if e[0] == event]
    assert found, f"no {event} in {events}"
    got = found[0]
    if mode is not None:
        assert mode in got[1], got
    assert set(actors) <= set(got[2]), got
    assert set(recipients) <= set(got[3]), got
    assert got[4] == modality, got


# --- PROTEST: the protest nouns wherever they stand, protesters as the doers of any act, crowds
@pytest.mark.parametrize(
    "text, mode, actors, recipients, modality",
    [
        # a protest noun in a prepositional phrase or as a subject: the crowds of the place
        ("Four people died in riots in the Bolivian city of Cochabamba overnight.", "riot", ["BOL/CVL"], [], "asserted"),
        ("Dozens were hurt during demonstrations in Tirana on Saturday.", "demo", ["ALB/CVL"], [], "asserted"),
        ("Protests erupted in Lusaka after the vote count was halted.", "demo", ["ZMB/CVL"], [], "asserted"),
        # clashes between protesters and police are the protesters' riot, aimed at the police
        ("Clashes broke out between protesters and police in Colombo on Monday.", "riot", ["LKA/CVL"], ["LKA/COP"], "asserted"),
        ("Demonstrators clashed with riot police outside parliament in Skopje.", "riot", ["MKD/CVL"], ["MKD/COP"], "asserted"),
        # protesters as the subject of any act
        ("Protesters in Harare hurled rocks at police vans.", "riot", ["ZWE/CVL"], [], "asserted"),
        ("Demonstrators in Sofia marched on the government building.", "demo", ["BGR/CVL"], [], "asserted"),
        # an unnamed crowd that takes to the streets or rallies
        ("Tens of thousands took to the streets of Bratislava on Friday.", "demo", ["SVK/CVL"], [], "asserted"),
        ("Hundreds rallied in Tegucigalpa against the new mining law.", "demo", ["HND/CVL"], [], "asserted"),
        # stage / hold / join a sit-in, a walkout
        ("Nurses in Ghana staged a sit-in at the health ministry in Accra.", "demo", ["GHA/MED"], [], "asserted"),
        ("Port workers in Mombasa staged a walkout over unpaid wages.", "strike", ["KEN/LAB"], [], "asserted"),
        # calling for a strike or a protest announces it: planned, not a request
        ("Unions in Argentina called for a general strike against the pension reform.", "strike", [], [], "future"),
        ("Opposition parties in Togo called for mass protests in Lomé next week.", "demo", ["TGO/OPP"], [], "future"),
    ],
)
def test_protest_wording_families(code_text, text, mode, actors, recipients, modality):
    _assert_codes(code_text, text, "PROTEST", mode, actors, recipients, modality)


@pytest.mark.parametrize(
    "text",
    [
        "Shares rallied in Tokyo as investors cheered the central bank's decision.",  # a market's rally
        "Oil prices staged a rally in London after the OPEC meeting.",
        "Thousands of fans marched through Lisbon to celebrate the league title.",  # sport
        "The governor of Kano banned all demonstrations for a week.",  # a ban is no protest (COERCE, not PROTEST)
        "The court upheld the ban on opposition rallies in Kigali.",
        "The union called off the strike after the government raised wages.",  # calling off is no planned strike
    ],
)
def test_protest_look_alikes_stay_quiet(code_text, text):
    assert "PROTEST" not in [e[0] for e in _events(code_text, text)], _events(code_text, text)


def test_protester_acts_add_one_protest_only(code_text):
    events = _events(code_text, "Protesters in Quito threw stones, burned tyres and blocked the main avenue.")
    assert len([e for e in events if e[0] == "PROTEST"]) == 1, events


def test_protest_crowd_with_tear_gas_is_force_on_them(code_text):
    _assert_codes(code_text, "Bolivian police engaged protesters with tear gas in La Paz.", "ASSAULT", "crowd-control",
                  ["BOL/COP"])
    _assert_codes(code_text, "Soldiers met the marchers with live fire in Bamako.", "ASSAULT", "firearms", ["MLI/MIL"])
