"""The accuracy floor: CI fails when macro-F1 on the tuning split drops below the pinned value."""

import json

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.errors import DataError
from dyad.evaluate import evaluate, load_gold
from tests.conftest import GOLD

MACRO_F1_FLOOR = 0.88  # measured 0.900 on gold-a + gold-b (2026-11-28); raise as the rules improve
TUNING = ["gold-a.jsonl", "gold-b.jsonl"]


def test_eval_gold_set_is_large_and_varied():
    items = [i for name in TUNING + ["devtest.jsonl"] for i in load_gold(GOLD / name)]
    assert len(items) >= 400
    per_type = {}
    for item in items:
        for event in item.events:
            per_type[event.event] = per_type.get(event.event, 0) + 1
    assert len(per_type) == 16 and min(per_type.values()) >= 15
    assert sum(1 for i in items if not i.events) >= 50
    assert sum(1 for i in items for e in i.events if e.modality != "asserted") >= 80
    assert len({i.id for i in items}) == len(items)


def test_eval_macro_f1_floor(coder):
    items = [i for name in TUNING for i in load_gold(GOLD / name)]
    report, _ = evaluate(items, coder)
    assert report["macro_f1"] >= MACRO_F1_FLOOR, json.dumps(report["per_type"], indent=1)
    assert report["modality_accuracy"] >= 0.85


def test_eval_cli_json(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "t1", "date": "2024-01-02", "text": "Ghana condemned the coup in Niger.",
                                "events": [{"event": "ACCUSE", "mode": ["disapprove"], "actor": [{"code": "GHA", "sector": "GOV"}],
                                            "recipient": [{"code": "NER", "sector": None}], "modality": "asserted"}]}) + "\n")
    result = CliRunner().invoke(app, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["per_type"]["ACCUSE"]["support"] == 1
    assert {"macro_f1", "actor_code_accuracy", "actor_sector_accuracy", "modality_accuracy"} <= set(report)


def test_eval_malformed_gold_line_is_named(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"id": "t1", "text": "x", "events": [{"event": "PROTST", "actor": [], "modality": "asserted"}]}\n')
    with pytest.raises(DataError, match=r"g\.jsonl:1: unknown event type 'PROTST'"):
        load_gold(gold)
