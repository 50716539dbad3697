"""Which language an article is in: py3langid on the whole text, our function words where it is unsure.

Used by the coder (only English is coded) and by the readers; it imports neither.
"""

from __future__ import annotations

import re
from functools import cache

_ENGLISH = frozenset(
    "the of and to in is was that for on with as by at from his her it has have said are were be this "
    "an which will not their they its after but who had been would or".split()
)  # not "a": Portuguese, Spanish and Italian use it as much
# Frequent function words of other languages news comes in; none is also an English word.
_OTHER = frozenset(
    "le la les des du une est dans pour sur avec qui que pas ont été aux ces cette son sont "  # French
    "el los las del por para una con según también fue han está entre "  # Spanish
    "der die das und ist nicht mit sich dem den von zu auf für eine wurde auch "  # German
    "o os das dos uma com não pelo pela pelos pelas foram são em ao na nas nos às seu sua após sobre disse "  # Portuguese
    "il di che della gli sono alla nel "  # Italian
    "het een zijn niet voor werd "  # Dutch
    .split()
)
# The detector's Nigerian Pidgin shares most words with English and claims short English reports from
# Nigeria ("Gunmen killed five people in Kaduna, Nigeria." scores 0.91 Pidgin); Pidgin's own grammar words
# tell the real thing ("Oga don talk say di goment go pay…").
_ENGLISH_LIKE = frozenset({"pcm"})
_PIDGIN = frozenset("di dey wey wetin dem don pikin una abeg sabi wahala na".split())
# Below this confidence the detector is guessing (short texts full of names, "Kim met Putin in
# Vostochny."); then the function words decide.
_SURE = 0.9
_LEANS = 0.6


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language a text is written in ("en", "fr", ...).

    py3langid (a naive Bayes model over byte n-grams, shipped in its wheel) judges the whole
    text. When it is not sure, as on a short sentence made mostly of names, English function
    words decide, so that short English reports stay English.
    """
    code, confidence = _language_identifier().classify(text)
    if code in _ENGLISH_LIKE and looks_english(text) and not set(_words(text)) & _PIDGIN:
        return "en"
    if code == "en" or (confidence < _SURE and looks_english(text) and not _names_only_but_sure(text, confidence)):
        return "en"
    return code


def _names_only_but_sure(text: str, confidence: float) -> bool:
    """No function word of any language, yet the detector leans one way ("O governo de Portugal
    anunciou novas medidas."): then it is trusted; a line of names alone leaves it unsure."""
    words = _words(text)
    return confidence >= _LEANS and not any(w in _ENGLISH or w in _OTHER for w in words)


def _words(text: str) -> list[str]:
    """The text's words, lower-cased, letters only."""
    return re.findall(r"[^\W\d_]+", text.lower())


@cache
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def looks_english(text: str) -> bool:
    """True when a text is mostly Latin letters and its English function words are not outnumbered."""
    letters = re.findall(r"[^\W\d_]", text)
    if sum(1 for c in letters if c.isascii()) < len(letters) / 2:
        return False
    words = _words(text)
    english = sum(1 for w in words if w in _ENGLISH)
    other = sum(1 for w in words if w in _OTHER)
    return other <= english
