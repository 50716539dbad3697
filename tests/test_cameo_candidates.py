"""The CAMEO verb-dictionary parser and coverage check (scripts/cameo_candidates.py), on a small
hand-written dictionary in the file's format (the real one is not shipped)."""

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "cameo_candidates.py"

SAMPLE = """\
# header comments
&CURRENCY
+DOLLAR

####### VERB PATTERNS #######

--- CRACKDOWN [170] ---
+CRACK_DOWN {+CRACKED_DOWN +CRACKING_DOWN}
QUELL
- * ON + PROTESTERS [175]  # CRACK_DOWN <xx 01 Jan 2005>

--- RETREAT [080] ---
WITHDRAW [0874]
+PULL_BACK
- * &CEASEFIRE [196]  # WITHDRAW

--- SAY [010] ---
SAY {SAYS SAID}

--- SEND   ###
DISPATCH
- * AID TO + [0333]  # SEND
- * TROOPS TO + [154]  # SEND
- * &MILITARY TO + [154]  # SEND
"""


@pytest.fixture(scope="module")
def cameo():
    spec = importlib.util.spec_from_file_location("cameo_candidates", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_cameo_candidates_parses_blocks_verbs_and_patterns(cameo, tmp_path):
    path = tmp_path / "verbs.txt"
    path.write_text(SAMPLE, "utf-8")
    blocks = {b.label: b for b in cameo.parse_blocks(path)}
    assert list(blocks) == ["CRACKDOWN", "RETREAT", "SAY", "SEND"]
    assert [v.lemma for v in blocks["CRACKDOWN"].verbs] == ["crack down", "quell"]
    assert blocks["CRACKDOWN"].patterns[0].code == "175"
    assert blocks["RETREAT"].verbs[0].code == "0874"
    assert (blocks["CRACKDOWN"].plover, blocks["RETREAT"].plover, blocks["SAY"].plover) == ("COERCE", "CONCEDE", None)
    assert blocks["SEND"].code is None and blocks["SEND"].plover == "MOBILIZE"  # from its patterns' roots


@pytest.mark.parametrize(
    "code, etype, mode",
    [("0874", "RETREAT", "withdraw"), ("083", "CONCEDE", None), ("193", "ASSAULT", "firearms"),
     ("1411", "PROTEST", "demo"), ("1431", "PROTEST", "strike"), ("202", "ASSAULT", "unconventional"), ("020", None, None), (None, None, None)],
)
def test_cameo_candidates_maps_codes_to_plover(cameo, code, etype, mode):
    assert cameo.plover_type(code) == etype
    assert cameo.plover_mode(code) == mode


def test_cameo_candidates_coverage_counts_phrasal_rules(cameo, tmp_path):
    path = tmp_path / "verbs.txt"
    path.write_text(SAMPLE, "utf-8")
    ours = cameo.our_triggers()
    assert cameo.verb_covered("crack down", ours)  # rules.yaml: crack + phrase "down"
    assert cameo.verb_covered("withdraw", ours)
    assert not cameo.verb_covered("quell down", ours)
    report = cameo.coverage_report(cameo.parse_blocks(path), ours, path.name)
    assert "| COERCE | 1 | 1 | 0 |" in report
    assert "SAY" in report.split("## Blocks without a PLOVER type")[1]
