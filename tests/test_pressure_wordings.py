"""Ways of pressing and penalising that reporters use and the rules missed, found by probing with the
team's own sentences (2026-12-04): deadlines with a penalty, warnings of what a state stands to lose,
pleas, walkouts, restrictions of the sanction kinds, licences suspended; and a rule's banned object
is checked even when the rule takes another word as its object."""

import pytest

from tests.coded import assert_absent, assert_asserted, assert_parties, assert_types, coded_sectors, first_of


@pytest.mark.parametrize(
    "text, event, mode, actor, recipient",
    [
        ("Kurdish fighters gave Syrian troops 48 hours to withdraw from the town or face attacks.",
         "THREATEN", "violence", "REB", "SYR/MIL"),
        ("Mali's junta gave French diplomats 72 hours to leave the country or face expulsion.",
         "THREATEN", "expel", "MLI/MIL", "FRA/GOV"),
        ("The European Commission warned Poland it would face fines if it did not reverse the reform.",
         "THREATEN", "restrict", "EUR/None", "POL/GOV"),
        ("The EU has warned Hungary it could lose billions in funds over rule-of-law concerns.",
         "THREATEN", "restrict", "EUR/None", "HUN/GOV"),
        ("Families of the kidnapped schoolgirls begged the Nigerian president to bring them home.",
         "REQUEST", None, "CVL", "NGA/GOV"),
        ("Nurses walked off their shifts at three public hospitals in Nairobi on Monday.",
         "PROTEST", "strike", "KEN/MED", None),
        ("The United States slapped visa restrictions on Ugandan officials over the election.",
         "SANCTION", None, "USA/GOV", "UGA/GOV"),
        ("Nigeria suspended Twitter's operations in the country after it deleted a post by the president.",
         "COERCE", "censor", "NGA/GOV", None),
        ("A court in Ankara suspended the broadcaster's licence for five days.",
         "COERCE", "censor", "TUR/JUD", None),
    ],
)
def test_pressure_wordings(code_text, text, event, mode, actor, recipient):
    assert_asserted(coded_sectors(code_text, text), event, mode, actor, recipient)


def test_what_an_ultimatum_demands_or_threatens_is_not_coded_as_done(code_text):
    assert_types(code_text, "Kurdish fighters gave Syrian troops 48 hours to withdraw from the town or face attacks.", ["THREATEN"])


@pytest.mark.parametrize("text", [
    "The ministry gave the company 30 days to reply to the complaint.",  # a deadline without a penalty
    "The IMF warned that the country could lose access to bond markets next year.",  # a forecast to no one
    "The mining company suspended operations at its Congo mine after the attack.",  # a firm's own halt
])
def test_deadlines_forecasts_and_own_halts_are_no_pressure(code_text, text):
    coded = coded_sectors(code_text, text)
    assert not [e for e in coded if e[0] in ("THREATEN", "COERCE", "SANCTION")], coded


def test_a_slap_at_a_person_is_still_a_beating(code_text):
    coded = coded_sectors(code_text, "A man slapped the French president during a walkabout in the Drome region.")
    assert [e[:2] for e in coded if e[0] == "ASSAULT"] == [("ASSAULT", ("beat",))], coded


@pytest.mark.parametrize(
    "text, event, mode, actor, recipient",
    [
        ("Kenya's Supreme Court struck down the president's decree on Friday.", "REJECT", "change", "KEN/JUD", "KEN/GOV"),
        ("The Indian government placed two former chief ministers under house arrest in Srinagar.",
         "COERCE", "arrest", "IND/GOV", "IND/"),
        ("Brazil recognised the Venezuelan opposition leader as interim president.", "SUPPORT", None, "BRA/GOV", "VEN/OPP"),
        ("Separatist fighters hijacked a passenger train with 400 people on board in Balochistan, Pakistan.",
         "ASSAULT", "abduct", "PAK/REB", None),
        ("Pakistan said 26 civilians were killed in the strikes and vowed to retaliate against India.",
         "THREATEN", "violence", "PAK/GOV", None),
        ("Indigenous groups in Ecuador blocked roads with burning tyres.", "PROTEST", "obstruct", "ECU/CVL", None),
    ],
)
def test_rulings_detentions_and_vows(code_text, text, event, mode, actor, recipient):
    test_pressure_wordings(code_text, text, event, mode, actor, recipient)


def test_a_strike_down_is_no_attack(code_text):
    assert_absent(code_text, "Kenya's Supreme Court struck down the president's decree on Friday.", {"ASSAULT"})


@pytest.mark.parametrize("text", [
    "Police seized a tanker off Gibraltar on suspicion of carrying oil to Syria in breach of EU sanctions.",
    "The trading firm helped Iran evade US sanctions for a decade, prosecutors said.",
])
def test_sanctions_in_force_are_not_imposed_again(code_text, text):
    assert_absent(code_text, text, {"SANCTION"})


@pytest.mark.parametrize(
    "text, event, mode, actor, recipient",
    [
        ("Turkish authorities blocked access to Wikipedia across the country.", "COERCE", "censor", "TUR/GOV", None),
        ("The Indian government banned 59 Chinese apps, including TikTok.", "COERCE", "censor", "IND/GOV", None),
        ("The International Criminal Court issued an arrest warrant for Russia's president.", "ACCUSE", "investigate", "IGO/None", "RUS/GOV"),
        ("Pakistan's electoral commission disqualified former prime minister Imran Khan from holding office.",
         "COERCE", "restrict", "PAK/GOV", "PAK/"),
        ("The Nicaraguan government expelled 222 political prisoners to the United States.", "COERCE", "deport", "NIC/GOV", None),
        ("The African Union suspended Niger after the coup.", "SANCTION", "withdraw", "IGO/", "NER/GOV"),
        ("Venezuelan security forces committed extrajudicial killings in Caracas, the UN said.", "ASSAULT", None, "VEN/MIL", None),
    ],
)
def test_states_and_blocs_acting_on_people_and_media(code_text, text, event, mode, actor, recipient):
    test_pressure_wordings(code_text, text, event, mode, actor, recipient)


@pytest.mark.parametrize("text, absent", [
    ("Venezuelan security forces committed extrajudicial killings in Caracas, the UN said.", "AGREE"),  # no pledge
    ("Protesters blocked access to the ministry in Lima.", "COERCE"),  # a crowd's blockade, not censorship
    ("The African Union suspended its annual summit in Addis Ababa.", "SANCTION"),  # no member suspended
])
def test_look_alikes_of_those_acts(code_text, text, absent):
    coded = coded_sectors(code_text, text)
    assert not [e for e in coded if e[0] == absent], coded


def test_an_organisation_named_has_no_sector_from_its_name(code_text):
    coded = coded_sectors(code_text, "The International Criminal Court accused the militia leader of war crimes in Ituri, Congo.")
    assert [e[2] for e in coded if e[0] == "ACCUSE"] == [("IGO/None",)], coded


@pytest.mark.parametrize("text", [
    "The International Criminal Court opened an investigation into the killings in Darfur, Sudan.",
    "Prosecutors in Kabul opened a probe into the bombing of the embassy.",
])
def test_the_crime_investigated_is_not_the_investigators_act(code_text, text):
    assert_types(code_text, text, ["ACCUSE"])


def test_aid_agencies_told_to_leave_are_expelled(code_text):
    coded = coded_sectors(code_text, "Rebel officials in Luhansk told UN agencies to leave the region.")
    assert [e[:2] for e in coded] == [("SANCTION", ("expel",))], coded


@pytest.mark.parametrize("text, event, modality", [
    ("Turkey's president warned that Ankara could launch a new offensive in northern Syria.", "THREATEN", "asserted"),
    ("Chinese coast guard vessels rammed a Philippine supply boat near Second Thomas Shoal.", "ASSAULT", "asserted"),
    ("China denied that its vessels had rammed a Philippine boat.", "ASSAULT", "negated"),
])
def test_warned_operations_and_rammed_boats(code_text, text, event, modality):
    coded = coded_sectors(code_text, text)
    assert [(e[0], e[4]) for e in coded] == [(event, modality)], coded


@pytest.mark.parametrize("text", [
    "The IMF warned that the operation of the banking system could be disrupted.",
    "The carmaker warned it could launch its new model later than planned.",
    "The government would launch an investigation into the crash, the minister warned.",
])
def test_business_and_forecast_warnings_threaten_no_one(code_text, text):
    assert_absent(code_text, text, {"THREATEN"})


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        # a state warning another not to act, or over what it does, threatens it
        ("Ankara warned Athens not to militarise the islands.", "TUR/GOV", "GRC/GOV"),
        ("Moscow warns Helsinki over NATO exercises near the border", "RUS/GOV", "FIN/GOV"),
        # an ultimatum rejected is still the threat of whoever set it, aimed at whoever rejects it
        ("Bamako rejected an ultimatum from ECOWAS to hold elections by February.", "IGO/None", "MLI/GOV"),
    ],
)
def test_warnings_to_states_and_rejected_ultimatums_are_threats(code_text, text, actor, recipient):
    assert_asserted(coded_sectors(code_text, text), "THREATEN", None, actor, recipient)


def test_a_demand_with_a_penalty_is_a_request_and_a_threat(code_text):
    assert_types(code_text, "ECOWAS called on Guinea's junta to free the president within a week or face sanctions.",
                 ["REQUEST", "THREATEN"])


@pytest.mark.parametrize("text", [
    "The health ministry warned residents not to drink the tap water.",  # advice to people
    "Police warned fans not to bring flares into the stadium.",
    "The ministry told the company to reply within 30 days.",  # a demand without a penalty
])
def test_advice_and_plain_demands_threaten_no_one(code_text, text):
    coded = coded_sectors(code_text, text)
    assert not [e for e in coded if e[0] == "THREATEN"], coded


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("Armenia claimed that Azerbaijani troops had shelled villages near the border.", "ARM/GOV", "AZE/MIL"),
        ("Kyiv alleged that Belarus had trained saboteurs near the frontier.", "UKR/GOV", "BLR/GOV"),
    ],
)
def test_a_claim_that_another_party_did_a_hostile_act_is_an_allegation_against_it(code_text, text, actor, recipient):
    assert_asserted(coded_sectors(code_text, text), "ACCUSE", "allege", actor, recipient)


@pytest.mark.parametrize("text", [
    "The Nigerian army claims to have killed 30 insurgents in Borno.",  # its own act
    "Al-Shabaab claimed responsibility for the bombing in Mogadishu.",
    "The ruling party claimed victory in the election.",
])
def test_claims_of_one_s_own_acts_are_no_allegation(code_text, text):
    coded = coded_sectors(code_text, text)
    assert not [e for e in coded if e[0] == "ACCUSE"], coded


def test_unnamed_parties_on_either_side_of_an_allegation_are_told_apart_by_sector(code_text):
    coded = coded_sectors(code_text, "The rebels claim government forces killed 30 civilians in the village.")
    assert_parties(first_of(coded, "ACCUSE", "allege"), "None/REB", "None/MIL")


def test_a_state_telling_another_to_act_demands_it_and_nothing_is_done(code_text):
    coded = coded_sectors(code_text, "Moscow told Tbilisi to withdraw its troops from the border region.")
    assert [e[0] for e in coded] == ["REQUEST"], coded
    assert_parties(first_of(coded, "REQUEST"), "RUS/GOV", "GEO/GOV")


@pytest.mark.parametrize("text", [
    "The minister told reporters the talks would resume on Monday.",  # telling something is no demand
    "The coach told his players to stay calm.",  # no political doer
])
def test_telling_is_a_demand_only_to_act_and_only_by_a_political_actor(code_text, text):
    assert_absent(code_text, text, {"REQUEST"})
