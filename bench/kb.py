"""Benchmark: knowledge-base load time and memory, and the cost of resolving actor mentions.

Prints the time and resident memory to load the knowledge base (in a fresh process, so nothing
is cached), then parses the shipped example reports once and times, on the parsed documents,
(a) finding knowledge-base names and (b) resolving each noun phrase that names an actor and
its role on the article date — reported per 1,000 mentions. No timing is asserted anywhere. The
load's CPU time is printed beside the wall time: on a shared machine the wall time mostly
measures the other processes.

Usage: .venv/bin/python bench/kb.py [--repeat 20] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import date
from importlib import resources

LOAD = """
import resource, time, json
t, cpu = time.perf_counter(), time.process_time()
from dyad.kb.base import load_kb
kb = load_kb()
elapsed = time.perf_counter() - t
print(json.dumps({"seconds": elapsed, "cpu_seconds": time.process_time() - cpu, "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "names": len(kb.names), "tenures": len(kb.tenures)}))
"""
BASELINE = "import resource, json, yaml, pycountry; print(json.dumps(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))"


def measure_load() -> dict:
    loaded = json.loads(subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True).stdout)
    base = json.loads(subprocess.run([sys.executable, "-c", BASELINE], capture_output=True, text=True, check=True).stdout)
    loaded["rss_over_python_mib"] = loaded["rss_mib"] - base
    return loaded


def measure_resolution(repeat: int) -> dict:
    from dyad.coding.pipeline import Coder, parse_text
    from dyad.coding.resolve import ArticleMemory
    from dyad.sources.files import make_article

    coder = Coder()
    folder = resources.files("dyad.data").joinpath("examples")
    index = json.loads(folder.joinpath("index.json").read_text("utf-8"))
    docs = []
    for row in index:
        article = make_article(folder.joinpath(row["file"]).read_text("utf-8"), date_=date.fromisoformat(row["date"]))
        docs.append((article, coder.nlp(parse_text(article))))
    heads = [(doc, tok) for _, doc in docs for tok in doc
             if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "poss") and tok.pos_ in ("PROPN", "NOUN", "PRON")]
    t = time.perf_counter()
    for _ in range(repeat):
        mentions = {id(doc): coder.gazetteer.mentions(doc) for _, doc in docs}
    find_seconds = (time.perf_counter() - t) / repeat
    count = resolved = 0
    t = time.perf_counter()
    for _ in range(repeat):
        for (article, doc) in docs:
            memory = ArticleMemory()
            found = mentions[id(doc)]
            for tok in (h for d, h in heads if d is doc):
                actor = coder.resolver.resolve(tok, found, memory, [])
                count += 1
                if actor is not None:
                    coder.roles.at_date(actor, article.date)
                    resolved += 1
    resolve_seconds = (time.perf_counter() - t) / repeat
    per_pass = count / repeat
    return {"noun_phrases": int(per_pass), "actors": int(resolved / repeat),
            "find_names_ms_per_1000_mentions": 1000 * find_seconds / per_pass * 1000,
            "resolve_ms_per_1000_mentions": 1000 * resolve_seconds / per_pass * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = {"load": measure_load(), "resolution": measure_resolution(args.repeat),
              "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if args.json:
        print(json.dumps(result))
        return
    load, res = result["load"], result["resolution"]
    print(f"KB load (fresh process): {load['seconds']:.2f} s ({load['cpu_seconds']:.2f} s CPU), peak RSS {load['rss_mib']:.0f} MiB "
          f"({load['rss_over_python_mib']:.0f} MiB over Python with yaml+pycountry); {load['names']} names, {load['tenures']} tenures")
    print(f"Resolution: {res['noun_phrases']} noun phrases per pass ({res['actors']} actors): "
          f"find names {res['find_names_ms_per_1000_mentions']:.1f} ms / 1,000 mentions, "
          f"resolve + role at date {res['resolve_ms_per_1000_mentions']:.1f} ms / 1,000 mentions")


if __name__ == "__main__":
    main()
