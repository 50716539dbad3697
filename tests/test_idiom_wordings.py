"""Idioms of wire copy, one or two for every type, found missing with a helper's wording-variety set (probe-tune,
2026-12-05) and written here in the team's own sentences: none of them is a gold item."""

import pytest

from tests.coded import assert_absent, assert_parties, assert_types, coded_sectors, first_of


@pytest.mark.parametrize(
    "text, event, mode, actor, recipient",
    [
        ("Moldova acceded to the Istanbul Convention on Tuesday.", "AGREE", None, "MDA/GOV", None),
        ("Serbia and Kosovo put pen to paper on an energy deal in Brussels.", "AGREE", None, "SRB/GOV", None),
        ("Lima has come to terms with Quito on a fisheries framework.", "AGREE", None, "PER/GOV", None),
        ("Defence ministers of Chile, Peru and Bolivia gathered in Arica for talks on border security.",
         "CONSULT", None, "CHL/GOV", None),
        ("Poland says it stands firmly behind Lithuania in its row with Minsk.", "SUPPORT", None, "POL/GOV", "LTU/GOV"),
        ("Egypt signalled its approval of the Sudanese army's roadmap.", "SUPPORT", None, "EGY/GOV", None),
        ("Uganda's president commuted the death sentences of 40 prisoners.", "CONCEDE", None, "UGA/GOV", None),
        ("Chile's president asked forgiveness of the families of the disappeared.", "CONCEDE", None, "CHL/GOV", None),
        ("Lebanon's government bowed to pressure from the IMF and raised fuel prices.", "CONCEDE", None, "LBN/GOV", None),
        ("Indian warships drilled with the French navy in the Arabian Sea.", "COOPERATE", None, "IND/MIL", "FRA/MIL"),
        ("Spain's police exchanged intelligence with Morocco's security services.", "COOPERATE", None, "ESP/COP", "MAR/"),
        ("Norway furnished Ukraine with two air-defence systems.", "AID", None, "NOR/GOV", "UKR/GOV"),
        ("Britain rushed anti-tank missiles to Kyiv.", "AID", None, "GBR/GOV", "UKR/GOV"),
        ("Pakistan pointed the finger at India for the blast in Quetta.", "ACCUSE", "allege", "PAK/GOV", "IND/GOV"),
        ("Kenya's police watchdog is looking into the deaths of 12 protesters.", "ACCUSE", "investigate", "KEN/", None),
        ("Amnesty International took aim at Egypt over the jailing of bloggers.", "ACCUSE", "disapprove", "NGO/None", "EGY/GOV"),
        ("Armenia and Azerbaijan halted hostilities along the border on Friday.", "RETREAT", "ceasefire", "ARM/GOV", None),
        ("Bulgaria's prime minister quits after mass protests.", "RETREAT", "resign", "BGR/GOV", None),
        ("Dairy farmers lobbied the government to raise milk prices.", "REQUEST", None, "", "GOV"),
        ("Sri Lanka turned to India for an emergency loan.", "REQUEST", "assist", "LKA/GOV", "IND/GOV"),
        ("Nepal shunned Chinese offers of mediation.", "REJECT", None, "NPL/GOV", None),
        ("Moscow shot down Kyiv's proposal for a summit.", "REJECT", "change", "RUS/GOV", None),
        ("The North Korean leader vowed to annex disputed islands off the west coast.", "THREATEN", "territory", "PRK/GOV", None),
        ("Azerbaijan rattled sabres over the Armenian drills.", "THREATEN", None, "AZE/GOV", None),
        ("A jailed Egyptian activist has refused food for 40 days.", "PROTEST", "hunger", "EGY/", None),
        ("Environmental activists glued themselves to a motorway in Berlin.", "PROTEST", "demo", "DEU/CVL", None),
        ("Students formed a human chain around the university in Belgrade.", "PROTEST", "demo", "SRB/EDU", None),
        ("Rioting youths went on the rampage in the suburbs of Stockholm.", "PROTEST", "riot", "SWE/", None),
        ("Ecuador broke with Mexico after the embassy raid.", "SANCTION", "withdraw", "ECU/GOV", "MEX/GOV"),
        ("Germany paused its funding to the agency.", "SANCTION", "discontinue", "DEU/GOV", None),
        ("Authorities flooded central Dhaka with riot police before the rally.", "MOBILIZE", "police", "BGD/GOV", None),
        ("Russia shifted nuclear-capable missiles to Belarus.", "MOBILIZE", "weapons", "RUS/GOV", None),
        ("Hackers knocked Estonia's government websites offline.", "COERCE", "cyber", "", "EST/GOV"),
        ("A Bolivian opposition leader was remanded in custody in La Paz.", "COERCE", "arrest", "BOL/", "BOL/OPP"),
        ("A car bomb tore through a crowded market in Mogadishu.", "ASSAULT", "explosives", "", "SOM/"),
        ("Prisoners in a Libyan detention centre were subjected to beatings, a UN panel found.", "ASSAULT", "torture", "", None),
    ],
)
def test_idiom_wordings(code_text, text, event, mode, actor, recipient):
    assert_parties(first_of(coded_sectors(code_text, text), event, mode), actor, recipient)


@pytest.mark.parametrize("text, absent", [
    ("The storm tore through coastal villages in Bangladesh.", {"ASSAULT"}),  # nature tears through, no one attacks
    ("Rescuers went on a search for survivors in the rubble.", {"PROTEST"}),
    ("The company paused its funding round.", {"SANCTION"}),
    ("The club's players drilled with the youth team on Monday.", {"COOPERATE"}),
    ("Turkey's government acceded to the strikers' demands.", {"AGREE"}),  # demands met are conceded, not joined
    ("A judge removed two jurors from duty.", {"CONCEDE"}),
])
def test_idiom_look_alikes(code_text, text, absent):
    assert_absent(code_text, text, absent)


def test_a_tear_verb_is_no_crowd_control(code_text):
    got = first_of(coded_sectors(code_text, "A suicide bomber's blast tore through a mosque in Peshawar."), "ASSAULT")
    assert got[1] != ("crowd-control",), got


def test_security_forces_stay_a_subject_not_a_headline_verb(code_text):
    got = first_of(coded_sectors(code_text, "Security forces open fire on protesters near Cochabamba."), "ASSAULT")
    assert got[2] == ("BOL/MIL",), got


@pytest.mark.parametrize(
    "text, event, mode, actor, recipient",
    [
        ("Armenia deploys new howitzers to the border, drawing condemnation from Azerbaijan.", "ACCUSE", "disapprove",
         "AZE/GOV", "ARM/GOV"),
        ("Ecuador institutes proceedings against Mexico at the International Court of Justice.", "ACCUSE", "investigate",
         "ECU/GOV", "MEX/GOV"),
        ("India puts its air defences on high alert along the western border.", "MOBILIZE", "weapons", "IND/GOV", None),
        ("Armenia calls up reservists for snap military drills.", "MOBILIZE", None, "ARM/GOV", None),
        ("Russian warships head for the Baltic Sea.", "MOBILIZE", "weapons", "RUS/MIL", None),
        ("Ethiopia pulls the plug on the internet in Tigray.", "COERCE", "censor", "ETH/GOV", None),
        ("Germany's chancellor expresses deep remorse over the colonial massacres in Namibia.", "CONCEDE", None, "DEU/GOV", None),
        ("Burkina Faso's junta gives the French ambassador 48 hours to leave.", "SANCTION", "expel", "BFA/", "FRA/GOV"),
        ("Clashes in the town between soldiers and armed herders left nine dead in Plateau state, Nigeria.",
         "ASSAULT", None, "NGA/MIL", None),
    ],
)
def test_more_wire_idioms(code_text, text, event, mode, actor, recipient):
    assert_parties(first_of(coded_sectors(code_text, text), event, mode), actor, recipient)


def test_a_portal_topic_label_tells_no_event(code_text):
    assert_types(code_text, "Russian invasion of Ukraine: Norway delivers two air defence systems to Ukraine.", ["AID"])
    # a label's first word read as a verb does not borrow the story's doer
    assert_types(code_text, "Press freedom in Turkey: Reporters Without Borders condemns the jailing of two editors.",
                 ["ACCUSE"])


def test_a_label_the_parser_made_the_subject_gives_way_to_the_story_s_subject(code_text):
    coded = coded_sectors(code_text, "Land rights in Kenya: Amnesty International criticises the government over "
                                     "forced evictions in Nairobi slums.")
    assert_parties(first_of(coded, "ACCUSE"), "NGO/", "KEN/GOV")


def test_a_named_person_has_the_sector_of_the_office_held_on_the_date(code_text):
    # rules that want a government doer take a bare name by the office the KB gives it on the publication date
    from datetime import date
    coded = coded_sectors(code_text, "Maduro calls up militia as tensions rise with Guyana.", date(2023, 12, 5))
    got = first_of(coded, "MOBILIZE")
    assert got[2] == ("VEN/GOV",), got


def test_police_acts_in_a_sports_story_are_still_coded(code_text):
    coded = coded_sectors(code_text, "Feyenoord beat Roma 2-1 in the final; before kick-off, Dutch police fire tear gas at "
                                     "Italian fans queuing at the gates.")
    got = first_of(coded, "ASSAULT", "crowd-control")
    assert got[2] == ("NLD/COP",), got


@pytest.mark.parametrize("text, absent", [
    ("Ajax's coach slammed the referee after a 3-1 defeat in the derby.", {"ACCUSE"}),
    ("The goalkeeper accused the umpire of bias after the league title slipped away.", {"ACCUSE"}),
    ("The Nigerian Union hailed Ghana's peaceful transfer of power.", {"AID"}),
])
def test_sport_quarrels_and_handovers_are_no_political_event(code_text, text, absent):
    assert_absent(code_text, text, absent)


def test_an_arrest_in_a_sports_story_is_still_coded(code_text):
    coded = coded_sectors(code_text, "The football federation's president was arrested in Lima on corruption charges "
                                     "after the league title.")
    assert "COERCE" in {e[0] for e in coded}, coded


def test_anti_government_names_the_cause_and_a_crowd_thronging_for_a_protest_is_one_protest(code_text):
    coded = coded_sectors(code_text, "Some 50,000 Serbians thronged central Belgrade for anti-government demonstrations.")
    protests = [e for e in coded if e[0] == "PROTEST"]
    assert len(protests) == 1 and all("GOV" not in a for a in protests[0][2]), coded


@pytest.mark.parametrize("text, absent", [
    # look-alikes a second reviewer wrote against this session's idiom rules; each had coded wrongly
    ("The runaway car ploughed into a crowd of shoppers in Melbourne.", {"ASSAULT"}),
    ("Floodwaters tore through villages in northern India.", {"ASSAULT"}),
    ("Serena Williams tore through the draw.", {"ASSAULT"}),
    ("The outage took the bank's website offline for six hours.", {"COERCE"}),
    ("The central bank took economic measures to curb inflation.", {"SANCTION"}),
    ("The air force began an air operation to drop food to stranded villagers.", {"ASSAULT"}),
    ("Police officers arrived at the scene of the crash.", {"MOBILIZE"}),
    ("Residents surrounded the whale to keep it wet until rescuers arrived.", {"PROTEST"}),
    ("Workers shut down the port of Rotterdam for maintenance.", {"PROTEST"}),
    ("The police officer, a former striker, shot the winner in the cup final.", {"ASSAULT"}),
    ("The government gave residents 24 hours to leave before the volcano erupted.", {"SANCTION"}),
    ("Police are looking into the cause of the blaze.", {"ACCUSE"}),
    ("Investors shunned Greek bonds.", {"REJECT"}),
    ("The bank removed the cap on withdrawals.", {"CONCEDE"}),
    ("The navy shifted the aircraft carrier to Portsmouth for repairs.", {"MOBILIZE"}),
    ("The government put hospitals on standby for the heatwave.", {"MOBILIZE"}),
    ("The crowd gave the team a standing ovation.", {"SUPPORT"}),
    ("Residents stood behind police tape as firefighters battled the blaze.", {"SUPPORT"}),
    ("The government gave visas to 200 foreign nurses.", {"AID"}),
    ("The minister raised the spectre of job losses in the car industry.", {"THREATEN"}),
    ("The singer's outfit provoked a backlash on social media.", {"ACCUSE"}),
    ("The driver showed no remorse in court.", {"CONCEDE"}),
    ("Britain broke with the United States over the climate deal.", {"SANCTION"}),
    ("Barack Obama practised with the Golden State Warriors.", {"COOPERATE"}),
])
def test_reviewed_look_alikes(code_text, text, absent):
    assert_absent(code_text, text, absent)


@pytest.mark.parametrize("text, event, actor, recipient", [
    # "they" after an arrest is whom the police acted on; after an attack on a village, whoever attacked
    ("Police arrested two men in Leeds. They were charged with arson.", "ACCUSE", None, "GBR/CVL"),
    ("Police dispersed students in Tbilisi. They had been demanding new elections.", "REQUEST", "GEO/EDU", None),
    ("Villagers said soldiers beat them when they refused to leave their homes in Rakhine.", "REJECT", "CVL", None),
])
def test_they_across_clauses_and_sentences(code_text, text, event, actor, recipient):
    got = first_of(coded_sectors(code_text, text), event)
    if actor is not None:
        assert any(actor in a for a in got[2]), got
    if recipient is not None:
        assert recipient in got[3], got


@pytest.mark.parametrize("text, event", [
    # a blocked statement's speech acts are not coded, what it reports still is
    ("China blocked a statement condemning the killing of protesters by Myanmar's military.", "ASSAULT"),
    ("Activists shared a video showing police beating a protester in Minsk.", "ASSAULT"),
    ("Lawmakers voted for a resolution calling on Egypt to free the activists.", "REQUEST"),
    ("Suicide bombing in Kabul: Taliban claim responsibility.", "ASSAULT"),  # a headline's event, no story name
])
def test_documents_report_events_and_headlines_keep_theirs(code_text, text, event):
    assert event in {e[0] for e in coded_sectors(code_text, text)}


def test_companies_have_the_country_of_their_headquarters(code_text):
    got = first_of(coded_sectors(code_text, "The European Commission fined Huawei for breaking competition rules."),
                   "SANCTION")
    assert got[3] == ("CHN/BUS",), got


@pytest.mark.parametrize(
    "text, event, mode, actor, recipient",
    [
        ("A jury in Denver finds former sheriff guilty of taking bribes", "SANCTION", "convict", "USA/JUD", None),
        ("A court in Nairobi found the former governor guilty of embezzlement.", "SANCTION", "convict", "KEN/JUD", "KEN/GOV"),
        ("Oman ends decades-old ban on foreign ownership of land", "CONCEDE", None, "OMN/GOV", None),
    ],
)
def test_verdicts_and_bans_ended(code_text, text, event, mode, actor, recipient):
    assert_parties(first_of(coded_sectors(code_text, text), event, mode), actor, recipient)


def test_the_crime_someone_is_found_guilty_of_is_no_event_of_its_own(code_text):
    assert_types(code_text, "A court in Nairobi found the former governor guilty of assaulting a police officer.",
                 ["SANCTION"])
    assert_types(code_text, "Thousands of fans have ended up in emergency wards after the match.", [])


def test_a_headline_plan_is_future_and_an_announced_pullout_concedes(code_text):
    coded = coded_sectors(code_text, "Canada to deploy 300 soldiers to Latvia")
    assert [(e[0], e[4]) for e in coded] == [("MOBILIZE", "future")], coded
    coded = coded_sectors(code_text, "Germany to withdraw its troops from Mali by next May")
    assert [e[0] for e in coded] == ["CONCEDE"], coded


def test_dismissing_a_person_is_no_refusal_and_an_emergency_after_a_quake_coerces_no_one(code_text):
    assert_types(code_text, "The new owner took over the airline, dismissing its chief executive and two directors.", [])
    assert_types(code_text, "A strong earthquake struck northern Peru, killing 12 people; the president declared a state "
                            "of emergency in three provinces.", [])


@pytest.mark.parametrize(
    "text, event, mode, actor, recipient",
    [
        ("Police in Lahore held the opposition leader for six hours and then let him go.", "RETREAT", "release", "PAK/COP", None),
        ("Students in Dhaka chanted slogans against the prime minister.", "PROTEST", "demo", "BGD/", "BGD/GOV"),
        ("Myanmar's junta began to conscript young men into the army.", "MOBILIZE", "troops", "MMR/MIL", None),
        ("Peru's president ordered troops onto the streets of Lima.", "MOBILIZE", "troops", "PER/GOV", None),
        ("Russia halted oil supplies to Hungary through the pipeline.", "COERCE", "withhold", "RUS/GOV", "HUN/GOV"),
        ("Guinea's junta suspended the constitution and dissolved the government.", "COERCE", "restrict", "GIN/MIL", None),
        ("Washington said Pyongyang was behind the theft of $600 million in crypto.", "ACCUSE", "allege", "USA/GOV", "PRK/GOV"),
        ("Sudanese rebels accepted a ceasefire brokered by Qatar.", "AGREE", None, "SDN/REB", None),
    ],
)
def test_wordings_of_real_wire_copy(code_text, text, event, mode, actor, recipient):
    assert_parties(first_of(coded_sectors(code_text, text), event, mode), actor, recipient)


@pytest.mark.parametrize("text", [
    "Fans chanted the team's name outside the stadium.",  # no slogans
    "The storm halted power supplies to thousands of homes.",  # no one halts them
    "The minister said the project was behind schedule.",  # no other party behind anything
    "The company let two hundred workers go last year.",  # a firm laying off staff
])
def test_look_alikes_of_the_seventh_round_wordings(code_text, text):
    assert_absent(code_text, text, {"PROTEST", "COERCE", "ACCUSE", "RETREAT"})


@pytest.mark.parametrize("text", [
    # a second reviewer's look-alikes against the seventh round's rules (2026-12-04)
    "The arrest of inflation in Argentina surprised economists.",
    "The arrest of his heart rhythm in Boston was treated by paramedics within minutes.",
    "The secret agent in the new James Bond film visits Jamaica.",
    "The judges found the gymnast guilty of stepping out of bounds and deducted points.",
    "Germany said France was responsible for hosting the summit.",
    "China said the United States was responsible for ensuring stability in the region.",
    "The government said Japan was behind China in chip production.",
])
def test_review_look_alikes_of_the_seventh_round(code_text, text):
    assert_types(code_text, text, [])


def test_a_sanction_conditional_on_one_s_own_parliament_threatens_no_one(code_text):
    coded = coded_sectors(code_text, "The government said it would impose sanctions if parliament approves the bill.")
    assert "THREATEN" not in [e[0] for e in coded], coded


@pytest.mark.parametrize("text, actor", [
    ("The bombing in Kabul was claimed by the Islamic State group.", "IRQ/REB"),
    ("The attack on the convoy was claimed by al-Shabaab.", "SOM/REB"),
])
def test_an_attack_claimed_by_a_group_in_the_passive_is_the_group_s(code_text, text, actor):
    assert_parties(first_of(coded_sectors(code_text, text), "ASSAULT"), actor, None)


def test_an_ignored_ultimatum_threatens_who_ignores_it(code_text):
    coded = coded_sectors(code_text, "Hamas ignored an ultimatum from Israel to free the captives.")
    assert_parties(first_of(coded, "THREATEN"), "ISR/GOV", "PSE/")


def test_a_cardiac_arrest_is_no_arrest(code_text):
    assert_types(code_text, "The former minister suffered a cardiac arrest in Lagos on Sunday.", [])


@pytest.mark.parametrize("text, event", [
    ("France warned its citizens against travelling to Mali.", "CONSULT"),
    ("Lawmakers voted against extending the sanctions on Iran.", "SANCTION"),
])
def test_what_is_warned_or_voted_against_is_not_done(code_text, text, event):
    coded = coded_sectors(code_text, text)
    assert all(e[4] == "negated" for e in coded if e[0] == event), coded
