import json
import os
import subprocess

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from tests.conftest import RESOURCES, ROOT

runner = CliRunner()
COMMANDS = ["code", "ingest", "events", "eval", "demo", "flags", "actors", "kb lookup", "kb holder", "kb stats",
            "kb import wikidata"]


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_cli_no_command_is_left_out_of_the_help_test():
    import typer.main

    group = typer.main.get_command(app)

    def leaves(cmd, prefix=()):
        if hasattr(cmd, "commands"):
            for name, sub in cmd.commands.items():
                yield from leaves(sub, (*prefix, name))
        else:
            yield " ".join(prefix)

    assert set(leaves(group)) == set(COMMANDS)


def test_cli_commands_are_documented():
    readme = (ROOT / "README.md").read_text("utf-8")
    for command in COMMANDS:
        assert f"dyad {command}" in readme or command in ("demo",), command


def test_cli_code_json_schema(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("ANKARA (Wire) – Turkish jets struck Kurdish militants in northern Iraq on Sunday.")
    result = runner.invoke(app, ["code", str(report), "--json", "--date", "2023-04-03", "--source", "Wire"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout.strip().splitlines()[0])
    assert set(row) >= {"id", "title", "date", "source", "url", "events", "actors", "quotes", "flags"}
    event = row["events"][0]
    assert set(event) >= {"id", "date", "date_precision", "event", "mode", "context", "actor", "recipient", "modality",
                          "attribution", "quad_code", "event_scale", "cameo_root", "text", "text_info"}
    assert set(event["actor"][0]) >= {"code", "sector", "entity_text", "identifier_id", "identifier_text", "office"}
    text = report.read_text()
    assert text[event["text_info"]["start"]:event["text_info"]["end"]] == event["text"]
    assert event["date"] == "2023-04-02"


def test_cli_code_brief_lists_unasserted_events(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Officials said Russia may deploy more troops to Belarus. Poland will host talks next week.")
    result = runner.invoke(app, ["code", str(report), "--date", "2024-02-01"])
    assert result.exit_code == 0
    assert "Not asserted by the report" in result.stdout
    assert "hedged: MOBILIZE" in result.stdout and "future: CONSULT" in result.stdout


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p, "no such file"),
        (lambda p: (p.write_text(""), p)[1], "empty input, nothing to code"),
        (lambda p: (p.write_bytes(b"\x00\x01\x02binary"), p)[1], "binary file, not text"),
        (lambda p: (p.write_bytes("Caf\u00e9 talks".encode("latin-1")), p)[1], "not valid UTF-8"),
    ],
)
def test_cli_code_bad_input_is_one_line_and_exit_1(tmp_path, make, message):
    path = make(tmp_path / "bad.txt")
    result = runner.invoke(app, ["code", str(path)])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "bad.txt" in lines[0] and message in lines[0]


def test_cli_code_non_english_is_unsupported_without_events():
    result = runner.invoke(app, ["code", str(RESOURCES / "non-english.txt"), "--json"])
    assert result.exit_code == 0
    row = json.loads(result.stdout)
    assert row["status"] == "unsupported" and row["events"] == []


def test_cli_ingest_batch_records_bad_line_and_codes_the_rest(tmp_path):
    db = tmp_path / "b.duckdb"
    result = runner.invoke(app, ["ingest", str(RESOURCES / "articles.jsonl"), str(tmp_path / "missing.txt"), "--db", str(db), "-q"])
    assert result.exit_code == 1
    assert "articles.jsonl:4: malformed JSON" in result.stderr
    assert "5 coded, 0 skipped (already stored), 2 failed" in result.stderr
    again = runner.invoke(app, ["ingest", str(RESOURCES / "articles.jsonl"), "--db", str(db), "-q"])
    assert "0 coded, 5 skipped" in again.stderr
    events = runner.invoke(app, ["events", "--db", str(db), "--json"])
    assert events.exit_code == 0 and len(events.stdout.splitlines()) > 3
    from dyad.store import Store

    with Store(db) as store:
        counts = store.counts()
    assert counts["articles"] == 5 and counts["failures"] == 3


def test_cli_events_unknown_type_is_usage_error(tmp_path):
    result = runner.invoke(app, ["events", "--type", "PROTST", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2 and "not a PLOVER type" in result.stderr


def test_cli_installed_entry_point_reads_stdin():
    dyad = ROOT / ".venv" / "bin" / "dyad"
    assert dyad.exists(), "make install creates .venv/bin/dyad"
    proc = subprocess.run([str(dyad), "code", "-", "--json"], input='{"id": "s1", "text": "Egypt hosted talks between Israel and Hamas in Cairo.", "date": "2024-05-01"}\n',
                          capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}, timeout=300)
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)
    assert row["id"] == "s1" and any(e["event"] == "CONSULT" for e in row["events"])


def test_cli_demo_codes_examples_into_its_own_db_and_rebuilds_only_that(tmp_path):
    db = tmp_path / "demo.duckdb"
    result = runner.invoke(app, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "example reports coded" in result.stderr
    again = runner.invoke(app, ["demo", "--db", str(db)])
    assert again.exit_code == 0 and "example reports coded" in again.stderr
    from dyad.store import Store

    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 8


def test_cli_demo_never_touches_a_database_it_did_not_create(tmp_path):
    from dyad.store import Store

    db = tmp_path / "dyad.duckdb"
    runner.invoke(app, ["ingest", str(RESOURCES / "articles.jsonl"), "--db", str(db), "-q"])
    with Store(db, read_only=True) as store:
        before = store.counts()
    assert before["events"] > 0
    refused = runner.invoke(app, ["demo", "--db", str(db)])
    assert refused.exit_code == 1 and "did not create" in refused.stderr and "untouched" in refused.stderr
    with Store(db, read_only=True) as store:
        assert store.counts() == before
    notes = tmp_path / "notes.duckdb"
    notes.write_text("my notes\n")
    assert runner.invoke(app, ["demo", "--db", str(notes)]).exit_code == 1
    assert notes.read_text() == "my notes\n"


def test_make_run_codes_into_the_demo_database_not_the_ingest_default():
    recipe = (ROOT / "Makefile").read_text().split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "dyad demo" in recipe and "demo.duckdb" in recipe and "dyad.duckdb" not in recipe and "--force" not in recipe


def test_cli_ingest_with_two_processes_codes_the_same(tmp_path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    for db, processes in ((one, "1"), (two, "2")):
        result = runner.invoke(app, ["ingest", str(RESOURCES / "articles.jsonl"), "--db", str(db), "-q",
                                     "--processes", processes, "--batch-size", "2"])
        assert "5 coded" in result.stderr, result.stderr
    from dyad.store import Store

    with Store(one) as a, Store(two) as b:
        assert a.events() == b.events()
