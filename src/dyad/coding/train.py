"""Training the second-opinion model (`dyad.coding.model`) from the team's tuning gold, and measuring it.

Takes gold items (docs/gold.md) and the pipeline's spaCy model; gives a trained `EventModel`, a
cross-validated measurement of the rules with and without it, and the artefact on disk
(`save_model`). Deterministic: fixed seed (`spacy.util.fix_random_seed`), fixed example order,
fixed epochs, no dropout. Only tuning files may be given: a held-out file ("test" in its name) is
refused.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from dyad.coding.model import NONE, PIPE, EventModel, ModelCard, features
from dyad.coding.pipeline import parse_text
from dyad.errors import DataError
from dyad.evaluate import GoldItem, code_items, load_gold, score_items
from dyad.ontology import load_ontology
from dyad.sources.files import make_article

NAME = "plover-bow"
VERSION = "2"


@dataclass(frozen=True, slots=True)
class Settings:
    seed: int = 20261203
    epochs: int = 12
    batch_size: int = 8
    learn_rate: float = 0.01
    ngram_size: int = 2
    hash_length: int = 2**16
    folds: int = 5


def check_tuning_only(paths: list[Path]) -> None:
    """Refuse held-out files: a model trained on them would make their scores meaningless."""
    for path in paths:
        if "test" in path.name:
            raise DataError(f"{path}: a held-out split; train only on tuning files (gold-a, gold-b, *-tune)")


def item_features(items: list[GoldItem], nlp: Language) -> dict[str, list[str]]:
    """The classifier words of each item (all its sentences), parsed as the pipeline parses."""
    articles = [make_article(item.text, id=item.id, date_=item.date, where=item.id) for item in items]
    docs = nlp.pipe([parse_text(a) for a in articles], batch_size=64)
    out = {}
    for item, doc in zip(items, docs):
        words = [w for sent in doc.sents if sent.text.strip() for w in features(sent)]
        out[item.id] = words or ["<empty>"]
    return out


def labels() -> list[str]:
    return [*load_ontology().types, NONE]


def train(items: list[GoldItem], words: dict[str, list[str]], settings: Settings = Settings()) -> Language:
    """A `textcat_multilabel` pipeline trained on the items (in the order given)."""
    fix_random_seed(settings.seed)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe(PIPE, config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": settings.ngram_size,
        "no_output_layer": False, "length": settings.hash_length}})
    names = labels()
    for name in names:
        textcat.add_label(name)
    examples = []
    for item in items:
        types = {e.event for e in item.events}
        cats = {name: float(name in types or (name == NONE and not types)) for name in names}
        doc = spacy.tokens.Doc(nlp.vocab, words=words[item.id])
        examples.append(Example.from_dict(doc, {"cats": cats}))
    optimizer = nlp.initialize(lambda: examples)
    optimizer.learn_rate = settings.learn_rate
    for _ in range(settings.epochs):
        for batch in minibatch(examples, size=settings.batch_size):
            nlp.update(batch, sgd=optimizer, drop=0.0)
    return nlp


def folds_of(items: list[GoldItem], settings: Settings) -> list[list[GoldItem]]:
    """Items split into folds by a seeded shuffle of their ids (the same seed, the same folds)."""
    ids = sorted(item.id for item in items)
    random.Random(settings.seed).shuffle(ids)
    fold_of = {item_id: i % settings.folds for i, item_id in enumerate(ids)}
    return [[item for item in items if fold_of[item.id] == k] for k in range(settings.folds)]


def cross_validate(items: list[GoldItem], words: dict[str, list[str]], coder, settings: Settings,
                   progress: Callable[[str], None] = lambda _: None) -> tuple[dict[str, list], dict[str, list]]:
    """Every item coded by rules plus a model trained on the other folds, and that model's scores.

    Gives the events of each item (the model at threshold 0 and without veto, so every proposal
    is kept with its score) and the scores of each of its sentences (by the sentence index of
    `text_info`): `measure` then applies thresholds and vetoes. Model events only come from
    sentences without a rule event, so filtering afterwards gives what coding with that setting
    would give.
    """
    coded: dict[str, list] = {}
    scores: dict[str, list] = {}
    for k, fold in enumerate(folds_of(items, settings)):
        rest = [item for item in items if item not in fold]
        fold_coded, fold_scores = code_and_score(fold, coder, train(rest, words, settings))
        coded.update(fold_coded)
        scores.update(fold_scores)
        progress(f"fold {k + 1}/{settings.folds}: {len(fold)} items coded")
    return coded, scores


def code_and_score(items: list[GoldItem], coder, nlp: Language) -> tuple[dict[str, list], dict[str, list]]:
    """The items coded by the rules plus the classifier `nlp` (threshold 0, no veto), and its sentence scores.

    On items the classifier was not trained on (a fold, or the held-out files the script decides on),
    `measure` on this output gives every threshold and veto without coding again.
    """
    saved = coder.model
    model = EventModel(nlp, _card(0.0, None, True, {}))
    try:
        coder.model = model
        coded = code_items(items, coder)
    finally:
        coder.model = saved
    articles = [make_article(item.text, id=item.id, date_=item.date, where=item.id) for item in items]
    scores = {article.id: model.scores_of([s for s in doc.sents if s.text.strip()])
              for article, doc in zip(articles, coder.nlp.pipe([parse_text(a) for a in articles]))}
    return coded, scores


def apply(coded: dict[str, list], scores: dict[str, list], threshold: float, veto: float | None) -> dict[str, list]:
    """The events coding with this threshold and veto gives, from `cross_validate`'s output."""
    out = {}
    for item_id, events in coded.items():
        kept = []
        for event in events:
            if event.confidence is not None and (event.confidence < threshold or threshold >= 1.0):
                continue
            if veto is not None and event.confidence is None and scores[item_id][event.text_info.sentence][NONE] >= veto:
                continue
            kept.append(event)
        out[item_id] = kept
    return out


def measure(items: list[GoldItem], coded: dict[str, list], scores: dict[str, list], thresholds: list[float],
            vetoes: list[float | None]) -> dict:
    """Scores of rules alone and of rules with the model at each threshold (fill) and veto."""
    ids = {item.id for item in items}
    results = {"rules": _summary(score_items(items, apply(coded, scores, 2.0, None))[0])}
    for veto in vetoes:
        for t in thresholds:
            kept = apply(coded, scores, t, veto)
            added = sum(1 for i in ids for e in kept.get(i, ()) if e.confidence is not None)
            vetoed = sum(1 for i in ids for e in coded.get(i, ()) if e.confidence is None) - \
                sum(1 for i in ids for e in kept.get(i, ()) if e.confidence is None)
            results[key_of(t, veto)] = {**_summary(score_items(items, kept)[0]), "model_events": added,
                                      "vetoed": vetoed}
    return results


def key_of(threshold: float, veto: float | None) -> str:
    return f"fill@{threshold:g}" + (f"+veto@{veto:g}" if veto is not None else "")


def _summary(report: dict) -> dict:
    return {key: report[key] for key in ("macro_f1", "micro_f1", "silent_rate", "noisy_rate", "actor_code_accuracy")}


def choose(results: dict) -> tuple[float, float | None]:
    """The threshold and veto with the best macro-F1 among those no noisier than the rules alone.

    The noisy rate (items without a political event that get one) may not rise: a second opinion
    that buys recall by coding earthquakes and match reports is not one. Ties: fewer model
    decisions, then the higher threshold.
    """
    limit = results["rules"]["noisy_rate"]

    def rank(key: str):
        row = results[key]
        return (row["macro_f1"], -row["model_events"] - row["vetoed"], float(key.split("+")[0].removeprefix("fill@")))
    quiet = [k for k in results if k != "rules" and (results[k]["noisy_rate"] or 0.0) <= (limit or 0.0)]
    best = max(quiet, key=rank)
    fill, _, veto = best.partition("+veto@")
    return float(fill.removeprefix("fill@")), float(veto) if veto else None


def _card(threshold: float, veto: float | None, enabled: bool, extra: dict) -> ModelCard:
    raw = {"name": NAME, "version": VERSION, "labels": labels(), "threshold": threshold, "veto": veto,
           "enabled": enabled, **extra}
    return ModelCard(NAME, VERSION, tuple(raw["labels"]), threshold, veto, enabled, raw)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save_model(nlp: Language, out: Path, threshold: float, veto: float | None, enabled: bool, extra: dict) -> EventModel:
    """Write the pipeline and its card under `out` (`pipeline/`, `card.json`)."""
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out / "pipeline")
    card = _card(threshold, veto, enabled, extra)
    (out / "card.json").write_text(json.dumps(card.raw, indent=2, sort_keys=False) + "\n", "utf-8")
    return EventModel(nlp, card)


def training_set(paths: list[Path]) -> dict[Path, list[GoldItem]]:
    """The items of each tuning file, read once; held-out files are refused."""
    check_tuning_only(paths)
    return {path: load_gold(path) for path in paths}

