"""The second-opinion model: the shipped artefact, deterministic training, and provenance of events."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from dyad.coding.model import NONE, EventModel, load_model, load_model_from
from dyad.coding.pipeline import Coder
from dyad.coding.train import Settings, check_tuning_only, choose, item_features, save_model, train
from dyad.errors import DataError
from dyad.evaluate import load_gold
from dyad.ontology import load_ontology
from dyad.records import event_to_dict
from dyad.sources.files import make_article
from tests.conftest import GOLD

# No rule fires on "took industrial action"; the model reads a strike (PROTEST) into it.
MODEL_ONLY = "Thousands of nurses took industrial action in Nairobi on Monday over unpaid wages."
RULE_ONLY = "Senegal expelled two Gambian diplomats."
# A rule codes the killing as ASSAULT; a veto level just under the model's "none" score drops it.
KILLING = "Gunmen killed two guards at a bank in Lagos."


def _with(coder, **card) -> Coder:
    """The shipped model with other settings than its card's (fill threshold, veto)."""
    model = load_model()
    return Coder(nlp=coder.nlp, kb=coder.kb, rules=coder.rules, model=EventModel(model.nlp, replace(model.card, **card)))


@pytest.fixture(scope="module")
def model_coder(coder) -> Coder:
    return _with(coder, threshold=0.3, veto=None)


def test_model_artefact_loads_and_predicts(coder):
    model = load_model()
    assert model.card.labels == (*load_ontology().types, NONE)
    assert 0.0 < model.card.threshold <= 1.0  # 1: the card says never fill
    assert model.card.veto is None or 0.0 < model.card.veto < 1.0
    assert model.coder == f"model:{model.card.name}@{model.card.version}"
    assert {row["file"] for row in model.card.raw["trained_on"]} >= {"tests/gold/gold-a.jsonl", "tests/gold/gold-b.jsonl"}
    assert not any("test" in Path(row["file"]).name for row in model.card.raw["trained_on"])
    folder = Path(__file__).resolve().parent.parent / "src/dyad/data/model"
    assert sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) < 50 * 2**20
    sent = next(coder.nlp("Chad's army shelled rebel positions outside the town.").sents)
    scores = model.scores(sent)
    assert set(scores) == set(model.card.labels) and all(0.0 <= v <= 1.0 for v in scores.values())
    assert model.best(sent)[0] == "ASSAULT"


def test_model_training_is_deterministic(coder, tmp_path):
    items = load_gold(GOLD / "gold-a.jsonl")[:16]
    words = item_features(items, coder.nlp)
    settings = Settings(epochs=3, hash_length=2**10)
    first = save_model(train(items, words, settings), tmp_path / "one", 0.5, None, False, {})
    second = save_model(train(items, words, settings), tmp_path / "two", 0.5, None, False, {})
    weights = Path("pipeline/textcat_multilabel/model")
    assert (tmp_path / "one" / weights).read_bytes() == (tmp_path / "two" / weights).read_bytes()
    sent = next(coder.nlp(items[0].text).sents)
    assert first.scores(sent) == second.scores(sent) == load_model_from(tmp_path / "one").scores(sent)


def test_model_event_says_which_model_and_how_sure(model_coder):
    coded = model_coder.code(make_article(MODEL_ONLY, date_=date(2025, 3, 14)))
    [event] = coded.events
    assert (event.event, event.coder) == ("PROTEST", "model:plover-bow@2")
    assert model_coder.model.card.threshold <= event.confidence <= 1.0
    assert [a.code for a in event.actor] == ["KEN"]
    assert event_to_dict(event)["coder"] == "model:plover-bow@2"
    assert event_to_dict(event)["confidence"] == event.confidence


def test_model_rule_events_say_their_rule(model_coder):
    [event] = model_coder.code(make_article(RULE_ONLY, date_=date(2025, 3, 14))).events
    assert event.event == "SANCTION" and event.coder.startswith("rule:verb:expel#") and event.confidence is None


def test_model_veto_drops_rule_events_and_flags_it(coder):
    article = make_article(KILLING, date_=date(2025, 3, 14))
    [event] = Coder(nlp=coder.nlp, kb=coder.kb, rules=coder.rules, model=None).code(article).events
    assert event.event == "ASSAULT" and event.coder.startswith("rule:verb:kill#")
    none = load_model().scores(next(coder.parse(article).sents))[NONE]
    vetoing = _with(coder, threshold=1.0, veto=round(none - 0.01, 3))
    coded = vetoing.code(article)
    assert coded.events == ()
    [flag] = [f for f in coded.flags if f.kind == "model_veto"]
    assert flag.message == (f"model:plover-bow@2 vetoed ASSAULT ({event.coder}, trigger 'killed'): it scores this "
                            f"sentence as no event ({none:.3f} >= veto {round(none - 0.01, 3):g})")
    assert (flag.evidence[0].start, flag.evidence[0].end) == (0, len(KILLING))
    assert _with(coder, threshold=1.0, veto=round(none + 0.01, 3)).code(article).events != ()


def test_model_fill_off_at_threshold_one(coder):
    assert _with(coder, threshold=1.0, veto=None).code(make_article(MODEL_ONLY, date_=date(2025, 3, 14))).events == ()


def test_model_off(coder, monkeypatch):
    off = Coder(nlp=coder.nlp, kb=coder.kb, rules=coder.rules, model=None)
    assert off.code(make_article(MODEL_ONLY, date_=date(2025, 3, 14))).events == ()
    monkeypatch.setenv("DYAD_MODEL", "off")
    assert Coder(nlp=coder.nlp, kb=coder.kb, rules=coder.rules).model is None
    monkeypatch.setenv("DYAD_MODEL", "on")
    assert Coder(nlp=coder.nlp, kb=coder.kb, rules=coder.rules).model is not None


@pytest.mark.parametrize("name", ["devtest.jsonl", "news-test.jsonl", "wcep-test.jsonl"])
def test_model_training_refuses_held_out_files(name):
    with pytest.raises(DataError) as info:
        check_tuning_only([Path("tests/gold") / name])
    assert str(info.value) == f"tests/gold/{name}: a held-out split; train only on tuning files (gold-a, gold-b, *-tune)"


def _row(macro: float, noisy: float, decisions: int = 0) -> dict:
    return {"macro_f1": macro, "micro_f1": macro, "silent_rate": 0.1, "noisy_rate": noisy, "model_events": decisions,
            "vetoed": 0}


def test_model_setting_is_the_best_one_no_noisier_than_the_rules():
    results = {"rules": _row(0.75, 0.10), "fill@0.3": _row(0.80, 0.15, 40), "fill@0.7+veto@0.7": _row(0.78, 0.10, 9),
               "fill@0.6+veto@0.7": _row(0.78, 0.09, 12), "fill@1": _row(0.75, 0.10)}
    assert choose(results) == (0.7, 0.7)  # fill@0.3 scores higher but is noisier; a tie goes to fewer decisions
    assert choose({**results, "fill@0.5": _row(0.79, 0.08, 20)}) == (0.5, None)


def test_shipped_card_was_decided_on_held_out_files_but_not_the_wcep_test_split():
    card = load_model().card.raw
    decided = [row["file"] for row in card["decided_on"]]
    assert decided and all("test" in Path(f).name for f in decided)
    assert not any(Path(f).name == "wcep-test.jsonl" for f in decided)
    assert not set(decided) & {row["file"] for row in card["trained_on"]}
    decision = card["decision"]
    chosen, rules = decision["chosen"], decision["rules"]
    assert chosen["noisy_rate"] <= rules["noisy_rate"]
    assert decision["enabled"] == (chosen["macro_f1"] > rules["macro_f1"] and chosen["micro_f1"] > rules["micro_f1"])


@pytest.mark.parametrize("text", [
    "Thousands of tourists arrive in Venice on cruise ships every summer.",
    "Toyota and Panasonic agreed to build a battery plant in Osaka.",
])
def test_model_fills_only_what_a_rule_could_code(model_coder, text):
    # the guards rule drafts pass hold for the model's: no business deal, a state or group acting
    assert [e for e in model_coder.code(make_article(text, date_=date(2025, 3, 14))).events
            if e.coder.startswith("model:")] == []


def test_model_does_not_fill_a_sentence_that_only_claims_an_attack(model_coder):
    coded = model_coder.code(make_article("A bomb killed 12 people in Jalalabad on Monday. The Islamic State group said "
                                          "it was behind the blast.", date_=date(2025, 3, 14)))
    assert [e.event for e in coded.events] == ["ASSAULT"] and coded.events[0].coder.startswith("rule:")
