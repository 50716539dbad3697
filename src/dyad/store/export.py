"""Export: stored events to files other tools read — JSONL, CSV, Parquet, PLOVER JSON, GDELT 2.0 TSV.

Takes the events `Store.events` gives (the rows of `dyad events --json`, first copies only unless
asked) and writes them in one format; the articles and clusters they come from fill citations,
source URLs and report counts. Formats and their columns: docs/schema.md.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from datetime import datetime
from importlib import metadata
from pathlib import Path

import duckdb

from dyad.ontology import load_ontology

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")

# The flat table of csv and parquet: (column, DuckDB type, value from an event dict). Lists are
# DuckDB lists in Parquet and ';'-joined text in CSV.
_FLAT = [
    ("id", "VARCHAR", lambda e: e["id"]),
    ("article_id", "VARCHAR", lambda e: e["article_id"]),
    ("cluster_id", "VARCHAR", lambda e: e.get("cluster_id")),
    ("date", "DATE", lambda e: e["date"]),
    ("date_precision", "VARCHAR", lambda e: e["date_precision"]),
    ("event", "VARCHAR", lambda e: e["event"]),
    ("mode", "VARCHAR[]", lambda e: e["mode"]),
    ("context", "VARCHAR[]", lambda e: e["context"]),
    ("actor_codes", "VARCHAR[]", lambda e: [a["code"] or "" for a in e["actor"]]),
    ("actor_text", "VARCHAR[]", lambda e: [a["entity_text"] for a in e["actor"]]),
    ("recipient_codes", "VARCHAR[]", lambda e: [a["code"] or "" for a in e["recipient"]]),
    ("recipient_text", "VARCHAR[]", lambda e: [a["entity_text"] for a in e["recipient"]]),
    ("modality", "VARCHAR", lambda e: e["modality"]),
    ("attribution", "VARCHAR", lambda e: (e["attribution"] or {}).get("text")),
    ("quad_code", "INTEGER", lambda e: e["quad_code"]),
    ("gdelt_quad_class", "INTEGER", lambda e: e["gdelt_quad_class"]),
    ("event_scale", "DOUBLE", lambda e: e["event_scale"]),
    ("cameo_root", "VARCHAR", lambda e: e["cameo_root"]),
    ("place", "VARCHAR", lambda e: e["place"]),
    ("country_code", "VARCHAR", lambda e: (e["event_loc"] or {}).get("country_code")),
    ("lat", "DOUBLE", lambda e: (e["event_loc"] or {}).get("lat")),
    ("lon", "DOUBLE", lambda e: (e["event_loc"] or {}).get("lon")),
    ("trigger", "VARCHAR", lambda e: e["trigger"]),
    ("text", "VARCHAR", lambda e: e["text"]),
    ("sentence", "INTEGER", lambda e: e["text_info"]["sentence"]),
    ("start", "INTEGER", lambda e: e["text_info"]["start"]),
    ("end", "INTEGER", lambda e: e["text_info"]["end"]),
]
FLAT_COLUMNS = [name for name, _, _ in _FLAT]

# GDELT 2.0 event table, in its 61-column order (GDELT-Event_Codebook-V2.0).
_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS = (["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
                 + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
                 + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                    "NumMentions", "NumSources", "NumArticles", "AvgTone"]
                 + [f"Actor1Geo_{c}" for c in _GEO] + [f"Actor2Geo_{c}" for c in _GEO]
                 + [f"ActionGeo_{c}" for c in _GEO] + ["DATEADDED", "SOURCEURL"])
assert len(GDELT_COLUMNS) == 61


def flat_row(event: dict) -> dict:
    """An event as the flat row of the csv and parquet exports."""
    return {name: get(event) for name, _, get in _FLAT}


def plover_record(event: dict, article: dict, coder: str, codebook: str) -> dict:
    """An event as a PLOVER record: the specification's field names; dyad's own fields under `dyad`."""
    loc = event["event_loc"]
    return {
        "id": event["id"],
        "date": event["date"],
        "actor": event["actor"],
        "recipient": event["recipient"],
        "event": event["event"],
        "mode": event["mode"][0] if event["mode"] else "",
        "context": event["context"],
        "quad_code": event["quad_code"],
        "event_scale": event["event_scale"],
        "event_loc": None if loc is None else {
            "extracted_place": loc["extracted_place"], "resolved_place": loc["resolved_place"],
            "geonameid": loc["geonameid"], "lat": loc["lat"], "lon": loc["lon"],
            "country_code": loc["country_code"], "feature_code": loc["feature"], "resolution": loc["resolution"]},
        "text": event["text"],
        "text_info": event["text_info"],
        "cite_info": {"url": article.get("url"), "title": article.get("title"),
                      "publication": article.get("source"), "language": article.get("language")},
        "coder": coder,
        "codebook": codebook,
        "coded_date": article.get("coded_date"),
        "dyad": {"article_id": event["article_id"], "cluster_id": event.get("cluster_id"),
                 "modes": event["mode"], "modality": event["modality"], "attribution": event["attribution"],
                 "date_precision": event["date_precision"], "cameo_root": event["cameo_root"],
                 "gdelt_quad_class": event["gdelt_quad_class"], "trigger": event["trigger"], "place": event["place"]},
    }


def gdelt_row(event: dict, article: dict, cluster: dict | None) -> list[str]:
    """An event as one GDELT 2.0 event-table row (61 strings; what dyad does not know is empty).

    Actor1 is the first actor; Actor2 the first recipient, or the second actor of an event that
    lists its parties as actors (a meeting). Actor codes are the country or organisation code
    followed by the sector (CAMEO's actor types: GOV, MIL, COP, ...). EventCode, EventBaseCode and
    EventRootCode are all the CAMEO root: dyad codes no finer. GoldsteinScale is the PLOVER score
    (the same −10…+10 conflict–cooperation scale). NumMentions, NumSources and NumArticles come from
    the event's cluster. Geographic country codes are left empty: GDELT writes FIPS 10-4 codes
    and dyad keeps ISO 3166.
    """
    row = dict.fromkeys(GDELT_COLUMNS, "")
    row["GLOBALEVENTID"] = str(int(event["id"], 16) & 0x7FFFFFFFFFFFFFFF)
    if event["date"]:
        day = datetime.fromisoformat(event["date"]).date()
        row.update(SQLDATE=day.strftime("%Y%m%d"), MonthYear=day.strftime("%Y%m"), Year=str(day.year),
                   FractionDate=f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}")
    actors, recipients = event["actor"], event["recipient"]
    parties = [actors[0] if actors else None, recipients[0] if recipients else (actors[1] if len(actors) > 1 else None)]
    for n, actor in enumerate(parties, 1):
        if actor is None:
            continue
        code, sector = actor["code"] or "", actor["sector"] or ""
        row[f"Actor{n}Code"] = code + sector if len(code) == 3 else code
        row[f"Actor{n}Name"] = (actor["identifier_text"] or actor["entity_text"]).upper()
        row[f"Actor{n}CountryCode"] = code if len(code) == 3 and code.isalpha() and code not in _ORGS else ""
        row[f"Actor{n}KnownGroupCode"] = code if code in _ORGS else ""
        row[f"Actor{n}Type1Code"] = sector
    root = event["cameo_root"]
    row.update(IsRootEvent="1" if event["text_info"]["sentence"] == 0 else "0", EventCode=root, EventBaseCode=root,
               EventRootCode=root, QuadClass=str(event["gdelt_quad_class"]), GoldsteinScale=f"{event['event_scale']:g}")
    row["NumMentions"] = str(cluster["n_events"]) if cluster else "1"
    row["NumSources"] = str(cluster["n_sources"]) if cluster else "1"
    row["NumArticles"] = str(cluster["n_articles"]) if cluster else "1"
    loc = event["event_loc"]
    if loc:
        row["ActionGeo_Type"] = str(_geo_type(loc))
        row["ActionGeo_FullName"] = loc["resolved_place"] or loc["extracted_place"] or ""
        row["ActionGeo_Lat"] = "" if loc["lat"] is None else f"{loc['lat']:.4f}"
        row["ActionGeo_Long"] = "" if loc["lon"] is None else f"{loc['lon']:.4f}"
        row["ActionGeo_FeatureID"] = str(loc["geonameid"] or "")
    row["DATEADDED"] = article.get("coded_at") or ""
    row["SOURCEURL"] = article.get("url") or ""
    return [row[c] for c in GDELT_COLUMNS]


_ORGS = {"UNO", "EUR", "IGO", "NGO", "NAT", "AFR", "ASN", "ARL", "OPC", "IMG", "ISM", "MNC"}


def _geo_type(loc: dict) -> int:
    """GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    us = loc.get("country_code") == "USA"
    if loc.get("resolution", 1) >= 4 and not loc.get("defaulted"):
        return 3 if us else 4
    if loc.get("resolution", 1) >= 2 and not loc.get("defaulted"):
        return 2 if us else 5
    return 1


def write_export(events: list[dict], fmt: str, out: Path | None, articles: dict[str, dict],
                 clusters: dict[str, dict]) -> int:
    """Write `events` in `fmt` to `out` (None: standard output, not for parquet); gives the number of rows.

    Args:
        events: rows of `Store.events`.
        fmt: one of FORMATS.
        out: the file to write; it is replaced.
        articles: article id → {url, title, source, language, coded_date, coded_at}.
        clusters: cluster id → the cluster row (`Store.clusters`).
    """
    if fmt == "parquet":
        if out is None:
            raise ValueError("parquet needs a file")
        _write_parquet(events, out)
        return len(events)
    buffer = io.StringIO(newline="")
    if fmt == "jsonl":
        for event in events:
            buffer.write(json.dumps(event, ensure_ascii=False) + "\n")
    elif fmt == "plover":
        coder, codebook = f"dyad {metadata.version('dyad')}", load_ontology().version
        for event in events:
            record = plover_record(event, articles.get(event["article_id"], {}), coder, codebook)
            buffer.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(buffer)
        writer.writerow(FLAT_COLUMNS)
        for event in events:
            writer.writerow([";".join(v) if isinstance(v, list) else ("" if v is None else v)
                             for v in flat_row(event).values()])
    elif fmt == "gdelt":
        for event in events:
            row = gdelt_row(event, articles.get(event["article_id"], {}), clusters.get(event.get("cluster_id")))
            buffer.write("\t".join(" ".join(v.split()) for v in row) + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}")
    if out is None:
        import sys

        sys.stdout.write(buffer.getvalue())
    else:
        out.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return len(events)


def _write_parquet(events: list[dict], out: Path) -> None:
    """The flat table written by DuckDB's own Parquet writer (typed columns, lists as lists)."""
    with tempfile.TemporaryDirectory() as folder:
        rows = Path(folder) / "rows.jsonl"
        with rows.open("w", encoding="utf-8") as handle:
            for event in events:
                handle.write(json.dumps(flat_row(event), ensure_ascii=False) + "\n")
        columns = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind, _ in _FLAT) + "}"
        con = duckdb.connect()
        try:
            con.execute(f"COPY (SELECT * FROM read_json(?, format = 'newline_delimited', columns = {columns})) "
                        f"TO '{_quoted(out)}' (FORMAT parquet)", [str(rows)])
        finally:
            con.close()


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def article_meta(con, ids: list[str]) -> dict[str, dict]:
    """Citation fields of the stored articles `ids`: url, title, source, language, coded date and time."""
    rows = con.execute("SELECT id, url, title, source, language, coded_at FROM articles "
                       "WHERE id IN (SELECT unnest(?))", [sorted(set(ids))]).fetchall()
    return {r[0]: {"url": r[1], "title": r[2], "source": r[3], "language": r[4],
                   "coded_date": r[5].date().isoformat() if r[5] else None,
                   "coded_at": r[5].strftime("%Y%m%d%H%M%S") if r[5] else None} for r in rows}
