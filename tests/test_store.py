import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from dyad.errors import StoreError
from dyad.sources.files import make_article
from dyad.store.database import Store

TEXT = "KINSHASA (Congo Wire) – Police in Kinshasa arrested 12 opposition activists on Monday. Rebels attacked a village."


def test_store_writes_and_reads_events(tmp_path, coder):
    coded = coder.code(make_article(TEXT, date_=date(2024, 5, 8)))
    with Store(tmp_path / "t.duckdb") as store:
        assert store.write([coded]) == (1, 0, 0)
        rows = store.events()
        assert {r["event"] for r in rows} >= {"COERCE", "ASSAULT"}
        assert store.events(type_="COERCE")[0]["actor"][0]["code"] == "COD"
        assert store.events(actor="COD")
        assert store.events(since=date(2024, 5, 9)) == []
        assert all(r["modality"] == "asserted" for r in store.events(modality="asserted"))


def test_store_same_article_twice_is_stored_once(tmp_path, coder):
    coded = coder.code(make_article(TEXT, date_=date(2024, 5, 8)))
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.write([coded])
        first = store.counts()
    with Store(path) as store:
        assert store.write([coded]) == (0, 1, 0)
        assert store.counts() == first


def test_store_refuses_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError, match=r"notes\.duckdb: cannot open the database"):
        Store(path)
    assert path.read_text().startswith("these are my notes")


def test_store_locked_database_is_one_line_error_and_keeps_data(tmp_path, coder):
    path = tmp_path / "locked.duckdb"
    with Store(path) as store:
        store.write([coder.code(make_article(TEXT, date_=date(2024, 5, 8)))])
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb,sys,time; c=duckdb.connect({str(path)!r}); print('ok', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(StoreError, match=r"locked\.duckdb: cannot open the database \(.*lock"):
            Store(path)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    with Store(path) as store:
        assert store.counts()["articles"] == 1


DYAD = [str(Path(sys.executable).parent / "dyad")]  # the installed entry point beside this Python
# Holds a database's write lock until a line arrives on its standard input.
HOLD_LOCK = ("import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('locked', flush=True); "
             "sys.stdin.readline(); c.close()")


def _feed(path, n):
    """n distinct short reports, one JSON line each."""
    lines = [f'{{"id": "r{i}", "date": "2024-05-{1 + i % 28:02d}", "text": "Police in Lagos arrested {i + 3} protesters '
             f'on Monday. Rebels attacked a village near Kano, killing {i + 2} people."}}' for i in range(n)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_store_readers_work_while_an_ingest_writes(tmp_path, coder):
    db = tmp_path / "busy.duckdb"
    with Store(db) as store:
        store.write([coder.code(make_article(TEXT, date_=date(2024, 5, 8)))])
    feed = _feed(tmp_path / "feed.jsonl", 60)
    writer = subprocess.Popen([*DYAD, "ingest", str(feed), "--db", str(db), "-q", "--batch-size", "1"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    answered_during_write = 0
    try:
        while writer.poll() is None:
            for command in (["events", "--json"], ["flags", "--json"], ["actors", "--json"]):
                reader = subprocess.run([*DYAD, *command, "--db", str(db), "--wait", "20"],
                                        capture_output=True, text=True, timeout=120)
                assert reader.returncode == 0, reader.stderr
                answered_during_write += writer.poll() is None
    finally:
        out, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err
    assert answered_during_write >= 3, "readers ran while the ingest was still writing"
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 61


def test_store_second_writer_waits_a_bounded_time(tmp_path):
    from dyad.store.database import writer_waiting

    db = tmp_path / "held.duckdb"
    Store(db)
    feed = _feed(tmp_path / "feed.jsonl", 2)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    patient = None
    try:
        assert holder.stdout.readline().strip() == "locked"
        impatient = subprocess.run([*DYAD, "ingest", str(feed), "--db", str(db), "-q", "--wait", "0.5"],
                                   capture_output=True, text=True, timeout=300)
        assert impatient.returncode == 1
        lines = [line for line in impatient.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and "held.duckdb" in lines[0] and "lock" in lines[0] and "--wait" in lines[0], lines
        patient = subprocess.Popen([*DYAD, "ingest", str(feed), "--db", str(db), "-q", "--wait", "300"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 300
        while not writer_waiting(db).exists():  # the patient writer has found the lock and waits for it
            assert patient.poll() is None and time.monotonic() < deadline, patient.stderr.read() if patient.poll() else ""
            time.sleep(0.1)
        holder.stdin.write("release\n")
        holder.stdin.flush()
        out, err = patient.communicate(timeout=300)
        assert patient.returncode == 0, err
    finally:
        for process in (holder, patient):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
        holder.stdout.close()
        holder.stdin.close()
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 2
    assert not writer_waiting(db).exists()


def test_store_read_only_never_creates_or_changes_a_file(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "absent.duckdb", read_only=True)
    assert not (tmp_path / "absent.duckdb").exists()
    Store(tmp_path / "x.duckdb")
    with pytest.raises(StoreError, match="read-only"):
        Store(tmp_path / "x.duckdb", read_only=True).write([])


def test_store_reads_a_database_an_older_dyad_wrote(tmp_path, coder):
    """Schema 1 had no near-duplicate, cluster or feed columns: reading commands bring it up to date."""
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.write([coder.code(make_article(TEXT, date_=date(2024, 5, 8)))])
    import duckdb

    con = duckdb.connect(str(path))
    for table in ("article_minhash", "article_bands", "clusters", "feeds", "feed_entries"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    con.execute("DROP INDEX IF EXISTS article_bands_key")
    for table, column in (("articles", "dup_of"), ("articles", "dup_similarity"), ("events", "cluster_id")):
        con.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {column}")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    reader = Store(path, read_only=True)
    assert {r["event"] for r in reader.events()} >= {"COERCE", "ASSAULT"}
    assert reader.counts()["articles"] == 1
    assert reader.meta("schema_version") == "2"
