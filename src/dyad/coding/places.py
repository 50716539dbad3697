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

from spacy.tokens import Span, Token

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


# The state abbreviations of American datelines ("ALEXANDRIA, Va. (AP) —"; AP style).
_US_STATES = {"ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.", "ill.", "ind.", "kan.", "ky.",
              "la.", "md.", "mass.", "mich.", "minn.", "miss.", "mo.", "mont.", "neb.", "nev.", "n.h.", "n.j.", "n.m.",
              "n.y.", "n.c.", "n.d.", "okla.", "ore.", "pa.", "r.i.", "s.c.", "s.d.", "tenn.", "vt.", "va.", "wash.",
              "w.va.", "wis.", "wyo.", "d.c."}


def dateline_entity(place: str, kb: KnowledgeBase, names: dict[str, list[str]]) -> Entity | None:
    """What a dateline's place names: the city of its first part ("KYIV, Ukraine"), unless a later part names
    another country or region ("ALEXANDRIA, Va.", "TRIPOLI, Lebanon": not Egypt's or Libya's city), which is then
    the place; else the country or region of a part ("CÚCUTA, Colombia" when the town is not in the KB). `names`
    maps a surface form to its "entity id|role" keys, as the gazetteer's lookup does."""
    parts = [part.strip() for part in place.split(",") if part.strip()]
    city = kb.cities.get(parts[0].split("/")[0].strip().lower()) if parts else None  # "TEL AVIV/JERUSALEM": the first
    wider = next((entity for part in reversed(parts[1:]) if (entity := _named_place(part, kb, names)) is not None), None)
    if city is not None and (wider is None or wider.country == city.country):
        return city
    return wider or (_named_place(parts[0], kb, names) if parts else None)


def _named_place(text: str, kb: KnowledgeBase, names: dict[str, list[str]]) -> Entity | None:
    if text.lower() in _US_STATES:
        return kb.country("USA")
    for key in names.get(text, ()):
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
                found = _first_place(child, ctx, kb)
                if found is not None:
                    return found
    for holder in (draft.trigger, draft.clause):  # "bombs PKK sites in northern Iraq": a place phrase inside the
        # event's own phrase (its object, its target), not in another clause
        for tok in holder.subtree:
            if tok.dep_ == "prep" and tok.lower_ in _INNER_PREPS and _same_clause(tok, holder):
                found = _first_place(tok, ctx, kb)
                if found is not None:
                    return found
    for tok in ctx.tokens:  # "police in Lagos arrested…": a place phrase elsewhere in the clause
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


# Nouns before the name of a place the KB does not know: "in the town of Axum".
_NAMED_PLACE_NOUNS = {"town", "village", "city", "district", "region", "province", "county", "camp", "port", "area",
                      "state", "island", "valley", "neighbourhood", "neighborhood", "suburb", "municipality", "hamlet"}
# Words the tagger takes for places in "on Easter Sunday", "during Ramadan"; and regions too broad to say where.
_NOT_PLACES = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "easter", "christmas",
               "ramadan", "eid", "new", "year", "absentia", "operation"}  # "in absentia", "in Operation Sindoor"
_BROAD_PLACES = {"europe", "asia", "africa", "middle east", "pacific", "atlantic", "mediterranean", "americas",
                 "latin america", "arctic", "antarctica", "west", "east", "indian ocean", "caribbean"}
_UNKNOWN_KINDS = {"GPE": ("place", 3), "LOC": ("place", 3), "FAC": ("facility", 5)}


def _first_place(prep: Token, ctx: SentenceContext, kb: KnowledgeBase) -> Location | None:
    """The place a place phrase names first: a KB place, or before it a name the KB does not know ("at Abqaiq in
    Saudi Arabia" is Abqaiq)."""
    m = _mention_in(prep, ctx)
    unknown = _unknown_place(prep, ctx)
    if unknown is not None and (m is None or unknown.start < m.start):
        return _unknown_location(unknown, ctx, kb)
    return _place_named(m, ctx, kb) if m is not None else None


def _unknown_place(prep: Token, ctx: SentenceContext) -> Span | None:
    """The name of a place a place phrase names that the KB does not know ("in La Esperanza", "in the town of
    Axum"), by the parser's entity label; None when its object is no such name."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is not None and pobj.ent_type_ not in _UNKNOWN_KINDS and pobj.lemma_.lower() in _NAMED_PLACE_NOUNS:
        pobj = next((g for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), None)  # "the town of Axum": a place, whatever its label
        if pobj is not None and pobj.pos_ == "PROPN" and pobj.i not in ctx.mentions:
            return Span(pobj.doc, pobj.left_edge.i, pobj.i + 1, label="GPE")
    if pobj is None or pobj.ent_type_ not in _UNKNOWN_KINDS or pobj.pos_ != "PROPN":
        return None  # "in absentia", "off the east coast": no name
    name = _entity_of(pobj)
    if any(t.i in ctx.mentions for t in name) or any(t.lower_ in _NOT_PLACES for t in name) \
            or name.text.removeprefix("the ").lower() in _BROAD_PLACES:
        return None
    return name


def _entity_of(tok: Token) -> Span:
    """The named entity `tok` is part of, from the tokens' own entity marks (not a scan of the document's)."""
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def _unknown_location(name: Span, ctx: SentenceContext, kb: KnowledgeBase) -> Location:
    """A place the KB does not know, as written, in the sentence's country (else the article's), with that
    country's capital for coordinates."""
    code = ctx.places[0] if ctx.places else ctx.memory.default_country
    capital = _capital(code, kb)
    feature, resolution = _UNKNOWN_KINDS[name.label_]
    text = name.text.removeprefix("the ").removeprefix("The ")
    return Location(text, None, code, capital.lat if capital else None, capital.lon if capital else None, None,
                    feature, resolution, True, False)


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
    for tok in ctx.tokens:
        if start <= tok.idx < (end or start + 1) and tok.i in ctx.mentions:
            return ctx.mentions[tok.i]
    return None
