"""Measure the title checks on real text: titled names swapped for a predecessor or successor.

Takes WCEP summaries (../shared/data/wcep-2015-09/events.jsonl) — or any JSONL with `id`, `date`,
`text` — finds "Title Full Name" where the KB says the person held the titled office on the date,
keeps that story as a clean case, and writes a planted copy with the name swapped for the
office's previous (else next) holder. Codes both and reports:
- recall: planted stories with a role flag (role_conflict / stale_title / premature_title) that
  names the planted person;
- false role flags per clean story;
- role flags on the clean stories re-dated past every office's `known_until` (must be 0).
`--set A|B` takes one half of the records by a stable hash of the id (A to tune, B kept for the end).

Usage: python scripts/planted_titles.py --set A [--data ../shared/data/wcep-2015-09/events.jsonl]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from datetime import date
from pathlib import Path

from dyad.ingest import make_article
from dyad.kb import covers
from dyad.pipeline import Coder
from dyad.roles import load_roles

ROLE_KINDS = {"role_conflict", "stale_title", "premature_title"}


def _half(record_id: str) -> str:
    return "A" if hashlib.sha256(record_id.encode()).digest()[0] % 2 == 0 else "B"


def find_cases(records, kb):
    lex = load_roles()
    names = sorted(((n, p.id) for p in kb.persons.values() for n in (p.name, *p.aliases) if len(n.split()) >= 2),
                   key=lambda x: -len(x[0]))
    cases = []
    for rec in records:
        on = date.fromisoformat(rec["date"])
        for name, pid in names:
            for m in re.finditer(rf"\b{re.escape(name)}\b", rec["text"]):
                phrase = lex.match(rec["text"][max(0, m.start() - 40): m.start()].split(",")[-1])
                if not phrase or phrase in lex.loose:
                    continue
                roles = lex.phrases[phrase]
                held = [t for t in kb.roles_of(pid, on) if kb.offices[t.office_id].role in roles]
                if not held:
                    continue
                terms = kb.by_office[held[0].office_id]
                i = terms.index(held[0])
                others = [t for t in (terms[i - 1] if i else None, terms[i + 1] if i + 1 < len(terms) else None)
                          if t is not None and t.person_id != pid and not covers(t, on)]
                if others:
                    swap = kb.persons[others[0].person_id]
                    planted = rec["text"][:m.start()] + swap.name + rec["text"][m.end():]
                    cases.append({"id": rec["id"], "date": rec["date"], "clean": rec["text"], "planted": planted,
                                  "person": kb.persons[pid].name, "swap": swap.name, "office": held[0].office_id})
                break
            else:
                continue
            break
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data" / "wcep-2015-09" / "events.jsonl")
    parser.add_argument("--set", choices=["A", "B"], required=True)
    parser.add_argument("--show", action="store_true", help="Print each miss and each false flag.")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()]
    records = [r for r in records if _half(r["id"]) == args.set]
    coder = Coder()
    cases = find_cases(records, coder.kb)
    hit = false = late = 0
    horizon = max(o.known_until for o in coder.kb.offices.values() if o.known_until)
    later = date(horizon.year + 1, 1, 15)
    for case in cases:
        on = date.fromisoformat(case["date"])
        planted = coder.code(make_article(case["planted"], date_=on)).flags
        if any(f.kind in ROLE_KINDS and case["swap"] in f.message for f in planted):
            hit += 1
        elif args.show:
            print("MISS", case["id"], case["office"], case["swap"], [f.kind for f in planted])
        clean = [f for f in coder.code(make_article(case["clean"], date_=on)).flags if f.kind in ROLE_KINDS]
        false += len(clean)
        if clean and args.show:
            print("FALSE", case["id"], [f.message for f in clean])
        late += sum(1 for f in coder.code(make_article(case["clean"], date_=later)).flags if f.kind in ROLE_KINDS)
    n = len(cases)
    print(json.dumps({"set": args.set, "stories": n, "planted_flagged_naming_swap": hit, "recall": round(hit / n, 3) if n else None,
                      "false_role_flags_per_clean_story": round(false / n, 3) if n else None,
                      "role_flags_after_known_until": late, "redated_to": later.isoformat()}))


if __name__ == "__main__":
    main()
