"""Every record type dyad produces, and nothing else.

Records are frozen dataclasses inside the pipeline; `to_dict` gives the JSON shape documented in
docs/schema.md (field names are stable: other tools read them).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Article:
    """One report to code. `text` is kept exactly as read: every offset points into it."""

    id: str
    text: str
    date: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    dateline_place: str | None = None
    dateline_source: str | None = None
    body_start: int = 0  # offset where the body starts, after the dateline
    origin: str | None = None  # where it was read from (file, file:line, <stdin>), for messages


@dataclass(frozen=True, slots=True)
class Notice:
    """Something to tell the user about an input that was still read (bytes replaced, no date)."""

    message: str


@dataclass(frozen=True, slots=True)
class Person:
    """A person the knowledge base knows, with the names news uses for them."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    wikidata: str | None = None
    source: str | None = None
    born: int | None = None  # year of birth, where a source gives it (REIGN's birthyear)


@dataclass(frozen=True, slots=True)
class Office:
    """An office of a country or organisation: `KOR.defence_minister`, `EU.high_representative`."""

    id: str
    label: str
    jurisdiction: str  # ISO3, or an organisation id from igos.yaml
    role: str  # head_of_state, head_of_government, foreign_minister, defence_minister, ...
    sector: str = "GOV"
    secondary_sector: str | None = None
    wikidata: str | None = None
    source: str | None = None
    known_until: date | None = None  # the last date the KB knows this office's holders; later dates are unverified


@dataclass(frozen=True, slots=True)
class Tenure:
    """One term of one person in one office; both ends inclusive, `end` None while in office."""

    person_id: str
    office_id: str
    start: date | None
    start_precision: str = "day"  # day | month | year
    end: date | None = None
    end_precision: str = "day"
    acting: bool = False
    source: str | None = None
    end_unknown: bool = False  # the term ended on a date nobody recorded: not "still in office"


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as the report names it, resolved as far as the knowledge base allows."""

    code: str | None
    sector: str | None
    entity_text: str
    identifier_id: str | None = None
    identifier_text: str | None = None
    office: str | None = None
    kind: str | None = None  # country, igo, person, group, role, place
    start: int | None = None
    end: int | None = None
    entity_id: str | None = None  # knowledge-base id of a person
    role: str | None = None  # office role named by the title: defence_minister, head_of_state, ...
    country_from: str | None = None  # "text": the phrase names it; "context": the sentence's place, dateline or article


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the report says an event comes from."""

    text: str
    actor: ActorRef | None = None
    named: bool = True


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened (PLOVER `event_loc`); resolution 1 country, 2 region, 4 city, 5 sub-city."""

    extracted_place: str | None  # the place as the text names it; None when inferred from an actor
    resolved_place: str | None
    country_code: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    feature: str | None = None  # country | region | city | zone | sea | strait | facility | ...
    resolution: int = 1
    defaulted: bool = False  # only the country is known: the coordinates are its capital's
    inferred: bool = False  # not named with the event: from the dateline or an actor's country


@dataclass(frozen=True, slots=True)
class Evidence:
    sentence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    article_id: str
    event: str
    mode: tuple[str, ...]
    context: tuple[str, ...]
    actor: tuple[ActorRef, ...]
    recipient: tuple[ActorRef, ...]
    date: date | None
    date_precision: str
    modality: str
    attribution: Attribution | None
    quad_code: int
    gdelt_quad_class: int
    event_scale: float
    cameo_root: str
    text: str
    text_info: Evidence
    trigger: str
    place: str | None = None
    event_loc: Location | None = None
    coder: str = ""  # what produced the event: "rule:<rule id>" or "model:<name>@<version>"
    confidence: float | None = None  # the model's score for a model event; None for rule events


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote or an embedded post; `text` is the quoted words without link residue."""

    speaker: ActorRef | None
    text: str
    start: int
    end: int
    date: date | None = None
    kind: str = "quote"  # quote | post
    speaker_text: str | None = None
    handle: str | None = None


@dataclass(frozen=True, slots=True)
class Flag:
    kind: str
    severity: str
    message: str
    evidence: tuple[Evidence, ...] = ()
    facts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be coded: recorded, never fatal to a batch."""

    input: str
    stage: str
    reason: str


@dataclass(frozen=True, slots=True)
class CodedArticle:
    article: Article
    events: tuple[Event, ...]
    actors: tuple[ActorRef, ...]
    quotes: tuple[Quote, ...] = ()
    flags: tuple[Flag, ...] = ()
    language: str = "en"
    status: str = "coded"  # coded | unsupported


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def actor_to_dict(actor: ActorRef) -> dict:
    return {
        "code": actor.code,
        "sector": actor.sector,
        "entity_text": actor.entity_text,
        "identifier_id": actor.identifier_id,
        "identifier_text": actor.identifier_text,
        "office": actor.office,
        "country_from": actor.country_from,
    }


def event_to_dict(event: Event) -> dict:
    attribution = None
    if event.attribution is not None:
        attribution = {
            "text": event.attribution.text,
            "named": event.attribution.named,
            "actor": actor_to_dict(event.attribution.actor) if event.attribution.actor else None,
        }
    return {
        "id": event.id,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "event": event.event,
        "mode": list(event.mode),
        "context": list(event.context),
        "actor": [actor_to_dict(a) for a in event.actor],
        "recipient": [actor_to_dict(a) for a in event.recipient],
        "modality": event.modality,
        "attribution": attribution,
        "quad_code": event.quad_code,
        "gdelt_quad_class": event.gdelt_quad_class,
        "event_scale": event.event_scale,
        "cameo_root": event.cameo_root,
        "text": event.text,
        "text_info": _plain(event.text_info),
        "trigger": event.trigger,
        "place": event.place,
        "event_loc": _plain(event.event_loc) if event.event_loc else None,
        "coder": event.coder,
        "confidence": event.confidence,
    }


def coded_to_dict(coded: CodedArticle) -> dict:
    art = coded.article
    return {
        "id": art.id,
        "title": art.title,
        "date": art.date.isoformat() if art.date else None,
        "source": art.source,
        "url": art.url,
        "language": coded.language,
        "status": coded.status,
        "dateline": {"place": art.dateline_place, "source": art.dateline_source}
        if art.dateline_place
        else None,
        "events": [event_to_dict(e) for e in coded.events],
        "actors": [actor_to_dict(a) for a in coded.actors],
        "quotes": [_plain(q) for q in coded.quotes],
        "flags": [_plain(f) for f in coded.flags],
    }


def article_id(text: str, url: str | None = None) -> str:
    """A content hash: the normalised URL when there is one, else the whitespace-normalised text."""
    basis = (url or "").strip().lower().rstrip("/") or " ".join(text.split())
    return "a" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
