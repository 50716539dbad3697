"""Watch: poll feeds in rounds and code only what is new, remembering where it stopped in DuckDB.

Takes feed URLs, a `Store`, a way to get a `Coder` and `SourceOptions`; each round fetches every
feed with its last ETag and Last-Modified (a 304 costs nothing), reads the entries not seen
before, fetches their pages (or takes their summaries), codes them and writes them in batches,
then marks those entries seen. A feed that fails (unreachable, refused, not a feed) gets a
failure row with its reason and the other feeds go on. Killed at any point, the next run picks
up where it stopped: entries are marked seen only after their articles are stored, and an
article already stored (by id) is never fetched, coded or stored again.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from dyad.errors import InputError
from dyad.records import Article, Failure
from dyad.sources import SourceOptions
from dyad.sources.feeds import entry_articles, entry_id, parse_feed, select_entries
from dyad.sources.fetch import fetch

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.IGNORECASE)
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True, slots=True)
class FeedReport:
    """What one poll of one feed did."""

    feed: str
    status: str  # ok | not_modified | failed
    entries: int = 0
    new: int = 0
    coded: int = 0
    failed: int = 0
    reason: str | None = None

    def line(self) -> str:
        if self.status == "not_modified":
            return f"{self.feed}: not modified"
        if self.status == "failed":
            return f"{self.feed}: failed: {self.reason}"
        return (f"{self.feed}: {self.entries} entries, {self.new} new, {self.coded} coded, "
                f"{self.failed} failed")


def parse_every(value: str) -> float:
    """Seconds from `30s`, `15m`, `2h`, `1d` or a bare number of seconds.

    Raises:
        ValueError: the value is none of these.
    """
    match = _EVERY.match(value)
    if not match:
        raise ValueError(f"--every {value!r} is not a duration such as 30s, 15m or 2h")
    return float(match[1]) * _UNIT[(match[2] or "s").lower()]


def read_feed_list(path) -> tuple[list[str], list[InputError]]:
    from dyad.sources import read_url_list

    return read_url_list(path)


def poll_feed(url: str, store, get_coder: Callable, options: SourceOptions, meta: dict, *, client=None,
              batch_size: int = 64) -> FeedReport:
    """Fetch one feed (conditionally), code its new entries into the store, and remember them."""
    state = store.feed_state(url) or {}
    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    try:
        page = fetch(url, options.urls.fetch, client=client, headers=headers)
        if page.status == 304:
            store.save_feed_state(url, state.get("etag"), state.get("last_modified"), "not_modified")
            return FeedReport(url, "not_modified")
        entries, _ = parse_feed(page.body, url)  # a malformed feed whose entries could be read is read
        entries = select_entries(entries, options.urls.since)
    except InputError as exc:
        store.write([Failure(input=url, stage="watch", reason=str(exc))])
        store.save_feed_state(url, state.get("etag"), state.get("last_modified"), "failed", str(exc))
        return FeedReport(url, "failed", reason=str(exc))
    seen = store.seen_entries(url, [e.key for e in entries])
    new = [e for e in entries if e.key not in seen]
    coded = failed = 0
    for start in range(0, len(new), batch_size):
        chunk = new[start:start + batch_size]
        stored = store.stored_ids([entry_id(entry) for entry in chunk])  # one query for the chunk
        results = list(entry_articles(chunk, options.urls, meta, client=client, known=stored.__contains__))
        articles = [item for _, item in results if isinstance(item, Article)]
        batch: list = [Failure(input=str(item).split(": ", 1)[0], stage="watch", reason=str(item))
                       for _, item in results if isinstance(item, InputError)]
        if articles:
            batch += list(get_coder().code_many(articles, batch_size=batch_size))
        written = store.write(batch)
        coded += written.stored
        failed += written.failed
        store.mark_seen(url, [(entry.key, entry_id(entry), _status(item)) for entry, item in results])
    store.save_feed_state(url, page.headers.get("etag"), page.headers.get("last-modified"), "ok")
    return FeedReport(url, "ok", entries=len(entries), new=len(new), coded=coded, failed=failed)


def watch(feeds: list[str], store, get_coder: Callable, options: SourceOptions, meta: dict, *, every: float,
          rounds: int = 0, batch_size: int = 64, say: Callable[[str], None] = lambda line: None,
          sleep: Callable[[float], None] = time.sleep) -> list[FeedReport]:
    """Poll every feed each round, `every` seconds apart, for `rounds` rounds (0: until interrupted).

    Returns:
        The reports of every feed in every round.
    """
    from dyad.sources.fetch import make_client

    reports = []
    done = 0
    with make_client(options.urls.fetch) as client:
        while True:
            done += 1
            for url in feeds:
                report = poll_feed(url, store, get_coder, options, meta, client=client, batch_size=batch_size)
                reports.append(report)
                say(f"round {done}: {report.line()}")
            if rounds and done >= rounds:
                return reports
            sleep(every)


def _status(item) -> str:
    if item is None:
        return "stored"
    return "failed" if isinstance(item, InputError) else "coded"
