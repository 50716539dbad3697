"""Build the knowledge base's office history (1990 on) from REIGN, Phoenix and the team's rows.

Reads, from a data folder (default ../shared/data, beside the repository):
- reign-leaders/leaderlist_2021_03.csv: one effective leader per state, 1945 – March 2021;
- phoenix-actors/Phoenix.Countries.actors.txt: persons with aliases and dated GOV windows (to 2014);
and from scripts/data/:
- cow_iso3.csv: REIGN's Correlates-of-War state abbreviations → ISO 3166-1 alpha-3 (explicit:
  COW codes collide with other states' ISO codes, e.g. COW AUS is Austria, ISO AUS is Australia);
- reign_roles.yaml: which office REIGN's leader held (head of state or head of government);
- office_history_curated.csv: the team's rows (second offices, ministers, organisation heads,
  and everything after March 2021 for the states the curated KB did not already cover);
- ministers_curated.csv: the team's foreign and defence ministers from 2000 (G20, P5, both Koreas,
  the Gulf states, Israel, Iran) up to the first term the shipped curated files already hold.

Writes src/dyad/data/kb/{offices,persons,tenures}-history.csv. Every row carries a `source`
("reign-leaders 2021-03", "phoenix-actors 2014-01", "team curation") and, where something is
uncertain, a `note`. The shipped curated rows (offices-a/b/c etc.) win: a derived row for an
office is kept only before that office's first curated term. Run it again after editing the
inputs; the KB itself never reads ../shared at run time.

Usage: python scripts/build_office_history.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import unquote

import pycountry
import yaml

ROOT = Path(__file__).resolve().parent.parent
KB = ROOT / "src" / "dyad" / "data" / "kb"
INPUTS = Path(__file__).resolve().parent / "data"
REIGN_SOURCE = "reign-leaders 2021-03"
PHOENIX_SOURCE = "phoenix-actors 2014-01"
TEAM_SOURCE = "team curation"
REIGN_HORIZON = "2021-03-31"
CURATED_HORIZON = "2025-10-31"  # the shipped curated offices were written up to late 2025
SINCE = 1990
CURATED_FILES = ("office_history_curated.csv", "ministers_curated.csv")  # the team's rows, same columns
IGO_OFFICES = {"IMF.managing_director": ("Managing Director of the International Monetary Fund", "imf", "managing_director"),
               "WORLD_BANK.president": ("President of the World Bank Group", "world_bank", "president")}
SURNAME_FIRST = {"SGP", "CHN", "TWN", "KOR", "PRK", "VNM", "KHM", "MNG"}
ROLE_LABEL = {"head_of_state": "Head of state of {}", "head_of_government": "Head of government of {}",
              "foreign_minister": "Foreign minister of {}", "defence_minister": "Defence minister of {}"}
COMMON_WORDS = {"may", "major", "rice", "brown", "young", "bush", "fox", "king", "long", "rose", "white", "said",
                "wade", "lee", "kim", "park", "moon", "sharif", "khan", "singh", "ali", "ahmed", "hassan",
                "mohamed", "mohammed", "abdullah", "salman", "hussein", "bird", "price", "chan", "hata",
                "mori", "kan", "aso", "key", "clark", "martin", "james", "charles", "thomas", "smith", "sharon",
                "will", "mark", "page", "street", "love", "hope", "rich", "gray", "grey", "french", "english",
                "law", "sale", "best", "hill", "green", "black", "wood", "stone", "reid", "ross", "bell", "john",
                "george", "lula", "faure", "note", "scott", "banda", "jagan", "aquino", "bhutto", "rajapakse",
                "castro", "ortega", "kabila", "koirala", "deuba", "prachanda", "oli", "abe", "putin", "zia"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def fold(text: str) -> str:
    """ASCII transliteration by dropping accents ("Gül" → "Gul", "Dačić" → "Dacic")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass
class PersonRow:
    id: str
    name: str
    country: str
    aliases: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    born: str = ""


@dataclass
class TenureRow:
    person_id: str
    office_id: str
    start: str
    start_precision: str
    end: str
    end_precision: str
    acting: bool
    source: str
    note: str = ""


# --- inputs ------------------------------------------------------------------------------------
def read_reign(path: Path) -> list[dict]:
    # The release is UTF-8 with a stray Windows-1252 byte in one note: decode with replacement.
    text = path.read_bytes().decode("utf-8", "replace")
    return [r for r in csv.DictReader(io.StringIO(text)) if (r["eyear"] or "9999") >= str(SINCE)]


@dataclass
class PhoenixActor:
    name: str
    aliases: list[str]
    windows: list[tuple[str, date, date]]  # (ISO3, from, to) of GOV codes


def _phoenix_date(text: str, end: bool) -> date:
    if len(text) == 6:  # YYMMDD: the file's two-digit years are 19xx above 20, else 20xx
        year = int(text[:2])
        text = f"{1900 + year if year > 20 else 2000 + year}{text[2:]}"
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return date.max if end else date.min


def read_phoenix(path: Path) -> dict[str, list[PhoenixActor]]:
    """Phoenix persons with GOV windows, by ISO3 of the GOV code."""
    by_country: dict[str, list[PhoenixActor]] = {}
    current: PhoenixActor | None = None
    code = re.compile(r"\[([A-Z]{3})GOV\s*(?:(>|<)?(\d{6,8}))?(?:-(\d{6,8}))?\]")
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if not line[0].isspace() and not line.startswith(("+", "[")):
            current = PhoenixActor(_phoenix_name(line), [], [])
        elif line.startswith("+") and current is not None:
            current.aliases.append(_phoenix_name(line[1:]))
        elif current is not None:
            for m in code.finditer(line):
                iso3, op, first, last = m.groups()
                if op == ">":
                    window = (_phoenix_date(first, False), date.max)
                elif op == "<":
                    window = (date.min, _phoenix_date(first, True))
                elif first and last:
                    window = (_phoenix_date(first, False), _phoenix_date(last, True))
                else:
                    continue
                if not current.windows:
                    by_country.setdefault(iso3, []).append(current)
                current.windows.append((iso3, *window))
    return by_country


def _phoenix_name(token: str) -> str:
    words = [w for w in token.strip().strip("_").split("_") if w]
    return " ".join(_title(w) for w in words)


def _title(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


_TITLES = re.compile(r"^(President|Prime Minister|Premier|King|Queen|Emir|Sultan|Sheikh|Chancellor|General|"
                     r"Gen|Dr|Mr|Mrs|Ms|Field Marshal|Colonel|Col|Crown Prince|Prince)\s+", re.I)


# --- REIGN → office rows -----------------------------------------------------------------------
def clean_leader(text: str) -> str:
    text = re.sub(r"\((?:f|acting|\d\w* time)\)", "", text).strip()
    if "," in text:  # "Franco, Itamar", "Wangchuck, Jigme Singye", "Soglo, N"
        last, first = [p.strip() for p in text.split(",", 1)]
        text = f"{first} {last}" if len(first) > 2 else last
    return re.sub(r"\s+", " ", text)


def wiki_name(notes: str) -> str | None:
    """The leader's name from the English Wikipedia link REIGN gives in its notes ("…/wiki/Jimmy_Morales")."""
    found = re.search(r"en\.wikipedia\.org/wiki/([^\s,?#]+)", notes)
    if found is None:
        return None
    title = unquote(found.group(1)).replace("_", " ")
    return re.sub(r"\s*\(.*\)$", "", title).strip() or None


def match_phoenix(leader: str, iso3: str, start: date, end: date, phoenix) -> PhoenixActor | None:
    """The Phoenix person in that state whose name holds REIGN's words and whose GOV window overlaps the spell."""
    words = [w for w in re.split(r"[\s.]+", fold(leader).lower()) if len(w) > 1]
    if not words:
        return None
    best, best_overlap = None, timedelta(0)
    for actor in phoenix.get(iso3, ()):
        names = [actor.name, *actor.aliases]
        if not any(all(w in re.split(r"[\s\-]+", fold(n).lower()) for w in words) for n in names):
            continue
        overlap = timedelta(0)
        for code, first, last in actor.windows:
            if code != iso3:
                continue
            lo, hi = max(first, start), min(last, end)
            if hi > lo:
                overlap += hi - lo
        if overlap > best_overlap:
            best, best_overlap = actor, overlap
    # require a real overlap (a month), so a namesake from another decade does not match
    return best if best_overlap >= timedelta(days=30) else None


# Phoenix writes some aliases with the title in them ("Defense Minister Ehud Barak"): a name matched
# with its title would hide the title from the checks, so the words up to the last title word go
_TITLE_WORDS = re.compile(r"^.*\b(?:Minister|President|Premier|Secretary|Chancellor|Chairman|Leader|Defen[cs]e|"
                          r"Foreign|Prime|Ministry|Spokesman|Commander|Chief|Governor|Ambassador|Envoy)\b\s*", re.I)


def aliases_for(name: str, extra: list[str]) -> list[str]:
    out = []
    for text in [*extra, fold(name), name.replace("-", " "), fold(name).replace("-", " ")]:
        text = _TITLES.sub("", text).strip()
        bare = _TITLE_WORDS.sub("", text).strip()
        if bare != text and len(bare.split()) < 2 and bare not in name.split():
            continue  # what is left of a titled alias is not a name of this person
        text = bare
        if text and text != name and text not in out:
            out.append(text)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()

    cow = {}
    for row in csv.DictReader((INPUTS / "cow_iso3.csv").open(encoding="utf-8")):
        cow[row["cow"]] = row["iso3"]
    for iso3 in {v for v in cow.values() if v}:
        if iso3 != "TWN" and pycountry.countries.get(alpha_3=iso3) is None:
            raise SystemExit(f"cow_iso3.csv: {iso3} is not an ISO 3166-1 alpha-3 code")
    roles_cfg = yaml.safe_load((INPUTS / "reign_roles.yaml").read_text("utf-8"))
    hog_states = set(roles_cfg["head_of_government"])
    names_cfg = roles_cfg.get("names") or {}
    spells_cfg = {(s[0], s[1]): (s[2], s[3]) for s in roles_cfg["spells"]}

    # the shipped, hand-curated KB: its offices, persons and first terms win over derived rows
    curated_offices: dict[str, dict] = {}
    for file in sorted(KB.glob("offices-*.csv")):
        if file.name != "offices-history.csv":
            for row in csv.DictReader(file.open(encoding="utf-8")):
                curated_offices[row["office_id"]] = row
    curated_persons: dict[str, dict] = {}
    for file in sorted(KB.glob("persons-*.yaml")):
        for row in yaml.load(file.read_text("utf-8"), Loader=yaml.CSafeLoader) or []:
            curated_persons[row["id"]] = row
    first_term: dict[str, tuple[date, str]] = {}
    for file in sorted(KB.glob("tenures-*.csv")):
        if file.name == "tenures-history.csv":
            continue
        for row in csv.DictReader(file.open(encoding="utf-8")):
            start = date.fromisoformat(row["start"]) if row["start"] else date.min
            if row["office_id"] not in first_term or start < first_term[row["office_id"]][0]:
                first_term[row["office_id"]] = (start, row["person_id"])
    by_name: dict[tuple[str, str], str] = {}
    for pid, row in curated_persons.items():
        for n in [row["name"], *(row.get("aliases") or [])]:
            by_name[(slug(n), row.get("country") or "")] = pid

    phoenix = read_phoenix(args.data / "phoenix-actors" / "Phoenix.Countries.actors.txt")
    persons: dict[str, PersonRow] = {}
    tenures: list[TenureRow] = []
    offices: dict[str, dict] = {}
    report = {"reign_rows": 0, "skipped": 0, "no_full_name": [], "phoenix_names": 0}

    def person_id_for(name: str, iso3: str, aliases: list[str], source: str) -> str:
        for n in [name, *aliases]:
            pid = by_name.get((slug(n), iso3))
            if pid:
                return pid
        pid = slug(name)
        if pid in curated_persons and curated_persons[pid].get("country") != iso3:
            pid = f"{pid}-{iso3.lower()}"
        row = persons.setdefault(pid, PersonRow(pid, name, iso3))
        for a in [name, *aliases]:
            if a not in row.aliases and a != row.name:
                row.aliases.append(a)
        if source not in row.sources:
            row.sources.append(source)
        return pid

    def office_for(iso3: str, role: str, source: str) -> str:
        office_id = f"{iso3}.{role}"
        if office_id not in curated_offices and office_id not in offices:
            country = pycountry.countries.get(alpha_3=iso3)
            name = getattr(country, "common_name", None) or country.name
            offices[office_id] = {"office_id": office_id, "label": ROLE_LABEL[role].format(name),
                                  "jurisdiction": iso3, "role": role, "sector": "GOV",
                                  "secondary_sector": "MIL" if role == "defence_minister" else "",
                                  "wikidata": "", "known_until": REIGN_HORIZON, "source": source}
        return office_id

    for r in read_reign(args.data / "reign-leaders" / "leaderlist_2021_03.csv"):
        key = r["stateabb"] if r["stateabb"] != "GMY" else f"GMY:{r['ccode']}"
        iso3 = cow.get(key)
        if iso3 is None:
            raise SystemExit(f"REIGN state {key!r} has no row in cow_iso3.csv")
        if not iso3:
            continue
        report["reign_rows"] += 1
        leader = r["leader"].strip()
        role, note = spells_cfg.get((iso3, leader)) or spells_cfg.get((iso3, "*")) or (
            "head_of_government" if iso3 in hog_states else "head_of_state", "")
        if role == "skip":
            report["skipped"] += 1
            continue
        start = date(int(r["syear"]), int(r["smonth"]), int(r["sdate"]) if r["sdate"] else 1)
        end = date(int(r["eyear"]), int(r["emonth"]), 1) if r["eyear"] else None
        if end is not None and end.year < SINCE:
            continue
        clean = names_cfg.get(f"{iso3}|{leader}") or clean_leader(leader)
        wiki = wiki_name(r.get("notes") or "")
        from_wiki = (f"{iso3}|{leader}" not in names_cfg and wiki is not None and len(clean.split()) == 1
                     and fold(clean).lower() in fold(wiki).lower().split())
        if from_wiki:  # a surname alone matches any namesake in Phoenix ("Morales"): REIGN's own link names the leader
            clean = wiki
        actor = match_phoenix(clean, iso3, start, end or date(2021, 3, 31), phoenix)
        source = REIGN_SOURCE
        if f"{iso3}|{leader}" in names_cfg:
            name, extra = clean, (actor.aliases + [actor.name] if actor else [])
            source = f"{REIGN_SOURCE}; full name: {TEAM_SOURCE}"
        elif actor is not None:
            name, extra = actor.name, actor.aliases
            source = f"{REIGN_SOURCE}; name and aliases: {PHOENIX_SOURCE}"
            report["phoenix_names"] += 1
        else:
            name, extra = clean, []
            if from_wiki:
                source = f"{REIGN_SOURCE}; full name from its Wikipedia link"
        if len(name.split()) < 2:
            report["no_full_name"].append(f"{iso3} {leader} {start}")
            continue  # a surname alone would match every namesake in a report
        pid = person_id_for(name, iso3, aliases_for(name, extra), source)
        if pid in persons and r["birthyear"].strip().isdigit():
            persons[pid].born = r["birthyear"].strip()
        office_ids = [office_for(iso3, role, REIGN_SOURCE)]
        hog = curated_offices.get(f"{iso3}.head_of_government")
        if role == "head_of_state" and hog and "as head of government" in hog["label"]:
            office_ids.append(hog["office_id"])  # presidential systems: one person, both offices
        for office_id in office_ids:
            tenures.append(TenureRow(pid, office_id, start.isoformat(), "day" if r["sdate"] else "month",
                                     end.isoformat() if end else "", "month" if end else "",
                                     "acting" in leader.lower() or "acting" in note.lower(), source, note))

    curated_rows = [row for name in CURATED_FILES for row in csv.DictReader((INPUTS / name).open(encoding="utf-8"))]
    for row in curated_rows:
        jurisdiction, role = row["office_id"].split(".", 1)
        if row["office_id"] not in curated_offices and row["office_id"] not in offices:
            if row["office_id"] in IGO_OFFICES:
                label, igo, igo_role = IGO_OFFICES[row["office_id"]]
                offices[row["office_id"]] = {"office_id": row["office_id"], "label": label, "jurisdiction": igo,
                                             "role": igo_role, "sector": "GOV", "secondary_sector": "", "wikidata": "",
                                             "known_until": "", "source": TEAM_SOURCE}
            elif len(jurisdiction) == 3 and jurisdiction.isupper():
                office_for(jurisdiction, role, TEAM_SOURCE)
            else:
                raise SystemExit(f"{' or '.join(CURATED_FILES)}: unknown office {row['office_id']}")
        extra = [a.strip() for a in row["aliases"].split(";") if a.strip()]
        pid = row.get("person_id") or person_id_for(row["name"], row["country"], aliases_for(row["name"], extra), TEAM_SOURCE)
        tenures.append(TenureRow(pid, row["office_id"], row["start"], row["start_precision"] or "day", row["end"],
                                 row["end_precision"] or ("day" if row["end"] else ""), row["acting"] == "true",
                                 TEAM_SOURCE, row["note"]))
        if row.get("known_until") and row["office_id"] in offices:
            offices[row["office_id"]]["known_until"] = max(offices[row["office_id"]]["known_until"] or "", row["known_until"])

    # curated KB rows win: keep a derived term only before the office's first curated term
    kept = []
    for t in tenures:
        first = first_term.get(t.office_id)
        if first is not None and t.source != TEAM_SOURCE:
            first_start, first_person = first
            if t.person_id == first_person or date.fromisoformat(t.start) >= first_start:
                continue
            if not t.end or date.fromisoformat(t.end) >= first_start:
                t.end, t.end_precision = (first_start - timedelta(days=1)).isoformat(), "day"
                t.note = (t.note + "; " if t.note else "") + "end set to the day before the next curated term"
        kept.append(t)
    # a derived spell that REIGN continues with the same person (re-elections split in two rows) is merged
    kept.sort(key=lambda t: (t.office_id, t.start))
    merged: list[TenureRow] = []
    for t in kept:
        prev = merged[-1] if merged else None
        if prev and prev.office_id == t.office_id and prev.person_id == t.person_id and prev.end and \
                prev.acting == t.acting and TEAM_SOURCE not in (prev.source, t.source) and \
                date.fromisoformat(t.start) - date.fromisoformat(prev.end) <= timedelta(days=62):
            prev.end, prev.end_precision = t.end, t.end_precision
            continue
        merged.append(t)

    # surname aliases, only where the surname is unique among all persons and not an English word
    surnames: dict[str, set[str]] = {}
    everyone = {pid: (p["name"], p.get("aliases") or []) for pid, p in curated_persons.items()}
    everyone.update({pid: (p.name, p.aliases) for pid, p in persons.items()})
    for pid, (name, aliases) in everyone.items():
        for n in (name, *aliases):
            surnames.setdefault(fold(n.split()[-1]).lower(), set()).add(pid)
    for pid, person in persons.items():
        single = [a for a in person.aliases if len(a.split()) == 1]
        person.aliases = [a for a in person.aliases if len(a.split()) > 1]
        last = person.name.split()[0 if person.country in SURNAME_FIRST else -1]
        for word in {*single, last}:
            if len(word) > 3 and len(surnames.get(fold(word).lower(), ())) <= 1 and word.lower() not in COMMON_WORDS \
                    and not pycountry.countries.get(name=word) and word not in person.aliases:
                person.aliases.append(word)

    used = {t.person_id for t in merged}
    _write(KB / "offices-history.csv", ["office_id", "label", "jurisdiction", "role", "sector", "secondary_sector",
                                        "wikidata", "known_until", "source"], sorted(offices.values(), key=lambda o: o["office_id"]))
    _write(KB / "persons-history.csv", ["id", "name", "aliases", "country", "born", "wikidata", "source"],
           [{"id": p.id, "name": p.name, "aliases": ";".join(p.aliases), "country": p.country, "born": p.born, "wikidata": "",
             "source": "; ".join(p.sources)} for p in sorted(persons.values(), key=lambda p: p.id) if p.id in used])
    _write(KB / "tenures-history.csv", ["person_id", "office_id", "start", "start_precision", "end", "end_precision",
                                        "acting", "source", "note"],
           [{**t.__dict__, "acting": "true" if t.acting else "false"} for t in merged])
    print(f"REIGN rows since {SINCE}: {report['reign_rows']} ({report['skipped']} skipped by reign_roles.yaml); "
          f"full names from Phoenix: {report['phoenix_names']}; dropped for lack of a full name: "
          f"{len(report['no_full_name'])}")
    for line in report["no_full_name"]:
        print("  no full name:", line)
    print(f"wrote {len(offices)} offices, {len(used & set(persons))} persons, {len(merged)} tenures")


def _write(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
