"""Wording families of material conflict on real wire copy: protests, force, coercion, mobilisation and
retreat said in the many ways reports say them — and the look-alikes that are no event."""

import pytest

from tests.coded import DAY, codes_and_sectors


def _events(code_text, text):
    return codes_and_sectors(code_text(text, DAY))


def _assert_codes(code_text, text, event, mode=None, actors=(), recipients=(), modality="asserted"):
    events = _events(code_text, text)
    found = [e for e in events if e[0] == event]
    assert found, f"no {event} in {events}"
    got = next((e for e in found if mode is None or mode in e[1]), found[0])
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
        ("Riots erupted in the Bolivian city of Cochabamba overnight.", "riot", ["BOL/CVL"], [], "asserted"),
        ("Dozens were hurt during demonstrations in Tirana on Saturday.", "demo", ["ALB/CVL"], [], "asserted"),
        ("Protests erupted in Lusaka after the vote count was halted.", "demo", ["ZMB/CVL"], [], "asserted"),
        # clashes between protesters and police are the protesters' riot, aimed at the police
        ("Clashes broke out between protesters and police in Colombo on Monday.", "riot", ["LKA/CVL"], ["LKA/COP"], "asserted"),
        ("Demonstrators clashed with riot police outside parliament in Skopje.", "riot", ["MKD/CVL"], ["MKD/COP"], "asserted"),
        # protesters as the subject of any act
        ("Protesters in Harare hurled rocks at police vans.", "riot", ["ZWE/CVL"], [], "asserted"),
        ("Demonstrators in Sofia pelted the government building with eggs.", "riot", ["BGR/CVL"], [], "asserted"),
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


# --- ASSAULT, COERCE, MOBILIZE, RETREAT: wording families
@pytest.mark.parametrize(
    "text, event, mode, actors, recipients, modality",
    [
        # force reported as going on, no side named: one ASSAULT with no actor and no recipient
        ("Fighting and shelling have continued around Bakhmut for weeks.", "ASSAULT", "heavy-weapons", [], [], "asserted"),
        ("Heavy fighting raged in Omdurman on Saturday.", "ASSAULT", None, [], [], "asserted"),
        # passive force on what a force owns or is: its sector and the place's country
        ("A police car in Nablus was attacked with rifle fire.", "ASSAULT", "firearms", [], ["PSE/COP"], "asserted"),
        ("An army patrol was fired upon in northern Mali.", "ASSAULT", "firearms", [], ["MLI/MIL"], "asserted"),
        # crushing an armed force is fighting it
        ("The Congolese army crushed the rebel militia near Goma.", "ASSAULT", None, ["COD/MIL"], [], "asserted"),
        ("Government troops repelled an attack on Maiduguri.", "ASSAULT", None, ["NGA/MIL"], [], "asserted"),
        # taking places and ships
        ("Sudanese forces regained control of the refinery at Jaili.", "COERCE", "seize", ["SDN/MIL"], [], "asserted"),
        ("The Greek navy intercepted a tanker off Crete.", "COERCE", "seize", ["GRC/MIL"], [], "asserted"),
        ("Rebels announced the capture of the airbase outside Kidal.", "COERCE", "seize", [], [], "asserted"),
        ("The Libyan navy intercepted a fishing trawler off Misrata.", "COERCE", "seize", ["LBY/MIL"], [], "asserted"),
        ("A night curfew was imposed on Bamako after the riots.", "COERCE", "curfew", ["MLI/GOV"], [], "asserted"),
        # forces that move on their own, face-offs, surveillance flights, alerts
        ("Ethiopian troops massed along the Eritrean border.", "MOBILIZE", "troops", ["ETH/MIL"], [], "asserted"),
        ("Kurdish fighters advanced on the town of Raqqa.", "MOBILIZE", None, [], [], "asserted"),
        ("Thai and Cambodian soldiers faced off near the disputed temple.", "MOBILIZE", "troops", ["KHM/MIL", "THA/MIL"], [], "asserted"),
        ("Turkey began flying drones over northern Iraq.", "MOBILIZE", "weapons", ["TUR/GOV"], [], "asserted"),
        ("South Korea put its forces on high alert.", "MOBILIZE", "troops", ["KOR/GOV"], [], "asserted"),
        # stepping down, letting people pass
        ("Malawi's finance minister quit the government over the fuel scandal.", "RETREAT", "resign", ["MWI/GOV"], [], "asserted"),
        ("Slovenia let the migrants cross into Austria.", "RETREAT", "access", ["SVN/GOV"], [], "asserted"),
    ],
)
def test_force_and_coercion_wording_families(code_text, text, event, mode, actors, recipients, modality):
    _assert_codes(code_text, text, event, mode, actors, recipients, modality)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("A fire killed nine people at a market in Onitsha.", "ASSAULT"),  # a blaze, not gunfire
        ("Firefighters battled the fire at a warehouse in Durban.", "ASSAULT"),
        ("Brazil crushed Peru 4-0 in the World Cup qualifier.", "ASSAULT"),  # sport
        ("The ruling party crushed the opposition in the municipal elections.", "ASSAULT"),  # votes, not force
        ("Talks on the budget moved into a third day in Nairobi.", "MOBILIZE"),  # no force moves
        ("Stock markets advanced in Seoul on Tuesday.", "MOBILIZE"),
        ("The chief executive quit the company after the merger.", "RETREAT"),  # business news
        ("Fighting broke out between rival fans at the football stadium in Buenos Aires.", "ASSAULT"),  # sport
        ("The fight against inflation continued in Ankara.", "ASSAULT"),  # a metaphor
    ],
)
def test_force_look_alikes_stay_quiet(code_text, text, wrong):
    assert wrong not in [e[0] for e in _events(code_text, text)], _events(code_text, text)


def test_rules_refuse_yaml_booleans_in_word_keys():
    """YAML reads `prep: on` as true: the loader refuses it instead of silently never matching."""
    from dyad.coding.rules import _rule
    from dyad.errors import DataError
    from dyad.ontology import load_ontology

    with pytest.raises(DataError, match="quote it"):
        _rule("verb", {"lemma": ["put"], "type": "MOBILIZE", "prep": True}, {}, load_ontology().types, 0)


# --- wire shapes: headline present tense, passive pairs, arson, nominal strikes
@pytest.mark.parametrize(
    "text, event, mode, actors, recipients",
    [
        # a present-tense verb the parser takes for a noun ("exchange", "capture")
        ("Armenia and Azerbaijan exchange four prisoners of war.", "RETREAT", "release", ["ARM/GOV", "AZE/GOV"], []),
        # a place named, then said to be a town: taken, not arrested
        ("Malian rebels captured Kidal, the largest town in the north.", "COERCE", "seize", ["MLI/REB"], []),
        ("Thai and Cambodian troops face-off near the Preah Vihear temple.", "MOBILIZE", "troops", ["KHM/MIL", "THA/MIL"], []),
        # the second verb of a passive pair carries the agent
        ("A cargo ship flying a Liberian flag was boarded and seized off Yemen by Houthi fighters.", "COERCE", "seize", ["YEM/REB"], []),
        # arson by protesters is force on what they burn
        ("Protesters set fire to the ruling party's headquarters in Dhaka.", "ASSAULT", "destroy", ["BGD/CVL"], []),
        ("Demonstrators stormed the governor's office in Baghdad and set it ablaze.", "ASSAULT", None, ["IRQ/CVL"], []),
        # nominal strikes with their own words, and a state of emergency beside a curfew
        ("Flights were grounded across Portugal during a nationwide strike against the budget.", "PROTEST", "strike", ["PRT/CVL"], []),
        ("The junta imposed a state of emergency and a night curfew in Niamey.", "COERCE", "martial-law", [], []),
    ],
)
def test_wire_shapes(code_text, text, event, mode, actors, recipients):
    _assert_codes(code_text, text, event, mode, actors, recipients)


def test_state_of_emergency_and_curfew_are_two_acts(code_text):
    modes = sorted(m for e in _events(code_text, "The junta imposed a state of emergency and a night curfew in Niamey.")
                   if e[0] == "COERCE" for m in e[1])
    assert modes == ["curfew", "martial-law"]


def test_arson_after_storming_is_one_assault_and_no_protest(code_text):
    events = _events(code_text, "Demonstrators stormed the governor's office in Baghdad and set it ablaze.")
    assert [e[0] for e in events] == ["ASSAULT"], events


def test_passive_pair_is_one_act(code_text):
    events = _events(code_text, "The Uzbek blogger was convicted and sentenced to six years in Tashkent.")
    assert len([e for e in events if e[0] == "SANCTION"]) == 1, events


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("The court set a date for the trial of the former minister.", "ASSAULT"),  # "set" without fire
        ("Gold prices were driven higher by global unrest.", "PROTEST"),  # an abstraction
        ("Police in Sucre broke up the march with tear gas.", "PROTEST"),  # the march told before
        ("Storms flooded the port of Beira, and fire destroyed a market in Chimoio.", "ASSAULT"),  # disasters
    ],
)
def test_wire_shape_look_alikes_stay_quiet(code_text, text, wrong):
    assert wrong not in [e[0] for e in _events(code_text, text)], _events(code_text, text)


# --- said of the future; deaths in riots; relief and stationing; launches and beatings
@pytest.mark.parametrize(
    "text, event, modality",
    [
        # an announced withdrawal concedes (gold convention), also with "would" in the announcement
        ("Belgium announced it would pull its remaining troops out of Mali by June.", "CONCEDE", "asserted"),
        # a "would" in what someone says is their future, not a condition
        ("Ghana said it would deploy 500 soldiers to the border next month.", "MOBILIZE", "future"),
        # guards for the two lines above: an inverted condition stays hypothetical, however the parser hangs it
        ("Should Serbia send troops to the border, Kosovo would close its airspace, the minister said.", "MOBILIZE", "hypothetical"),
        # a strike told as called by someone is the strike itself, not a planned one
        ("The general strike called by Chile's unions shut ports and mines across the country.", "PROTEST", "asserted"),
    ],
)
def test_modality_of_said_and_conditional_acts(code_text, text, event, modality):
    _assert_codes(code_text, text, event, None, (), (), modality)


@pytest.mark.parametrize(
    "text, event, mode, actors, recipients",
    [
        ("Iran launched dozens of drones and missiles at Israel overnight.", "ASSAULT", "drone", ["IRN/GOV"], ["ISR/GOV"]),
        ("Houthi rebels launched a ballistic missile at Saudi Arabia.", "ASSAULT", "heavy-weapons", ["YEM/REB"], []),
        ("Riot police in Caracas beat demonstrators with batons.", "ASSAULT", "beat", ["VEN/COP"], []),
    ],
)
def test_launches_and_beatings(code_text, text, event, mode, actors, recipients):
    _assert_codes(code_text, text, event, mode, actors, recipients)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Six people were killed in riots in the Kenyan town of Kisumu.", "ASSAULT"),  # deaths are part of the riot
        ("Thousands fled fighting in the Sudanese region of Darfur.", "ASSAULT"),  # why they left, not an attack told
        ("Nigerian troops stationed in Borno were attacked overnight.", "MOBILIZE"),  # where they are, not a move
        ("The Afghan army deployed soldiers to Baghlan province to rescue villagers after the floods.", "MOBILIZE"),
        ("Russia pulled out of the grain initiative on Monday.", "RETREAT"),  # a deal, not a front line
    ],
)
def test_casualty_relief_and_deal_look_alikes(code_text, text, wrong):
    assert wrong not in [e[0] for e in _events(code_text, text)], _events(code_text, text)


def test_troops_shooting_during_protests_stay_an_assault(code_text):
    events = _events(code_text, "Israeli troops shot dead 12 Palestinians during protests near Gaza.")
    assert sorted(e[0] for e in events) == ["ASSAULT", "PROTEST"], events


# --- crowds filling public space, gathering to demand — and crowds that celebrate
@pytest.mark.parametrize(
    "text, actors",
    [
        ("Tens of thousands poured into the streets of Tbilisi on Sunday.", ["GEO/CVL"]),
        ("Supporters of the opposition thronged the main square in Dhaka.", ["BGD/OPP"]),  # supporters of a party are that party (resolve: "supporters of")
        ("Hundreds of nurses gathered outside the health ministry in Nairobi to demand unpaid wages.", ["KEN/MED"]),
    ],
)
def test_crowds_in_public_space(code_text, text, actors):
    _assert_codes(code_text, text, "PROTEST", "demo", actors)


@pytest.mark.parametrize(
    "text",
    [
        "Residents of Benghazi poured into the streets to celebrate the end of the siege.",
        "Heavy rain flooded the streets of Lagos.",
        "Troops poured into the streets of Yangon after the coup.",
        "Crowds gathered in Dakar to welcome the returning team.",
        "Pilgrims marched to the shrine in Karbala to mourn the imam.",
    ],
)
def test_crowds_that_do_not_protest(code_text, text):
    assert "PROTEST" not in [e[0] for e in _events(code_text, text)], _events(code_text, text)


@pytest.mark.parametrize(
    "text, event, mode, actors",
    [
        ("Pakistani troops dismantled a watchtower the Indian army had built near the line.", "ASSAULT", "destroy", ["PAK/MIL"]),
        ("Riot police tore down the barricades in central Kyiv.", "ASSAULT", "destroy", ["UKR/COP"]),
        ("Thousands in Tirana started a march to the parliament.", "PROTEST", "demo", ["ALB/CVL"]),
    ],
)
def test_pulling_down_and_marching_off(code_text, text, event, mode, actors):
    _assert_codes(code_text, text, event, mode, actors)


def test_dismantling_a_network_is_no_assault(code_text):
    assert "ASSAULT" not in [e[0] for e in _events(code_text, "The government dismantled the smuggling network in Tripoli.")]
