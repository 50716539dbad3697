"""Load: the Parquet tables `dyad spark` wrote → a DuckDB file, as `dyad ingest` would have stored them.

An article whose id or text (content hash) the database holds already is not loaded again, nor
are its events, actors, quotes and flags; a failure row already there (same input, stage, reason
and time) is not added twice. So loading a folder twice changes nothing. Near-duplicates and
event clusters are worked out here, against everything stored, as `dyad ingest` does per article.
Everything is loaded in one transaction: a folder that fails half-way leaves the database as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import duckdb

from dyad.errors import InputError, StoreError
from dyad.scale.tables import TABLES
from dyad.store.database import Store


class Loaded(NamedTuple):
    articles: int  # articles added
    present: int  # articles in the folder the database held already (same id or text)
    rows: dict  # table → rows added


def check_folder(folder: Path) -> dict[str, str]:
    """The Parquet glob of each table; an InputError when the folder is not a finished `dyad spark` output."""
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder")
    globs = {}
    for table in TABLES:
        where = folder / table
        if not where.is_dir():
            raise InputError(f"{folder}: not the output of `dyad spark` (no {table}/ folder in it)")
        if not (where / "_SUCCESS").exists():
            raise InputError(f"{where}: incomplete (no _SUCCESS file): the Spark job that wrote it did not finish")
        globs[table] = str(where / "*.parquet")
    return globs


def load_tables(folder: Path, db: Path, wait: float = 30.0) -> Loaded:
    """Add the tables in `folder` to the DuckDB file `db` (created if missing); returns what was added."""
    globs = check_folder(folder)
    store = Store(db, wait=wait)
    with store._connection() as con:
        try:
            return _load(con, globs)
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"{db}: loading {folder} failed, nothing loaded ({str(exc).strip().splitlines()[0]})") \
                from None


def _load(con, globs: dict[str, str]) -> Loaded:
    def source(table: str) -> str:
        return f"read_parquet('{_quoted(globs[table])}', union_by_name = true)"

    con.execute("BEGIN TRANSACTION")
    total = con.execute(f"SELECT count(*) FROM {source('articles')}").fetchone()[0]
    # a folder from one run holds each text and id once; the window keeps that true for any folder
    con.execute(f"""CREATE OR REPLACE TEMP TABLE incoming AS
        SELECT * FROM (SELECT * FROM {source('articles')}
                       WHERE id NOT IN (SELECT id FROM articles)
                         AND content_hash NOT IN (SELECT content_hash FROM articles)
                       QUALIFY row_number() OVER (PARTITION BY content_hash ORDER BY id) = 1)
        QUALIFY row_number() OVER (PARTITION BY id ORDER BY content_hash) = 1""")
    rows = {"articles": con.execute("INSERT INTO articles BY NAME SELECT * FROM incoming").fetchone()[0]}
    for table in ("events", "actors", "quotes", "flags"):
        verb = "INSERT OR IGNORE" if table == "events" else "INSERT"
        rows[table] = con.execute(f"{verb} INTO {table} BY NAME SELECT * FROM {source(table)} "
                                  "WHERE article_id IN (SELECT id FROM incoming)").fetchone()[0]
    rows["failures"] = con.execute(f"""INSERT INTO failures BY NAME SELECT * FROM {source('failures')} AS f
        WHERE NOT EXISTS (SELECT 1 FROM failures g WHERE g.input IS NOT DISTINCT FROM f.input
                          AND g.stage IS NOT DISTINCT FROM f.stage AND g.reason IS NOT DISTINCT FROM f.reason
                          AND g.failed_at IS NOT DISTINCT FROM f.failed_at)""").fetchone()[0]
    _mark_near_duplicates(con)
    con.execute("DROP TABLE incoming")
    con.execute("COMMIT")
    return Loaded(articles=rows["articles"], present=total - rows["articles"], rows=rows)


def _mark_near_duplicates(con) -> None:
    """Near-duplicates and event clusters for the loaded articles, against the whole database, as
    `Store.write` does for each article it stores (a partition only saw its own articles)."""
    from dyad.store import clusters, neardup

    con.execute("UPDATE articles SET dup_of = NULL, dup_similarity = NULL WHERE id IN (SELECT id FROM incoming)")
    for article_id, text in con.execute("SELECT id, text FROM incoming ORDER BY coded_at, id").fetchall():
        if neardup.mark_copies(con, article_id, text or "") is None:
            clusters.cluster_article(con, article_id)


def _quoted(path: str) -> str:
    return path.replace("'", "''")
