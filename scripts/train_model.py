"""Train the second-opinion model and write it as package data (`make train`).

    .venv/bin/python scripts/train_model.py [--out src/dyad/data/model] [GOLD.jsonl ...]

Trains on the team's tuning splits only (default: tests/gold/gold-a.jsonl, gold-b.jsonl and, when
present, tests/gold/news-tune.jsonl and tests/gold/wcep/wcep-tune.jsonl); held-out files are
refused. Measures rules alone and rules with the model by 5-fold cross-validation on the same
items, chooses the threshold with the best macro-F1, and enables the model by default only when
it beats the rules on the union and on every real-text file (any file but gold-a/gold-b). Writes
`pipeline/` and `card.json` (files and their sha256, settings, every measured number). The same
files and seed give the same artefact.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dyad.coding.parse import load_nlp
from dyad.coding.pipeline import Coder
from dyad.coding.train import (
    Settings,
    choose,
    cross_validate,
    item_features,
    key_of,
    measure,
    save_model,
    sha256,
    train,
    training_set,
)
from dyad.evaluate import load_gold

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ["tests/gold/gold-a.jsonl", "tests/gold/gold-b.jsonl", "tests/gold/news-tune.jsonl",
           "tests/gold/wcep/wcep-tune.jsonl"]
THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0]  # 1.0: never fill (scores stay below 1)
VETOES = [None, 0.6, 0.7, 0.8, 0.9]
TEAM_FILES = {"gold-a.jsonl", "gold-b.jsonl"}  # sentences the team wrote; every other tuning file is real text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, help="tuning gold files (default: the team's tuning splits)")
    parser.add_argument("--out", type=Path, default=ROOT / "src/dyad/data/model", help="artefact folder")
    args = parser.parse_args()
    paths = args.gold or [ROOT / p for p in DEFAULT if (ROOT / p).exists()]
    settings = Settings()
    items = training_set(paths)
    by_file = {path: load_gold(path) for path in paths}
    nlp = load_nlp()
    words = item_features(items, nlp)
    coder = Coder(nlp=nlp, model=None)
    coded, scores = cross_validate(items, words, coder, settings, progress=lambda m: print(m, file=sys.stderr))
    results = {"union": measure(items, coded, scores, THRESHOLDS, VETOES)}
    for path, file_items in by_file.items():
        results[path.name] = measure(file_items, coded, scores, THRESHOLDS, VETOES)
    threshold, veto = choose(results["union"])
    key = key_of(threshold, veto)
    beats = results["union"][key]["macro_f1"] > results["union"]["rules"]["macro_f1"]
    real = [name for name in results if name not in TEAM_FILES and name != "union"]
    real_beats = {name: results[name][key]["macro_f1"] > results[name]["rules"]["macro_f1"] for name in real}
    enabled = beats and bool(real) and all(real_beats.values())
    extra = {
        "trained_on": [{"file": str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else p.name,
                        "sha256": sha256(p), "items": len(by_file[p])} for p in paths],
        "seed": settings.seed,
        "settings": {k: getattr(settings, k) for k in settings.__slots__},
        "features": "lemmas (entities as their type, numbers as #) and verb>dep=word pairs; spaCy TextCatBOW.v3",
        "decision": {"threshold": threshold, "veto": veto, "beats_rules_on_union": beats, "beats_rules_on_real_text": real_beats,
                     "enabled": enabled},
        "cross_validation": results,
    }
    model = save_model(train(items, words, settings), args.out, threshold, veto, enabled, extra)
    print(json.dumps(extra["decision"]), file=sys.stderr)
    print(f"wrote {args.out} ({model.coder})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
