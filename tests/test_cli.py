import json
import os
import subprocess

import duckdb
import pytest
from typer.testing import CliRunner

from dyad.cli import app
from tests.conftest import RESOURCES, ROOT

runner = CliRunner()
COMMANDS = ["code", "ingest", "events", "eval", "demo", "flags", "actors", "kb lookup", "kb holder", "kb stats", "kb verify",
            "kb import wikidata", "watch", "serve", "clusters", "export", "spark", "load"]


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
    assert "5 coded, 0 unsupported (not English), 0 duplicates, 0 skipped (already stored), 2 failed" in result.stderr
    again = runner.invoke(app, ["ingest", str(RESOURCES / "articles.jsonl"), "--db", str(db), "-q"])
    assert "0 coded, 0 unsupported (not English), 0 duplicates, 5 skipped" in again.stderr
    events = runner.invoke(app, ["events", "--db", str(db), "--json"])
    assert events.exit_code == 0 and len(events.stdout.splitlines()) > 3
    from dyad.store.database import Store

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
    from dyad.store.database import Store

    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 8


def test_cli_demo_never_touches_a_database_it_did_not_create(tmp_path):
    from dyad.store.database import Store

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
    from dyad.store.database import Store

    with Store(one) as a, Store(two) as b:
        assert a.events() == b.events()


# --- the CLI explains itself ---------------------------------------------------------------------

GROUPS = ["", "kb", "kb import"]


@pytest.mark.parametrize("command", GROUPS)
def test_cli_every_group_has_help_with_an_example(command):
    result = runner.invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Example: dyad " in result.output


@pytest.mark.parametrize("command", COMMANDS + GROUPS)
def test_cli_help_shows_flags_without_a_type_and_arguments_by_metavar(command):
    result = runner.invoke(app, [*command.split(), "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    usage = next(line for line in result.output.splitlines() if "Usage:" in line)
    assert "<bool>" not in result.output and "{" not in usage
    assert "--help " in result.output


@pytest.mark.parametrize("command, usage", [("code", "dyad code [OPTIONS] [PATH...]"),
                                            ("ingest", "dyad ingest [OPTIONS] [PATH...]"),
                                            ("eval", "dyad eval [OPTIONS] GOLD..."),
                                            ("kb", "dyad kb [OPTIONS] COMMAND [ARGS]...")])
def test_cli_usage_line_names_the_arguments(command, usage):
    result = runner.invoke(app, [*command.split(), "--help"], env={"COLUMNS": "200"}, prog_name="dyad")
    assert f"Usage: {usage}" in result.output


def test_cli_version():
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"dyad {version('dyad')}\n"


def test_cli_meta_options_fill_what_jsonl_lines_lack(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "bare", "text": "Egypt hosted talks between Israel and Hamas in Cairo on Monday."}) + "\n"
                    + json.dumps({"id": "own", "text": "Kenya hosted talks with Ethiopia in Nairobi.", "date": "2023-01-02",
                                  "source": "Own Wire", "title": "Own title"}) + "\n")
    result = runner.invoke(app, ["code", str(feed), "--json", "--date", "2024-05-08", "--source", "Given",
                                 "--title", "Given title"])
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in map(json.loads, result.stdout.splitlines())}
    assert (rows["bare"]["date"], rows["bare"]["source"], rows["bare"]["title"]) == ("2024-05-08", "Given", "Given title")
    assert (rows["own"]["date"], rows["own"]["source"], rows["own"]["title"]) == ("2023-01-02", "Own Wire", "Own title")
    assert rows["bare"]["events"][0]["date"] == "2024-05-06"  # "Monday" read against --date


def test_cli_txt_without_date_says_so_and_events_are_unknown_precision(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Turkish jets struck Kurdish militants in northern Iraq on Sunday.")
    result = runner.invoke(app, ["code", str(report), "--json"])
    assert result.exit_code == 0, result.output
    assert f"note: {report}: no publication date (give --date)" in result.stderr
    event = json.loads(result.stdout)["events"][0]
    assert event["date"] is None and event["date_precision"] == "unknown"
    dated = runner.invoke(app, ["code", str(report), "--json", "--date", "2023-04-03"])
    assert "no publication date" not in dated.stderr


def test_cli_ingest_reports_the_same_text_under_another_id_or_date(tmp_path):
    text = "Egypt hosted talks between Israel and Hamas in Cairo."
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(row) for row in [
        {"id": "first", "text": text, "date": "2024-05-01"},
        {"id": "second", "text": text, "date": "2024-05-01"},
        {"id": "first", "text": text, "date": "2024-06-01"},
    ]) + "\n")
    db = tmp_path / "d.duckdb"
    result = runner.invoke(app, ["ingest", str(feed), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert f"{feed}:2: duplicate of first" in result.stderr and f"{feed}:3: duplicate of first" in result.stderr
    assert "1 coded, 0 unsupported (not English), 2 duplicates, 0 skipped (already stored), 0 failed" in result.stderr
    again = runner.invoke(app, ["ingest", str(feed), "--db", str(db), "-q"])
    assert "0 coded, 0 unsupported (not English), 2 duplicates, 1 skipped (already stored)" in again.stderr


def test_cli_ingest_says_when_an_id_is_stored_with_another_text_and_keeps_the_stored_one(tmp_path):
    db, first, second = tmp_path / "d.duckdb", tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps({"id": "x1", "text": "Egypt hosted talks between Israel and Hamas in Cairo.",
                                 "date": "2024-05-01"}) + "\n")
    second.write_text(json.dumps({"id": "x1", "text": "Kenyan police arrested forty protesters in Nairobi.",
                                  "date": "2024-05-01"}) + "\n")
    assert runner.invoke(app, ["ingest", str(first), "--db", str(db), "-q"]).exit_code == 0
    result = runner.invoke(app, ["ingest", str(second), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert f"{second}:1: id x1 is stored already with another text; the stored one is kept" in result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT text FROM articles").fetchall() == [("Egypt hosted talks between Israel and Hamas "
                                                                        "in Cairo.",)]
    rerun = runner.invoke(app, ["ingest", str(first), "--db", str(db), "-q"])
    assert "stored already with another text" not in rerun.stderr


def test_cli_non_english_is_unsupported_with_its_language(tmp_path):
    coded = runner.invoke(app, ["code", str(RESOURCES / "non-english.txt"), "--json"])
    row = json.loads(coded.stdout)
    assert (row["status"], row["language"], row["events"]) == ("unsupported", "fr", [])
    assert "language 'fr', not English" in coded.stderr
    result = runner.invoke(app, ["ingest", str(RESOURCES / "non-english.txt"), "--db", str(tmp_path / "f.duckdb"), "-q"])
    assert "0 coded, 1 unsupported (not English)" in result.stderr


@pytest.fixture(scope="module")
def actors_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("actors") / "a.duckdb"
    report = db.parent / "a.txt"
    report.write_text("Protesters attacked police in Lagos on Monday. Jean-Baptiste Okonkwo, a spokesman for the Sahel "
                      "Peace Network, accused the army of killing 47 people. The Lagos Traders Union called on the "
                      "government to release the detainees. Forty-seven people protested outside the governor's office.")
    result = runner.invoke(app, ["ingest", str(report), "--db", str(db), "--date", "2024-05-06", "-q"])
    assert result.exit_code == 0, result.output
    return db


def test_cli_actors_unresolved_lists_names_not_crowds(actors_db):
    every = runner.invoke(app, ["actors", "--db", str(actors_db), "--json"])
    assert {"Protesters", "Forty-seven people"} <= {json.loads(line)["entity_text"] for line in every.stdout.splitlines()}
    result = runner.invoke(app, ["actors", "--db", str(actors_db), "--unresolved", "--json"])
    names = [json.loads(line)["entity_text"] for line in result.stdout.splitlines()]
    assert names == ["Jean-Baptiste Okonkwo, a spokesman for the Sahel Peace Network", "The Lagos Traders Union"]


def test_cli_empty_results_say_so(actors_db):
    result = runner.invoke(app, ["flags", "--db", str(actors_db)])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == "no flags match\n"
    events = runner.invoke(app, ["events", "--db", str(actors_db), "--type", "SANCTION", "--json"])
    assert events.exit_code == 0 and events.stdout == "" and events.stderr == "no events match\n"


def test_cli_piped_listing_is_tsv_and_not_cut(actors_db):
    result = runner.invoke(app, ["events", "--db", str(actors_db)])
    lines = result.stdout.splitlines()
    assert lines[0] == "date\ttype\tmode\tactor\trecipient\tmodality\tevidence"
    evidence = [line.split("\t")[-1] for line in lines[1:]]
    assert "The Lagos Traders Union called on the government to release the detainees." in evidence
    actors = runner.invoke(app, ["actors", "--db", str(actors_db), "--unresolved"])
    assert actors.stdout.splitlines()[1].split("\t")[0] == "Jean-Baptiste Okonkwo, a spokesman for the Sahel Peace Network"


def test_cli_malformed_json_message_reads_cleanly(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "x", "text": "unterminated\n')
    result = runner.invoke(app, ["code", str(feed)])
    assert result.exit_code == 1
    assert result.stderr == f"error: {feed}:1: malformed JSON at column 21: unterminated string\n"


def test_cli_kb_import_wikidata_help_and_docs_show_the_query():
    from dyad.kb.wikidata import HOLDERS_QUERY, SAVE_ANSWERS

    result = runner.invoke(app, ["kb", "import", "wikidata", "--help"], env={"COLUMNS": "200"})
    for line in (HOLDERS_QUERY + "\n" + SAVE_ANSWERS).splitlines():
        assert line.strip() in result.output, line
    docs = (ROOT / "docs" / "kb.md").read_text("utf-8")
    assert HOLDERS_QUERY in docs and SAVE_ANSWERS in docs


def test_cli_invalid_utf8_is_replaced_with_a_warning_naming_the_offset(tmp_path):
    report = tmp_path / "latin.txt"
    report.write_bytes("Caf\u00e9 owners said Egypt hosted talks between Israel and Hamas in Cairo.".encode("latin-1"))
    result = runner.invoke(app, ["code", str(report), "--json", "--date", "2024-05-01"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"warning: {report}: not valid UTF-8 at byte offset 3 (0xe9, line 1); "
                             "1 invalid byte sequence replaced with U+FFFD\n")
    row = json.loads(result.stdout)
    assert row["events"] and row["events"][0]["text"].startswith("Caf\ufffd owners")


def test_cli_jsonl_with_one_bad_utf8_line_codes_every_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": f"n{i}", "text": text, "date": "2024-05-01"}, ensure_ascii=False).encode()
             for i, text in enumerate(["Egypt hosted talks between Israel and Hamas in Cairo.",
                                       "Kenya hosted talks with Ethiopia in Nairobi \xe9.",
                                       "Canada imposed sanctions on Haiti."])]
    lines[1] = lines[1].replace("\xe9".encode(), b"\xe9")
    feed.write_bytes(b"\n".join(lines) + b"\n")
    result = runner.invoke(app, ["code", str(feed), "--json"])
    assert result.exit_code == 0, result.output
    assert f"warning: {feed}: not valid UTF-8 at byte offset" in result.stderr and "line 2)" in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["n0", "n1", "n2"]
