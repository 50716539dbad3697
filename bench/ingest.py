"""Articles per second from a JSONL feed to a DuckDB file: `dyad ingest`, `dyad ingest --processes 2`, `dyad spark`.

    .venv/bin/python bench/ingest.py [--articles 10000] [--seed 7] [--master "local[2]"] [--no-spark]
                                     [--keep DIR] [--json]

Writes N generated reports (bench/throughput.py's corpus: the shipped examples with countries,
people and numbers swapped; the same seed gives the same corpus) to one JSONL file, then runs the
installed `dyad` command on it, one run at a time, each from a cold start:

1. `dyad ingest feed.jsonl --db ingest-1.duckdb` (one process);
2. `dyad ingest feed.jsonl --db ingest-2.duckdb --processes 2` (spaCy's n_process);
3. `dyad spark feed.jsonl --out spark/ --master local[2]`, then `dyad load spark/ --db spark.duckdb`.

For each: wall seconds, articles/s (with the start-up: model, knowledge base, JVM), CPU seconds
of the whole process tree (sampled from /proc every 0.5 s) and articles per CPU second, peak memory
(the largest single process, `ru_maxrss` from wait4, and the whole process tree, sampled Pss
summed over the command and all its descendants: the JVM and the Python workers for Spark), events
stored, and the DuckDB file size per 1,000 articles. The event counts of the three runs must
agree; the script says so when they do not. It only reports: nothing here checks a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
from throughput import TreeSampler, make_corpus  # bench/ is the script's folder, so on sys.path

DYAD = str(Path(sys.executable).with_name("dyad"))


def write_feed(path: Path, n: int, seed: int) -> int:
    with path.open("w", encoding="utf-8") as fh:
        for article in make_corpus(n, seed):
            fh.write(json.dumps({"id": article.id, "text": article.text, "date": article.date.isoformat(),
                                 "title": article.title, "source": article.source}) + "\n")
    return path.stat().st_size


class _Tree(TreeSampler):
    """TreeSampler rooted at one child process, which also adds up the CPU time of every process in the tree.

    CPU time is read from /proc/PID/stat (utime + stime) at each sample; a process's last sample
    counts, so the CPU a process spends after its last sample (< 0.5 s) is missed.
    """

    def __init__(self, pid: int, interval: float = 0.5):
        super().__init__(interval)
        self.pid = pid
        self.ticks: dict[int, int] = {}

    def _run(self) -> None:
        from throughput import _pss_kib, _tree

        while not self._stop.is_set():
            pids = _tree(self.pid)
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(p) for p in pids))
            for pid in pids:
                try:
                    with open(f"/proc/{pid}/stat") as fh:
                        fields = fh.read().rsplit(")", 1)[1].split()
                    self.ticks[pid] = int(fields[11]) + int(fields[12])
                except (OSError, IndexError, ValueError):
                    continue
            self._stop.wait(self.interval)

    @property
    def cpu_seconds(self) -> float:
        return sum(self.ticks.values()) / os.sysconf("SC_CLK_TCK")


def timed(command: list[str], log) -> dict:
    """Run a command; wall seconds, peak RSS of its largest process and peak Pss of its whole tree."""
    print("$ " + " ".join(command), file=log, flush=True)
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with _Tree(proc.pid) as tree:
        stderr = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    last = [line for line in stderr.splitlines() if line.strip()][-1:] or [""]
    print(f"  {seconds:.1f} s ({tree.cpu_seconds:.1f} s CPU), exit {proc.returncode}: {last[0]}", file=log, flush=True)
    if proc.returncode not in (0,):
        print(stderr[-3000:], file=log)
    cpu = max(tree.cpu_seconds, usage.ru_utime + usage.ru_stime)  # a JVM is not always reaped by its parent
    return {"seconds": seconds, "cpu_seconds": cpu, "exit": proc.returncode, "largest_process_mib": usage.ru_maxrss / 1024,
            "tree_pss_mib": tree.peak_kib / 1024, "load_before": load_before, "load_after": os.getloadavg()[0],
            "message": last[0]}


def counts(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "actors", "quotes", "flags", "failures")}
    finally:
        con.close()


def event_ids(db: Path) -> set[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT id FROM events").fetchall()}
    finally:
        con.close()


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*.parquet"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="example: .venv/bin/python bench/ingest.py --articles 2000")
    parser.add_argument("--articles", type=int, default=10_000, help="reports in the feed (default 10,000)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--master", default="local[2]", help="Spark master for the spark run (default local[2])")
    parser.add_argument("--no-spark", action="store_true", help="only the two ingest runs")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    parser.add_argument("--json", action="store_true", help="print one JSON line on stdout (the log goes to stderr)")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    log = sys.stderr
    work = args.keep or Path(tempfile.mkdtemp(prefix="dyad-bench-ingest-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        feed = work / "feed.jsonl"
        size = write_feed(feed, args.articles, args.seed)
        print(f"feed: {args.articles} articles, {size / 2**20:.1f} MiB → {feed}", file=log)
        runs = {}
        for name, extra in (("ingest, 1 process", []), ("ingest, --processes 2", ["--processes", "2"])):
            db = work / f"ingest-{len(runs) + 1}.duckdb"
            db.unlink(missing_ok=True)
            runs[name] = timed([DYAD, "ingest", str(feed), "--db", str(db), "-q", *extra], log)
            runs[name].update(db=db, db_bytes=db.stat().st_size, counts=counts(db))
        if not args.no_spark:
            out, db = work / "spark", work / "spark.duckdb"
            db.unlink(missing_ok=True)
            run = timed([DYAD, "spark", str(feed), "--out", str(out), "--master", args.master, "--force"], log)
            load = timed([DYAD, "load", str(out), "--db", str(db)], log)
            run.update(db=db, db_bytes=db.stat().st_size, counts=counts(db), parquet_bytes=folder_bytes(out),
                       load_seconds=load["seconds"], load_exit=load["exit"])
            runs[f"spark {args.master}"] = run
        n = args.articles
        first = next(iter(runs.values()))
        ids = event_ids(first["db"])
        for run in runs.values():
            run["articles_per_s"] = n / run["seconds"]
            run["db_mib_per_1k"] = run["db_bytes"] / 2**20 / n * 1000
            run["same_events_as_ingest"] = event_ids(run["db"]) == ids
            run["db"] = str(run["db"])
        result = {"date": dt.date.today().isoformat(),
                  "command": "bench/ingest.py " + " ".join(sys.argv[1:] if argv is None else argv),
                  "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
                  "articles": n, "feed_mib": size / 2**20, "runs": runs}
        print(render(result), file=log if args.json else sys.stdout)
        if args.json:
            print(json.dumps(result, sort_keys=True))
        return 0 if all(r["same_events_as_ingest"] and r["exit"] == 0 for r in runs.values()) else 1
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def render(r: dict) -> str:
    lines = [f"dyad ingest benchmark: {r['articles']} articles ({r['feed_mib']:.1f} MiB of JSONL), "
             f"{r['machine']['cpus']} CPUs",
             f"{'run':24}{'seconds':>9}{'art/s':>8}{'CPU s':>8}{'art/CPU s':>10}{'events':>8}{'same ids':>9}{'largest MiB':>12}{'tree MiB':>10}"
             f"{'DuckDB MiB/1k':>14}{'load avg':>10}"]
    for name, run in r["runs"].items():
        lines.append(f"{name:24}{run['seconds']:>9.1f}{run['articles_per_s']:>8.2f}{run['cpu_seconds']:>8.1f}"
                     f"{r['articles'] / run['cpu_seconds']:>10.2f}{run['counts']['events']:>8}"
                     f"{'yes' if run['same_events_as_ingest'] else 'NO':>9}{run['largest_process_mib']:>12.0f}"
                     f"{run['tree_pss_mib']:>10.0f}{run['db_mib_per_1k']:>14.2f}"
                     f"{run['load_before']:>5.1f}→{run['load_after']:<4.1f}")
    for name, run in r["runs"].items():
        if "parquet_bytes" in run:
            lines.append(f"{name}: Parquet output {run['parquet_bytes'] / 2**20 / r['articles'] * 1000:.2f} MiB per "
                         f"1,000 articles; `dyad load` took {run['load_seconds']:.1f} s")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
