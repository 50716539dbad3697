"""The `dyad` command line: a thin layer over the library (typer + rich).

Data goes to stdout (briefs or JSON lines), messages and progress to stderr. Exit codes: 0
success, 1 a runtime or data failure (one line naming the input and the reason), 2 usage.
Listings (`events`, `flags`, `actors`, `eval`, `kb stats`) print a table on a terminal and
tab-separated rows with a header line when stdout is a pipe or a file, never cut to a width.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from importlib import metadata, resources
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from typer.core import TyperArgument, TyperCommand, TyperGroup

from dyad.errors import EngineError, InputError, StoreError
from dyad.records import Article, CodedArticle, Failure, Notice, article_id, coded_to_dict


class _Help:
    """Help that reads like the commands: flags as `--json` (no `<bool>`), arguments as `PATH...`."""

    def get_params(self, ctx):
        params = super().get_params(ctx)
        for param in params:
            if getattr(param, "is_flag", False):
                param.metavar = ""  # typer's rich help would print the flag's type, <bool>
        return params

    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = param.metavar or param.name.upper()
                if param.nargs != 1 and not name.endswith("..."):
                    name += "..."
                pieces.append(name if param.required else f"[{name}]")
        return pieces


class Command(_Help, TyperCommand):
    pass


class Group(_Help, TyperGroup):
    def collect_usage_pieces(self, ctx) -> list[str]:
        return [*super().collect_usage_pieces(ctx), self.subcommand_metavar]


def _typer(**kwargs) -> typer.Typer:
    return typer.Typer(cls=Group, no_args_is_help=True, add_completion=False, rich_markup_mode="rich", **kwargs)


app = _typer(epilog="Example: dyad code report.txt --date 2024-11-04   ·   dyad ingest reports/ --db events.duckdb")
out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"dyad {metadata.version('dyad')}\n")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """dyad: news reports into PLOVER event data, with the evidence for every record."""

DEFAULT_DB = Path("dyad.duckdb")
DEMO_DB = Path("demo.duckdb")
DEMO_MARK = "created_by_demo"


def _wait_option(default: float):
    return typer.Option(default, "--wait", metavar="SECONDS", min=0,
                        help="How long to wait for a database another process is writing to.")


def _say(message: str) -> None:
    """A message line on stderr, never wrapped (scripts and tests read it whole)."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def _fail(message: str, code: int = 1) -> None:
    _say(f"error: {message}")
    raise typer.Exit(code)


def _date_option(value: Optional[str], name: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"{name} {value!r} is not an ISO date (YYYY-MM-DD)", 2)


KB_EXTRA = typer.Option(None, "--kb-extra", envvar="DYAD_KB_EXTRA",
                        help="Your own knowledge-base rows (YAML: persons, offices, tenures, groups); they win.")


def _kb(extra: Optional[Path] = None):
    from dyad.kb.base import load_kb

    if extra is not None and not extra.exists():
        _fail(f"{extra}: no such knowledge-base file")
    try:
        return load_kb(extra=str(extra) if extra else None)
    except EngineError as exc:
        _fail(str(exc))


def _coder(extra: Optional[Path] = None):
    from dyad.coding.pipeline import Coder

    return Coder(kb=_kb(extra))


def _read_inputs(paths: list[str], meta: dict, options=None, known=None) -> tuple[list, list[InputError]]:
    """Articles and input errors from paths, URLs and folders ('-' is standard input); notices go to stderr.

    `options` are `dyad.sources.SourceOptions`; `known(article_id)` tells a stored article, whose
    page is then not fetched again.
    """
    from dyad.sources import SourceOptions, reader
    from dyad.sources.files import decode, make_article, read_jsonl

    articles, errors = [], []
    with reader(options or SourceOptions(), known) as read:
        for raw in paths:
            if raw == "-":
                try:
                    text, notice = decode(sys.stdin.buffer.read(), "<stdin>")
                    items = [notice] if notice else []
                    if text.lstrip().startswith("{"):
                        items += list(read_jsonl(None, text, **meta))
                    else:
                        items.append(make_article(text, where="<stdin>", **meta))
                except InputError as exc:
                    items = [exc]
            else:
                items = list(read(raw, meta))
            for item in items:
                if isinstance(item, Notice):
                    _say(f"warning: {item.message}")
                else:
                    (errors if isinstance(item, InputError) else articles).append(item)
            _say_undated(raw, [i for i in items if isinstance(i, Article) and i.date is None])
    return articles, errors


def _say_undated(raw: str, undated: list[Article]) -> None:
    """Say which date relative expressions were read against when an input has none: none at all."""
    if not undated:
        return
    what = undated[0].origin if len(undated) == 1 else f"{raw}: {len(undated)} articles"
    _say(f"note: {what}: no publication date (give --date); relative dates such as \"Monday\" are not "
         f"resolved and events without a date of their own get date_precision \"unknown\"")


PATHS_HELP = ("Report files or folders (.txt, .html, .jsonl, .csv, .tsv, .parquet, .warc, .warc.gz, .rss, .atom; "
              "folders walked recursively), http(s) URLs of pages or feeds, or '-' for standard input.")
META_HELP = " (.txt and .html: this value; .jsonl: for lines without one)."
DATE = typer.Option(None, "--date", help="Publication date, YYYY-MM-DD" + META_HELP)
TITLE = typer.Option(None, "--title", help="Title" + META_HELP)
URL = typer.Option(None, "--url", help="URL" + META_HELP)
SOURCE = typer.Option(None, "--source", help="Outlet" + META_HELP)


# --- sources: URLs, feeds, tables (dyad.sources) ---------------------------------------------------
URLS = typer.Option(None, "--urls", metavar="FILE", help="A file of http(s) URLs (pages or feeds), one a line.")
ALLOW_PRIVATE = typer.Option(False, "--allow-private",
                             help="Fetch from loopback, private and link-local addresses (refused by default).")
SUMMARIES_ONLY = typer.Option(False, "--summaries-only", help="Feeds: code each entry's summary, do not fetch its page.")
SINCE_ENTRIES = typer.Option(None, "--since", help="Feeds: only entries published on or after this date (YYYY-MM-DD).")
TIMEOUT = typer.Option(20.0, "--timeout", metavar="SECONDS", min=0.1,
                       help="URLs: give up on a server silent this long (connect: at most 10 s).")
MAX_BYTES = typer.Option(10 * 1024 * 1024, "--max-bytes", min=1, help="URLs: stop reading a body past this size.")
TEXT_COL = typer.Option("text", "--text-col", help="CSV/Parquet: the column holding the text.")
ID_COL = typer.Option(None, "--id-col", help="CSV/Parquet: the id column (default: 'id' if present).")
DATE_COL = typer.Option(None, "--date-col", help="CSV/Parquet: the date column (default: 'date' if present).")
URL_COL = typer.Option(None, "--url-col", help="CSV/Parquet: the URL column (default: 'url' if present).")


def _sources(paths: Optional[list[str]], urls: Optional[Path], allow_private: bool = False,
             summaries_only: bool = False, since: Optional[str] = None, timeout: float = 20.0,
             max_bytes: int = 10 * 1024 * 1024, text_col: str = "text", id_col: Optional[str] = None,
             date_col: Optional[str] = None, url_col: Optional[str] = None):
    """The inputs (paths and the URLs of --urls), the errors of the --urls file, and the SourceOptions."""
    from dyad.sources import Columns, FetchSettings, SourceOptions, UrlOptions, read_url_list

    inputs, errors = list(paths or []), []
    if urls is not None:
        if not urls.is_file():
            _fail(f"{urls}: no such file (--urls)", 2)
        listed, errors = read_url_list(urls)
        inputs += listed
    if not inputs and not errors:
        _fail("no input: give a PATH, a URL, '-' or --urls FILE", 2)
    fetching = FetchSettings(allow_private=allow_private, connect_timeout=min(10.0, timeout), read_timeout=timeout,
                             total_timeout=max(60.0, 3 * timeout), max_bytes=max_bytes)
    options = SourceOptions(urls=UrlOptions(fetch=fetching, summaries_only=summaries_only,
                                            since=_date_option(since, "--since")),
                            columns=Columns(text=text_col, id=id_col, date=date_col, url=url_col))
    return inputs, errors, options


@app.command(cls=Command)
def code(
    paths: Optional[list[str]] = typer.Argument(None, metavar="PATH...", help=PATHS_HELP),
    date_: Optional[str] = DATE,
    title: Optional[str] = TITLE,
    url: Optional[str] = URL,
    source: Optional[str] = SOURCE,
    as_json: bool = typer.Option(False, "--json", help="One JSON object per article per line instead of a brief."),
    kb_extra: Optional[Path] = KB_EXTRA,
    urls: Optional[Path] = URLS,
    allow_private: bool = ALLOW_PRIVATE,
    summaries_only: bool = SUMMARIES_ONLY,
    since: Optional[str] = SINCE_ENTRIES,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    text_col: str = TEXT_COL,
    id_col: Optional[str] = ID_COL,
    date_col: Optional[str] = DATE_COL,
    url_col: Optional[str] = URL_COL,
) -> None:
    """Code reports and print a brief: events with evidence, actors, and what is not asserted.

    Example: dyad code report.txt --date 2024-11-04 --source "Wire"   ·   dyad code https://example.org/news/1
    """
    meta = {"date_": _date_option(date_, "--date"), "title": title, "url": url, "source": source}
    inputs, url_errors, options = _sources(paths, urls, allow_private, summaries_only, since, timeout, max_bytes,
                                           text_col, id_col, date_col, url_col)
    articles, errors = _read_inputs(inputs, meta, options)
    errors = url_errors + errors
    for error in errors:
        _say(f"error: {error}")
    if articles:
        coder = _coder(kb_extra)
        for coded in coder.code_many(articles):
            if isinstance(coded, Failure):
                errors.append(coded)
                _say(f"error: {coded.input}: {coded.reason}")
                continue
            if coded.status == "unsupported":
                _say(f"note: {coded.article.origin or coded.article.id}: language {coded.language!r}, not English: "
                     "not coded (status unsupported)")
            if as_json:
                sys.stdout.write(json.dumps(coded_to_dict(coded), ensure_ascii=False) + "\n")
            else:
                from dyad.brief import render_brief

                out.print(render_brief(coded))
    if errors:
        raise typer.Exit(1)


@app.command(cls=Command)
def ingest(
    paths: Optional[list[str]] = typer.Argument(None, metavar="PATH...", help=PATHS_HELP),
    db: Path = typer.Option(DEFAULT_DB, help="DuckDB file to store into."),
    date_: Optional[str] = DATE,
    title: Optional[str] = TITLE,
    url: Optional[str] = URL,
    source: Optional[str] = SOURCE,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    batch_size: int = typer.Option(64, help="Articles per spaCy batch and per transaction."),
    processes: int = typer.Option(1, "--processes", help="Parser processes (spaCy n_process)."),
    wait: float = _wait_option(30.0),
    kb_extra: Optional[Path] = KB_EXTRA,
    urls: Optional[Path] = URLS,
    allow_private: bool = ALLOW_PRIVATE,
    summaries_only: bool = SUMMARIES_ONLY,
    since: Optional[str] = SINCE_ENTRIES,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    text_col: str = TEXT_COL,
    id_col: Optional[str] = ID_COL,
    date_col: Optional[str] = DATE_COL,
    url_col: Optional[str] = URL_COL,
) -> None:
    """Code reports and store articles, events, actors and failures in DuckDB.

    The same text already stored under another id or date is not stored again: it is reported as
    "duplicate of ID". A near-copy (syndicated, other boilerplate, a few words edited) is stored
    with dup_of naming the first copy, and its events are not listed. Reports not in English are
    stored as unsupported, with their language.

    Articles stored already are neither fetched nor coded again, so the same command run again
    after an interruption (even kill -9) finishes the job.

    Example: dyad ingest reports/ feed.jsonl --db events.duckdb   ·   dyad ingest --urls urls.txt --db events.duckdb
    """
    from dyad.store.database import Store, Written

    meta = {"date_": _date_option(date_, "--date"), "title": title, "url": url, "source": source}
    inputs, url_errors, options = _sources(paths, urls, allow_private, summaries_only, since, timeout, max_bytes,
                                           text_col, id_col, date_col, url_col)
    try:
        store = Store(db, wait=wait)
    except StoreError as exc:
        _fail(str(exc))
    with store:
        try:
            not_fetched: list[str] = []  # pages and feed entries stored already: not fetched again

            def known(id: str) -> bool:
                stored = bool(store.stored_ids([id]))
                if stored:
                    not_fetched.append(id)
                return stored

            articles, errors = _read_inputs(inputs, meta, options, known=known)
            articles, resumed = _not_stored(store, articles)
            resumed += len(not_fetched)
        except StoreError as exc:
            _fail(str(exc))
        errors = url_errors + errors
        for error in errors:
            _say(f"error: {error}")
        failures = [Failure(input=str(e).split(": ", 1)[0], stage="ingest", reason=str(e)) for e in errors]
        written: list[Written] = []

        def write(batch: list) -> None:
            result = store.write(batch)
            for item, copy in result.duplicates:
                _say(f"{item}: duplicate of {copy}")
            for item, first, overlap in result.near_duplicates:
                _say(f"{item}: near-duplicate of {first} (overlap {overlap:.2f}): stored, its events not listed")
            written.append(result)

        try:
            write(failures)
            if articles:
                coder = _coder(kb_extra)
                batch: list = []
                progress = _progress(len(articles), quiet)
                with progress as bar:
                    task = bar.add_task("coding", total=len(articles)) if bar else None
                    for item in coder.code_many(articles, batch_size=batch_size, n_process=processes):
                        if isinstance(item, Failure):
                            _say(f"error: {item.input}: {item.reason}")
                        batch.append(item)
                        if bar:
                            bar.advance(task)
                        if len(batch) >= batch_size:
                            write(batch)
                            batch = []
                    if batch:
                        write(batch)
        except StoreError as exc:
            _fail(str(exc))
        stored, unsupported = sum(w.stored for w in written), sum(w.unsupported for w in written)
        failed = sum(w.failed for w in written)
        _say(f"{stored - unsupported} coded, {unsupported} unsupported (not English), "
             f"{sum(len(w.duplicates) for w in written)} duplicates, "
             f"{resumed + sum(w.skipped for w in written)} skipped (already stored), {failed} failed, "
             f"{sum(len(w.near_duplicates) for w in written)} near-duplicates → {db}")
    if failed:
        raise typer.Exit(1)


def _not_stored(store, articles: list[Article]) -> tuple[list[Article], int]:
    """The articles not stored yet under their id and date, and how many were (a re-run after an interruption).

    The same id under another date is kept: `Store.write` reports it as a duplicate. The same id
    and date with another text is not stored over the stored one, and says so.
    """
    stored: dict = {}
    for start in range(0, len(articles), 1000):
        stored |= store.stored_versions([a.id for a in articles[start:start + 1000]])
    fresh = []
    for a in articles:
        if a.id not in stored or stored[a.id][0] != a.date:
            fresh.append(a)
        elif stored[a.id][1] != article_id(a.text):
            _say(f"{a.origin or a.id}: id {a.id} is stored already with another text; the stored one is kept "
                 "(give this report its own id)")
    return fresh, len(articles) - len(fresh)


class _NoProgress:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _query(db: Path, ask, wait: float = 10.0):
    """Run `ask(store)` on an existing database, read-only; a missing or unreadable file is one line, exit 1."""
    from dyad.store.database import Store

    if not db.exists():
        _fail(f"{db}: no such database; run `dyad ingest` first")
    try:
        with Store(db, read_only=True, wait=wait) as store:
            return ask(store)
    except StoreError as exc:
        _fail(str(exc))


def _print_jsonl(rows: list[dict]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


def _none_match(rows: list, what: str) -> bool:
    """Say on stderr that nothing matched (stdout stays empty); True when so."""
    if not rows:
        _say(f"no {what} match")
    return not rows


def _print_table(title: str, columns: list[str], rows: list[list[str]], fold: bool = False) -> None:
    """A table on a terminal; tab-separated rows under a header line when stdout is piped."""
    if not out.is_terminal:
        for row in [columns, *rows]:
            sys.stdout.write("\t".join(" ".join(str(v).split()) for v in row) + "\n")
        return
    from rich.table import Table

    table = Table(title=title, expand=fold, show_lines=fold)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    out.print(table)


def _progress(total: int, quiet: bool):
    if quiet or not err.is_terminal:
        return _NoProgress()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    return Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), console=err, transient=False)


INCLUDE_DUPLICATES = typer.Option(False, "--include-duplicates",
                                  help="Also the events of near-duplicate articles (syndicated copies).")
CLUSTER = typer.Option(None, "--cluster", help="Only the events of this cluster id (see dyad clusters).")


def _event_filters(actor, type_, since, until, modality, limit, include_duplicates=False, cluster=None) -> dict:
    """`Store.events` keyword arguments from the CLI's filters; a bad type, modality or date is exit 2."""
    from dyad.ontology import load_ontology

    ontology = load_ontology()
    if type_ and type_.upper() not in ontology.types:
        _fail(f"--type {type_!r} is not a PLOVER type ({', '.join(ontology.types)})", 2)
    if modality and modality.lower() not in ontology.modalities:
        _fail(f"--modality {modality!r} is not one of {', '.join(ontology.modalities)}", 2)
    return {"actor": actor, "type_": type_, "since": _date_option(since, "--since"),
            "until": _date_option(until, "--until"), "modality": modality, "limit": limit,
            "include_duplicates": include_duplicates, "cluster": cluster}


@app.command(cls=Command)
def events(
    db: Path = typer.Option(DEFAULT_DB, help="DuckDB file to read."),
    actor: Optional[str] = typer.Option(None, help="ISO3 / organisation code, or part of a name."),
    type_: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. ASSAULT."),
    since: Optional[str] = typer.Option(None, help="Earliest event date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Latest event date (YYYY-MM-DD)."),
    modality: Optional[str] = typer.Option(None, help="asserted, hedged, future, hypothetical, negated or historical."),
    limit: Optional[int] = typer.Option(None, help="At most this many events."),
    as_json: bool = typer.Option(False, "--json", help="One JSON event per line."),
    include_duplicates: bool = INCLUDE_DUPLICATES,
    cluster: Optional[str] = CLUSTER,
    wait: float = _wait_option(10.0),
) -> None:
    """List stored events, filtered; events of near-duplicate articles only with --include-duplicates.

    Example: dyad events --actor PRK --type MOBILIZE --since 2024-01-01 --json
    """
    filters = _event_filters(actor, type_, since, until, modality, limit, include_duplicates, cluster)
    rows = _query(db, lambda store: store.events(**filters), wait)
    if _none_match(rows, "events"):
        return
    if as_json:
        return _print_jsonl(rows)

    def names(actors: list[dict]) -> str:
        return "; ".join(f"{a['entity_text']} [{a['code'] or '?'}]" for a in actors)

    _print_table(f"{len(rows)} events", ["date", "type", "mode", "actor", "recipient", "modality", "evidence"],
                 [[row["date"] or "?", row["event"], ", ".join(row["mode"]), names(row["actor"]),
                   names(row["recipient"]), row["modality"], row["text"]] for row in rows], fold=True)


@app.command(cls=Command)
def flags(
    db: Path = typer.Option(DEFAULT_DB, help="DuckDB file to read."),
    kind: Optional[str] = typer.Option(None, help="role_conflict, stale_title, premature_title, unverified_role, contradiction, date_anomaly or unverified_claim."),
    since: Optional[str] = typer.Option(None, help="Articles published on or after this date (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON flag per line."),
    wait: float = _wait_option(10.0),
) -> None:
    """List stored flags: what does not add up in the reports.

    Example: dyad flags --kind role_conflict --since 2024-01-01
    """

    kinds = ("role_conflict", "stale_title", "premature_title", "unverified_role", "contradiction", "date_anomaly",
             "unverified_claim")
    if kind and kind not in kinds:
        _fail(f"--kind {kind!r} is not one of {', '.join(kinds)}", 2)
    since_date = _date_option(since, "--since")
    rows = _query(db, lambda store: store.flags(kind, since_date), wait)
    if _none_match(rows, "flags"):
        return
    if as_json:
        return _print_jsonl(rows)
    if not out.is_terminal:
        return _print_table("flags", ["kind", "severity", "article_date", "article_id", "message"],
                            [[r["kind"], r["severity"], r["article_date"] or "", r["article_id"], r["message"]]
                             for r in rows])
    for row in rows:
        out.print(f"[bold]{row['kind']}[/bold] ({row['severity']}) {row['article_date'] or ''} {row['article_id']}")
        out.print(f"  {row['message']}", markup=False)


@app.command("eval", cls=Command)
def eval_(
    gold: list[Path] = typer.Argument(..., metavar="GOLD...", help="Gold JSONL files (format in docs/gold.md)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON: each file and their union."),
    errors: bool = typer.Option(False, "--errors", help="Also print every missed, extra or mis-coded event with its text."),
    confusion: bool = typer.Option(False, "--confusion", help="Also print the type confusion table (gold rows, coded columns)."),
    bootstrap: int = typer.Option(0, "--bootstrap", min=0, metavar="N",
                                  help="Also give 95 % intervals of the headline numbers over N resamples of the items (seeded)."),
) -> None:
    """Score dyad against gold sentences: per-type P/R/F1, macro-F1, actors, modality, places, silences.

    Several files are scored each on its own and together. With --bootstrap, each number also gets the range it
    would take on other samples of items like these, so a change smaller than that range is not read as progress.

    Example: dyad eval tests/gold/gold-a.jsonl tests/gold/gold-b.jsonl --errors --bootstrap 1000
    """
    from dyad.evaluate import bootstrap_intervals, code_items, confusion_rows, load_gold, score_items

    files = {}
    try:
        for path in gold:
            if not path.exists():
                _fail(f"{path}: no such file")
            files[str(path)] = load_gold(path)
    except EngineError as exc:
        _fail(str(exc))
    union = [item for items in files.values() for item in items]
    coded = code_items(union, _coder())
    reports = {name: score_items(items, coded) for name, items in files.items()}
    if len(files) > 1:
        reports["union"] = score_items(union, coded)
    if bootstrap:
        for name, (report, _) in reports.items():
            report["intervals"] = bootstrap_intervals(files.get(name, union), coded, rounds=bootstrap)
    if as_json:
        sys.stdout.write(json.dumps({name: report for name, (report, _) in reports.items()}
                                    if len(files) > 1 else reports[str(gold[0])][0]) + "\n")
        return
    for name, (report, score) in reports.items():
        _print_table(f"{name}: {report['items']} gold items — macro-F1 {report['macro_f1']:.3f}",
                     ["type", "precision", "recall", "F1", "gold", "predicted"],
                     [[t, f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}", str(row["support"]),
                       str(row["predicted"])] for t, row in report["per_type"].items()])
        (out.print if out.is_terminal else _say)(f"{name}: {_eval_summary(report)}")
    last_report, last_score = list(reports.values())[-1]
    if confusion:
        names, rows = confusion_rows(last_score)
        _print_table("type confusion: gold (rows) × coded (columns)", ["gold", *[n[:4] for n in names]],
                     [[name, *[str(n) if n else "·" for n in row]] for name, row in zip(names, rows)])
    if errors:
        out.file.flush()
        for item_id, what, event, detail, text in last_score.errors:
            sys.stdout.write(f"{item_id}\t{what}\t{detail}\t{text}\n")


def _eval_summary(report: dict) -> str:
    def show(value):
        return "n/a" if value is None else f"{value:.3f}"
    return (f"macro-F1 {report['macro_f1']:.3f} · micro-F1 {report['micro_f1']:.3f} · "
            f"actor code accuracy {report['actor_code_accuracy']:.3f} · actor country {show(report['actor_country_accuracy'])}"
            f" · sector accuracy {report['actor_sector_accuracy']:.3f} · mode accuracy {report['mode_accuracy']:.3f} · "
            f"modality accuracy {report['modality_accuracy']:.3f} · place accuracy {show(report['place_accuracy'])} "
            f"({report['place_checked']} checked) · items with a gold event coded with none "
            f"{show(report['silent_rate'])} · items without one coded with some {show(report['noisy_rate'])}"
            + _eval_intervals(report.get("intervals")))


def _eval_intervals(intervals: dict | None) -> str:
    if not intervals:
        return ""
    shown = [f"{key.replace('_', ' ')} {bounds[0]:.3f}–{bounds[1]:.3f}" for key, bounds in intervals.items() if bounds]
    return " · 95 % bootstrap intervals: " + ", ".join(shown)


@app.command(cls=Command)
def demo(
    db: Path = typer.Option(DEMO_DB, help="DuckDB file of the demo: created by it, and never one it did not create."),
    kb_extra: Optional[Path] = KB_EXTRA,
) -> None:
    """Code the example reports shipped with dyad into the demo's own database and print their briefs.

    The demo rebuilds a database it created itself and refuses any other file, so it can never
    replace what `dyad ingest` stored.

    Example: dyad demo --db demo.duckdb
    """
    from dyad.brief import render_brief
    from dyad.sources.files import make_article, parse_date
    from dyad.store.database import Store

    if db.exists():
        try:
            mark = Store(db, read_only=True).meta(DEMO_MARK)
        except StoreError as exc:
            _fail(f"{exc}; the demo only replaces a database it created")
        if mark != "yes":
            _fail(f"{db}: holds data the demo did not create; it is left untouched (choose another --db)")
        db.unlink()
        Path(f"{db}.wal").unlink(missing_ok=True)
    folder = resources.files("dyad.data").joinpath("examples")
    index = json.loads(folder.joinpath("index.json").read_text("utf-8"))
    articles = [make_article(folder.joinpath(row["file"]).read_text("utf-8"), date_=parse_date(row["date"], row["file"]),
                             title=row["title"], url=row.get("url"), source=row.get("source"), where=row["file"])
                for row in index]
    coder = _coder(kb_extra)
    coded = list(coder.code_many(articles))
    for item in coded:
        if isinstance(item, CodedArticle):
            out.print(render_brief(item))
            out.rule()
    try:
        store = Store(db)
        store.set_meta(DEMO_MARK, "yes")
        stored, skipped, failed = store.write(coded)
        counts = store.counts()
    except StoreError as exc:
        _fail(str(exc))
    _say(f"{stored} example reports coded: {counts['events']} events, {counts['actors']} actor rows → {db}")


kb_app = _typer(help="Look into the knowledge base: entities, office holders, counts.",
                epilog='Example: dyad kb lookup "Kim Yong Hyun" --on 2024-11-04')
app.add_typer(kb_app, name="kb")


@kb_app.command("lookup", cls=Command)
def kb_lookup(
    name: str = typer.Argument(..., help="A name or alias: a person, country, organisation, group or place."),
    on: Optional[str] = typer.Option(None, help="Mark the roles held on this date (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    kb_extra: Optional[Path] = KB_EXTRA,
) -> None:
    """Show what a name refers to, its aliases, and its roles with dates.

    Example: dyad kb lookup "Kim Yong Hyun" --on 2024-11-04
    """
    from dyad.kb.lookup import lookup

    rows = lookup(_kb(kb_extra), name, _date_option(on, "--on"))
    if not rows:
        _fail(f"{name!r}: not in the knowledge base (add it with --kb-extra)")
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return
    for row in rows:
        out.print(f"[bold]{row['name']}[/bold] ({row['kind']}, {row['code'] or '?'}) {row['wikidata'] or ''}")
        if row["aliases"]:
            out.print("  also: " + "; ".join(row["aliases"]))
        for role in row.get("roles", []):
            mark = " ← on that date" if role["held_on_date"] else ""
            acting = " (acting)" if role["acting"] else ""
            out.print(f"  {role['office']}{acting}: {role['start'] or '?'} – {role['end'] or 'present'}{mark}")


@kb_app.command("holder", cls=Command)
def kb_holder(
    office: str = typer.Argument(..., help="Office key (defence_minister, head_of_state, ...) or office words."),
    of: str = typer.Option(..., "--of", help="ISO3 code, country name, or organisation name or acronym."),
    on: str = typer.Option(..., "--on", help="Date (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    kb_extra: Optional[Path] = KB_EXTRA,
) -> None:
    """Who held an office on a date.

    Example: dyad kb holder defence_minister --of KOR --on 2024-11-04 --json
    """
    from dyad.kb.lookup import holders_of

    try:
        result = holders_of(_kb(kb_extra), office, of, _date_option(on, "--on"))
    except EngineError as exc:
        _fail(str(exc))
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return
    out.print(f"{result['office']} on {result['on']}:")
    if not result["holders"]:
        out.print("  nobody the knowledge base knows of")
    for holder in result["holders"]:
        acting = " (acting)" if holder["acting"] else ""
        out.print(f"  {holder['name']}{acting}: {holder['start'] or '?'} – {holder['end'] or 'present'}")


@kb_app.command("stats", cls=Command)
def kb_stats(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    kb_extra: Optional[Path] = KB_EXTRA,
) -> None:
    """Count the knowledge base by kind, with the newest tenure date.

    Example: dyad kb stats
    """
    from dyad.kb.lookup import stats

    result = stats(_kb(kb_extra))
    if as_json:
        sys.stdout.write(json.dumps(result) + "\n")
        return
    if not out.is_terminal:
        return _print_table("knowledge base", ["kind", "count"], [[k, str(v)] for k, v in result.items()])
    for key, value in result.items():
        out.print(f"{key:>20}  {value}")


@kb_app.command("verify", cls=Command)
def kb_verify(
    max_gap_days: int = typer.Option(400, "--max-gap-days", help="Report a gap between two terms longer than this."),
    warnings: bool = typer.Option(False, "--warnings", help="Also print warnings (gaps, persons without a variant)."),
    kb_extra: Optional[Path] = KB_EXTRA,
) -> None:
    """Check the knowledge base itself: overlaps, gaps, impossible terms, missing names and sources.

    Prints one line per problem; exits 1 if any is an error.

    Example: dyad kb verify --max-gap-days 400 --warnings
    """
    from dyad.kb.base import verify_kb

    problems = verify_kb(_kb(kb_extra), max_gap_days)
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        if problem.severity == "error" or warnings:
            sys.stdout.write(f"{problem.severity}\t{problem.kind}\t{problem.message}\n")
    _say(f"{len(errors)} errors, {len(problems) - len(errors)} warnings")
    if errors:
        raise typer.Exit(1)


import_app = _typer(help="Import knowledge-base rows into your user layer.",
                    epilog="Example: dyad kb import wikidata holders.json --out kb-user.yaml")
kb_app.add_typer(import_app, name="import")


def _wikidata_epilog() -> str:
    from dyad.kb.wikidata import HOLDERS_QUERY, SAVE_ANSWERS

    return ("Save this query as holders.rq (put your offices' Wikidata ids in VALUES):\n\n\b\n" + HOLDERS_QUERY
            + "\n\nthen save its answers (one query at a time; the service allows 60 s per query) with:\n\n\b\n"
            + SAVE_ANSWERS)


@import_app.command("wikidata", cls=Command, epilog=_wikidata_epilog())
def kb_import_wikidata(
    path: Path = typer.Argument(..., help="SPARQL JSON results (.json) or entity JSON lines (dump or EntityData)."),
    out_path: Path = typer.Option(Path("kb-user.yaml"), "--out", help="User-layer YAML to merge the rows into."),
    kb_extra: Optional[Path] = KB_EXTRA,
) -> None:
    """Parse Wikidata answers, merge them into your user layer; curated rows win, conflicts are listed.

    Example: dyad kb import wikidata holders.json --out kb-user.yaml
    """
    from dyad.kb import wikidata

    kb = _kb(kb_extra)
    if not path.exists():
        _fail(f"{path}: no such file")
    office_ids = {o.wikidata: o.id for o in kb.offices.values() if o.wikidata}
    person_ids = {p.wikidata: p.id for p in kb.persons.values() if p.wikidata}
    try:
        text = path.read_text("utf-8")
        if text.lstrip().startswith("{") and '"head"' in text[:2000]:
            batch = wikidata.parse_sparql_json(text, str(path), office_ids=office_ids, person_ids=person_ids)
        else:
            batch = wikidata.parse_entity_lines(text.splitlines(), str(path), office_ids=office_ids, person_ids=person_ids)
        batch = wikidata.match_known_persons(batch, kb.persons.values())
        result = wikidata.merge(batch, kb.tenures, kb.persons.values(), kb.offices.values())
        wikidata.write_user_layer(out_path, result)
    except UnicodeDecodeError:
        _fail(f"{path}: not valid UTF-8")
    except EngineError as exc:
        _fail(str(exc))
    for warning in batch.warnings:
        _say(f"warning: {warning}")
    for conflict in result.conflicts:
        _say(f"conflict: {conflict.message}")
    _say(f"{len(result.added_persons)} persons, {len(result.added_offices)} offices, {len(result.added_tenures)} "
         f"tenures added to {out_path}; {len(result.conflicts)} conflicts (curated rows kept)")


@app.command(cls=Command)
def actors(
    db: Path = typer.Option(DEFAULT_DB, help="DuckDB file to read."),
    unresolved: bool = typer.Option(False, "--unresolved",
                                    help="Only named persons and organisations the knowledge base does not hold."),
    limit: int = typer.Option(50, help="At most this many rows."),
    as_json: bool = typer.Option(False, "--json", help="One JSON row per line."),
    wait: float = _wait_option(10.0),
) -> None:
    """List stored actors by how often they occur; --unresolved shows names to add to the KB.

    Example: dyad actors --unresolved --db events.duckdb
    """

    rows = _query(db, lambda store: store.actors(unresolved=unresolved, limit=limit), wait)
    if _none_match(rows, "unresolved actors" if unresolved else "actors"):
        return
    if as_json:
        return _print_jsonl(rows)
    _print_table(("unresolved " if unresolved else "") + f"actors ({len(rows)})",
                 ["as written", "code", "sector", "office", "mentions"],
                 [[r["entity_text"], r["code"] or "?", r["sector"] or "", r["office"] or "", str(r["mentions"])]
                  for r in rows])


# --- dyad spark, dyad load (src/dyad/scale/) ---------------------------------------------------
@app.command("spark", cls=Command)
def spark_(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...",
                                       help="JSONL or Parquet files, folders of them or of .txt/.html reports; "
                                            "any path Spark reads (hdfs://, s3a://)."),
    out_dir: str = typer.Option(..., "--out", metavar="DIR", help="Folder to write the Parquet tables into."),
    master: Optional[str] = typer.Option(None, "--master",
                                         help="Spark master; default: spark-submit's, or local[2] when run directly."),
    partitions: Optional[int] = typer.Option(None, "--partitions", min=1,
                                             help="Partitions to code in (default: twice the cores)."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per spaCy batch."),
    memory: str = typer.Option("1g", "--memory", help="Driver memory of a local session."),
    force: bool = typer.Option(False, "--force", help="Replace DIR if it exists."),
    date_: Optional[str] = DATE,
    title: Optional[str] = TITLE,
    url: Optional[str] = URL,
    source: Optional[str] = SOURCE,
    kb_extra: Optional[Path] = typer.Option(None, "--kb-extra", envvar="DYAD_KB_EXTRA",
                                            help="Your own knowledge-base rows (YAML); the same path must be "
                                                 "readable on every executor."),
) -> None:
    """Code articles on Spark and write the tables of `dyad ingest` as Parquet: DIR/articles, events, ...

    One Coder per executor process. An input that cannot be read or coded is a row of DIR/failures,
    never the end of the job. Bring DIR into DuckDB with `dyad load`.

    Example: dyad spark feed.jsonl reports/ --out coded/ --master "local[2]"
    """
    from dyad.scale.job import run, session

    meta = {"date_": _date_option(date_, "--date"), "title": title, "url": url, "source": source}
    if kb_extra is not None and not kb_extra.exists():
        _fail(f"{kb_extra}: no such knowledge-base file")
    try:
        spark = session(master, memory=memory, kb_extra=str(kb_extra) if kb_extra else None)
        summary = run(spark, inputs, out_dir, meta=meta, batch_size=batch_size, partitions=partitions,
                      kb_extra=str(kb_extra) if kb_extra else None, force=force)
    except (EngineError, InputError) as exc:
        _fail(str(exc))
    rows = summary.rows
    if summary.notices:
        _say(f"warning: {summary.notices} inputs had invalid UTF-8, replaced with U+FFFD")
    _say(f"{summary.read} articles read, {summary.duplicates} duplicates dropped; {rows['articles']} coded "
         f"({rows['events']} events, {rows['actors']} actor rows, {rows['quotes']} quotes, {rows['flags']} flags), "
         f"{rows['failures']} failed → {out_dir} ({summary.partitions} partitions, model loaded in "
         f"{summary.coder_loads} process{'es' if summary.coder_loads != 1 else ''})")
    if rows["failures"]:
        _say(f"failures are rows of {out_dir.rstrip('/')}/failures; see them with `dyad load` and the failures table")
        raise typer.Exit(1)


@app.command("load", cls=Command)
def load_(
    folder: Path = typer.Argument(..., metavar="DIR", help="A folder `dyad spark` wrote."),
    db: Path = typer.Option(DEFAULT_DB, help="DuckDB file to load into."),
    wait: float = _wait_option(30.0),
) -> None:
    """Load the Parquet tables of `dyad spark` into DuckDB; articles stored already are skipped.

    Loading the same folder twice changes nothing.

    Example: dyad load coded/ --db events.duckdb
    """
    from dyad.scale.load import load_tables

    try:
        loaded = load_tables(folder, db, wait=wait)
    except (InputError, StoreError) as exc:
        _fail(str(exc))
    rows = loaded.rows
    _say(f"{loaded.articles} articles loaded ({rows['events']} events, {rows['actors']} actor rows, "
         f"{rows['quotes']} quotes, {rows['flags']} flags, {rows['failures']} failures), "
         f"{loaded.present} stored already → {db}")


@app.command(cls=Command)
def watch(
    feeds: Path = typer.Argument(..., metavar="FEEDS.txt", help="A file of RSS or Atom feed URLs, one a line."),
    every: str = typer.Option("15m", "--every", help="Time between rounds: 30s, 15m, 2h."),
    db: Path = typer.Option(DEFAULT_DB, help="DuckDB file to store into; it also remembers what each feed gave."),
    rounds: int = typer.Option(0, "--rounds", min=0, help="Stop after this many rounds (0: poll until stopped)."),
    allow_private: bool = ALLOW_PRIVATE,
    summaries_only: bool = SUMMARIES_ONLY,
    since: Optional[str] = SINCE_ENTRIES,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    source: Optional[str] = typer.Option(None, "--source", help="Outlet, in place of the feed's title."),
    batch_size: int = typer.Option(64, help="Articles per spaCy batch and per transaction."),
    wait: float = _wait_option(30.0),
    kb_extra: Optional[Path] = KB_EXTRA,
) -> None:
    """Poll feeds and code only their new entries into DuckDB, round after round.

    Each feed is asked with its last ETag and Last-Modified; entries already read are skipped,
    also after a restart. A feed that fails gets a failure row and the others go on.

    Example: dyad watch feeds.txt --every 15m --db events.duckdb
    """
    from dyad.sources.watch import parse_every, read_feed_list
    from dyad.sources.watch import watch as watch_feeds
    from dyad.store.database import Store

    try:
        seconds = parse_every(every)
    except ValueError as exc:
        _fail(str(exc), 2)
    if not feeds.is_file():
        _fail(f"{feeds}: no such file", 2)
    urls, errors = read_feed_list(feeds)
    for error in errors:
        _say(f"error: {error}")
    if not urls:
        _fail(f"{feeds}: no feed URLs in it")
    _, _, options = _sources(urls, None, allow_private, summaries_only, since, timeout, max_bytes)
    try:
        store = Store(db, wait=wait)
    except StoreError as exc:
        _fail(str(exc))
    coder = []

    def get_coder():
        if not coder:
            coder.append(_coder(kb_extra))
        return coder[0]

    try:
        reports = watch_feeds(urls, store, get_coder, options, {"source": source}, every=seconds, rounds=rounds,
                              batch_size=batch_size, say=_say)
    except StoreError as exc:
        _fail(str(exc))
    _say(f"{sum(r.coded for r in reports)} coded, {sum(r.failed for r in reports)} failed, "
         f"{sum(r.status == 'failed' for r in reports)} feed failures → {db}")
    if errors or any(r.status == "failed" or r.failed for r in reports):
        raise typer.Exit(1)


@app.command(cls=Command)
def serve(
    db: Path = typer.Option(DEFAULT_DB, help="DuckDB file to serve (dyad ingest or dyad demo made it)."),
    host: str = typer.Option("127.0.0.1", help="Address to listen on; 0.0.0.0 opens it to the network."),
    port: int = typer.Option(8000, min=0, max=65535, help="Port to listen on."),
    allow_write: bool = typer.Option(False, "--allow-write",
                                     help="Turn on POST /v1/code and /v1/ingest (they need DYAD_API_TOKEN)."),
    max_body: int = typer.Option(1_000_000, "--max-body", min=1, metavar="BYTES",
                                 help="Largest request body; a larger one gets 413."),
    wait: float = _wait_option(10.0),
    kb_extra: Optional[Path] = KB_EXTRA,
) -> None:
    """Serve the HTTP API (/v1, docs at /docs) and the web dashboard (/) over a database.

    Reads keep working while `dyad ingest` writes to the same file. Writing endpoints are off
    unless --allow-write is given and DYAD_API_TOKEN holds the token clients must send.

    Example: dyad serve --db demo.duckdb --port 8000
    """
    import os

    from dyad.serve import Settings, run

    token = os.environ.get("DYAD_API_TOKEN") or None
    if allow_write and not token:
        _fail("--allow-write needs a token: set DYAD_API_TOKEN to a secret that clients send as "
              "'Authorization: Bearer TOKEN'", 2)
    if not db.exists() and not allow_write:
        _fail(f"{db}: no such database; run `dyad ingest` or `dyad demo` first")
    if kb_extra is not None and not kb_extra.exists():
        _fail(f"{kb_extra}: no such knowledge-base file")
    if allow_write and not db.exists():
        try:
            from dyad.store.database import Store

            Store(db, wait=wait)
        except StoreError as exc:
            _fail(str(exc))
    shown = f"[{host}]" if ":" in host else host
    _say(f"dyad serve: dashboard http://{shown}:{port}/ · API http://{shown}:{port}/v1 · docs /docs · "
         f"{db} ({'read and write' if allow_write else 'read-only'}); Ctrl-C stops")
    run(Settings(db=db, allow_write=allow_write, token=token, max_body=max_body, wait=wait, kb_extra=kb_extra),
        host=host, port=port)


SUPPORTS = ("asserted", "partly_hedged", "hedged")


@app.command("clusters", cls=Command)
def clusters_(
    db: Path = typer.Option(DEFAULT_DB, help="DuckDB file to read."),
    actor: Optional[str] = typer.Option(None, help="ISO3 or organisation code of an actor or recipient."),
    type_: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. ASSAULT."),
    since: Optional[str] = typer.Option(None, help="Clusters with an event on or after this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Clusters with an event on or before this date (YYYY-MM-DD)."),
    support: Optional[str] = typer.Option(None, help="asserted (every report asserts it), partly_hedged or hedged."),
    min_articles: Optional[int] = typer.Option(None, "--min-articles", min=1, help="Reported by at least this many articles."),
    limit: Optional[int] = typer.Option(None, help="At most this many clusters."),
    as_json: bool = typer.Option(False, "--json", help="One JSON cluster per line."),
    wait: float = _wait_option(10.0),
) -> None:
    """List event clusters: one event as several articles and outlets report it.

    Events share a cluster when they have the same type, actor and recipient codes, dates at most
    a day apart and compatible places. Each cluster gives its first report, its numbers of
    articles and of distinct sources, and its support: asserted by every report, or partly_hedged
    when some reports only hedge it (hedged: all do). List a cluster's events with
    `dyad events --cluster ID`.

    Example: dyad clusters --actor KEN --min-articles 2 --json
    """
    filters = _event_filters(actor, type_, since, until, None, limit)
    if support and support not in SUPPORTS:
        _fail(f"--support {support!r} is not one of {', '.join(SUPPORTS)}", 2)
    rows = _query(db, lambda store: store.clusters(
        actor=actor, type_=type_, since=filters["since"], until=filters["until"], support=support,
        min_articles=min_articles, limit=limit), wait)
    if _none_match(rows, "clusters"):
        return
    if as_json:
        return _print_jsonl(rows)
    _print_table(f"{len(rows)} clusters", ["id", "type", "actors", "recipients", "dates", "articles", "sources",
                                           "support", "first report", "place"],
                 [[r["id"], r["event"], ", ".join(r["actor_codes"]), ", ".join(r["recipient_codes"]),
                   r["first_date"] if r["first_date"] == r["last_date"] else f"{r['first_date']} – {r['last_date']}",
                   str(r["n_articles"]), str(r["n_sources"]), r["support"],
                   f"{r['first_source'] or ''} {r['first_article_id']}".strip(), r["place"] or ""] for r in rows])


@app.command("export", cls=Command)
def export_(
    fmt: str = typer.Option(..., "--format", help="jsonl, csv, parquet, plover (PLOVER JSON lines) or gdelt "
                                                  "(GDELT 2.0 event table, tab-separated)."),
    out_path: str = typer.Option(..., "--out", help="File to write, or '-' for standard output (not parquet)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing file."),
    db: Path = typer.Option(DEFAULT_DB, help="DuckDB file to read."),
    actor: Optional[str] = typer.Option(None, help="ISO3 / organisation code, or part of a name."),
    type_: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. ASSAULT."),
    since: Optional[str] = typer.Option(None, help="Earliest event date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Latest event date (YYYY-MM-DD)."),
    modality: Optional[str] = typer.Option(None, help="asserted, hedged, future, hypothetical, negated or historical."),
    limit: Optional[int] = typer.Option(None, help="At most this many events."),
    include_duplicates: bool = INCLUDE_DUPLICATES,
    cluster: Optional[str] = CLUSTER,
    wait: float = _wait_option(10.0),
) -> None:
    """Write the stored events (the rows of `dyad events`, same filters) to a file in one format.

    jsonl is `dyad events --json`; csv and parquet a flat table (lists ';'-joined in csv); plover
    the PLOVER record fields; gdelt the 61 columns of the GDELT 2.0 event table (empty where dyad
    has no value). Columns: docs/schema.md.

    Example: dyad export --format parquet --out events.parquet --db events.duckdb --since 2024-01-01
    """
    from dyad.store.export import FORMATS, article_meta, write_export

    if fmt not in FORMATS:
        _fail(f"--format {fmt!r} is not one of {', '.join(FORMATS)}", 2)
    out = None if out_path == "-" else Path(out_path)
    if out is None and fmt == "parquet":
        _fail("--format parquet needs a file for --out, not standard output", 2)
    if out is not None and out.exists() and not force:
        _fail(f"{out}: exists; pass --force to replace it")
    if out is not None and not out.parent.is_dir():
        _fail(f"{out}: no such folder {out.parent}")
    filters = _event_filters(actor, type_, since, until, modality, limit, include_duplicates, cluster)

    def ask(store):
        rows = store.events(**filters)
        meta = store.query(lambda con: article_meta(con, [r["article_id"] for r in rows]))
        clusters = {c["id"]: c for c in store.clusters()} if fmt == "gdelt" else {}
        return rows, meta, clusters

    rows, meta, clusters = _query(db, ask, wait)
    try:
        count = write_export(rows, fmt, out, meta, clusters)
    except OSError as exc:
        _fail(f"{out_path}: cannot write ({exc.strerror or exc})")
    _say(f"{count} events → {out_path} ({fmt})")


def main() -> None:
    try:
        app()
    except EngineError as exc:  # library errors that reached the top: one line, exit 1
        _say(f"error: {exc}")
        sys.exit(1)
