"""Throughput and memory of dyad against the spaCy parse it is built on.

    .venv/bin/python bench/throughput.py --articles 500 [--batch-size 64] [--processes 1] [--seed 7]
                                         [--repeat 1] [--json] [--profile]

Builds a corpus of N reports from the shipped examples (countries, demonyms, capitals, people and
numbers swapped, paragraphs shuffled, publication dates shifted; the same seed gives the same
corpus), then measures, in this order:

1. loading: the model, the knowledge base, the event model (second opinion, `DYAD_MODEL=on`) and the
   rest of `Coder()`;
2. after a warm-up on a few articles, the spaCy pipeline alone on the same texts
   (`coder.nlp.pipe`, docs consumed and dropped);
3. dyad end to end (`coder.code_many`) with the same batch size and processes
   (2 and 3 alternate --repeat times; medians are reported);
4. resolution cost: on docs parsed beforehand (untimed), the time spent in
   `coder.gazetteer.mentions` and `coder.extractor.extract` per 1,000 actor mentions, and the rest
   of `code_article`;
5. peak RSS (`ru_maxrss`) of this process and, with --processes > 1, of the spaCy workers, and
   how busy other processes kept the machine while the passes were timed.

It only reports: no number here is checked against a target. docs/benchmarks.md says what each
number means and keeps results.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import random
import re
import resource
import statistics
import sys
import threading
import time
from importlib import resources
from pathlib import Path

import spacy

from dyad.coding.parse import MODEL, load_nlp
from dyad.coding.pipeline import Coder, code_article, default_model, parse_text
from dyad.kb.base import load_kb
from dyad.language import looks_english
from dyad.records import Article, Failure
from dyad.sources.files import make_article

# (name, demonym, capital). The first block covers every country the shipped examples name;
# the second only ever appears as a substitute. All are names the knowledge base knows.
COUNTRIES = [
    ("Kenya", "Kenyan", "Nairobi"), ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Peru", "Peruvian", "Lima"),
    ("Sudan", "Sudanese", "Khartoum"), ("Belarus", "Belarusian", "Minsk"), ("Poland", "Polish", "Warsaw"),
    ("Lithuania", "Lithuanian", "Vilnius"), ("Latvia", "Latvian", "Riga"), ("Hungary", "Hungarian", "Budapest"),
    ("Russia", "Russian", "Moscow"), ("Ukraine", "Ukrainian", "Kyiv"), ("Syria", "Syrian", "Damascus"),
    ("Turkey", "Turkish", "Ankara"), ("China", "Chinese", "Beijing"), ("Zimbabwe", "Zimbabwean", "Harare"),
    ("Yemen", "Yemeni", "Sanaa"), ("Oman", "Omani", "Muscat"), ("Kazakhstan", "Kazakh", "Astana"),
    ("Kyrgyzstan", "Kyrgyz", "Bishkek"), ("Tajikistan", "Tajik", "Dushanbe"),
    ("Turkmenistan", "Turkmen", "Ashgabat"), ("Uzbekistan", "Uzbek", "Tashkent"),
    ("Afghanistan", "Afghan", "Kabul"),
    # substitutes only
    ("Ghana", "Ghanaian", "Accra"), ("Nigeria", "Nigerian", "Abuja"), ("Senegal", "Senegalese", "Dakar"),
    ("Colombia", "Colombian", "Bogota"), ("Chile", "Chilean", "Santiago"), ("Ecuador", "Ecuadorian", "Quito"),
    ("Armenia", "Armenian", "Yerevan"), ("Azerbaijan", "Azerbaijani", "Baku"), ("Serbia", "Serbian", "Belgrade"),
    ("Romania", "Romanian", "Bucharest"), ("Moldova", "Moldovan", "Chisinau"), ("Uganda", "Ugandan", "Kampala"),
    ("Mali", "Malian", "Bamako"), ("Pakistan", "Pakistani", "Islamabad"), ("Bangladesh", "Bangladeshi", "Dhaka"),
    ("Iraq", "Iraqi", "Baghdad"), ("Libya", "Libyan", "Tripoli"), ("Tunisia", "Tunisian", "Tunis"),
    ("Algeria", "Algerian", "Algiers"), ("Venezuela", "Venezuelan", "Caracas"), ("Zambia", "Zambian", "Lusaka"),
    ("Mozambique", "Mozambican", "Maputo"), ("Nepal", "Nepalese", "Kathmandu"), ("Egypt", "Egyptian", "Cairo"),
    ("Morocco", "Moroccan", "Rabat"), ("Indonesia", "Indonesian", "Jakarta"), ("Thailand", "Thai", "Bangkok"),
    ("Vietnam", "Vietnamese", "Hanoi"), ("Cambodia", "Cambodian", "Phnom Penh"), ("Austria", "Austrian", "Vienna"),
    ("Bulgaria", "Bulgarian", "Sofia"), ("Honduras", "Honduran", "Tegucigalpa"),
]
# People the examples name, and names to put in their place (first, last).
PEOPLE = [("Tendai", "Moyo"), ("Rosa", "Quispe")]
NAMES = [
    ("Amina", "Diallo"), ("Carlos", "Mendoza"), ("Farida", "Haidari"), ("Joseph", "Okello"), ("Lucia", "Fernandez"),
    ("Nadia", "Petrova"), ("Samuel", "Mensah"), ("Grace", "Wanjiru"), ("Olena", "Kovalenko"), ("Tariq", "Saleh"),
    ("Mariam", "Tursunova"), ("Daniel", "Mutasa"), ("Ines", "Carrasco"), ("Pavel", "Sidorov"), ("Aisha", "Bello"),
]
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})*\b")
_MONTH_BEFORE = re.compile(r"(?:" + "|".join(MONTHS) + r")\s+$")


# --- corpus -------------------------------------------------------------------------------------
def load_examples() -> list[dict]:
    folder = Path(str(resources.files("dyad.data").joinpath("examples")))
    index = json.loads((folder / "index.json").read_text("utf-8"))
    for entry in index:
        entry["text"] = (folder / entry["file"]).read_text("utf-8")
    return index


def _swap_table(text: str, rng: random.Random) -> dict[str, str]:
    """Surface form → replacement, for every country and person the text names."""
    table: dict[str, str] = {}
    present = [c for c in COUNTRIES if any(re.search(rf"\b{re.escape(form)}\b", text, re.IGNORECASE) for form in c)]
    targets = rng.sample(COUNTRIES, len(present))
    for (name, demonym, capital), (new_name, new_demonym, new_capital) in zip(present, targets):
        table.update({name: new_name, demonym: new_demonym, capital: new_capital, capital.upper(): new_capital.upper()})
    for (first, last), (new_first, new_last) in zip(PEOPLE, rng.sample(NAMES, len(PEOPLE))):
        table.update({f"{first} {last}": f"{new_first} {new_last}", last: new_last})
    return table


def _substitute(text: str, table: dict[str, str]) -> str:
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda m: table[m.group(0)], text)


def _vary_numbers(text: str, rng: random.Random) -> str:
    """Counts change; years and days of the month ("June 5") stay."""
    def repl(m: re.Match) -> str:
        value = int(m.group(0).replace(",", ""))
        if 1900 <= value <= 2099 and "," not in m.group(0):
            return m.group(0)
        if _MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return m.group(0)
        new = max(2, round(value * rng.uniform(0.5, 2.0)))
        return f"{new:,}" if value >= 1000 else str(new)
    return _NUMBER.sub(repl, text)


def _shuffle_paragraphs(text: str, rng: random.Random) -> str:
    """The lead (with its dateline) stays first; the other paragraphs change order."""
    paragraphs = [p for p in text.strip().split("\n\n") if p.strip()]
    rest = paragraphs[1:]
    rng.shuffle(rest)
    return "\n\n".join([paragraphs[0], *rest]) + "\n"


def make_corpus(n: int, seed: int) -> list[Article]:
    """N articles; article i depends only on (seed, i), so a larger N extends a smaller one."""
    examples = load_examples()
    articles = []
    for i in range(n):
        example = examples[i % len(examples)]
        rng = random.Random(f"{seed}:{i}")
        table = _swap_table(example["text"] + " " + example["title"], rng)
        text = _shuffle_paragraphs(_vary_numbers(_substitute(example["text"], table), rng), rng)
        published = dt.date.fromisoformat(example["date"]) + dt.timedelta(days=rng.randint(-1500, 1500))
        articles.append(make_article(
            text, id=f"bench-{seed}-{i:05d}", date_=published, title=_substitute(example["title"], table),
            source=example["source"], where=f"bench:{i}",
        ))
    return articles


# --- memory -------------------------------------------------------------------------------------
def rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size (ru_maxrss, KiB on Linux) in MiB."""
    return resource.getrusage(who).ru_maxrss / 1024


class TreeSampler:
    """Samples the memory of this process plus all its descendants (from /proc) and keeps the peak.

    Uses the proportional set size (Pss in /proc/PID/smaps_rollup): a page shared by the parent
    and its forked workers is split between them, so the sum is what the process tree really
    holds. Falls back to VmRSS (which counts shared pages once per process) where Pss is missing.
    """

    def __init__(self, interval: float = 0.5):
        self.interval = interval
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeSampler:
        if Path("/proc/self/status").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            total = sum(_pss_kib(pid) for pid in _tree(os.getpid()))
            self.peak_kib = max(self.peak_kib, total)
            self._stop.wait(self.interval)


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            continue
    return out


def _pss_kib(pid: int) -> int:
    for path, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            with open(path) as fh:
                for line in fh:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


# --- stage timing -------------------------------------------------------------------------------
class StageTimer:
    """Wraps `gazetteer.mentions`, `extractor.extract` and `resolver.resolve` on one Coder.

    The wrappers are instance attributes, so nothing in dyad changes; `resolver.resolve` calls
    itself, and only the outermost call of a stage is timed.
    """

    def __init__(self, coder: Coder):
        self.coder = coder
        self.seconds = {"mentions": 0.0, "extract": 0.0, "resolve": 0.0}
        self.calls = {"mentions": 0, "extract": 0, "resolve": 0}
        self._depth = {"mentions": 0, "extract": 0, "resolve": 0}

    def _wrap(self, owner, name: str, stage: str) -> None:
        inner = getattr(owner, name)

        def timed(*args, **kwargs):
            outer = self._depth[stage] == 0
            self._depth[stage] += 1
            start = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                self._depth[stage] -= 1
                if outer:
                    self.seconds[stage] += time.perf_counter() - start
                    self.calls[stage] += 1

        setattr(owner, name, timed)

    def install(self) -> None:
        self._wrap(self.coder.gazetteer, "mentions", "mentions")
        self._wrap(self.coder.extractor, "extract", "extract")
        self._wrap(self.coder.resolver, "resolve", "resolve")

    def uninstall(self) -> None:
        for owner, name in ((self.coder.gazetteer, "mentions"), (self.coder.extractor, "extract"),
                            (self.coder.resolver, "resolve")):
            owner.__dict__.pop(name, None)


# --- passes -------------------------------------------------------------------------------------
def warm_up(coder: Coder, articles: list[Article], batch_size: int) -> None:
    for _ in coder.code_many(articles, batch_size=batch_size, n_process=1):
        pass


def cpu_seconds() -> float:
    """User + system CPU time of this process and of its children that have been waited for."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def machine_busy_seconds() -> float | None:
    """CPU seconds all processes on the machine have used since boot (/proc/stat), or None."""
    try:
        with open("/proc/stat") as fh:
            ticks = [int(v) for v in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)
    return (sum(ticks[:8]) - idle) / os.sysconf("SC_CLK_TCK")


class Clock:
    """Wall and CPU time of a pass, and how many CPUs other processes on the machine kept busy."""

    def __enter__(self) -> Clock:
        self.busy, self.cpu, self.start = machine_busy_seconds(), cpu_seconds(), time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.perf_counter() - self.start
        self.cpu_s = cpu_seconds() - self.cpu
        busy = machine_busy_seconds()
        self.other_cpus = None if busy is None or self.busy is None else \
            max(0.0, (busy - self.busy - self.cpu_s) / self.seconds)

    def as_dict(self) -> dict:
        return {"seconds": self.seconds, "cpu_s": self.cpu_s, "other_cpus": self.other_cpus}


def parse_pass(coder: Coder, texts: list[str], batch_size: int, n_process: int) -> dict:
    n = 0
    with Clock() as clock:
        for _doc in coder.nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            n += 1
    return dict(clock.as_dict(), docs=n)


def full_pass(coder: Coder, articles: list[Article], batch_size: int, n_process: int) -> dict:
    events = actors = failures = coded = 0
    with Clock() as clock:
        for result in coder.code_many(articles, batch_size=batch_size, n_process=n_process):
            if isinstance(result, Failure):
                failures += 1
                continue
            coded += 1
            events += len(result.events)
            actors += sum(len(e.actor) + len(e.recipient) for e in result.events)
    return dict(clock.as_dict(), coded=coded, failures=failures, events=events, actor_mentions=actors)


def resolution_pass(coder: Coder, articles: list[Article], texts: list[str], batch_size: int, n_process: int,
                    profile: bool) -> tuple[dict, str | None]:
    """Parse everything first (untimed; the workers are gone before timing starts), then time what
    `code_many` does with each doc; optionally profile it."""
    timer = StageTimer(coder)
    profiler = cProfile.Profile() if profile else None
    sentences = actors = events = 0
    code_seconds = code_cpu = 0.0
    docs = list(coder.nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
    for article, doc in zip(articles, docs):
        sentences += sum(1 for s in doc.sents if s.text.strip())
        timer.install()
        cpu, start = time.process_time(), time.perf_counter()
        coded = code_article(article, doc, coder) if looks_english(article.text) else None
        code_seconds += time.perf_counter() - start
        code_cpu += time.process_time() - cpu
        timer.uninstall()
        if coded is None:
            continue
        events += len(coded.events)
        actors += sum(len(e.actor) + len(e.recipient) for e in coded.events)
        if profiler is not None:  # a second, untimed run under the profiler
            profiler.enable()
            code_article(article, doc, coder)
            profiler.disable()
    found = timer.seconds["mentions"] + timer.seconds["extract"]
    result = {
        "sentences": sentences, "events": events, "actor_mentions": actors,
        "code_article_s": code_seconds, "code_article_cpu_s": code_cpu, "mentions_s": timer.seconds["mentions"],
        "extract_s": timer.seconds["extract"], "resolve_s": timer.seconds["resolve"],
        "resolve_calls": timer.calls["resolve"],
        "rest_s": code_seconds - found,
        "ms_per_1k_actor_mentions": 1e6 * found / actors if actors else None,
    }
    report = None
    if profiler is not None:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative").print_stats(10)
        report = out.getvalue()
    return result, report


# --- main ---------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="example: .venv/bin/python bench/throughput.py --articles 500 --processes 2")
    parser.add_argument("--articles", type=int, default=500, help="reports in the generated corpus (default 500)")
    parser.add_argument("--batch-size", type=int, default=64, help="nlp.pipe / code_many batch size (default 64)")
    parser.add_argument("--processes", type=int, default=1, help="n_process for both passes (default 1)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the two timed passes this many times, alternating; medians are reported (default 1)")
    parser.add_argument("--json", action="store_true", help="print one JSON line on stdout (the table goes to stderr)")
    parser.add_argument("--profile", action="store_true",
                        help="also cProfile dyad's own work on parsed docs; top 10 by cumulative time to stderr")
    args = parser.parse_args(argv)
    if min(args.articles, args.batch_size, args.processes, args.repeat) < 1:
        parser.error("--articles, --batch-size, --processes and --repeat must be at least 1")
    log = sys.stderr

    t0 = time.perf_counter()
    nlp = load_nlp()
    t1 = time.perf_counter()
    kb = load_kb()
    t2 = time.perf_counter()
    event_model = default_model()  # the second opinion: on with DYAD_MODEL=on or when its card enables it
    t2m = time.perf_counter()
    coder = Coder(nlp=nlp, kb=kb, model=event_model)
    t3 = time.perf_counter()
    load = {"model_s": t1 - t0, "kb_s": t2 - t1, "event_model_s": t2m - t2, "rest_s": t3 - t2m, "total_s": t3 - t0,
            "event_model": event_model.coder if event_model is not None else None}
    rss_loaded = rss_mib()

    articles = make_corpus(args.articles, args.seed)
    texts = [parse_text(a) for a in articles]
    print(f"corpus: {len(articles)} articles, {sum(len(t) for t in texts):,} characters; warming up", file=log)
    warm_up(coder, articles[: min(8, len(articles))], args.batch_size)

    parses, fulls = [], []
    with TreeSampler() as tree:
        for round_ in range(1, args.repeat + 1):
            print(f"round {round_}/{args.repeat}: spaCy pipeline alone", file=log)
            parses.append(parse_pass(coder, texts, args.batch_size, args.processes))
            rss_parse = rss_mib()
            print(f"round {round_}/{args.repeat}: dyad end to end", file=log)
            fulls.append(full_pass(coder, articles, args.batch_size, args.processes))
            rss_full = rss_mib()
    rss_peak, rss_children = rss_mib(), rss_mib(resource.RUSAGE_CHILDREN)
    print("resolution cost on parsed docs", file=log)
    res, profile_report = resolution_pass(coder, articles, texts, args.batch_size, args.processes, args.profile)

    n, sents = len(articles), res["sentences"]
    parse_s = statistics.median(p["seconds"] for p in parses)
    full = dict(fulls[-1], seconds=statistics.median(f["seconds"] for f in fulls),
                cpu_s=statistics.median(f["cpu_s"] for f in fulls))
    parse_cpu = statistics.median(p["cpu_s"] for p in parses)
    others = [r["other_cpus"] for r in parses + fulls if r["other_cpus"] is not None]
    parsed = parses[-1]["docs"]
    overhead = 100.0 * (full["seconds"] - parse_s) / parse_s
    result = {
        "date": dt.date.today().isoformat(),
        "command": "bench/throughput.py " + " ".join(sys.argv[1:] if argv is None else argv),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "spacy": spacy.__version__,
                    "model": MODEL},
        "articles": n, "batch_size": args.batch_size, "processes": args.processes, "seed": args.seed,
        "repeat": args.repeat,
        "sentences": sents, "parsed_docs": parsed,
        "load": load,
        "parse": {"seconds": parse_s, "sentences_per_s": sents / parse_s, "articles_per_s": n / parse_s,
                  "cpu_s": parse_cpu, "runs_s": [p["seconds"] for p in parses]},
        "dyad": {"seconds": full["seconds"], "sentences_per_s": sents / full["seconds"],
                 "articles_per_s": n / full["seconds"], "events": full["events"],
                 "actor_mentions": full["actor_mentions"], "failures": full["failures"],
                 "cpu_s": full["cpu_s"], "runs_s": [f["seconds"] for f in fulls]},
        "dyad_over_parse_speed": parse_s / full["seconds"],
        "overhead_pct": overhead,
        "overhead_cpu_pct": 100.0 * (full["cpu_s"] - parse_cpu) / parse_cpu,
        "overhead_own_work_pct": 100.0 * res["code_article_s"] / parse_s,
        "resolution": res,
        "other_load_cpus": max(others) if others else None,
        "rss_mib": {"after_load": rss_loaded, "after_parse": rss_parse, "after_full": rss_full,
                    "peak_self": rss_peak, "after_resolution_pass": rss_mib(),
                    "peak_largest_child": rss_children if args.processes > 1 else None,
                    "peak_tree_pss": tree.peak_kib / 1024 if args.processes > 1 else None},
    }

    out = log if args.json else sys.stdout
    print(render(result), file=out)
    if profile_report:
        print("cProfile of code_article on parsed docs (second run, top 10 by cumulative time):", file=log)
        print(profile_report, file=log)
    if args.json:
        print(json.dumps(result, sort_keys=True))
    return 0


def render(r: dict) -> str:
    p, d, res, m, ld = r["parse"], r["dyad"], r["resolution"], r["rss_mib"], r["load"]
    lines = [
        f"dyad throughput: {r['articles']} articles, {r['sentences']} sentences, batch {r['batch_size']}, "
        f"{r['processes']} process(es), seed {r['seed']}",
        f"{'':24}{'seconds':>9}{'sent/s':>9}{'art/s':>9}{'CPU s':>9}",
        f"{'spaCy pipeline alone':24}{p['seconds']:>9.2f}{p['sentences_per_s']:>9.1f}{p['articles_per_s']:>9.2f}"
        f"{p['cpu_s']:>9.2f}",
        f"{'dyad end to end':24}{d['seconds']:>9.2f}{d['sentences_per_s']:>9.1f}{d['articles_per_s']:>9.2f}"
        f"{d['cpu_s']:>9.2f}",
        f"dyad speed / parse speed: {r['dyad_over_parse_speed']:.3f}; overhead over the parse: "
        f"{r['overhead_pct']:+.1f}% wall, {r['overhead_cpu_pct']:+.1f}% CPU, "
        f"{r['overhead_own_work_pct']:+.1f}% from dyad's own work timed on parsed docs",
        f"events: {d['events']} ({d['actor_mentions']} actor mentions, {d['failures']} failures)",
        f"dyad's own work on parsed docs: {res['code_article_s']:.2f} s ({res['code_article_cpu_s']:.2f} s CPU, "
        f"{1000 * res['code_article_s'] / r['articles']:.1f} ms/article): mentions {res['mentions_s']:.2f} s, "
        f"extract {res['extract_s']:.2f} s (of which resolve {res['resolve_s']:.2f} s, "
        f"{res['resolve_calls']} calls), rest {res['rest_s']:.2f} s",
        "resolution cost (mentions + extract): "
        + (f"{res['ms_per_1k_actor_mentions']:.1f} ms per 1,000 actor mentions"
           if res["ms_per_1k_actor_mentions"] is not None else "n/a (no actor mentions)"),
        f"load: {ld['total_s']:.2f} s (model {ld['model_s']:.2f}, KB {ld['kb_s']:.2f}, "
        f"event model {ld['event_model_s']:.2f} ({ld['event_model'] or 'off'}), rest of Coder() {ld['rest_s']:.2f})",
        f"peak RSS: {m['peak_self']:.0f} MiB this process (after load {m['after_load']:.0f}, "
        f"after parse {m['after_parse']:.0f}, after dyad {m['after_full']:.0f}; "
        f"{m['after_resolution_pass']:.0f} after the resolution pass, which holds all docs)",
    ]
    if r["other_load_cpus"] is not None:
        lines.append(f"other processes on the machine kept up to {r['other_load_cpus']:.2f} of "
                     f"{r['machine']['cpus']} CPUs busy during the timed passes")
    if m["peak_largest_child"] is not None:
        lines.append(f"peak RSS of workers: largest child {m['peak_largest_child']:.0f} MiB (RUSAGE_CHILDREN); "
                     f"whole process tree {m['peak_tree_pss']:.0f} MiB (sampled Pss, shared pages split)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
