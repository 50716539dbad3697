"""Roles at the event date: an actor's title and name → the office held on that day.

Takes an `ActorRef` from dyad.coding.resolve (with the KB entity and the role phrase the report used)
and the event date; gives the same actor with `office` (the office held that day), its code and
sector, and — for a role named without a person ("South Korea's foreign minister") — the person
who held it. A person after their tenure is ELI; before it they get no office.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib import resources

import yaml

from dyad.kb.base import KnowledgeBase, certainly_covers
from dyad.records import ActorRef, Tenure

_ROLE_ORDER = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister",
               "high_representative", "secretary_general")


@dataclass(frozen=True, slots=True)
class RoleLexicon:
    version: str
    phrases: dict[str, tuple[str, ...]]  # role phrase -> office roles, most likely first
    pattern: re.Pattern
    loose: frozenset[str] = frozenset()  # phrases too vague to call a report wrong ("top diplomat")

    def match(self, text: str) -> str | None:
        """The longest role phrase in a title ("South Korean Defence Minister" → "defence minister")."""
        found = self.pattern.search(normalise(text))
        return found.group(1) if found else None


def normalise(text: str) -> str:
    return re.sub(r"[\s\-–]+", " ", text.lower().replace("’", "'")).strip()


@lru_cache(maxsize=1)
def load_roles() -> RoleLexicon:
    raw = yaml.safe_load(resources.files("dyad.data").joinpath("roles.yaml").read_text("utf-8"))
    phrases = {normalise(k): tuple(v) for k, v in raw["roles"].items()}
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return RoleLexicon(raw["version"], phrases, re.compile(rf"\b({alternatives})\b"),
                       frozenset(normalise(p) for p in raw.get("loose") or ()))


def _jurisdiction(actor: ActorRef) -> str | None:
    """The office jurisdiction an actor belongs to: ISO3 for a country, the organisation id."""
    if actor.entity_id and actor.entity_id.startswith("igo:"):
        return actor.entity_id[4:]
    if actor.code and len(actor.code) == 3 and actor.code not in ("UNO", "EUR", "IGO", "NGO"):
        return actor.code
    return None


def _pick(tenures: list[Tenure], on: date) -> list[Tenure]:
    """Prefer terms that surely cover the date, then substantive over acting holders."""
    sure = [t for t in tenures if certainly_covers(t, on)] or tenures
    substantive = [t for t in sure if not t.acting]
    return substantive or sure


class RoleResolver:
    def __init__(self, kb: KnowledgeBase, lexicon: RoleLexicon | None = None):
        self.kb = kb
        self.lex = lexicon or load_roles()
        self.offices = {(o.jurisdiction.lower(), o.role): o for o in kb.offices.values()}

    def office(self, jurisdiction: str, role: str):
        return self.offices.get((jurisdiction.lower(), role))

    def holders(self, jurisdiction: str, phrase: str, on: date) -> list[tuple[object, list[Tenure]]]:
        """For each office the phrase can mean in this jurisdiction: the office and its holders on the date."""
        out = []
        for role in self.lex.phrases.get(phrase, ()):
            office = self.office(jurisdiction, role)
            if office is not None:
                out.append((office, _pick(self.kb.holders(office.id, on), on)))
        return out

    def at_date(self, actor: ActorRef, on: date | None) -> ActorRef:
        """The actor with the office it held on the date (unchanged when the KB cannot tell)."""
        if on is None:
            return actor
        if actor.entity_id and actor.entity_id.startswith("person:"):
            return self._person(actor, actor.entity_id[7:], on)
        if actor.role:
            jurisdiction = _jurisdiction(actor)
            if jurisdiction:
                return self._role(actor, jurisdiction, on)
        return actor

    def _person(self, actor: ActorRef, person_id: str, on: date) -> ActorRef:
        person = self.kb.persons.get(person_id)
        if person is None:
            return actor
        base = replace(actor, identifier_text=person.name, identifier_id=person.wikidata or actor.identifier_id)
        terms = _pick(self.kb.roles_of(person_id, on), on)
        if terms:
            wanted = self.lex.phrases.get(actor.role or "", ())
            terms.sort(key=lambda t: (self.kb.offices[t.office_id].role not in wanted,
                                      _rank(self.kb.offices[t.office_id].role)))
            office = self.kb.offices[terms[0].office_id]
            code = self.kb.jurisdiction_code(office.jurisdiction) or actor.code
            return replace(base, office=office.label, code=code, sector=office.sector, kind="person")
        history = self.kb.by_person.get(person_id, [])
        if history and all(t.end is not None and t.end < on for t in history):
            return replace(base, office=None, sector="ELI", code=actor.code or person.country)
        if history:  # only later terms: no office yet
            return replace(base, office=None, code=actor.code or person.country)
        return replace(base, code=actor.code or person.country)

    def _role(self, actor: ActorRef, jurisdiction: str, on: date) -> ActorRef:
        for office, tenures in self.holders(jurisdiction, actor.role, on):
            people = {t.person_id for t in tenures}
            if actor.kind == "person":  # a name the KB does not know, with a title: keep the name
                return replace(actor, office=office.label)
            if len(people) == 1:
                person = self.kb.persons.get(next(iter(people)))
                if person is not None:
                    return replace(actor, office=office.label, entity_id=f"person:{person.id}",
                                   identifier_text=person.name, identifier_id=person.wikidata,
                                   sector=office.sector, kind="role")
            return replace(actor, office=office.label, sector=office.sector)
        return actor


def _rank(role: str) -> int:
    return _ROLE_ORDER.index(role) if role in _ROLE_ORDER else len(_ROLE_ORDER)


class SpeakerResolver:
    """The author of an embedded post from its signature name ("Maria Lopez Garcia" for the KB's "Maria Lopez")."""

    def __init__(self, kb: KnowledgeBase, roles: RoleResolver):
        self.kb = kb
        self.roles = roles
        self.by_token: dict[str, list[str]] = {}
        for person in kb.persons.values():
            for name in (person.name, *person.aliases):
                tokens = frozenset(normalise(name).split())
                if len(tokens) >= 2:
                    self.by_token.setdefault(min(tokens), []).append(person.id)

    def person_id(self, name: str) -> str | None:
        """A KB person whose full name (or an alias of two words or more) is within `name`."""
        words = set(normalise(name).split())
        found = set()
        for word in words:
            for person_id in self.by_token.get(word, ()):
                person = self.kb.persons[person_id]
                if any(frozenset(normalise(n).split()) <= words for n in (person.name, *person.aliases)
                       if len(n.split()) >= 2):
                    found.add(person_id)
        return next(iter(found)) if len(found) == 1 else None

    def post_author(self, post) -> ActorRef | None:
        if not post.speaker_text:
            return None
        person_id = self.person_id(post.speaker_text)
        actor = ActorRef(code=None, sector=None, entity_text=post.speaker_text, kind="person",
                         entity_id=f"person:{person_id}" if person_id else None)
        return self.roles.at_date(actor, post.date) if person_id else actor
