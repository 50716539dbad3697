"""Long reports: wall time and peak memory of coding one report of 10 KB … 1 MB.

    .venv/bin/python bench/longtext.py [--sizes 10000,50000,100000,200000,400000,999000] [--seed 7] [--json]

Builds one report of each size from the paragraphs of the throughput corpus (`throughput.make_corpus`:
the shipped examples with countries, people and numbers swapped and paragraphs shuffled), cut at a
paragraph boundary just under the size. Each size is coded in a fresh subprocess (`--one SIZE`),
so `ru_maxrss` is the peak of that size alone; the subprocess loads the model and the knowledge
base, parses the report (`Coder.parse`), then codes it (`code_article`), and times both, with the
CPU seconds they took and how many CPUs other processes kept busy meanwhile.

It only reports: no number here is checked against a target. docs/benchmarks.md keeps results.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

from throughput import Clock, make_corpus

from dyad.records import Article
from dyad.sources.files import MAX_CHARS, make_article

SIZES = (10_000, 50_000, 100_000, 200_000, 400_000, 999_000)


def make_long_report(size: int, seed: int = 7) -> Article:
    """One report of at most `size` characters: the lead article's dateline, then whole paragraphs."""
    if not 0 < size <= MAX_CHARS:
        raise ValueError(f"size {size} is not in 1…{MAX_CHARS}")
    paragraphs: list[str] = []
    length, n, i = 0, 0, 0
    corpus: list[Article] = []
    while True:
        if i == len(corpus):
            n = max(16, 2 * n)
            corpus = make_corpus(n, seed)  # article i depends only on (seed, i): a larger N extends a smaller one
        article = corpus[i]
        body = article.text if i == 0 else article.text[article.body_start:]
        for paragraph in (p.strip() for p in body.split("\n\n")):
            if not paragraph:
                continue
            if length + len(paragraph) + 2 > size:
                first = corpus[0]
                return make_article("\n\n".join(paragraphs) + "\n", id=f"long-{seed}-{size}", date_=first.date,
                                    title=first.title, source=first.source, where=f"longtext:{size}")
            paragraphs.append(paragraph)
            length += len(paragraph) + 2
        i += 1


def measure_one(size: int, seed: int) -> dict:
    """Load, parse and code one report of `size` characters in this process."""
    from dyad.coding.pipeline import Coder, code_article

    t0 = time.perf_counter()
    coder = Coder()
    t1 = time.perf_counter()
    rss_loaded = _rss_mib()
    article = make_long_report(size, seed)
    with Clock() as clock:
        t2 = time.perf_counter()
        doc = coder.parse(article)
        t3 = time.perf_counter()
        rss_parsed = _rss_mib()
        coded = code_article(article, doc, coder)
        t4 = time.perf_counter()
    return {
        "size": size, "chars": len(article.text), "tokens": len(doc),
        "sentences": sum(1 for s in doc.sents if s.text.strip()), "entities": len(doc.ents),
        "events": len(coded.events), "flags": len(coded.flags), "quotes": len(coded.quotes),
        "load_s": t1 - t0, "parse_s": t3 - t2, "code_s": t4 - t3, "total_s": t4 - t2,
        "cpu_s": clock.cpu_s, "other_cpus": clock.other_cpus,
        "rss_mib": {"after_load": rss_loaded, "after_parse": rss_parsed, "peak": _rss_mib()},
    }


def _rss_mib() -> float:
    """Peak resident set size of this process (ru_maxrss, KiB on Linux) in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="example: .venv/bin/python bench/longtext.py --sizes 10000,100000")
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES),
                        help="report sizes in characters, comma-separated (default: 10 KB … just under 1 MB)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--json", action="store_true", help="one JSON line on stdout (the table goes to stderr)")
    parser.add_argument("--one", type=int, metavar="SIZE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(measure_one(args.one, args.seed)))
        return 0
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes must be whole numbers separated by commas, not {args.sizes!r}")
    if not sizes or not all(0 < s <= MAX_CHARS for s in sizes):
        parser.error(f"--sizes must be between 1 and {MAX_CHARS:,} characters")

    rows = []
    for size in sizes:
        print(f"coding a {size:,}-character report in a fresh process", file=sys.stderr)
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--one", str(size), "--seed", str(args.seed)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    result = {
        "date": dt.date.today().isoformat(),
        "command": "bench/longtext.py " + " ".join(sys.argv[1:] if argv is None else argv),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "seed": args.seed, "runs": rows,
    }
    print(render(result), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(result, sort_keys=True))
    return 0


def render(result: dict) -> str:
    lines = [
        "| characters | tokens | sentences | entities | events | parse s | code s | total s | CPU s | other load "
        "| peak RSS MiB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in result["runs"]:
        lines.append(f"| {r['chars']:,} | {r['tokens']:,} | {r['sentences']:,} | {r['entities']:,} | {r['events']:,} "
                     f"| {r['parse_s']:.1f} | {r['code_s']:.1f} | {r['total_s']:.1f} | {r['cpu_s']:.1f} "
                     f"| {_cpus(r['other_cpus'])} | {r['rss_mib']['peak']:,.0f} |")
    return "\n".join(lines)


def _cpus(value: float | None) -> str:
    return "?" if value is None else f"{value:.2f} CPU"


if __name__ == "__main__":
    sys.exit(main())
