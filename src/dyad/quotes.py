"""Quotes: direct quotes and embedded social-media posts, with their speakers.

Takes the article text (and its parsed doc for speaker look-up); gives `QuoteSpan`s: the quoted
text, its character span, the speaker phrase (a token head in the doc, resolved later to an
actor) and, for posts, the handle and date of the signature line
(`— Name (@handle) Month D, YYYY`). Link residue such as `pic.twitter.com/…` is not quote text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from dyad.timex import resolve_date

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


def quote_at(quotes: list[QuoteSpan], char: int) -> QuoteSpan | None:
    """The quote or post a character offset falls in."""
    for quote in quotes:
        if quote.start <= char < quote.end:
            return quote
    return None
