"""Store: coded articles, events, actors and failures in one DuckDB file.

Takes `CodedArticle` and `Failure` records; writes them in one transaction per batch (an article
already stored, by content hash, is skipped); reads events back with filters. Opening a file that
is not a DuckDB database, or is locked, is a one-line `StoreError`; nothing stored is touched.

DuckDB lets one process hold a file for writing and then no other process may open it, not even
to read. So the store never keeps the file open: every batch written and every query opens it,
works and closes it. An ingest releases the file between batches and readers get in between;
whoever finds the file locked retries until `wait` seconds have passed (docs/design.md).
"""

from __future__ import annotations

import json
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import NamedTuple

import duckdb

from dyad.errors import StoreError
from dyad.records import CodedArticle, Failure, actor_to_dict, article_id, event_to_dict
from dyad.store import clusters, neardup

SCHEMA_VERSION = 2  # 2: near-duplicates, clusters, feeds (all additive to 1)
MEMORY = ":memory:"  # Store(MEMORY): the same tables in memory (how a Spark partition turns records into rows)
_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY, content_hash VARCHAR UNIQUE, title VARCHAR, date DATE, source VARCHAR,
        url VARCHAR, language VARCHAR, status VARCHAR, text VARCHAR, dateline_place VARCHAR,
        coded_at TIMESTAMP DEFAULT current_timestamp)""",
    """CREATE TABLE IF NOT EXISTS events (
        id VARCHAR PRIMARY KEY, article_id VARCHAR, date DATE, date_precision VARCHAR, event VARCHAR,
        mode VARCHAR[], context VARCHAR[], actor_codes VARCHAR[], recipient_codes VARCHAR[],
        modality VARCHAR, attribution VARCHAR, quad_code INTEGER, gdelt_quad_class INTEGER,
        event_scale DOUBLE, cameo_root VARCHAR, text VARCHAR, sentence INTEGER, start_char INTEGER,
        end_char INTEGER, place VARCHAR, record JSON)""",
    """CREATE TABLE IF NOT EXISTS actors (
        article_id VARCHAR, event_id VARCHAR, role VARCHAR, code VARCHAR, sector VARCHAR,
        entity_text VARCHAR, identifier_id VARCHAR, identifier_text VARCHAR, office VARCHAR,
        kb_id VARCHAR, kind VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS quotes (
        article_id VARCHAR, kind VARCHAR, speaker_text VARCHAR, speaker_name VARCHAR, speaker_code VARCHAR,
        text VARCHAR, start_char INTEGER, end_char INTEGER, date DATE, handle VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS flags (
        article_id VARCHAR, article_date DATE, kind VARCHAR, severity VARCHAR, message VARCHAR,
        evidence JSON, facts JSON)""",
    """CREATE TABLE IF NOT EXISTS failures (
        input VARCHAR, stage VARCHAR, reason VARCHAR, failed_at TIMESTAMP DEFAULT current_timestamp)""",
    # --- dyad watch: what each feed answered last, and the entries already read (dyad.sources.watch) ---
    """CREATE TABLE IF NOT EXISTS feeds (
        url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR, status VARCHAR, reason VARCHAR,
        checked_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS feed_entries (
        feed VARCHAR, entry VARCHAR, article_id VARCHAR, status VARCHAR,
        seen_at TIMESTAMP DEFAULT current_timestamp, PRIMARY KEY (feed, entry))""",
    # near-duplicates (dup_of, signatures, LSH bands) and event clusters: their own modules say how
    *neardup.SCHEMA,
    *clusters.SCHEMA,
]


class _Counts(NamedTuple):
    stored: int
    skipped: int
    failed: int


class Written(_Counts):
    """What one `Store.write` did: a `(stored, skipped, failed)` tuple, plus who was a duplicate.

    `duplicates` are inputs whose text is stored already under another id or date, as
    (input, id of the stored copy); they are not stored again and not counted in `skipped`,
    which counts re-runs of the same input. `unsupported` counts stored articles not in English.
    `near_duplicates` are stored inputs marked as copies of an earlier text (syndicated, edited):
    (input, id of the first copy, estimated similarity); their events are not listed by default.
    """

    duplicates: tuple[tuple[str, str], ...]
    unsupported: int
    near_duplicates: tuple[tuple[str, str, float], ...]

    def __new__(cls, stored: int = 0, skipped: int = 0, failed: int = 0,
                duplicates: tuple[tuple[str, str], ...] = (), unsupported: int = 0,
                near_duplicates: tuple[tuple[str, str, float], ...] = ()):
        self = super().__new__(cls, stored, skipped, failed)
        self.duplicates, self.unsupported, self.near_duplicates = duplicates, unsupported, near_duplicates
        return self


class Store:
    """A DuckDB file of coded articles.

    `read_only` never creates the file nor changes what is stored; a file an older dyad wrote is
    first brought to the current schema (tables and columns added, nothing removed or rewritten),
    so reading commands work on it.
    """

    def __init__(self, path: Path | str, *, read_only: bool = False, wait: float = 0.0):
        self.path = Path(path)
        self.read_only = read_only
        self.wait = wait
        self._con: duckdb.DuckDBPyConnection | None = None
        if str(path) == MEMORY:  # held open for its whole life: no file, nothing another process could see
            self._con = duckdb.connect(MEMORY)
        elif read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database")
        if read_only and str(path) != MEMORY and self._schema_version() < SCHEMA_VERSION:
            Store(self.path, wait=wait)  # an older file: add what this version reads, then read
        with self._connection() as con:
            if not read_only:
                try:
                    for statement in _SCHEMA:
                        con.execute(statement)
                    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
                except duckdb.Error as exc:
                    raise StoreError(f"{self.path}: cannot open the database ({_first_line(exc)})") from None

    def _schema_version(self) -> int:
        with self._connection() as con:
            try:
                row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            except duckdb.Error:
                return 0
        return int(row[0]) if row and str(row[0]).isdigit() else 0

    def close(self) -> None:
        """Nothing stays open between calls, except the connection of a store in memory."""
        if str(self.path) == MEMORY and self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextmanager
    def _connection(self):
        """The file, opened for the length of one batch or query, retried while another process holds it."""
        if self._con is not None:
            yield self._con
            return
        self._con = _connect(self.path, self.read_only, self.wait)
        try:
            yield self._con
        finally:
            self._con.close()
            self._con = None

    def meta(self, key: str) -> str | None:
        with self._connection() as con:
            row = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._connection() as con:
            con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise RuntimeError("Store.con is only open inside Store._connection()")
        return self._con

    def has(self, coded: CodedArticle) -> bool:
        with self._connection():
            return self._has(coded)

    def _has(self, coded: CodedArticle) -> bool:
        digest = _content_hash(coded)
        return bool(self.con.execute("SELECT 1 FROM articles WHERE content_hash = ? OR id = ?",
                                     [digest, coded.article.id]).fetchone())

    def write(self, batch: list[CodedArticle | Failure]) -> Written:
        """Write a batch in one transaction; says what was stored, skipped, failed or a duplicate."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        with self._connection():
            try:
                return self._write(batch)
            except duckdb.Error as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(f"{self.path}: write failed, batch rolled back ({_first_line(exc)})") from None

    def _write(self, batch: list[CodedArticle | Failure]) -> Written:
        stored = skipped = failed = unsupported = 0
        duplicates, near = [], []
        self.con.execute("BEGIN TRANSACTION")
        for earlier in neardup.index_unindexed(self.con):  # stored before dup_of and clusters existed
            clusters.cluster_article(self.con, earlier)
        for item in batch:
            if isinstance(item, Failure):
                self.con.execute("INSERT INTO failures (input, stage, reason) VALUES (?, ?, ?)",
                                 [item.input, item.stage, item.reason])
                failed += 1
            elif (copy := self._stored_copy(item)) is None:
                self._write_article(item)
                stored += 1
                unsupported += item.status == "unsupported"
                # near-duplicates and clusters (neardup.py, clusters.py): a copy's events join no cluster
                if (match := neardup.mark_copies(self.con, item.article.id, item.article.text)) is not None:
                    near.append((item.article.origin or item.article.id, match.first, match.similarity))
                else:
                    clusters.cluster_article(self.con, item.article.id)
            elif copy == (item.article.id, item.article.date):
                skipped += 1
            else:
                duplicates.append((item.article.origin or item.article.id, copy[0]))
        self.con.execute("COMMIT")
        return Written(stored, skipped, failed, tuple(duplicates), unsupported, tuple(near))

    def _stored_copy(self, coded: CodedArticle) -> tuple[str, date | None] | None:
        """(id, date) of the stored article with the same id or text, if any."""
        return self.con.execute("SELECT id, date FROM articles WHERE content_hash = ? OR id = ? ORDER BY id = ? DESC "
                                "LIMIT 1", [_content_hash(coded), coded.article.id, coded.article.id]).fetchone()

    def _write_article(self, coded: CodedArticle) -> None:
        # one INSERT per table and article: DuckDB pays per statement, far more than per row
        art = coded.article
        self.con.execute(
            "INSERT INTO articles (id, content_hash, title, date, source, url, language, status, text, dateline_place) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [art.id, _content_hash(coded), art.title, art.date, art.source, art.url, coded.language,
             coded.status, art.text, art.dateline_place],
        )
        _insert_rows(self.con, "INSERT INTO quotes", [_quote_row(art.id, quote) for quote in coded.quotes])
        _insert_rows(self.con, "INSERT INTO flags", [_flag_row(art, flag) for flag in coded.flags])
        _insert_rows(self.con, "INSERT OR IGNORE INTO events (id, article_id, date, date_precision, event, mode, "
                     "context, actor_codes, recipient_codes, modality, attribution, quad_code, gdelt_quad_class, "
                     "event_scale, cameo_root, text, sentence, start_char, end_char, place, record)",
                     [_event_row(art.id, event) for event in coded.events])
        _insert_rows(self.con, "INSERT INTO actors",
                     [_actor_row(art.id, event.id, role, actor) for event in coded.events
                      for role, actors in (("actor", event.actor), ("recipient", event.recipient))
                      for actor in actors])

    def flags(self, kind: str | None = None, since: date | None = None) -> list[dict]:
        """Stored flags, newest article first."""
        where, args = _where([("kind = ?", kind), ("article_date >= ?", since)])
        sql = ("SELECT article_id, article_date, kind, severity, message, evidence, facts FROM flags"
               f"{where} ORDER BY article_date DESC NULLS LAST, article_id, kind")
        try:
            with self._connection() as con:
                rows = con.execute(sql, args).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed ({_first_line(exc)})") from None
        return [{"article_id": r[0], "article_date": r[1].isoformat() if r[1] else None, "kind": r[2], "severity": r[3],
                 "message": r[4], "evidence": json.loads(r[5]), "facts": json.loads(r[6])} for r in rows]

    def events(self, actor: str | None = None, type_: str | None = None, since: date | None = None,
               until: date | None = None, modality: str | None = None, limit: int | None = None,
               include_duplicates: bool = False, cluster: str | None = None) -> list[dict]:
        """Stored events as dicts (the `dyad code --json` event shape plus `article_id`, `cluster_id`), newest first.

        Events of near-duplicate articles (`dup_of` set) are left out unless `include_duplicates`.
        """
        like = f"%{actor.lower()}%" if actor else None
        where, args = _where([
            ("(list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?) OR id IN "
             "(SELECT event_id FROM actors WHERE lower(entity_text) LIKE ? OR lower(identifier_text) LIKE ?))",
             (actor.upper(), actor.upper(), like, like) if actor else None),
            ("event = ?", type_.upper() if type_ else None),
            ("date >= ?", since), ("date <= ?", until),
            ("modality = ?", modality.lower() if modality else None),
            ("cluster_id = ?", cluster),
            ("article_id NOT IN (SELECT id FROM articles WHERE dup_of IS NOT NULL)", None if include_duplicates else ()),
        ])
        sql = f"SELECT article_id, record, cluster_id FROM events{where} ORDER BY date DESC, article_id, sentence, id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        try:
            with self._connection() as con:
                rows = con.execute(sql, args).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed ({_first_line(exc)})") from None
        out = []
        for article, record, cluster_id in rows:
            event = json.loads(record)
            event["article_id"] = article
            event["cluster_id"] = cluster_id
            out.append(event)
        return out

    def clusters(self, **filters) -> list[dict]:
        """Stored event clusters (`clusters.read_clusters` filters)."""
        return self.query(lambda con: clusters.read_clusters(con, **filters))

    def query(self, ask):
        """`ask(connection)` on the file opened for it; a DuckDB error is a one-line `StoreError`."""
        try:
            with self._connection() as con:
                return ask(con)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed ({_first_line(exc)})") from None

    def actors(self, unresolved: bool = False, limit: int = 50) -> list[dict]:
        """Actors by number of mentions; unresolved ones are named persons and organisations the KB lacks."""
        where = "WHERE kb_id IS NULL AND kind IN ('person', 'organisation')" if unresolved else ""
        sql = (f"SELECT entity_text, any_value(code), any_value(sector), any_value(office), count(*) AS n "
               f"FROM actors {where} GROUP BY entity_text ORDER BY n DESC, entity_text LIMIT {int(limit)}")
        try:
            with self._connection() as con:
                rows = con.execute(sql).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed ({_first_line(exc)})") from None
        return [{"entity_text": r[0], "code": r[1], "sector": r[2], "office": r[3], "mentions": r[4]} for r in rows]

    # --- sources: skip what is stored, remember feeds (dyad.sources) ---------------------------------
    def stored_ids(self, ids: list[str]) -> dict[str, date | None]:
        """Which of these article ids are stored already, with the date each is stored under."""
        return {id_: stored_date for id_, (stored_date, _) in self.stored_versions(ids).items()}

    def stored_versions(self, ids: list[str]) -> dict[str, tuple[date | None, str]]:
        """Which of these article ids are stored already, with their date and the hash of their text."""
        if not ids:
            return {}
        with self._connection() as con:
            rows = con.execute("SELECT id, date, content_hash FROM articles WHERE list_contains(?, id)",
                               [list(ids)]).fetchall()
        return {row[0]: (row[1], row[2]) for row in rows}

    def feed_state(self, url: str) -> dict | None:
        """A feed's last ETag, Last-Modified, status and reason, or None if never polled."""
        with self._connection() as con:
            row = con.execute("SELECT etag, last_modified, status, reason FROM feeds WHERE url = ?", [url]).fetchone()
        return dict(zip(("etag", "last_modified", "status", "reason"), row)) if row else None

    def save_feed_state(self, url: str, etag: str | None, last_modified: str | None, status: str,
                        reason: str | None = None) -> None:
        with self._connection() as con:
            con.execute("INSERT OR REPLACE INTO feeds VALUES (?, ?, ?, ?, ?, current_timestamp)",
                        [url, etag, last_modified, status, reason])

    def seen_entries(self, feed: str, keys: list[str]) -> set[str]:
        """Which of these entry keys of a feed were read already."""
        if not keys:
            return set()
        with self._connection() as con:
            rows = con.execute("SELECT entry FROM feed_entries WHERE feed = ? AND list_contains(?, entry)",
                               [feed, list(keys)]).fetchall()
        return {row[0] for row in rows}

    def mark_seen(self, feed: str, entries: list[tuple[str, str | None, str]]) -> None:
        """Remember entries of a feed as read: (entry key, article id, status) each, in one transaction."""
        if not entries:
            return
        with self._connection() as con:
            con.execute("BEGIN TRANSACTION")
            con.executemany("INSERT OR IGNORE INTO feed_entries (feed, entry, article_id, status) VALUES (?, ?, ?, ?)",
                            [(feed, *entry) for entry in entries])
            con.execute("COMMIT")

    def counts(self) -> dict[str, int]:
        with self._connection() as con:
            return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                    for table in ("articles", "events", "actors", "quotes", "flags", "failures")}


def open_read_only(path: Path | str, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """A read-only connection, retried while another process writes; the caller closes it soon.

    For readers that share one connection between threads (the HTTP API) rather than a `Store`.
    """
    return _connect(Path(path), True, wait)


def _connect(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """Open the file; while another process holds its lock, retry with backoff for `wait` seconds."""
    deadline = time.monotonic() + max(wait, 0.0)
    pause = 0.02
    signal = writer_waiting(path)
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            if not read_only:
                _remove(signal)
            return con
        except duckdb.Error as exc:
            message = _first_line(exc)
            locked = "lock" in message.lower()
            if locked and not read_only:
                try:
                    signal.touch()  # a reader that holds the file long (dyad serve) sees it and lets go
                except OSError:
                    pass
            if not locked or time.monotonic() >= deadline:
                if not read_only:
                    _remove(signal)
                if locked:
                    message += f"; waited {wait:g} s, pass --wait SECONDS to wait longer" if wait else \
                        "; pass --wait SECONDS to wait for it"
                raise StoreError(f"{path}: cannot open the database ({message})") from None
        time.sleep(min(pause, max(deadline - time.monotonic(), 0.0)))
        pause = min(pause * 2, 0.5)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def writer_waiting(path: Path) -> Path:
    """The file a writer touches while it waits for the database's lock, and removes once it has it."""
    return path.with_name(path.name + ".writer-waiting")


def _where(filters: list[tuple[str, object]]) -> tuple[str, list]:
    """A WHERE clause from (condition, value) pairs, skipping filters whose value is None.

    A tuple value fills several placeholders of its condition.
    """
    conditions, args = [], []
    for condition, value in filters:
        if value is None:
            continue
        conditions.append(condition)
        args.extend(value if isinstance(value, tuple) else (value,))
    return (" WHERE " + " AND ".join(conditions) if conditions else ""), args


def _content_hash(coded: CodedArticle) -> str:
    return article_id(coded.article.text)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _insert_rows(con, insert: str, rows: list[list]) -> None:
    """`insert` (an "INSERT INTO table (columns)" head) of all `rows` in one statement."""
    if not rows:
        return
    group = "(" + ", ".join("?" for _ in rows[0]) + ")"
    con.execute(f"{insert} VALUES {', '.join(group for _ in rows)}", [value for row in rows for value in row])


def _event_row(article_id: str, event) -> list:
    return [event.id, article_id, event.date, event.date_precision, event.event, list(event.mode),
            list(event.context), [a.code for a in event.actor if a.code],
            [a.code for a in event.recipient if a.code], event.modality,
            event.attribution.text if event.attribution else None, event.quad_code,
            event.gdelt_quad_class, event.event_scale, event.cameo_root, event.text,
            event.text_info.sentence, event.text_info.start, event.text_info.end, event.place,
            json.dumps(event_to_dict(event))]


def _actor_row(article_id: str, event_id: str, role: str, actor) -> list:
    d = actor_to_dict(actor)
    return [article_id, event_id, role, d["code"], d["sector"], d["entity_text"], d["identifier_id"],
            d["identifier_text"], d["office"], actor.entity_id, actor.kind]


def _quote_row(article_id: str, quote) -> list:
    speaker = quote.speaker
    return [article_id, quote.kind, quote.speaker_text or (speaker.entity_text if speaker else None),
            speaker.identifier_text if speaker else None, speaker.code if speaker else None,
            quote.text, quote.start, quote.end, quote.date, quote.handle]


def _flag_row(article, flag) -> list:
    return [article.id, article.date, flag.kind, flag.severity, flag.message,
            json.dumps([{"sentence": e.sentence, "start": e.start, "end": e.end} for e in flag.evidence]),
            json.dumps(list(flag.facts))]
