"""Benchmark: what short store connections cost (docs/design.md, "Readers while a writer works").

The store opens the DuckDB file for every batch written and every query. This measures, on a
database of N stored articles, the time to open and close the file read-only, one read query
(`events` with a limit), and writing a batch of 1 and of 64 coded articles — each including its
own open and close. The articles are the shipped examples with their text varied so each one is
stored (content-hash dedup). No timing is asserted anywhere.

Usage: .venv/bin/python bench/store.py [--articles 2000] [--repeat 30]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from dyad.coding.pipeline import Coder
from dyad.sources.files import make_article
from dyad.store.database import Store

EXAMPLE = ("NAIROBI (Bench Wire) – Police in Nairobi arrested {n} protesters on Monday after a march against "
           "new taxes. Kenya's foreign minister met his Ugandan counterpart in Kampala to discuss border security.")


def coded_articles(coder: Coder, n: int) -> list:
    base = coder.code(make_article(EXAMPLE.format(n=0), id="b0"))
    return [replace(base, article=replace(base.article, id=f"b{i}", text=EXAMPLE.format(n=i))) for i in range(n)]


def timed(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    coder = Coder()
    pool = coded_articles(coder, args.articles + args.repeat * 65)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        store = Store(db)
        for start in range(0, args.articles, 500):
            store.write(pool[start:start + 500])
        rest = iter(pool[args.articles:])
        reader = Store(db, read_only=True)
        rows = {
            "open + close, read-only": timed(lambda: reader.meta("schema_version"), args.repeat),
            "events query, 100 rows (with open)": timed(lambda: reader.events(limit=100), args.repeat),
            "write 1 article (with open)": timed(lambda: store.write([next(rest)]), args.repeat),
            "write 64 articles (with open)": timed(lambda: store.write([next(rest) for _ in range(64)]), args.repeat),
        }
        size = db.stat().st_size / 1e6
    print(f"database of {args.articles} articles ({size:.1f} MB), median of {args.repeat} runs")
    for name, ms in rows.items():
        print(f"| {name} | {ms:.1f} ms |")


if __name__ == "__main__":
    main()
