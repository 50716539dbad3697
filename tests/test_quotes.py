"""Quotes in the forms news uses, with their speakers; first person inside a quote is the speaker."""

from datetime import date

import pytest


@pytest.mark.parametrize(
    "text, quoted, speaker",
    [
        ('"We will not accept any ceasefire that freezes the front line," Ukraine\'s foreign minister said.',
         "We will not accept any ceasefire that freezes the front line", "UKR"),
        ('Kenya\'s president said: "Our troops will stay until the job is done."',
         "Our troops will stay until the job is done.", "KEN"),
        ('"The talks were frank and useful," said Brazil\'s foreign minister.',
         "The talks were frank and useful", "BRA"),
    ],
)
def test_quotes_forms_and_speakers(code_text, text, quoted, speaker):
    coded = code_text(text, date(2024, 3, 1))
    [quote] = coded.quotes
    assert quote.text.strip(" ,.") == quoted.strip(" ,.")
    assert quote.speaker is not None and quote.speaker.code == speaker
    assert text[quote.start:quote.end].strip(" ,.") == quoted.strip(" ,.")


def test_quotes_split_around_the_attribution(code_text):
    text = ('"We have sent 40 tonnes of medicine," the Egyptian foreign minister said. '
            '"More convoys will follow next week."')
    coded = code_text(text, date(2024, 3, 1))
    assert len(coded.quotes) == 2
    assert all(q.speaker is not None and q.speaker.code == "EGY" for q in coded.quotes)


def test_quotes_first_person_is_the_speaker(code_text):
    text = '"I met the Turkish foreign minister in Ankara this morning," Greece\'s prime minister told reporters.'
    coded = code_text(text, date(2024, 3, 1))
    consult = next(e for e in coded.events if e.event == "CONSULT")
    assert {a.code for a in consult.actor} == {"GRC", "TUR"}
    assert consult.attribution is not None and "prime minister" in consult.attribution.text


def test_quotes_post_signature_and_link_residue(code_text):
    text = ("OSLO (Wire) – The minister posted after the meeting.\n"
            "Good talks with my Danish counterpart on Arctic security.\n"
            "— Jonas Lie (@jlie) March 3, 2025\n"
            "More to follow. pic.twitter.com/AbC123\n")
    coded = code_text(text, date(2025, 3, 4))
    [post] = [q for q in coded.quotes if q.kind == "post"]
    assert post.handle == "@jlie" and post.date == date(2025, 3, 3) and post.speaker_text == "Jonas Lie"
    assert "pic.twitter.com" not in post.text and "More to follow." in post.text
    assert not any("—" in e.text for e in coded.events)
