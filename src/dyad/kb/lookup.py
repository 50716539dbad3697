"""Knowledge-base look-ups for people: who an entity is, who held an office, what the KB holds.

Takes the loaded `KnowledgeBase` and a name, office or date; gives plain dicts the CLI prints and
the API serves. Nothing here changes the knowledge base.
"""

from __future__ import annotations

from datetime import date

from dyad.errors import InputError
from dyad.kb.base import KnowledgeBase, covers
from dyad.kb.roles import RoleResolver, load_roles, normalise


def _names_by_entity(kb: KnowledgeBase) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for entry in kb.names:
        names.setdefault(entry.entity_id, [])
        if entry.text not in names[entry.entity_id]:
            names[entry.entity_id].append(entry.text)
    return names


def find_entities(kb: KnowledgeBase, name: str) -> list[str]:
    """Entity ids whose name or alias is `name` (case and hyphens ignored)."""
    wanted = normalise(name)
    exact = [e.entity_id for e in kb.names if normalise(e.text) == wanted]
    return list(dict.fromkeys(exact))


def lookup(kb: KnowledgeBase, name: str, on: date | None = None) -> list[dict]:
    """Every entity a name can refer to, with its aliases and (for persons) its roles and dates."""
    names = _names_by_entity(kb)
    out = []
    for entity_id in find_entities(kb, name):
        entity = kb.entities[entity_id]
        row = {"id": entity_id, "kind": entity.kind, "name": entity.name, "code": entity.code,
               "wikidata": entity.wikidata, "aliases": [n for n in names.get(entity_id, []) if n != entity.name]}
        if entity.kind == "person":
            person_id = entity_id.split(":", 1)[1]
            row["roles"] = [
                {"office": kb.offices[t.office_id].label if t.office_id in kb.offices else t.office_id,
                 "office_id": t.office_id, "start": _iso(t.start), "start_precision": t.start_precision,
                 "end": _iso(t.end), "end_precision": t.end_precision, "acting": t.acting,
                 "held_on_date": covers(t, on) if on else None, "source": t.source}
                for t in kb.by_person.get(person_id, [])
            ]
        out.append(row)
    return out


def find_jurisdiction(kb: KnowledgeBase, text: str) -> str:
    """ISO3 or organisation id from an ISO3 code, a country name, or an organisation name or acronym."""
    if len(text) == 3 and text.upper() == text and kb.country(text):
        return text
    for entity_id in find_entities(kb, text):
        kind, key = entity_id.split(":", 1)
        if kind == "country":
            return key
        if kind == "igo":
            return key
    raise InputError(f"--of {text!r}: no country or organisation of that name in the knowledge base")


def holders_of(kb: KnowledgeBase, office: str, of: str, on: date) -> dict:
    """Who held an office (a role key like `defence_minister`, or words like "foreign minister") on a date."""
    jurisdiction = find_jurisdiction(kb, of)
    resolver = RoleResolver(kb)
    roles = {o.role for o in kb.offices.values()}
    candidates = [office] if office in roles else list(load_roles().phrases.get(normalise(office), ()))
    found = None
    for role in candidates:
        found = resolver.office(jurisdiction, role)
        if found:
            break
    if found is None:  # an office name: "Minister of National Defense"
        wanted = normalise(office)
        found = next((o for o in kb.offices.values() if o.jurisdiction.lower() == jurisdiction.lower()
                      and wanted in normalise(o.label)), None)
    if found is None:
        raise InputError(f"{office!r}: no such office for {of} in the knowledge base")
    holders = []
    for tenure in kb.holders(found.id, on):
        person = kb.persons.get(tenure.person_id)
        holders.append({"name": person.name if person else tenure.person_id,
                        "identifier_id": person.wikidata if person else None,
                        "start": _iso(tenure.start), "end": _iso(tenure.end), "acting": tenure.acting})
    return {"office": found.label, "office_id": found.id, "of": jurisdiction, "on": on.isoformat(), "holders": holders}


def stats(kb: KnowledgeBase) -> dict:
    """Counts by kind, and the newest date in the tenure rows."""
    kinds: dict[str, int] = {}
    for entity in kb.entities.values():
        kind = entity.kind
        if kind == "igo" and entity.code == "NGO":
            kind = "ngo"
        kinds[kind] = kinds.get(kind, 0) + 1
    kinds.pop("person", None)
    starts = [t.start for t in kb.tenures if t.start]
    horizons = [(o.known_until, o.id) for o in kb.offices.values() if o.known_until and kb.by_office.get(o.id)]
    return {"countries": kinds.get("country", 0), "metonyms": kinds.get("metonym", 0), "organisations": kinds.get("igo", 0), "ngos": kinds.get("ngo", 0),
            "armed_groups": kinds.get("group", 0), "places": kinds.get("place", 0), "cities": len(kb.cities),
            "persons": len(kb.persons), "offices": len(kb.offices), "tenures": len(kb.tenures),
            "newest_tenure_start": max(starts).isoformat() if starts else None,
            "oldest_known_until": min(horizons)[0].isoformat() if horizons else None,
            "oldest_known_until_office": min(horizons)[1] if horizons else None,
            "offices_known_until_before_2025": sum(1 for d, _ in horizons if d.year < 2025),
            "version": kb.version}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
