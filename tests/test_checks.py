"""Checks: no role or contradiction flags on correct reports, the right flag on each planted error."""

import json
from datetime import date
from pathlib import Path

import pytest

from dyad.sources.files import make_article

CHECKS = Path(__file__).parent / "checks"
ROWS = [json.loads(line) for line in (CHECKS / "manifest.jsonl").read_text("utf-8").splitlines() if line.strip()]
CONSISTENT = [r for r in ROWS if r["file"].startswith("consistent/")]
PLANTED = [r for r in ROWS if r["file"].startswith("planted/")]
ROLE_KINDS = {"role_conflict", "stale_title", "premature_title"}  # one flag per titled mention, one of these
ERROR_KINDS = ROLE_KINDS | {"contradiction", "date_anomaly"}


def _code(coder, row):
    text = (CHECKS / row["file"]).read_text("utf-8")
    return coder.code(make_article(text, date_=date.fromisoformat(row["date"])))


def test_checks_sets_are_large_enough():
    assert len(CONSISTENT) >= 30 and len(PLANTED) >= 30
    kinds = ["role" if r["expected_flags"][0]["kind"] in ROLE_KINDS else r["expected_flags"][0]["kind"] for r in PLANTED]
    assert all(kinds.count(k) >= 5 for k in {"role", "contradiction", "date_anomaly", "unverified_claim"})


@pytest.mark.parametrize("row", CONSISTENT, ids=[r["file"] for r in CONSISTENT])
def test_checks_no_error_flag_on_a_correct_report(coder, row):
    flags = [f for f in _code(coder, row).flags if f.kind in ERROR_KINDS]
    assert flags == [], [f.message for f in flags]


@pytest.mark.parametrize("row", PLANTED, ids=[r["file"] for r in PLANTED])
def test_checks_planted_error_is_flagged(coder, row):
    expected = row["expected_flags"][0]
    flags = _code(coder, row).flags
    assert expected["kind"] in {f.kind for f in flags}, [(f.kind, f.message) for f in flags]
    flag = next(f for f in flags if f.kind == expected["kind"])
    assert flag.message and flag.evidence


HELDOUT = CHECKS / "heldout"
HELD_ROWS = [json.loads(line) for line in (HELDOUT / "manifest.jsonl").read_text("utf-8").splitlines() if line.strip()]
HELD_RECALL_FLOOR = 0.85  # held-out planted errors found (measured 17/20 on first sight, 18/20 now)


@pytest.mark.parametrize("row", [r for r in HELD_ROWS if r["file"].startswith("consistent/")],
                         ids=[r["file"] for r in HELD_ROWS if r["file"].startswith("consistent/")])
def test_checks_heldout_correct_report_has_no_error_flag(coder, row):
    text = (HELDOUT / row["file"]).read_text("utf-8")
    flags = [f for f in coder.code(make_article(text, date_=date.fromisoformat(row["date"]))).flags if f.kind in ERROR_KINDS]
    assert flags == [], [f.message for f in flags]


def test_checks_heldout_planted_recall(coder):
    planted = [r for r in HELD_ROWS if r["file"].startswith("planted/")]
    found = 0
    for row in planted:
        text = (HELDOUT / row["file"]).read_text("utf-8")
        kinds = {f.kind for f in coder.code(make_article(text, date_=date.fromisoformat(row["date"]))).flags}
        found += row["expected_flags"][0]["kind"] in kinds
    assert found / len(planted) >= HELD_RECALL_FLOOR, f"{found}/{len(planted)}"
