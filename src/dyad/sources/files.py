"""Ingest: files, standard input and JSONL lines → `Article` records.

Takes a path (`.txt`, `.html`, `.jsonl`) or text and the metadata the user gives; gives
Articles, `Notice`s (bytes that were not UTF-8 and were replaced) or a one-line `InputError` that
names the input and the reason. Datelines ("NAIROBI (Agency) –") are recognised here and kept
apart from the first sentence. Language detection lives in `dyad.language`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from dyad.errors import InputError
from dyad.records import Article, Notice, article_id

MAX_CHARS = 1_000_000  # spaCy's own limit for one document
# A wire dateline: "KYIV, Ukraine (AP) —", "WASHINGTON, March 3 (Reuters) -", "GENEVA, 12 March 2024 –". Its
# date (month and day, sometimes the year) is not part of the place.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_DATELINE = re.compile(
    rf"""^\s*
    (?P<place>[A-Z][\w.'’\-/ ]{{1,40}}?(?:,\s*(?!{_MONTH}\s+\d)[A-Z][\w.'’\- ]{{1,40}}?)?)
    (?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?)?\s*
    (?:\((?P<source>[^()\n]{{2,60}})\))?\s*
    (?P<dash>[–—-]{{1,2}})\s+""",
    re.VERBOSE,
)
def parse_date(value: str | None, where: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"{where}: date {value!r} is not an ISO date (YYYY-MM-DD)") from None


def make_article(text: str, *, id: str | None = None, date_: date | None = None, title: str | None = None,
                 url: str | None = None, source: str | None = None, where: str = "<text>") -> Article:
    """An Article from text, with its dateline recognised; refuses empty and over-long text."""
    if not text.strip():
        raise InputError(f"{where}: empty input, nothing to code")
    if len(text) > MAX_CHARS:
        raise InputError(f"{where}: text is {len(text):,} characters, over the limit of {MAX_CHARS:,}; split it into articles")
    article = Article(id=id or article_id(text, url), text=text, date=date_, title=title, url=url, source=source,
                      origin=where)
    return with_dateline(article)


def with_dateline(article: Article) -> Article:
    match = _DATELINE.match(article.text)
    if not match:
        return article
    place, source = match["place"].strip(), match["source"]
    parts = [p.strip() for p in place.split(",")]
    if not source and not parts[0].isupper() and not (len(parts) == 2 and match["dash"] in ("--", "—")
                                                      and article.text[match.end():match.end() + 1].isupper()):
        return article  # "The minister – who…" is not a dateline: need CAPS, a (Source) or "Kabul, Afghanistan -- The…"
    if len(parts[0].split()) > 4 or len(parts[-1].split()) > 5 or re.match(rf"{_MONTH}\s+\d", place, re.IGNORECASE) \
            or parts[0].lower() in _WEEKDAYS:
        return article  # "MARCH 3 (Reuters) -", "MONDAY, June 3 (Reuters) -": a date, no place
    place = ", ".join(p.title() if p.isupper() else p for p in parts)
    return replace(article, dateline_place=place,
                   dateline_source=source.strip() if source else None, body_start=match.end(),
                   source=article.source or (source.strip() if source else None))


def read_text(path: Path) -> tuple[str, Notice | None]:
    """The text of a file and a notice if bytes had to be replaced, or an InputError saying why it cannot be read."""
    where = str(path)
    if not path.exists():
        raise InputError(f"{where}: no such file")
    if path.is_dir():
        raise InputError(f"{where}: is a directory, not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{where}: cannot be read ({exc.strerror})") from None
    return decode(data, where)


def decode(data: bytes, where: str) -> tuple[str, Notice | None]:
    """UTF-8 text; invalid bytes become U+FFFD and the notice names the first one's offset and line.

    Empty and binary input (a NUL byte near the start) is refused with an InputError.
    """
    if not data.strip():
        raise InputError(f"{where}: empty input, nothing to code")
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: binary file, not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        first = exc.start
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    line = data.count(b"\n", 0, first) + 1
    return text, Notice(f"{where}: not valid UTF-8 at byte offset {first} (0x{data[first]:02x}, line {line}); "
                        f"{bad} invalid byte sequence{'s' if bad != 1 else ''} replaced with U+FFFD")


def read_html(path: Path, html: str | None = None) -> Article:
    """An Article from a saved web page (text, title, date and site by trafilatura, as for fetched pages)."""
    from dyad.sources.web import article_from_html  # web builds on this module's readers

    return article_from_html(html if html is not None else read_text(path)[0], str(path))


def read_jsonl(path: Path | None, text: str | None = None, *, date_: date | None = None, title: str | None = None,
               url: str | None = None, source: str | None = None) -> Iterator[Article | InputError | Notice]:
    """One Article per line; a bad line yields an InputError naming the line, and reading goes on.

    `date_`, `title`, `url` and `source` fill in what a line does not give.
    """
    where = str(path) if path else "<stdin>"
    if text is None:
        text, notice = read_text(path)
        if notice:
            yield notice
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        here = f"{where}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{here}: malformed JSON at column {exc.colno}: {json_problem(exc)}")
            continue
        try:
            yield article_from_row(row, here, date_=date_, title=title, url=url, source=source)
        except InputError as exc:
            yield exc


def article_from_row(row: object, here: str, *, date_: date | None = None, title: str | None = None,
                     url: str | None = None, source: str | None = None) -> Article:
    """An Article from one record (a JSONL object or a table row with the same fields: text, id, date, ...).

    Raises an InputError naming `here` (file:line) and the reason; the metadata fills in what the row lacks.
    """
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        raise InputError(f"{here}: expected an object with a \"text\" string")
    return make_article(
        row["text"], id=str(row["id"]) if row.get("id") is not None else None,
        date_=parse_date(row.get("date"), here) or date_, title=row.get("title") or title,
        url=row.get("url") or url, source=row.get("source") or source, where=here,
    )


def json_problem(exc: json.JSONDecodeError) -> str:
    """The JSON library's reason without its dangling position words ("Unterminated string starting at")."""
    reason = exc.msg.removesuffix(" at").removesuffix(" starting")
    return reason[:1].lower() + reason[1:]


def read_path(path: Path, *, date_: date | None = None, title: str | None = None, url: str | None = None,
              source: str | None = None) -> Iterator[Article | InputError | Notice]:
    """Articles from one input path, chosen by its suffix (.jsonl, .html/.htm, anything else as text).

    The metadata given is used for a .txt file, replaces what an HTML page says, and fills in what
    a JSONL line lacks.
    """
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        try:
            yield from read_jsonl(path, date_=date_, title=title, url=url, source=source)
        except InputError as exc:
            yield exc
        return
    try:
        text, notice = read_text(path)
        if notice:
            yield notice
        if suffix in (".html", ".htm"):
            article = read_html(path, text)
            if date_ or title or url or source:
                article = replace(article, date=date_ or article.date, title=title or article.title,
                                  url=url or article.url, source=source or article.source)
            yield article
        else:
            yield make_article(text, date_=date_, title=title, url=url, source=source, where=str(path))
    except InputError as exc:
        yield exc
