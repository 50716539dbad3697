"""Measure the title checks on real text: titled names swapped for a predecessor or successor.

Takes WCEP summaries (../shared/data/wcep-2015-09/events.jsonl) — or any JSONL with `id`, `date`,
`text` — finds "Title Full Name" where the KB says the person held the titled office on the date,
keeps that story as a clean case, and writes a planted copy with the name swapped for the
office's previous (else next) holder. Codes both and reports:
- recall: planted stories with a role flag (role_conflict / stale_title / premature_title) that
  names the planted person;
- false role flags per clean story (each record counted once);
- role flags on the clean stories re-dated past every office's `known_until` (must be 0);
- role flags on every record of the set, titled or not (a wider clean set).
`--set A|B` takes one half of the records by a stable hash of the id (A to tune, B kept for the end).

Every titled name of a record makes its own planted copy (one swap each); the clean record is
coded once. `--data scripts/data/titled_reports/A.jsonl --set all` runs the team's own long
reports (A to tune, B written later and run once at the end).

Usage: python scripts/planted_titles.py --set A [--data ../shared/data/wcep-2015-09/events.jsonl]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from datetime import date
from pathlib import Path

from dyad.checks import _NOT_NOW
from dyad.coding.pipeline import Coder
from dyad.kb.base import covers
from dyad.kb.roles import load_roles
from dyad.sources.files import make_article

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
        taken: list[tuple[int, int]] = []  # every titled name of the record, each planted in its own copy
        for name, pid in names:
            for m in re.finditer(rf"\b{re.escape(name)}\b", rec["text"]):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                before = rec["text"][max(0, m.start() - 40): m.start()].split(",")[-1]
                phrase = lex.match(before)
                if not phrase or phrase in lex.loose or _NOT_NOW.search(before):
                    continue  # "Vice President X", "former Prime Minister X": no claim to test
                roles = lex.phrases[phrase]
                held = [t for t in kb.roles_of(pid, on) if kb.offices[t.office_id].role in roles]
                if not held:
                    continue
                taken.append((m.start(), m.end()))
                terms = kb.by_office[held[0].office_id]
                i = terms.index(held[0])
                others = [t for t in (terms[i - 1] if i else None, terms[i + 1] if i + 1 < len(terms) else None)
                          if t is not None and t.person_id != pid and not covers(t, on)
                          and kb.persons[t.person_id].name not in rec["text"]]
                if others:
                    swap = kb.persons[others[0].person_id]
                    planted = rec["text"][:m.start()] + swap.name + rec["text"][m.end():]
                    cases.append({"id": f"{rec['id']}@{m.start()}", "date": rec["date"], "clean": rec["text"],
                                  "planted": planted, "person": kb.persons[pid].name, "swap": swap.name,
                                  "office": held[0].office_id})
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data" / "wcep-2015-09" / "events.jsonl")
    parser.add_argument("--set", choices=["A", "B", "all"], required=True,
                        help="A or B: that half of the records by a stable hash of the id; all: every record.")
    parser.add_argument("--show", action="store_true", help="Print each miss and each false flag.")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()]
    if args.set != "all":
        records = [r for r in records if _half(r["id"]) == args.set]
    coder = Coder()
    cases = find_cases(records, coder.kb)
    hit = false = late = 0
    clean_flags: dict[str, int] = {}  # a clean record is coded once, however many names it gives
    horizon = max(o.known_until for o in coder.kb.offices.values() if o.known_until)
    later = date(horizon.year + 1, 1, 15)
    for case in cases:
        on = date.fromisoformat(case["date"])
        planted = coder.code(make_article(case["planted"], date_=on)).flags
        if any(f.kind in ROLE_KINDS and case["swap"] in f.message for f in planted):
            hit += 1
        elif args.show:
            print("MISS", case["id"], case["office"], case["swap"], [f.kind for f in planted])
        record = case["id"].rsplit("@", 1)[0]
        if record in clean_flags:
            continue
        clean = [f for f in coder.code(make_article(case["clean"], date_=on)).flags if f.kind in ROLE_KINDS]
        clean_flags[record] = len(clean)
        if clean and args.show:
            print("FALSE", record, [f.message for f in clean])
        late += sum(1 for f in coder.code(make_article(case["clean"], date_=later)).flags if f.kind in ROLE_KINDS)
    n, stories = len(cases), len(clean_flags)
    false = sum(clean_flags.values())
    # every record of the set, titled or not, as a wider clean set (edited summaries: a role flag is likely false)
    every = 0
    for rec in records:
        flags = [f for f in coder.code(make_article(rec["text"], date_=date.fromisoformat(rec["date"]))).flags
                 if f.kind in ROLE_KINDS]
        every += len(flags)
        if flags and args.show:
            print("FLAG-ON-RECORD", rec["id"], [f.message for f in flags])
    print(json.dumps({"data": args.data.name, "set": args.set, "planted_names": n, "clean_stories": stories,
                      "planted_flagged_naming_swap": hit, "recall": round(hit / n, 3) if n else None,
                      "false_role_flags": false,
                      "false_role_flags_per_clean_story": round(false / stories, 3) if stories else None,
                      "role_flags_after_known_until": late, "redated_to": later.isoformat(),
                      "all_records": len(records), "role_flags_on_all_records": every}))


if __name__ == "__main__":
    main()
