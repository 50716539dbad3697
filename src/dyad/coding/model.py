"""Second opinion: a small learned classifier for sentences the rules leave silent.

Takes a parsed sentence (a spaCy `Span` of the pipeline's own parse) and gives a score per PLOVER
type plus "none"; `propose` turns a confident score into a `Draft` at the sentence's main verb,
with the actor and recipient found by the rules' own subject and object logic
(`Extractor.draft_at`). The classifier is spaCy's `textcat_multilabel` with the bag-of-words
architecture over lemma, entity and dependency features (`features`); it is trained by
`dyad.coding.train` (`make train`) and shipped under `data/model/` with a card (`card.json`) that says
what it was trained on, its threshold and its measured numbers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from dyad.coding.extract import Draft, Extractor, SentenceContext
from dyad.coding.rules import RecipientSpec, Rule
from dyad.errors import DataError
from dyad.records import Evidence, Flag

NONE = "none"
PIPE = "textcat_multilabel"
# Verbs that report rather than act: the event is in what they govern ("X said troops withdrew").
_REPORTING = {"say", "tell", "report", "announce", "state", "add", "claim", "confirm", "note", "write", "declare"}
_RECIPIENT = RecipientSpec(dobj=True, dative=True, preps=frozenset({"to", "against", "on", "at", "into", "toward",
                                                                    "towards", "with", "over"}))
_ENTITY_TYPES = {"GPE", "NORP", "PERSON", "ORG", "LOC", "FAC"}
_VOCAB_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class ModelCard:
    """What `card.json` says about the shipped model."""

    name: str
    version: str
    labels: tuple[str, ...]
    threshold: float  # a type scoring at least this fills a silent sentence
    veto: float | None  # a rule event in a sentence where "none" scores at least this is dropped
    enabled: bool  # whether `Coder()` uses it unless told otherwise (decided by measurement)
    raw: dict

    @property
    def coder(self) -> str:
        return f"model:{self.name}@{self.version}"


class EventModel:
    """The loaded classifier and its card; one per `Coder`."""

    def __init__(self, nlp: Language, card: ModelCard):
        self.nlp = nlp
        self.card = card
        self.pipe = nlp.get_pipe(PIPE)
        self.labels = tuple(self.pipe.labels)
        # Feature words go into a plain vocabulary of our own, renewed when it grows large: the
        # classifier reads only their hashes, and the pipeline's vocabulary would grow without end.
        self._vocab = Vocab()

    @property
    def coder(self) -> str:
        return self.card.coder

    def scores(self, sent: Span) -> dict[str, float]:
        """The score of every label (16 types and "none") for one parsed sentence."""
        return self.scores_of([sent])[0]

    def scores_of(self, sents: list[Span]) -> list[dict[str, float]]:
        """The scores of several sentences in one call (an article's: one call costs less than one per sentence)."""
        if not sents:
            return []
        if len(self._vocab.strings) > _VOCAB_LIMIT:
            self._vocab = Vocab()
        rows = self.pipe.predict([Doc(self._vocab, words=features(sent)) for sent in sents])
        return [{label: float(score) for label, score in zip(self.labels, row)} for row in rows]

    def best(self, sent: Span, cats: dict[str, float] | None = None) -> tuple[str, float] | None:
        """The highest-scoring type and its score, or None when "none" scores higher."""
        cats = self.scores(sent) if cats is None else cats
        label = max((k for k in cats if k != NONE), key=lambda k: (cats[k], k))
        if cats.get(NONE, 0.0) >= cats[label]:
            return None
        return label, cats[label]

    def review(self, ctx: SentenceContext, drafts: list[Draft], extractor: Extractor,
               index: int, cats: dict[str, float] | None = None) -> tuple[list[Draft], Flag | None]:
        """The sentence's drafts after the second opinion, and a `model_veto` flag when it vetoed.

        A silent sentence may get a model draft (when its type scores at least the threshold);
        rule drafts are dropped where the card sets a veto and "none" scores at least that. The
        flag names the dropped events and their rules, so every decision of the model is in the
        output: model events by their `coder`, vetoes by their flag. `cats`: the sentence's scores
        when they were taken already (`scores_of`).
        """
        if not drafts:
            return self.propose(ctx, extractor, cats=cats), None
        if self.card.veto is None:
            return drafts, None
        none = (self.scores(ctx.sent) if cats is None else cats).get(NONE, 0.0)
        if none < self.card.veto:
            return drafts, None
        dropped = ", ".join(f"{d.event} ({d.coder or 'rule:' + d.rule.id}, trigger '{d.trigger.text}')" for d in drafts)
        text = ctx.sent.text
        start = ctx.sent.start_char + len(text) - len(text.lstrip())
        end = ctx.sent.end_char - (len(text) - len(text.rstrip()))
        message = (f"{self.coder} vetoed {dropped}: it scores this sentence as no event "
                   f"({none:.3f} >= veto {self.card.veto:g})")
        return [], Flag(kind="model_veto", severity="low", message=message,
                        evidence=(Evidence(sentence=index, start=start, end=end),))

    def propose(self, ctx: SentenceContext, extractor: Extractor, threshold: float | None = None,
                cats: dict[str, float] | None = None) -> list[Draft]:
        """One model draft for a sentence the rules left silent, when the model is confident enough."""
        limit = self.card.threshold if threshold is None else threshold
        if limit >= 1.0:  # a threshold of 1 turns filling off
            return []
        found = self.best(ctx.sent, cats)
        if found is None or found[1] < limit:
            return []
        label, score = found
        for verb in candidate_verbs(ctx.sent):
            rule = Rule(pos="verb", lemmas=frozenset({verb.lemma_.lower()}), type=label, recipient=_RECIPIENT,
                        meeting=label == "CONSULT", id=self.coder)
            draft = extractor.draft_at(verb, rule, ctx)
            if draft is not None:
                if not extractor.admits(draft, ctx):  # the guards every rule draft passes
                    return []
                draft.coder, draft.confidence = self.coder, round(score, 3)
                return [draft]
        return []


def candidate_verbs(sent: Span) -> list[Token]:
    """The sentence's verbs, main verb first; a reporting verb yields to the clause it reports."""
    verbs = [t for t in sent if t.pos_ == "VERB"]
    root = sent.root
    order: list[Token] = []
    if root.pos_ in ("VERB", "AUX"):
        if root.lemma_.lower() in _REPORTING:
            order += [c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
        order.append(root)
    order += sorted((v for v in verbs if v not in order), key=lambda v: _depth(v))
    return order


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def features(sent: Span) -> list[str]:
    """The words the classifier sees: lemmas (entities by type), then dependency pairs of verbs.

    Entities become their type ("GPE") so that names do not decide the type; numbers become "#".
    """
    out = []
    tokens = list(sent)  # one Token object per word, not one per word and pass
    for tok in tokens:
        if tok.is_punct or tok.is_space:
            continue
        if tok.ent_type_ in _ENTITY_TYPES:
            if tok.ent_iob_ == "B":
                out.append(tok.ent_type_)
            continue
        out.append("#" if tok.like_num else tok.lemma_.lower())
    for tok in tokens:
        if tok.pos_ != "VERB":
            continue
        verb = tok.lemma_.lower()
        out.append(f"V={verb}")
        for child in tok.children:
            if child.dep_ in ("dobj", "nsubj", "nsubjpass", "prt", "prep", "xcomp", "dative"):
                word = child.ent_type_ if child.ent_type_ in _ENTITY_TYPES else child.lemma_.lower()
                out.append(f"{verb}>{child.dep_}={word}")
    return out or ["<empty>"]


def read_card(path: Path) -> ModelCard:
    try:
        raw = json.loads((path / "card.json").read_text("utf-8"))
        return ModelCard(name=raw["name"], version=str(raw["version"]), labels=tuple(raw["labels"]),
                         threshold=float(raw["threshold"]),
                         veto=None if raw.get("veto") is None else float(raw["veto"]), enabled=bool(raw.get("enabled", False)), raw=raw)
    except (OSError, ValueError, KeyError) as exc:
        raise DataError(f"{path}/card.json: cannot read the model card ({exc}); run `make train` to rebuild it") from None


def load_model_from(path: Path) -> EventModel:
    """A model saved by `dyad.coding.train.save_model`."""
    card = read_card(path)
    try:
        nlp = spacy.load(path / "pipeline")
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}/pipeline: cannot load the model ({exc}); run `make train` to rebuild it") from None
    return EventModel(nlp, card)


@lru_cache(maxsize=1)
def load_model() -> EventModel:
    """The shipped model (package data `dyad/data/model/`)."""
    with resources.as_file(resources.files("dyad.data").joinpath("model")) as path:
        return load_model_from(Path(path))
