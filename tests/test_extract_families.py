"""Wording families of verbal conflict and cooperation: several team-written wordings per family
(event nouns with their light verbs, negated refusals, orders, listings), and the metaphors and
neighbouring senses the same words must not code. Rules: src/dyad/data/rules.yaml, docs/rules.md."""

import pytest

from tests.coded import DAY, assert_coded, codes


def _check(code_text, text, expected):
    assert_coded(codes(code_text(text, DAY)), expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a negated cooperative verb whose negation is the act: a refusal, asserted now
        ("Bolivia will no longer attend the regional summit.", ("REJECT", ("BOL",), (), "asserted", "meet")),
        ("The Houthis said they would not attend the talks in Stockholm.", ("REJECT", ("YEM",), (), "asserted", "meet")),
        ("Kyiv will not take part in the negotiations.", ("REJECT", ("UKR",), (), "asserted", "meet")),
        ("Caracas will not return to the negotiating table with the opposition.", ("REJECT", ("VEN",), (), "asserted", "meet")),
        ("Turkey will not approve Sweden's membership bid.", ("REJECT", ("TUR",), ("SWE",), "asserted")),
        ("Hungary won't accept the EU's migration plan.", ("REJECT", ("HUN",), ("EUR",), "asserted")),
        ("Iran said it would no longer abide by the nuclear deal.", ("SANCTION", ("IRN",), (), "asserted", "withdraw")),
        ("Mali's junta will no longer honour the defence accords with France.",
         ("SANCTION", ("MLI",), (), "asserted", "withdraw")),
    ],
)
def test_negated_cooperation_is_a_refusal(code_text, text, expected):
    _check(code_text, text, expected)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Bolivia will no longer attend the regional summit.", "CONSULT"),
        ("Kyiv will not take part in the negotiations.", "CONSULT"),
        ("Turkey will not approve Sweden's membership bid.", "AGREE"),
    ],
)
def test_negated_cooperation_is_not_also_the_cooperation(code_text, text, wrong):
    assert wrong not in [e[0] for e in codes(code_text(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Bolivia attended the regional summit.",
        "Iran abides by the nuclear deal.",
        "The minister did not attend the funeral.",
    ],
)
def test_unnegated_or_non_political_attendance_is_no_refusal(code_text, text):
    assert "REJECT" not in [e[0] for e in codes(code_text(text))]
    assert "SANCTION" not in [e[0] for e in codes(code_text(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # investigations opened by appointing someone or setting up a body
        ("Peru's congress appointed a special prosecutor to look into the bribery allegations.",
         ("ACCUSE", ("PER",), (), "asserted", "investigate")),
        ("Chile's senate named an independent counsel over the arms purchases.", ("ACCUSE", ("CHL",), (), "asserted", "investigate")),
        ("Paraguay set up a commission of inquiry into the prison riot.", ("ACCUSE", ("PRY",), (), "asserted", "investigate")),
        ("Nepal's government formed a panel to probe the killing of the students.",
         ("ACCUSE", ("NPL",), (), "asserted", "investigate")),
        ("The former minister was placed under investigation in Paris.", ("ACCUSE", (), ("FRA",), "asserted", "investigate")),
        # legal action filed against someone
        ("Ukraine filed charges against two Russian generals.", ("ACCUSE", ("UKR",), ("RUS",), "asserted", "investigate")),
        ("Gambia brought a case against Myanmar at the World Court.", ("ACCUSE", ("GMB",), ("MMR",), "asserted", "investigate")),
        # disapproval as a noun with express/voice
        ("Japan expressed regret over Seoul's decision.", ("ACCUSE", ("JPN",), ("KOR",), "asserted", "disapprove")),
        ("Germany voiced frustration with Poland over the reparations demand.",
         ("ACCUSE", ("DEU",), ("POL",), "asserted", "disapprove")),
    ],
)
def test_accuse_families(code_text, text, expected):
    _check(code_text, text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan set up a commission to investigate the floods.",  # a disaster, no one accused
        "The Hungarian government set up a committee on pensions.",
        "Japan expressed regret for the deaths of the fishermen.",  # an apology, not disapproval
        "The ministry appointed a new prosecutor general on Monday.",
    ],
)
def test_accuse_families_leave_other_senses(code_text, text):
    assert "ACCUSE" not in [e[0] for e in codes(code_text(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Chilean government fined the mining company $10 million.", ("SANCTION", ("CHL",), (), "asserted")),
        ("Turkey's regulator slapped a fine on Twitter.", ("SANCTION", ("TUR",), (), "asserted")),
        ("Russia's Gazprom will pay a penalty to Poland.", ("SANCTION", (), ("RUS",), "future")),
        ("Washington designated the Houthis as a terrorist organisation.", ("SANCTION", ("USA",), ("YEM",), "asserted")),
        ("Canada listed the IRGC as a terrorist entity.", ("SANCTION", ("CAN",), ("IRN",), "asserted")),
        ("The Commerce Department added 42 Chinese firms to its export control list.",
         ("SANCTION", (), ("CHN",), "asserted")),
    ],
)
def test_sanction_families(code_text, text, expected):
    _check(code_text, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Moldova announced a deal with Romania on gas supplies.", ("AGREE", ("MDA", "ROU"), (), "asserted")),
        ("Serbia and Kosovo hammered out an agreement on licence plates.", ("AGREE", ("SRB", "XKX"), (), "asserted")),
        ("The G7 backed a plan to lend Ukraine money.", ("AGREE", ("IGO",), (), "asserted")),
        ("The United States recognised Moroccan sovereignty over Western Sahara.",
         ("SUPPORT", ("USA",), ("MAR",), "asserted")),
        ("Spain formally recognised the State of Palestine.", ("SUPPORT", ("ESP",), ("PSE",), "asserted")),
        ("Bolivia's court ordered the government to release the opposition leader.",
         ("REQUEST", ("BOL",), ("BOL",), "asserted", "yield")),
        ("A Brazilian judge ordered Argentina to hand over the fugitive.", ("REQUEST", ("BRA",), ("ARG",), "asserted")),
        ("Hungary blocked the EU's aid package for Ukraine.", ("REJECT", ("HUN",), ("EUR",), "asserted")),
        ("Opposition lawmakers in Quito vowed to block the reform.", ("REJECT", (), (), "asserted")),
        ("Russia warned that it would take retaliatory measures against Prague.", ("THREATEN", ("RUS",), (), "asserted")),
        ("China issued a stern warning to the Philippines.", ("THREATEN", ("CHN",), ("PHL",), "asserted")),
        ("Mexico's president vowed to arrest the cartel's remaining leaders.", ("THREATEN", ("MEX",), (), "asserted")),
    ],
)
def test_cooperation_request_reject_threaten_families(code_text, text, expected):
    _check(code_text, text, expected)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("The club announced a deal to sign the striker.", "AGREE"),  # business without a partner
        ("The general ordered his troops to advance.", "REQUEST"),  # an order to one's own forces
        ("The president directed his administration to accept more refugees.", "REQUEST"),
        ("Opposition lawmakers in Quito vowed to block the reform.", "AGREE"),
        ("Kenya's meteorological department issued a warning of floods.", "THREATEN"),  # weather, no threat
        ("A warning light came on in the cockpit of the Indian jet.", "THREATEN"),
        ("Striker Ansu Fati signed the deal of the century with the Spanish club.", "AGREE"),
        ("Real Madrid secured a deal with the Brazilian striker.", "AGREE"),
        ("Chelsea clinched the deal of the century with Barcelona for the striker.", "AGREE"),
    ],
)
def test_families_leave_metaphors_and_other_senses(code_text, text, wrong):
    assert wrong not in [e[0] for e in codes(code_text(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # disapproval through a diplomat, a phrasal verb or a damning name
        ("Moscow summoned the British ambassador over the remarks.", ("ACCUSE", ("RUS",), ("GBR",), "asserted", "disapprove")),
        ("Ankara called in the Swedish envoy after the Koran burning.", ("ACCUSE", ("TUR",), ("SWE",), "asserted", "disapprove")),
        ("Kenya hit out at Uganda over the fishing dispute.", ("ACCUSE", ("KEN",), ("UGA",), "asserted", "disapprove")),
        ("Poland took issue with Germany's energy policy.", ("ACCUSE", ("POL",), ("DEU",), "asserted", "disapprove")),
        ("Beijing called the visit a provocation.", ("ACCUSE", ("CHN",), (), "asserted", "disapprove")),
        ("Iran's foreign ministry described the raid as illegal.", ("ACCUSE", ("IRN",), (), "asserted", "disapprove")),
        # blame placed on someone
        ("Ankara held Kurdish militants responsible for the bombing.", ("ACCUSE", ("TUR",), (), "asserted", "allege")),
        ("The attack was blamed on Boko Haram.", ("ACCUSE", (), ("NGA",), "asserted")),
        ("Kabul pinned the blame on Pakistan for the border clashes.", ("ACCUSE", ("AFG",), ("PAK",), "asserted", "allege")),
        # legal steps against someone
        ("A Paris judge issued an arrest warrant for the Syrian president.", ("ACCUSE", ("FRA",), ("SYR",), "asserted", "investigate")),
        ("Pakistan's anti-graft agency questioned the former prime minister.",
         ("ACCUSE", ("PAK",), ("PAK",), "asserted", "investigate")),
        ("South Africa took Israel to the International Court of Justice.", ("ACCUSE", ("ZAF",), ("ISR",), "asserted", "investigate")),
        ("Peru's congress voted to impeach the president.", ("ACCUSE", ("PER",), (), "asserted", "investigate")),
        # relations reduced
        ("Ecuador closed its embassy in Mexico.", ("SANCTION", ("ECU",), ("MEX",), "asserted", "withdraw")),
        ("Peru declared the Mexican ambassador persona non grata.", ("SANCTION", ("PER",), (), "asserted", "expel")),
    ],
)
def test_accuse_and_sanction_phrasal_families(code_text, text, expected):
    _check(code_text, text, expected)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Kenya hit out at Uganda over the fishing dispute.", "ASSAULT"),  # words, not force
        ("The ambassador called the meeting productive.", "ACCUSE"),
        ("Turkey's central bank held interest rates steady.", "ACCUSE"),
        ("Police questioned the decision to close the road.", "ACCUSE"),  # no person questioned
        ("The shop closed its doors in Lima.", "SANCTION"),
    ],
)
def test_accuse_and_sanction_phrasal_families_leave_other_senses(code_text, text, wrong):
    assert wrong not in [e[0] for e in codes(code_text(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # predicates parsed as passives or with "be"
        ("Japan is committed to the defence of Taiwan.", ("AGREE", ("JPN",), (), "asserted")),
        ("Nigeria is firmly committed to the peace process in Sudan.", ("AGREE", ("NGA",), (), "asserted")),
        ("China is opposed to any sanctions on Iran.", ("REJECT", ("CHN",), ("IRN",), "asserted")),
        ("Austria is strongly opposed to Turkey's membership.", ("REJECT", ("AUT",), (), "asserted")),
        ("Hungary is against the EU migration pact.", ("REJECT", ("HUN",), (), "asserted")),
        # a refusal to tolerate is a threat
        ("Beijing will not tolerate separatist provocations.", ("THREATEN", ("CHN",), (), "asserted")),
        ("Washington will not stand idly by while Iran builds a bomb.", ("THREATEN", ("USA",), (), "asserted")),
    ],
)
def test_predicate_families(code_text, text, expected):
    _check(code_text, text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "The odds are against him.",
        "The cat is committed to sleeping all day.",
        "Crimes committed by the gang shocked the town.",
        "Residents will not tolerate the noise much longer.",
    ],
)
def test_predicate_families_need_a_political_actor(code_text, text):
    types = [e[0] for e in codes(code_text(text))]
    assert not {"AGREE", "REJECT", "THREATEN"} & set(types), types


@pytest.mark.parametrize(
    "text, expected",
    [
        # an invitation is an intent to meet (CAMEO 036)
        ("France invited Ukraine to the summit.", ("AGREE", ("FRA",), ("UKR",), "asserted")),
        ("Putin was invited to the G20 summit by Indonesia.", ("AGREE", ("IDN",), ("RUS",), "asserted")),
        # joint activity and ties built up
        ("Israel and the UAE established diplomatic relations.", ("COOPERATE", ("ARE", "ISR"), (), "asserted")),
        ("India and Bhutan deepened security cooperation.", ("COOPERATE", ("BTN", "IND"), (), "asserted")),
        ("Kenya and Somalia set up a joint task force on al-Shabaab.", ("COOPERATE", ("KEN", "SOM"), (), "asserted")),
        ("Russia sold S-400 missiles to Turkey.", ("COOPERATE", ("RUS",), ("TUR",), "asserted")),
        ("Brazil will buy fighter jets from Sweden.", ("COOPERATE", ("BRA",), ("SWE",), "future")),
    ],
)
def test_invitation_and_cooperation_families(code_text, text, expected):
    _check(code_text, text, expected)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("The university invited bids for the new library.", "AGREE"),
        ("Beijing invited the Taliban to visit China.", "CONSULT"),  # the visit is only proposed
        ("The bank strengthened its ties with local farmers.", "COOPERATE"),
        ("Collectors in Lagos bought antique guns from dealers in London.", "COOPERATE"),
    ],
)
def test_invitation_and_cooperation_families_leave_other_senses(code_text, text, wrong):
    assert wrong not in [e[0] for e in codes(code_text(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # leaving an agreement reduces relations
        ("Russia pulled out of the Black Sea Grain Initiative on Monday.", ("SANCTION", ("RUS",), (), "asserted", "withdraw")),
        ("The US withdrew from the Paris climate agreement.", ("SANCTION", ("USA",), (), "asserted", "withdraw")),
        ("Burkina Faso opted out of the defence pact with France.", ("SANCTION", ("BFA",), (), "asserted", "withdraw")),
        # economic retaliation and surcharges
        ("Beijing retaliated with duties of its own on American soybeans.", ("SANCTION", ("CHN",), (), "asserted")),
        ("Ottawa responded with sanctions against Moscow.", ("SANCTION", ("CAN",), (), "asserted")),
        ("Ontario slapped a 25% surcharge on electricity exported to the US.", ("SANCTION", ("CAN",), (), "asserted")),
        # agreeing to sanction is the sanction decided
        ("The EU agreed to sanction three Iranian generals.", ("SANCTION", ("EUR",), ("IRN",), "asserted")),
        # membership of an organisation
        ("Finland became the 31st member of NATO.", ("AGREE", ("FIN",), (), "asserted")),
        # mediation, force said of the future, welcome as an acclaim
        ("Qatar brokered a truce between Israel and Hamas.", ("CONSULT", ("QAT",), ("ISR",), "asserted", "third-party")),
        ("Trump said the United States would totally destroy North Korea.",
         ("THREATEN", ("USA",), ("PRK",), "asserted", "violence")),
    ],
)
def test_withdrawal_retaliation_membership_families(code_text, text, expected):
    _check(code_text, text, expected)


def test_a_move_welcomed_is_support_by_who_welcomed_it(code_text):
    # the recognition itself is SUPPORT too now that Trump is known as president on the date
    coded = codes(code_text("Trump recognised Jerusalem as Israel's capital, a move welcomed by Netanyahu."))
    assert ("SUPPORT", ("ISR",), (), "asserted", ()) in coded, coded
    assert ("SUPPORT", ("USA",), ("ISR", "ISR"), "asserted", ()) in coded, coded


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Russia withdrew its troops from Kherson.", "SANCTION"),  # a retreat, not leaving a treaty
        ("The rebels pulled out of the town.", "SANCTION"),
        ("Iran retaliated with missile strikes on Israel.", "SANCTION"),  # force, not economic pressure
        ("The EU agreed to sanction three Iranian generals.", "AGREE"),
        ("The minister became a member of the board.", "AGREE"),
        ("Qatar brokered a truce between Israel and Hamas.", "AGREE"),
        ("Israeli jets struck Hezbollah targets overnight.", "THREATEN"),  # done, it is force
    ],
)
def test_withdrawal_retaliation_membership_families_leave_other_senses(code_text, text, wrong):
    assert wrong not in [e[0] for e in codes(code_text(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The court threw out the government's appeal.", ("REJECT", (), (), "asserted", "change")),
        ("Kenya's High Court tossed out the opposition's petition.", ("REJECT", ("KEN",), ("KEN",), "asserted", "change")),
        ("Kenya voted against the resolution.", ("REJECT", ("KEN",), (), "asserted")),
        ("The Slovak parliament voted down the defence agreement with the United States.", ("REJECT", ("SVK",), (), "asserted")),
        ("Britain ruled out talks with the Taliban.", ("REJECT", ("GBR",), (), "asserted", "meet")),
        ("Kyiv renewed its call for more air defence systems.", ("REQUEST", ("UKR",), (), "asserted")),
        ("The EU invited Kosovo and Serbia to resume dialogue.", ("AGREE", ("EUR",), ("SRB", "XKX"), "asserted")),
    ],
)
def test_overrule_and_request_families(code_text, text, expected):
    _check(code_text, text, expected)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("The court threw out the government's appeal.", "REQUEST"),  # the appeal is what was rejected
        ("The court threw out the government's appeal.", "COERCE"),
        ("Britain ruled out talks with the Taliban.", "CONSULT"),
        ("Police ruled out foul play in the death of the journalist.", "REJECT"),
        ("Macron made a call to Putin on Tuesday.", "REQUEST"),
    ],
)
def test_overrule_and_request_families_leave_other_senses(code_text, text, wrong):
    assert wrong not in [e[0] for e in codes(code_text(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Brazil offered condolences to Turkey after the earthquake.", ("SUPPORT", ("BRA",), ("TUR",), "asserted")),
        ("Pakistan extended its congratulations to the new Iranian president.", ("SUPPORT", ("PAK",), ("IRN",), "asserted")),
        ("Kenya paid tribute to the Burundian peacekeepers.", ("SUPPORT", ("KEN",), ("BDI",), "asserted")),
        ("China came out in support of Russia's proposal.", ("SUPPORT", ("CHN",), (), "asserted")),
        ("Ireland is in favour of recognising Palestine.", ("SUPPORT", ("IRL",), (), "asserted")),
        ("The US reaffirmed its commitment to Taiwan's defence.", ("AGREE", ("USA",), (), "asserted")),
        ("Erdogan had a telephone conversation with Zelensky.", ("CONSULT", ("TUR", "UKR"), (), "asserted", "phone")),
        ("Brazil's new ambassador presented her credentials to Joe Biden.", ("CONSULT", ("BRA", "USA"), (), "asserted")),
    ],
)
def test_acclaim_commitment_and_meeting_families(code_text, text, expected):
    _check(code_text, text, expected)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Brazil offered condolences to Turkey after the earthquake.", "AGREE"),  # sympathy, not a promise
        ("Japan offered an apology to South Korea.", "AGREE"),
        ("The team paid tribute to its captain.", "SUPPORT"),
        ("The weather came out in favour of the farmers.", "SUPPORT"),
    ],
)
def test_acclaim_families_leave_other_senses(code_text, text, wrong):
    assert wrong not in [e[0] for e in codes(code_text(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Greece protested to Turkey over the airspace violations.", ("ACCUSE", ("GRC",), ("TUR",), "asserted", "disapprove")),
        ("Iran complained to the UN about the US sanctions.", ("ACCUSE", ("IRN",), ("UNO",), "asserted", "disapprove")),
        ("Kuwait objected to Iraq's border demarcation.", ("ACCUSE", ("KWT",), ("IRQ",), "asserted", "disapprove")),
        ("The EU questioned the legitimacy of the election.", ("ACCUSE", ("EUR",), (), "asserted", "disapprove")),
        ("Seoul voiced strong criticism of Tokyo's textbook revision.", ("ACCUSE", ("KOR",), ("JPN",), "asserted", "disapprove")),
        ("Hungary faced fierce criticism from Brussels over its media law.", ("ACCUSE", (), ("HUN",), "asserted", "disapprove")),
    ],
)
def test_diplomatic_protest_and_criticism_families(code_text, text, expected):
    _check(code_text, text, expected)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Students protested against the government in Dhaka.", "ACCUSE"),  # a demonstration
        ("Residents complained about the noise from the airport.", "ACCUSE"),
        ("The coach questioned the fairness of the referee.", "ACCUSE"),
    ],
)
def test_diplomatic_protest_families_leave_other_senses(code_text, text, wrong):
    assert wrong not in [e[0] for e in codes(code_text(text))]
