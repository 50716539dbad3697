"""The pipeline: `code_article` wires the stages for one article; `Coder` runs them in batches.

article ─► parse (spaCy) ─► mentions (KB names) ─► extract (events) ─► modality, attribution,
dates, contexts ─► `CodedArticle`. The same functions serve the CLI, the store and any batch
runner; only batching differs.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from dyad.checks import Checker
from dyad.coding.extract import Draft, Extractor, SentenceContext, aim_reactions, glued_label, label_colon
from dyad.coding.modality import (
    attribution_of,
    conditional_consequence,
    contexts_of,
    date_of,
    headline_plan,
    modality_of,
)
from dyad.coding.model import EventModel, load_model
from dyad.coding.parse import CHUNK_CHARS, load_nlp, parse_doc, repair_headline_verbs
from dyad.coding.places import dateline_entity, locate_event
from dyad.coding.quotes import QuoteIndex, find_posts, find_quotes, signature_spans
from dyad.coding.resolve import ArticleMemory, Gazetteer, Resolver, sponsors_something
from dyad.coding.rules import Rules, load_rules
from dyad.errors import EngineError
from dyad.kb.base import KnowledgeBase, load_kb
from dyad.kb.roles import RoleResolver, SpeakerResolver
from dyad.language import detect_language
from dyad.ontology import Ontology, gdelt_quad_class, load_ontology
from dyad.records import ActorRef, Article, Attribution, CodedArticle, Event, Evidence, Failure, Flag, Quote


class Coder:
    """Everything loaded once (model, rules, knowledge base), then used for any number of articles."""

    def __init__(self, nlp: Language | None = None, kb: KnowledgeBase | None = None, rules: Rules | None = None,
                 model: EventModel | None | str = "default"):
        """`model`: the second opinion for sentences the rules leave silent (`dyad.coding.model`); "default"
        loads the shipped one when its card enables it or `DYAD_MODEL=on`, and `DYAD_MODEL=off` or
        None turns it off."""
        self.nlp = nlp or load_nlp()
        self.kb = kb or load_kb()
        self.rules = rules or load_rules()
        self.ontology = load_ontology()
        lex = self.rules.actors
        self.gazetteer = Gazetteer(self.nlp, self.kb, lex.titles | lex.former | lex.honorifics)
        self.roles = RoleResolver(self.kb)
        self.speakers = SpeakerResolver(self.kb, self.roles)
        self.resolver = Resolver(self.rules.actors, self.roles.lex)
        self.extractor = Extractor(self.rules, self.resolver, self.roles)
        self.event_verbs = frozenset(self.rules.verbs) | self.rules.light_verbs
        self.checker = Checker(self.kb, self.roles, self.resolver)
        self.model = default_model() if model == "default" else model

    def parse(self, article: Article) -> Doc:
        return parse_doc(self.nlp, parse_text(article))

    def code(self, article: Article) -> CodedArticle:
        """Code one article (raises on failure: batch callers use `code_many`)."""
        language = detect_language(article.text)
        if language != "en":
            return _unsupported(article, language)
        return code_article(article, self.parse(article), self)

    def code_many(self, articles: Iterable[Article], batch_size: int = 64, n_process: int = 1) -> Iterator[CodedArticle | Failure]:
        """Code a stream of articles with `nlp.pipe`; a failing article becomes a Failure record."""
        for_texts, for_articles = itertools.tee(articles)
        # plain texts (not as_tuples): with n_process > 1 spaCy then tokenises in the workers.
        # A long text would make its whole batch one huge parse: it is parsed here, in pieces.
        texts = (parse_text(article) for article in for_texts if len(article.text) <= CHUNK_CHARS)
        docs = self.nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
        for article in for_articles:
            doc = next(docs) if len(article.text) <= CHUNK_CHARS else self.parse(article)
            try:
                language = detect_language(article.text)
                yield code_article(article, doc, self) if language == "en" else _unsupported(article, language)
            except EngineError as exc:
                yield Failure(input=article.id, stage="code", reason=str(exc))
            except (ValueError, KeyError, IndexError, AttributeError, TypeError, RecursionError) as exc:
                yield Failure(input=article.id, stage="code", reason=f"{type(exc).__name__}: {exc}")


def default_model() -> EventModel | None:
    """The shipped second-opinion model when `DYAD_MODEL` or its card turns it on, else None."""
    setting = os.environ.get("DYAD_MODEL", "").lower()
    if setting == "off":
        return None
    model = load_model()
    return model if setting == "on" or model.card.enabled else None


def _unsupported(article: Article, language: str) -> CodedArticle:
    """A report dyad does not read (not English): kept, with its language and no events."""
    return CodedArticle(article=article, events=(), actors=(), language=language, status="unsupported")


def parse_text(article: Article) -> str:
    """The article text with its dateline, post signatures and link residue blanked out.

    Blanking (not cutting) keeps every character offset that of the original text. A blanked span
    is a full stop, spaces and a line break, so the text after it starts a sentence as the parser
    knows them: after a bare run of spaces the tagger took a capitalised first word ("Negotiators")
    for a proper noun.
    """
    text = article.text
    spans = signature_spans(text)
    if article.body_start:
        spans.append((0, article.body_start))
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
        if end - start >= 2 and chars[start] == " " and chars[end - 1] == " ":
            chars[start], chars[end - 1] = ".", "\n"
    return "".join(chars)


def code_article(article: Article, doc: Doc, coder: Coder) -> CodedArticle:
    """The events, actors and evidence of one parsed article (a pure function of its inputs)."""
    doc = repair_headline_verbs(doc, coder.nlp, coder.event_verbs)
    mentions = coder.gazetteer.mentions(doc)
    memory = ArticleMemory(published=article.date)
    posts = find_posts(article.text, article.date)
    in_posts = QuoteIndex(posts)
    quotes = [q for q in find_quotes(article.text, doc) if in_posts.at(q.start) is None]
    memory.quotes = QuoteIndex(posts + quotes)
    for post in posts:
        memory.speakers[post.start] = coder.speakers.post_author(post)
    if article.dateline_place:
        memory.dateline = dateline_entity(article.dateline_place, coder.kb, coder.gazetteer.lookup)
        memory.default_country = memory.dateline.country if memory.dateline else None
    text = doc.text  # built from the tokens on every call: once per article
    sentences = [s for s in doc.sents if text[s.start_char:s.end_char].strip()]
    memory.default_country = (memory.default_country or _main_country(mentions, doc) or _label_country(sentences, mentions)
                              or _main_nationality(mentions, doc, coder.resolver.lex.sector_of))
    events: list[Event] = []
    told: list[Draft] = []  # the drafts of the sentences before, for reactions to what they told
    model_flags: list[Flag] = []
    dates = _entities_by_sentence(sentences, [e for e in doc.ents if e.label_ == "DATE"])
    model_scores = coder.model.scores_of(sentences) if coder.model is not None else []
    for index, sent in enumerate(sentences):
        places = (_sentence_places(sent, mentions) or ([memory.default_country] if memory.default_country else [])
                  or _sentence_nationality(sent, mentions))
        ctx = SentenceContext(sent=sent, mentions=mentions, memory=memory, places=places, dates=dates[index])
        drafts = coder.extractor.extract(ctx)
        claims = coder.extractor.claims(ctx)
        if coder.model is not None and (drafts or not claims):
            # the second opinion (dyad.coding.model): may fill a silent sentence or veto; a sentence that only
            # claims an attack told before ("X said it was behind the blast") has told what it tells
            drafts, veto = coder.model.review(ctx, drafts, coder.extractor, index, model_scores[index])
            model_flags += [veto] if veto is not None else []
        drafts = [d for d in drafts if not _told_before(d, events)]
        for claim, claimants, local in claims:
            drafts = _credit_claim(claim, claimants, local, drafts, events, index, coder)
        aim_reactions(drafts, told)
        told += drafts
        for draft in drafts:
            events.append(_event(article, index, draft, ctx, coder))
        for draft in drafts:  # a place acted on is no "they": "Gunmen stormed a village. They killed…" (the gunmen)
            for actor in draft.actor + [r for r in draft.recipient if r.kind != "place"]:
                coder.resolver.remember(actor, memory)
            for actor in draft.actor[::-1]:  # but "he" is most often the subject: "X met Lebanon's president. He urged…"
                coder.resolver.remember_person(actor, memory)
            memory.last_pair = _pair_of(draft) or memory.last_pair
        _remember_subjects(sent, ctx, coder, told=bool(drafts))
        memory.accident_before = coder.extractor.accident_places(ctx)
    actors = _unique_actors(a for e in events for a in (*e.actor, *e.recipient))
    quote_records = tuple(_quote(q, doc, mentions, memory, coder) for q in memory.quotes)
    flags = coder.checker.check(doc, mentions, tuple(events), quote_records, article.date, sentences, text)
    return CodedArticle(article=article, events=tuple(events), actors=actors, quotes=quote_records,
                        flags=(*flags, *model_flags))


def _told_before(draft: Draft, events: list[Event]) -> bool:
    """ "The protests, which began two weeks ago, …", "lawmakers may drop the bill after the protests": a protest
    noun with "the" in a later sentence is the protest an earlier sentence told, no second one."""
    trigger = draft.trigger
    return draft.event == "PROTEST" and trigger.pos_ == "NOUN" and trigger.tag_ == "NNS" \
        and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in trigger.children) \
        and any(e.event == "PROTEST" for e in events)


def _credit_claim(claim, claimants: list, local: bool, drafts: list[Draft], events: list[Event], index: int,
                  coder: Coder) -> list[Draft]:
    """A claim of responsibility names the doer of the attack told last, in this sentence or the two before, when it
    has no named doer ("A suicide bomber kills 20 at a mosque. ISIL claims responsibility for the attack"): the
    attacks of that sentence without one take the claimants as their actor, and the claim's own "the attack" is no
    second one. `local`: the claimant is a group's branch, of the attack's country."""
    unnamed = [k for k, e in enumerate(events) if e.event == "ASSAULT" and e.text_info.sentence >= index - 2
               and not any(a.entity_id or a.identifier_id for a in e.actor)]
    if not unnamed:
        return drafts
    told_in = events[unnamed[-1]].text_info.sentence
    for k in (k for k in unnamed if events[k].text_info.sentence == told_in):
        event = events[k]
        where = event.event_loc.country_code if event.event_loc else None
        doers = [replace(a, code=where, country_from="context") if local and where else a
                 for a in claimants]  # "Islamic State's regional affiliate" in Kabul: of Afghanistan
        events[k] = replace(event, actor=tuple(coder.roles.at_date(a, event.date) for a in doers))
    return [d for d in drafts if not (d.event == "ASSAULT" and d.trigger.pos_ == "NOUN" and claim in d.trigger.ancestors)]


def _quote(span, doc: Doc, mentions, memory: ArticleMemory, coder: Coder) -> Quote:
    speaker = coder.resolver.speaker_of(span.start, doc, mentions, memory, [])
    if speaker is not None:
        speaker = coder.roles.at_date(speaker, span.date or None)
    return Quote(speaker=speaker, text=span.text, start=span.start, end=span.end, date=span.date,
                 kind=span.kind, speaker_text=span.speaker_text, handle=span.handle)


def _event(article: Article, index: int, draft: Draft, ctx: SentenceContext, coder: Coder) -> Event:
    ontology: Ontology = coder.ontology
    future_hint = any(c.lower_ in ("will", "next") for c in draft.clause.children)
    when = date_of(draft, ctx.dates, article.date, future_hint)
    quote = ctx.memory.quotes.at(draft.trigger.idx)
    if when is None and quote is not None and quote.date is not None:
        when = (quote.date, "day")  # an event in a post happened by the post's date
    modality = modality_of(draft, article.date, when)
    if modality == "future" and not future_hint and when is not None and article.date and when[0] < article.date:
        when = date_of(draft, ctx.dates, article.date, True) or when  # "is scheduled to fly on Wednesday": the next one
    if when is None:
        event_date, precision = article.date, "article" if article.date else "unknown"
    else:
        event_date, precision = when
    modes = tuple(draft.mode)
    event_type = draft.event
    if event_type == "RETREAT" and modes == ("withdraw",) and modality == "future" and (_announced(draft) or headline_plan(draft.clause)):
        event_type, modes, modality = "CONCEDE", (), "asserted"  # PLOVER: an announced withdrawal concedes
    if event_type in ("THREATEN", *_THREAT_MODES):
        event_type, modes, modality = _conditional_threat(draft, ctx, coder, event_type, modes, modality)
    cameo = ontology.cameo_root(event_type, modes)
    sent = ctx.sent
    start, end = _strip_span(sent)
    actors = tuple(coder.roles.at_date(a, event_date) for a in draft.actor)
    recipients = tuple(coder.roles.at_date(a, event_date) for a in draft.recipient)
    key = f"{article.id}|{index}|{draft.trigger.i}|{draft.event}"
    return Event(
        id=hashlib.sha1(key.encode()).hexdigest()[:16],
        article_id=article.id,
        event=event_type,
        mode=modes,
        context=contexts_of(ctx.lemmas, coder.rules.contexts),
        actor=actors,
        recipient=recipients,
        date=event_date,
        date_precision=precision,
        modality=modality,
        attribution=_quote_attribution(quote, ctx, coder) or attribution_of(draft, ctx, coder.resolver),
        quad_code=ontology.types[event_type].quad,
        gdelt_quad_class=gdelt_quad_class(cameo),
        event_scale=ontology.score(event_type, modes),
        cameo_root=cameo,
        text=article.text[start:end],
        text_info=Evidence(sentence=index, start=start, end=end),
        trigger=draft.trigger.text,
        place=_place(draft, ctx) or article.dateline_place,
        event_loc=locate_event(draft, ctx, article, coder.kb, actors, recipients),
        coder=draft.coder or f"rule:{draft.rule.id}",
        confidence=draft.confidence,
    )


# What a conditional threat of each type threatens (PLOVER's THREATEN modes), by the act's own mode when it has one.
_THREAT_MODES = {"SANCTION": "restrict", "ASSAULT": "violence", "MOBILIZE": "violence", "COERCE": "restrict"}
_THREAT_MODE_OF = {"expel": "expel", "deport": "expel", "withdraw": "relations", "arrest": "arrest", "seize": "territory"}


def _conditional_threat(draft: Draft, ctx: SentenceContext, coder: Coder, event_type: str, modes: tuple,
                        modality: str) -> tuple[str, tuple, str]:
    """What an actor says it would do if someone acts is a threat made now, to that someone: "said it
    would impose sanctions if Russia invaded" is THREATEN restrict, asserted; "France would strike if
    Syria used gas again" threatens Syria (violence); "will expel more diplomats if the EU goes ahead"
    threatens expulsion. Sets the recipient the condition names; gives the type, modes and modality."""
    def resolve(token):
        return coder.resolver.resolve(token, ctx.mentions, ctx.memory, ctx.places)

    def own_voice(subject) -> bool:  # the one who says it is the one who would act
        if subject is None:
            return True
        said_by = resolve(subject)
        if said_by is None:
            return False
        if said_by.code is None or said_by.country_from == "context":
            return said_by.sector in ("GOV", "MIL", "REB")  # "a ministry official said": an unnamed voice of a state or group
        return said_by.code in {a.code for a in draft.actor}

    threatened = None
    if event_type in _THREAT_MODES and modality in ("hypothetical", "future") and draft.actor:
        threatened = conditional_consequence(draft, own_voice)
        if threatened is not None and not _adversary(threatened, draft, resolve):
            threatened = None  # "would impose a curfew if the situation worsened", "if parliament approves": no one threatened
        if threatened is not None:
            mode = next((_THREAT_MODE_OF[m] for m in modes if m in _THREAT_MODE_OF), _THREAT_MODES[event_type])
            event_type, modes, modality = "THREATEN", (mode,), "asserted"
    elif event_type == "THREATEN" and not draft.recipient:
        threatened = conditional_consequence(draft, own_voice)
    if threatened is not None and not draft.recipient and threatened.pos_ in ("PROPN", "NOUN"):
        found = resolve(threatened)
        draft.recipient = [found] if found is not None and found not in draft.actor else []
    return event_type, modes, modality


def _adversary(token, draft: Draft, resolve) -> bool:
    """Whether the subject of a condition is another party than the one who would act: another country, or the
    state for an armed group and the other way round ("the Taliban… if Kabul…")."""
    other = resolve(token) if token.pos_ in ("PROPN", "NOUN", "PRON") else None
    if other is None or other.code is None:
        return False
    if other.code not in {a.code for a in draft.actor}:
        return True
    sides = {_side_of(a.sector) for a in draft.actor}
    return _side_of(other.sector) not in sides | {None} and None not in sides


def _side_of(sector: str | None) -> str | None:
    return "state" if sector in ("GOV", "MIL", "COP") else "armed" if sector in ("REB", "UAF", "PRM") else None


def _quote_attribution(quote, ctx: SentenceContext, coder: Coder) -> Attribution | None:
    """Inside a quote or post, the event is the speaker's claim."""
    if quote is None:
        return None
    speaker = coder.resolver.speaker_of(quote.start, ctx.sent.doc, ctx.mentions, ctx.memory, ctx.places)
    text = quote.speaker_text or (speaker.entity_text if speaker else None)
    if text is None:
        return None
    return Attribution(text=text, actor=speaker, named=True)


def _announced(draft: Draft) -> bool:
    """Whether the event is the content of an announcement ("X announced it would withdraw")."""
    tok = draft.clause
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in ("announce", "say", "declare", "confirm", "state", "decide", "promise", "pledge"):
            return True
    return False


def _strip_span(sent) -> tuple[int, int]:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return start, end


def _is_place(mention) -> bool:
    return (mention.entity.kind in ("country", "city") and mention.role in ("name", "city", "capital")) or \
        (mention.entity.kind == "place" and mention.role == "place")


def _entities_by_sentence(sentences: list[Span], ents: list[Span]) -> list[list[Span]]:
    """The entities wholly inside each sentence (what `sent.ents` gives), from one pass over both.

    `sent.ents` reads `doc.ents`, which walks the whole document, so asking it for every sentence
    costs time quadratic in the length of the report. Both lists are in document order; an entity
    that runs across a sentence boundary belongs to no sentence, as with `sent.ents`.
    """
    out: list[list[Span]] = []
    j = 0
    for sent in sentences:
        while j < len(ents) and ents[j].start < sent.start:
            j += 1
        inside = []
        while j < len(ents) and ents[j].end <= sent.end:
            inside.append(ents[j])
            j += 1
        out.append(inside)
    return out


def _sentence_places(sent, mentions) -> list[str]:
    """Countries of the places a sentence names, in order (a region or city gives its country)."""
    out = []
    for i in range(sent.start, sent.end):
        m = mentions.get(i)
        if m is None:
            continue
        tok = sent.doc[i]
        if _is_place(m) and not sponsors_something(tok) and not _acting_country(tok, m) and not _owning_country(tok, m):
            code = m.entity.country or m.entity.code
            if code and code not in out:
                out.append(code)
    return out


def _acting_country(tok, mention) -> bool:
    """A country named as the subject of the sentence's verb ("Israel reopens its embassy … after violent
    protests"): an actor, not the place whose crowds or police the sentence tells of."""
    return mention.entity.kind == "country" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX")


def _owning_country(tok, mention) -> bool:
    """A country named as the owner of a thing ("a US base in Syria", "Turkish jets over Iraq"), or a country or
    capital as the owner of the people an act is aimed at ("summoned China's ambassador", "warned Kabul's rulers"):
    not a place of the sentence, unless the thing is a place ("the Iraqi capital", "a Syrian border town", "Kabul's
    streets"). The owner of the subject is the setting: "Yemen's government and rebels in the north agreed…"."""
    if tok.head.pos_ != "NOUN" or tok.head.lemma_.lower() in _PLACE_NOUNS:
        return False
    if tok.dep_ == "poss":
        return mention.entity.kind in ("country", "city") and tok.head.dep_ in ("dobj", "pobj", "dative")
    return mention.entity.kind == "country" and tok.dep_ in ("compound", "amod")


_PLACE_NOUNS = {"capital", "city", "town", "village", "province", "region", "district", "border", "coast", "port",
                "island", "state", "county", "territory", "side", "soil", "waters", "airspace", "area", "countryside",
                "north", "south", "east", "west", "frontier", "camp", "desert", "mountain", "forest",
                "airport", "prison", "jail", "square", "street", "suburb", "suburbs", "outskirts", "neighbourhood",
                "neighborhood", "station", "stadium", "market"}  # "at a Moscow airport": a place, and in Russia


def _sentence_nationality(sent, mentions) -> list[str]:
    """The one country a sentence names only by adjective ("Greek police arrested migrants"): the
    context of its unnamed actors when it names no place and the article gives no country. Not the
    adjective of people likely to be abroad: "police arrested two British tourists" are not British police."""
    codes = {m.entity.code for i in range(sent.start, sent.end) if (m := mentions.get(i)) is not None
             and m.role == "demonym" and m.entity.kind == "country" and m.entity.code
             and not sponsors_something(tok := sent.doc[i]) and tok.head.lemma_.lower() not in _ABROAD}
    return sorted(codes) if len(codes) == 1 else []


# People a nationality adjective often names in another country than their own.
_ABROAD = {"tourist", "visitor", "traveller", "traveler", "backpacker", "pilgrim", "refugee", "migrant", "asylum",
           "expatriate", "expat", "national", "citizen", "hostage", "captive", "abductee", "sailor", "seafarer",
           "crew", "crewman", "fisherman", "student", "volunteer", "passport", "holder", "embassy", "consulate",
           "ambassador", "envoy", "diplomat"}


def _label_country(sentences: list[Span], mentions) -> str | None:
    """The one country a portal topic label names, by name or adjective ("2024 South Korean martial law crisis: …",
    or glued to the summary: "2019–2021 Iraqi protests The Council of…"): the article's country when its text names
    no place."""
    if not sentences:
        return None
    first = sentences[0]
    colon = label_colon(first)
    end = colon.i if colon is not None else first.end if glued_label(first) else None
    if end is None:
        return None
    codes = {m.entity.country or m.entity.code for t in first.doc[first.start:end] if (m := mentions.get(t.i)) is not None
             and m.entity.kind == "country" and (m.entity.country or m.entity.code)}
    return codes.pop() if len(codes) == 1 else None


def _main_country(mentions, doc: Doc) -> str | None:
    """The country an article names most often as a place, when one leads (a tie names none)."""
    places = {id(m): m for i, m in mentions.items() if not sponsors_something(doc[i])}
    return _leading(m.entity.country or m.entity.code for m in places.values()
                    if _is_place(m) and (m.entity.country or m.entity.code))


def _main_nationality(mentions, doc: Doc, sector_of: dict[str, str]) -> str | None:
    """The country an article that names no place names most often by adjective on its own people or places
    ("Armenian Prime Minister Serzh Sargsyan resigns… Pashinyan was detained by police"), when one leads; not the
    adjective of visitors, embassies, goods or seas ("British tourists", "the French embassy", "Iranian oil", "the
    Indian Ocean")."""
    named = {id(m): m for i, m in mentions.items() if m.role == "demonym" and m.entity.kind == "country"
             and m.entity.code and not sponsors_something(doc[i]) and _of_its_own(doc[i], sector_of)}
    return _leading(m.entity.code for m in named.values())


def _of_its_own(tok, sector_of: dict[str, str]) -> bool:
    """Whether a nationality adjective qualifies a party other than private people ("Tunisian President",
    "Bolivian soldiers", "Colombian rebels") or a place ("a Greek island"), by the noun it qualifies or a title
    after it."""
    if tok.head.lemma_.lower() in _ABROAD:
        return False
    heads = [tok.head] + [t for t in tok.doc[tok.i + 1: tok.head.i] if t.dep_ == "compound"]
    return any(sector_of.get(h.lemma_.lower()) not in (None, "CVL") or h.lemma_.lower() in _PLACE_NOUNS for h in heads)


def _leading(codes) -> str | None:
    """The code named most often, when one leads (a tie names none)."""
    ranked = Counter(codes).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _place(draft: Draft, ctx: SentenceContext) -> str | None:
    for holder in (draft.trigger, draft.clause):
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "at", "near"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                        return ctx.sent.doc[pobj.left_edge.i : pobj.i + 1].text
    return None


def _remember_subjects(sent, ctx: SentenceContext, coder: Coder, told: bool) -> None:
    """Persons named with a title are remembered even when they are in no event; so are an office-holder named by title
    and a plural group, subjects of a sentence that told none (an event's own actors and recipients are remembered
    already)."""
    for tok in ctx.tokens:
        if tok.ent_type_ == "PERSON" and tok.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj", "appos", "compound") and tok.head.ent_type_ != "PERSON":
            actor = coder.resolver.resolve(tok, ctx.mentions, ctx.memory, ctx.places)
            if actor is not None:
                coder.resolver.remember(actor, ctx.memory)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in coder.resolver.lex.sector_of and (tok.dep_ == "nsubj" or (
                tok.dep_ in ("nsubjpass", "dobj", "pobj", "conj") and tok.lemma_.lower() not in coder.resolver.lex.titles)):
            actor = coder.resolver.resolve(tok, ctx.mentions, ctx.memory, ctx.places)  # "the Ugandan army crossed…"
            if actor is not None and actor.code and actor.country_from == "text":
                ctx.memory.remember_noun(tok.lemma_.lower(), actor)
            if actor is not None and tok.dep_ == "nsubj" and not told:
                coder.resolver.remember_person(actor, ctx.memory)  # "Poland's defence minister toured the border. She…"
            if actor is not None and actor.code and tok.dep_ == "nsubj" and tok.tag_ == "NNS" and not told:
                ctx.memory.last_group = actor  # "Protesters gathered outside parliament. They demanded…"


def _pair_of(draft: Draft) -> tuple[ActorRef, ...]:
    """The two parties of an event, for a later "the two sides": its two actors of different countries, else its
    two recipients, else its actor and recipient."""
    for side in (draft.actor, draft.recipient, [*draft.actor[:1], *draft.recipient[:1]]):
        distinct = list({a.code: a for a in side if a.code and a.kind != "place"}.values())
        if len(distinct) >= 2:
            return tuple(distinct[:2])
    return ()


def _unique_actors(actors) -> tuple[ActorRef, ...]:
    seen = {}
    for actor in actors:
        key = (actor.code, actor.sector, actor.entity_text)
        seen.setdefault(key, actor)
    return tuple(seen.values())
