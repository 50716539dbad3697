"""Verbal-conflict and cooperation wording families, round 2: relief flown or sent somewhere is aid (not
a visit), a recipient named in the object phrase or after the instrument, travel bans and asset freezes
laid on someone, a participle that adds its own accusation, and 'has yet to' as a negation. Each family
has several team-written wordings and a guard. Rules: src/dyad/data/rules.yaml, docs/rules.md."""

import pytest

from tests.coded import DAY, codes


def _events(code_text, text):
    return codes(code_text(text, DAY))


def _has(code_text, text, event, actor, recipient, modality="asserted"):
    events = _events(code_text, text)
    assert any(e[0] == event and actor in e[1] and (recipient is None or recipient in e[2]) and e[3] == modality
               for e in events), events


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("India flew medical teams and tonnes of relief supplies to Kathmandu on Friday.", "IND", "NPL"),
        ("Greece sent a team of 30 rescuers and four sniffer dogs to southern Turkey.", "GRC", "TUR"),
        ("Japan dispatched a group of doctors and nurses to Manila after the typhoon.", "JPN", "PHL"),
        ("Norway flew rescue workers and tents to Nepal.", "NOR", "NPL"),
    ],
)
def test_relief_flown_or_sent_is_aid_not_a_visit(code_text, text, actor, recipient):
    _has(code_text, text, "AID", actor, recipient)
    assert "CONSULT" not in [e[0] for e in _events(code_text, text)]


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("The French president flew to Kyiv on Monday.", "FRA", "UKR"),
        ("Germany's foreign minister travelled to Beijing on Tuesday.", "DEU", "CHN"),
    ],
)
def test_a_trip_with_no_cargo_is_still_a_visit(code_text, text, actor, recipient):
    _has(code_text, text, "CONSULT", actor, recipient)


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("Britain responded with sanctions against Moscow.", "GBR", "RUS"),
        ("Canada retaliated with tariffs on Washington.", "CAN", "USA"),
        ("Beijing retaliated with fresh sanctions against Lithuania on Friday.", "CHN", "LTU"),
    ],
)
def test_the_recipient_after_the_instrument(code_text, text, actor, recipient):
    _has(code_text, text, "SANCTION", actor, recipient)


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("Washington imposed a travel ban on the Sudanese general.", "USA", "SDN"),
        ("The United States imposed an asset freeze on the Venezuelan minister.", "USA", "VEN"),
        ("Canada slapped an export ban on Iran.", "CAN", "IRN"),
        ("The European Union announced visa bans against Belarusian officials.", "EUR", "BLR"),
    ],
)
def test_travel_bans_and_asset_freezes_are_sanctions(code_text, text, actor, recipient):
    _has(code_text, text, "SANCTION", actor, recipient)


@pytest.mark.parametrize(
    "text",
    [
        "The city council imposed a ban on smoking in public parks.",
        "The government announced a freeze on public sector wages.",
    ],
)
def test_other_bans_and_freezes_are_no_sanction(code_text, text):
    assert "SANCTION" not in [e[0] for e in _events(code_text, text)]


@pytest.mark.parametrize(
    "text, event, actor, recipient",
    [
        ("Kenya's opposition leader refused to join the national dialogue, calling it a sham.", "ACCUSE", "KEN", None),
        ("Rebel negotiators walked out of the talks, accusing the Syrian army of breaking the truce.", "ACCUSE", "SYR", "SYR"),
        ("Seoul urged Pyongyang to return to talks, warning that it would retaliate against any attack.", "THREATEN", "KOR", None),
    ],
)
def test_a_participle_adds_its_own_act(code_text, text, event, actor, recipient):
    _has(code_text, text, event, actor, recipient)


@pytest.mark.parametrize(
    "text, event",
    [
        ("Russia's former defence minister has yet to be charged with any crime.", "ACCUSE"),
        ("The two governments have yet to sign the trade agreement.", "AGREE"),
        ("The rebels are yet to accept the ceasefire proposal.", "AGREE"),
    ],
)
def test_has_yet_to_is_not_done(code_text, text, event):
    events = [e for e in _events(code_text, text) if e[0] == event]
    assert events and all(e[3] == "negated" for e in events), _events(code_text, text)


def test_yet_elsewhere_does_not_negate(code_text):
    events = [e for e in _events(code_text, "Yet the two governments signed the trade agreement on Monday.") if e[0] == "AGREE"]
    assert events and events[0][3] == "asserted"


def _modality(code_text, text, event):
    events = [e for e in _events(code_text, text) if e[0] == event]
    assert events, _events(code_text, text)
    return events[0][3]


@pytest.mark.parametrize(
    "text, event, modality",
    [
        # a date inside another act's clause or naming a thing does not date the event
        ("Egypt reopened its embassy in Doha after closing it in 2017.", "CONCEDE", "asserted"),
        ("A Kenyan court sentenced three men to life in prison for bombing attacks six years ago.", "SANCTION", "asserted"),
        ("Rebels attacked monitors who were there to uphold the 2015 peace accord.", "ASSAULT", "asserted"),
        # a date that names the span the event took place in still dates it
        ("During the 1994 genocide, Hutu militias killed thousands of Tutsi civilians in Rwanda.", "ASSAULT", "historical"),
        ("In 2011 Israel closed its embassy in Cairo.", "SANCTION", "historical"),
    ],
)
def test_dates_of_other_clauses_and_things(code_text, text, event, modality):
    assert _modality(code_text, text, event) == modality


@pytest.mark.parametrize(
    "text, event, modality",
    [
        ("Japan had previously sent a small contingent of troops to Iraq.", "MOBILIZE", "historical"),
        ("Previously, Britain had carried out airstrikes against militants in Iraq.", "ASSAULT", "historical"),
        ("The general had formerly threatened to attack the capital.", "THREATEN", "historical"),
        ("Saudi Arabia has previously accused Iran of arming the rebels.", "ACCUSE", "asserted"),
    ],
)
def test_previously_in_the_past_perfect_is_historical(code_text, text, event, modality):
    assert _modality(code_text, text, event) == modality


@pytest.mark.parametrize(
    "text, event",
    [
        ("A Saudi-led air raid on the port reportedly killed 20 fishermen.", "ASSAULT"),
        ("An Israeli airstrike on a school in Gaza allegedly killed 15 people.", "ASSAULT"),
        ("A drone strike on the convoy apparently killed five soldiers.", "ASSAULT"),
    ],
)
def test_a_reported_verb_hedges_its_event_noun_subject(code_text, text, event):
    assert _modality(code_text, text, event) == "hedged"


def test_unhedged_event_noun_subject_is_asserted(code_text):
    assert _modality(code_text, "A Saudi-led air raid on the port killed 20 fishermen.", "ASSAULT") == "asserted"


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Brazil announced a 20 billion dollar austerity package on Monday.", "AID"),
        ("Greece unveiled a new stimulus package for small firms.", "AID"),
        ("Italy approved a tax package in parliament.", "AID"),
        ("The US president signed a disaster declaration for the flooded counties.", "AGREE"),
        ("The governor signed an emergency declaration after the storm.", "AGREE"),
    ],
)
def test_packages_and_declarations_that_are_no_aid_or_agreement(code_text, text, wrong):
    assert wrong not in [e[0] for e in _events(code_text, text)]


@pytest.mark.parametrize(
    "text, event, actor, recipient",
    [
        ("Saudi Arabia approved a $3 billion support package for Pakistan.", "AID", "SAU", "PAK"),
        ("Germany announced a new military aid package for Ukraine.", "AID", "DEU", "UKR"),
        ("Japan announced 5 million dollars in aid for Nepal.", "AID", "JPN", "NPL"),
        ("China and Russia signed a joint declaration on trade.", "AGREE", "CHN", None),
    ],
)
def test_aid_packages_and_signed_declarations_still_code(code_text, text, event, actor, recipient):
    _has(code_text, text, event, actor, recipient)


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("Prosecutors will try the former Kenyan minister for corruption.", "KEN", "KEN"),
        ("Iran will try the French researcher for espionage.", "IRN", "FRA"),
        ("A Turkish court began to try the Greek soldiers for espionage.", "TUR", "GRC"),
    ],
)
def test_trying_someone_for_a_crime_is_an_accusation(code_text, text, actor, recipient):
    events = _events(code_text, text)
    assert any(e[0] == "ACCUSE" and actor in e[1] and recipient in e[2] for e in events), events


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan team will try a new approach for the match.",
        "Iran tried a new tactic for the talks with France.",
    ],
)
def test_trying_something_is_no_accusation(code_text, text):
    assert "ACCUSE" not in [e[0] for e in _events(code_text, text)]


@pytest.mark.parametrize(
    "text, actor, recipient, mode",
    [
        # what an actor says it would do if someone acts is a threat made now, to that someone
        ("Biden told Putin on Tuesday that the United States would impose severe sanctions if Russia invaded Ukraine.",
         "USA", "RUS", "restrict"),
        ("The EU said it would impose tariffs on American goods if Washington went ahead with the levies.", "EUR", "USA", "restrict"),
        ("France said it would strike if Syria used chemical weapons again.", "FRA", "SYR", "violence"),
        ("Should Israel attack its nuclear sites, Iran would retaliate against Israeli cities, the Iranian defence minister said.",
         "IRN", "ISR", "violence"),
        # any hostile act, said with its condition on another party; an unnamed official speaks for the one who acts
        ("The Taliban said they would execute the captured pilots if Kabul kept up its air raids.", "AFG", "AFG", "violence"),
        ("Moscow will expel more Estonian diplomats if Tallinn expels Russian ones, a ministry spokesman said.",
         "RUS", "EST", "expel"),
        ("Turkey said it would arrest Greek fishermen in its waters if Athens did not withdraw its patrol boats.",
         "TUR", "GRC", "arrest"),
    ],
)
def test_a_conditional_sanction_or_strike_said_is_a_threat(code_text, text, actor, recipient, mode):
    events = [(e.event, {a.code for a in e.actor}, {a.code for a in e.recipient}, e.modality, e.mode)
              for e in code_text(text, DAY).events]
    assert any(e[0] == "THREATEN" and actor in e[1] and recipient in e[2] and e[3] == "asserted" and e[4] == (mode,)
               for e in events), events


@pytest.mark.parametrize(
    "text",
    [
        "Analysts say Japan would suspend its development loans to Myanmar if the junta postponed elections again.",
        "If Serbia deploys troops to the border, Kosovo would close its airspace.",
        # a condition on no other party threatens no one
        "Chile's interior minister said soldiers would impose a curfew in Santiago if the looting spread.",
        "If the senate approves the plan, Brazil would send troops to Haiti, officials in Brasilia said.",
    ],
)
def test_a_forecast_or_unsaid_condition_stays_hypothetical(code_text, text):
    events = _events(code_text, text)
    assert "THREATEN" not in [e[0] for e in events] and all(e[3] == "hypothetical" for e in events), events


@pytest.mark.parametrize(
    "text",
    [
        "Chinese and Indian soldiers fought with clubs and stones in the valley on Monday night.",
        "Kenyan police trained with live ammunition before the election.",
        "Syrian troops fought with rebels in the suburbs of Aleppo.",
    ],
)
def test_fighting_or_training_with_something_is_no_cooperation(code_text, text):
    assert "COOPERATE" not in [e[0] for e in _events(code_text, text)]


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("Chadian troops fought alongside French forces against the jihadists.", "TCD", "FRA"),
        ("North Korean soldiers began fighting alongside Russian troops in Kursk.", "PRK", "RUS"),
        ("Kenyan police worked with British detectives on the case.", "KEN", "GBR"),
    ],
)
def test_fighting_alongside_or_working_with_someone_is_cooperation(code_text, text, actor, recipient):
    _has(code_text, text, "COOPERATE", actor, recipient)
