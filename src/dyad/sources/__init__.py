"""Sources: everything that yields `Article`s, chosen by what an input is.

`read_input` takes one input as the user wrote it (an http(s) URL of a page or a feed, a file,
a folder walked recursively) and gives Articles, `Notice`s and `InputError`s (one per bad item;
reading goes on). Files are told apart by suffix: `.txt`, `.html`, `.jsonl` (`dyad.sources.files`),
`.csv`, `.tsv`, `.parquet` (`tables`), `.warc`, `.warc.gz` (`warc`), `.rss`, `.atom` (`feeds`).
URLs are fetched behind the guards of `fetch` (SSRF, redirects, size, type, time-outs).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from dyad.errors import InputError
from dyad.records import Article, Notice
from dyad.sources.fetch import FetchError, FetchSettings, fetch, make_client
from dyad.sources.tables import Columns
from dyad.sources.web import UrlOptions, is_url

__all__ = ["Columns", "FetchError", "FetchSettings", "SourceOptions", "UrlOptions", "fetch", "read_input",
           "read_url_list", "reader", "walk"]

TEXT_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".ndjson")
TABLE_SUFFIXES = (".csv", ".tsv", ".parquet")
FEED_SUFFIXES = (".rss", ".atom")
WARC_SUFFIXES = (".warc", ".warc.gz")
SUFFIXES = TEXT_SUFFIXES + TABLE_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """How inputs are read: URL fetching and feeds (`urls`), table columns (`columns`)."""

    urls: UrlOptions = field(default_factory=UrlOptions)
    columns: Columns = field(default_factory=Columns)


Items = Iterator[Article | InputError | Notice]


@contextmanager
def reader(options: SourceOptions = SourceOptions(), known: Callable[[str], bool] | None = None):
    """A `read(raw, meta)` function sharing one HTTP client (closed on exit).

    `known(article_id)` says an article is stored already, so its page is not fetched again.
    """
    client = make_client(options.urls.fetch)
    try:
        yield lambda raw, meta: read_input(raw, meta, options, client=client, known=known)
    finally:
        client.close()


def read_input(raw: str, meta: dict, options: SourceOptions = SourceOptions(), *, client=None,
               known: Callable[[str], bool] | None = None) -> Items:
    """The items of one input: a URL, a file or a folder (walked recursively).

    Args:
        raw: the input as written on the command line.
        meta: `date_`, `title`, `url`, `source` given by the user for inputs that lack them.
        options: fetch guards, feed and table options.
        client: an httpx client to share between URLs.
        known: `known(article_id)` is True for articles stored already (their pages are not fetched).
    """
    from dyad.sources.web import read_url

    if is_url(raw):
        yield from read_url(raw, options.urls, meta, client=client, known=known)
        return
    if "://" in raw:
        yield FetchError(f"{raw}: refused: only http and https URLs are fetched")
        return
    path = Path(raw)
    if path.is_dir():
        files = walk(path)
        if not files:
            yield InputError(f"{path}: no inputs in this folder (looked for {', '.join(SUFFIXES)})")
        for file in files:
            yield from read_file(file, meta, options, client=client, known=known)
    else:
        yield from read_file(path, meta, options, client=client, known=known)


def walk(folder: Path) -> list[Path]:
    """The files under a folder, recursively and sorted, whose suffix dyad reads; hidden ones left out."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and _suffix(p) in SUFFIXES
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def read_file(path: Path, meta: dict, options: SourceOptions = SourceOptions(), *, client=None,
              known: Callable[[str], bool] | None = None) -> Items:
    """The items of one file, by its suffix; anything not known is read as text (`dyad.sources.files`)."""
    from dyad.sources.files import read_path

    suffix = _suffix(path)
    if suffix in WARC_SUFFIXES:
        from dyad.sources.warc import read_warc

        yield from read_warc(path, meta)
    elif suffix in TABLE_SUFFIXES:
        from dyad.sources.tables import read_table

        if not path.is_file():
            yield InputError(f"{path}: no such file")
            return
        yield from read_table(path, options.columns, meta)
    elif suffix in FEED_SUFFIXES:
        from dyad.sources.feeds import read_feed_file

        try:
            body = path.read_bytes()
        except OSError as exc:
            yield InputError(f"{path}: cannot be read ({exc.strerror})")
            return
        yield from read_feed_file(body, str(path), options.urls, meta, client=client, known=known)
    else:
        yield from read_path(path, **meta)


def read_url_list(path: Path) -> tuple[list[str], list[InputError]]:
    """The URLs of a file, one a line (blank lines and `#` comments skipped); a line that is no URL is an error."""
    try:
        lines = path.read_text("utf-8", errors="replace").splitlines()
    except OSError as exc:
        return [], [InputError(f"{path}: cannot be read ({exc.strerror or exc})")]
    urls, errors = [], []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if is_url(line):
            urls.append(line)
        else:
            errors.append(InputError(f"{path}:{number}: {line[:80]!r} is not an http or https URL"))
    return urls, errors


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()
