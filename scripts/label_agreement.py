"""Agreement between two independent labellings of the same records (dyad gold format).

    python scripts/label_agreement.py LABELS_1.jsonl LABELS_2.jsonl [--out report.json]

Both files hold one JSON object a line with "id" and "events" (each event: "event", "mode",
"actor", "recipient", "modality", and optionally "place"). Only ids present in both files are
compared; ids in one file only are listed in the report. Prints a JSON report:

- event_presence: items where both say "some event" or both say "none", with Cohen's kappa
  for that binary decision;
- type_multiset: items whose multisets of event types are identical (all items, and items
  where both found at least one event);
- event_f1: labeller 2 scored against labeller 1 as reference, events matched one-to-one within
  an item (multiset intersection of keys) by type; by type + actor codes + recipient codes;
  and by type + actor (code, sector) + recipient (code, sector);
- modality / mode / place: agreement on events paired by type (within an item, same-type events
  are paired greedily by actor/recipient code overlap), with Cohen's kappa for modality.
  Places are compared case-insensitively; both null counts as agreement.
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path


def load(path: str) -> dict[str, dict]:
    records = {}
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        if record["id"] in records:
            sys.exit(f"{path}:{n}: duplicate id {record['id']}")
        records[record["id"]] = record
    return records


def codes(parties: list[dict]) -> tuple:
    return tuple(sorted(p.get("code") or "" for p in parties or []))


def coded(parties: list[dict]) -> tuple:
    return tuple(sorted((p.get("code") or "", p.get("sector") or "") for p in parties or []))


def key_type(e: dict) -> tuple:
    return (e["event"],)


def key_codes(e: dict) -> tuple:
    return (e["event"], codes(e.get("actor")), codes(e.get("recipient")))


def key_sectors(e: dict) -> tuple:
    return (e["event"], coded(e.get("actor")), coded(e.get("recipient")))


def kappa(pairs: list[tuple]) -> float | None:
    """Cohen's kappa for a list of (label_1, label_2) pairs."""
    n = len(pairs)
    if not n:
        return None
    observed = sum(a == b for a, b in pairs) / n
    c1, c2 = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(c1[k] * c2[k] for k in set(c1) | set(c2)) / (n * n)
    if expected == 1:
        return 1.0 if observed == 1 else None
    return round((observed - expected) / (1 - expected), 4)


def prf(tp: int, n_ref: int, n_hyp: int) -> dict:
    p = tp / n_hyp if n_hyp else 0.0
    r = tp / n_ref if n_ref else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"matched": tp, "events_1": n_ref, "events_2": n_hyp,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def overlap(a: dict, b: dict) -> int:
    score = 0
    for role in ("actor", "recipient"):
        score += sum((Counter(codes(a.get(role))) & Counter(codes(b.get(role)))).values())
    return score


def pair_by_type(ev1: list[dict], ev2: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs of same-type events, greedily by actor/recipient code overlap."""
    candidates = []
    for i, a in enumerate(ev1):
        for j, b in enumerate(ev2):
            if a["event"] == b["event"]:
                candidates.append((-overlap(a, b), i, j))
    candidates.sort()
    used1, used2, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used1 and j not in used2:
            used1.add(i)
            used2.add(j)
            pairs.append((ev1[i], ev2[j]))
    return pairs


def norm_place(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip().casefold()
    return value or None


def ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def report(one: dict[str, dict], two: dict[str, dict]) -> dict:
    ids = [i for i in one if i in two]
    presence = [(bool(one[i]["events"]), bool(two[i]["events"])) for i in ids]
    both_events = [i for i in ids if one[i]["events"] and two[i]["events"]]

    def same_types(i: str) -> bool:
        return Counter(e["event"] for e in one[i]["events"]) == Counter(e["event"] for e in two[i]["events"])

    f1 = {}
    for name, key in (("type", key_type), ("type_actor_recipient_codes", key_codes),
                      ("type_actor_recipient_codes_sectors", key_sectors)):
        tp = n1 = n2 = 0
        for i in ids:
            k1 = Counter(key(e) for e in one[i]["events"])
            k2 = Counter(key(e) for e in two[i]["events"])
            tp += sum((k1 & k2).values())
            n1 += sum(k1.values())
            n2 += sum(k2.values())
        f1[name] = prf(tp, n1, n2)

    pairs = [p for i in ids for p in pair_by_type(one[i]["events"], two[i]["events"])]
    modality = [(a.get("modality"), b.get("modality")) for a, b in pairs]
    modes = [(tuple(sorted(a.get("mode") or [])), tuple(sorted(b.get("mode") or []))) for a, b in pairs]
    places = [(norm_place(a.get("place")), norm_place(b.get("place"))) for a, b in pairs]
    place_given = [(x, y) for x, y in places if x is not None or y is not None]
    per_type = {}
    for a, b in pairs:
        t = per_type.setdefault(a["event"], {"pairs": 0, "same_modality": 0})
        t["pairs"] += 1
        t["same_modality"] += a.get("modality") == b.get("modality")

    return {
        "files": None,
        "items": len(ids),
        "only_in_1": sorted(set(one) - set(two)),
        "only_in_2": sorted(set(two) - set(one)),
        "identical_items": sum(one[i]["events"] == two[i]["events"] for i in ids),
        "event_presence": {
            "agree": sum(a == b for a, b in presence),
            "agreement": ratio(sum(a == b for a, b in presence), len(ids)),
            "kappa": kappa(presence),
            "events_both": len(both_events),
            "none_both": sum(not a and not b for a, b in presence),
            "events_1_only": sum(a and not b for a, b in presence),
            "events_2_only": sum(b and not a for a, b in presence),
        },
        "type_multiset": {
            "agree_all_items": sum(same_types(i) for i in ids),
            "agreement_all_items": ratio(sum(same_types(i) for i in ids), len(ids)),
            "items_with_events_both": len(both_events),
            "agree_items_with_events_both": sum(same_types(i) for i in both_events),
            "agreement_items_with_events_both": ratio(sum(same_types(i) for i in both_events), len(both_events)),
        },
        "event_f1_2_vs_1": f1,
        "type_matched_pairs": len(pairs),
        "modality": {
            "agree": sum(a == b for a, b in modality),
            "agreement": ratio(sum(a == b for a, b in modality), len(modality)),
            "kappa": kappa(modality),
            "confusions": {f"{a}->{b}": n for (a, b), n in Counter(p for p in modality if p[0] != p[1]).most_common()},
            "per_type": per_type,
        },
        "mode": {
            "agree": sum(a == b for a, b in modes),
            "agreement": ratio(sum(a == b for a, b in modes), len(modes)),
        },
        "place": {
            "agree": sum(a == b for a, b in places),
            "agreement": ratio(sum(a == b for a, b in places), len(places)),
            "pairs_with_a_place": len(place_given),
            "agree_pairs_with_a_place": sum(a == b for a, b in place_given),
            "agreement_pairs_with_a_place": ratio(sum(a == b for a, b in place_given), len(place_given)),
            "null_vs_place": sum((a is None) != (b is None) for a, b in places),
        },
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels_1")
    parser.add_argument("labels_2")
    parser.add_argument("--out", help="also write the report to this file")
    args = parser.parse_args(argv)
    result = report(load(args.labels_1), load(args.labels_2))
    result["files"] = [Path(args.labels_1).name, Path(args.labels_2).name]
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
