"""Acts told through a document ("adopted a resolution demanding…", "an Arab League statement condemned…"), the
object that controls an infinitive ("prompting Ankara to retaliate"), and armed operations launched; found missing
by probing with the team's own sentences (2026-12-05)."""

import pytest

from tests.coded import assert_absent, assert_parties, coded_sectors, first_of


@pytest.mark.parametrize(
    "text, event, actor, recipient",
    [
        ("The African Union's Peace and Security Council adopted a resolution urging Ethiopia to withdraw its troops.",
         "REQUEST", "IGO/None", "ETH/"),
        ("Mexico's foreign ministry issued a statement condemning the arrest of its consul in Lima.",
         "ACCUSE", "MEX/GOV", None),
        ("An Arab League statement condemned the raid on the refugee camp.", "ACCUSE", "IGO/None", None),
        ("A statement from the Sudanese army accused the paramilitaries of shelling El Obeid.", "ACCUSE", "SDN/MIL", "SDN/PRM"),
        ("Human Rights Watch published a report accusing Eritrea of forced conscription.", "ACCUSE", "NGO/None", "ERI/GOV"),
        ("The bombing of the market prompted Kenya to recall its ambassador from Somalia.", "SANCTION", "KEN/GOV", None),
        ("Azerbaijan launched a military operation in the disputed region on Tuesday.", "ASSAULT", "AZE/", None),
        ("Colombia's army began a ground offensive against dissident guerrillas in Cauca.", "ASSAULT", "COL/MIL", "REB"),
        ("The Nigerian army launched a counter-terrorism operation against the insurgents in Borno.", "ASSAULT", "NGA/MIL", "REB"),
    ],
)
def test_document_and_operation_wordings(code_text, text, event, actor, recipient):
    got = first_of(coded_sectors(code_text, text), event)
    assert_parties(got, actor, recipient)
    assert got[4] == "asserted", got


@pytest.mark.parametrize("text, absent", [
    # what a vetoed or failed resolution says was neither demanded nor done
    ("China vetoed a Security Council resolution demanding the withdrawal of foreign troops from the islands.",
     {"REQUEST", "RETREAT"}),
    ("The senate failed to pass a motion condemning the governor's arrest of the mayor.", {"ACCUSE"}),
    # an operation to evacuate or rescue is no attack
    ("The Indian navy launched a military operation to evacuate its citizens from Yemen.", {"ASSAULT"}),
    ("The coast guard launched a rescue operation after a fishing boat capsized off Lampedusa.", {"ASSAULT"}),
])
def test_refused_documents_and_rescues_code_nothing_of_theirs(code_text, text, absent):
    assert_absent(code_text, text, absent)


def test_a_signed_statement_is_one_agreement(code_text):
    coded = coded_sectors(code_text, "The leaders of Serbia and Kosovo signed a joint statement committing to normalise "
                                     "relations.")
    assert [e[0] for e in coded].count("AGREE") == 1, coded


def test_the_navy_that_launches_an_operation_is_its_actor_not_the_adjective(code_text):
    got = first_of(coded_sectors(code_text, "Pakistan's navy launched a military operation against pirates off "
                                            "the Somali coast."), "ASSAULT")
    assert got[2] == ("PAK/MIL",), got
