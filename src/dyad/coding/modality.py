"""Modality, attribution, date and context of an event draft.

Takes a `Draft` (from dyad.coding.extract), its sentence and the article date; gives the modality
(asserted, hedged, future, hypothetical, negated, historical), who the report attributes the
event to, the event date with its precision, and the PLOVER contexts. The cue words are data
(`data/modality.yaml`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml
from spacy.tokens import Span, Token

from dyad.coding.parse import FINITE_TAGS
from dyad.coding.timex import is_historical, resolve_date
from dyad.records import Attribution

if TYPE_CHECKING:  # extract asks this module who speaks; the types alone come from there
    from dyad.coding.extract import Draft, SentenceContext
    from dyad.coding.resolve import Resolver

_FACT_MARKS = {"as", "while", "because", "though", "although", "whereas"}
_CHAIN_DEPS = {"xcomp", "ccomp", "conj", "advcl", "pcomp", "pobj", "prep", "acl", "dobj", "relcl", "attr", "nsubj", "nsubjpass", "oprd", "parataxis"}


@dataclass(frozen=True, slots=True)
class ModalityCues:
    hedge_aux: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_adjectives: frozenset[str]
    hedge_governors: frozenset[str]
    future_aux: frozenset[str]
    future_governors: frozenset[str]
    future_adjectives: frozenset[str]
    hypothetical_aux: frozenset[str]
    conditional_marks: frozenset[str]
    negators: frozenset[str]
    negating_governors: frozenset[str]
    speech_verbs: frozenset[str]
    pledge_verbs: frozenset[str]
    negating_phrasal: frozenset[str] = frozenset()
    duty_aux: frozenset[str] = frozenset()
    historical_adverbs: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_cues() -> ModalityCues:
    raw = yaml.safe_load(resources.files("dyad.data").joinpath("modality.yaml").read_text("utf-8"))
    return ModalityCues(**{k: frozenset(v) for k, v in raw.items() if k != "version"})


# Verbs whose "against" names what is advised or voted down, not done.
_AGAINST_GOVERNORS = {"warn", "advise", "caution", "counsel", "vote", "decide", "rule", "campaign", "lobby", "argue", "urge"}


def _clause_subject(tok: Token) -> bool:
    """Whether a noun phrase is directly followed by a finite verb, as the subject of a clause is."""
    nxt = tok.right_edge.i + 1
    return nxt < len(tok.doc) and tok.doc[nxt].tag_ in ("VBZ", "VBP", "VBD")


def _chain(tok: Token):
    """The token and the heads that govern it, up to the sentence root, with the dependency used."""
    steps = 0
    yield tok, None
    while tok.head.i != tok.i and steps < 10:
        dep = tok.dep_
        tok = tok.head
        steps += 1
        yield tok, dep
        if dep not in _CHAIN_DEPS:
            break


def modality_of(draft: Draft, base: date | None, event_date: tuple[date, str] | None) -> str:
    """The modality of an event: negated, hypothetical, hedged, future, historical or asserted."""
    cues = load_cues()
    found: set[str] = set()
    trigger = draft.trigger
    for child in trigger.children:  # the event noun's own words: "alleged", "planned", "no"
        low = child.lower_
        if child.dep_ in ("amod", "compound", "advmod") and low in cues.hedge_adjectives:
            found.add("hedged")
        if child.dep_ in ("amod", "compound") and low in cues.future_adjectives:
            found.add("future")
        if child.dep_ in ("det", "neg") and low in cues.negators and not (child.dep_ == "neg" and draft.rule.when_negated):
            found.add("negated")
    start = draft.clause
    if headline_plan(start):
        found.add("future")  # "Biden to pull all U.S. troops out of Afghanistan": a headline's plan
    own_clause = True
    reached_speech = False
    # "France announced it would pull out": a "would" in what someone says or pledges is their future
    speech_ahead = _speech_governs(start, cues) and not _conditional_sentence(start, cues)
    below = start
    for tok, via in _chain(start):
        if via == "advcl" and any(c.dep_ == "mark" and c.lower_ in _FACT_MARKS for c in below.children):
            break  # "seeking to deepen ties as Washington's threats strain relations": the threats are told as fact
        if via == "pobj" and tok.lower_ in _FACT_MARKS and _clause_subject(below):
            break  # the same when the parser takes "as" for a preposition and its clause's subject for its object
        below = tok
        lemma = tok.lemma_.lower()
        if tok.i != trigger.i and via != "conj" and any(f"{lemma} {c.lower_}" in cues.negating_phrasal
                                                        for c in tok.children if c.dep_ == "prt"):
            found.add("negated")  # "called off the airstrikes", "ruled out talks"
        if via is not None:
            if via in ("xcomp", "ccomp", "pcomp", "pobj", "prep") and lemma in cues.negating_governors:
                found.add("negated")
            if via in ("pcomp", "pobj") and tok.lower_ == "against" and tok.head.lemma_.lower() in _AGAINST_GOVERNORS:
                found.add("negated")  # "warned its citizens against travelling to Mali", "voted against the sanctions"
            if via == "xcomp" and lemma in ("have", "be") and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in tok.children):
                found.add("negated")  # "has yet to be charged", "are yet to sign": not (yet) done
            if via in ("xcomp", "ccomp", "pcomp", "advcl", "pobj", "prep", "nsubj") and lemma in cues.hedge_governors:
                found.add("hedged")
            if via in ("xcomp", "ccomp", "pobj", "prep", "acl") and lemma in cues.future_governors:
                found.add("future")
            if _says(tok, cues):
                reached_speech = True
            if via == "conj":
                own_clause = True
            elif via in ("xcomp",):
                own_clause = True
            else:
                own_clause = False
        for child in tok.children:
            low = child.lower_
            if child.dep_ in ("aux", "auxpass") and (draft.rule.threat_if_future or draft.rule.when_negated) and via in (None, "xcomp") \
                    and (draft.rule.threat_if_future or not _has_condition(tok, cues)):
                continue  # "Tehran would respond" (if attacked): the future is the threat itself, which is made now
            if child.dep_ in ("aux", "auxpass"):
                if low in cues.hypothetical_aux and (via is None or own_clause):
                    found.add("future" if (reached_speech or speech_ahead) and not _has_condition(tok, cues) else "hypothetical")
                elif low in cues.future_aux and (via is None or own_clause):
                    found.add("future")
                elif low in cues.duty_aux and (via is None or own_clause):
                    guess = any(c.dep_ == "aux" and c.lower_ == "have" for c in tok.children)
                    found.add("hedged" if guess else "hypothetical")
                elif low in cues.hedge_aux and (via is None or own_clause):
                    found.add("hypothetical" if _has_condition(tok, cues) else "hedged")
                elif low == "be" or child.lemma_ == "be":
                    nxt = tok.doc[child.i + 1] if child.i + 1 < len(tok.doc) else None
                    if nxt is not None and nxt.lower_ == "to" and via is None:
                        found.add("future")
            elif child.dep_ == "neg" and (via is None or (via == "xcomp" and draft.rule.type != "REQUEST")):
                if not (via is None and draft.rule.when_negated):  # "will not attend" is the refusal itself
                    found.add("negated")
            elif child.dep_ == "advmod" and low in cues.hedge_adverbs and (via is None or own_clause or via in ("ccomp", "nsubj", "nsubjpass")):
                found.add("hedged")  # "an air raid reportedly killed 20": the event noun is the subject of what is reported
            elif child.dep_ == "advmod" and low in cues.historical_adverbs and (via is None or own_clause) \
                    and not any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in tok.children):
                found.add("historical")  # "Japan had previously sent troops"; "has previously accused" still holds
            elif child.dep_ == "mark" and low in cues.conditional_marks and tok.dep_ == "advcl" and (via is None or own_clause):
                found.add("hypothetical")
        if tok.dep_ == "advcl" and _has_condition(tok, cues) and (via is None or own_clause):
            found.add("hypothetical")
        if via is not None and via not in ("xcomp", "conj", "ccomp", "advcl", "acl", "pcomp", "prep", "pobj", "dobj"):
            break
    if event_date is not None and base is not None:
        found_date, precision = event_date
        if is_historical(found_date, precision, base):
            found.add("historical")
        elif found_date > base and "future" not in found and draft.clause.tag_ not in ("VBD", "VBN"):
            found.add("future")
    if draft.rule.planned and not found & {"negated", "hypothetical", "historical"}:
        found.add("future")  # "called for a general strike": the strike is still to come
    for modality in ("negated", "hypothetical", "hedged", "future", "historical"):
        if modality in found:
            return modality
    return "asserted"


def _speech_governs(start: Token, cues: ModalityCues) -> bool:
    """Whether the clause is the content of a speech or pledge verb ("X said it would…"), through
    complement links only, as the modality walk itself goes."""
    for tok, via in _chain(start):
        if via is None:
            continue
        if via not in ("ccomp", "xcomp", "conj"):
            return False
        if _says(tok, cues):
            return True
    return False


def headline_plan(clause: Token) -> bool:
    """A headline's "X to do Y", its verb the sentence's root with a subject and "to" but no finite verb anywhere."""
    return clause.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) \
        and not any(t.tag_ in FINITE_TAGS for t in clause.sent)


def _has_condition(tok: Token, cues: ModalityCues) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in cues.conditional_marks for c in tok.children) or any(
        _condition_clause(c, cues) for c in tok.children)


def _condition_clause(clause: Token, cues: ModalityCues) -> bool:
    """An adverbial clause that states a condition: "if Russia invaded", "unless…", "Should X…"."""
    return clause.dep_ == "advcl" and (any(m.dep_ == "mark" and m.lower_ in cues.conditional_marks for m in clause.children)
                                       or _inverted_condition(clause))


def _says(tok: Token, cues: ModalityCues) -> bool:
    """A verb of speech or of pledge ("said", "vowed"), whose complement is what someone says they will do."""
    return tok.lemma_.lower() in cues.speech_verbs or tok.lemma_.lower() in cues.pledge_verbs


def _conditional_sentence(tok: Token, cues: ModalityCues) -> bool:
    """Whether the sentence states a condition anywhere ("if…", "unless…", "Should X…")."""
    first = tok.sent[0]
    if first.lower_ in ("should", "were", "had") and first.pos_ == "AUX":
        return True  # "Should the opposition call for dialogue, …" however the parser hangs it
    return any((t.dep_ == "mark" and t.lower_ in cues.conditional_marks) or (t.dep_ == "advcl" and _inverted_condition(t))
               for t in tok.sent)


def _inverted_condition(clause: Token) -> bool:
    """ "Should Pyongyang halt its tests, …", "Were Russia to invade, …", "Had they agreed, …": a condition
    told by the auxiliary before its subject."""
    first = clause.left_edge
    return first.lower_ in ("should", "were", "had") and first.head.i == clause.i and first.dep_ in ("aux", "auxpass", "ROOT", "advcl") \
        or (first.lower_ in ("should", "were", "had") and first.i < clause.i and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in clause.children))


def attribution_of(draft: Draft, ctx: SentenceContext, resolver: Resolver) -> Attribution | None:
    """Who the report says the event comes from: "according to X", "X said", "reports indicate"."""
    cues = load_cues()
    sent = ctx.sent
    for tok in ctx.tokens:
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            for to in tok.children:
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        return _attribution(pobj, ctx, resolver)
    for tok, via in _chain(draft.clause):
        if via is None:
            for child in tok.children:  # "X will do Y, a senior official said"
                if child.dep_ in ("parataxis", "ccomp", "advcl", "conj") and child.i > tok.i \
                        and child.lemma_.lower() in cues.speech_verbs and not _subject_inside(child, tok):
                    subj = _subject(child) or _trailing_speaker(child)
                    if subj is not None:
                        return _attribution(subj, ctx, resolver)
            continue
        if via in ("ccomp", "xcomp", "advcl", "conj") and (tok.lemma_.lower() in cues.speech_verbs or tok.lemma_.lower() in cues.hedge_governors):
            subj = _subject(tok)
            if subj is not None and tok.i != draft.trigger.i:
                return _attribution(subj, ctx, resolver)
    root = sent.root
    if root.i != draft.clause.i and root.lemma_.lower() in cues.speech_verbs and draft.clause.i > root.i:
        subj = _subject(root)
        if subj is not None:
            return _attribution(subj, ctx, resolver)
    return None


def _trailing_speaker(speech: Token) -> Token | None:
    """The speaker of a trailing ", a senior official said" that the parser attached elsewhere."""
    sent = speech.sent
    comma = next((t for t in reversed(list(sent[: speech.i - sent.start])) if t.text == ","), None)
    if comma is None:
        return None
    phrase = [t for t in sent[comma.i - sent.start + 1 : speech.i - sent.start] if t.pos_ in ("NOUN", "PROPN")]
    if not phrase:
        return None
    head = phrase[0]
    while head.head.i > comma.i and head.head.i < speech.i and head.head.i != head.i:
        head = head.head
    return head


def _subject_inside(speech: Token, clause: Token) -> bool:
    """Whether the speech verb's subject is the event's own actor ("X attacked Y and said…")."""
    subj = _subject(speech)
    return subj is not None and any(c.i == subj.i for c in clause.children)


def _subject(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _attribution(head: Token, ctx: SentenceContext, resolver: Resolver) -> Attribution:
    tokens = [t for t in head.subtree if t.dep_ not in ("relcl",)]
    text = ctx.sent.doc[tokens[0].i : tokens[-1].i + 1].text
    actor = resolver.resolve(head, ctx.mentions, ctx.memory, [])
    named = head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or (
        actor is not None and (actor.kind in ("person", "country", "igo", "group", "metonym") or actor.role is not None))
    return Attribution(text=text, actor=actor, named=bool(named))


def date_of(draft: Draft, dates: list[Span], base: date | None, future_hint: bool) -> tuple[date, str] | None:
    """The date expression (of the sentence's DATE entities) that belongs to the event's clause."""
    if base is None:
        return None
    anchors = {draft.trigger.i, draft.clause.i}
    dates = [e for e in dates if not _bound_only(e)]
    if not dates:
        return None
    elsewhere = False
    for ent in dates:
        tok = ent.root
        steps = 0
        if draft.rule.mode == "convict" and any(t.lower_ in _CRIME_PREPS and t.dep_ == "prep"
                                                for t in tok.doc[draft.trigger.i + 1:ent.start]):
            elsewhere = True  # "convicts two men of murder for the downing of MH17 … in 2014": the crime's date
            continue
        if tok.dep_ in ("compound", "amod", "nummod", "npadvmod", "advmod") and tok.head.pos_ in ("NOUN", "PROPN") \
                and tok.head.i not in anchors and not (tok.head.dep_ == "pobj" and tok.head.head.lower_ in _SPAN_PREPS):
            elsewhere = True  # "the 1979 peace treaty", "for attacks nine years ago": the date of a thing, not of the event
            continue
        while tok.head.i != tok.i and steps < 6:
            tok = tok.head
            steps += 1
            if tok.dep_ == "prep" and tok.lower_ in _REASON_PREPS and steps > 2:
                elsewhere = True  # "sentenced X over a prison break in 2011": the date of the reason, not of the verdict
                break
            if tok.i in anchors:
                found = resolve_date(ent.text, base, future_hint)
                if found:
                    return found
            if tok.pos_ in ("VERB", "AUX") and tok.i not in anchors:
                # "reopens its embassy after closing it in 2011": the date of another act in a clause under
                # the event's own verb; a date under the verb that says or reports the event still dates it
                elsewhere = elsewhere or _under(tok, draft.clause)
                break
    if len(dates) == 1 and not elsewhere:
        return resolve_date(dates[0].text, base, future_hint)
    return None


_SPAN_PREPS = ("during", "in", "amid", "throughout")  # "during the 1994 genocide": the noun is the time
_REASON_PREPS = ("over", "for", "after", "following")  # "sentenced … for a massacre in 1995": the reason's date
_CRIME_PREPS = ("over", "for", "of")  # "convicts two men of murder for the downing of MH17": what the verdict answers


def _under(tok: Token, clause: Token) -> bool:
    """Whether `tok` sits in the subtree of `clause` (a clause of the event's own sentence part)."""
    return clause.left_edge.i <= tok.i <= clause.right_edge.i and tok.i != clause.i


def _bound_only(ent: Span) -> bool:
    """A date that only bounds the event ("since the May 21 election", "by June", "until 2026")."""
    tok = ent.root
    for _ in range(3):
        if tok.dep_ == "prep" or tok.pos_ == "ADP":
            return tok.lower_ in ("since", "until", "till", "by", "before", "after", "from")
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def contexts_of(lemmas: frozenset[str], context_words: dict[str, frozenset[str]]) -> tuple[str, ...]:
    """The PLOVER contexts whose words the sentence uses."""
    return tuple(name for name, words in context_words.items() if lemmas & words)


def conditional_consequence(draft: Draft, speaker=None) -> Token | None:
    """The subject of the condition when the event is what someone says they would do if it is met
    ("Washington would impose sanctions if Russia invaded": Russia), else None."""
    cues = load_cues()
    clause = draft.clause
    if clause.dep_ == "advcl" or not any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll", "'d") for c in clause.children):
        return None
    if not (_speech_governs(clause, cues) or any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in clause.children)):
        return None
    if speaker is not None and not speaker(_speaker(clause, cues)):
        return None  # "analysts say Japan would suspend its loans if…": a forecast, not Japan's threat
    for cond in clause.children:
        if _condition_clause(cond, cues):
            return next((c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")), cond)
    return None


def _speaker(clause: Token, cues: ModalityCues, also: frozenset[str] = frozenset()) -> Token | None:
    """The subject of the speech or pledge verb (or of one of `also`) that governs the clause, if any."""
    for tok, via in _chain(clause):
        if via is not None and (_says(tok, cues) or tok.lemma_.lower() in also):
            return next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return None


_WARNING_VERBS = frozenset({"warn", "caution"})


def threat_speaker(clause: Token) -> Token | None:
    """Who says or warns what the clause says another will suffer ("Iran warned that Israel would regret it": Iran)."""
    return _speaker(clause, load_cues(), _WARNING_VERBS)
