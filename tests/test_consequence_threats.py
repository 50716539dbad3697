"""Threats told as what another will suffer, shows of force, hostage-taking, and refusals aimed at who demanded
(eighth round, 2026-12-04): the team's own sentences, none of them a gold item, with look-alikes that must stay
quiet."""

import pytest

from tests.coded import assert_asserted, coded_sectors, first_of


@pytest.mark.parametrize(
    "text, event, mode, actor, recipient",
    [
        # what a speaker says another will suffer is the speaker's threat to it
        ("Turkey's defence minister said the militants would pay a heavy price for the raid on the border post.",
         "THREATEN", None, "TUR/GOV", None),
        ("Beijing said Manila would face serious consequences if its ships entered the shoal again.",
         "THREATEN", None, "CHN/GOV", "PHL/GOV"),
        ("Iran's foreign ministry warned that Israel would regret any strike on its soil.",
         "THREATEN", None, "IRN/GOV", "ISR/GOV"),
        ("Washington said Moscow would face sanctions if it annexed more Ukrainian land.",
         "THREATEN", "restrict", "USA/GOV", "RUS/GOV"),
        ("The Taliban said the Afghan government would regret its new offensive in Helmand.",
         "THREATEN", None, "AFG/REB", "AFG/GOV"),
        # shows of force and owned threats
        ("Indian border guards fired warning shots at Pakistani soldiers near the fence.",
         "THREATEN", "violence", "IND/", "PAK/MIL"),
        ("Pakistan's army said it reserved the right to respond to the Indian strikes.",
         "THREATEN", "violence", "PAK/", None),
        ("Beijing's sanction threats have alarmed exporters in Lithuania.",
         "THREATEN", "restrict", "CHN/GOV", None),
        ("Venezuela vowed retaliation against Guyana over the oil licences.",
         "THREATEN", "violence", "VEN/GOV", "GUY/GOV"),
        # a threat's condition names whom it is aimed at
        ("The European Commission warned that further penalties would follow if Hungary kept blocking the aid package.",
         "THREATEN", None, "EUR/", "HUN/GOV"),
        # hostage-taking
        ("Bandits took 40 villagers hostage in Zamfara state on Saturday.", "ASSAULT", "abduct", "NGA/", "NGA/CVL"),
        ("Seven engineers were taken captive by militants in Mali.", "ASSAULT", "abduct", "MLI/REB", None),
    ],
)
def test_threat_and_seizure_wordings(code_text, text, event, mode, actor, recipient):
    assert_asserted(coded_sectors(code_text, text), event, mode, actor, recipient)


def test_a_threat_never_aims_at_its_maker(code_text):
    coded = coded_sectors(code_text, "Hamas blamed the bombing on Israel and vowed to avenge it.")
    threat = first_of(coded, "THREATEN")
    assert not any(r.startswith("PSE") for r in threat[3]), threat


def test_the_act_a_threat_answers_is_told_but_the_act_it_demands_is_not(code_text):
    answered = coded_sectors(code_text, "Washington warned that more sanctions would follow if Iran kept shipping drones to Russia.")
    assert [e for e in answered if e[0] == "AID" and e[4] == "hypothetical"], answered
    demanded = coded_sectors(code_text, "Baku warned Armenia that it would act if Yerevan did not withdraw its troops.")
    assert not [e for e in demanded if e[0] == "RETREAT"], demanded


@pytest.mark.parametrize("text", [
    "Farmers say they will pay a heavy price for the drought.",  # no one threatens
    "Greece paid a heavy price for the bailout, the prime minister said.",  # in the past
    "Airlines will face higher costs because of the fuel tax, the ministry said.",  # said of no foe
    "The minister said those who evade taxes would face penalties.",  # no named party
    "The company said it regretted the decision to close the plant.",  # regret, not a threat
    "Bond investors fired a warning shot at the government, sending borrowing costs higher.",  # a metaphor
    "The new programme will target poor families in rural areas, the minister said.",  # a policy's aim
    "The threat of terrorism remains high, the police said.",  # nobody's threat
    "The company reserves the right to change prices.",  # a business clause
    "The economy is being held hostage by politicians, the union said.",  # a metaphor
    "We will not be taken hostage by criminals, the prime minister said.",  # a metaphor, and negated anyway
    "The Spanish striker held his nerve to score.",  # sport
])
def test_look_alikes_of_threats_stay_quiet(code_text, text):
    coded = coded_sectors(code_text, text)
    assert not [e for e in coded if e[0] in ("THREATEN", "ASSAULT")], coded


def test_a_threat_to_turn_a_city_into_a_sea_of_fire_is_no_disaster(code_text):
    coded = coded_sectors(code_text, "Pyongyang threatened to turn Seoul into a sea of fire.")
    assert_asserted(coded, "THREATEN", None, "PRK/GOV", "KOR/GOV")


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("Armenia refused Azerbaijan's demand to hand over the border villages.", "ARM/GOV", "AZE/GOV"),
        ("Ghana rejected a call by Togo and Benin for a joint border force.", "GHA/GOV", "TGO/GOV"),
        ("Bolivia's president rejected opposition demands that he call early elections.", "BOL/GOV", "BOL/OPP"),
        ("Kenya turned down a list of demands presented by the doctors' union.", "KEN/GOV", "LAB"),
    ],
)
def test_a_refused_demand_is_aimed_at_who_made_it(code_text, text, actor, recipient):
    coded = coded_sectors(code_text, text)
    assert_asserted(coded, "REJECT", None, actor, recipient)
    assert not [e for e in coded if e[0] == "REQUEST"], coded  # the demand stays the refusal's (gold convention)


def test_crowds_that_rally_to_demand_a_resignation_ask_the_leader_to_yield(code_text):
    coded = coded_sectors(code_text, "Thousands rallied in Tbilisi to demand the prime minister's resignation.")
    assert_asserted(coded, "PROTEST", None, "GEO/CVL", "GEO/GOV")
    assert_asserted(coded, "REQUEST", "yield", "GEO/CVL", "GEO/GOV")


def test_whom_a_state_lets_walk_free_is_released(code_text):
    coded = coded_sectors(code_text, "Cuba let 50 political prisoners walk free after talks with the Vatican.")
    assert_asserted(coded, "RETREAT", "release", "CUB/GOV", None)
    assert not [e for e in coded_sectors(code_text, "The police let the crowd go home after the match.") if e[0] == "RETREAT"]


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("Cambodia's Supreme Court dissolved the Cambodia National Rescue Party in 2017.", "KHM/JUD", None),
        ("Russia's justice ministry outlawed the opposition movement as extremist.", "RUS/", None),
        ("The court banned the party's three leaders from politics for ten years.", "JUD", None),
    ],
)
def test_parties_dissolved_and_politicians_barred_are_coerced(code_text, text, actor, recipient):
    coded = coded_sectors(code_text, text)
    got = first_of(coded, "COERCE", "restrict")
    assert any(actor in a for a in got[2]), got


@pytest.mark.parametrize("text", [
    "The band dissolved after its farewell tour.",
    "The school banned phones from classrooms.",
    "The parliament dissolved itself ahead of early elections.",
])
def test_dissolutions_and_bans_of_no_party_coerce_no_one(code_text, text):
    assert not [e for e in coded_sectors(code_text, text) if e[0] == "COERCE"]


def test_a_demand_that_someone_act_is_made_of_them_and_the_protest_aims_at_them(code_text):
    coded = coded_sectors(code_text, "Thousands of protesters rally in Tbilisi, demanding that the government withdraw the foreign agents bill.")
    assert_asserted(coded, "REQUEST", None, "GEO/CVL", "GEO/GOV")
    assert_asserted(coded, "PROTEST", None, "GEO/CVL", "GEO/GOV")


def test_a_verdict_is_dated_by_the_report_not_by_the_crime(code_text):
    coded = coded_sectors(code_text, "A court in Paris convicts three men of murder for the bombing of a synagogue in 1980.")
    assert first_of(coded, "SANCTION", "convict")[4] == "asserted", coded
    background = coded_sectors(code_text, "In 2014, a court in Paris sentenced him to life in prison.")
    assert first_of(background, "SANCTION", "convict")[4] == "historical", background


def test_acts_done_to_each_other_are_two_directed_events(code_text):
    coded = coded_sectors(code_text, "Serbia and Kosovo accuse each other of stoking tension in the north.")
    pairs = {(e[2], e[3]) for e in coded if e[0] == "ACCUSE"}
    assert len(pairs) == 2 and all((b, a) in pairs for a, b in pairs), coded  # each side accuses the other
    assert any(a[0].startswith("SRB") for a, _ in pairs), coded
    met = coded_sectors(code_text, "The presidents of Serbia and Kosovo met in Brussels.")
    assert len([e for e in met if e[0] == "CONSULT"]) == 1, met


@pytest.mark.parametrize(
    "text, giver, receiver",
    [
        ("Poland receives its first K2 tanks from South Korea.", "KOR/", "POL/"),
        ("Egypt gets a new loan from the International Monetary Fund.", "IGO/", "EGY/"),
        ("India takes delivery of Russia's S-400 missile systems.", "RUS/", "IND/"),
    ],
)
def test_what_a_country_receives_is_aid_from_the_giver(code_text, text, giver, receiver):
    assert_asserted(coded_sectors(code_text, text), "AID", None, giver, receiver)


def test_relief_flown_in_is_aid_and_words_between_private_parties_are_no_event(code_text):
    assert_asserted(coded_sectors(code_text, "France flies tents and blankets to Morocco after the earthquake."), "AID", None, "FRA/", "MAR/")
    assert not coded_sectors(code_text, "The singer thanked her fans after the last concert of the tour.")
    assert not coded_sectors(code_text, "The club's board accepts a takeover offer from a US investor.")


def test_talks_left_and_deadlines_with_a_penalty(code_text):
    assert_asserted(coded_sectors(code_text, "The rebel delegation suspends its participation in the peace talks in Doha."),
                    "REJECT", "meet", "REB", None)
    assert_asserted(coded_sectors(code_text, "The army gives the rebels until noon to lay down their arms or face an assault."),
                    "THREATEN", None, "MIL", "REB")


def test_another_countrys_party_named_like_a_us_one_is_not_american(code_text):
    coded = coded_sectors(code_text, "In Berlin, the Social Democrats and Free Democrats agreed to form a coalition.")
    assert not [a for e in coded for a in e[2] if a.startswith("USA")], coded


def test_talks_no_longer_attended_are_refused_to_the_other_side(code_text):
    coded = coded_sectors(code_text, "Sudan's army says it will no longer attend talks with the Rapid Support Forces in Jeddah.")
    assert_asserted(coded, "REJECT", "meet", "SDN/", "SDN/")


def test_a_sides_fight_with_an_armed_group_is_fighting_but_a_fight_against_corruption_is_not(code_text):
    coded = coded_sectors(code_text, "Nigeria's fight against Boko Haram has entered its fifteenth year.")
    fight = first_of(coded, "ASSAULT")
    assert any(a.startswith("NGA") for a in fight[2]) and fight[3] == (), fight
    assert not [e for e in coded_sectors(code_text, "The president's fight against corruption continues.") if e[0] == "ASSAULT"]
    assert not [e for e in coded_sectors(code_text, "He won the prize for ending the war with Eritrea.") if e[0] == "ASSAULT"]


def test_members_of_one_organisation_who_convene_meet(code_text):
    coded = coded_sectors(code_text, "African Union foreign ministers convened in Addis Ababa on Monday.")
    assert first_of(coded, "CONSULT")[2] == ("IGO/None",), coded
    assert not [e for e in coded_sectors(code_text, "The committee convened on Monday.") if e[0] == "CONSULT"]


def test_the_donbas_separatist_entities_are_armed_groups_of_ukraine(code_text):
    assert_asserted(coded_sectors(code_text, "The Luhansk People's Republic shelled Ukrainian positions near Popasna."),
                    "ASSAULT", None, "UKR/REB", None)


def test_a_financial_lifeline_is_aid(code_text):
    assert_asserted(coded_sectors(code_text, "China throws Laos a financial lifeline with a new loan."), "AID", None, "CHN/GOV", "LAO/GOV")
    assert not coded_sectors(code_text, "The coach threw his striker a lifeline.")


@pytest.mark.parametrize("text", [
    "Bond markets fired a warning shot at the government over its borrowing plans.",
    "The IMF said Argentina would face higher borrowing costs if it defaulted.",
    "Russia's threat to Europe's security has grown, NATO's chief said.",
    "The embassy received a bomb threat from an anonymous caller.",
    "The teacher gave pupils until Monday to hand in their essays or face detention.",
    "The novel's hero is taken captive by pirates in the 18th century.",
    "In the video game, players take hostages to win points.",
])
def test_a_second_reviewers_look_alikes_stay_quiet(code_text, text):
    coded = coded_sectors(code_text, text)
    assert not [e for e in coded if e[0] in ("THREATEN", "ASSAULT", "COERCE")], coded


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("Russia would hit back, the Kremlin said.", "RUS/GOV", None),
        ("The militia said it would target US bases in the region.", "PRM", "USA/"),
        ("Such attacks will not go unpunished, the Russian defence ministry said.", "RUS/GOV", None),
        ("Rebels said government troops would pay dearly.", "REB", "MIL"),
    ],
)
def test_a_second_reviewers_missed_threats(code_text, text, actor, recipient):
    assert_asserted(coded_sectors(code_text, text), "THREATEN", None, actor, recipient)


def test_praise_received_is_the_givers(code_text):
    assert_asserted(coded_sectors(code_text, "Pakistan receives praise from China for its counter-terror efforts."),
                    "SUPPORT", None, "CHN/GOV", "PAK/GOV")
    assert_asserted(coded_sectors(code_text, "Israel hit back with air strikes on Gaza."), "ASSAULT", None, "ISR/GOV", None)


def test_a_release_in_exchange_for_someone_is_a_swap(code_text):
    coded = coded_sectors(code_text, "Iran freed a French teacher in exchange for an Iranian diplomat jailed in Belgium.")
    releases = [e for e in coded if e[0] == "RETREAT" and e[1] == ("release",)]
    assert len(releases) == 2, coded
    assert any(a.startswith("FRA") for e in releases for a in e[2]), coded
    ransom = coded_sectors(code_text, "The rebels freed the hostages in exchange for a ransom.")
    assert len([e for e in ransom if e[0] == "RETREAT"]) == 1, ransom


def test_house_arrest_takeovers_of_broadcasters_and_family_reunions(code_text):
    coded = coded_sectors(code_text, "The army takes over the state broadcaster in Niamey and confines President Bazoum to his residence.")
    assert first_of(coded, "COERCE", "seize") and any(e[0] == "COERCE" and e[1] == ("arrest",) for e in coded), coded
    reunion = coded_sectors(code_text, "North Korea and South Korea will resume reunions for families separated by the war.")
    assert first_of(reunion, "COOPERATE")[4] == "future", reunion
    assert not [e for e in coded_sectors(code_text, "The school holds reunions every year.") if e[0] == "COOPERATE"]


def test_a_state_standing_by_another_supports_it(code_text):
    assert_asserted(coded_sectors(code_text, "Moscow stands by the government in Damascus, the Kremlin said."), "SUPPORT", None, "RUS/GOV", "SYR/")
    assert not [e for e in coded_sectors(code_text, "The minister stood by the window.") if e[0] == "SUPPORT"]


def test_late_fixes_of_the_reviewers_leftovers(code_text):
    shots = coded_sectors(code_text, "Warning shots were fired by Indian troops at Chinese soldiers near the border.")
    assert_asserted(shots, "THREATEN", "violence", "IND/MIL", "CHN/MIL")
    barred = coded_sectors(code_text, "Bangladesh's election commission barred the opposition leader from politics.")
    assert_asserted(barred, "COERCE", "restrict", "BGD/GOV", None)
    parties = coded_sectors(code_text, "The Christian Democrats accused the government of mismanaging the economy.")
    assert not [a for e in parties for a in e[2] if a.startswith("FSM")], parties
