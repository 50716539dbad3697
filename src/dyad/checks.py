"""Checks: what in a report does not add up, from the knowledge base and the text.

Takes a coded article (events, quotes), its parsed doc and KB mentions, and the knowledge base;
gives `Flag`s, each with a kind, a severity, a plain message, the evidence spans and the
knowledge-base facts used:
- role_conflict: a person given a role someone else held on that date, which they never held or
  while they held another office;
- stale_title / premature_title: the title is one the person held only before / only after it;
- unverified_role (low): a title on a date past the office's `known_until`: the KB cannot tell;
- contradiction: one office given two different holders in one report (narrative, quotes, posts);
- date_anomaly: an event dated after publication without future modality, an impossible date,
  or a weekday that does not match its date;
- unverified_claim: a key event the report only hedges or attributes to unnamed sources.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from dyad.coding.quotes import QuoteIndex
from dyad.coding.resolve import Mention, Resolver
from dyad.coding.timex import resolve_date
from dyad.kb.base import KnowledgeBase, covers, precision_window
from dyad.kb.roles import RoleResolver, normalise
from dyad.records import Event, Evidence, Flag, Quote

# words that move a title away from the report's date ("former", "then-", "late", "incoming") or to
# another office ("deputy", "vice"): such a title is not checked
_NOT_NOW = re.compile(r"\b(former|ex|then|outgoing|incoming|predecessor|successor|designate|elect|late|"
                      r"previous|future|next|would-be|deputy|vice|first|last|erstwhile|one-time|onetime)\b", re.I)
# "acting", "interim", "caretaker": the title still says the person holds the office on that date, so it
# is checked; but the KB records few acting terms, so only a term of theirs at another time can refute it
_ACTING = re.compile(r"\b(acting|interim|caretaker|provisional|transitional)\b", re.I)
_KEY_EVENTS = {"ASSAULT", "MOBILIZE", "COERCE", "AID", "SANCTION", "RETREAT", "COOPERATE", "PROTEST", "THREATEN",
               "AGREE", "CONSULT"}
_MONTHS = ("january february march april may june july august september october november december").split()
_WEEKDAYS = ("monday tuesday wednesday thursday friday saturday sunday").split()
_DAY_DATE = re.compile(
    r"\b(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b")


@dataclass(frozen=True, slots=True)
class TitledMention:
    """A person named with a title: who, which office the title means, when, and where in the text."""

    person_id: str | None
    name: str
    title: str
    office_id: str
    when: date
    window: tuple[date, date]
    start: int
    end: int
    sentence: int
    source: str  # narrative | quote | post
    acting: bool = False  # "acting President X", "interim Prime Minister X"


def _held_during(kb: KnowledgeBase, person_id: str, office_id: str, window: tuple[date, date]) -> bool:
    for tenure in kb.by_person.get(person_id, ()):
        if tenure.office_id == office_id and (covers(tenure, window[0]) or covers(tenure, window[1]) or
                                              (tenure.start and window[0] <= tenure.start <= window[1])):
            return True
    return False


class Checker:
    def __init__(self, kb: KnowledgeBase, roles: RoleResolver, resolver: Resolver):
        self.kb = kb
        self.roles = roles
        self.resolver = resolver

    def check(self, doc: Doc, mentions: dict[int, Mention], events: tuple[Event, ...], quotes: tuple[Quote, ...],
              published: date | None, sentences: list, text: str) -> list[Flag]:
        """Every flag for one coded article; `text` is `doc.text`, which spaCy builds from the tokens on every call."""
        if published is None:
            return []
        sentences = _Sentences(sentences)
        titled = self.titled_mentions(doc, text, mentions, events, quotes, published, sentences)
        flags = self.role_flags(titled)
        flags += self.contradictions(titled)
        flags += self.post_authors(events, quotes, sentences)
        flags += self.post_introducers(doc, mentions, quotes, sentences)
        flags += self.date_flags(text, events, quotes, published, sentences)
        flags += self.unverified(events)
        return flags

    # --- who is called what --------------------------------------------------------------------
    def titled_mentions(self, doc, text, mentions, events, quotes, published, sentences) -> list[TitledMention]:
        out = []
        seen: set[int] = set()
        in_quotes = QuoteIndex(quotes)
        by_sentence: dict[int, list[Event]] = {}
        for event in events:
            by_sentence.setdefault(event.text_info.sentence, []).append(event)
        for i in sorted(mentions):
            m = mentions[i]
            if m.entity.kind != "person" or m.start in seen:
                continue
            seen.add(m.start)
            tok = doc[i]
            head = doc[m.end - 1]
            title_tokens, phrase, leading = self._title_segment(doc, m, head)
            title = _title_text(title_tokens)
            before = text[max(head.sent.start_char, doc[m.start].idx - 30): doc[m.start].idx]
            # "former", "then-", "late", "acting"… count only inside the noun phrase that holds the title:
            # in "Prime Minister X, a former lawyer" the "former" belongs to the apposition
            if not phrase or phrase in self.roles.lex.loose or _NOT_NOW.search(title) \
                    or (leading and _NOT_NOW.search(" ".join(before.split()[-3:]))):
                continue
            person_id = m.entity.id.split(":", 1)[1]
            office = self._office(title_tokens, mentions, phrase, person_id)
            if office is None:
                continue
            index = sentences.index(tok.idx)
            quote = in_quotes.at(tok.idx)
            when, precision = self._date(person_id, by_sentence.get(index, ()), quote, published,
                                         _frame(head.sent.text, published))
            acting = bool(_ACTING.search(title) or (leading and _ACTING.search(" ".join(before.split()[-2:]))))
            out.append(TitledMention(person_id, m.entity.name, title, office.id, when, precision_window(when, precision),
                                     doc[m.start].idx, head.idx + len(head.text), index,
                                     quote.kind if quote else "narrative", acting))
        return out

    def _title_segment(self, doc: Doc, m: Mention, head: Token) -> tuple[list[Token], str | None, bool]:
        """The one noun phrase around a name that holds a role phrase: its tokens, the phrase, and
        whether it is the run of words right before the name (where "former X" can precede it)."""
        tokens = self._title_tokens(doc, m, head)
        before = [t for t in tokens if t.i < m.start]
        segments: list[tuple[list[Token], bool]] = [(before, True)] if before else []
        rest = [t for t in tokens if t.i >= m.end]
        for t in rest:  # appositions after the name, split where the token run breaks
            if segments and not segments[-1][1] and t.i - segments[-1][0][-1].i <= 2:
                segments[-1][0].append(t)
            else:
                segments.append(([t], False))
        for segment, leading in segments:
            phrase = self.roles.lex.match(" ".join(t.text for t in segment))
            if phrase:
                return segment, phrase, leading
        return tokens, None, False

    def _title_tokens(self, doc: Doc, m: Mention, head: Token) -> list[Token]:
        """Title words around a name: "Defence Minister X", "X, Japan's foreign minister", "the EU's chief X"."""
        first = head.sent.start
        while first > 0 and not doc[first - 1].is_punct:  # the parser split a phrase ("the President of | Croatia X")
            first = doc[first - 1].sent.start
        tokens = [doc[i] for i in range(max(m.start - 6, first), m.start)]
        while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("punct",) or tokens[0].pos_ == "VERB"):
            tokens = tokens[1:]
        # keep only the run of title-like words right before the name
        run: list[Token] = []
        for t in reversed(tokens):
            if t.text == "-" and not t.whitespace_ and t.i > 0 and not doc[t.i - 1].whitespace_:
                run.insert(0, t)  # "Secretary-General"
                continue
            if t.is_punct or t.pos_ in ("VERB", "ADP", "CCONJ", "SCONJ", "PRON") and t.lower_ not in ("of", "for"):
                break
            run.insert(0, t)
        for child in list(head.children) + ([head.head] if head.dep_ == "appos" else []):
            if head.dep_ == "appos" and child.i == head.head.i and (
                    (child.dep_ == "pobj" and child.head.lower_ == "as")  # "named X as prime minister, …"
                    or sum(1 for c in child.children if c.dep_ == "appos") > 1):
                continue  # the parser's apposition is ambiguous here: no title from it
            if child.dep_ == "appos" or (head.dep_ == "appos" and child.i == head.head.i):
                # the appositive noun phrase only, not its relative clauses ("…, a post once held by…")
                run += [t for t in self.resolver.phrase(child) if not t.is_punct and t.ent_type_ != "PERSON"]
        unique = {t.i: t for t in run if not (m.start <= t.i < m.end)}
        return [unique[i] for i in sorted(unique)]

    def _office(self, title_tokens: list[Token], mentions, phrase: str, person_id: str):
        """The office a title names: the country in the title, else one the person held with that role."""
        jurisdictions = []
        for t in title_tokens:
            m = mentions.get(t.i)
            if m is not None and m.entity.kind in ("country", "igo") and m.entity.code:
                jurisdictions.append(m.entity.id.split(":", 1)[1] if m.entity.kind == "igo" else m.entity.code)
        roles = self.roles.lex.phrases.get(phrase, ())
        for jurisdiction in jurisdictions:
            # "European Commission President": the office may belong to the parent organisation (the EU)
            for place in (jurisdiction, self.kb.igo_parents.get(jurisdiction)):
                offices = [o for o in (self.roles.office(place, role) for role in roles if place) if o is not None]
                if offices:  # the office whose label holds the title's words ("President" of Iran is not its head of state)
                    words = phrase.split()[-1]
                    return next((o for o in offices if words in o.label.lower()), offices[0])
        if jurisdictions:
            return None
        held = [self.kb.offices[t.office_id] for t in self.kb.by_person.get(person_id, ())
                if t.office_id in self.kb.offices and self.kb.offices[t.office_id].role in roles]
        if held:  # the role the phrase most likely means ("President X": head of state before head of government)
            return min(held, key=lambda office: roles.index(office.role))
        person = self.kb.persons.get(person_id)
        if person is not None and person.country:  # a title in the person's own country
            for role in roles:
                office = self.roles.office(person.country, role)
                if office is not None:
                    return office
        return None

    def _date(self, person_id: str, events, quote, published, frame=None) -> tuple[date, str]:
        """The date a title holds on: a dated post's own date, that of a past event of the person in the
        same sentence (`events`), or a historical frame of the sentence ("In 2010, …")."""
        if quote is not None and quote.date is not None:  # a dated post speaks on its own date ("today" included)
            return frame or (quote.date, "day")
        for event in events:  # a past event dates the title; a title in a plan is today's title
            if event.date and event.date_precision != "article" \
                    and event.date <= published:
                if any(a.entity_id == f"person:{person_id}" for a in (*event.actor, *event.recipient)):
                    return event.date, event.date_precision
        if frame is not None:
            return frame
        return published, "day"

    # --- flags ---------------------------------------------------------------------------------
    def role_flags(self, titled: list[TitledMention]) -> list[Flag]:
        """One flag per titled mention the KB contradicts, or a note where the KB's knowledge ends.

        role_conflict: someone else held the office then, and the person never held it or held another
        office that day; stale_title: the person held it only before; premature_title: only after.
        A date past the office's `known_until` gives only a low-severity `unverified_role` note.
        """
        flags = []
        seen: set[tuple[int, int]] = set()
        for t in titled:
            if t.person_id is None or (t.start, t.end) in seen \
                    or _held_during(self.kb, t.person_id, t.office_id, t.window):
                continue
            seen.add((t.start, t.end))
            office = self.kb.offices[t.office_id]
            evidence = (Evidence(t.sentence, t.start, t.end),)
            known = office.known_until
            if known is not None and t.window[0] > known:
                flags.append(Flag(
                    kind="unverified_role", severity="low",
                    message=(f"The report calls {t.name} \"{t.title}\" on {t.when.isoformat()}; the knowledge base "
                             f"knows {office.label} only until {known.isoformat()}, so it cannot confirm this."),
                    evidence=evidence, facts=(f"{office.label}: known until {known.isoformat()} ({office.source})",)))
                continue
            holders = self.kb.holders(office.id, t.when)
            if not holders:
                continue  # the KB knows nobody in that office then: it cannot say the report is wrong
            names = ", ".join(f"{self._name(h.person_id)} (since {h.start.isoformat() if h.start else '?'})" for h in holders)
            facts = tuple(f"{self._name(h.person_id)} held {office.label} from {h.start} to {h.end or 'present'} ({h.source})"
                          for h in holders)
            terms = [r for r in self.kb.by_person.get(t.person_id, ()) if r.office_id == t.office_id]
            facts += tuple(f"{t.name} held {office.label} from {r.start} to {r.end or 'present'} ({r.source})" for r in terms)
            own = [self.kb.offices[r.office_id].label for r in self.kb.roles_of(t.person_id, t.when)
                   if r.office_id in self.kb.offices]
            before = [r for r in terms if r.end and r.end < t.window[0]]
            if t.acting and not terms:
                continue  # an acting term the KB does not record is not evidence of an error
            if terms and not own:
                kind = "stale_title" if before else "premature_title"
                when = (f"left it on {before[-1].end.isoformat()}" if before else
                        f"only took it on {terms[0].start.isoformat() if terms[0].start else '?'}")
                flags.append(Flag(
                    kind=kind, severity="medium",
                    message=(f"{t.name} is given the title \"{t.title}\" on {t.when.isoformat()} but {when}; "
                             f"{names} held {office.label} then."),
                    evidence=evidence, facts=facts))
                continue
            held_then = "; ".join(own) if own else "no office the knowledge base records"
            flags.append(Flag(
                kind="role_conflict", severity="high",
                message=(f"The report calls {t.name} \"{t.title}\" on {t.when.isoformat()}, but {names} held "
                         f"{office.label} then; {t.name} held {held_then} on that date."),
                evidence=evidence, facts=facts))
        return flags

    def contradictions(self, titled: list[TitledMention]) -> list[Flag]:
        by_office: dict[str, list[TitledMention]] = {}
        for t in titled:
            by_office.setdefault(t.office_id, []).append(t)
        flags = []
        for office_id, mentions in by_office.items():
            people = {}
            for t in mentions:
                people.setdefault(t.person_id or normalise(t.name), t)
            if len(people) < 2:
                continue
            windows = [t.window for t in people.values()]
            if max(w[0] for w in windows) > min(w[1] for w in windows) + timedelta(days=31):
                continue  # different times: a succession, not a contradiction
            office = self.kb.offices[office_id]
            parts = [f"{t.name} ({'in a quoted post' if t.source == 'post' else 'in a quote' if t.source == 'quote' else 'in the narrative'})"
                     for t in people.values()]
            true = {h.person_id for h in self.kb.holders(office_id, mentions[0].when)}
            truth = sorted(self._name(p) for p in true)  # a set's order changes from run to run
            flags.append(Flag(
                kind="contradiction", severity="high",
                message=(f"The report names {len(people)} holders of {office.label}: " + " and ".join(parts)
                         + (f"; the knowledge base has {', '.join(truth)} on {mentions[0].when.isoformat()}." if truth else ".")),
                evidence=tuple(Evidence(t.sentence, t.start, t.end) for t in people.values()),
                facts=tuple(f"{office.label}: {self._name(h.person_id)} from {h.start} to {h.end or 'present'} ({h.source})"
                            for h in self.kb.holders(office_id, mentions[0].when))))
        return flags

    def post_authors(self, events, quotes, sentences) -> list[Flag]:
        """A post whose author is not the person the narrative puts at the same meeting or act.

        The post's events and the narrative's events of the same type that share a participant are
        the same occasion; when the narrative's participant and the post's author are different
        people who have held the same office, the report contradicts itself.
        """
        flags = []
        for post in (q for q in quotes if q.kind == "post" and q.speaker and q.speaker.entity_id):
            author = post.speaker.entity_id
            inside = [e for e in events if post.start <= e.text_info.start < post.end]
            outside = [e for e in events if not (post.start <= e.text_info.start < post.end)]
            for mine in inside:
                others = {_who(a) for a in (*mine.actor, *mine.recipient)} - {author}
                for theirs in outside:
                    if theirs.event != mine.event:
                        continue
                    participants = {_who(a): a for a in (*theirs.actor, *theirs.recipient)}
                    if author in participants or not (others & set(participants)):
                        continue
                    for key, actor in participants.items():
                        if key.startswith("person:") and self._shared_office(key[7:], author[7:]):
                            flags.append(Flag(
                                kind="contradiction", severity="high",
                                message=(f"The narrative has {actor.identifier_text or actor.entity_text} at this "
                                         f"{mine.event.lower()}, but the quoted post about it is by {post.speaker.identifier_text or post.speaker_text}."),
                                evidence=(theirs.text_info, Evidence(sentences.index(post.start), post.start, post.end)),
                                facts=self._office_facts(key[7:], author[7:])))
                            return flags
        return flags

    def post_introducers(self, doc: Doc, mentions, quotes, sentences) -> list[Flag]:
        """A post the narrative gives to one person ("the Pentagon chief posted:") but signed by another."""
        from dyad.coding.resolve import ArticleMemory

        flags = []
        for post in (q for q in quotes if q.kind == "post" and q.speaker and q.speaker.entity_id and q.date):
            before = sentences.last_before(post.start)
            if before is None:
                continue
            for tok in before:
                if tok.lemma_.lower() in ("post", "write", "tweet", "say", "share") and tok.pos_ == "VERB":
                    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                    if subject is None or subject.pos_ == "PRON":
                        continue
                    actor = self.resolver.resolve(subject, mentions, ArticleMemory(), [])
                    if actor is None:
                        continue
                    actor = self.roles.at_date(actor, post.date)
                    named = actor.entity_id
                    author = post.speaker.entity_id
                    if named and named.startswith("person:") and named != author and self._shared_office(named[7:], author[7:]):
                        flags.append(Flag(
                            kind="contradiction", severity="high",
                            message=(f"The narrative gives the post to {subject.text if subject.pos_ == 'PROPN' else actor.entity_text} "
                                     f"({actor.identifier_text} on {post.date.isoformat()}), but it is signed by "
                                     f"{post.speaker.identifier_text or post.speaker_text}."),
                            evidence=(Evidence(sentences.index(tok.idx), before.start_char, before.end_char),
                                      Evidence(sentences.index(post.start), post.start, post.end)),
                            facts=self._office_facts(named[7:], author[7:])))
                    break
        return flags

    def _shared_office(self, a: str, b: str) -> bool:
        offices_a = {t.office_id for t in self.kb.by_person.get(a, ())}
        return bool(offices_a & {t.office_id for t in self.kb.by_person.get(b, ())})

    def _office_facts(self, a: str, b: str) -> tuple[str, ...]:
        shared = {t.office_id for t in self.kb.by_person.get(a, ())} & {t.office_id for t in self.kb.by_person.get(b, ())}
        return tuple(f"{self._name(t.person_id)} held {self.kb.offices[t.office_id].label} from {t.start} to {t.end or 'present'}"
                     for p in (a, b) for t in self.kb.by_person.get(p, ()) if t.office_id in shared)

    def date_flags(self, text: str, events, quotes, published: date, sentences) -> list[Flag]:
        flags = []
        for event in events:
            if event.date and event.date_precision == "day" and event.date > published \
                    and event.modality not in ("future", "hypothetical", "hedged", "negated"):
                flags.append(Flag(
                    kind="date_anomaly", severity="medium",
                    message=(f"{event.event} is dated {event.date.isoformat()}, after the publication date "
                             f"{published.isoformat()}, but the report tells it as done."),
                    evidence=(event.text_info,)))
        for quote in quotes:
            if quote.kind == "post" and quote.date and quote.date > published:
                flags.append(Flag(kind="date_anomaly", severity="medium",
                                  message=f"A quoted post is dated {quote.date.isoformat()}, after the publication date {published.isoformat()}.",
                                  evidence=(Evidence(sentences.index(quote.start), quote.start, quote.end),)))
        for match in _DAY_DATE.finditer(text):
            month = _MONTHS.index(match["month"].lower()) + 1
            day = int(match["day"])
            year = int(match["year"]) if match["year"] else None
            try:
                found = date(year or published.year, month, day)
            except ValueError:
                flags.append(Flag(kind="date_anomaly", severity="high",
                                  message=f"\"{match.group(0)}\" is not a date that exists.",
                                  evidence=(Evidence(sentences.index(match.start()), match.start(), match.end()),)))
                continue
            if match["weekday"]:
                if year is None:
                    resolved = resolve_date(f"{match['month']} {day}", published)
                    found = resolved[0] if resolved else found
                if _WEEKDAYS[found.weekday()] != match["weekday"].lower():
                    flags.append(Flag(kind="date_anomaly", severity="medium",
                                      message=f"\"{match.group(0)}\": {found.isoformat()} is a {_WEEKDAYS[found.weekday()].title()}.",
                                      evidence=(Evidence(sentences.index(match.start()), match.start(), match.end()),)))
        return flags

    def unverified(self, events) -> list[Flag]:
        flags = []
        for event in events:
            unnamed = event.attribution is not None and not event.attribution.named
            if event.event not in _KEY_EVENTS or not (event.modality == "hedged" or unnamed):
                continue
            who = "; ".join(a.entity_text for a in event.actor) or "someone"
            why = f"attributed to unnamed sources (\"{event.attribution.text}\")" if unnamed else "hedged"
            if unnamed and event.modality == "hedged":
                why = f"hedged and attributed to unnamed sources (\"{event.attribution.text}\")"
            flags.append(Flag(kind="unverified_claim", severity="low",
                              message=f"The report does not assert that {who} {event.event} ({event.trigger}): it is {why}.",
                              evidence=(event.text_info,)))
        return flags

    def _name(self, person_id: str) -> str:
        person = self.kb.persons.get(person_id)
        return person.name if person else person_id


def _title_text(tokens: list[Token]) -> str:
    """The title as written: "Japan's Prime Minister", not "Japan 's Prime Minister"."""
    out = ""
    for a, b in zip(tokens, [*tokens[1:], None]):
        out += a.text_with_ws if b is not None and b.i == a.i + 1 else a.text + " "
    return " ".join(out.split())


_FRAME = re.compile(r"^\W*(?:in|by|during|back in|since)\s+(?:(?:early|late|mid-?)\s*)?"
                    r"(?:(?P<month>january|february|march|april|may|june|july|august|september|october|november|december)\s+)?"
                    r"(?P<year>(?:19|20)\d\d)\b", re.I)


def _frame(sentence: str, published: date) -> tuple[date, str] | None:
    """A sentence's historical frame ("In 2010, President X visited…"): the date its titles are checked on."""
    found = _FRAME.match(sentence)
    if found is None or int(found["year"]) > published.year:
        return None
    if found["month"]:
        return date(int(found["year"]), _MONTHS.index(found["month"].lower()) + 1, 1), "month"
    return date(int(found["year"]), 1, 1), "year"


def _who(actor) -> str:
    """A participant's identity: its KB id, else code and words."""
    return actor.entity_id if actor.entity_id and actor.entity_id.startswith("person:") else \
        f"{actor.code}:{actor.identifier_text or actor.entity_text}"


class _Sentences:
    """The article's sentences (in order, not overlapping), found by character offset in log(n)."""

    def __init__(self, sentences: list):
        self.sentences = sentences
        self._starts = [s.start_char for s in sentences]
        self._ends = [s.end_char for s in sentences]

    def index(self, char: int) -> int:
        """The index of the sentence that holds the offset, else -1."""
        i = bisect_right(self._starts, char) - 1
        return i if i >= 0 and char < self._ends[i] else -1

    def last_before(self, char: int):
        """The last sentence that ends at or before the offset, else None."""
        i = bisect_right(self._ends, char)
        return self.sentences[i - 1] if i else None
