"""Parse: long texts are cut at line breaks into pieces that join back into the exact text."""

from __future__ import annotations

import pytest

from dyad.coding.parse import CHUNK_CHARS, parse_doc, split_text


@pytest.mark.parametrize(("text", "limit", "pieces"), [
    ("short text", 100, ["short text"]),  # under the limit: one piece
    ("one two\n\nthree four\nfive", 12, ["one two\n\n", "three four\n", "five"]),  # paragraph, then line break
    ("one two three four", 9, ["one two ", "three ", "four"]),  # no line break: after a space
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  # no space at all: cut mid-word
])
def test_parse_split_text_joins_back(text, limit, pieces):
    assert split_text(text, limit) == pieces
    assert "".join(pieces) == text


def test_parse_doc_in_pieces_keeps_text_and_offsets(coder):
    paragraph = ("Kenya's foreign minister held talks with his Ethiopian counterpart in Addis Ababa on Monday. "
                 "The two ministers signed a memorandum on joint customs inspections.")
    text = "\n\n".join(f"{paragraph} Round {i}." for i in range(400)) + "\n"
    assert len(text) > 2 * CHUNK_CHARS
    doc = parse_doc(coder.nlp, text)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    assert sum(1 for e in doc.ents if e.text == "Kenya") == 400
    assert all("\n" not in s.text.strip() for s in doc.sents)  # no sentence runs across a cut
