"""Feeds: RSS, RSS-RDF and Atom documents → their entries → `Article`s.

`parse_feed` takes a feed's bytes and gives `Entry` records (or raises an `InputError` for a
document that is no feed); `entry_articles` turns entries into Articles, by fetching each
entry's page or, with `summaries_only`, from the summary the feed carries. The entry's own date
is the publication date (it wins over the page's); entries dated before `since` are left out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from dyad.errors import InputError
from dyad.records import Article, Notice, article_id
from dyad.sources.files import make_article


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed entry. `key` identifies it within its feed across polls (its guid, else link, else a hash)."""

    key: str
    link: str | None
    title: str | None
    date: date | None
    summary: str | None
    feed: str
    source: str | None = None


def parse_feed(body: bytes, where: str) -> tuple[list[Entry], Notice | None]:
    """The entries of a feed document, and a notice when the document is malformed but entries were read.

    Raises:
        InputError: the document is not a feed, or is so broken that no entry can be read.
    """
    import feedparser

    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        raise InputError(f"{where}: not a readable RSS or Atom feed ({_reason(reason)})")
    if not parsed.entries and not parsed.version:
        raise InputError(f"{where}: not an RSS or Atom feed")
    source = parsed.feed.get("title") or None
    entries = []
    for item in parsed.entries:
        link = item.get("link") or None
        title = item.get("title") or None
        summary = _plain(item.get("summary") or (item.get("content") or [{}])[0].get("value") or "") or None
        when = item.get("published_parsed") or item.get("updated_parsed")
        published = date(when.tm_year, when.tm_mon, when.tm_mday) if when else None
        key = item.get("id") or link or "h" + hashlib.sha1(f"{title}|{summary}".encode()).hexdigest()[:16]
        entries.append(Entry(key=key, link=link, title=title, date=published, summary=summary, feed=where,
                             source=source))
    notice = None
    if parsed.bozo:
        notice = Notice(f"{where}: malformed feed ({_reason(getattr(parsed, 'bozo_exception', None))}); "
                        f"{len(entries)} entries read anyway")
    return entries, notice


def entry_id(entry: Entry) -> str:
    """The id its article gets: from the entry's link (the same page read any other way shares it)."""
    return article_id("", entry.link) if entry.link else article_id("", f"{entry.feed}#{entry.key}")


def entry_articles(entries: Iterable[Entry], options, meta: dict, *, client=None,
                   known: Callable[[str], bool] | None = None) -> Iterator[tuple[Entry, Article | InputError | None]]:
    """Each entry with its Article (its page fetched, or its summary), an InputError, or None if stored already."""
    from dyad.sources.fetch import fetch
    from dyad.sources.web import article_from_html, page_text

    for entry in entries:
        where = entry.link or f"{entry.feed}#{entry.key}"
        if known and known(entry_id(entry)):
            yield entry, None
            continue
        try:
            if options.summaries_only or not entry.link:
                if not entry.summary:
                    raise InputError(f"{where}: feed entry has no summary to code")
                article = make_article(entry.summary, id=entry_id(entry), date_=entry.date or meta.get("date_"),
                                       title=entry.title, url=entry.link, source=entry.source or meta.get("source"),
                                       where=where)
            else:
                page = fetch(entry.link, options.fetch, client=client)
                article = article_from_html(page_text(page), where, url=entry.link, id=entry_id(entry),
                                            date_=entry.date or meta.get("date_"), title=entry.title,
                                            source=meta.get("source") or entry.source)
                article = replace(article, url=page.url)
            yield entry, article
        except InputError as exc:
            yield entry, exc


def select_entries(entries: list[Entry], since: date | None) -> list[Entry]:
    """Entries on or after `since` (undated entries are kept: nothing says they are old)."""
    return [e for e in entries if since is None or e.date is None or e.date >= since]


def read_feed_page(page, options, meta: dict, *, client=None,
                   known: Callable[[str], bool] | None = None) -> Iterator[Article | InputError | Notice]:
    """The Articles of a fetched feed document, for `dyad code` and `dyad ingest`."""
    yield from read_feed_file(page.body, page.url, options, meta, client=client, known=known)


def read_feed_file(body: bytes, where: str, options, meta: dict, *, client=None,
                   known: Callable[[str], bool] | None = None) -> Iterator[Article | InputError | Notice]:
    """The Articles of a feed saved as a file (.rss, .atom)."""
    try:
        entries, notice = parse_feed(body, where)
    except InputError as exc:
        yield exc
        return
    if notice:
        yield notice
    entries = select_entries(entries, options.since)
    for entry, item in entry_articles(entries, options, meta, client=client, known=known):
        if item is not None:
            yield item


def _plain(html: str) -> str:
    """A summary's text without its markup."""
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        return " ".join(lxml.html.fromstring(html).text_content().split())
    except (ValueError, lxml.etree.ParserError):
        return html.strip()


def _reason(exc: Exception | None) -> str:
    if exc is None:
        return "no entries"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text
