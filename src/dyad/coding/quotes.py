"""Quotes: direct quotes and embedded social-media posts, with their speakers.

Takes the article text (and its parsed doc for speaker look-up); gives `QuoteSpan`s: the quoted
text, its character span, the speaker phrase (a token head in the doc, resolved later to an
actor) and, for posts, the handle and date of the signature line
(`— Name (@handle) Month D, YYYY`). Link residue such as `pic.twitter.com/…` is not quote text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from dyad.coding.timex import resolve_date

_SIGNATURE = re.compile(
    r"^[ \t]*[—–-][ \t]*(?P<name>[^\n(@]{2,80}?)[ \t]*\((?P<handle>@\w{1,30})\)[ \t]*(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})[ \t]*$",
    re.MULTILINE,
)
_LINK = re.compile(r"\s*(?:pic\.twitter\.com/\w+|https?://t\.co/\w+|https?://\S+)")
_QUOTE = re.compile(r"[“\"](?P<body>[^“”\"\n]{8,}?)(?:[”\"]|(?=\n))")
_SPEECH = {"say", "tell", "add", "write", "tweet", "post", "state", "declare", "announce", "insist", "note",
           "warn", "stress", "explain", "ask", "reply", "respond", "continue", "argue", "conclude", "urge"}


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    text: str
    start: int
    end: int
    kind: str  # quote | post
    speaker_text: str | None = None
    speaker_head: int | None = None  # token index of the speaker phrase's head in the doc
    handle: str | None = None
    date: date | None = None


def _strip_links(text: str) -> str:
    return _LINK.sub("", text).strip()


def find_posts(text: str, published: date | None) -> list[QuoteSpan]:
    """Embedded posts: the line(s) before a signature line, plus a following line of link residue."""
    posts = []
    for match in _SIGNATURE.finditer(text):
        body_end = match.start() - 1
        body_start = text.rfind("\n", 0, max(body_end, 0)) + 1
        body = text[body_start:body_end]
        start, end = body_start, body_end
        after = text[match.end() + 1:]
        next_line = after.split("\n", 1)[0]
        if _LINK.search(next_line):  # the embed's text continues after the signature, ending in its link
            body = body + " " + next_line
            end = match.end() + 1 + len(next_line)
        base = published or date.today()
        when = resolve_date(match["date"], base)
        posts.append(QuoteSpan(text=_strip_links(body), start=start, end=end, kind="post",
                               speaker_text=match["name"].strip(), handle=match["handle"],
                               date=when[0] if when else None))
    return posts


def signature_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of signature lines and link residue, which are not article prose."""
    spans = [(m.start(), m.end()) for m in _SIGNATURE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _LINK.finditer(text)]
    return spans


def find_quotes(text: str, doc: Doc) -> list[QuoteSpan]:
    """Direct quotes with the speaker the sentence gives ("…," X said / X said: "…" / "…," said X)."""
    quotes: list[QuoteSpan] = []
    for match in _QUOTE.finditer(text):
        body = match["body"].strip(" ,")
        if len(body.split()) < 3:
            continue  # scare quotes ("a “red line”") are not statements
        start, end = match.start("body"), match.end("body")
        head = _speaker(doc, start, end)
        if head is None and quotes and _adjacent(text, quotes[-1].end, start):
            previous = quotes[-1]  # a quote split around its attribution, or a continued paragraph
            quotes.append(QuoteSpan(body, start, end, "quote", previous.speaker_text, previous.speaker_head))
            continue
        speaker_text = None
        if head is not None:
            speaker_text = doc[head.left_edge.i : head.right_edge.i + 1].text if head.pos_ != "PRON" else head.text
        quotes.append(QuoteSpan(body, start, end, "quote", speaker_text, head.i if head is not None else None))
    return quotes


def _adjacent(text: str, previous_end: int, start: int) -> bool:
    gap = text[previous_end:start]
    return len(gap) < 200 and gap.count("\n") <= 2


def _speaker(doc: Doc, start: int, end: int) -> Token | None:
    """The subject of a speech verb outside the quote, in the sentence(s) the quote sits in."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sentences = {tok.sent for tok in span}
    for sent in sentences:
        for tok in sent:
            if tok.lemma_.lower() in _SPEECH and not (start <= tok.idx < end):
                for child in tok.children:
                    if child.dep_ in ("nsubj", "nsubjpass") and not (start <= child.idx < end):
                        return child
    return None


class QuoteIndex(Sequence):
    """Quotes and posts (anything with `start` and `end`) in their given order, found by offset.

    `at` is a binary search when the spans do not overlap (as quotes and posts found in one text
    never do), so looking one up for every event costs log(n), not n; with overlaps it falls back
    to a scan, which gives the same answer: the first span in the given order that holds the offset.
    """

    def __init__(self, spans: Iterable = ()):
        self._spans = tuple(spans)
        self._order = sorted(range(len(self._spans)), key=lambda i: self._spans[i].start)
        self._starts = [self._spans[i].start for i in self._order]
        self._disjoint = all(self._spans[a].end <= self._spans[b].start for a, b in zip(self._order, self._order[1:]))

    def __getitem__(self, index):
        return self._spans[index]

    def __len__(self) -> int:
        return len(self._spans)

    def at(self, char: int, kind: str | None = None):
        """The first span that holds the character offset (and is of `kind`, if given), else None."""
        if not self._disjoint:
            return next((q for q in self._spans if q.start <= char < q.end and kind in (None, q.kind)), None)
        i = bisect_right(self._starts, char) - 1
        if i < 0:
            return None
        quote = self._spans[self._order[i]]
        return quote if char < quote.end and kind in (None, quote.kind) else None
