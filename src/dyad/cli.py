"""The `dyad` command line: a thin layer over the library (typer + rich).

Data goes to stdout (briefs or JSON lines), messages and progress to stderr. Exit codes: 0
success, 1 a runtime or data failure (one line naming the input and the reason), 2 usage.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from dyad.errors import EngineError, InputError, StoreError
from dyad.records import CodedArticle, Failure, coded_to_dict

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="dyad: news reports into PLOVER event data, with the evidence for every record.")
out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)

DEFAULT_DB = Path("dyad.duckdb")


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
    from dyad.kb import load_kb

    if extra is not None and not extra.exists():
        _fail(f"{extra}: no such knowledge-base file")
    try:
        return load_kb(extra=str(extra) if extra else None)
    except EngineError as exc:
        _fail(str(exc))


def _coder(extra: Optional[Path] = None):
    from dyad.pipeline import Coder

    return Coder(kb=_kb(extra))


def _read_inputs(paths: list[str], meta: dict) -> tuple[list, list[InputError]]:
    """Articles and input errors from paths ('-' is standard input)."""
    from dyad.ingest import decode, make_article, read_jsonl, read_path

    articles, errors = [], []
    for raw in paths:
        if raw == "-":
            try:
                text = decode(sys.stdin.buffer.read(), "<stdin>")
                if text.lstrip().startswith("{"):
                    items = list(read_jsonl(None, text))
                else:
                    items = [make_article(text, where="<stdin>", **meta)]
            except InputError as exc:
                items = [exc]
        else:
            path = Path(raw)
            if path.is_dir():
                items = [i for p in sorted(path.iterdir()) if p.suffix.lower() in (".txt", ".html", ".htm", ".jsonl")
                         for i in read_path(p, **meta)]
            else:
                items = list(read_path(path, **meta))
        for item in items:
            (errors if isinstance(item, InputError) else articles).append(item)
    return articles, errors


@app.command()
def code(
    paths: list[str] = typer.Argument(..., help="Report files (.txt, .html, .jsonl) or '-' for standard input."),
    date_: Optional[str] = typer.Option(None, "--date", help="Publication date of a .txt report (YYYY-MM-DD)."),
    title: Optional[str] = typer.Option(None, help="Title of a .txt report."),
    url: Optional[str] = typer.Option(None, help="URL of a .txt report."),
    source: Optional[str] = typer.Option(None, help="Outlet of a .txt report."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per article per line instead of a brief."),
    kb_extra: Optional[Path] = KB_EXTRA,
) -> None:
    """Code reports and print a brief: events with evidence, actors, and what is not asserted.

    Example: dyad code report.txt --date 2024-11-04 --source "Wire"
    """
    meta = {"date_": _date_option(date_, "--date"), "title": title, "url": url, "source": source}
    articles, errors = _read_inputs(paths, meta)
    for error in errors:
        _say(f"error: {error}")
    if articles:
        coder = _coder(kb_extra)
        for coded in coder.code_many(articles):
            if isinstance(coded, Failure):
                errors.append(coded)
                _say(f"error: {coded.input}: {coded.reason}")
            elif as_json:
                sys.stdout.write(json.dumps(coded_to_dict(coded), ensure_ascii=False) + "\n")
            else:
                from dyad.brief import render_brief

                out.print(render_brief(coded))
    if errors:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files or folders of reports (.txt, .html, .jsonl), or '-'."),
    db: Path = typer.Option(DEFAULT_DB, help="DuckDB file to store into."),
    date_: Optional[str] = typer.Option(None, "--date", help="Publication date for .txt reports."),
    source: Optional[str] = typer.Option(None, help="Outlet for .txt reports."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    batch_size: int = typer.Option(64, help="Articles per spaCy batch and per transaction."),
    processes: int = typer.Option(1, "--processes", help="Parser processes (spaCy n_process)."),
    kb_extra: Optional[Path] = KB_EXTRA,
) -> None:
    """Code reports and store articles, events, actors and failures in DuckDB.

    Example: dyad ingest reports/ feed.jsonl --db events.duckdb
    """
    from dyad.store import Store

    meta = {"date_": _date_option(date_, "--date"), "title": None, "url": None, "source": source}
    try:
        store = Store(db)
    except StoreError as exc:
        _fail(str(exc))
    with store:
        articles, errors = _read_inputs(paths, meta)
        for error in errors:
            _say(f"error: {error}")
        failures = [Failure(input=str(e).split(": ", 1)[0], stage="ingest", reason=str(e)) for e in errors]
        stored = skipped = failed = 0
        try:
            s, k, f = store.write(failures)
            failed += f
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
                            s, k, f = store.write(batch)
                            stored, skipped, failed = stored + s, skipped + k, failed + f
                            batch = []
                    if batch:
                        s, k, f = store.write(batch)
                        stored, skipped, failed = stored + s, skipped + k, failed + f
        except StoreError as exc:
            _fail(str(exc))
        _say(f"{stored} coded, {skipped} skipped (already stored), {failed} failed → {db}")
    if failed:
        raise typer.Exit(1)


class _NoProgress:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _query(db: Path, ask):
    """Run `ask(store)` on an existing database; a missing or unreadable file is one line, exit 1."""
    from dyad.store import Store

    if not db.exists():
        _fail(f"{db}: no such database; run `dyad ingest` first")
    try:
        with Store(db) as store:
            return ask(store)
    except StoreError as exc:
        _fail(str(exc))


def _print_jsonl(rows: list[dict]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


def _progress(total: int, quiet: bool):
    if quiet or not err.is_terminal:
        return _NoProgress()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    return Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), console=err, transient=False)


@app.command()
def events(
    db: Path = typer.Option(DEFAULT_DB, help="DuckDB file to read."),
    actor: Optional[str] = typer.Option(None, help="ISO3 / organisation code, or part of a name."),
    type_: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. ASSAULT."),
    since: Optional[str] = typer.Option(None, help="Earliest event date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Latest event date (YYYY-MM-DD)."),
    modality: Optional[str] = typer.Option(None, help="asserted, hedged, future, hypothetical, negated or historical."),
    limit: Optional[int] = typer.Option(None, help="At most this many events."),
    as_json: bool = typer.Option(False, "--json", help="One JSON event per line."),
) -> None:
    """List stored events, filtered.

    Example: dyad events --actor PRK --type MOBILIZE --since 2024-01-01 --json
    """
    from dyad.ontology import load_ontology

    ontology = load_ontology()
    if type_ and type_.upper() not in ontology.types:
        _fail(f"--type {type_!r} is not a PLOVER type ({', '.join(ontology.types)})", 2)
    if modality and modality.lower() not in ontology.modalities:
        _fail(f"--modality {modality!r} is not one of {', '.join(ontology.modalities)}", 2)
    since_date, until_date = _date_option(since, "--since"), _date_option(until, "--until")
    rows = _query(db, lambda store: store.events(actor, type_, since_date, until_date, modality, limit))
    if as_json:
        return _print_jsonl(rows)
    from rich.table import Table

    table = Table(title=f"{len(rows)} events", expand=True, show_lines=True)
    for column in ("date", "type", "mode", "actor → recipient", "modality", "evidence"):
        table.add_column(column, overflow="fold")
    for row in rows:
        actors = "; ".join(f"{a['entity_text']} [{a['code'] or '?'}]" for a in row["actor"])
        recipients = "; ".join(f"{a['entity_text']} [{a['code'] or '?'}]" for a in row["recipient"])
        table.add_row(row["date"] or "?", row["event"], ", ".join(row["mode"]),
                      actors + (f" → {recipients}" if recipients else ""), row["modality"], row["text"])
    out.print(table)


@app.command()
def flags(
    db: Path = typer.Option(DEFAULT_DB, help="DuckDB file to read."),
    kind: Optional[str] = typer.Option(None, help="role_conflict, stale_title, premature_title, unverified_role, contradiction, date_anomaly or unverified_claim."),
    since: Optional[str] = typer.Option(None, help="Articles published on or after this date (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON flag per line."),
) -> None:
    """List stored flags: what does not add up in the reports.

    Example: dyad flags --kind role_conflict --since 2024-01-01
    """

    kinds = ("role_conflict", "stale_title", "premature_title", "unverified_role", "contradiction", "date_anomaly",
             "unverified_claim")
    if kind and kind not in kinds:
        _fail(f"--kind {kind!r} is not one of {', '.join(kinds)}", 2)
    since_date = _date_option(since, "--since")
    rows = _query(db, lambda store: store.flags(kind, since_date))
    if as_json:
        return _print_jsonl(rows)
    for row in rows:
        out.print(f"[bold]{row['kind']}[/bold] ({row['severity']}) {row['article_date'] or ''} {row['article_id']}")
        out.print(f"  {row['message']}", markup=False)


@app.command("eval")
def eval_(
    gold: list[Path] = typer.Argument(..., help="Gold JSONL files (format in docs/gold.md)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score dyad against gold sentences: per-type P/R/F1, macro-F1, actor and modality accuracy.

    Example: dyad eval tests/gold/gold-a.jsonl tests/gold/gold-b.jsonl
    """
    from dyad.evaluate import evaluate, load_gold

    items = []
    try:
        for path in gold:
            if not path.exists():
                _fail(f"{path}: no such file")
            items += load_gold(path)
    except EngineError as exc:
        _fail(str(exc))
    report, _ = evaluate(items, _coder())
    if as_json:
        sys.stdout.write(json.dumps(report) + "\n")
        return
    from rich.table import Table

    table = Table(title=f"{report['items']} gold items — macro-F1 {report['macro_f1']:.3f}")
    for column in ("type", "precision", "recall", "F1", "gold", "predicted"):
        table.add_column(column, justify="right" if column != "type" else "left")
    for name, row in report["per_type"].items():
        table.add_row(name, f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}",
                      str(row["support"]), str(row["predicted"]))
    out.print(table)
    out.print(f"macro-F1 {report['macro_f1']:.3f} · micro-F1 {report['micro_f1']:.3f} · "
              f"actor code accuracy {report['actor_code_accuracy']:.3f} · sector accuracy "
              f"{report['actor_sector_accuracy']:.3f} · mode accuracy {report['mode_accuracy']:.3f} · "
              f"modality accuracy {report['modality_accuracy']:.3f}")


@app.command()
def demo(
    db: Path = typer.Option(DEFAULT_DB, help="DuckDB file to create."),
    force: bool = typer.Option(False, "--force", help="Replace the database file if it exists."),
    kb_extra: Optional[Path] = KB_EXTRA,
) -> None:
    """Code the example reports shipped with dyad into a fresh database and print their briefs.

    Example: dyad demo --force
    """
    from dyad.brief import render_brief
    from dyad.ingest import make_article, parse_date
    from dyad.store import Store

    if db.exists():
        if not force:
            _fail(f"{db}: exists; pass --force to replace it", 1)
        db.unlink()
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
        with Store(db) as store:
            stored, skipped, failed = store.write(coded)
            counts = store.counts()
    except StoreError as exc:
        _fail(str(exc))
    _say(f"{stored} example reports coded: {counts['events']} events, {counts['actors']} actor rows → {db}")


kb_app = typer.Typer(no_args_is_help=True, help="Look into the knowledge base: entities, office holders, counts.")
app.add_typer(kb_app, name="kb")


@kb_app.command("lookup")
def kb_lookup(
    name: str = typer.Argument(..., help="A name or alias: a person, country, organisation, group or place."),
    on: Optional[str] = typer.Option(None, help="Mark the roles held on this date (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    kb_extra: Optional[Path] = KB_EXTRA,
) -> None:
    """Show what a name refers to, its aliases, and its roles with dates.

    Example: dyad kb lookup "Kim Yong Hyun" --on 2024-11-04
    """
    from dyad.lookup import lookup

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


@kb_app.command("holder")
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
    from dyad.lookup import holders_of

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


@kb_app.command("stats")
def kb_stats(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    kb_extra: Optional[Path] = KB_EXTRA,
) -> None:
    """Count the knowledge base by kind, with the newest tenure date.

    Example: dyad kb stats
    """
    from dyad.lookup import stats

    result = stats(_kb(kb_extra))
    if as_json:
        sys.stdout.write(json.dumps(result) + "\n")
        return
    for key, value in result.items():
        out.print(f"{key:>20}  {value}")


@kb_app.command("verify")
def kb_verify(
    max_gap_days: int = typer.Option(400, "--max-gap-days", help="Report a gap between two terms longer than this."),
    warnings: bool = typer.Option(False, "--warnings", help="Also print warnings (gaps, persons without a variant)."),
    kb_extra: Optional[Path] = KB_EXTRA,
) -> None:
    """Check the knowledge base itself: overlaps, gaps, impossible terms, missing names and sources.

    Prints one line per problem; exits 1 if any is an error.

    Example: dyad kb verify --max-gap-days 400 --warnings
    """
    from dyad.kb import verify_kb

    problems = verify_kb(_kb(kb_extra), max_gap_days)
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        if problem.severity == "error" or warnings:
            sys.stdout.write(f"{problem.severity}\t{problem.kind}\t{problem.message}\n")
    _say(f"{len(errors)} errors, {len(problems) - len(errors)} warnings")
    if errors:
        raise typer.Exit(1)


import_app = typer.Typer(no_args_is_help=True, help="Import knowledge-base rows into your user layer.")
kb_app.add_typer(import_app, name="import")


@import_app.command("wikidata")
def kb_import_wikidata(
    path: Path = typer.Argument(..., help="SPARQL JSON results (.json) or entity JSON lines (dump or EntityData)."),
    out_path: Path = typer.Option(Path("kb-user.yaml"), "--out", help="User-layer YAML to merge the rows into."),
    kb_extra: Optional[Path] = KB_EXTRA,
) -> None:
    """Parse Wikidata answers, merge them into your user layer; curated rows win, conflicts are listed.

    Example: dyad kb import wikidata holders.json --out kb-user.yaml
    """
    from dyad import wikidata

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


@app.command()
def actors(
    db: Path = typer.Option(DEFAULT_DB, help="DuckDB file to read."),
    unresolved: bool = typer.Option(False, "--unresolved", help="Only actors the knowledge base could not resolve."),
    limit: int = typer.Option(50, help="At most this many rows."),
    as_json: bool = typer.Option(False, "--json", help="One JSON row per line."),
) -> None:
    """List stored actors by how often they occur; --unresolved shows names to add to the KB.

    Example: dyad actors --unresolved --db events.duckdb
    """

    rows = _query(db, lambda store: store.actors(unresolved=unresolved, limit=limit))
    if as_json:
        return _print_jsonl(rows)
    from rich.table import Table

    table = Table(title=("unresolved " if unresolved else "") + f"actors ({len(rows)})")
    for column in ("as written", "code", "sector", "office", "mentions"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["entity_text"], row["code"] or "?", row["sector"] or "", row["office"] or "", str(row["mentions"]))
    out.print(table)


def main() -> None:
    try:
        app()
    except EngineError as exc:  # library errors that reached the top: one line, exit 1
        _say(f"error: {exc}")
        sys.exit(1)
