"""Event location: the place where an event happened → PLOVER `event_loc` with coordinates.

Takes an event draft, its sentence, the document's knowledge-base mentions and the article's
dateline; gives a `Location`: the place named with the event ("in Kharkiv", "near the DMZ"),
else a place that is the event's target, else the dateline city, else the country of the
recipient or actor (then `defaulted` and the capital's coordinates).
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.extract import Draft, SentenceContext
from dyad.kb import Entity, KnowledgeBase
from dyad.records import ActorRef, Article, Location

_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "along", "into", "on", "off", "over"}
_RESOLUTION = {"country": 1, "region": 2, "territory": 2, "zone": 2, "sea": 2, "strait": 2, "border": 2,
               "city": 4, "sub_city": 5, "facility": 5, "city_district": 5}


def _mention_in(tok: Token, ctx: SentenceContext):
    for inner in tok.subtree:
        m = ctx.mentions.get(inner.i)
        if m is not None and m.entity.kind in ("place", "city", "country") and m.role != "demonym":
            return m
    return None


def _location(entity: Entity, text: str, kb: KnowledgeBase, defaulted: bool = False) -> Location:
    if entity.kind == "country":
        capital = kb.cities.get((kb.capitals.get(entity.code or "") or "").lower())
        return Location(text, entity.name, entity.code, capital.lat if capital else None,
                        capital.lon if capital else None, None, "country", 1, True)
    if entity.kind == "city":
        return Location(text, entity.name, entity.country, entity.lat, entity.lon,
                        int(entity.id.split(":")[1]), "city", 4, defaulted)
    precision = entity.sector or "region"  # places.yaml keeps its precision in `sector`
    return Location(text, entity.name, entity.country, entity.lat, entity.lon, None, precision,
                    _RESOLUTION.get(precision, 2), defaulted)


def locate_event(draft: Draft, ctx: SentenceContext, article: Article, kb: KnowledgeBase,
                 actors: tuple[ActorRef, ...], recipients: tuple[ActorRef, ...]) -> Location | None:
    """Where the event happened, as precisely as the text says."""
    for holder in (draft.trigger, draft.clause):
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                m = _mention_in(child, ctx)
                if m is not None:
                    text = ctx.sent.doc[m.start:m.end].text
                    return _location(m.entity, text, kb)
    for tok in ctx.sent:  # "police in Lagos arrested…": a place phrase elsewhere in the clause
        if tok.dep_ == "prep" and tok.lower_ in ("in", "at", "near", "outside"):
            m = _mention_in(tok, ctx)
            if m is not None and m.entity.kind in ("place", "city"):
                return _location(m.entity, ctx.sent.doc[m.start:m.end].text, kb)
    for target in recipients:
        if target.kind == "place" and target.start is not None:
            m = _mention_within(ctx, target.start, target.end)
            if m is not None:
                return _location(m.entity, target.entity_text, kb)
    if article.dateline_place:
        city = kb.cities.get(article.dateline_place.split(",")[0].strip().lower())
        if city is not None:
            return _location(city, article.dateline_place, kb, defaulted=True)
    for actor in (*recipients, *actors):
        country = kb.country(actor.code) if actor.code else None
        if country is not None:
            return _location(country, actor.entity_text, kb)
    return None


def _mention_within(ctx: SentenceContext, start: int, end: int | None):
    for tok in ctx.sent:
        if start <= tok.idx < (end or start + 1) and tok.i in ctx.mentions:
            return ctx.mentions[tok.i]
    return None
