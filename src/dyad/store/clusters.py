"""Event clusters: the reports of one event across articles and outlets.

Takes the events of a newly stored article (a DuckDB connection inside the store's write
transaction); gives every clusterable event a `cluster_id` and rewrites the `clusters` rows of the
clusters it touched, and only those. Two events belong together when they have the same type, the
same actor codes and the same recipient codes (as sets), dates at most `WINDOW_DAYS` apart and
compatible places; clusters are the connected groups of that relation, so a new event that links
two clusters merges them under the older id. Reads clusters back with filters.

Clusterable: an event of a first copy (not a near-duplicate), asserted or hedged, with a date and
at least one actor or recipient code. Future, hypothetical, negated and historical events say
something else than "it happened then" and stay out.
"""

from __future__ import annotations

import json
import math
from datetime import date, timedelta

WINDOW_DAYS = 1
NEAR_KM = 100.0  # two named cities farther apart than this are two places
CLUSTERED = ("asserted", "hedged")

SCHEMA = [
    """ALTER TABLE events ADD COLUMN IF NOT EXISTS cluster_id VARCHAR""",
    """CREATE TABLE IF NOT EXISTS clusters (
        id VARCHAR PRIMARY KEY, event VARCHAR, actor_codes VARCHAR[], recipient_codes VARCHAR[],
        first_date DATE, last_date DATE, first_article_id VARCHAR, first_source VARCHAR,
        first_published DATE, n_events INTEGER, n_articles INTEGER, n_sources INTEGER,
        n_asserting INTEGER, n_hedged_only INTEGER, support VARCHAR, place VARCHAR, country_code VARCHAR)""",
]


def _codes(values) -> list[str]:
    return sorted(set(values or []))


def compatible_places(a: dict | None, b: dict | None) -> bool:
    """Places agree unless they name different countries, or two named cities more than NEAR_KM apart."""
    if not a or not b:
        return True
    if a.get("country_code") and b.get("country_code") and a["country_code"] != b["country_code"]:
        return False
    precise = [loc for loc in (a, b) if loc.get("resolution", 1) >= 4 and not loc.get("inferred")
               and not loc.get("defaulted") and loc.get("lat") is not None and loc.get("lon") is not None]
    if len(precise) < 2:
        return True
    return _km(a["lat"], a["lon"], b["lat"], b["lon"]) <= NEAR_KM


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def cluster_article(con, article_id: str, window: int = WINDOW_DAYS) -> set[str]:
    """Cluster the events of one stored article; gives the ids of the clusters it touched (rows rewritten)."""
    new = con.execute(
        "SELECT id, event, actor_codes, recipient_codes, date, record->'event_loc' FROM events "
        "WHERE article_id = ? AND modality IN ('asserted', 'hedged') AND date IS NOT NULL "
        "AND (len(actor_codes) > 0 OR len(recipient_codes) > 0) ORDER BY sentence, id", [article_id]).fetchall()
    touched: set[str] = set()
    for event_id, event, actors, recipients, day, loc in new:
        place = json.loads(loc) if loc else None
        candidates = con.execute(
            # copies are never clustered, so a cluster_id already means a first copy: no join with articles
            "SELECT cluster_id, record->'event_loc' FROM events "
            "WHERE cluster_id IS NOT NULL AND event = ? AND date BETWEEN ? AND ? AND id <> ? "
            "AND list_sort(list_distinct(actor_codes)) = ? AND list_sort(list_distinct(recipient_codes)) = ?",
            [event, day - timedelta(days=window), day + timedelta(days=window), event_id, _codes(actors),
             _codes(recipients)]).fetchall()
        linked = {cid for cid, other in candidates if compatible_places(place, json.loads(other) if other else None)}
        cluster_id = min(linked) if linked else "c" + event_id
        for old in linked - {cluster_id}:
            con.execute("UPDATE events SET cluster_id = ? WHERE cluster_id = ?", [cluster_id, old])
            con.execute("DELETE FROM clusters WHERE id = ?", [old])
            touched.discard(old)
        con.execute("UPDATE events SET cluster_id = ? WHERE id = ?", [cluster_id, event_id])
        touched.add(cluster_id)
    for cluster_id in touched:
        summarise(con, cluster_id)
    return touched


def summarise(con, cluster_id: str) -> None:
    """Rewrite one cluster's row from its events: first report, articles, sources and how they assert it."""
    rows = con.execute(
        "SELECT e.id, e.event, e.actor_codes, e.recipient_codes, e.date, e.modality, e.place, "
        "e.record->>'$.event_loc.country_code', a.id, a.date, coalesce(a.source, a.url, a.id), a.coded_at "
        "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = ? "
        "ORDER BY a.date NULLS LAST, a.coded_at, a.id, e.sentence", [cluster_id]).fetchall()
    con.execute("DELETE FROM clusters WHERE id = ?", [cluster_id])
    if not rows:
        return
    first = rows[0]
    asserting: dict[str, bool] = {}
    for row in rows:
        asserting[row[8]] = asserting.get(row[8], False) or row[5] == "asserted"
    n_asserting = sum(asserting.values())
    hedged_only = len(asserting) - n_asserting
    support = "asserted" if hedged_only == 0 else ("hedged" if n_asserting == 0 else "partly_hedged")
    places = [r[6] for r in rows if r[6]]
    countries = [r[7] for r in rows if r[7]]
    con.execute("INSERT INTO clusters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [cluster_id, first[1], _codes(first[2]), _codes(first[3]), min(r[4] for r in rows),
                 max(r[4] for r in rows), first[8], first[10], first[9], len(rows), len(asserting),
                 len({r[10] for r in rows}), n_asserting, hedged_only, support,
                 max(set(places), key=places.count) if places else None,
                 max(set(countries), key=countries.count) if countries else None])


def read_clusters(con, actor: str | None = None, type_: str | None = None, since: date | None = None,
                  until: date | None = None, support: str | None = None, min_articles: int | None = None,
                  limit: int | None = None) -> list[dict]:
    """Stored clusters as dicts, most reported first, then newest."""
    conditions, args = [], []
    for condition, value in (("(list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))",
                              (actor.upper(), actor.upper()) if actor else None),
                             ("event = ?", type_.upper() if type_ else None), ("last_date >= ?", since),
                             ("first_date <= ?", until), ("support = ?", support), ("n_articles >= ?", min_articles)):
        if value is not None:
            conditions.append(condition)
            args.extend(value if isinstance(value, tuple) else (value,))
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    sql = (f"SELECT * FROM clusters{where} ORDER BY n_articles DESC, n_sources DESC, first_date DESC, id"
           + (f" LIMIT {int(limit)}" if limit else ""))
    cursor = con.execute(sql, args)
    names = [d[0] for d in cursor.description]
    out = []
    for row in cursor.fetchall():
        item = dict(zip(names, row))
        for key in ("first_date", "last_date", "first_published"):
            item[key] = item[key].isoformat() if item[key] else None
        out.append(item)
    return out
