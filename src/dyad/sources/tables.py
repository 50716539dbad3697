"""Tables: CSV, TSV and Parquet files → one `Article` per row.

Takes a path and `Columns` (which column holds the text, id, date, URL; title and source are
read from columns of those names when present); gives Articles, and an `InputError` naming the
file and row for a row that cannot be read (empty text, a date that is not one), then goes on.
CSV is read by Python's csv module (streamed, with row numbers), Parquet by DuckDB in chunks.
A column asked for that the file lacks is one error for the whole file, listing its columns.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dyad.errors import InputError
from dyad.records import Article, Notice
from dyad.sources.files import make_article, parse_date

CHUNK = 1024


@dataclass(frozen=True, slots=True)
class Columns:
    """Column names. `None` means: the column of the default name if the file has one."""

    text: str = "text"
    id: str | None = None
    date: str | None = None
    url: str | None = None


def read_table(path: Path, columns: Columns = Columns(), meta: dict | None = None) -> Iterator[Article | InputError | Notice]:
    """The Articles of a CSV, TSV or Parquet file, one per row."""
    meta = meta or {}
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            names, rows = _parquet_rows(path)
        else:
            names, rows = _csv_rows(path, "\t" if suffix == ".tsv" else ",")
        chosen = _choose(names, columns, str(path))
    except InputError as exc:
        yield exc
        return
    try:
        for number, row in rows:
            yield from _article(row, chosen, f"{path}:{number}", meta)
    except (csv.Error, UnicodeDecodeError, OSError) as exc:
        yield InputError(f"{path}: cannot be read past this point ({exc})")


def _choose(names: list[str], columns: Columns, where: str) -> dict[str, str | None]:
    """Which column each field comes from; a column asked for that is missing is an InputError."""
    chosen = {}
    for field, asked, default in (("text", columns.text, "text"), ("id", columns.id, "id"),
                                  ("date", columns.date, "date"), ("url", columns.url, "url"),
                                  ("title", None, "title"), ("source", None, "source")):
        if asked is not None and asked not in names:
            flag = f"--{field}-col"
            raise InputError(f"{where}: no column {asked!r} for {flag} (columns: {', '.join(names) or 'none'})")
        chosen[field] = asked if asked is not None else (default if default in names else None)
    return chosen


def _article(row: dict, chosen: dict, where: str, meta: dict) -> Iterable[Article | InputError]:
    def value(field: str):
        name = chosen[field]
        cell = row.get(name) if name else None
        return None if cell is None or (isinstance(cell, str) and not cell.strip()) else cell

    try:
        text = value("text")
        if text is None:
            raise InputError(f"{where}: empty text in column {chosen['text']!r}, nothing to code")
        yield make_article(str(text), id=str(value("id")) if value("id") is not None else None,
                           date_=parse_date(value("date"), where) if value("date") is not None else meta.get("date_"),
                           title=str(value("title") or "") or meta.get("title"),
                           url=str(value("url") or "") or meta.get("url"),
                           source=str(value("source") or "") or meta.get("source"), where=where)
    except InputError as exc:
        yield exc


def _csv_rows(path: Path, delimiter: str):
    """The header, and a generator of (line number, row) that opens the file only when read."""
    csv.field_size_limit(10_000_000)
    try:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            names = next(csv.reader(handle, delimiter=delimiter), [])
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    if not names:
        raise InputError(f"{path}: empty table, no header row")

    def rows():
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            reader = csv.DictReader(handle, delimiter=delimiter)
            for row in reader:
                yield reader.line_num, row

    return names, rows()


def _parquet_rows(path: Path):
    import duckdb

    con = duckdb.connect()
    try:
        relation = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
    except duckdb.Error as exc:
        con.close()
        raise InputError(f"{path}: not a readable Parquet file ({str(exc).strip().splitlines()[0]})") from None
    names = [d[0] for d in relation.description]

    def rows():
        number = 0
        try:
            while chunk := relation.fetchmany(CHUNK):
                for values in chunk:
                    number += 1
                    yield number, dict(zip(names, values))
        finally:
            con.close()

    return names, rows()
