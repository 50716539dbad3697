"""Pipeline on long reports: coding work grows with the text, not with its square; order is kept."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest
from spacy.tokens import Doc

from dyad.coding.parse import CHUNK_CHARS
from dyad.coding.pipeline import code_article
from dyad.sources.files import make_article


def _examples() -> list[str]:
    folder = resources.files("dyad.data").joinpath("examples")
    index = json.loads(folder.joinpath("index.json").read_text("utf-8"))
    return [folder.joinpath(entry["file"]).read_text("utf-8").strip() for entry in index]


def _report(chars: int) -> str:
    """The shipped examples one after another, as one report of at least `chars` characters."""
    examples = _examples()
    parts, length = [], 0
    while length < chars:
        parts.append(examples[len(parts) % len(examples)])
        length += len(parts[-1]) + 2
    return "\n\n".join(parts) + "\n"


class _CountingDoc(Doc):
    """A Doc that counts reads of `ents`: each read walks every token of the document.

    `Span.ents` (what `sent.ents` is) reads `doc.ents` too, so this counts both.
    """

    ents_reads = 0

    @property
    def ents(self):
        self.ents_reads += 1
        return Doc.ents.__get__(self)

    @ents.setter
    def ents(self, value):
        Doc.ents.__set__(self, value)


def _code_counting(coder, text: str):
    article = make_article(text, date_=date(2024, 6, 18))
    parsed = coder.parse(article)
    doc = _CountingDoc(coder.nlp.vocab).from_bytes(parsed.to_bytes())
    coded = code_article(article, doc, coder)
    return article, doc, coded


@pytest.fixture(scope="module")
def long_report(coder):
    return _code_counting(coder, _report(150_000))


def test_pipeline_long_report_reads_entities_a_fixed_number_of_times(coder, long_report):
    _, short_doc, short = _code_counting(coder, _examples()[0])
    _, long_doc, coded = long_report
    sentences = sum(1 for s in long_doc.sents if s.text.strip())
    assert sentences > 1000 and len(coded.events) > 300
    # the whole-document entity scan happens a fixed number of times per article, not per sentence
    assert long_doc.ents_reads == short_doc.ents_reads
    assert long_doc.ents_reads <= 5


def test_pipeline_long_report_evidence_points_into_the_text(long_report):
    article, _, coded = long_report
    assert len(article.text) > CHUNK_CHARS  # parsed in pieces
    for event in coded.events:
        assert event.text == article.text[event.text_info.start:event.text_info.end]
        assert event.trigger in event.text
    for quote in coded.quotes:
        assert quote.text.split()[0] in article.text[quote.start:quote.end]


def test_pipeline_code_many_keeps_order_around_a_long_report(coder):
    texts = [_examples()[1], _report(CHUNK_CHARS + 5_000), _examples()[2]]
    articles = [make_article(text, id=f"r{i}", date_=date(2024, 6, 18)) for i, text in enumerate(texts)]
    coded = list(coder.code_many(articles, batch_size=2))
    assert [c.article.id for c in coded] == ["r0", "r1", "r2"]
    assert [c.events for c in coded] == [coder.code(a).events for a in articles]
