import subprocess
import sys
from datetime import date

import pytest

from dyad.errors import StoreError
from dyad.ingest import make_article
from dyad.store import Store

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
