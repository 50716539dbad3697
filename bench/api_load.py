"""Load on `dyad serve`: N concurrent clients on 127.0.0.1 for a bounded time, over ≥ 100,000 events.

    .venv/bin/python bench/api_load.py [--db /tmp/dyad-api-bench.duckdb] [--articles 1000]
                                       [--events 100000] [--clients 20] [--seconds 30] [--seed 7]

1. The database: `--articles` generated reports (bench/throughput.py's corpus: the shipped
   examples with countries, people, numbers and dates varied) are coded by dyad and stored;
   then their rows (articles, events, actors, quotes, flags) are replicated with new ids, dates
   shifted by a week per copy, until there are at least `--events` events. Coding 100,000
   events' worth of reports would take ~10 minutes here (14.5 articles/s), so only the first
   `--articles` are coded. The file is kept and reused when it already holds enough events.
2. The server: `dyad serve --db ...` in its own process on 127.0.0.1 and a free port.
3. The load: `--clients` asyncio clients (httpx, one process) send a fixed mix of requests for
   `--seconds`, then stop. Per endpoint: requests, errors, p50/p95/p99 latency; overall
   requests/s; the server's peak RSS (VmHWM).

It only reports: nothing checks a number against the targets (0 errors; p95 of a 100-row
/v1/events page ≤ 200 ms). docs/benchmarks.md keeps results. The clients share the machine's two
cores with the server, so the latencies include the clients' own CPU time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

PAGE = "events page (100 rows)"
MIX = [  # (label, weight)
    (PAGE, 30), ("events filtered (100 rows)", 20), ("events next page (cursor)", 10), ("event by id", 15),
    ("article", 10), ("actor", 5), ("flags", 5), ("stats", 3), ("healthz", 2),
]


def build(db: Path, articles: int, events: int, seed: int) -> dict:
    """Code `articles` generated reports into `db`, then replicate rows until ≥ `events` events."""
    from throughput import make_corpus

    from dyad.coding.pipeline import Coder
    from dyad.store.database import Store

    started = time.perf_counter()
    corpus = make_corpus(articles, seed)
    coder = Coder()
    store = Store(db)
    batch: list = []
    for item in coder.code_many(corpus):
        batch.append(item)
        if len(batch) >= 64:
            store.write(batch)
            batch = []
    if batch:
        store.write(batch)
    coded_seconds = time.perf_counter() - started
    with duckdb.connect(str(db)) as con:
        coded_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        copies = max(0, math.ceil(events / max(coded_events, 1)) - 1)
        con.execute("CREATE TEMP TABLE copies AS SELECT range AS k FROM range(1, ?)", [copies + 1])
        suffix = "'r' || k"
        con.execute("BEGIN TRANSACTION")
        con.execute(f"INSERT INTO articles SELECT a.id || {suffix}, a.content_hash || {suffix}, a.title, "
                    "a.date + CAST(7 * k AS INTEGER), a.source, a.url, a.language, a.status, a.text, a.dateline_place, "
                    "a.coded_at FROM articles a, copies")
        con.execute(f"INSERT INTO events SELECT e.id || {suffix}, e.article_id || {suffix}, "
                    "e.date + CAST(7 * k AS INTEGER), e.date_precision, e.event, e.mode, e.context, e.actor_codes, "
                    "e.recipient_codes, e.modality, e.attribution, e.quad_code, e.gdelt_quad_class, e.event_scale, "
                    "e.cameo_root, e.text, e.sentence, e.start_char, e.end_char, e.place, "
                    f"json_merge_patch(e.record, json_object('id', e.id || {suffix}, 'date', "
                    "strftime(e.date + CAST(7 * k AS INTEGER), '%Y-%m-%d'))) FROM events e, copies")
        con.execute(f"INSERT INTO actors SELECT a.article_id || {suffix}, a.event_id || {suffix}, a.role, a.code, "
                    "a.sector, a.entity_text, a.identifier_id, a.identifier_text, a.office, a.kb_id, a.kind "
                    "FROM actors a, copies")
        con.execute(f"INSERT INTO quotes SELECT q.article_id || {suffix}, q.kind, q.speaker_text, q.speaker_name, "
                    "q.speaker_code, q.text, q.start_char, q.end_char, q.date, q.handle FROM quotes q, copies")
        con.execute(f"INSERT INTO flags SELECT f.article_id || {suffix}, f.article_date + CAST(7 * k AS INTEGER), "
                    "f.kind, f.severity, f.message, f.evidence, f.facts FROM flags f, copies")
        con.execute("COMMIT")
        total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    return {"coded_articles": articles, "coded_events": coded_events, "copies": copies, "events": total,
            "build_seconds": round(time.perf_counter() - started, 1), "coding_seconds": round(coded_seconds, 1)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds the process has used (/proc/PID/stat)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def peak_rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def samples(db: Path, seed: int) -> dict:
    """Ids, codes and types to ask for, read before the server starts."""
    rng = random.Random(seed)
    with duckdb.connect(str(db), read_only=True) as con:
        events = [r[0] for r in con.execute("SELECT id FROM events USING SAMPLE 2000 ROWS").fetchall()]
        articles = [r[0] for r in con.execute("SELECT id FROM articles USING SAMPLE 500 ROWS").fetchall()]
        codes = [r[0] for r in con.execute("SELECT code FROM actors WHERE code IS NOT NULL GROUP BY code "
                                           "ORDER BY count(*) DESC LIMIT 40").fetchall()]
        types = [r[0] for r in con.execute("SELECT DISTINCT event FROM events").fetchall()]
    rng.shuffle(events)
    return {"events": events, "articles": articles, "codes": codes, "types": types}


def request_for(label: str, rng: random.Random, s: dict, cursors: list[str]) -> str:
    if label == PAGE:
        return "/v1/events?limit=100"
    if label.startswith("events filtered"):
        key, value = rng.choice([("type", rng.choice(s["types"])), ("actor", rng.choice(s["codes"])),
                                 ("party", rng.choice(s["codes"]))])
        return f"/v1/events?limit=100&{key}={value}"
    if label.startswith("events next page"):
        return f"/v1/events?limit=100&cursor={rng.choice(cursors)}" if cursors else "/v1/events?limit=100"
    if label == "event by id":
        return f"/v1/events/{rng.choice(s['events'])}"
    if label == "article":
        return f"/v1/articles/{rng.choice(s['articles'])}"
    if label == "actor":
        return f"/v1/actors/{rng.choice(s['codes'])}"
    if label == "flags":
        return "/v1/flags?limit=50"
    if label == "stats":
        return "/v1/stats"
    return "/healthz"


async def load(url: str, clients: int, seconds: float, s: dict, seed: int) -> tuple[dict, float]:
    labels = [label for label, weight in MIX for _ in range(weight)]
    results: dict[str, list] = {label: [] for label, _ in MIX}
    errors: dict[str, list] = {label: [] for label, _ in MIX}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        cursors = []
        cursor = None
        for _ in range(20):  # cursors of the first 20 pages, for "next page" requests
            body = (await client.get("/v1/events", params={"limit": 100, **({"cursor": cursor} if cursor else {})})).json()
            cursor = body["next_cursor"]
            if not cursor:
                break
            cursors.append(cursor)
        deadline = time.perf_counter() + seconds

        async def worker(index: int):
            rng = random.Random(seed * 1000 + index)
            while time.perf_counter() < deadline:
                label = rng.choice(labels)
                path = request_for(label, rng, s, cursors)
                start = time.perf_counter()
                try:
                    response = await client.get(path)
                    ok = response.status_code == 200
                    await response.aread()
                except httpx.HTTPError as exc:
                    ok, response = False, exc
                elapsed = time.perf_counter() - start
                results[label].append(elapsed)
                if not ok:
                    errors[label].append(f"{path}: {getattr(response, 'status_code', response)}")

        started = time.perf_counter()
        await asyncio.gather(*(worker(i) for i in range(clients)))
        wall = time.perf_counter() - started
    return {label: {"times": results[label], "errors": errors[label]} for label in results}, wall


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/dyad-api-bench.duckdb"))
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="Also print the results as one JSON line.")
    args = parser.parse_args(argv)

    built = None
    if args.db.exists():
        with duckdb.connect(str(args.db), read_only=True) as con:
            have = con.execute("SELECT count(*) FROM events").fetchone()[0]
        if have < args.events:
            sys.exit(f"error: {args.db}: holds {have:,} events, fewer than --events {args.events:,}; remove it")
        sys.stderr.write(f"reusing {args.db} ({have:,} events)\n")
    else:
        sys.stderr.write(f"building {args.db}: coding {args.articles} reports, then replicating rows\n")
        built = build(args.db, args.articles, args.events, args.seed)
        sys.stderr.write(json.dumps(built) + "\n")
    s = samples(args.db, args.seed)

    port = free_port()
    server = subprocess.Popen([str(Path(sys.executable).parent / "dyad"), "serve", "--db", str(args.db),
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"error: dyad serve did not start: {server.stderr.read().decode() if server.stderr else ''}")
            time.sleep(0.2)
        cpu_before, load_before = cpu_seconds(server.pid), os.getloadavg()[0]
        results, wall = asyncio.run(load(url, args.clients, args.seconds, s, args.seed))
        cpu = cpu_seconds(server.pid) - cpu_before
        rss, load_after = peak_rss_mib(server.pid), os.getloadavg()[0]
    finally:
        server.terminate()
        server.wait(10)

    total = sum(len(r["times"]) for r in results.values())
    total_errors = sum(len(r["errors"]) for r in results.values())
    rows = []
    for label, r in results.items():
        times = r["times"]
        rows.append({"endpoint": label, "requests": len(times), "errors": len(r["errors"]),
                     "p50_ms": round(percentile(times, 0.50) * 1000, 1), "p95_ms": round(percentile(times, 0.95) * 1000, 1),
                     "p99_ms": round(percentile(times, 0.99) * 1000, 1),
                     "mean_ms": round(statistics.fmean(times) * 1000, 1) if times else None})
    summary = {"events": None, "clients": args.clients, "seconds": round(wall, 1), "requests": total,
               "requests_per_s": round(total / wall, 1), "errors": total_errors, "server_peak_rss_mib": rss,
               "server_cpu_ms_per_request": round(cpu * 1000 / max(total, 1), 1),
               "load_average": [round(load_before, 1), round(load_after, 1)],
               "build": built, "endpoints": rows}
    with duckdb.connect(str(args.db), read_only=True) as con:
        summary["events"] = con.execute("SELECT count(*) FROM events").fetchone()[0]
    print(f"{summary['events']:,} events · {args.clients} clients · {wall:.1f} s · {total:,} requests · "
          f"{total / wall:.1f} req/s · {total_errors} errors · server peak RSS {rss:.0f} MiB · server CPU "
          f"{summary['server_cpu_ms_per_request']} ms/request · load average {load_before:.1f} → {load_after:.1f} "
          f"on {os.cpu_count()} cores")
    print("| endpoint | requests | errors | p50 ms | p95 ms | p99 ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(f"| {row['endpoint']} | {row['requests']:,} | {row['errors']} | {row['p50_ms']} | {row['p95_ms']} | "
              f"{row['p99_ms']} |")
    for label, r in results.items():
        for error in r["errors"][:3]:
            print(f"error: {label}: {error}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
