"""Event location: the place where an event happened → PLOVER `event_loc` with coordinates.

Takes an event draft, its sentence, the document's knowledge-base mentions and the article's
dateline; gives a `Location`: the place named with the event ("in Kharkiv", "near the DMZ", a
deployment's destination "to Yemen"), else one inside the event's own phrase ("bombs PKK sites in
northern Iraq"), else a place phrase elsewhere in its clause ("police in Lagos arrested…", never one
of another clause: "after talks held in Paris"), else a place that is the event's target, else the
dateline city, else the country of the recipient or actor. The last two are `inferred`; an actor's country names no place in the text,
so its `extracted_place` is None. A country alone is `defaulted` to its capital's coordinates.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.coding.extract import Draft, SentenceContext
from dyad.kb.base import Entity, KnowledgeBase
from dyad.records import ActorRef, Article, Location

_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "along", "into", "on", "off", "over"}
_INNER_PREPS = {"in", "at", "near", "outside", "inside", "across", "along", "off"}
_RESOLUTION = {"country": 1, "region": 2, "territory": 2, "zone": 2, "sea": 2, "strait": 2, "border": 2,
               "city": 4, "sub_city": 5, "facility": 5, "city_district": 5}


def _mention_in(tok: Token, ctx: SentenceContext):
    for inner in tok.subtree:
        m = ctx.mentions.get(inner.i)
        if m is not None and m.entity.kind in ("place", "city", "country") and m.role != "demonym":
            return m
    return None


def _capital(code: str | None, kb: KnowledgeBase) -> Entity | None:
    name = (kb.capitals.get(code or "") or "").lower()
    city = kb.cities.get(name) or kb.cities.get(name.split(",")[0].strip())  # "Washington, D.C."
    return city if city is not None and city.country == code else None


def _location(entity: Entity, text: str | None, kb: KnowledgeBase, defaulted: bool = False,
              inferred: bool = False) -> Location:
    if entity.kind == "country":
        capital = _capital(entity.code, kb)
        return Location(text, entity.name, entity.code, capital.lat if capital else None,
                        capital.lon if capital else None, None, "country", 1, True, inferred)
    if entity.kind == "city":
        return Location(text, entity.name, entity.country, entity.lat, entity.lon,
                        int(entity.id.split(":")[1]), "city", 4, defaulted, inferred)
    precision = entity.sector or "region"  # places.yaml keeps its precision in `sector`
    return Location(text, entity.name, entity.country, entity.lat, entity.lon, None, precision,
                    _RESOLUTION.get(precision, 2), defaulted, inferred)


def _place_named(mention, ctx: SentenceContext, kb: KnowledgeBase) -> Location:
    """The place a mention of the sentence names, as the sentence writes it; a capital named as a place
    ("in Nairobi") is the city, not its country."""
    text = ctx.sent.doc[mention.start:mention.end].text
    if mention.role == "capital" and mention.entity.kind == "country":
        city = _capital(mention.entity.code, kb)
        if city is not None:
            return _location(city, text, kb)
    return _location(mention.entity, text, kb)


def dateline_entity(place: str, kb: KnowledgeBase, names: dict[str, list[str]]) -> Entity | None:
    """What a dateline's place names: the city of its first part ("KYIV, Ukraine"), else the country or region
    of a part, the wider one first ("CÚCUTA, Colombia" when the town is not in the KB). `names` maps a
    surface form to its "entity id|role" keys, as the gazetteer's lookup does."""
    parts = [part.strip() for part in place.split(",") if part.strip()]
    city = kb.cities.get(parts[0].lower()) if parts else None
    if city is not None:
        return city
    for part in reversed(parts):
        for key in names.get(part, ()):
            entity = kb.entities.get(key.split("|")[0])
            if entity is not None and entity.kind in ("country", "place") and entity.country:
                return entity
    return None


def locate_event(draft: Draft, ctx: SentenceContext, article: Article, kb: KnowledgeBase,
                 actors: tuple[ActorRef, ...], recipients: tuple[ActorRef, ...]) -> Location | None:
    """Where the event happened, as precisely as the text says."""
    preps = _PLACE_PREPS | ({"to"} if draft.event in ("MOBILIZE", "AID") else set())  # "deploys troops to Yemen"
    for holder in (draft.trigger, draft.clause):
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                m = _mention_in(child, ctx)
                if m is not None:
                    return _place_named(m, ctx, kb)
    for holder in (draft.trigger, draft.clause):  # "bombs PKK sites in northern Iraq": a place phrase inside the
        # event's own phrase (its object, its target), not in another clause
        for tok in holder.subtree:
            if tok.dep_ == "prep" and tok.lower_ in _INNER_PREPS and _same_clause(tok, holder):
                m = _mention_in(tok, ctx)
                if m is not None:
                    return _place_named(m, ctx, kb)
    for tok in ctx.sent:  # "police in Lagos arrested…": a place phrase elsewhere in the clause
        if tok.dep_ == "prep" and tok.lower_ in ("in", "at", "near", "outside") and not _other_clause(tok, draft):
            m = _mention_in(tok, ctx)
            if m is not None and (m.entity.kind in ("place", "city") or m.role == "capital"):
                return _place_named(m, ctx, kb)
    for target in recipients:
        if target.kind == "place" and target.start is not None:
            m = _mention_within(ctx, target.start, target.end)
            if m is not None:
                return _place_named(m, ctx, kb)
    if ctx.memory.dateline is not None:
        return _location(ctx.memory.dateline, article.dateline_place, kb, defaulted=True, inferred=True)
    for actor in (*recipients, *actors):
        country = kb.country(actor.code) if actor.code else None
        if country is not None:
            return _location(country, None, kb, inferred=True)
    return None


def _same_clause(tok: Token, holder: Token) -> bool:
    """Whether `tok` hangs from `holder` through nouns and prepositions only (no verb of another clause)."""
    node = tok.head
    while node.i != holder.i:
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return True


def _other_clause(tok: Token, draft: Draft) -> bool:
    """Whether `tok` sits in a clause of its own that the event is not part of ("after talks that were held in
    Paris": Paris is where the talks were, not the deployment)."""
    node = tok.head
    while node.head.i != node.i:
        if node.i in (draft.trigger.i, draft.clause.i):
            return False
        if node.dep_ in ("relcl", "acl", "advcl", "ccomp") and node.pos_ in ("VERB", "AUX"):
            return not any(t.i in (draft.trigger.i, draft.clause.i) for t in node.subtree)
        node = node.head
    return False


def _mention_within(ctx: SentenceContext, start: int, end: int | None):
    for tok in ctx.sent:
        if start <= tok.idx < (end or start + 1) and tok.i in ctx.mentions:
            return ctx.mentions[tok.i]
    return None
