"""Web pages: HTML (fetched or archived) → an `Article` by trafilatura, and a URL → Articles.

`article_from_html` takes the page's bytes or text and what is known about it (URL, date from a
feed or a WARC record) and gives an Article or raises an `InputError`; metadata given by the
caller wins over what the page says. `read_url` fetches a URL and gives the page's Article, or,
when the URL is a feed, the Articles of its entries (`dyad.sources.feeds`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from dyad.errors import InputError
from dyad.records import Article, Notice, article_id
from dyad.sources.fetch import FetchSettings, Page, fetch
from dyad.sources.files import decode, make_article, parse_date


def article_from_html(html: bytes | str, where: str, *, url: str | None = None, id: str | None = None,
                      date_: date | None = None, title: str | None = None, source: str | None = None) -> Article:
    """An Article from a web page: trafilatura gives the text, title, date, site and canonical URL.

    Args:
        html: the page (bytes are decoded as UTF-8, bad bytes replaced).
        where: names the input in messages (the URL, or warc-file#record).
        url: the page's URL; the id is made from it unless `id` is given.
        id, date_, title, source: values that win over what the page says.

    Raises:
        InputError: the page has no article text.
    """
    import trafilatura

    if isinstance(html, bytes):
        html = decode(html, where)[0]
    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            favor_precision=True)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise InputError(f"{where}: no article text found in the HTML page")
    meta_date = getattr(extracted, "date", None)
    page_url = url or getattr(extracted, "url", None)
    try:
        page_date = parse_date(meta_date, where) if meta_date else None
    except InputError:
        page_date = None  # a page's own odd date is not a reason to lose its text
    return make_article(text, id=id or (article_id("", page_url) if page_url else None), date_=date_ or page_date,
                        title=title or getattr(extracted, "title", None), url=page_url,
                        source=source or getattr(extracted, "sitename", None), where=where)


def is_url(value: str) -> bool:
    return value.split(":", 1)[0].lower() in ("http", "https") and "://" in value


def looks_like_feed(page: Page) -> bool:
    """True for RSS, Atom and RDF answers: by content type, or by the first element when the type is vague."""
    kind = page.content_type
    if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    if kind in ("text/html", "application/xhtml+xml"):
        return False
    start = page.body[:1024].lstrip().lower()
    return start.startswith(b"<?xml") and any(tag in page.body[:4096].lower() for tag in (b"<rss", b"<feed", b"<rdf"))


@dataclass(frozen=True, slots=True)
class UrlOptions:
    """How URLs are read: the fetch guards, feeds' summaries or pages, the earliest entry date."""

    fetch: FetchSettings = FetchSettings()
    summaries_only: bool = False
    since: date | None = None


def read_url(url: str, options: UrlOptions, meta: dict, *, client=None,
             known: Callable[[str], bool] | None = None) -> Iterator[Article | InputError | Notice]:
    """The Article of a page URL, or the Articles of a feed URL's entries; failures are yielded, not raised.

    `known(article_id)` says an article is stored already: its page is then not fetched again.
    """
    from dyad.sources.feeds import read_feed_page

    if known and known(article_id("", url)):
        return  # stored already: the caller counts it
    try:
        page = fetch(url, options.fetch, client=client)
        if looks_like_feed(page):
            yield from read_feed_page(page, options, meta, client=client, known=known)
            return
        body = page_text(page)
        if page.content_type.startswith("text/plain"):
            article = make_article(body, id=article_id("", url), url=page.url, where=url, **_meta(meta))
        else:
            article = replace(article_from_html(body, url, url=url, id=article_id("", url), **_meta(meta)),
                              url=page.url)
        yield article
    except InputError as exc:
        yield exc


def page_text(page: Page) -> str:
    """A page's body as text, in the charset its server declared (UTF-8 when none), bad bytes replaced."""
    if page.charset and page.charset.lower().replace("-", "") not in ("utf8", "usascii"):
        try:
            return page.body.decode(page.charset, errors="replace")
        except LookupError:
            pass
    return decode(page.body, page.url)[0]


def _meta(meta: dict) -> dict:
    return {k: meta.get(k) for k in ("date_", "title", "source")}
