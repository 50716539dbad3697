"""dyad spark and dyad load, run for real: Spark in local[2] (a JVM and two Python workers), a real DuckDB file.

Java 17+ must be there (`make system-deps`): without it these tests fail, they never skip. Two
Spark runs only, on small inputs: CI has two cores.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.scale.tables import TABLES, columns

GOLD = Path(__file__).resolve().parent / "gold"
runner = CliRunner()


@pytest.fixture(scope="module")
def spark():
    from dyad.scale.job import session

    spark = session("local[2]", memory="768m")  # the CLI below finds and uses this session
    yield spark
    spark.stop()


def _rows(db: Path, sql: str) -> list:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(con.execute(sql).fetchall(), key=repr)
    finally:
        con.close()


def _corpus(folder: Path) -> list[str]:
    """40 articles: the 8 shipped examples (long wire copy, 4 as .txt files in a folder) and 31 gold
    items in a JSONL feed, plus one copy of an example under another id (a duplicate to drop)."""
    examples = resources.files("dyad.data").joinpath("examples")
    index = json.loads(examples.joinpath("index.json").read_text("utf-8"))
    reports = folder / "reports"
    reports.mkdir()
    lines = []
    for i, row in enumerate(index):
        text = examples.joinpath(row["file"]).read_text("utf-8")
        if i < 4:
            (reports / row["file"]).write_text(text, "utf-8")
        else:
            lines.append({"id": f"ex-{i}", "text": text, "date": row["date"], "source": row.get("source")})
    lines.append({"id": "copy-of-ex-4", "text": lines[0]["text"], "date": lines[0]["date"]})
    gold = [json.loads(line) for line in (GOLD / "gold-a.jsonl").read_text("utf-8").splitlines()[:31]]
    lines += [{"id": g["id"], "text": g["text"], "date": g.get("date")} for g in gold]
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    return [str(feed), str(reports)]


def test_scale_spark_codes_what_ingest_codes(spark, tmp_path):
    inputs = _corpus(tmp_path)
    out, spark_db, ingest_db = tmp_path / "out", tmp_path / "spark.duckdb", tmp_path / "ingest.duckdb"

    coded = runner.invoke(app, ["spark", *inputs, "--out", str(out), "--partitions", "4"])
    assert coded.exit_code == 0, coded.output
    assert "40 articles read, 1 duplicates dropped; 39 coded" in coded.output
    assert "(4 partitions, model loaded in 1 process)" in coded.output  # by the executor's daemon, before it forks
    assert runner.invoke(app, ["load", str(out), "--db", str(spark_db)]).exit_code == 0
    ingested = runner.invoke(app, ["ingest", *inputs, "--db", str(ingest_db), "-q"])
    assert ingested.exit_code == 0, ingested.output

    events = "SELECT * FROM events"
    spark_events, ingest_events = _rows(spark_db, events), _rows(ingest_db, events)
    assert len(spark_events) == len(ingest_events) > 40
    assert {e[0] for e in spark_events} == {e[0] for e in ingest_events}
    assert spark_events == ingest_events  # every column, the JSON record too
    for sql in ("SELECT * EXCLUDE (coded_at) FROM articles", "SELECT * FROM actors", "SELECT * FROM quotes",
                "SELECT * FROM flags"):
        assert _rows(spark_db, sql) == _rows(ingest_db, sql), sql
    assert _rows(spark_db, "SELECT count(*) FROM failures") == [(0,)]

    again = runner.invoke(app, ["load", str(out), "--db", str(spark_db)])  # idempotent
    assert again.exit_code == 0 and "0 articles loaded" in again.output and "39 stored already" in again.output
    assert _rows(spark_db, events) == spark_events
    refused = runner.invoke(app, ["spark", *inputs, "--out", str(out)])
    assert refused.exit_code == 1 and "exists already; choose another --out or pass --force" in refused.output


def test_scale_spark_bad_rows_are_failure_rows(spark, tmp_path):
    feed = tmp_path / "bad.jsonl"
    feed.write_text('{"id": "ok1", "text": "Police in Dhaka arrested 12 opposition activists on Monday."}\n'
                    'not json at all\n'
                    '{"id": "n", "text": 5}\n', "utf-8")
    table = tmp_path / "rows.parquet"
    con = duckdb.connect()
    con.execute(f"""COPY (SELECT * FROM (VALUES
        ('p1', 'Rebels attacked a village near Goma on Tuesday.', DATE '2024-05-08'),
        ('p2', NULL, DATE '2024-05-08')) AS t(id, text, date)) TO '{table}' (FORMAT parquet)""")
    con.close()
    out = tmp_path / "out"

    result = runner.invoke(app, ["spark", str(feed), str(table), "--out", str(out)])
    assert result.exit_code == 1  # the job finished; the failures are rows, and the exit code says there are some
    assert "2 articles read" in result.output and "3 failed" in result.output
    con = duckdb.connect()
    failures = sorted(con.execute(f"SELECT input, stage, reason FROM read_parquet('{out}/failures/*.parquet')").fetchall())
    assert failures == [
        (f"{feed}:2", "ingest", f"{feed}:2: malformed JSON at column 1: expecting value"),
        (f"{feed}:3", "ingest", f'{feed}:3: expected an object with a "text" string'),
        (f"{table}:row 2", "ingest", f'{table}:row 2: expected an object with a "text" string'),
    ]
    assert sorted(r[0] for r in con.execute(f"SELECT id FROM read_parquet('{out}/articles/*.parquet')").fetchall()) \
        == ["ok1", "p1"]
    for table_name, cols in columns().items():  # each Parquet table has the columns and types of the DuckDB table
        got = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{out}/{table_name}/*.parquet')").fetchall()
        assert [(c[0], c[1]) for c in got] == [(n, "VARCHAR" if t == "JSON" else t) for n, t in cols], table_name
    con.close()
    assert set(TABLES) == {p.name for p in out.iterdir()}


def test_scale_load_refuses_a_folder_spark_did_not_finish(tmp_path):
    (tmp_path / "out" / "articles").mkdir(parents=True)
    result = runner.invoke(app, ["load", str(tmp_path / "out"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1
    assert result.output == (f"error: {tmp_path / 'out' / 'articles'}: incomplete (no _SUCCESS file): the Spark job "
                             "that wrote it did not finish\n")
    (tmp_path / "out" / "articles" / "_SUCCESS").touch()
    result = runner.invoke(app, ["load", str(tmp_path / "out"), "--db", str(tmp_path / "x.duckdb")])
    assert result.output == f"error: {tmp_path / 'out'}: not the output of `dyad spark` (no events/ folder in it)\n"
    assert not (tmp_path / "x.duckdb").exists()
