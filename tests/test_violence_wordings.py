"""Short reports of violence, arrests and sentences in the words feeds use, found missing by probing
with the team's own snippets (2026-12-04): killings "to death", suicide bombers, police slang for
arrests, people snatched by gunmen, forces "neutralising" fighters, prison terms handed down, and
shootings during protests."""

import pytest

from tests.coded import assert_absent, assert_asserted, assert_types, coded_sectors


@pytest.mark.parametrize(
    "text, event, mode, actor, recipient",
    [
        ("Unidentified assailants hacked a village chief to death in northern Mozambique on Tuesday.",
         "ASSAULT", "primitive", "MOZ/UAF", "MOZ/GOV"),
        ("A suicide bomber blew himself up at a checkpoint outside Mogadishu.",
         "ASSAULT", "suicide-attack", "SOM/UAF", None),
        ("Two journalists were picked up by plainclothes police officers in Minsk.",
         "COERCE", "arrest", "BLR/COP", "BLR/JRN"),
        ("Police in Tehran hauled in dozens of women for flouting the dress code.",
         "COERCE", "arrest", "IRN/COP", None),
        ("Gunmen snatched 30 passengers from a bus in Zamfara state, Nigeria.",
         "ASSAULT", "abduct", "NGA/UAF", "NGA/CVL"),
        ("Pro-government thugs beat demonstrators outside the parliament in Caracas.",
         "ASSAULT", "beat", "VEN/UAF", "VEN/CVL"),
        ("The Nigerian army said its troops had neutralised 40 terrorists in the northeast.",
         "ASSAULT", None, "NGA/MIL", "REB"),
        ("A Belarusian court handed a journalist an eight-year prison term.",
         "SANCTION", "convict", "BLR/JUD", "BLR/JRN"),
        ("Two people were shot dead during protests in Conakry.",
         "ASSAULT", "firearms", None, "GIN/CVL"),
    ],
)
def test_violence_wordings(code_text, text, event, mode, actor, recipient):
    assert_asserted(coded_sectors(code_text, text), event, mode, actor, recipient)


@pytest.mark.parametrize("text", [
    "Hackers breached the ministry's email servers in Tallinn.",  # hacking without "to death" stays a cyberattack
    "Engineers blew up the old bridge in a controlled demolition in Genoa.",  # no one is attacked
    "The firm picked up three new contracts in Lagos.",  # no one is picked up
])
def test_look_alikes_of_violence(code_text, text):
    coded = coded_sectors(code_text, text)
    assert not [e for e in coded if e[0] == "ASSAULT" or e[1] == ("arrest",)], coded


def test_deaths_in_riots_still_belong_to_the_riot(code_text):
    assert_absent(code_text, "Eight people were killed in riots in Manipur, India.", {"ASSAULT"})


@pytest.mark.parametrize(
    "text, event, mode, actor, recipient",
    [
        ("Masked men bundled the activist into a minibus in central Minsk on Monday.", "ASSAULT", "abduct", "BLR/UAF", "BLR/CVL"),
        ("Riot police bundled dozens of protesters into vans in Moscow.", "COERCE", "arrest", "RUS/COP", "RUS/CVL"),
    ],
)
def test_bundled_into_a_vehicle(code_text, text, event, mode, actor, recipient):
    test_violence_wordings(code_text, text, event, mode, actor, recipient)


@pytest.mark.parametrize("text", [
    "Typhoon Yagi slammed into northern Vietnam, tearing roofs off factories in Haiphong; at least 59 people were killed.",
    "A bus plunged into a ravine in the Andes in southern Peru. At least 20 people were killed.",
])
def test_the_toll_of_a_disaster_told_on_its_own_is_no_attack(code_text, text):
    assert_absent(code_text, text, {"ASSAULT"})


def test_after_a_disaster_a_killing_with_a_killer_is_still_one(code_text):
    coded = coded_sectors(code_text, "An earthquake struck eastern Turkey. Two people were shot dead by soldiers in Diyarbakir.")
    assert [e[:3] for e in coded if e[0] == "ASSAULT"] == [("ASSAULT", ("firearms",), ("TUR/MIL",))], coded


def test_forces_in_a_subject_are_no_headline_verb(code_text):
    coded = coded_sectors(code_text, "Security forces shot dead six demonstrators near the city of Juliaca, Peru, local officials said.")
    assert [e[2] for e in coded if e[0] == "ASSAULT"] == [("PER/MIL",)], coded


@pytest.mark.parametrize("text, event, mode", [
    ("Chinese officials have identified a suspect in the bombings in Guangxi.", "ACCUSE", "allege"),
])
def test_suspects_named_and_cyber_attacks_suffered(code_text, text, event, mode):
    coded = coded_sectors(code_text, text)
    assert [e[:2] for e in coded] == [(event, (mode,))], coded


@pytest.mark.parametrize("text, event, mode, victim", [
    ("Estonia suffered a major cyber attack on its banks.", "COERCE", ("cyber",), "EST/GOV"),
    ("Ukraine's army suffered a heavy bombardment near Bakhmut.", "ASSAULT", (), "UKR/MIL"),
])
def test_who_suffers_an_attack_is_its_target_not_its_author(code_text, text, event, mode, victim):
    coded = coded_sectors(code_text, text)
    assert [e[:3] for e in coded] == [(event, mode, ())] and victim in coded[0][3], coded


def test_a_cyber_attack_that_hits_is_no_armed_attack(code_text):
    assert_absent(code_text, "The Lithuanian defence ministry's website was hit by a cyber attack on Monday.", {"ASSAULT"})


@pytest.mark.parametrize("text, event, actor", [
    ("The Taliban banned girls from secondary schools in Kabul.", "COERCE", "AFG/REB"),
    ("Catalan police arrested two men.", "COERCE", "ESP/COP"),  # no place named: the demonym alone tells
    ("Scottish First Minister Nicola Sturgeon called for a second referendum.", "REQUEST", "GBR/GOV"),
])
def test_armed_rulers_and_regional_demonyms(code_text, text, event, actor):
    coded = coded_sectors(code_text, text)
    assert [e[2] for e in coded if e[0] == event] == [(actor,)], coded


def test_an_attack_named_as_what_something_is_is_no_attack(code_text):
    assert_types(code_text, "Ontario Premier Doug Ford slammed the tariffs as an attack on Canadian workers.", ["ACCUSE"])


@pytest.mark.parametrize("text, event, mode, actor", [
    ("Teachers downed tools across Zimbabwe over pay.", "PROTEST", "strike", "ZWE/LAB"),
    ("Pro-Palestinian students set up an encampment at a university in New York.", "PROTEST", "demo", "USA/EDU"),
])
def test_protest_camps_tools_downed_and_artists(code_text, text, event, mode, actor):
    coded = coded_sectors(code_text, text)
    assert [e[:3] for e in coded if e[0] == event] == [(event, (mode,), (actor,))], coded


def test_an_artist_sentenced_is_the_one_sanctioned(code_text):
    coded = coded_sectors(code_text, "A court in Tehran sentenced the rapper to death.")
    assert [e[:4] for e in coded] == [("SANCTION", ("convict",), ("IRN/JUD",), ("IRN/CVL",))], coded


@pytest.mark.parametrize("text", [
    "Women burned their headscarves in protest across Iran.",
    "Protesters burned an effigy of the president outside parliament in Lima.",
])
def test_what_protesters_burn_to_make_a_point_is_no_attack(code_text, text):
    assert_absent(code_text, text, {"ASSAULT"})


def test_a_cause_is_not_a_nationality(code_text):
    coded = coded_sectors(code_text, "Pro-Palestinian students marched in New York.")
    assert [e[2] for e in coded] == [("USA/EDU",)], coded


@pytest.mark.parametrize("text, modality", [
    ("Police used live ammunition against protesters in Conakry.", "asserted"),
    ("The interim government of Bolivia denied that soldiers used live ammunition.", "negated"),
])
def test_live_ammunition_used_is_shooting(code_text, text, modality):
    coded = coded_sectors(code_text, text)
    assert [(e[0], e[4]) for e in coded] == [("ASSAULT", modality)], coded


def test_a_capital_naming_an_attack_is_where_not_who(code_text):
    coded = coded_sectors(code_text, "Survivors of the Paris attacks gathered at the Bataclan on Friday.")
    assert not [e for e in coded for a in e[2] if a == "FRA/GOV"], coded


@pytest.mark.parametrize("text", [
    "Soldiers detained the country's leader and senior figures of her governing party in pre-dawn raids in Naypyitaw.",
    "Ecuadorian police arrested the alleged leader of the gang in a raid in Guayaquil.",
])
def test_the_raid_an_arrest_is_made_in_is_no_attack(code_text, text):
    assert_types(code_text, text, ["COERCE"])


def test_a_raid_that_kills_stays_an_attack(code_text):
    assert_types(code_text, "Gunmen kill 12 in raid on village near Djibo, Burkina Faso", ["ASSAULT"])


@pytest.mark.parametrize("text", [
    "The Brazilian coach resigned after the team's exit from the World Cup in Qatar.",
    "The captain hailed the win over Germany in the Champions League final.",
])
def test_what_teams_and_coaches_do_is_no_political_act(code_text, text):
    assert coded_sectors(code_text, text) == []


def test_a_state_freeing_an_athlete_is_still_a_release(code_text):
    coded = coded_sectors(code_text, "Russia freed the US basketball star in a prisoner swap in Abu Dhabi.")
    assert [e[:3] for e in coded][:1] == [("RETREAT", ("release",), ("RUS/GOV",))], coded


@pytest.mark.parametrize("text, expected", [
    ("Rebels vowed to match the army's firepower and threatened to attack the capital.", ["AGREE", "THREATEN"]),
    # the talks that date the refusal happened (CONSULT); no marathon makes this sport
    ("After marathon talks, the union rejected the government's offer.", ["CONSULT", "REJECT"]),
    ("Police threatened to arrest fans who invade the pitch at the World Cup match.", ["THREATEN"]),
    ("A bus plunged into a ravine in Peru on Monday. In Mexico, two journalists were killed in Sinaloa.", ["ASSAULT"]),
    ("The Nigerian government scrapped the fuel subsidy in May, sparking protests.", ["PROTEST"]),
    ("The president recognised the document as valid.", []),
    ("The government recognised the floods as a national emergency.", []),
    ("The ministry suspended ferry services as the storm approached.", []),
    ("The coast guard picked up 50 migrants off Libya.", []),
    ("The army displayed weapons seized from the rebels in Goma.", []),
    ("The government warned residents they could lose power for days.", []),
    ("Migrants set up an encampment near Calais.", []),
    ("The company transferred 2 million dollars to Nigeria.", []),
])
def test_look_alikes_found_in_review(code_text, text, expected):
    # sentences a second reviewer wrote against this session's rules: each had coded wrongly
    assert [e[0] for e in coded_sectors(code_text, text)] == expected


def test_protests_sparked_are_not_by_who_sparked_them(code_text):
    coded = coded_sectors(code_text, "The Nigerian government scrapped the fuel subsidy in May, sparking protests.")
    assert [e[2] for e in coded] == [("NGA/CVL",)], coded
