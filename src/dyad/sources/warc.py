"""WARC archives: `.warc` and `.warc.gz` files → an `Article` per archived HTML page.

Takes a path; gives, for each `response` record holding an HTML page (status 200), its Article
with the record's capture date as publication date (the page's own date wins when it has one)
and its target URL; other records (requests, metadata, images) are passed over. A record whose
page has no text, and a truncated or corrupt part of the file, each give an `InputError` that
names the file and the byte offset; the records before it are still read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from dyad.errors import InputError
from dyad.records import Article, Notice
from dyad.sources.files import parse_date
from dyad.sources.web import article_from_html

# Records end with two CRLFs in an uncompressed WARC; warcio's lengths leave them out.
_RECORD_END = 4


def read_warc(path: Path, meta: dict | None = None) -> Iterator[Article | InputError | Notice]:
    """The Articles of a WARC file's HTML responses; a bad record or a cut-off end is an InputError."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    meta = meta or {}
    try:
        size = path.stat().st_size
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(f"{path}: cannot be read ({exc.strerror})")
        return
    with handle:
        compressed = handle.read(2) == b"\x1f\x8b"
        handle.seek(0)
        records = ArchiveIterator(handle)
        end = 0
        try:
            for record in records:
                uri = record.rec_headers.get_header("WARC-Target-URI")
                html = _html_of(record)  # before the offset: asking warcio for it reads the record to its end
                records.read_to_end(record)
                offset = records.get_record_offset()
                end = offset + records.get_record_length()
                if not compressed and end + _RECORD_END > size:
                    yield InputError(f"{path}@{offset}: record for {uri} is truncated (the file ends at byte {size:,}); "
                                     "the records before it were read")
                    return
                if compressed and not _whole_member(path, offset, end - offset):
                    yield InputError(f"{path}@{offset}: record for {uri} is truncated or corrupt (its gzip member "
                                     "does not end); the records before it were read")
                    return
                end += 0 if compressed else _RECORD_END
                if html is None:
                    continue
                where = f"{path}@{offset} {uri}"
                try:
                    captured = parse_date(record.rec_headers.get_header("WARC-Date"), where)
                    article = article_from_html(html, where, url=uri, title=meta.get("title"),
                                                source=meta.get("source"))
                    yield _dated(article, meta.get("date_"), captured)
                except InputError as exc:
                    yield exc
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            yield InputError(f"{path}@{end}: corrupt or truncated WARC from byte {end:,} on "
                             f"({type(exc).__name__}: {_first_line(exc)}); the records before it were read")
            return
        if end < size:
            yield InputError(f"{path}@{end}: corrupt or truncated WARC from byte {end:,} on ({size - end:,} bytes "
                             "could not be read as records); the records before it were read")


def _whole_member(path: Path, offset: int, length: int) -> bool:
    """True when the gzip member at `offset` decompresses to its end (warcio passes a cut-off one in silence)."""
    import zlib

    with path.open("rb") as handle:
        handle.seek(offset)
        data = handle.read(length)
    inflater = zlib.decompressobj(wbits=31)
    try:
        while data and not inflater.eof:
            inflater.decompress(data, 1 << 20)
            data = inflater.unconsumed_tail
    except zlib.error:
        return False
    return inflater.eof


def _html_of(record) -> bytes | None:
    """The body of an HTML response record with status 200, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if status != "200" or kind not in ("text/html", "application/xhtml+xml"):
        return None
    return record.content_stream().read()


def _dated(article: Article, given, captured) -> Article:
    from dataclasses import replace

    return replace(article, date=given or article.date or captured)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
