"""Score the probe sets of tests/probes/ (unadjudicated snippets with an expected type; docs/rules.md, twelfth round).

    .venv/bin/python scripts/score_probes.py [violence|politics|actors|quiet|mixed-a|mixed-b ...] [--misses]

For the event probes: how many items get an event of the expected type, and on those with an expected actor
country, how many have it among that type's actors, and how many get no event at all. For the quiet probe: how many
items get any event. The mixed probes hold both. With --misses, each item that fails is
printed with what was coded (not for the mixed probes, which are held out: aggregates only). `DYAD_MODEL=off` scores the rules alone.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date
from pathlib import Path

from dyad.coding.pipeline import Coder
from dyad.sources.files import make_article

FOLDER = Path(__file__).resolve().parent.parent / "tests" / "probes"
DAY = date(2025, 3, 14)  # the probes give no dates; the extraction tests' day


def coded(coder: Coder, text: str) -> list[tuple[str, list[str]]]:
    """(type, actor countries) of each event coded in `text`."""
    return [(e.event, [a.code or "-" for a in e.actor]) for e in coder.code(make_article(text, date_=DAY)).events]


def score_events(coder: Coder, items: list[dict], misses: bool) -> dict:
    right, total, country, silent = Counter(), Counter(), [0, 0], 0
    for item in items:
        expected = item["type"]
        total[expected] += 1
        events = coded(coder, item["text"])
        silent += not events
        of_type = [codes for kind, codes in events if kind == expected]
        if not of_type:
            if misses:
                print(f"MISS {item['id']} {expected} {item.get('actor')} got {events} | {item['text']}")
            continue
        right[expected] += 1
        want = (item.get("actor") or "-").split(";")[0].split("/")[0]
        if want not in ("-", ""):
            country[1] += 1
            if any(want in codes for codes in of_type):
                country[0] += 1
            elif misses:
                print(f"COUNTRY {item['id']} {expected} {item.get('actor')} got {events} | {item['text']}")
    return {"right_type": sum(right.values()), "items": sum(total.values()), "silent": silent,
            "actor_country": country[0], "actor_country_of": country[1],
            "by_type": {k: f"{right[k]}/{total[k]}" for k in sorted(total)}}


def score_mixed(coder: Coder, items: list[dict], misses: bool) -> dict:
    """Event items as `score_events` scores them; "NONE" items as `score_quiet` does."""
    events = [i for i in items if i["type"] != "NONE"]
    quiet = [dict(i, category=i.get("category") or "none") for i in items if i["type"] == "NONE"]
    none = score_quiet(coder, quiet, misses)
    return {**score_events(coder, events, misses), "none_items": none["items"],
            "none_with_an_event": none["items_with_an_event"], "none_by_category": none["by_category"]}


def score_quiet(coder: Coder, items: list[dict], misses: bool) -> dict:
    noisy, total = Counter(), Counter()
    for item in items:
        total[item["category"]] += 1
        events = coded(coder, item["text"])
        if events:
            noisy[item["category"]] += 1
            if misses:
                print(f"NOISY {item['id']} {item['category']} got {events} | {item['text']}")
    return {"items_with_an_event": sum(noisy.values()), "items": sum(total.values()),
            "by_category": {k: f"{noisy[k]}/{total[k]}" for k in sorted(total)}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=["violence", "politics", "actors", "quiet", "mixed-a", "mixed-b"])
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    coder = Coder()
    for name in args.sets:
        items = [json.loads(line) for line in (FOLDER / f"{name}.jsonl").read_text("utf-8").splitlines() if line.strip()]
        score = score_quiet if name == "quiet" else score_mixed if name.startswith("mixed") else score_events
        held_out = name.startswith("mixed")  # aggregates only: their items are not read one by one
        print(name, json.dumps(score(coder, items, args.misses and not held_out)))


if __name__ == "__main__":
    main()
