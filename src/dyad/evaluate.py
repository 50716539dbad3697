"""Evaluation: score coded events against the team's gold set (format in docs/gold.md).

Takes gold items and the events dyad codes for them; gives per-type precision, recall and F1,
macro-F1 over the 16 PLOVER types, and, over matched events, actor accuracy (country code and
sector), mode, modality and place accuracy; over items, how many with a gold event get none
and how many without one get some (per category where the gold names one). Every miss and
extra is kept with its text for error work, and a type confusion table.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dyad.errors import DataError
from dyad.ontology import load_ontology
from dyad.records import Event
from dyad.sources.files import make_article, parse_date


@dataclass(frozen=True, slots=True)
class GoldEvent:
    event: str
    mode: tuple[str, ...]
    actor: tuple[tuple[str | None, str | None], ...]
    recipient: tuple[tuple[str | None, str | None], ...]
    modality: str
    place: object = ...  # the place as written, None for "no place named", ... when not checked


@dataclass(frozen=True, slots=True)
class GoldItem:
    id: str
    text: str
    date: object
    events: tuple[GoldEvent, ...]
    checks: str = ""
    category: str | None = None


@dataclass(slots=True)
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    matched: int = 0
    actor_code_ok: int = 0
    sector_total: int = 0
    sector_ok: int = 0
    modality_ok: int = 0
    mode_total: int = 0
    mode_ok: int = 0
    actor_country_ok: int = 0
    place_total: int = 0
    place_ok: int = 0
    items: int = 0
    items_with_gold: int = 0
    silent_items: int = 0  # a gold event, no event coded
    empty_items: int = 0
    noisy_items: int = 0  # no gold event, some event coded
    by_category: dict = field(default_factory=dict)  # category -> [items, no-gold items, of them with events]
    errors: list = field(default_factory=list)
    confusion: Counter = field(default_factory=Counter)  # (gold type or "none", coded type or "none") -> n

    def report(self) -> dict:
        types = list(load_ontology().types)
        per_type = {}
        f1s = []
        for t in types:
            p = self.tp[t] / (self.tp[t] + self.fp[t]) if self.tp[t] + self.fp[t] else 0.0
            r = self.tp[t] / (self.tp[t] + self.fn[t]) if self.tp[t] + self.fn[t] else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            support = self.tp[t] + self.fn[t]
            per_type[t] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3), "support": support,
                           "predicted": self.tp[t] + self.fp[t]}
            if support:
                f1s.append(f1)
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        micro_p = tp / (tp + fp) if tp + fp else 0.0
        micro_r = tp / (tp + fn) if tp + fn else 0.0
        return {
            "items": self.items,
            "macro_f1": round(sum(f1s) / len(f1s), 3) if f1s else 0.0,
            "micro_f1": round(2 * micro_p * micro_r / (micro_p + micro_r), 3) if micro_p + micro_r else 0.0,
            "per_type": per_type,
            "matched_events": self.matched,
            "actor_code_accuracy": round(self.actor_code_ok / self.matched, 3) if self.matched else 0.0,
            "actor_sector_accuracy": round(self.sector_ok / self.sector_total, 3) if self.sector_total else 0.0,
            "mode_accuracy": round(self.mode_ok / self.mode_total, 3) if self.mode_total else 0.0,
            "modality_accuracy": round(self.modality_ok / self.matched, 3) if self.matched else 0.0,
            "actor_country_accuracy": _ratio(self.actor_country_ok, self.matched),
            "place_accuracy": _ratio(self.place_ok, self.place_total),
            "place_checked": self.place_total,
            "items_with_gold_event": self.items_with_gold,
            "silent_rate": _ratio(self.silent_items, self.items_with_gold),
            "items_without_gold_event": self.empty_items,
            "noisy_rate": _ratio(self.noisy_items, self.empty_items),
            "categories": {name: {"items": n, "no_gold_event": empty, "no_gold_event_but_coded": noisy,
                                  "noisy_rate": _ratio(noisy, empty)}
                           for name, (n, empty, noisy) in sorted(self.by_category.items())},
        }


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _entities(raw, where: str) -> tuple[tuple[str | None, str | None], ...]:
    if not isinstance(raw, list):
        raise DataError(f"{where}: actor and recipient must be lists")
    return tuple((e.get("code"), e.get("sector")) for e in raw)


def load_gold(path: Path) -> list[GoldItem]:
    """Gold items from a JSONL file; a malformed line is refused with its line number."""
    ontology = load_ontology()
    items = []
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
            events = []
            for ev in row["events"]:
                if ev["event"] not in ontology.types:
                    raise DataError(f"{where}: unknown event type {ev['event']!r}")
                if ev["modality"] not in ontology.modalities:
                    raise DataError(f"{where}: unknown modality {ev['modality']!r}")
                events.append(GoldEvent(ev["event"], tuple(ev.get("mode") or ()), _entities(ev["actor"], where),
                                        _entities(ev.get("recipient") or [], where), ev["modality"],
                                        ev.get("place", ...)))
            items.append(GoldItem(row["id"], row["text"], parse_date(row.get("date"), where), tuple(events),
                                  row.get("checks", ""), row.get("category")))
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise DataError(f"{where}: malformed gold line ({type(exc).__name__}: {exc})") from None
    return items


def _codes(entities) -> set[str]:
    return {code for code, _ in entities if code}


def _pair_score(gold: GoldEvent, event: Event) -> tuple[int, int, int, int]:
    """How well a coded event fits a gold one: the one with the gold's actors on the actor side first (an
    event is first who did it: "Washington hit Chinese imports…, and Beijing retaliated" are two
    sanctions between the same two countries, one each way, and a coded one that missed its recipient
    is still the same act), then the one sharing most countries, then of the same modality (a man
    charged before and charged now), then of the same mode, so the pairing does not hang on the order
    the events were coded in."""
    g = _codes(gold.actor) | _codes(gold.recipient)
    p = {a.code for a in (*event.actor, *event.recipient) if a.code}
    same_side = _codes(gold.actor) == {a.code for a in event.actor if a.code}
    return int(same_side), len(g & p), int(gold.modality == event.modality), int(set(gold.mode) == set(event.mode))


def _same_place(gold: object, event: Event) -> bool:
    coded = event.event_loc.extracted_place if event.event_loc and not _inferred(event.event_loc) else None
    if gold is None or coded is None:
        return gold is None and coded is None
    a, b = str(gold).lower().removeprefix("the "), coded.lower().removeprefix("the ")
    return a == b or a in b or b in a


def _inferred(location) -> bool:
    """A place dyad inferred (from an actor's country), not one named in the text."""
    return bool(getattr(location, "inferred", False))


def _describe(event: Event) -> str:
    def side(actors):
        return ",".join(f"{a.code or '?'}/{a.sector or '-'}" for a in actors) or "-"
    return f"{event.event} {side(event.actor)} -> {side(event.recipient)} ({event.modality}, \"{event.trigger}\")"


def _describe_gold(gold: GoldEvent) -> str:
    def side(entities):
        return ",".join(f"{c or '?'}/{s or '-'}" for c, s in entities) or "-"
    return f"{gold.event} {side(gold.actor)} -> {side(gold.recipient)} ({gold.modality})"


def score_item(item: GoldItem, events: list[Event], score: Score) -> None:
    """Match predicted to gold events of the same type (best actor overlap first) and count."""
    score.items += 1
    if item.events:
        score.items_with_gold += 1
        score.silent_items += not events
    else:
        score.empty_items += 1
        score.noisy_items += bool(events)
    if item.category:
        counts = score.by_category.setdefault(item.category, [0, 0, 0])
        counts[0] += 1
        counts[1] += not item.events
        counts[2] += bool(events) and not item.events
    remaining = list(events)
    missed = []
    for gold in item.events:
        candidates = [e for e in remaining if e.event == gold.event]
        if not candidates:
            score.fn[gold.event] += 1
            missed.append(gold)
            score.errors.append((item.id, "missed", gold.event, _describe_gold(gold), item.text))
            continue
        best = max(candidates, key=lambda e: _pair_score(gold, e))
        remaining.remove(best)
        score.tp[gold.event] += 1
        score.matched += 1
        score.confusion[(gold.event, gold.event)] += 1
        if _codes(gold.actor) == {a.code for a in best.actor if a.code}:
            score.actor_country_ok += 1
        if _codes(gold.actor) == {a.code for a in best.actor if a.code} and _codes(gold.recipient) == {a.code for a in best.recipient if a.code}:
            score.actor_code_ok += 1
        else:
            score.errors.append((item.id, "actors", gold.event, f"gold {_describe_gold(gold)} · coded {_describe(best)}",
                                 item.text))
        for code, sector in (*gold.actor, *gold.recipient):
            if sector:
                score.sector_total += 1
                if any(a.code == code and a.sector == sector for a in (*best.actor, *best.recipient)):
                    score.sector_ok += 1
        if gold.modality == best.modality:
            score.modality_ok += 1
        else:
            score.errors.append((item.id, f"modality {best.modality}!={gold.modality}", gold.event, _describe(best),
                                 item.text))
        score.mode_total += 1
        if set(gold.mode) == set(best.mode):
            score.mode_ok += 1
        if gold.place is not ...:
            score.place_total += 1
            if _same_place(gold.place, best):
                score.place_ok += 1
            else:
                coded = best.event_loc.extracted_place if best.event_loc else None
                score.errors.append((item.id, f"place {coded!r}!={gold.place!r}", gold.event, _describe(best),
                                     item.text))
    for extra in remaining:
        score.fp[extra.event] += 1
        score.errors.append((item.id, "extra", extra.event, _describe(extra), item.text))
    for gold, extra in zip(missed, remaining):
        score.confusion[(gold.event, extra.event)] += 1
    for gold in missed[len(remaining):]:
        score.confusion[(gold.event, "none")] += 1
    for extra in remaining[len(missed):]:
        score.confusion[("none", extra.event)] += 1


def code_items(items: list[GoldItem], coder) -> dict[str, list[Event]]:
    """The events dyad codes for each gold item, by item id (each text coded once); an item the coder fails on
    counts as coded with none, so a failure lowers the score instead of leaving the item out."""
    articles = [make_article(item.text, id=item.id, date_=item.date, where=item.id) for item in items]
    return {coded.article.id if hasattr(coded, "events") else coded.input: list(getattr(coded, "events", ()))
            for coded in coder.code_many(articles)}


def score_items(items: list[GoldItem], coded: dict[str, list[Event]]) -> tuple[dict, Score]:
    score = Score()
    for item in items:
        if item.id in coded:
            score_item(item, coded[item.id], score)
    return score.report(), score


INTERVAL_KEYS = ("macro_f1", "micro_f1", "actor_country_accuracy", "silent_rate", "noisy_rate")


def bootstrap_intervals(items: list[GoldItem], coded: dict[str, list[Event]], rounds: int = 1000,
                        level: float = 0.95, seed: int = 0) -> dict[str, list[float] | None]:
    """Percentile intervals of the headline numbers over `rounds` resamples of the items with replacement
    (the events are coded once; only the scoring is repeated). Seeded, so a report is reproducible."""
    rng = random.Random(seed)
    items = [item for item in items if item.id in coded]
    values: dict[str, list[float]] = {key: [] for key in INTERVAL_KEYS}
    for _ in range(rounds if items else 0):
        report, _ = score_items([items[rng.randrange(len(items))] for _ in items], coded)
        for key in INTERVAL_KEYS:
            if report[key] is not None:
                values[key].append(report[key])
    return {key: _percentiles(sorted(found), level) if found else None for key, found in values.items()}


def _percentiles(ordered: list[float], level: float) -> list[float]:
    tail = (1 - level) / 2
    last = len(ordered) - 1
    return [ordered[round(tail * last)], ordered[round((1 - tail) * last)]]


def evaluate(items: list[GoldItem], coder) -> tuple[dict, Score]:
    """Code every gold item with `coder` and score it."""
    return score_items(items, code_items(items, coder))


def confusion_rows(score: Score) -> tuple[list[str], list[list[int]]]:
    """The type confusion table: gold types (rows) against coded types (columns), "none" last."""
    names = sorted({t for pair in score.confusion for t in pair} - {"none"}) + ["none"]
    return names, [[score.confusion[(g, c)] for c in names] for g in names]
