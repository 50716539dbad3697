"""Split the WCEP September 2015 records once, by a fixed seed, into a tune and a test split.

Stratified by the portal's category so both splits hold disasters, sports and culture items.
Writes tests/gold/wcep/split.json: {"seed", "tune": [ids], "test": [ids]}. Run once; the split
is committed and never redrawn.

    python scripts/wcep_split.py ../shared/data/wcep-2015-09/events.jsonl
"""

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

SEED = 20150901
TUNE_SHARE = 250 / 428


def split(records: list[dict], seed: int = SEED) -> tuple[list[str], list[str]]:
    by_category = defaultdict(list)
    for record in records:
        by_category[record["category"]].append(record["id"])
    rng = random.Random(seed)
    tune, test = [], []
    for category in sorted(by_category):
        ids = sorted(by_category[category])
        rng.shuffle(ids)
        cut = round(len(ids) * TUNE_SHARE)
        tune += ids[:cut]
        test += ids[cut:]
    return sorted(tune), sorted(test)


def main(path: str) -> None:
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    tune, test = split(records)
    out = Path(__file__).resolve().parent.parent / "tests" / "gold" / "wcep" / "split.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"seed": SEED, "tune": tune, "test": test}, indent=0) + "\n", encoding="utf-8")
    print(f"{len(tune)} tune, {len(test)} test -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
