"""Diplomacy and pressure in wordings a blind probe of wire copy showed missing (twelfth round, 2026-12-04): a present
verb the parser made an auxiliary, a past verb it hung on its subject, hyphenated verbs in headlines, relations
restored (CAMEO 064, so COOPERATE), joint ventures, vessels handed over, vows to attack, raised alert levels, a
threat's condition. The team's own sentences, none of them a gold item or a probe item."""

import pytest

from tests.coded import assert_absent, coded_sectors, first_of


def test_a_present_verb_read_as_an_auxiliary_is_the_verb(code_text):
    got = first_of(coded_sectors(code_text, "Iran threatens 'crushing' response to Israeli strikes"), "THREATEN")
    assert got[2] == ("IRN/GOV",), got


def test_a_past_verb_hung_on_its_subject_is_the_verb(code_text):
    got = first_of(coded_sectors(code_text, "A senior Houthi official threatened on Sunday to target shipping in the "
                                            "Red Sea if the strikes continued."), "THREATEN")
    assert got[2] and got[2][0].startswith("YEM/"), got


def test_a_hyphenated_headline_verb_is_the_verb(code_text):
    got = first_of(coded_sectors(code_text, "Iran test-fires new cruise missile in Gulf drills"), "MOBILIZE", "weapons")
    assert got[2] == ("IRN/GOV",), got


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("Chad restored diplomatic relations with Qatar on Monday.", "TCD/GOV", "QAT/GOV"),
        ("Bolivia and Israel restored ties after a four-year break.", "BOL/GOV", None),
    ],
)
def test_restoring_relations_is_cooperation(code_text, text, actor, recipient):
    got = first_of(coded_sectors(code_text, text), "COOPERATE")
    assert actor in got[2] and (recipient is None or got[3] == (recipient,)), got


def test_reopening_an_embassy_still_concedes(code_text):
    first_of(coded_sectors(code_text, "Britain reopened its embassy in Tehran on Sunday."), "CONCEDE")


def test_a_joint_venture_of_two_states_is_cooperation(code_text):
    got = first_of(coded_sectors(code_text, "Egypt and Saudi Arabia set up a joint venture to build a power link."),
                   "COOPERATE")
    assert set(got[2]) == {"EGY/GOV", "SAU/GOV"}, got


def test_a_vessel_handed_over_to_a_navy_is_aid(code_text):
    coded = coded_sectors(code_text, "Japan handed over two patrol boats to the Philippine coast guard on Friday.")
    assert first_of(coded, "AID")[2] == ("JPN/GOV",) and not [e for e in coded if e[0] == "COOPERATE"], coded


def test_a_vow_to_attack_is_a_threat_not_a_promise(code_text):
    coded = coded_sectors(code_text, "Israel's defence minister vowed to launch a fresh offensive against Hamas in Gaza.")
    assert first_of(coded, "THREATEN")[2] == ("ISR/GOV",) and not [e for e in coded if e[0] == "AGREE"], coded


def test_a_vow_to_rebuild_is_still_a_promise(code_text):
    first_of(coded_sectors(code_text, "Japan pledged to help Ukraine rebuild its power grid."), "AGREE")


def test_a_raised_alert_level_mobilises(code_text):
    got = first_of(coded_sectors(code_text, "South Korea raised its alert level along the border on Tuesday."),
                   "MOBILIZE")
    assert got[2] == ("KOR/GOV",), got


def test_repercussions_warned_of_are_a_threat(code_text):
    got = first_of(coded_sectors(code_text, "Beijing warned Lithuania of serious repercussions over the Taiwan office."),
                   "THREATEN")
    assert got[2] == ("CHN/GOV",) and got[3] == ("LTU/GOV",), got


def test_a_word_in_a_threats_condition_is_not_its_content(code_text):
    assert_absent(code_text, "The rebels threatened to shut the highway if their fighters were attacked.", {"REJECT"})


def test_fined_is_fine_not_fin(code_text):
    got = first_of(coded_sectors(code_text, "The European Commission fined Meta 800 million euros on Thursday."),
                   "SANCTION")
    assert "USA/BUS" in got[3], got


@pytest.mark.parametrize(
    "text, recipient",
    [
        ("The African Union welcomed the release of the detained ministers by the junta.", None),
        ("Ghana welcomed the decision by Togo to reopen the border.", "TGO/GOV"),
    ],
)
def test_welcoming_an_act_is_no_visit(code_text, text, recipient):
    coded = coded_sectors(code_text, text)
    assert not [e for e in coded if e[0] == "CONSULT"], coded
    assert recipient is None or recipient in first_of(coded, "SUPPORT")[3], coded


def test_welcoming_a_visitor_is_still_a_visit(code_text):
    got = first_of(coded_sectors(code_text, "The Ghanaian president welcomed the Togolese prime minister to Accra."),
                   "CONSULT", "visit")
    assert got[2] == ("TGO/GOV",), got


@pytest.mark.parametrize(
    "text, recipient",
    [
        ("Mexico imposed tariffs on textile imports from Bangladesh.", "BGD/GOV"),
        ("Turkey raised duties on cars made in Japan.", "JPN/GOV"),
    ],
)
def test_a_measure_on_goods_hits_where_they_come_from(code_text, text, recipient):
    got = first_of(coded_sectors(code_text, text), "SANCTION")
    assert recipient in got[3], got


def test_an_acronym_after_its_role_is_that_role(code_text):
    got = first_of(coded_sectors(code_text, "Spanish regulator CNMC fined Amazon for restricting sellers."), "SANCTION")
    assert got[2] == ("ESP/GOV",), got


@pytest.mark.parametrize(
    "text, sanctioned",
    [
        ("A Paris court awarded damages against the magazine on Tuesday.", True),
        ("A federal jury awarded $4 million to the family of a man killed by police.", True),
        ("The jury awarded the Booker prize to an Irish novelist.", False),
    ],
)
def test_damages_awarded_by_a_court_sanction(code_text, text, sanctioned):
    coded = coded_sectors(code_text, text)
    assert bool([e for e in coded if e[0] == "SANCTION"]) == sanctioned, coded
