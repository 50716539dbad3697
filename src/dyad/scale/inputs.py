"""Inputs on Spark: paths → raw items (on the driver), raw items → `Article`s (on the executors).

A raw item is a tuple `(kind, where, seq, payload)`: `kind` names its parser in `PARSERS`, `where`
names the input as messages do (`feed.jsonl:12`, `reports/a.txt`), `seq` is its place in the
input order (of two copies of a text the first is kept, as `dyad ingest` keeps it) and `payload`
is bytes or a row dict. Reading an item gives `Article`s, a `Failure` for each input that cannot
be read (the same one-line reason `dyad ingest` gives) and `Notice`s.

Adding a format is one `Reader` in `READERS` (the suffixes it takes and how the driver makes raw
items from such paths, e.g. `whole_files("warc")`) and its parser in `PARSERS` (executor side:
payload → Articles). Paths go through Hadoop's file system, so `hdfs://` and `s3a://` paths work
wherever the cluster can read them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from dyad.errors import InputError
from dyad.records import Article, Failure, Notice
from dyad.sources.files import article_from_row, decode, json_problem, make_article, read_html

ROW_FIELDS = ("id", "text", "date", "title", "url", "source")


@dataclass(frozen=True)
class Reader:
    """A kind of input: the path suffixes it takes and how the driver turns its paths into raw items."""

    kind: str
    suffixes: tuple[str, ...]
    read: Callable  # (SparkSession, list[Input]) -> RDD of raw items


@dataclass(frozen=True)
class Input:
    path: str  # as the user gave it, or folder/name for a file listed in a folder
    uri: str  # as Spark names it (file:/..., hdfs://...)
    number: int  # place among all inputs
    reader: Reader


def whole_files(kind: str) -> Callable:
    """A reader of whole files (one raw item per file, bytes); its parser may give several articles."""

    def read(spark, inputs: list[Input]):
        names = {i.uri: (i.path, i.number) for i in inputs}
        files = spark.sparkContext.binaryFiles(",".join(i.uri for i in inputs))
        return files.map(lambda item: (kind, *_named(names, item[0]), item[1]))

    return read


def _named(names: dict, uri: str) -> tuple[str, tuple[int, int]]:
    path, number = names.get(uri) or names.get(uri.replace("file:///", "file:/"), (uri, 0))
    return path, (number, 0)


def _read_lines(spark, inputs: list[Input]):
    """One raw item per line, numbered from 1 in each file (bytes: a bad byte is one line's notice)."""
    sc = spark.sparkContext
    parts = []
    for item in inputs:
        lines = sc.textFile(item.uri, use_unicode=False).zipWithIndex()
        parts.append(lines.map(lambda li, path=item.path, n=item.number: ("jsonl", f"{path}:{li[1] + 1}", (n, li[1]),
                                                                           li[0])))
    return sc.union(parts)


def _read_table(spark, inputs: list[Input]):
    """One raw item per Parquet row: a dict of the columns an article has (text, and id, date, ... if there)."""
    parts = []
    for item in inputs:
        frame = spark.read.parquet(item.uri)
        columns = [c for c in ROW_FIELDS if c in frame.columns]
        if "text" not in columns:
            raise InputError(f"{item.path}: no \"text\" column (columns: {', '.join(frame.columns)})")
        frame = frame.select(*[frame[c].cast("string").alias(c) for c in columns])
        parts.append(frame.rdd.zipWithIndex().map(
            lambda ri, path=item.path, n=item.number: ("row", f"{path}:row {ri[1] + 1}", (n, ri[1]), ri[0].asDict())))
    return spark.sparkContext.union(parts)


# Longer suffixes first: the first reader whose suffix ends a name takes it.
READERS: list[Reader] = [
    Reader("jsonl", (".jsonl", ".ndjson"), _read_lines),
    Reader("row", (".parquet",), _read_table),
    Reader("file", (".txt", ".html", ".htm"), whole_files("file")),
]
TEXT = READERS[-1]  # a file of another suffix named on the command line is read as text, as `dyad ingest` does


def reader_for(name: str) -> Reader | None:
    lower = name.lower()
    return next((r for r in READERS if lower.endswith(r.suffixes)), None)


def expand(spark, paths: list[str]) -> list[Input]:
    """The inputs behind paths: a file as its suffix says, a folder as the readable files in it (not recursive).

    A folder whose name ends in .parquet is one table (as Spark writes them). Raises an InputError
    naming a path that does not exist or a folder with nothing to read.
    """
    sc = spark.sparkContext
    conf = sc._jsc.hadoopConfiguration()
    hadoop = sc._jvm.org.apache.hadoop.fs
    inputs: list[Input] = []
    for given in paths:
        pattern = hadoop.Path(given)
        fs = pattern.getFileSystem(conf)
        matches = fs.globStatus(pattern) or []  # a plain path matches itself; a glob (*.jsonl) what it names
        if not matches:
            raise InputError(f"{given}: no such file or folder")
        literal = len(matches) == 1 and not any(c in given for c in "*?[{")
        for status in sorted(matches, key=lambda s: s.getPath().toString()):
            uri = status.getPath().toString()
            _expand_one(fs, status, given if literal else uri, uri, inputs)
    return inputs


def _expand_one(fs, status, raw: str, uri: str, inputs: list[Input]) -> None:
    """Add the inputs of one matched path: itself, or the readable files of a folder."""
    path = status.getPath()
    reader = reader_for(raw.rstrip("/"))
    if not status.isDirectory():
        inputs.append(Input(raw, uri, len(inputs), reader or TEXT))
        return
    if reader is not None and reader.kind == "row":
        inputs.append(Input(raw, uri, len(inputs), reader))
        return
    found = 0
    for child in sorted(fs.listStatus(path), key=lambda s: s.getPath().getName()):
        name = child.getPath().getName()
        child_reader = reader_for(name)
        if child.isDirectory() or child_reader is None or name.startswith((".", "_")):
            continue
        inputs.append(Input(f"{raw.rstrip('/')}/{name}", child.getPath().toString(), len(inputs), child_reader))
        found += 1
    if not found:
        suffixes = ", ".join(s for r in READERS for s in r.suffixes)
        raise InputError(f"{raw}: no files to read in the folder (suffixes read: {suffixes})")


def raw_items(spark, inputs: list[Input]):
    """One RDD of raw items from all inputs, in input order."""
    parts = []
    for reader in READERS:
        mine = [i for i in inputs if i.reader is reader]
        if mine:
            parts.append(reader.read(spark, mine))
    return spark.sparkContext.union(parts)


# --- executor side ------------------------------------------------------------------------------
def _parse_line(where: str, data: bytes, meta: dict) -> Iterator[Article | Notice]:
    if not data.strip():
        return
    text, notice = decode(data, where)
    if notice:
        yield notice
    try:
        row = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: malformed JSON at column {exc.colno}: {json_problem(exc)}") from None
    yield article_from_row(row, where, **meta)


def _parse_row(where: str, row: dict, meta: dict) -> Iterator[Article]:
    yield article_from_row(row, where, **meta)


def _parse_file(where: str, data: bytes, meta: dict) -> Iterator[Article | Notice]:
    """A report file as `dyad ingest` reads it: HTML through trafilatura, anything else as text."""
    text, notice = decode(data, where)
    if notice:
        yield notice
    if where.lower().endswith((".html", ".htm")):
        article = read_html(Path(where), text)
        yield replace(article, date=meta["date_"] or article.date, title=meta["title"] or article.title,
                      url=meta["url"] or article.url, source=meta["source"] or article.source)
    else:
        yield make_article(text, where=where, **meta)


PARSERS: dict[str, Callable] = {"jsonl": _parse_line, "row": _parse_row, "file": _parse_file}


def articles_of(raw: tuple, meta: dict) -> Iterator[tuple[tuple, Article | Failure | Notice]]:
    """(seq, record) for everything one raw item holds; an input that cannot be read is a Failure, never an error."""
    kind, where, seq, payload = raw
    try:
        for k, item in enumerate(PARSERS[kind](where, payload, meta)):
            yield (*seq, k), item
    except InputError as exc:
        yield (*seq, 0), Failure(input=str(exc).split(": ", 1)[0], stage="ingest", reason=str(exc))
    except Exception as exc:  # a reader's own bug must not end the job: the input is recorded as failed
        yield (*seq, 0), Failure(input=where, stage="ingest", reason=f"{where}: {type(exc).__name__}: {exc}")
