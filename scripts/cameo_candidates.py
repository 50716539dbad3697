"""CAMEO verb-pattern dictionary → candidate trigger words, and how much of it dyad's rules cover.

Reads the PETRARCH verb-pattern file (`CAMEO.verbpatterns.*.txt`, path on the command line; dyad
never reads it at run time and does not ship it) into blocks: a label, the block's CAMEO code and
the PLOVER type it maps to (docs/ontology.md), its verbs (phrasal forms as "crack down") and its
patterns. Two modes:

    python scripts/cameo_candidates.py blocks  CAMEO.verbpatterns.150430.txt > blocks.jsonl
    python scripts/cameo_candidates.py coverage CAMEO.verbpatterns.150430.txt --out docs/coverage.md

`coverage` checks every block against the lemmas and phrases of `src/dyad/data/rules.yaml`: a
block is covered when at least one of its verbs is a trigger of ours (a verb rule's lemma, or for
a multi-word verb a verb rule whose lemma and particle/phrase/object words hold all its words).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

# CAMEO root (two digits) → PLOVER type (docs/ontology.md, docs/PLOVER.md). 01 and 02 (statements,
# appeals) have no PLOVER type; 08 splits: 080–083 CONCEDE, 084–087 RETREAT.
_ROOTS = {
    "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
    "19": "ASSAULT", "20": "ASSAULT",
}
# Deeper CAMEO codes that name a PLOVER mode (the first three or four digits).
_MODES = {
    "084": "release", "0841": "release", "086": "access", "0871": "ceasefire", "0873": "disarm",
    "0874": "withdraw", "141": "demo", "142": "hunger", "143": "strike", "144": "obstruct",
    "145": "riot", "161": "withdraw", "166": "expel", "171": "seize", "172": "restrict",
    "173": "arrest", "174": "deport", "181": "abduct", "182": "beat", "1821": "sexual",
    "1822": "torture", "183": "explosives", "1831": "suicide-attack", "185": "targeted",
    "193": "firearms", "194": "heavy-weapons", "195": "aerial", "1951": "aerial", "1952": "drone",
    "20": "unconventional",
}
_HEADER = re.compile(r"^---\s*([A-Z0-9_'-]+)\s*(?:\[([^\]]*)\])?")
_CODE = re.compile(r"\[([0-9-]{2,5})(?::[0-9-]*)?\]")


@dataclass
class Verb:
    lemma: str  # lower case; a multi-word verb joined by spaces ("crack down")
    code: str | None  # the verb's own code, when it differs from the block's


@dataclass
class Pattern:
    text: str
    code: str | None
    verb: str | None


@dataclass
class Block:
    label: str
    code: str | None  # the block's default CAMEO code ("190"), None for "---"
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)

    @property
    def effective_code(self) -> str | None:
        """The block's code, or else the most frequent root among its patterns' codes."""
        if self.code:
            return self.code
        roots = Counter(p.code[:2] for p in self.patterns if p.code and p.code[:2] in _ROOTS)
        return roots.most_common(1)[0][0] if roots else None

    @property
    def plover(self) -> str | None:
        return plover_type(self.effective_code)


def plover_type(code: str | None) -> str | None:
    """The PLOVER type of a CAMEO code ("0874" → RETREAT, "190" → ASSAULT, "010" → None)."""
    if not code or not code[:2].isdigit():
        return None
    if code[:2] == "08":
        return "RETREAT" if len(code) >= 3 and code[2] in "4567" else "CONCEDE"
    return _ROOTS.get(code[:2])


def plover_mode(code: str | None) -> str | None:
    if not code:
        return None
    for size in (4, 3, 2):
        if code[:size] in _MODES:
            return _MODES[code[:size]]
    return None


def _code(text: str) -> str | None:
    found = _CODE.search(text)
    if not found or "-" in found.group(1):
        return None
    return found.group(1)


def _verb_lemma(word: str) -> str:
    return word.lstrip("+").strip("_").replace("_", " ").lower()


def parse_blocks(path: Path) -> list[Block]:
    """The verb blocks of a CAMEO verb-pattern file, in file order."""
    blocks: list[Block] = []
    in_patterns = False
    current: Block | None = None
    for number, raw in enumerate(path.read_text("utf-8", errors="replace").splitlines(), 1):
        line = raw.strip()
        if line.startswith("####### VERB PATTERNS"):
            in_patterns = True
            continue
        if not in_patterns or not line or line.startswith("#"):
            continue
        header = _HEADER.match(line)
        if header:
            code = header.group(2)
            current = Block(header.group(1), code.strip() if code and code.strip().isdigit() else None, number)
            blocks.append(current)
            continue
        if current is None:
            continue
        body, _, comment = line.partition("#")
        if line.startswith("-"):
            verb = re.match(r"\s*([A-Z_+]+)", comment)
            current.patterns.append(Pattern(body[1:].strip(), _code(body), verb.group(1).lower() if verb else None))
            continue
        words = re.sub(r"\{[^}]*\}", " ", body).split()
        if not words:
            continue
        current.verbs.append(Verb(_verb_lemma(words[0]), _code(body)))
    return blocks


@dataclass(frozen=True)
class Triggers:
    """Our rules as coverage sees them: verb lemmas and, per lemma, the words a rule adds to it."""

    verbs: frozenset[str]
    phrase_words: dict[str, frozenset[str]]
    nouns: frozenset[str]


def our_triggers() -> Triggers:
    from dyad.coding.rules import load_rules

    rules = load_rules()
    extra: dict[str, set[str]] = {}
    for lemma, verb_rules in rules.verbs.items():
        for rule in verb_rules:
            words = set().union(*rule.phrase) | set(rule.prep) | set(rule.object.lemmas)
            if rule.particle:
                words.add(rule.particle)
            extra.setdefault(lemma, set()).update(words)
    return Triggers(frozenset(rules.verbs), {k: frozenset(v) for k, v in extra.items()}, frozenset(rules.nouns))


def verb_covered(lemma: str, ours: Triggers) -> bool:
    words = lemma.split()
    if len(words) == 1:
        return lemma in ours.verbs
    head, rest = words[0], [w for w in words[1:] if w not in ("the", "a", "an", "to")]
    return head in ours.verbs and all(w in ours.phrase_words.get(head, ()) for w in rest)


def coverage_report(blocks: list[Block], ours: Triggers, source: str) -> str:
    """docs/coverage.md: blocks covered and not covered per PLOVER type, with counts."""
    typed = [b for b in blocks if b.plover]
    by_type: dict[str, list[Block]] = {}
    for block in typed:
        by_type.setdefault(block.plover, []).append(block)
    covered_blocks = [b for b in typed if any(verb_covered(v.lemma, ours) for v in b.verbs)]
    verbs_all = [v for b in typed for v in b.verbs]
    verbs_cov = [v for v in verbs_all if verb_covered(v.lemma, ours)]
    lines = [
        "# Coverage of the CAMEO verb dictionary by dyad's rules",
        "",
        f"Generated by `scripts/cameo_candidates.py coverage` from `{source}` (PETRARCH's CAMEO verb",
        "patterns, not shipped) against `src/dyad/data/rules.yaml`. A block is *covered* when at least",
        "one of its verbs is a trigger of ours: a verb rule's lemma, or for a multi-word verb",
        "(\"crack down\") a verb rule whose lemma plus particle, phrase or object words hold all of its",
        "words. Blocks without a code of their own (`[---]`) take the most frequent root of their",
        "patterns; CAMEO 01 and 02 (statements, appeals) and blocks with no coded pattern have no",
        "PLOVER type and are counted apart. A covered block may still be coded to another type than",
        "CAMEO's, and an uncovered verb may be a word we leave out on purpose (too ambiguous).",
        "",
        f"- blocks: {len(blocks)}; with a PLOVER type: {len(typed)}; covered: {len(covered_blocks)}"
        f" ({len(covered_blocks) / max(len(typed), 1):.0%})",
        f"- verbs in typed blocks: {len(verbs_all)}; covered: {len(verbs_cov)}"
        f" ({len(verbs_cov) / max(len(verbs_all), 1):.0%})",
        "",
        "| PLOVER type | blocks | covered | not covered | verbs | verbs covered |",
        "|---|---|---|---|---|---|",
    ]
    for etype in sorted(by_type):
        group = by_type[etype]
        cov = [b for b in group if b in covered_blocks]
        verbs = [v for b in group for v in b.verbs]
        vcov = [v for v in verbs if verb_covered(v.lemma, ours)]
        lines.append(f"| {etype} | {len(group)} | {len(cov)} | {len(group) - len(cov)} | {len(verbs)} | {len(vcov)} |")
    lines += ["", "## Blocks per type", ""]
    for etype in sorted(by_type):
        lines.append(f"### {etype}")
        lines.append("")
        for block in sorted(by_type[etype], key=lambda b: b.label):
            hit = [v.lemma for v in block.verbs if verb_covered(v.lemma, ours)]
            miss = [v.lemma for v in block.verbs if not verb_covered(v.lemma, ours)]
            mark = "covered" if hit else "**not covered**"
            code = block.code or f"{block.effective_code} from patterns"
            shown = ", ".join(miss[:12]) + (" …" if len(miss) > 12 else "")
            lines.append(f"- {block.label} [{code}] — {mark}; ours: {', '.join(hit) or '—'}; not ours: {shown or '—'}")
        lines.append("")
    untyped = [b for b in blocks if not b.plover]
    lines += ["## Blocks without a PLOVER type", "", ", ".join(sorted(b.label for b in untyped)), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=("blocks", "coverage"))
    parser.add_argument("dictionary", type=Path, help="path to CAMEO.verbpatterns.*.txt")
    parser.add_argument("--out", type=Path, help="coverage: write the report here (default stdout)")
    args = parser.parse_args(argv)
    if not args.dictionary.is_file():
        print(f"error: no such file {args.dictionary}; pass the CAMEO verb-pattern file", file=sys.stderr)
        return 2
    blocks = parse_blocks(args.dictionary)
    if args.mode == "blocks":
        for block in blocks:
            record = asdict(block) | {"plover": block.plover, "plover_mode": plover_mode(block.effective_code)}
            print(json.dumps(record))
        return 0
    report = coverage_report(blocks, our_triggers(), args.dictionary.name)
    if args.out:
        args.out.write_text(report + "\n", "utf-8")
    else:
        print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
