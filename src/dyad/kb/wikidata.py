"""Knowledge-base import stage: Wikidata answers into persons, offices and tenures.

Takes SPARQL 1.1 JSON results of the position-holder queries (Q1/Q2 in the project KB notes)
or entity JSON lines (the weekly dump and Special:EntityData, mixed) and gives an `ImportBatch`
of `Person`, `Office`, `Tenure` and `CountryFact` records plus warnings. `merge` compares a batch
with the curated rows (curated rows win; disagreements become `Conflict`s) and
`write_user_layer` / `read_user_layer` keep accepted rows in one user YAML file. The parsers do
no I/O and never reach the network; a fetcher, if any, lives elsewhere.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import NamedTuple

import yaml

from dyad.errors import DataError
from dyad.records import Office, Person, Tenure

# The query whose SPARQL JSON answers `parse_sparql_json` reads: every holder of a list of offices
# (put the Wikidata ids of your offices in VALUES). Shown by `dyad kb import wikidata --help` and
# in docs/kb.md, with the command that saves its answers.
HOLDERS_QUERY = """\
SELECT ?position ?positionLabel ?person ?personLabel ?statement ?rank
       ?start ?startPrecision ?end ?endPrecision
WHERE {
  VALUES ?position { wd:Q81066 wd:Q634291 wd:Q12592405 wd:Q12592509 }
  ?person p:P39 ?statement . ?statement ps:P39 ?position ; wikibase:rank ?rank .
  FILTER(?rank != wikibase:DeprecatedRank)
  OPTIONAL { ?statement pqv:P580 [ wikibase:timeValue ?start ;
                                   wikibase:timePrecision ?startPrecision ] }
  OPTIONAL { ?statement pqv:P582 [ wikibase:timeValue ?end ;
                                   wikibase:timePrecision ?endPrecision ] }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en,mul". }
}"""
SAVE_ANSWERS = """\
curl -sG https://query.wikidata.org/sparql --data-urlencode query@holders.rq \\
     -H 'Accept: application/sparql-results+json' \\
     -A 'dyad-kb-refresh (you@example.org)' -o holders.json"""

ENTITY = "http://www.wikidata.org/entity/"
GENID = "/.well-known/genid/"  # WDQS writes "unknown value" as a blank-node IRI, not a literal
LANGS = ("en", "mul")
PRECISION = {11: "day", 10: "month", 9: "year"}
_DEPTH = {"year": 1, "month": 2, "day": 3}
_TIME = re.compile(r"([+-]?)(\d{1,16})-(\d\d)-(\d\d)T")
_QID = re.compile(r"Q[1-9]\d*")
Ids = Mapping[str, str] | None  # QID -> KB id


@dataclass(frozen=True, slots=True)
class CountryFact:
    """A country as Wikidata states it: ISO codes, capital item, demonyms and names."""

    qid: str
    name: str | None
    iso2: str | None = None
    iso3: str | None = None
    capital_qid: str | None = None
    demonyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportBatch:
    """What one Wikidata answer gives, deduplicated, with the warnings met on the way."""

    persons: tuple[Person, ...] = ()
    offices: tuple[Office, ...] = ()
    tenures: tuple[Tenure, ...] = ()
    countries: tuple[CountryFact, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Conflict:
    """An imported tenure that disagrees with a curated one; the curated row is kept."""

    curated: Tenure
    imported: Tenure
    message: str  # one readable line naming both rows and their sources


@dataclass(frozen=True, slots=True)
class MergeResult:
    """Rows of a batch the curated knowledge base lacks, and the conflicts it refused."""

    added_persons: tuple[Person, ...] = ()
    added_offices: tuple[Office, ...] = ()
    added_tenures: tuple[Tenure, ...] = ()
    conflicts: tuple[Conflict, ...] = ()


@dataclass(frozen=True, slots=True)
class UserLayer:
    """The rows of the user layer file."""

    persons: tuple[Person, ...] = ()
    offices: tuple[Office, ...] = ()
    tenures: tuple[Tenure, ...] = ()


class _When(NamedTuple):
    day: date | None = None
    precision: str = "day"
    unknown: bool = False  # an end that happened on an unrecorded date
    note: str | None = None


def _when(text: str, code: int | None) -> _When:
    """Read a Wikidata time (`+2018-06-00T00:00:00Z` or `2018-06-01T00:00:00Z`), padded to the 1st."""
    match = _TIME.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a Wikidata time value")
    sign, year, month, day = match[1], int(match[2]), int(match[3]) or 1, int(match[4]) or 1
    precision = "day" if code is None or code >= 11 else PRECISION.get(code, "year")
    note = None if code is None or code >= 9 else f"{text} has precision {code}, read as year"
    if sign == "-" or not 1 <= year <= 9999:
        return _When(None, precision, True, f"{text} is outside the dates dyad stores, read as unknown")
    if precision != "day":
        day = 1
    if precision == "year":
        month = 1
    return _When(date(year, month, day), precision, False, note)


class _Collector:
    """Gathers the records of one input, keyed by QID and statement id so repeats collapse."""

    def __init__(self, where: str, office_ids: Ids, person_ids: Ids):
        self.where, self.office_ids, self.person_ids = where, dict(office_ids or {}), dict(person_ids or {})
        self.persons: dict[str, Person] = {}
        self.offices: dict[str, Office] = {}
        self.tenures: dict[str, Tenure] = {}
        self.countries: list[CountryFact] = []
        self.warnings: list[str] = []

    def person(self, qid: str, name: str | None, aliases: Sequence[str] = ()) -> str:
        if qid not in self.persons:
            if not name:
                self.warnings.append(f"{self.where}: person {qid} has no en or mul label; its name is the QID")
                name = qid
            names = tuple(a for a in dict.fromkeys(aliases) if a != name)
            pid = self.person_ids.get(qid, f"wd:{qid}")
            self.persons[qid] = Person(pid, name, names, wikidata=qid, source="Wikidata")
        return self.persons[qid].id

    def office(self, qid: str, label: str | None) -> str:
        if qid in self.office_ids:
            return self.office_ids[qid]
        if qid not in self.offices:
            if not label:
                self.warnings.append(f"{self.where}: office {qid} has no label here; its label is the QID")
            self.offices[qid] = Office(f"wd:{qid}", label or qid, "unknown", "unknown", wikidata=qid, source="Wikidata")
        return self.offices[qid].id

    def tenure(self, statement: str, person_id: str, office_id: str, start: _When, end: _When) -> None:
        self.warnings.extend(f"{self.where}: {statement}: {w.note}" for w in (start, end) if w.note)
        tenure = Tenure(person_id, office_id, start.day, start.precision, end.day, end.precision,
                        source=f"Wikidata {statement}", end_unknown=end.unknown)
        old = self.tenures.setdefault(statement, tenure)
        if old != tenure:
            self.warnings.append(f"{self.where}: statement {statement} comes with different dates; kept the first")

    def batch(self) -> ImportBatch:
        return ImportBatch(tuple(self.persons.values()), tuple(self.offices.values()), tuple(self.tenures.values()),
                           tuple(self.countries), tuple(self.warnings))


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON ({exc})"
    if isinstance(exc, KeyError):
        return f"missing key {exc}"
    return str(exc) or type(exc).__name__


def _cell(row: dict, name: str, required: bool = False) -> dict | None:
    cell = row.get(name)  # an unbound variable is an absent key, never null
    if cell is None and required:
        raise ValueError(f"no {name!r} binding")
    if cell is not None and not (isinstance(cell, dict) and isinstance(cell.get("value"), str)):
        raise ValueError(f"{name!r} is not an RDF term")
    return cell


def _qid(iri: str) -> str:
    qid = iri.removeprefix(ENTITY)
    if not _QID.fullmatch(qid):
        raise ValueError(f"{iri!r} is not a Wikidata item")
    return qid


def _sparql_when(row: dict, name: str) -> _When:
    cell = _cell(row, name)
    if cell is None:
        return _When()
    if cell.get("type") == "uri" and GENID in cell["value"]:
        return _When(unknown=True)
    if cell.get("type") != "literal":
        raise ValueError(f"{name!r} is neither a date literal nor an unknown value")
    precision = _cell(row, name + "Precision")
    return _when(cell["value"], int(precision["value"]) if precision else None)


def _read_row(row: dict, out: _Collector) -> None:
    rank = _cell(row, "rank")
    if rank and rank["value"].endswith("#DeprecatedRank"):
        return
    person, office = _qid(_cell(row, "person", True)["value"]), _qid(_cell(row, "position", True)["value"])
    start, end = _sparql_when(row, "start"), _sparql_when(row, "end")
    label, office_label = _cell(row, "personLabel"), _cell(row, "positionLabel")
    # The label service falls back to the bare QID, without a language tag, when there is no label.
    name = label["value"] if label and "xml:lang" in label else None
    statement = _cell(row, "statement")
    if statement:
        key = statement["value"].rsplit("/", 1)[-1].replace("-", "$", 1)
    else:
        key = f"{person} P39 {office} {start.day} {end.day}"
    out.tenure(key, out.person(person, name),
               out.office(office, office_label["value"] if office_label and "xml:lang" in office_label else None),
               start, end)


def parse_sparql_json(data: bytes | str, where: str, *, office_ids: Ids = None, person_ids: Ids = None) -> ImportBatch:
    """Parse a SPARQL JSON result of the position-holder queries into records.

    Args:
        data: The response body (SPARQL 1.1 Query Results JSON).
        where: Name of the input, used in warnings and errors (e.g. `holders.json`).
        office_ids: Office QID → KB office id; unmapped offices get `wd:Q…` and an `Office` record.
        person_ids: Person QID → KB person id; unknown persons get `wd:Q…`.

    Returns:
        The batch: one tenure per non-deprecated statement, persons, unmapped offices, warnings.

    Raises:
        DataError: The input is not valid JSON or not a well-formed result; nothing is returned.
    """
    try:
        doc = json.loads(data)
    except ValueError as exc:
        raise DataError(f"{where}: not valid JSON ({exc})") from None
    rows = doc.get("results", {}).get("bindings") if isinstance(doc, dict) else None
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise DataError(f"{where}: not a SPARQL JSON result (no results.bindings list of rows)")
    out = _Collector(where, office_ids, person_ids)
    for number, row in enumerate(rows, 1):
        try:
            _read_row(row, out)
        except (ValueError, TypeError, AttributeError) as exc:
            raise DataError(f"{where}: result row {number}: {_reason(exc)}") from None
    return out.batch()



def _map(value) -> dict:
    if value == []:  # PHP serialises an empty map as []
        return {}
    if not isinstance(value, dict):
        raise ValueError(f"expected an object, got {type(value).__name__}")
    return value


def _values(claims: dict, prop: str) -> list:
    return [c["mainsnak"]["datavalue"]["value"] for c in claims.get(prop, ())
            if c.get("rank") != "deprecated" and c["mainsnak"].get("snaktype") == "value"]


def _qualifier(claim: dict, prop: str) -> _When:
    snaks = _map(claim.get("qualifiers", {})).get(prop) or []
    if not snaks or snaks[0].get("snaktype") == "novalue":
        return _When()
    if snaks[0].get("snaktype") == "somevalue":
        return _When(unknown=True)
    value = snaks[0]["datavalue"]["value"]
    return _when(value["time"], value.get("precision"))


def _read_entity(entity: dict, out: _Collector) -> None:
    """Read one entity; everything that can fail is read before anything is collected."""
    if _map(entity).get("type", "item") != "item":  # properties and lexemes hold no offices
        return
    qid, claims = _qid(entity["id"]), _map(entity.get("claims", {}))
    labels, alias_map = _map(entity.get("labels", {})), _map(entity.get("aliases", {}))
    names = [labels[lang]["value"] for lang in LANGS if lang in labels]
    aliases = names[1:] + [a["value"] for lang in LANGS for a in alias_map.get(lang, ())]
    terms = []
    for claim in claims.get("P39", ()):
        if claim.get("rank") != "deprecated" and claim["mainsnak"].get("snaktype") == "value":
            office = _qid(claim["mainsnak"]["datavalue"]["value"]["id"])
            terms.append((claim["id"], office, _qualifier(claim, "P580"), _qualifier(claim, "P582")))
    iso2, iso3, capital = _values(claims, "P297"), _values(claims, "P298"), _values(claims, "P36")
    demonyms = tuple(v["text"] for v in _values(claims, "P1549") if v.get("language") in LANGS)
    if iso2 or iso3:
        out.countries.append(CountryFact(qid, names[0] if names else None, iso2[0] if iso2 else None,
                                         iso3[0] if iso3 else None, capital[0]["id"] if capital else None,
                                         demonyms, tuple(aliases)))
    is_human = any(v.get("id") == "Q5" for v in _values(claims, "P31"))
    if terms or is_human:
        person_id = out.person(qid, names[0] if names else None, aliases)
        for statement, office, start, end in terms:
            out.tenure(statement, person_id, out.office(office, None), start, end)


def parse_entity_lines(
    lines: Iterable[str], where: str, *, office_ids: Ids = None, person_ids: Ids = None, strict: bool = True
) -> ImportBatch:
    """Parse entity JSON lines (dump lines or Special:EntityData documents) into records.

    Args:
        lines: Lines of a dump (`[`, entities ending with `,`, `]`) or `{"entities": {...}}` documents.
        where: Name of the input; errors and warnings name `where:LINE`.
        office_ids: Office QID → KB office id; unmapped offices get `wd:Q…` and an `Office` record.
        person_ids: Person QID → KB person id; unknown persons get `wd:Q…`.
        strict: Raise on the first malformed line (default); if False, record it as a warning and
            go on, as a long dump stream wants.

    Returns:
        The batch: P39 tenures, persons (en/mul labels and aliases), offices, countries, warnings.

    Raises:
        DataError: A line is malformed (strict mode); the message names `where:LINE`.
    """
    out = _Collector(where, office_ids, person_ids)
    for number, line in enumerate(lines, 1):
        text = line.strip().removesuffix(",").rstrip()
        if text in ("", "[", "]"):
            continue
        try:
            doc = json.loads(text)
            entities = _map(doc["entities"]).values() if isinstance(doc, dict) and "entities" in doc else [doc]
            for entity in entities:
                _read_entity(entity, out)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
            if strict:
                raise DataError(f"{where}:{number}: {_reason(exc)}") from None
            out.warnings.append(f"{where}:{number}: skipped: {_reason(exc)}")
    return out.batch()


def _same(a: date | None, a_precision: str, b: date | None, b_precision: str) -> bool:
    if a is None or b is None:  # one side does not say
        return True
    depth = min(_DEPTH.get(a_precision, 3), _DEPTH.get(b_precision, 3))
    return (a.year, a.month, a.day)[:depth] == (b.year, b.month, b.day)[:depth]


def _agrees(curated: Tenure, imported: Tenure) -> bool:
    if not _same(curated.start, curated.start_precision, imported.start, imported.start_precision):
        return False
    curated_open = curated.end is None and not curated.end_unknown
    imported_open = imported.end is None and not imported.end_unknown
    if curated_open or imported_open:
        return curated_open == imported_open
    return _same(curated.end, curated.end_precision, imported.end, imported.end_precision)


def _show(day: date | None, precision: str) -> str:
    return day.isoformat()[: {"year": 4, "month": 7}.get(precision, 10)] if day else "?"


def _span(t: Tenure) -> str:
    end = "unknown end" if t.end_unknown else "open" if t.end is None else _show(t.end, t.end_precision)
    return f"{_show(t.start, t.start_precision)} to {end} ({t.source or 'no source'})"


def merge(batch: ImportBatch, curated_tenures: Iterable[Tenure], curated_persons: Iterable[Person],
          curated_offices: Iterable[Office]) -> MergeResult:
    """Compare an imported batch with the curated rows; curated rows win.

    Args:
        batch: What a parser returned.
        curated_tenures: Tenures of the shipped knowledge base (and the user layer, if wanted).
        curated_persons: Persons already known; batch persons with these ids are not added.
        curated_offices: Offices already known; batch offices with these ids are not added.

    Returns:
        New persons, offices and tenures (for a person and office with no curated row), and one
        `Conflict` per imported tenure that matches no curated row of that person and office.
    """
    by_pair: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
    for tenure in curated_tenures:
        by_pair[tenure.person_id, tenure.office_id].append(tenure)
    added: dict[tuple, Tenure] = {}
    conflicts = []
    for tenure in batch.tenures:
        curated = by_pair.get((tenure.person_id, tenure.office_id))
        if not curated:
            added.setdefault((tenure.person_id, tenure.office_id, tenure.start), tenure)
        elif not any(_agrees(c, tenure) for c in curated):
            near = min(curated, key=lambda c: abs(((c.start or date.min) - (tenure.start or date.min)).days))
            message = (f"{tenure.person_id} in {tenure.office_id}: curated {_span(near)} vs imported "
                       f"{_span(tenure)}; kept the curated row")
            conflicts.append(Conflict(near, tenure, message))
    known_persons, known_offices = {p.id for p in curated_persons}, {o.id for o in curated_offices}
    return MergeResult(tuple(p for p in batch.persons if p.id not in known_persons),
                       tuple(o for o in batch.offices if o.id not in known_offices),
                       tuple(added.values()), tuple(conflicts))


_KINDS = {"persons": Person, "offices": Office, "tenures": Tenure}


def _key(record) -> tuple:
    return (record.person_id, record.office_id, record.start) if isinstance(record, Tenure) else (record.id,)


def _row(record) -> dict:
    row = {f.name: getattr(record, f.name) for f in fields(record)}
    if isinstance(record, Office):  # offices are keyed `office_id`, as in offices.csv and kb.py
        row = {"office_id": row.pop("id"), **row}
    return {k: v.isoformat() if isinstance(v, date) else list(v) if isinstance(v, tuple) else v for k, v in row.items()}


def _record(kind: type, row, where: str):
    if not isinstance(row, dict):
        raise DataError(f"{where}: not a mapping")
    values = {"id" if kind is Office and k == "office_id" else k: v for k, v in row.items()}
    names = [f.name for f in fields(kind)]
    if unknown := sorted(set(values) - set(names), key=str):
        raise DataError(f"{where}: unknown field {', '.join(map(str, unknown))}; fields are {', '.join(names)}")
    try:
        for name in ("start", "end"):
            if isinstance(values.get(name), str):
                values[name] = date.fromisoformat(values[name])
        if "aliases" in values:
            values["aliases"] = tuple(values["aliases"] or ())
        return kind(**values)
    except (ValueError, TypeError) as exc:
        raise DataError(f"{where}: {exc}") from None


def _load(path: Path) -> tuple[dict, UserLayer]:
    try:
        doc = yaml.safe_load(path.read_text("utf-8")) if path.exists() else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot read the user layer ({exc})") from None
    doc = {} if doc is None else doc
    if not isinstance(doc, dict):
        raise DataError(f"{path}: the user layer must be a mapping with keys persons, offices, tenures")
    parts = {}
    for key, kind in _KINDS.items():
        rows = [] if doc.get(key) is None else doc[key]
        if not isinstance(rows, list):
            raise DataError(f"{path}: {key} must be a list")
        parts[key] = tuple(_record(kind, row, f"{path}: {key}[{i}]") for i, row in enumerate(rows))
    return doc, UserLayer(**parts)


def read_user_layer(path: str | Path) -> UserLayer:
    """Read the persons, offices and tenures of the user layer YAML file; a missing file is empty.

    Other keys of the file (`groups`, `organisations`, read by kb.py) are left to their reader.

    Args:
        path: The user layer file.

    Returns:
        Its rows as records.

    Raises:
        DataError: The file is not valid YAML or a row does not fit its record.
    """
    return _load(Path(path))[1]


def write_user_layer(path: str | Path, result: MergeResult) -> UserLayer:
    """Merge accepted rows into the user layer file, atomically (temp file, then rename).

    Existing rows are kept unless a new row has the same id (persons, offices) or the same
    person, office and start (tenures); other keys of the file are kept as they are. A failure
    leaves the previous file as it was.

    Args:
        path: The user layer file; created if missing.
        result: What `merge` accepted.

    Returns:
        The persons, offices and tenures now in the file.

    Raises:
        DataError: The existing file is malformed or the new one cannot be written.
    """
    path = Path(path)
    doc, old = _load(path)
    parts = {}
    for key, new in (("persons", result.added_persons), ("offices", result.added_offices),
                     ("tenures", result.added_tenures)):
        rows = {_key(r): r for r in getattr(old, key)}
        rows.update((_key(r), r) for r in new)
        parts[key] = tuple(rows.values())
    doc = {**doc, **{key: [_row(r) for r in rows] for key, rows in parts.items()}}
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yaml.safe_dump(doc, fh, allow_unicode=True, sort_keys=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except (OSError, yaml.YAMLError) as exc:
        reason = exc if isinstance(exc, OSError) else " ".join(map(str, exc.args))
        raise DataError(f"{path}: cannot write the user layer ({reason}); the previous file is unchanged") from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return UserLayer(**parts)


def match_known_persons(batch: ImportBatch, persons: Iterable[Person]) -> ImportBatch:
    """Give imported persons without a known QID the id of a curated person of the same name.

    Curated rows often lack QIDs; matching on the exact name (or an alias) keeps an import from
    creating a second "Kim Yong-hyun" beside the curated one.
    """
    by_name: dict[str, str] = {}
    for person in persons:
        for name in (person.name, *person.aliases):
            by_name.setdefault(name.casefold(), person.id)
    remap = {p.id: by_name[p.name.casefold()] for p in batch.persons
             if p.id.startswith("wd:") and p.name.casefold() in by_name}
    if not remap:
        return batch
    tenures = tuple(t if t.person_id not in remap else Tenure(remap[t.person_id], *[getattr(t, f.name) for f in fields(t)][1:])
                    for t in batch.tenures)
    persons_left = tuple(p for p in batch.persons if p.id not in remap)
    return ImportBatch(persons_left, batch.offices, tenures, batch.countries, batch.warnings)
