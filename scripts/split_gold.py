"""Split a labelled gold file once, by a fixed seed, into a tune file and a held-out test file.

Stratified by the items' `category` so both halves hold no-event items (disasters, sports,
culture) as well as events. Run once when a set is added; the halves are committed and never
redrawn, and the test half is scored only for aggregate numbers.

    python scripts/split_gold.py ALL.jsonl tests/gold/NAME --seed 20261204 --tune-share 0.667
    (writes tests/gold/NAME-tune.jsonl and tests/gold/NAME-test.jsonl)
"""

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path


def split(items: list[dict], seed: int, tune_share: float) -> tuple[list[dict], list[dict]]:
    by_category = defaultdict(list)
    for item in items:
        by_category[item.get("category", "")].append(item)
    rng = random.Random(seed)
    tune, test = [], []
    for category in sorted(by_category):
        group = sorted(by_category[category], key=lambda item: item["id"])
        rng.shuffle(group)
        cut = round(len(group) * tune_share)
        tune += group[:cut]
        test += group[cut:]
    return sorted(tune, key=lambda i: i["id"]), sorted(test, key=lambda i: i["id"])


def write(items: list[dict], path: Path) -> None:
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("prefix", type=Path)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--tune-share", type=float, default=2 / 3)
    args = parser.parse_args()
    items = [json.loads(line) for line in args.source.read_text(encoding="utf-8").splitlines() if line.strip()]
    tune, test = split(items, args.seed, args.tune_share)
    write(tune, args.prefix.with_name(args.prefix.name + "-tune.jsonl"))
    write(test, args.prefix.with_name(args.prefix.name + "-test.jsonl"))
    print(f"{len(tune)} tune, {len(test)} test (seed {args.seed})")


if __name__ == "__main__":
    main()
