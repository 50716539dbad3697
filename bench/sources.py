"""Benchmark: reading from the web — fetching and extracting pages, and `dyad watch` rounds.

Serves a feed of N pages from a local HTTP server (tests/site.py, on 127.0.0.1) and measures:
fetching and extracting every entry's page (no coding); a first `watch` round that fetches,
codes and stores all N; a second round after the server added 10% more items; a third round
that the ETag answers with 304. No timing is asserted anywhere.

Usage: .venv/bin/python bench/sources.py [--items 200]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.site import Site  # noqa: E402

from dyad.coding.pipeline import Coder  # noqa: E402
from dyad.sources import FetchSettings, SourceOptions, UrlOptions, reader  # noqa: E402
from dyad.sources.watch import watch  # noqa: E402
from dyad.store.database import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=200)
    args = parser.parse_args()
    site = Site(items=args.items).start()
    options = SourceOptions(urls=UrlOptions(fetch=FetchSettings(allow_private=True)))
    try:
        start = time.perf_counter()
        with reader(options) as read:  # one HTTP client for all pages, as the CLI does
            articles = list(read(site.url("/feed.xml"), {}))
        fetched = time.perf_counter() - start
        print(f"fetch + extract {len(articles)} pages: {fetched:.2f} s ({1000 * fetched / len(articles):.1f} ms a page)")
        coder = Coder()
        with tempfile.TemporaryDirectory() as folder:
            store = Store(Path(folder) / "bench.duckdb")
            for label, items in (("round 1", args.items), ("round 2 (+10%)", args.items + args.items // 10),
                                 ("round 3 (304)", args.items + args.items // 10)):
                site.items = items
                start = time.perf_counter()
                [report] = watch([site.url("/feed.xml")], store, lambda: coder, options, {}, every=0, rounds=1)
                took = time.perf_counter() - start
                print(f"watch {label}: {report.line()} in {took:.2f} s"
                      + (f" ({1000 * took / report.coded:.0f} ms an article)" if report.coded else ""))
    finally:
        site.stop()


if __name__ == "__main__":
    main()
