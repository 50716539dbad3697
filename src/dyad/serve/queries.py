"""Serve, read side: the queries the HTTP API and the dashboard answer from the DuckDB store.

Takes filter values already checked by the caller; gives plain dicts in the shapes of
docs/schema.md (an event is the `dyad code --json` EVENT plus `article_id`). The file is held
read-only for short spells only (`SharedFile`), so `dyad ingest` can write between them; all
values reach SQL as bound parameters, never as text pasted into it.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import json
import os
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from dyad.errors import InputError, StoreError
from dyad.store.database import _first_line, _where, open_read_only, writer_waiting

SORTS = {"-date": ("coalesce(e.date, DATE '0001-01-01')", "DESC", "DATE"),
         "date": ("coalesce(e.date, DATE '0001-01-01')", "ASC", "DATE"),
         "-event_scale": ("e.event_scale", "DESC", "DOUBLE"),
         "event_scale": ("e.event_scale", "ASC", "DOUBLE")}
FLAT_COLUMNS = ["id", "article_id", "date", "date_precision", "event", "mode", "context", "actor_codes",
                "actor_names", "recipient_codes", "recipient_names", "modality", "attribution", "quad_code",
                "gdelt_quad_class", "event_scale", "cameo_root", "place", "lat", "lon", "resolution", "text",
                "sentence", "start", "end", "url"]


@dataclass(frozen=True)
class EventFilter:
    """The filters of `GET /v1/events` (and the dashboard's events page); None means "any".

    `actor` matches the actor side, `recipient` the recipient side, `party` either side (what
    `dyad events --actor` does): a code (KOR, UNO), a knowledge-base id (person:...) or part of a name.
    """

    actor: str | None = None
    recipient: str | None = None
    party: str | None = None
    type: str | None = None
    mode: str | None = None
    context: str | None = None
    modality: str | None = None
    since: date | None = None
    until: date | None = None
    place: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    article: str | None = None
    quad_class: int | None = None
    duplicates: bool = False  # events of near-duplicate articles (dup_of set); always for one `article`
    # no cluster filter yet: clusters are read through Store.clusters (`dyad clusters`), not this API


def _side(role: str | None, value: str | None):
    """A condition matching events whose actor/recipient (or either, role None) is `value`."""
    if not value:
        return None
    code, like = value.upper(), f"%{value.lower()}%"
    codes = {"actor": "list_contains(e.actor_codes, ?)", "recipient": "list_contains(e.recipient_codes, ?)",
             None: "(list_contains(e.actor_codes, ?) OR list_contains(e.recipient_codes, ?))"}[role]
    role_sql = "role = ? AND " if role else ""
    condition = (f"({codes} OR e.id IN (SELECT event_id FROM actors WHERE {role_sql}"
                 "(kb_id = ? OR lower(entity_text) LIKE ? OR lower(identifier_text) LIKE ?)))")
    args = (code,) if role else (code, code)
    args += ((role,) if role else ()) + (value, like, like)
    return condition, args


def _conditions(f: EventFilter) -> tuple[str, list]:
    pairs: list[tuple[str, object]] = []
    for role, value in (("actor", f.actor), ("recipient", f.recipient), (None, f.party)):
        side = _side(role, value)
        if side:
            pairs.append(side)
    pairs += [
        ("e.event = ?", f.type), ("list_contains(e.mode, ?)", f.mode), ("list_contains(e.context, ?)", f.context),
        ("e.modality = ?", f.modality), ("e.date >= ?", f.since), ("e.date <= ?", f.until),
        ("e.article_id = ?", f.article), ("e.gdelt_quad_class = ?", f.quad_class),
        ("e.article_id NOT IN (SELECT id FROM articles WHERE dup_of IS NOT NULL)",
         None if f.duplicates or f.article else ()),
    ]
    if f.place and len(f.place) == 3 and f.place.isalpha():  # an ISO3 code, or a short name
        pairs.append(("(lower(e.place) LIKE ? OR e.record->>'$.event_loc.country_code' = ?)",
                      (f"%{f.place.lower()}%", f.place.upper())))
    elif f.place:
        pairs.append(("lower(e.place) LIKE ?", f"%{f.place.lower()}%"))
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        pairs.append(("(TRY_CAST(e.record->>'$.event_loc.lon' AS DOUBLE) BETWEEN ? AND ? AND "
                      "TRY_CAST(e.record->>'$.event_loc.lat' AS DOUBLE) BETWEEN ? AND ?)",
                      (min_lon, max_lon, min_lat, max_lat)))
    return _where(pairs)


def encode_cursor(sort: str, key, event_id: str) -> str:
    raw = json.dumps([sort, key.isoformat() if isinstance(key, date) else key, event_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[object, str]:
    """(sort key, event id) of the last row of the previous page."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        cursor_sort, key, event_id = json.loads(raw)
    except (ValueError, binascii.Error, TypeError):
        raise InputError(f"cursor {cursor!r}: not a cursor this server gave; start again without one") from None
    if cursor_sort != sort:
        raise InputError(f"cursor {cursor!r}: made for sort {cursor_sort!r}, not {sort!r}")
    try:
        key = date.fromisoformat(key) if SORTS[sort][2] == "DATE" else float(key)
    except (TypeError, ValueError):
        raise InputError(f"cursor {cursor!r}: not a cursor this server gave; start again without one") from None
    return key, str(event_id)


class SharedFile:
    """One read-only DuckDB connection shared by the server's threads, and never held for long.

    Each request reads through its own cursor of the shared connection, which is opened when a
    request comes and closed once no request has used it for `linger` seconds, so an idle server
    holds no lock. A writer in another process (`dyad ingest`) that finds the file locked touches
    `<db>.writer-waiting` (`store.writer_waiting`); seeing it, the server lets running reads
    finish, closes and keeps the file free for `gap` seconds (longer than the writer's retry
    pause), then opens it again, waiting for the writer's batch if need be. A writer that does not
    signal still finds the file free for `gap` seconds every `hold` seconds. The server's own
    writes (`exclusive`) take the file the same way.
    """

    def __init__(self, path: Path, wait: float, hold: float = 10.0, gap: float = 0.6, linger: float = 0.25):
        self.path, self.wait, self.hold, self.gap, self.linger = path, wait, hold, gap, linger
        self.signal = writer_waiting(path)
        self._cond = threading.Condition()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._opened = self._last_used = 0.0
        self._active = 0
        self._closing = False
        self._closer: threading.Thread | None = None

    def _writer_waits(self) -> bool:
        try:
            return time.time() - self.signal.stat().st_mtime < 2.0
        except OSError:
            return False

    @contextmanager
    def read(self):
        with self._cond:
            while self._closing:
                self._cond.wait()
            if self._con is not None and (time.monotonic() - self._opened > self.hold or self._writer_waits()):
                self._close_for(self.gap)
            if self._con is None:
                self._con = open_read_only(self.path, self.wait)
                self._opened = time.monotonic()
                self._start_closer()
            self._active += 1
            cursor = self._con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()
            with self._cond:
                self._active -= 1
                self._last_used = time.monotonic()
                self._cond.notify_all()

    @contextmanager
    def exclusive(self):
        """No read open in this process while the block runs (DuckDB allows no writer beside a reader)."""
        with self._cond:
            while self._closing:
                self._cond.wait()
            self._closing = True
            while self._active:
                self._cond.wait()
            self._close()
        try:
            yield
        finally:
            with self._cond:
                self._closing = False
                self._cond.notify_all()

    def _close_for(self, gap: float) -> None:
        """Let running reads finish, close, keep the file free for `gap` seconds (holding `_cond`)."""
        self._closing = True
        while self._active:
            self._cond.wait()
        self._close()
        deadline = time.monotonic() + gap
        while (left := deadline - time.monotonic()) > 0:
            self._cond.wait(left)
        self._closing = False
        self._cond.notify_all()

    def _close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def _start_closer(self) -> None:
        if self._closer is None or not self._closer.is_alive():
            self._closer = threading.Thread(target=self._close_when_idle, name="dyad-serve-closer", daemon=True)
            self._closer.start()

    def _close_when_idle(self) -> None:
        while True:
            time.sleep(self.linger / 2)
            with self._cond:
                if self._con is None:
                    return
                if not self._active and not self._closing and time.monotonic() - self._last_used > self.linger:
                    self._close()
                    return


class Reader:
    """Read queries over one DuckDB file; safe to share between the server's threads."""

    def __init__(self, path: Path | str, wait: float = 10.0):
        self.path = Path(path)
        self.wait = wait
        self.file = SharedFile(self.path, wait)
        self._stats_cache: dict[tuple, tuple] = {}

    @contextmanager
    def _con(self):
        if not self.path.exists():
            raise StoreError(f"{self.path}: no such database; run `dyad ingest` first")
        with self.file.read() as con:
            try:
                yield con
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: query failed ({_first_line(exc)})") from None

    def rows(self, sql: str, args: list | tuple = ()) -> list[tuple]:
        with self._con() as con:
            return con.execute(sql, list(args)).fetchall()

    # events -----------------------------------------------------------------------------------

    def _page_sql(self, f: EventFilter, sort: str, cursor: str | None, limit: int) -> tuple[str, list]:
        key, direction, _ = SORTS[sort]
        where, args = _conditions(f)
        if cursor:
            last_key, last_id = decode_cursor(cursor, sort)
            op = "<" if direction == "DESC" else ">"
            where += (" AND " if where else " WHERE ") + (
                f"({key} {op} ? OR ({key} = ? AND e.id {op} ?))")
            args += [last_key, last_key, last_id]
        sql = (f"SELECT e.id, {key} AS sort_key FROM events e{where} "
               f"ORDER BY sort_key {direction}, e.id {direction} LIMIT ?")
        return sql, [*args, limit + 1]

    def events(self, f: EventFilter, sort: str = "-date", cursor: str | None = None,
               limit: int = 100) -> tuple[list[dict], str | None]:
        """One page of events and the cursor of the next page (None on the last).

        The page's ids come first (sorting carries no JSON), then their records by primary key.
        """
        sql, args = self._page_sql(f, sort, cursor, limit)
        with self._con() as con:
            keys = con.execute(sql, args).fetchall()
            page = [event_id for event_id, _ in keys[:limit]]
            rows = con.execute(
                "SELECT e.id, e.article_id, e.record, a.url, a.title FROM events e LEFT JOIN articles a "
                f"ON a.id = e.article_id WHERE e.id IN ({', '.join('?' * len(page))})", page).fetchall() if page else []
        by_id = {row[0]: row for row in rows}
        out = []
        for event_id in page:
            _, article_id, record, url, title = by_id[event_id]
            event = json.loads(record)
            event["article_id"] = article_id
            event["article_url"] = url
            event["article_title"] = title
            out.append(event)
        next_cursor = encode_cursor(sort, keys[limit - 1][1], keys[limit - 1][0]) if len(keys) > limit else None
        return out, next_cursor

    def events_csv(self, events: list[dict]) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(FLAT_COLUMNS)
        for event in events:
            writer.writerow(["; ".join(map(str, v)) if isinstance(v, list) else ("" if v is None else v)
                             for v in flat_event(event)])
        return buffer.getvalue()

    def events_parquet(self, events: list[dict]) -> bytes:
        """The page as a Parquet file, written by DuckDB from the flattened rows."""
        with tempfile.TemporaryDirectory(prefix="dyad-parquet-") as folder:
            path = os.path.join(folder, "events.parquet")
            con = duckdb.connect()
            try:
                con.execute("CREATE TABLE t (id VARCHAR, article_id VARCHAR, date DATE, date_precision VARCHAR, "
                            "event VARCHAR, mode VARCHAR[], context VARCHAR[], actor_codes VARCHAR[], "
                            "actor_names VARCHAR[], recipient_codes VARCHAR[], recipient_names VARCHAR[], "
                            "modality VARCHAR, attribution VARCHAR, quad_code INTEGER, gdelt_quad_class INTEGER, "
                            "event_scale DOUBLE, cameo_root VARCHAR, place VARCHAR, lat DOUBLE, lon DOUBLE, "
                            "resolution INTEGER, text VARCHAR, sentence INTEGER, start INTEGER, \"end\" INTEGER, "
                            "url VARCHAR)")
                if events:
                    con.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(FLAT_COLUMNS))})",
                                    [flat_event(e) for e in events])
                con.table("t").write_parquet(path)
            finally:
                con.close()
            return Path(path).read_bytes()

    def event(self, event_id: str) -> dict | None:
        rows = self.rows("SELECT e.article_id, e.record, a.url, a.title, a.source, a.date FROM events e "
                         "LEFT JOIN articles a ON a.id = e.article_id WHERE e.id = ?", [event_id])
        if not rows:
            return None
        article_id, record, url, title, source, published = rows[0]
        event = json.loads(record)
        event["article_id"] = article_id
        info = event["text_info"]
        event["evidence"] = {"sentence": event["text"], "sentence_index": info["sentence"], "start": info["start"],
                             "end": info["end"], "article_id": article_id, "url": url, "title": title,
                             "source": source, "article_date": published.isoformat() if published else None}
        return event

    # articles ---------------------------------------------------------------------------------

    def article(self, article_id: str) -> dict | None:
        """An article with its text, events (with evidence spans), quotes and flags."""
        with self._con() as con:
            row = con.execute("SELECT id, title, date, source, url, language, status, text, dateline_place, coded_at "
                              "FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                return None
            events = con.execute("SELECT record FROM events WHERE article_id = ? ORDER BY start_char, id",
                                 [article_id]).fetchall()
            quotes = con.execute("SELECT kind, speaker_text, speaker_name, speaker_code, text, start_char, end_char, "
                                 "date, handle FROM quotes WHERE article_id = ? ORDER BY start_char",
                                 [article_id]).fetchall()
            flags = con.execute("SELECT kind, severity, message, evidence, facts FROM flags WHERE article_id = ? "
                                "ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, kind",
                                [article_id]).fetchall()
        text = row[7] or ""
        return {
            "id": row[0], "title": row[1], "date": _iso(row[2]), "source": row[3], "url": row[4], "language": row[5],
            "status": row[6], "text": text, "dateline_place": row[8], "coded_at": _iso(row[9]),
            "events": [json.loads(r[0]) for r in events],
            "quotes": [{"kind": q[0], "speaker_text": q[1], "speaker_name": q[2], "speaker_code": q[3], "text": q[4],
                        "start": q[5], "end": q[6], "date": _iso(q[7]), "handle": q[8]} for q in quotes],
            "flags": [{"kind": k, "severity": s, "message": m,
                       "evidence": [dict(e, text=text[e["start"]:e["end"]]) for e in json.loads(ev)],
                       "facts": json.loads(fa)} for k, s, m, ev, fa in flags],
        }

    # actors -----------------------------------------------------------------------------------

    def actors(self, resolved: bool | None = None, limit: int = 50, offset: int = 0) -> dict:
        """Actors by mentions (grouped by name as written), with counts of resolved and unresolved names.

        Unresolved: named persons and organisations the knowledge base does not hold (`dyad actors --unresolved`).
        """
        unresolved_sql = "(kb_id IS NULL AND kind IN ('person', 'organisation'))"
        where = {None: "", True: f" WHERE NOT {unresolved_sql}", False: f" WHERE {unresolved_sql}"}[resolved]
        with self._con() as con:
            rows = con.execute(
                f"SELECT entity_text, any_value(code), any_value(sector), any_value(office), any_value(kb_id), "
                f"bool_or({unresolved_sql}), count(*) AS n FROM actors{where} GROUP BY entity_text "
                "ORDER BY n DESC, entity_text LIMIT ? OFFSET ?", [limit, offset]).fetchall()
            counts = con.execute(
                f"SELECT count(DISTINCT entity_text) FILTER (WHERE NOT {unresolved_sql}), "
                f"count(DISTINCT entity_text) FILTER (WHERE {unresolved_sql}), count(*) FROM actors").fetchone()
        return {"counts": {"resolved_names": counts[0], "unresolved_names": counts[1], "mentions": counts[2]},
                "actors": [{"entity_text": r[0], "code": r[1], "sector": r[2], "office": r[3], "kb_id": r[4],
                            "resolved": not r[5], "mentions": r[6]} for r in rows]}

    def actor(self, key: str) -> dict | None:
        """An actor by code (KOR, UNO) or knowledge-base id (person:...): events over time, partners, offices."""
        by_id = ":" in key
        match = "kb_id = ?" if by_id else "code = ?"
        value = key if by_id else key.upper()
        with self._con() as con:
            names = con.execute(f"SELECT entity_text, count(*) FROM actors WHERE {match} GROUP BY entity_text "
                                "ORDER BY count(*) DESC, entity_text LIMIT 10", [value]).fetchall()
            if not names:
                return None
            timeline = con.execute(
                f"SELECT e.date, a.role, count(DISTINCT e.id) FROM actors a JOIN events e ON e.id = a.event_id "
                f"WHERE a.{match} AND e.date IS NOT NULL GROUP BY e.date, a.role ORDER BY e.date", [value]).fetchall()
            partners = con.execute(
                f"WITH mine AS (SELECT DISTINCT event_id, role FROM actors WHERE {match}) "
                "SELECT o.code, any_value(o.identifier_text), any_value(o.entity_text), count(DISTINCT o.event_id) AS n "
                "FROM mine JOIN actors o ON o.event_id = mine.event_id AND o.role <> mine.role "
                "WHERE o.code IS NOT NULL GROUP BY o.code ORDER BY n DESC, o.code LIMIT 10", [value]).fetchall()
            offices = con.execute(
                f"SELECT coalesce(a.identifier_text, a.entity_text), a.kb_id, a.office, min(e.date), max(e.date), "
                f"count(DISTINCT e.id) FROM actors a JOIN events e ON e.id = a.event_id WHERE a.{match} "
                "AND a.office IS NOT NULL GROUP BY 1, 2, 3 ORDER BY min(e.date) NULLS LAST, 1", [value]).fetchall()
            kb_ids = [r[0] for r in con.execute(f"SELECT DISTINCT kb_id FROM actors WHERE {match} AND "
                                                "kb_id LIKE 'person:%' ORDER BY 1", [value]).fetchall()]
        per_day: dict[str, dict] = {}
        for day, role, n in timeline:
            per_day.setdefault(day.isoformat(), {"date": day.isoformat(), "actor": 0, "recipient": 0})[role] = n
        return {"key": key, "by": "kb_id" if by_id else "code", "names": [{"entity_text": n, "mentions": c}
                                                                        for n, c in names],
                "timeline": list(per_day.values()),
                "events": {"as_actor": sum(d["actor"] for d in per_day.values()),
                           "as_recipient": sum(d["recipient"] for d in per_day.values())},
                "partners": [{"code": c, "name": i or t, "events": n} for c, i, t, n in partners],
                "offices_on_event_dates": [{"name": n, "kb_id": k, "office": o, "first": _iso(a), "last": _iso(b),
                                            "events": c} for n, k, o, a, b, c in offices],
                "persons": kb_ids}

    # flags and overview -----------------------------------------------------------------------

    def flags(self, kind: str | None = None, severity: str | None = None, since: date | None = None,
              limit: int = 100, offset: int = 0) -> list[dict]:
        where, args = _where([("f.kind = ?", kind), ("f.severity = ?", severity), ("f.article_date >= ?", since)])
        rows = self.rows(
            "WITH page AS (SELECT * FROM flags f" + where + " ORDER BY f.article_date DESC NULLS LAST, f.article_id, "
            "f.kind, f.message LIMIT ? OFFSET ?) SELECT p.article_id, p.article_date, p.kind, p.severity, p.message, "
            "p.evidence, p.facts, a.title, a.text FROM page p LEFT JOIN articles a ON a.id = p.article_id "
            "ORDER BY p.article_date DESC NULLS LAST, p.article_id, p.kind, p.message", [*args, limit, offset])
        return [{"article_id": r[0], "article_date": _iso(r[1]), "kind": r[2], "severity": r[3], "message": r[4],
                 "evidence": [dict(e, text=(r[8] or "")[e["start"]:e["end"]]) for e in json.loads(r[5])],
                 "facts": json.loads(r[6]), "article_title": r[7]} for r in rows]

    def _version(self) -> tuple:
        """What changes when the file does: size and mtime of the database and its write-ahead log."""
        out = []
        for path in (self.path, Path(f"{self.path}.wal")):
            try:
                st = path.stat()
                out.append((st.st_size, st.st_mtime_ns))
            except OSError:
                out.append(None)
        return tuple(out)

    def stats(self, top: int = 10, places: int = 500) -> dict:
        """`_stats`, kept until the file changes: the overview asks for it on every visit."""
        version = self._version()
        cached = self._stats_cache.get((top, places))
        if cached and cached[0] == version:
            return cached[1]
        result = self._stats(top, places)
        self._stats_cache[(top, places)] = (version, result)
        return result

    def _stats(self, top: int, places: int) -> dict:
        """Counts, events per day (per month over long spans) by QuadClass and by type, top dyads, places."""
        with self._con() as con:
            counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                      for t in ("articles", "events", "actors", "quotes", "flags", "failures")}
            first, last = con.execute("SELECT min(date), max(date) FROM events").fetchone()
            # over more than ~13 months, days are summed into months (the chart could not show days)
            unit = "month" if first and last and (last - first).days > 400 else "day"
            day = "CAST(date_trunc('month', date) AS DATE)" if unit == "month" else "date"
            per_day = con.execute(f"SELECT {day} AS d, gdelt_quad_class, count(*) FROM events WHERE date IS NOT NULL "
                                  "GROUP BY ALL ORDER BY d").fetchall()
            by_type = con.execute("SELECT event, count(*) FROM events GROUP BY event ORDER BY count(*) DESC, event"
                                  ).fetchall()
            per_day_type = con.execute(f"SELECT {day} AS d, event, count(*) FROM events WHERE date IS NOT NULL "
                                       "GROUP BY ALL ORDER BY d").fetchall()
            dyads = con.execute(
                "SELECT a.code, r.code, count(DISTINCT a.event_id) AS n FROM actors a JOIN actors r "
                "ON r.event_id = a.event_id AND r.role = 'recipient' WHERE a.role = 'actor' AND a.code IS NOT NULL "
                "AND r.code IS NOT NULL AND a.code <> r.code GROUP BY ALL ORDER BY n DESC, 1, 2 LIMIT ?", [top]
            ).fetchall()
            # one location per place name (or, for events naming none, per actor country): reading the
            # location of every event from its JSON would cost seconds on 100,000 events
            spots = con.execute(
                "WITH g AS (SELECT coalesce(place, '?' || coalesce(actor_codes[1], recipient_codes[1], '?')) AS k, "
                "count(*) AS n, min(id) AS rep FROM events GROUP BY k ORDER BY n DESC, k LIMIT ?) "
                "SELECT TRY_CAST(e.record->>'$.event_loc.lat' AS DOUBLE) AS lat, "
                "TRY_CAST(e.record->>'$.event_loc.lon' AS DOUBLE) AS lon, "
                "TRY_CAST(e.record->>'$.event_loc.resolution' AS INTEGER), e.record->>'$.event_loc.resolved_place', "
                "coalesce(TRY_CAST(e.record->>'$.event_loc.inferred' AS BOOLEAN), false), g.n FROM g "
                "JOIN events e ON e.id = g.rep WHERE lat IS NOT NULL AND lon IS NOT NULL ORDER BY g.n DESC, g.k",
                [places]).fetchall()
            flag_kinds = con.execute("SELECT kind, count(*) FROM flags GROUP BY kind ORDER BY count(*) DESC").fetchall()
        quad: dict[str, dict] = {}
        for day, quad_class, n in per_day:
            quad.setdefault(day.isoformat(), {"date": day.isoformat(), "1": 0, "2": 0, "3": 0, "4": 0})[str(quad_class)] = n
        types: dict[str, dict] = {}
        for day, event, n in per_day_type:
            types.setdefault(day.isoformat(), {"date": day.isoformat()})[event] = n
        return {"counts": counts, "first_date": _iso(first), "last_date": _iso(last), "unit": unit,
                "per_day_quad_class": list(quad.values()), "per_day_type": list(types.values()),
                "by_type": dict(by_type), "flags_by_kind": dict(flag_kinds),
                "top_dyads": [{"actor": a, "recipient": r, "events": n} for a, r, n in dyads],
                "places": [{"lat": la, "lon": lo, "resolution": res, "place": p, "inferred": inf, "events": n}
                           for la, lo, res, p, inf, n in spots]}

    def healthy(self) -> int:
        """The number of events; raises StoreError when the file cannot be read."""
        return self.rows("SELECT count(*) FROM events")[0][0]


def flat_event(event: dict) -> list:
    """An event as one flat row of FLAT_COLUMNS (CSV and Parquet downloads)."""
    loc = event.get("event_loc") or {}
    info = event["text_info"]
    return [event["id"], event.get("article_id"), event["date"], event["date_precision"], event["event"],
            event["mode"], event["context"], [a["code"] for a in event["actor"] if a["code"]],
            [a["entity_text"] for a in event["actor"]], [a["code"] for a in event["recipient"] if a["code"]],
            [a["entity_text"] for a in event["recipient"]], event["modality"],
            (event.get("attribution") or {}).get("text"), event["quad_code"], event["gdelt_quad_class"],
            event["event_scale"], event["cameo_root"], event.get("place"), loc.get("lat"), loc.get("lon"),
            loc.get("resolution"), event["text"], info["sentence"], info["start"], info["end"],
            event.get("article_url")]


def evidence_segments(text: str, events: list[dict]) -> list[tuple[str, list[dict]]]:
    """The article text cut where evidence spans start or end: (piece, events whose evidence covers it)."""
    bounds = {0, len(text)}
    spans = []
    for event in events:
        info = event["text_info"]
        start, end = max(0, info["start"]), min(len(text), info["end"])
        if start < end:
            spans.append((start, end, event))
            bounds.update((start, end))
    cuts = sorted(bounds)
    out = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [e for s, t, e in spans if s <= start and end <= t]
        out.append((text[start:end], covering))
    return out


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None
