"""Actor resolution: a noun phrase in a parsed sentence → `ActorRef` (code, sector, entity).

Takes spaCy tokens, the knowledge-base name matches of the document and the article's memory of
earlier actors; gives actors with their PLOVER code and sector. The knowledge base plugs in
through `KnowledgeBase` (names) — person and office look-ups join here when the KB has them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

import numpy
from spacy.attrs import POS
from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from dyad.coding.quotes import QuoteIndex
from dyad.coding.rules import ActorLexicon
from dyad.kb.base import Entity, KnowledgeBase
from dyad.records import ActorRef

_ORG_CODES = {"UNO", "EUR", "IGO", "NGO"}
# Dependencies that stay inside a noun phrase when we read who it names.
_NP_DEPS = {"compound", "amod", "poss", "det", "nmod", "nummod", "case", "appos", "flat", "quantmod",
            "npadvmod", "punct", "predet", "dep"}
_LOC_PREPS = {"in", "from", "at", "near", "inside", "across", "outside", "around", "of"}
# Those who speak or negotiate for someone: "negotiators for Israel and Hamas" are theirs ("an envoy for Syria" is not).
REPRESENTING = {"negotiator", "representative", "delegate", "delegation", "spokesman", "spokeswoman", "spokesperson"}


# Words that begin other parties' names before a plural alias of a US or UK party ("Social Democrats").
_PARTY_NAME_WORDS = {"social", "free", "christian", "liberal", "new", "national", "progressive", "radical", "centre",
                     "center", "democratic", "swiss", "european", "green", "young", "united"}


@dataclass(slots=True)
class Mention:
    """A knowledge-base name found in the document."""

    start: int
    end: int
    entity: Entity
    role: str  # name | demonym | capital | acronym | city


class Gazetteer:
    """Finds knowledge-base names in a parsed document (one PhraseMatcher, built once)."""

    def __init__(self, nlp, kb: KnowledgeBase, name_prefixes: frozenset[str] = frozenset()):
        self.kb = kb
        self.name_prefixes = name_prefixes  # words before a surname that name no one else (titles, "Mr", "former")
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lookup: dict[str, list[tuple[str, str]]] = {}
        self.name_words: dict[str, set[str]] = {}  # a person's id -> every word of its names ("boris", "pistorius")
        seen: set[str] = set()
        for entry in kb.names:
            if kb.entities[entry.entity_id].kind == "person":
                self.name_words.setdefault(entry.entity_id, set()).update(entry.text.lower().replace("-", " ").split())
            for form in _surface_forms(entry.text):
                key = f"{entry.entity_id}|{entry.role}"
                self.lookup.setdefault(form, [])
                if key not in self.lookup[form]:
                    self.lookup[form].append(key)
                if form not in seen:
                    seen.add(form)
                    self.matcher.add(form, [nlp.make_doc(form)])

    def mentions(self, doc: Doc) -> dict[int, Mention]:
        """Token index → the mention covering it (longest match wins)."""
        spans = []
        for match_id, start, end in self.matcher(doc):
            spans.append(Span(doc, start, end, label=match_id))
        out: dict[int, Mention] = {}
        persons = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
        as_firm = []  # regions the tagger reads as organisations
        for span in filter_spans(spans):
            form = doc.vocab.strings[span.label]
            entity_id, role = self.lookup[form][0].split("|")
            mention = Mention(span.start, span.end, self.kb.entities[entity_id], role)
            if mention.entity.kind == "person" and len(span) == 1 and span.text.lower() in self.kb.cities \
                    and span[0].dep_ == "pobj" and span[0].head.lower_ in _NAME_PLACE_PREPS:
                continue  # "a village near Djibo": the town, not the surname of Salou Djibo ("Anand, the defence
                # minister, said" stays the minister, whatever the tagger says)
            if mention.entity.kind == "person" and len(span) == 1 and any(
                    p.start <= span.start and span.end < p.end for p in persons):
                continue  # "Roman Protasevich" is not Petre Roman: a one-word alias is a surname, not a first name
            if mention.entity.kind == "person" and len(span) == 1 and self._other_given_name(span, mention.entity.id, persons):
                continue  # "Oscar Pistorius" is not Boris Pistorius: a surname after another given name is someone else
            if mention.entity.kind == "person" and len(span) == 1 and span.end < len(doc) and doc[span.end].tag_ == "NNPS":
                continue  # "the Christian Democrats": a one-word alias that names a group's kind, not a person
            if mention.entity.sector == "PTY" and span.start > span.sent.start \
                    and doc[span.start - 1].lower_ in _PARTY_NAME_WORDS and doc[span.start - 1].is_title:
                continue  # "Germany's Social Democrats, Greens and Free Democrats": another country's party, not the US one
            if cause_prefixed(doc, span.start):
                continue  # "pro-Palestinian students", "anti-American protests": a cause, not the actors' country
            if mention.entity.kind in ("place", "city") and any(
                    p.start <= span.start and span.end <= p.end and len(p) > len(span) for p in persons):
                continue  # "Crystal Cortes" is a person, not the Honduran department of Cortés
            if mention.entity.kind == "place" and all(t.ent_type_ == "ORG" for t in span) \
                    and not _after_place_word(span.root) \
                    and not (span.end < len(doc) and doc[span.end].lower_ in _REGION_KINDS):  # "Rakhine state"
                as_firm.append(mention)
                continue
            out.update(dict.fromkeys(range(mention.start, mention.end), mention))
        named = {m.entity.country or m.entity.code for m in out.values() if m.entity.kind in ("country", "place")}
        for mention in as_firm:  # "sued Meta": a firm, not the Colombian department, unless the report is on Colombia
            if mention.entity.country in named:
                out.update(dict.fromkeys(range(mention.start, mention.end), mention))
        for span in _city_candidates(doc):  # cities name places ("police in Lagos", "struck Kharkiv")
            if span.start not in out:
                city = self.kb.cities.get(span.text.lower())
                if city is not None and named and city.country not in named and (
                        city.population < 50_000 or (city.name.lower() != span.text.lower() and city.population < 200_000)):
                    continue  # a small town, or a middling one's other spelling, of a country the report does not name:
                    # "La Esperanza" in a report on Honduras is not the Guatemalan town
                if city is not None and span.label_ == "PERSON" and (
                        city.population < 200_000 or city.name.lower() != span.text.lower()):
                    continue  # the tagger took it for a person; only a big city's own name outweighs that
                if city is not None:
                    mention = Mention(span.start, span.end, city, "city")
                    out.update(dict.fromkeys(range(mention.start, mention.end), mention))
        return out

    def _other_given_name(self, span: Span, entity_id: str, persons: list[Span]) -> bool:
        """Whether a one-word alias ends a person's name with a given name the entity's names do not have (not even
        spelled otherwise: the same initial) and that is no title."""
        person = next((p for p in persons if p.start < span.start and span.end == p.end), None)
        if person is None:
            return False
        own = self.name_words.get(entity_id, set())
        initials = {w[0] for w in own}  # "Vladimir Zelensky" for Volodymyr: another spelling, the same man
        return any(t.is_alpha and t.is_title and t.lower_ not in own and t.lower_ not in self.name_prefixes
                   and t.lower_[0] not in initials for t in person[: span.start - person.start])


_USES_OF_FORCE = {"use", "employ", "authorise", "authorize", "apply", "threaten", "resort", "sanction", "renounce"}
_TANK_CONTENTS = {"fuel", "gas", "oil", "petrol", "diesel", "gasoline", "propane", "water", "storage", "septic", "chemical",
                  "ammonia", "chlorine", "fish", "think"}
# Words after a region's name that say it is one ("Rakhine state", "Sistan-Baluchestan province").
_REGION_KINDS = {"state", "province", "region", "district", "county", "governorate", "department", "oblast", "prefecture",
                 "territory", "municipality", "emirate", "canton", "krai", "republic"}
# Prepositions after which a name is a place ("near Djibo", "in Kano").
_NAME_PLACE_PREPS = {"in", "near", "outside", "around", "at", "inside", "into"}
# Entity types that form lists of actors ("Saudi Arabia, the UAE, Bahrain and Egypt"), not "Kim Davis, the clerk".
_LIST_ENTS = {"GPE", "NORP", "ORG"}


def _city_candidates(doc: Doc) -> list[Span]:
    """Place-like spans: GPE/LOC entities, and proper nouns the tagger gave no other entity type."""
    # NORP too: the tagger takes some cities for peoples ("eastern Aleppo city"); demonyms are matched before
    ents = doc.ents
    spans = [e for e in ents if e.label_ in ("GPE", "LOC", "NORP") or (e.label_ == "PERSON" and len(e) == 1)
             or (e.label_ == "ORG" and len(e) == 1 and _after_place_word(e.root))]
    taken = {i for e in ents for i in range(e.start, e.end)}
    proper = numpy.flatnonzero(doc.to_array(POS) == PROPN)  # without a Token object for every word
    spans += [doc[i : i + 1] for i in proper.tolist() if i not in taken and not _in_longer_name(doc[i])]
    for e in ents:  # a city that names an institution or a site: "Goma airport", "the University of Cape Town"
        if e.label_ in ("ORG", "FAC") and len(e) > 1:
            spans += _city_in_name(e)
    return spans


def _city_in_name(name: Span) -> list[Span]:
    """The parts of an institution's or a site's name that may be its city, longest first: the words before the
    institution ("Auckland City Hospital", "Goma airport", "Lagos State Ministry of Health") and what follows its
    "of" ("the University of Cape Town"). Not any first word: "the Temple of Hatshepsut", "Bondi Junction"."""
    doc = name.doc
    start = name.start + (name[0].lower_ == "the")
    kinds = [t.i for t in name if t.lower_ in _INSTITUTION_WORDS and t.i > start]
    out = [doc[start:end] for end in range(min(kinds[0], start + 3), start, -1)] if kinds else []
    of = next((t.i for t in name if t.lower_ == "of"), None)
    if of is not None and of > start and doc[of - 1].lower_ in _INSTITUTION_WORDS and of + 1 < name.end:
        out += [doc[of + 1 : end] for end in range(min(name.end, of + 4), of + 1, -1)]
    return out


# The words that name what an institution or a site is, after the city it is in or before "of" and its city.
_INSTITUTION_WORDS = {"airport", "hospital", "university", "college", "school", "stadium", "station", "port", "harbour",
                      "harbor", "prison", "jail", "city", "state", "province", "county", "district", "municipality",
                      "council", "police", "court", "mosque", "church", "cathedral", "market", "bazaar", "mayor",
                      "governor", "assembly", "parliament", "ministry", "government", "airbase", "base", "refinery"}


def _after_place_word(tok: Token) -> bool:
    """A name where a place stands: "near Djibo", "in Kano", "the suburbs of Lyon" (the tagger may read a
    club or a firm there)."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.lower_ in _NAME_PLACE_PREPS or (prep.lower_ == "of" and prep.head.lemma_.lower() in _PLACE_PARTS)


_PLACE_PARTS = {"suburb", "outskirt", "outskirts", "centre", "center", "city", "town", "street", "streets", "heart",
                "port", "capital", "region", "province", "district", "area", "village", "north", "south", "east",
                "west", "mayor", "residents", "people"}


def _in_longer_name(tok: Token) -> bool:
    """A word of a longer proper name ("Selam" in "Finote Selam"): not a city by itself."""
    return (tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.lower_ not in _DIVISION_WORDS) or any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)


# Heads that make a place name a division of it ("Daraa Governorate", "Hakkari Province"), not another name.
_DIVISION_WORDS = {"governorate", "province", "region", "district", "county", "city", "state", "oblast", "prefecture",
                   "department", "municipality", "area"}


def _surface_forms(text: str) -> list[str]:
    forms = [text]
    if text.startswith("the ") or text.startswith("The "):
        forms.append(text[4:])
    if "'" in text:
        forms.append(text.replace("'", "’"))
    return forms


@dataclass(slots=True)
class ArticleMemory:
    """What the article has named so far, for surnames and pronouns met later."""

    persons: dict[str, ActorRef] = field(default_factory=dict)  # surname -> actor
    last_person: ActorRef | None = None
    last_group: ActorRef | None = None
    last_organisation: ActorRef | None = None  # for "the bloc", "the alliance"
    by_noun: dict[str, str] = field(default_factory=dict)  # head noun -> country it last had ("the Kenyan army")
    default_country: str | None = None  # from the dateline, else the country the article names most
    dateline: Entity | None = None  # the city, region or country the dateline names
    quotes: QuoteIndex = field(default_factory=QuoteIndex)  # QuoteSpans, for "I" and "we" inside quotes
    speakers: dict[int, ActorRef | None] = field(default_factory=dict)  # quote start -> its speaker
    accident_before: tuple[str, ...] | None = None  # the countries of the sentence before, when it reported a disaster
    published: date | None = None  # the article's date: the office a named person held then
    recent: list[ActorRef] = field(default_factory=list)  # actors of distinct countries, latest last ("the two")
    last_pair: tuple[ActorRef, ...] = ()  # the two parties of the last event that had two ("the two sides")

    def remember_noun(self, noun: str, actor: ActorRef) -> None:
        """The country this head noun, and any noun of the actor's sector, had when last named with it."""
        self.by_noun[noun] = actor.code
        self.by_noun[f"sector:{actor.sector}"] = actor.code


class Resolver:
    def __init__(self, lexicon: ActorLexicon, roles=None):
        self.lex = lexicon
        self.roles = roles  # dyad.kb.roles.RoleLexicon: title words → role phrase

    # --- phrases -----------------------------------------------------------------------------
    def heads(self, token: Token) -> list[Token]:
        """The token and the heads coordinated with it ("the US and South Korea")."""
        out = [token]
        first_party = self._first_party(token, token.head)  # its "and" belongs to the second party's name
        for child in token.children:
            if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON") and not first_party:
                out.extend(self.heads(child))
            elif child.dep_ == "appos" and token.ent_type_ in _LIST_ENTS and child.ent_type_ in _LIST_ENTS and any(
                    c.dep_ == "conj" and c.ent_type_ in _LIST_ENTS for c in child.children):
                # "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt": a list the parser reads as an apposition
                out.extend(self.heads(child))
            elif self._first_party(child, token):
                out.insert(0, child)
            elif child.dep_ == "appos" and child.ent_type_ == "PERSON":
                # "US President Donald Trump and North Korean leader Kim Jong-un": the second one hangs off the name
                out.extend(h for c in child.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")
                           for h in self.heads(c))
        return out

    def phrase(self, head: Token) -> list[Token]:
        """Tokens of the noun phrase headed by `head`, without clauses and coordinated heads."""
        out = [head]
        start = 0  # after the first of two parties hung on this one: "[the government and] communist rebels"
        for child in head.children:
            if child.dep_ == "punct" and child.i == head.sent.end - 1:
                continue  # the sentence's full stop, under a head the parser made the root
            if child.dep_ == "appos" and not _set_off(head, child):
                continue  # "Police in Tbilisi used water cannon": a clause the parser read as an apposition
            if self._first_party(child, head):  # "[The Colombian government and FARC] rebels": "FARC rebels"
                out.extend(t for c in child.children if c.dep_ == "conj" for t in self.phrase(c))
                start = max(c.i for c in child.children if c.dep_ == "cc") + 1
                continue
            if child.dep_ in _NP_DEPS:
                out.extend(self.phrase(child))
            elif child.dep_ == "prep" and child.lower_ == "of":
                out.extend(self.phrase(child))
            elif child.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of":
                out.extend(self.phrase(child))
        return sorted((t for t in out if t.i >= start), key=lambda t: t.i)

    def _first_party(self, child: Token, head: Token) -> bool:
        """The first of two coordinated parties, which the parser hangs on the second as a modifier with the "and"
        inside it: "[The Colombian government and FARC] rebels" is "the Colombian government" and "FARC rebels"; not
        "oil and gas companies"."""
        party = head.lemma_.lower()
        return (child.dep_ in ("nmod", "compound") and child.i < head.i and child.pos_ == "NOUN"
                and (party in self.lex.sector_of or party in self.lex.generic_heads)  # not "artillery and … systems"
                and child.lemma_.lower() in self.lex.sector_of and any(c.dep_ == "cc" for c in child.children)
                and any(c.dep_ == "conj" for c in child.children))

    def location(self, head: Token, mentions: dict[int, Mention]) -> str | None:
        """The country of a place the phrase is located in ("police in Lagos")."""
        for child in head.children:
            if child.dep_ == "prep" and (child.lower_ in _LOC_PREPS or (child.lower_ == "for" and head.lemma_.lower() in REPRESENTING)):
                for tok in child.subtree:
                    if tok.i in mentions and mentions[tok.i].entity.code:
                        return mentions[tok.i].entity.country or mentions[tok.i].entity.code
        return None

    def _apposition_place(self, head: Token, mentions: dict[int, Mention]) -> str | None:
        """The country of a place named inside a person's apposition ("X, the Rowan County, Kentucky, clerk")."""
        for child in head.children:
            if child.dep_ == "appos":
                for tok in child.subtree:
                    m = mentions.get(tok.i)
                    if m is not None and m.entity.code and m.entity.kind in ("country", "city", "place"):
                        return m.entity.country or m.entity.code
        return None

    # --- resolution --------------------------------------------------------------------------
    def resolve(self, head: Token, mentions: dict[int, Mention], memory: ArticleMemory,
                sentence_places: list[str]) -> ActorRef | None:
        """The actor a noun phrase names, or None when it names no actor."""
        lex = self.lex
        low = head.lower_
        if head.lemma_.lower() in ("tank", "tanker") and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in _TANK_CONTENTS
                                                             for c in head.children):
            return None  # "a fuel tank exploded, killing two": a container, not armour
        if low == "force" and head.tag_ == "NN" and head.dep_ == "dobj" and head.head.lemma_.lower() in _USES_OF_FORCE \
                and not any(c.dep_ in ("det", "poss") for c in head.children):
            return None  # "threaten to use force", "authorised military force": a means, not a body of troops
        if head.pos_ == "PRON":
            if low in lex.speaker_pronouns:
                return self.speaker_of(head.idx, head.doc, mentions, memory, sentence_places)
            if low in lex.person_pronouns:
                return self._person_antecedent(head, mentions, memory, sentence_places) or memory.last_person
            if low in lex.group_pronouns:
                return (self._antecedent(head, mentions) or self._group_antecedent(head, mentions, memory, sentence_places)
                        or self._plural_antecedent(head, mentions, memory, sentence_places) or memory.last_group)
            return None
        if self._is_organisation_anaphor(head, mentions) and (
                organisation := self._organisation_before(head, mentions) or memory.last_organisation) is not None:
            start, end = head.left_edge.idx, head.idx + len(head.text)
            return replace(organisation, entity_text=head.doc[head.left_edge.i : head.i + 1].text, start=start, end=end,
                           country_from="context")
        if low in _QUANTITY_HEADS:  # "thousands of workers": the workers are the actor
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and ((found := self.resolve(pobj, mentions, memory, sentence_places))
                                                    is not None or low not in _BODIES):
                            return found  # "a team of Navy SEALs": the team's own sector when its members are unknown
        if head.pos_ == "NOUN" and head.i not in mentions and head.lemma_.lower() not in lex.sector_of \
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):  # "the head of the agency, X": the role
            name = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
            if name is not None:  # "the film director Ali Karimi": the person the apposition names
                return self.resolve(name, mentions, memory, sentence_places)
        if lex.sector_of.get(head.lemma_.lower()) in ("UAF", "REB") and head.i not in mentions:
            if (group := _member_of(head, mentions)) is not None:  # "gunmen from the Somali group al-Shabaab"
                return self.resolve(group, mentions, memory, sentence_places)
            if (group := _claimed_group(head, mentions)) is not None:  # "gunmen believed to belong to Boko Haram"
                found = self.resolve(group, mentions, memory, sentence_places)
                if found is not None and sentence_places and found.code not in sentence_places:
                    # "militants linked to Islamic State seized parts of Marawi": an affiliate, of the country it acts in
                    found = replace(found, code=sentence_places[0], sector="REB", country_from="context")
                return found
        tokens = self.phrase(head)
        text = _text(tokens)
        entity, role = self._entity(head, tokens, mentions)
        sector = self._sector(head, tokens, mentions)
        if entity is None and head.i not in mentions and _civil_society(head, tokens):
            # "rights groups", "media freedom groups", "aid agencies": organisations no state owns
            return ActorRef(code="NGO", sector=None, entity_text=text, kind="igo", start=tokens[0].idx,
                            end=tokens[-1].idx + len(tokens[-1].text))
        if head.i not in mentions and not _actor_head(head, self.lex) and not (
                head.lemma_.lower() in lex.organisation_anaphors and leader_of(head, mentions) is not None):
            role = next((c for c in head.children if c.dep_ == "compound" and c.lemma_.lower() in lex.sector_of), None)
            if role is not None and head.text.isupper() and len(head.text) > 1:
                return self.resolve(role, mentions, memory, sentence_places)  # "French regulator CNIL": the regulator
            return None  # "Russian efforts", "Ukrainian grain": a modifier names a country, the head no actor
        former = any(t.lemma_.lower() in lex.former for t in tokens)
        person = head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and any(t.ent_type_ == "PERSON" for t in tokens))
        if person and entity is not None and entity.kind in ("country", "city", "place", "igo") and head.i in mentions:
            person = False  # "visited Khartoum", tagged PERSON: the place the knowledge base names
        person = person or (entity is not None and entity.kind == "person")
        office = self._office(head, tokens) if (person or sector) else None
        code = None
        kind = None
        identifier_text = None
        wikidata = None
        entity_id = None
        if entity is not None and entity.kind == "person" and head.i not in mentions and not any(
                c.dep_ in ("appos", "compound") and mentions.get(c.i) and mentions[c.i].entity is entity for c in head.children):
            entity = None  # a person named inside the phrase ("Putin's spokesman") is not the actor
        if entity is not None:
            entity_id = entity.id
            code = entity.code if entity.kind != "city" else None
            kind = entity.kind
            identifier_text = entity.name
            wikidata = entity.wikidata
            if entity.kind == "place" and head.i in mentions and sector is None:
                return ActorRef(code=entity.country, sector=None, entity_text=text, kind="place",
                                identifier_text=entity.name, start=tokens[0].idx,
                                end=tokens[-1].idx + len(tokens[-1].text), entity_id=entity.id)
            if entity.kind == "place":
                code = entity.country
            if entity.kind == "city" and role == "city":
                if sector and head.i not in mentions:
                    code = entity.country
                elif head.i in mentions:  # a city named alone is a place: its country, no sector
                    return ActorRef(code=entity.country, sector=None, entity_text=text, kind="place",
                                    identifier_text=entity.name, start=tokens[0].idx,
                                    end=tokens[-1].idx + len(tokens[-1].text))
            if entity.kind == "igo" and head.i in mentions and mentions[head.i].entity is entity:
                sector = None  # an organisation named has no sector, whatever its name holds ("International Criminal Court")
            if entity.kind in ("group", "metonym") and sector is None:
                sector = entity.sector
            if entity.kind == "metonym" and head.i in mentions:  # "Guatemala's Congress", "the Brazilian Senate"
                owner = next((m.entity for c in head.children if c.dep_ in ("poss", "amod", "compound")
                              and (m := mentions.get(c.i)) is not None and m.entity is not entity
                              and m.entity.kind == "country"), None)
                if owner is not None and owner.code != entity.code:
                    code, kind, identifier_text, wikidata, entity_id = owner.code, "role", None, None, None
                    entity = None
            if entity is not None and entity.kind == "country" and head.i in mentions and mentions[head.i].entity is entity:
                if role in ("name", "capital") and sector is None:
                    sector = "GOV"
        if person:
            known = next((memory.persons[t.lower_] for t in tokens if t.ent_type_ == "PERSON" and t.lower_ in memory.persons), None)
            if known is not None and code is None:
                code, sector = known.code, sector or known.sector
                office = office or known.office
                entity_id = entity_id or known.entity_id
            if entity is not None and entity.kind == "person":
                identifier_text = entity.name
            elif entity is not None and entity.kind == "metonym" and head.i not in mentions:
                identifier_text = _person_name(head, tokens)  # "Pope Leo": remembered as Leo for later mentions
            if sector is None and known is None and (entity is None or (role == "demonym" and head.i not in mentions)):
                sector = "CVL"  # a named private person ("Ana Ruiz", "Bo Lind, a Swedish baker"): CVL unless
                # a title or apposition says otherwise
            kind = "person"
        country_from = "text" if code is not None else None
        if code is None and sector is not None and (_bare_definite(head) or _bare_plural(head, memory)):
            # "the army said": the army named before; "Protesters threw stones": the protesters of an earlier sentence
            code = (self._earlier_same_noun(head, mentions, sector) or memory.by_noun.get(head.lemma_.lower())
                    or memory.by_noun.get(f"sector:{sector}"))
            country_from = "context" if code is not None else None
        if code is None and sector is not None:  # "Rwanda denied that its troops…": the owner the pronoun names
            # "Fiji's prime minister denied that his government…": a person's government is their country's
            owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "his", "her", "their")), None)
            found = self.resolve(owner, mentions, memory, sentence_places) if owner is not None else None
            if found is not None and found.code:
                code, country_from = found.code, "text"
        if code is None and sector is not None:
            code = self.location(head, mentions)
            if code is None and person:  # "Ann Roe, the Kent County clerk", "Bo Lind, a Malmö baker"
                code = self._apposition_place(head, mentions)
            if code is None and sentence_places and (sector in _PLACE_BOUND or len(set(sentence_places)) == 1):
                code = sentence_places[0]
            country_from = "context" if code is not None else None
        if former and sector in ("GOV", "MIL", None) and person:
            sector = "ELI"
        if code in _ORG_CODES and sector == "GOV":
            sector = None
        if code is None and sector is None and not person and not _acted_on_organisation(head, entity):
            return None
        if code is not None and sector is None and entity is not None and entity.kind == "country":
            # "Palestinians staged rallies", "58 Palestinians were killed": a people, not its government
            sector = "CVL" if role == "demonym" and head.i in mentions and head.tag_ in ("NNS", "NNPS") else "GOV"
        actor = ActorRef(
            code=code, sector=sector, entity_text=text, identifier_id=wikidata,
            identifier_text=identifier_text if not person or identifier_text else _person_name(head, tokens),
            office=office, kind=kind or ("organisation" if head.ent_type_ == "ORG" else "role" if sector else None),
            start=tokens[0].idx, end=tokens[-1].idx + len(tokens[-1].text),
            entity_id=entity_id if (entity_id or "").startswith(("person:", "igo:", "country:", "group:")) else None,
            role=self._role_phrase(tokens, mentions) if sector in _STATE_SECTORS else None,
            country_from=country_from if code is not None else None,
        )
        return actor

    def _role_phrase(self, tokens: list[Token], mentions: dict[int, Mention]) -> str | None:
        """The role phrase of the title words ("Defence Minister", "the EU's chief diplomat")."""
        if self.roles is None:
            return None
        words = [t.text for t in tokens if (t.i not in mentions or mentions[t.i].entity.kind == "metonym")
                 and t.ent_type_ != "PERSON" and t.dep_ not in ("det", "case", "punct")]
        return self.roles.match(" ".join(words)) if words else None

    def _antecedent(self, pronoun: Token, mentions: dict[int, Mention]) -> ActorRef | None:
        """The nearest country or organisation named earlier in the sentence ("Fiji denied that it…")."""
        for tok in reversed(list(pronoun.sent)[: pronoun.i - pronoun.sent.start]):
            m = mentions.get(tok.i)
            if m is not None and m.entity.kind in ("country", "igo", "group") and tok.dep_ in ("nsubj", "nsubjpass", "poss"):
                return _named(tok, m)
        return None

    def _organisation_before(self, head: Token, mentions: dict[int, Mention]) -> ActorRef | None:
        """The nearest organisation named earlier in the sentence ("quit ECOWAS, accusing the bloc of…")."""
        for tok in reversed(list(head.sent)[: head.i - head.sent.start]):
            m = mentions.get(tok.i)
            if m is not None and m.entity.kind == "igo":
                return _named(tok, m)
        return None

    def _group_antecedent(self, pronoun: Token, mentions, memory, places) -> ActorRef | None:
        """The unnamed group that is the subject the pronoun's clause hangs from ("Thai police said
        they had not detained…", "the army said its units…")."""
        before = list(pronoun.sent)[: pronoun.i - pronoun.sent.start]
        for tok in reversed(before):
            clause = pronoun.head
            if tok.dep_ == "nsubj" and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.sector_of \
                    and tok.head.lemma_.lower() in _REPORTING and clause.dep_ == "ccomp" and clause.head.i == tok.head.i:
                return self.resolve(tok, mentions, memory, places)
        if pronoun.lower_ == "its":  # "…, the Israeli military said, and its troops began pulling back": the nearest
            # force or state named as a subject before, with its country
            for tok in reversed(before):
                if tok.dep_ == "nsubj" and tok.pos_ == "NOUN" and self.lex.sector_of.get(tok.lemma_.lower()) in ("MIL", "GOV", "COP"):
                    found = self.resolve(tok, mentions, memory, places)
                    if found is not None and found.code and found.country_from == "text":
                        return found
        return None

    def _plural_antecedent(self, pronoun: Token, mentions, memory, places) -> ActorRef | None:
        """The unnamed group that "they" takes up in its sentence: the plural subject of the reporting verb it is said
        under ("villagers said soldiers beat them when they refused…"), else the nearest plural group subject before
        it ("militants released a video two weeks after they killed his colleague"); "their" is the plural subject of
        its own clause ("dock workers continued their strike")."""
        if pronoun.lower_ == "their" and pronoun.dep_ == "poss":  # "dock workers continued their strike": the clause's subject
            verb = pronoun.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            # not the noun "their" belongs to: "their negotiators are due to resume talks" names no one before
            return next((self.resolve(t, mentions, memory, places) for t in verb.children
                         if t.dep_ == "nsubj" and t.tag_ == "NNS" and t.lemma_.lower() in self.lex.sector_of
                         and t.i != pronoun.head.i), None)
        if pronoun.lower_ != "they":  # "police fired tear gas to disperse them": an object is someone else
            return None
        speaker = pronoun.head
        while speaker.head.i != speaker.i and speaker.lemma_.lower() not in _REPORTING:
            speaker = speaker.head
        for tok in speaker.children:  # "villagers said soldiers beat them when they refused…": who speaks
            if tok.dep_ == "nsubj" and tok.tag_ == "NNS" and tok.i < pronoun.i and speaker.lemma_.lower() in _REPORTING \
                    and tok.lemma_.lower() in self.lex.sector_of:
                return self.resolve(tok, mentions, memory, places)
        if speaker.dep_ == "conj" and speaker.lemma_.lower() in _REPORTING and not any(c.dep_ == "nsubj" for c in speaker.children):
            # "Leaders of ECOWAS gave the junta a week and said they could use force": who gave it speaks
            shared = next((c for c in speaker.head.children if c.dep_ == "nsubj" and c.tag_ == "NNS"), None)
            found = self.resolve(shared, mentions, memory, places) if shared is not None else None
            if found is not None and found.code:
                return found
        for tok in reversed(list(pronoun.sent)[: pronoun.i - pronoun.sent.start]):
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ == "NNS" and tok.lemma_.lower() in self.lex.sector_of:
                return self.resolve(tok, mentions, memory, places)
        return None

    def speaker_of(self, char: int, doc, mentions, memory: ArticleMemory, places) -> ActorRef | None:
        """The speaker of the quote or post a character offset falls in (first person → speaker)."""
        quote = memory.quotes.at(char)
        if quote is None:
            return None
        if quote.start not in memory.speakers:
            memory.speakers[quote.start] = None  # guards against a speaker inside its own quote
            if quote.speaker_head is not None:
                memory.speakers[quote.start] = self.resolve(doc[quote.speaker_head], mentions, memory, places)
        return memory.speakers[quote.start]

    def _person_antecedent(self, pronoun: Token, mentions, memory, places) -> ActorRef | None:
        """The person or official who is the subject earlier in the sentence ("X said his visit…")."""
        for tok in reversed(list(pronoun.sent)[: pronoun.i - pronoun.sent.start]):
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ != "PRON":
                lemma = tok.lemma_.lower()
                if tok.ent_type_ == "PERSON" or (self.lex.sector_of.get(lemma) and lemma in self.lex.titles):
                    return self.resolve(tok, mentions, memory, places)
        return None

    def remember_person(self, actor: ActorRef, memory: ArticleMemory) -> None:
        """Make the actor the one "he" or "she" refers to next, when it is a person, named or by title."""
        words = (actor.entity_text or "").lower().split()
        if actor.kind == "person" or (actor.code and actor.kind in ("role", "country") and words and words[-1] in self.lex.titles):
            memory.last_person = actor

    def remember(self, actor: ActorRef, memory: ArticleMemory) -> None:
        """Keep a resolved actor so later surnames and pronouns can refer to it."""
        if actor.code and actor.kind != "place" and actor.country_from == "text":
            memory.recent = [a for a in memory.recent if a.code != actor.code][-3:] + [actor]
        self.remember_person(actor, memory)  # "Thailand's army chief visited… He accused…": one person, named by title
        if actor.kind == "person":
            if actor.code or actor.sector:
                for part in (actor.identifier_text or "").replace("-", " ").split():
                    if len(part) > 2 and part[0].isupper():
                        memory.persons.setdefault(part.lower(), actor)
        elif actor.code:
            memory.last_group = actor
            words = (actor.entity_text or "").lower().split()
            if actor.sector and actor.kind != "place" and words and actor.country_from == "text":
                memory.remember_noun(_singular(words[-1]), actor)
            if actor.code in _ORG_CODES:
                memory.last_organisation = actor

    def _entity(self, head: Token, tokens: list[Token], mentions: dict[int, Mention]):
        """The knowledge-base entity the phrase names; the head's own name first, then modifiers."""
        if head.i in mentions:
            m = mentions[head.i]
            return m.entity, m.role
        for child in head.children:  # "Defence Minister Ana Ruiz", "his counterpart Lena Ostrova"
            if child.dep_ in ("appos", "compound") and child.i in mentions and mentions[child.i].entity.kind == "person":
                return mentions[child.i].entity, "person"
        best = None
        for tok in tokens:  # modifiers: possessors, adjectives, compounds ("the EU's", "Kenyan")
            if tok.i in mentions and not (sponsors_something(tok) and _sponsor(tok).lower_ != "led"):
                m = mentions[tok.i]
                if m.entity.kind == "city" and best is not None:
                    continue
                if best is None or (best[0].kind == "city" and m.entity.kind != "city"):
                    best = (m.entity, m.role)
        return best if best else (None, None)

    def _earlier_same_noun(self, head: Token, mentions: dict[int, Mention], sector: str) -> str | None:
        """The country of the same noun, or one of its sector, named earlier in the sentence with its
        nationality ("the Congolese army …, the army said"; "Turkish security forces … the military")."""
        for tok in reversed(list(head.sent)[: head.i - head.sent.start]):
            lemma = tok.lemma_.lower()
            if (lemma == head.lemma_.lower() or self.lex.sector_of.get(lemma) == sector) and tok.pos_ == "NOUN":
                for child in tok.children:
                    m = mentions.get(child.i)
                    if child.dep_ in ("amod", "compound", "poss") and m is not None and m.entity.kind == "country":
                        return m.entity.code
        return None

    def _is_organisation_anaphor(self, head: Token, mentions: dict[int, Mention]) -> bool:
        """ "the bloc", "the alliance": a bare definite noun that refers back to an organisation."""
        # "accused the bloc of bias", "of serving foreign interests": that "of" is the verb's, not a name's ("the
        # alliance of opposition parties" is a new one)
        return (head.lemma_.lower() in self.lex.organisation_anaphors and head.i not in mentions
                and [c.lower_ for c in head.children if c.dep_ != "punct" and not self._charge_of(c)] == ["the"])

    def _charge_of(self, prep: Token) -> bool:
        """An "of" that says what someone is accused of: a deed or a vice, not members."""
        return prep.dep_ == "prep" and prep.lower_ == "of" and all(
            c.dep_ == "pcomp" or (c.dep_ == "pobj" and not c.ent_type_ and c.lemma_.lower() not in self.lex.sector_of)
            for c in prep.children)

    def _sector(self, head: Token, tokens: list[Token], mentions: dict[int, Mention] | None = None) -> str | None:
        lex = self.lex
        lemma = head.lemma_.lower()
        if head.tag_ in ("NNS", "NNPS") and lemma in lex.plural_sectors:
            return lex.plural_sectors[lemma]
        own = lex.sector_of.get(lemma) if not _is_name(head, mentions) else None
        pair = _pair_sector(head, lex)  # "suicide bomber", "asylum seeker": the pair tells
        if pair:
            return pair
        if own is None and head.tag_ in ("NNPS", "NNP") and head.lower_.endswith("s") and not _is_name(head, mentions):
            own = lex.sector_of.get(_singular(lemma))  # "American Airlines": a name's head still tells its sector
        if own is None and head.tag_ == "NNPS" and (mentions is None or head.i not in mentions) \
                and (force := lex.sector_of.get(_singular(head.lower_))) in ("MIL", "COP"):
            own = force  # "US Marines", "Army Rangers": a force, even as a name; the KB's own ("Rapid Support Forces") first
        modifiers = [t for t in tokens if t.i != head.i and not _is_name(t, mentions) and not _verbal_modifier(t) and (
            t.dep_ in ("compound", "amod", "nmod", "poss") or (t.dep_ == "conj" and self._first_party(t.head, head)))]
        modifier_sectors = [lex.sector_of.get(t.lemma_.lower()) for t in reversed(modifiers)]
        modifier_sectors = [s for s in modifier_sectors if s]
        if "OPP" in modifier_sectors and own in (None, "PTY", "GOV", "CVL") or ("OPP" in modifier_sectors and lemma in lex.generic_heads):
            return "OPP"  # "opposition party", "opposition leader"
        inner = None
        if lemma in lex.generic_heads:  # "the leader of the ruling party", "head of the army"
            for tok in tokens:
                if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i == head.i:
                    inner = lex.sector_of.get(tok.lemma_.lower()) if not _is_name(tok, mentions) else None
                    if inner:
                        break
        if lemma in lex.generic_heads and modifier_sectors:
            strong = [s for s in modifier_sectors if s != "GOV"]
            if not strong and own and own != "GOV":
                return own  # "government forces" are the army, "government unit" a military one
            if not strong and inner and inner != "GOV":
                return inner  # "the chief executive of a shipping firm"
            return strong[0] if strong else modifier_sectors[0]
        if inner:
            return inner
        if head.tag_ in ("NNS", "NNPS") and lemma in lex.bare_plural_sectors and not modifier_sectors:
            return lex.bare_plural_sectors[lemma]  # "officers beat protesters": police, unless "army officers"
        if own == "PTY" and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in _SOCIAL_PARTIES for c in head.children):
            return "CVL"  # "a wedding party", "a search party": people gathered, not a political party
        if own:
            return own
        if head.pos_ == "PROPN":  # a title before a name: "Defence Minister Kim"; not a word of a known name
            titled = [_pair_sector(t, lex) or lex.sector_of.get(t.lemma_.lower()) for t in tokens  # ("General Motors")
                      if t.dep_ == "compound" and t.i < head.i and not (mentions and t.i in mentions and head.i in mentions
                                                                         and mentions[t.i] is mentions[head.i])]
            # "Kremlin critic Alexei Navalny": the pair tells
            titled = [s for s in titled if s]
            if titled:
                return titled[-1]
            for child in head.children:  # "X, the Polk County, Iowa, clerk": the first apposition that tells
                if child.dep_ == "appos":
                    found = self._sector(child, self.phrase(child), mentions)
                    if found:
                        return found
        return modifier_sectors[0] if modifier_sectors else None

    def _office(self, head: Token, tokens: list[Token]) -> str | None:
        """The title the report gives a person ("Defence Minister", "the EU's chief diplomat")."""
        titles = [t for t in tokens if t.i < head.i and t.dep_ in ("compound", "amod") and t.lemma_.lower() in self.lex.titles and t.ent_type_ != "PERSON"]
        if titles:
            return " ".join(t.text for t in tokens if titles[0].i <= t.i < head.i and t.ent_type_ != "PERSON" and t.dep_ != "punct")
        for child in head.children:
            if child.dep_ == "appos" and child.lemma_.lower() in self.lex.titles | {"representative", "diplomat", "chief"}:
                return " ".join(t.text for t in child.subtree if t.dep_ not in ("det", "punct"))
        return None


# Verbs whose subject a pronoun in their reported clause refers back to ("police said they had…").
_REPORTING = {"say", "tell", "announce", "claim", "deny", "insist", "state", "confirm", "warn", "add", "admit",
              "vow", "pledge", "promise", "threaten", "report", "acknowledge", "declare"}
# Words that stand for the people of their "of" phrase ("a squad of gunmen": the gunmen; "agents of the
# intelligence service": the service).
_QUANTITY_HEADS = {"thousands", "hundreds", "dozens", "scores", "millions", "tens", "thousand", "hundred",
                   "dozen", "group", "groups", "number", "crowd", "crowds", "some", "many", "most", "all",
                   "several", "members", "member", "one", "two", "three", "four", "five", "six", "ten",
                   "squad", "band", "handful", "contingent", "detachment", "agents", "agent", "operatives",
                   "brigade", "team", "teams", "delegation"}
_BODIES = {"brigade", "team", "teams", "delegation", "squad", "contingent", "detachment"}  # quantity heads with a sector
# Modifiers that make a "party" a gathering of people ("a wedding party"), not a political party.
_SOCIAL_PARTIES = {"wedding", "birthday", "dinner", "garden", "house", "tea", "search", "rescue", "hunting",
                   "boarding", "landing", "funeral", "engagement", "street", "beach"}
# Participles that make a name the leader or backer of what they modify ("US-led", "Iranian-backed").
_SPONSOR_WORDS = {"led", "backed", "sponsored", "supported", "funded", "brokered", "allied", "aligned"}
# Sectors whose members take the country of the place a sentence names ("protesters in Lima").
_STATE_SECTORS = {None, "GOV", "MIL", "ELI"}  # a title of these names a state office; "union leader" does not
_PLACE_BOUND = {"CVL", "COP", "REB", "LAB", "EDU", "MED", "REF", "JRN", "CRM", "UAF", "OPP", "REL", "AGR", "BUS", "PRM"}


def _named(tok: Token, mention: Mention) -> ActorRef:
    """The actor a knowledge-base mention names, as written at `tok` (an organisation has no sector)."""
    entity = mention.entity
    return ActorRef(code=entity.code, sector=entity.sector if entity.kind != "igo" else None, entity_text=tok.text,
                    identifier_text=entity.name, kind=entity.kind, identifier_id=entity.wikidata, entity_id=entity.id)


def _member_of(head: Token, mentions: dict[int, Mention]) -> Token | None:
    """The armed group a band is from: "gunmen from the Somali Islamist group al-Shabaab", "militants of the Maute group"."""
    return next((g for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("from", "of")
                 if (g := _group_named_in(prep, mentions)) is not None), None)


def _group_named_in(phrase: Token, mentions: dict[int, Mention]) -> Token | None:
    """The head of the first armed group's name in the phrase under `phrase` ("Haram" of "Boko Haram")."""
    for tok in phrase.subtree:
        if (m := mentions.get(tok.i)) is not None and m.entity.kind == "group":
            while tok.head.i != tok.i and (h := mentions.get(tok.head.i)) is not None and h.entity is m.entity:
                tok = tok.head
            return tok
    return None


def _claimed_group(head: Token, mentions: dict[int, Mention]) -> Token | None:
    """The armed group an unnamed band is said to belong to: "gunmen believed to belong to Boko Haram", "militants
    linked to al-Shabaab", "fighters loyal to the Islamic State"."""
    return next((g for child in head.children if child.dep_ in ("acl", "relcl", "amod")
                 and child.lemma_.lower() in _BELONGING if (g := _group_named_in(child, mentions)) is not None), None)


# what ties a band to a group: "believed to belong to", "suspected of links to", "loyal to" ("chasing" is no tie)
_BELONGING = {"believe", "suspect", "think", "say", "report", "allege", "link", "affiliate", "ally", "tie", "connect",
              "loyal", "belong", "align", "linked", "affiliated", "allied", "tied", "aligned", "suspected"}


def _is_name(tok: Token, mentions: dict[int, Mention] | None) -> bool:
    """Part of a proper name ("European Union", "Security Council"), not a sector noun."""
    if mentions is not None and tok.i in mentions:
        return True
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("GPE", "NORP", "LOC", "FAC", "EVENT", "LAW")


def leader_of(head: Token, mentions: dict[int, Mention]) -> Token | None:
    """The country that leads what `head` names: "a Saudi-led air raid", "the US-led coalition"."""
    for child in head.children:
        if child.dep_ == "amod" and child.lower_ == "led":
            for mod in child.children:
                m = mentions.get(mod.i)
                if mod.dep_ in ("npadvmod", "compound", "nmod") and m is not None and m.entity.kind in ("country", "igo"):
                    return mod
    return None


def sponsors_something(tok: Token) -> bool:
    """A name that leads or backs something ("US-led", "Iranian-backed"): an actor, not a place of the
    sentence; and a backer is not the country of what it backs ("Iranian-backed militias")."""
    return _sponsor(tok).lower_ in _SPONSOR_WORDS


def _sponsor(tok: Token) -> Token:
    """The participle a name modifies as "X-led"/"X-backed" (the name itself when it modifies none)."""
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok.head if tok.dep_ in ("npadvmod", "compound") else tok


def _bare_definite(head: Token) -> bool:
    """ "the army", "the police": a definite common noun with nothing else that could name its country."""
    return head.pos_ == "NOUN" and [c.lower_ for c in head.children if c.dep_ not in ("punct",)] == ["the"]


def _bare_plural(head: Token, memory: ArticleMemory) -> bool:
    """ "Protesters threw fireworks": a plural common noun alone, whose kind the article named before."""
    return head.tag_ == "NNS" and head.lemma_.lower() in memory.by_noun and not any(
        c.dep_ not in ("punct",) for c in head.children)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _verbal_modifier(tok: Token) -> bool:
    """A participle whose lemma is also an agent noun: "a suspected attack" names no suspect."""
    return (tok.tag_ in ("VBN", "VBD", "VBG") or (tok.pos_ == "ADJ" and tok.lower_ != tok.lemma_.lower())
            or (tok.lower_ == "general" and tok.pos_ == "ADJ"))  # "a general strike" has no general


def _civil_society(head: Token, tokens: list[Token]) -> bool:
    """A group named by what it campaigns for: "rights groups", "press freedom organisations", "aid agencies"."""
    return head.lemma_.lower() in _NGO_HEADS and any(
        t.lemma_.lower() in _NGO_CAUSES for t in tokens if t.i < head.i and t.dep_ in ("compound", "amod", "nmod"))


_NGO_HEADS = {"group", "organisation", "organization", "agency", "charity", "campaigner", "watchdog", "ngo", "coalition"}
_NGO_CAUSES = {"rights", "right", "humanitarian", "aid", "advocacy", "freedom", "campaign", "relief", "charity",
               "environmental", "monitoring", "civil", "anti-corruption", "transparency", "whistleblower", "refugee",
               "migrant", "press", "media", "democracy", "liberty", "liberties", "watchdog"}


def _acted_on_organisation(head: Token, entity) -> bool:
    """A name the tagger calls an organisation and the KB does not know, as the one acted on ("fined
    Volkswagen", "sued Meta"): an actor with no country or sector, rather than none. As a doer such a
    name is more often a product, a fund or a treaty than an actor, so it stays none there."""
    return (entity is None and head.ent_type_ == "ORG" and head.pos_ == "PROPN"
            and head.dep_ in ("dobj", "dative", "nsubjpass"))


def unknown_organisation(actor: ActorRef) -> bool:
    """An actor `_acted_on_organisation` made: an organisation with no country and no sector. Extraction
    keeps it only as the one acted on (a verb's subject reached through a misattached clause may be a treaty)."""
    return actor.kind == "organisation" and actor.code is None and actor.sector is None


def _actor_head(head: Token, lex) -> bool:
    """Whether a head noun can name an actor at all (a person, a group, an organisation)."""
    lemma = head.lemma_.lower()
    return (head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or lemma in lex.generic_heads or lemma in lex.sector_of
            or _pair_sector(head, lex) is not None)  # "federal agents", not a nerve agent


def _pair_sector(head: Token, lex) -> str | None:
    """The sector a two-word entry gives the head with the modifier before it ("suicide bomber", "federal agent")."""
    before = head.doc[head.i - 1] if head.i > 0 else None
    if before is None or before.dep_ not in ("compound", "amod"):
        return None
    return lex.sector_of.get(f"{before.lemma_.lower()} {head.lemma_.lower()}")


def _set_off(head: Token, appos: Token) -> bool:
    """Whether an apposition is one: next to its head or set off by punctuation ("X, the mayor of Y")."""
    first, last = sorted((head.i, appos.left_edge.i))
    between = head.doc[first + 1:last]
    return len(between) == 0 or any(t.is_punct for t in between)


def _text(tokens: list[Token]) -> str:
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text.strip(" ,")


def _person_name(head: Token, tokens: list[Token]) -> str:
    names = [t.text for t in tokens if t.ent_type_ == "PERSON" or t.i == head.i]
    return " ".join(names).replace(" - ", "-").replace(" -", "-")


def cause_prefixed(doc, start: int) -> bool:
    """Whether the words from `start` follow "pro-" or "anti-" ("pro-Palestinian", "anti-government"): a cause,
    neither a doer nor the doers' country."""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("pro", "anti")
