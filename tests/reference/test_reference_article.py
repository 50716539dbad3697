"""The reference article (4 November 2024): events, roles and flags, read from ../shared/examples.

Run by `make test-reference`, never by `make test`: a person who clones the project has no
../shared. A missing file fails these tests; it never skips them.
"""

import json
from datetime import date

from typer.testing import CliRunner

from dyad.cli import app
from dyad.sources.files import make_article


def _actors(coded):
    return {a.identifier_text: a for e in coded.events for a in (*e.actor, *e.recipient) if a.identifier_text}


def test_checks_reference_article(coder, reference_text):
    coded = coder.code(make_article(reference_text, date_=date(2024, 11, 4)))
    by_kind = {}
    for flag in coded.flags:
        by_kind.setdefault(flag.kind, []).append(flag)
    [conflict] = by_kind["role_conflict"]
    assert "Shin Won-sik" in conflict.message and "Kim Yong-hyun (since 2024-09-06)" in conflict.message
    assert "National Security Advisor" in conflict.message
    assert any("2024-09-06" in fact for fact in conflict.facts)
    [contradiction] = by_kind["contradiction"]
    assert "Kim Yong-hyun (in a quoted post)" in contradiction.message
    assert len(contradiction.evidence) == 2
    [post] = [q for q in coded.quotes if q.kind == "post"]
    assert post.speaker.identifier_text == "Josep Borrell" and post.date == date(2024, 11, 4)
    assert post.handle == "@JosepBorrellF" and "pic.twitter.com" not in post.text
    assert post.text.startswith("I met Defence Minister Kim Yong Hyun")
    claims = [f for f in by_kind["unverified_claim"] if "MOBILIZE" in f.message]
    assert claims and "intelligence reports" in claims[0].message
    met = [e for e in coded.events if e.trigger == "met"]
    assert met and {a.identifier_text for a in met[0].actor} == {"Josep Borrell", "Kim Yong-hyun"}
    assert met[0].attribution.text == "Josep Borrell Fontelles"


def test_checks_flags_are_stored_and_listed(tmp_path, reference_text):
    report = tmp_path / "r.txt"
    report.write_text(reference_text)
    db = tmp_path / "f.duckdb"
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(report), "--date", "2024-11-04", "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["flags", "--db", str(db), "--kind", "role_conflict", "--json"])
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == 1 and "Shin Won-sik" in rows[0]["message"] and rows[0]["evidence"]
    assert runner.invoke(app, ["flags", "--db", str(db), "--kind", "nonsense"]).exit_code == 2


def test_extract_reference_article(coder, reference_text):
    coded = coder.code(make_article(reference_text, date_=date(2024, 11, 4)))
    assert coded.article.dateline_place == "Seoul"
    events = coded.events
    talks = [e for e in events if e.event == "CONSULT" and {a.code for a in e.actor} >= {"EUR", "KOR"}]
    assert talks, "the talks between the EU and South Korea"
    request = [e for e in events if e.event == "REQUEST" and [a.code for a in e.recipient] == ["KOR"]]
    assert request and request[0].actor[0].code == "EUR" and request[0].modality == "asserted"
    deploy = [e for e in events if e.event == "MOBILIZE" and e.modality == "hedged"]
    assert deploy and deploy[0].actor[0].code == "PRK"
    assert "intelligence reports" in deploy[0].attribution.text and not deploy[0].attribution.named
    evidence = reference_text[deploy[0].text_info.start:deploy[0].text_info.end]
    assert "may deploy troops" in evidence
    aid = [e for e in events if e.event == "AID" and e.actor and e.actor[0].code == "KOR"]
    assert {e.modality for e in aid} >= {"asserted", "negated"}


def test_kb_roles_in_reference_article(coder, reference_text):
    coded = coder.code(make_article(reference_text, date_=date(2024, 11, 4)))
    actors = _actors(coded)
    assert actors["Josep Borrell"].office.startswith("High Representative")
    assert actors["Cho Tae-yul"].office == "Minister of Foreign Affairs of South Korea"
    # the narrative calls Shin Won-sik defence minister; on that date he was National Security Advisor
    assert actors["Shin Won-sik"].office.startswith("National Security Advisor")


def test_reference_article_codes_the_same_with_the_shipped_model(coder, reference_text, monkeypatch):
    from dyad.coding.pipeline import Coder
    from dyad.records import event_to_dict

    monkeypatch.delenv("DYAD_MODEL", raising=False)
    shipped = Coder(nlp=coder.nlp, kb=coder.kb, rules=coder.rules)  # the card decides: the default of `dyad code`
    assert shipped.model is not None and shipped.model.card.enabled
    article = make_article(reference_text, date_=date(2024, 11, 4))
    with_model, rules_only = shipped.code(article), coder.code(article)
    assert [event_to_dict(e) for e in with_model.events] == [event_to_dict(e) for e in rules_only.events]
    assert [f.kind for f in with_model.flags] == [f.kind for f in rules_only.flags]
