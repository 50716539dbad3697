"""Exports read back with each format's usual reader and compared with `dyad events --json`."""

import csv
import json
from datetime import date

import duckdb
import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.sources.files import make_article
from dyad.store.database import Store
from dyad.store.export import FLAT_COLUMNS, GDELT_COLUMNS
from tests.conftest import RESOURCES

SYNDICATION = RESOURCES / "syndication"
SOURCES = {"wire.txt": "East Africa Wire", "syndicated.txt": "Daily Metro", "other-outlet.txt": "Nairobi Times",
           "hedged.txt": "Rumour Mill", "elsewhere.txt": "Coast Herald"}
runner = CliRunner()


def _url(name: str) -> str:
    return f"https://news.example/{SOURCES[name].lower().replace(' ', '-')}/{name[:-4]}"


@pytest.fixture(scope="module")
def db(coder, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "events.duckdb"
    with Store(path) as store:
        store.write([coder.code(make_article((SYNDICATION / name).read_text("utf-8"), date_=date(2024, 6, 26),
                                             source=source, url=_url(name), where=name))
                     for name, source in SOURCES.items()])
    return path


def _events(db, *args) -> list[dict]:
    result = runner.invoke(app, ["events", "--db", str(db), "--json", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def _export(db, fmt, out, *args):
    result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return result


def _urls(db) -> dict[str, str]:
    with Store(db, read_only=True) as store:
        return dict(store.query(lambda con: con.execute("SELECT id, url FROM articles").fetchall()))


def test_export_jsonl_is_events_json(db, tmp_path):
    out = tmp_path / "events.jsonl"
    result = _export(db, "jsonl", out)
    events = _events(db)
    assert [json.loads(line) for line in out.read_text("utf-8").splitlines()] == events
    assert f"{len(events)} events → {out} (jsonl)" in result.stderr


def test_export_csv_reads_back_with_the_csv_module(db, tmp_path):
    out = tmp_path / "events.csv"
    _export(db, "csv", out)
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    events = _events(db)
    assert list(rows[0]) == FLAT_COLUMNS and len(rows) == len(events)
    for row, event in zip(rows, events):
        assert (row["id"], row["article_id"], row["date"], row["event"], row["modality"], row["text"]) == (
            event["id"], event["article_id"], event["date"], event["event"], event["modality"], event["text"])
        assert row["actor_codes"] == ";".join(a["code"] or "" for a in event["actor"])
        assert row["mode"] == ";".join(event["mode"]) and row["cluster_id"] == (event["cluster_id"] or "")
        assert float(row["event_scale"]) == event["event_scale"] and int(row["quad_code"]) == event["quad_code"]
        assert int(row["start"]) == event["text_info"]["start"]


def test_export_parquet_reads_back_with_duckdb(db, tmp_path):
    out = tmp_path / "events.parquet"
    _export(db, "parquet", out)
    cursor = duckdb.execute("SELECT * FROM read_parquet(?)", [str(out)])
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, row)) for row in cursor.fetchall()]
    events = _events(db)
    assert names == FLAT_COLUMNS and len(rows) == len(events)
    for row, event in zip(rows, events):
        assert (row["id"], row["date"].isoformat(), row["event"], row["text"], row["cluster_id"]) == (
            event["id"], event["date"], event["event"], event["text"], event["cluster_id"])
        assert row["mode"] == event["mode"] and row["context"] == event["context"]
        assert row["actor_codes"] == [a["code"] or "" for a in event["actor"]]
        assert row["recipient_text"] == [a["entity_text"] for a in event["recipient"]]
        assert row["event_scale"] == event["event_scale"]
        assert row["lat"] == (event["event_loc"] or {}).get("lat")


def test_export_plover_names_the_specification_fields(db, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    _export(db, "plover", out)
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    events, urls = _events(db), _urls(db)
    assert len(records) == len(events)
    for record, event in zip(records, events):
        assert {"id", "date", "actor", "recipient", "event", "mode", "context", "quad_code", "event_scale", "event_loc",
                "text", "text_info", "cite_info", "coder", "codebook", "coded_date"} <= set(record)
        assert (record["id"], record["date"], record["event"], record["actor"], record["recipient"]) == (
            event["id"], event["date"], event["event"], event["actor"], event["recipient"])
        assert record["mode"] == (event["mode"][0] if event["mode"] else "")
        assert record["text_info"] == event["text_info"] and record["event_scale"] == event["event_scale"]
        assert record["cite_info"]["url"] == urls[event["article_id"]]
        assert record["codebook"].startswith("plover") and record["coder"].startswith("dyad ")
        assert record["dyad"]["modality"] == event["modality"]
        if event["event_loc"]:
            assert record["event_loc"]["lat"] == event["event_loc"]["lat"]
            assert record["event_loc"]["feature_code"] == event["event_loc"]["feature"]


def test_export_gdelt_has_the_61_columns_in_order(db, tmp_path):
    out = tmp_path / "events.tsv"
    _export(db, "gdelt", out)
    with out.open(newline="", encoding="utf-8") as handle:
        rows = [dict(zip(GDELT_COLUMNS, row, strict=True)) for row in csv.reader(handle, delimiter="\t")]
    events, urls = _events(db), _urls(db)
    assert GDELT_COLUMNS[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    assert GDELT_COLUMNS[26:31] == ["EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale"]
    assert GDELT_COLUMNS[-2:] == ["DATEADDED", "SOURCEURL"] and len(GDELT_COLUMNS) == 61
    assert len(rows) == len(events)
    for row, event in zip(rows, events):
        assert int(row["GLOBALEVENTID"]) == int(event["id"], 16) & 0x7FFFFFFFFFFFFFFF
        assert row["SQLDATE"] == event["date"].replace("-", "")
        assert row["EventRootCode"] == event["cameo_root"] and int(row["QuadClass"]) == event["gdelt_quad_class"]
        assert float(row["GoldsteinScale"]) == event["event_scale"]
        assert row["SOURCEURL"] == urls[event["article_id"]]
        assert len(row["DATEADDED"]) == 14
        first = event["actor"][0] if event["actor"] else None
        if first and first["code"] and len(first["code"]) == 3:
            assert row["Actor1Code"] == first["code"] + (first["sector"] or "")
        if event["event_loc"] and event["event_loc"]["lat"] is not None:
            assert float(row["ActionGeo_Lat"]) == pytest.approx(event["event_loc"]["lat"], abs=1e-4)
    arrests = [r for r, e in zip(rows, events) if e["event"] == "COERCE" and e["place"] == "Nairobi"]
    assert arrests and max(int(r["NumArticles"]) for r in arrests) == 3  # wire, other outlet, hedged; not the copy


def test_export_filters_and_duplicates_like_events(db, tmp_path):
    out = tmp_path / "coerce.jsonl"
    _export(db, "jsonl", out, "--type", "COERCE", "--include-duplicates")
    exported = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert exported == _events(db, "--type", "COERCE", "--include-duplicates")
    assert len(exported) > len(_events(db, "--type", "COERCE"))


def test_export_refuses_to_overwrite_without_force(db, tmp_path):
    out = tmp_path / "kept.csv"
    out.write_text("mine\n")
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "--out", str(out)])
    assert result.exit_code == 1 and f"error: {out}: exists; pass --force to replace it" in result.stderr
    assert out.read_text() == "mine\n"
    _export(db, "csv", out, "--force")
    assert out.read_text().startswith("id,")
    bad = runner.invoke(app, ["export", "--db", str(db), "--format", "xml", "--out", str(tmp_path / "x")])
    assert bad.exit_code == 2 and "--format 'xml' is not one of jsonl, csv, parquet, plover, gdelt" in bad.stderr
