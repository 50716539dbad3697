"""Event extraction: a parsed sentence → PLOVER event drafts with their actors and evidence.

Takes a spaCy sentence, the rules (`data/rules.yaml`), the document's knowledge-base mentions and
the article memory; gives `Draft`s: the trigger, the type and mode, the actor and recipient heads
resolved to `ActorRef`s. Modality, attribution and dates are added by `dyad.coding.modality`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import islice

from spacy.tokens import Span, Token

from dyad.coding.modality import threat_speaker
from dyad.coding.parse import FINITE_TAGS, glued_label_end
from dyad.coding.resolve import (
    REPRESENTING,
    ArticleMemory,
    Mention,
    Resolver,
    _verbal_modifier,
    cause_prefixed,
    leader_of,
    unknown_organisation,
)
from dyad.coding.rules import Rule, Rules, WordSpec
from dyad.kb.roles import RoleResolver
from dyad.records import ActorRef

# Paths from a complement up to the verb that governs it ("urged X to withdraw").
# Acts a participle clause adds to what its subject did ("walked out, calling the vote a sham",
# "urged calm, accusing the army of…"): they are not the complement of the main verb.
_PARTICIPLE_ACTS = {"ACCUSE", "THREATEN", "REJECT"}
_COMPLEMENT_DEPS = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl", "advcl", "oprd", "attr", "relcl"}
_JOINT = {"joint", "jointly", "together", "combined", "bilateral", "trilateral", "multilateral"}
_SUBJECT_DEPS = ("nsubj", "csubj")
_COLLECTIVES = {"state", "package", "round", "set", "wave", "series", "batch", "raft", "slew", "number", "string"}
_ACCLAIM = {"welcome", "praise", "hail", "applaud", "laud", "commend", "salute", "acclaim"}
_ACTOR_REQUIRED = {"CONSULT", "AGREE", "SUPPORT", "REQUEST", "COOPERATE", "CONCEDE", "REJECT", "ACCUSE", "THREATEN"}
_STATE_FORCE = {"COP", "MIL", "SPY", "JUD"}
# Verbs of a vehicle's accident: what they kill ("crashed after take-off, killing 241") no one attacked (team).
_CRASH_VERBS = {"crash", "collide", "derail", "capsize", "sink", "overturn", "plunge", "veer"}
_CASUALTY_VERBS = {"kill", "injure", "wound", "hurt", "die"}
_BREAKDOWN_VERBS = {"break", "collapse", "disintegrate"}  # not "explode": what explodes in news is mostly a bomb
_STATE_ACTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}  # the state and its arms
_ARMED_SECTORS = {"GOV", "MIL", "COP", "REB", "UAF", "CRM", "SPY", "PRM", "IMG"}
_FORCES = _ARMED_SECTORS - {"GOV", "IMG"}  # those who carry the arms
_OBJECT_PRONOUNS = {"him", "her", "them"}
# Participles whose by-agent is the doer of the event noun they describe ("a strike called by the union").
_DOER_VERBS = {"call", "organise", "organize", "stage", "launch", "carry", "lead", "conduct", "impose", "order",
               "plant", "mount", "declare", "announce", "hold", "start", "begin", "initiate", "issue", "unleash", "claim"}
# Events whose recipient may be a place or site rather than an actor, and the sites they strike.
_TARGETED = {"ASSAULT", "COERCE"}
_TARGET_PLACES = {"town", "village", "city", "area", "district", "neighbourhood", "neighborhood", "site", "camp",
                  "base", "position", "port", "building", "station", "headquarters", "hideout", "stronghold",
                  "outpost", "checkpoint", "facility", "market", "temple", "territory", "part", "plant",
                  "airport", "barracks", "garrison", "depot", "bunker", "installation", "compound", "refinery",
                  "airfield", "harbour", "harbor", "province", "region", "settlement", "enclave",
                  # twelfth round: buildings a bomb goes off at ("outside a courthouse in Bogota")
                  "courthouse", "embassy", "consulate", "hotel", "restaurant", "cafe", "nightclub", "school",
                  "hospital", "church", "office", "home", "house", "residence", "shop", "mall"}
# A vehicle an attack can target, where the place is the only clue to whose it is ("a bomb tore through a
# military convoy in Somalia", "gunmen fired on a bus in Kenya"); a seized tanker is no country's for that.
_TARGET_VEHICLES = {"convoy", "patrol", "bus", "minibus", "vehicle", "car", "truck", "lorry", "jeep", "train"}
_DEVICE_KINDS = {"explosive", "incendiary", "improvised", "detonate", "bomb"}
_FIRING = {"fire", "launch", "lob", "hurl"}
_AMOUNTS = {"euro", "dollar", "pound", "yen", "yuan", "won", "rupee", "franc", "ruble", "rouble", "lira", "peso", "rand",
            "naira", "shilling", "dirham", "riyal", "million", "billion"}
_SPORT_ROLES = {"captain", "skipper", "coach", "manager", "player", "batsman", "bowler", "striker", "goalkeeper",
                "midfielder", "defender", "winger", "forward", "keeper", "quarterback", "pitcher"}
_PASSENGER_VEHICLES = {"bus", "minibus", "train"}
_MILITARY_SITES = {"base", "barracks", "garrison", "outpost", "airfield", "bunker", "depot", "installation"}
# Verbs whose agent, left out of a passive, can only be a court or prosecutor ("was charged with").
_COURT_VERBS = {"charge", "indict", "prosecute"}
_CROWD_NOUNS = {"protest", "demonstration", "rally", "march", "riot", "rioting", "unrest", "sit-in", "vigil", "picket", "uprising",
                "strike", "walkout", "stoppage"}  # the strike nouns only with their own words ("general strike")
# Words that govern a protest noun without reporting one: "banned demonstrations", "allowed the march".
_PERMITS = {"ban", "prohibit", "outlaw", "forbid", "allow", "permit", "authorise", "authorize", "approve", "cancel",
            "bar", "barred", "banned", "restrict", "postpone", "incite", "inciting", "organise", "organize", "plan", "planned"}
# What a force owns or is: "a police car was attacked", "an army patrol was fired upon".
_FORCE_ASSETS = {"car", "vehicle", "van", "truck", "convoy", "patrol", "post", "station", "checkpoint", "base", "barracks",
                 "outpost", "position", "headquarters", "building", "jeep", "helicopter", "boat", "unit", "camp"}
_FLEE = {"flee", "escape", "fled", "displace", "uproot"}
_RELIEF = {"rescue", "search", "evacuate", "distribute", "clear", "rebuild", "vaccinate", "treat", "feed", "deliver", "dig",
           "drop", "supply", "airlift"}
_FIGHT = {"fight", "combat", "defeat", "battle", "counter", "repel", "crush", "secure", "restore", "protect", "guard", "quell"}
_TIME_PREPS = {"after", "before", "during", "amid", "following", "over", "since", "despite"}
_TIME_MARKS = {"after", "since", "when", "as", "while", "once"}
# Words of force used on a crowd: a sports report's police act with them is no game move (team).
_CROWD_CONTROL = frozenset({"gas", "teargas", "tear-gas", "cannon", "baton", "pepper", "truncheon", "fan", "supporter",
                            "spectator", "crowd", "hooligan", "ultras"})
_ISSUING = {"issue", "adopt", "pass", "release", "publish", "sign", "send", "write", "post", "table", "approve", "submit",
            "put", "draft", "unveil", "deliver", "say", "announce", "state", "add", "declare", "tell", "make", "file",
            "hand", "present", "broadcast", "air", "circulate"}
# Texts that speak for whoever issues them ("adopted a resolution demanding", "issued a statement condemning") (team).
_DOCUMENTS = {"statement", "resolution", "letter", "declaration", "communique", "communiqué", "report", "decree", "ruling",
              "motion", "petition", "message", "post", "note", "video", "recording", "order", "verdict"}
_MUTUAL_NOUNS = {"clash", "fighting", "scuffle", "skirmish", "firefight", "gunbattle", "shootout", "battle", "hostility", "hostilities"}
_QUANTITIES = {"thousands", "hundreds", "dozens", "scores", "millions", "tens", "group", "number", "some", "all", "several"}


@dataclass(slots=True)
class Draft:
    """An event found in a sentence, before modality, dates and ids are added."""

    trigger: Token
    rule: Rule
    light: Token | None
    actor: list[ActorRef] = field(default_factory=list)
    recipient: list[ActorRef] = field(default_factory=list)
    mode: list[str] = field(default_factory=list)
    absorbed_by: Draft | None = None
    coder: str | None = None  # who proposed it when not `rule` itself: "model:<name>@<version>"
    confidence: float | None = None  # the proposer's score; None for rules

    @property
    def clause(self) -> Token:
        """The verb that carries tense and modality for the event."""
        return self.light if self.light is not None else self.trigger

    @property
    def event(self) -> str:
        return self.rule.type


@dataclass(slots=True)
class SentenceContext:
    sent: Span
    mentions: dict[int, Mention]
    memory: ArticleMemory
    places: list[str]  # countries of places the sentence names, in order
    dates: list[Span] = field(default_factory=list)  # DATE entities of the sentence
    lemmas: frozenset[str] = field(init=False)  # lower-cased lemmas of the sentence, for the sentence-wide tests
    lemma_pairs: frozenset[str] = field(init=False)  # its two-lemma phrases ("grand slam", "free kick")
    accident: bool | None = field(default=None, init=False)  # Extractor._accident, worked out once per sentence
    sport_named: bool | None = field(default=None, init=False)  # Extractor._team_act's noun test, likewise
    verbless: bool = field(init=False)  # no finite verb: a headline ("Riots in Dakar", "Kremlin critic jailed in Moscow")
    # the sentence's tokens, made once: every pass over `sent` itself builds a new Token object per word
    tokens: tuple[Token, ...] = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = tuple(self.sent)
        words = [t.lemma_.lower() for t in self.tokens]
        self.lemmas = frozenset(words)
        self.lemma_pairs = frozenset(f"{a} {b}" for a, b in zip(words, words[1:]))
        self.verbless = not any(t.tag_ in FINITE_TAGS for t in self.tokens)


class Extractor:
    def __init__(self, rules: Rules, resolver: Resolver, roles: RoleResolver | None = None):
        self.rules = rules
        self.resolver = resolver
        self.roles = roles
        cues = rules.mode_cues.get("ASSAULT", {})
        self._weapon_words = frozenset().union(*(cues.get(m, frozenset()) for m in ("heavy-weapons", "explosives", "drone", "aerial")))
        # words that give a death toll a killer: it is then no disaster's toll
        self._killer_words = self._weapon_words | _ATTACK_SUBJECTS | rules.sets.get("armed_agents", frozenset())
        # things fired, dropped or planted that tell nothing of who sent them (_stray_weapon)
        self._projectiles = rules.sets.get("projectiles", frozenset())
        # the light verbs a noun rule takes: the shared ones and its own ("put tariffs on"), built once
        self._lights = {r.needs_light: rules.light_verbs | r.needs_light
                        for found in rules.nouns.values() for r in found if r.needs_light}

    # --- public --------------------------------------------------------------------------------
    def extract(self, ctx: SentenceContext) -> list[Draft]:
        """Every event the sentence expresses, complements absorbed into the verb that governs them."""
        drafts: list[Draft] = []
        for tok in ctx.tokens:
            predicate = tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or (tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd")) \
                or _headline_verb(tok)
            draft = self._verb_draft(tok, ctx) if predicate else None
            if draft is None and ((tok.pos_ in ("NOUN", "PROPN") and tok.tag_ != "NNP") or _adjective_as_noun(tok)
                                  or _gerund_as_noun(tok)):
                draft = self._noun_draft(tok, ctx)
            if draft is not None:
                drafts.append(draft)
        if glued_label(ctx.sent):
            return []  # "2023 Turkey–Syria earthquakes", parsed apart from the summary glued to it
        colon = label_colon(ctx.sent)
        label_end = _topic_label_end(ctx.sent, colon)
        drafts = [d for d in drafts if d.trigger.i >= label_end]  # "Russian invasion of Ukraine: Germany delivers…"
        if colon is not None:  # "Press freedom in Egypt: Amnesty criticises…": the label's "Press" is no demand of Amnesty's
            drafts = [d for d in drafts if d.trigger.i > colon.i or d.trigger.pos_ not in ("VERB", "AUX")
                      or any(a.start is not None and a.start < colon.idx for a in d.actor)]
        drafts = _drop_riot_casualties(drafts)
        drafts = _drop_tried_crimes(drafts)
        drafts = [d for d in drafts if not self._no_politics(d, ctx)]
        drafts = _drop_purposes(drafts)
        drafts = _drop_document_repeats(drafts)
        drafts = _drop_sanction_verbs(drafts)
        drafts = [d for d in drafts if not _rehearsed(d.trigger)]
        drafts = self._protester_acts(drafts, ctx)
        drafts = self._done_in_protest(drafts, ctx)
        drafts = _drop_protest_complements(drafts)
        drafts = self._ongoing_fighting(drafts, ctx)
        drafts = self._drop_light_duplicates(drafts)
        drafts = _merge_conjoined(drafts)
        drafts = _drop_passive_pairs(drafts)
        drafts = _merge_linked_assaults(drafts)
        drafts = _drop_appositive_restatements(drafts)
        drafts = self._demanded_resignations(drafts, ctx)
        drafts = [_left_organisation(d) for d in drafts]
        drafts = self._obligations(drafts, ctx)
        self._absorb(drafts)
        kept = [d for d in drafts if d.absorbed_by is None and not _said_by_refused_document(d.trigger)]
        for draft in drafts:
            if draft.absorbed_by is not None and not draft.absorbed_by.mode:
                self._mode_from_complement(draft.absorbed_by, ctx)
        for draft in kept:
            if draft.rule.absorbs and not draft.recipient and draft.event in ("AGREE", "THREATEN", "REJECT", "REQUEST"):
                draft.recipient = self._complement_recipients(draft, ctx)
            if draft.event == "REQUEST" and self._lemma(draft.trigger) in ("demand", "insist"):
                # "demanding that President Yanukovych sign the agreement": Yanukovych is asked, not the EU
                asked = self._resolve_all([s for c in draft.trigger.children if c.dep_ == "ccomp"
                                           for s in c.children if s.dep_ in ("nsubj", "nsubjpass")], ctx)
                asked = [a for a in asked if (a.code, a.sector) not in _sides(draft.actor)]
                draft.recipient = asked or draft.recipient
            if draft.event == "SUPPORT" and not draft.recipient:  # "welcomed her release", "praised the release of X"
                draft.recipient = [r for r in self._resolve_all(_event_noun_parties(draft.trigger, ctx), ctx)
                                   if (r.code, r.sector) not in _sides(draft.actor)]
            if draft.event == "THREATEN":  # "vowed to avenge it": no one threatens himself
                draft.recipient = [r for r in draft.recipient if (r.code, r.sector) not in _sides(draft.actor)]
            if draft.rule.absorbs and not draft.recipient and (draft.mode == ["allege"] or draft.event == "THREATEN"):
                draft.recipient = self._complement_doers(draft.trigger, draft.actor, ctx)
            if not draft.mode:
                self._mode(draft)
            if draft.event == "CONSULT" and not draft.mode and len({a.code for a in draft.actor if a.code}) >= 3:
                draft.mode = ["multilateral"]  # PLOVER: a meeting of three or more parties
            if draft.rule.absorbs and not draft.mode:
                self._mode_from_complement(draft, ctx)
            if draft.event == "COERCE" and set(draft.mode) & {"curfew", "martial-law"} and not draft.recipient and ctx.places:
                draft.recipient = [_place_laid_on(ctx)]  # a curfew is laid on a place: its country, no sector (WCEP convention)
        self._rejected_demands(kept, ctx)
        _protest_targets_from_demands(kept)
        kept = [split for draft in kept for split in _reciprocal(draft) if not _private_exchange(split)]
        return kept + self._ultimatums(kept) + self._swaps(kept, ctx)

    def _ultimatums(self, drafts: list[Draft]) -> list[Draft]:
        """A demand with a penalty is also a threat: "called on the junta to hand over power within 15 days or face
        suspension" is a REQUEST and a THREATEN of what it faces (team)."""
        out = []
        for draft in drafts:
            if draft.event != "REQUEST" or not draft.actor:
                continue
            penalty = next((t for t in draft.trigger.subtree if t.lemma_.lower() == "face" and t.pos_ == "VERB"
                            and t.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "or" for c in t.head.children)), None)
            if penalty is None:
                continue
            threat = Draft(trigger=draft.trigger, rule=_ULTIMATUM, light=draft.light, actor=list(draft.actor),
                           recipient=list(draft.recipient))
            probe = Draft(trigger=penalty, rule=_ULTIMATUM, light=None)
            self._mode(probe)
            threat.mode = probe.mode
            out.append(threat)
        return out

    def _swaps(self, drafts: list[Draft], ctx: SentenceContext) -> list[Draft]:
        """A release "in exchange for" someone is a swap: the released one's state frees the other ("Russia frees
        Brittney Griner in exchange for Viktor Bout": a RETREAT release by the United States too; team)."""
        out = []
        for draft in drafts:
            if draft.mode != ["release"] or not draft.recipient or not draft.actor:
                continue
            traded = [p for t in draft.trigger.subtree if t.lower_ in ("exchange", "return", "swap") and t.head.lower_ == "in"
                      for c in t.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children if p.dep_ == "pobj"]
            freed = [a for a in self._resolve_all(traded, ctx) if a.code and a.country_from != "context"]
            home = next((r.code for r in draft.recipient if r.code and r.code not in {a.code for a in draft.actor}), None)
            if home is None or not freed or any(a.code == home for a in freed):
                continue
            other = ActorRef(code=home, sector="GOV", entity_text="", country_from="context")  # no words name it
            out.append(Draft(trigger=draft.trigger, rule=draft.rule, light=draft.light, actor=[other], recipient=freed,
                             mode=list(draft.mode)))
        return out

    def _rejected_demands(self, drafts: list[Draft], ctx: SentenceContext) -> None:
        """A refusal of a demand is aimed at whoever made it: "refused Moscow's demand to pay in roubles", "rejected a
        call by Egypt and Sudan", "dismissed opposition demands for a rerun". The demand itself stays the refusal's,
        as the gold codes it (no REQUEST of its own)."""
        for draft in drafts:
            if draft.event != "REJECT" or not draft.actor or draft.recipient:
                continue
            demands = [c for c in draft.trigger.children if c.dep_ in ("dobj", "nsubjpass") and self._lemma(c) in _DEMAND_NOUNS]
            demands += [g for c in draft.trigger.children if c.dep_ == "dobj" and c.lemma_.lower() in _COLLECTIVES | {"list"}
                        for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children if g.dep_ == "pobj" and self._lemma(g) in _DEMAND_NOUNS]
            if not demands:
                continue
            sides = _sides(draft.actor)
            demanders = [a for a in self._resolve_all(_demand_owners(demands[0]), ctx)
                         if (a.code or a.sector) and (a.code, a.sector) not in sides]
            home = next((a.code for a in draft.actor if a.code), None)  # "opposition demands" rejected by Maduro are Venezuelan
            draft.recipient = [a if a.code or home is None else replace(a, code=home, country_from="context") for a in demanders]

    def _obligations(self, drafts: list[Draft], ctx: SentenceContext) -> list[Draft]:
        """What a speaker says another party must or should do is the speaker's demand, not the act: "Russia must
        withdraw its troops, the French minister said", "'Ottawa must drop its tariffs,' a US official said" are
        REQUESTs of the speaker, aimed at the party (team). Said of the speaker's own side, or by no one, it stays.
        A duty no rule codes as an act is a demand too, when it is laid on a state or an armed party ("Beijing must
        stop its drills around Taiwan, Washington said")."""
        out = []
        for draft in drafts:
            demand = None
            if draft.event not in ("REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT") and draft.actor \
                    and any(a.code for a in draft.actor) and self._lays_duty(draft.trigger, ctx):
                demand = self._duty_demand(draft.trigger, draft.actor, _DUTY_MODES.get(draft.event, "change"), ctx)
            out.append(demand or draft)
        drafted = {d.trigger.i for d in drafts}
        for tok in ctx.tokens:
            if tok.i in drafted or not self._lays_duty(tok, ctx):
                continue
            addressees = [a for a in self._resolve_all(self._subjects(tok, False), ctx)
                          if a.code and (_sector_of(a) in _DUTY_BEARERS)]
            if addressees and (demand := self._duty_demand(tok, addressees, _duty_mode(tok), ctx)) is not None:
                out.append(demand)
        return out

    def _lays_duty(self, tok: Token, ctx: SentenceContext) -> bool:
        """Whether the verb says what its subject must or should do, not as a guess ("must have struck"), a forecast
        ("should receive the jets by the summer"), a term ("under the deal, Israel must release 30") or in sport."""
        if tok.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in _DUTY_AUX and not _inverted(c) for c in tok.children):
            return False
        guess = any(c.dep_ == "aux" and c.lower_ == "have" for c in tok.children)
        expected = any(d.start <= tok.i < d.end or tok.i <= d.start < tok.right_edge.i + 1 for d in ctx.dates) \
            or any(c.dep_ == "prep" and c.lower_ == "under" for c in tok.children)
        return not (_is_passive(tok) or guess or expected or self._sport(ctx))

    def _duty_demand(self, tok: Token, addressees: list[ActorRef], mode: str, ctx: SentenceContext) -> Draft | None:
        """The speaker's REQUEST that `addressees` do what `tok` says they must or should do (`_lays_duty`), or None
        when no one else says it."""
        speaker = threat_speaker(tok)
        said_by = self._resolve_all([speaker], ctx) if speaker is not None else []
        quote = ctx.memory.quotes.at(tok.idx)
        if not said_by and quote is not None:
            quoted = self.resolver.speaker_of(tok.idx, tok.doc, ctx.mentions, ctx.memory, ctx.places)
            said_by = [quoted] if quoted is not None else []
            head = quote.speaker_head
            speaker = tok.doc[head] if head is not None and ctx.sent.start <= head < ctx.sent.end else None
        if not said_by or _sides(said_by) & _sides(addressees):
            return None
        # the demand is told as made: its tense and modality are the speech verb's, not the duty's "should"
        return Draft(trigger=tok, rule=_OBLIGATION, light=speaker.head if speaker is not None else None,
                     actor=list(said_by), recipient=list(addressees), mode=[mode])

    def _demanded_resignations(self, drafts: list[Draft], ctx: SentenceContext) -> list[Draft]:
        """Crowds that demand a leader's resignation ("rallied to demand the president's resignation", "protesters
        demanded that Kabila step down", "chanting for the city's officials to step down") protest against that
        leader: the PROTEST's target. The resignation demanded is no RETREAT: no one has stepped down (team)."""
        demanded = [t for t in ctx.tokens if _demanded_resignation(t)]
        if not demanded:
            return drafts
        if any(d.event == "PROTEST" for d in drafts):
            heads: list[Token] = []
            for t in demanded:
                if t.pos_ == "NOUN":
                    heads += [c for c in t.children if c.dep_ == "poss"]
                    heads += [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
                else:
                    heads += [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            targets = self._resolve_all([h for h in heads if h.lower_ not in _OBJECT_PRONOUNS], ctx)
            for d in drafts:
                if d.event == "PROTEST" and not d.recipient and targets:
                    d.recipient = [t for t in targets if t not in d.actor and t.sector != "CVL"]
                if d.event == "REQUEST" and any(d.trigger.i == a.i for t in demanded for a in t.ancestors):
                    d.recipient = d.recipient or [t for t in targets if t not in d.actor and t.sector != "CVL"]
                    d.mode = ["yield"]  # "rallied to demand the government's resignation": a demand to step down
        ids = {t.i for t in demanded}
        return [d for d in drafts if not (d.event == "RETREAT" and d.trigger.i in ids)]

    def draft_at(self, tok: Token, rule: Rule, ctx: SentenceContext) -> Draft | None:
        """A draft of `rule` at the verb `tok`, with its mode, or None when it names no actor.

        The hook for a second opinion (`dyad.coding.model`): it proposes a type for a sentence the rules
        left silent, and the rules' own subject and object logic finds who did what to whom.
        """
        draft = self._try_verb(tok, rule, ctx)
        if draft is not None and not draft.mode:
            self._mode(draft)
        return draft

    # --- verbs ---------------------------------------------------------------------------------
    def _lemma(self, tok: Token) -> str:
        """The token's lemma, corrected where the model errs ("staged" → "stag")."""
        return self.rules.lemma_fixes.get(tok.lower_) or tok.lemma_.lower()

    def _noun_lemma(self, tok: Token) -> str:
        """The lemma a noun rule is looked up by: a gerund's own form ("Shelling by…": the noun "shelling", not "shell")."""
        return tok.lower_ if _gerund_as_noun(tok) else self._lemma(tok)

    def _verb_draft(self, tok: Token, ctx: SentenceContext) -> Draft | None:
        rules = self.rules.verbs.get(self._lemma(tok))
        if not rules:
            return None
        for rule in rules:
            draft = self._try_verb(tok, rule, ctx)
            if draft is not None:
                return draft
        return None

    def _try_verb(self, tok: Token, rule: Rule, ctx: SentenceContext) -> Draft | None:
        passive = _is_passive(tok) or _passive_conj(tok)
        if tok.pos_ == "ADJ" and not rule.adjectival:
            return None  # "wounded soldiers": an adjective only carries rules written for adjectives
        if rule.adjectival and tok.pos_ != "ADJ" and not ((passive or tok.dep_ == "acomp") and tok.tag_ == "VBN"):
            return None  # "is opposed to" is parsed as a passive; "opposed the plan" is another rule
        if rule.type == "SUPPORT" and tok.dep_ == "acl" and tok.tag_ == "VBN" and self._lemma(tok) not in _ACCLAIM:
            return None  # "forces backed by the coalition" describes the forces; "a move welcomed by X" is praise
        if rule.phrase and not _has_phrase(tok, rule.phrase, self.rules.lemma_fixes):
            return None
        if rule.not_phrase and _has_phrase(tok, rule.not_phrase, self.rules.lemma_fixes):
            return None
        if rule.when_negated and not _negated(tok):
            return None  # "will no longer attend the talks" is a refusal; "attended the talks" is not
        if rule.type == "AGREE" and self._sport(ctx):
            return None  # a club "signs the deal of the century"
        if rule.threat_if_future and not _said_of_future(tok):
            return None
        if rule.type == "MOBILIZE" and tok.dep_ == "acl" and tok.lemma_.lower() in ("station", "base", "garrison", "post"):
            return None  # "troops stationed there": where they are, not a move
        if rule.type == "MOBILIZE" and any(_is_purpose(c) and _relief(c) for c in tok.children):
            return None  # "deployed soldiers to rescue villagers after the floods": relief, not force
        if rule.planned and tok.dep_ == "acl":
            return None  # "the general strike called by the unions halted trains": the strike itself is told
        objects = [] if rule.adjectival else _objects(tok, passive)
        preps = {c.lemma_.lower(): c for c in tok.children if c.dep_ in ("prep", "prt", "agent")}
        if rule.prep and not (rule.prep & set(preps)):
            return None
        if rule.not_prep and rule.not_prep & set(preps):
            return None
        # the small parser often reads the particle as an adverb ("stepped down": advmod)
        if rule.particle and not any(c.dep_ in ("prt", "advmod") and c.lower_ == rule.particle for c in tok.children):
            return None
        if rule.intransitive and objects:
            return None
        if rule.type == "ASSAULT" and any(c.lower_ == "warning" for o in objects for c in o.children):
            return None  # "fired warning shots", "a warning shot at the government": no attack
        if rule.mode == "abduct" and self._lemma(tok) == "take" and ctx.lemmas & _FICTION:
            return None  # "the novel's hero is taken captive by pirates", "players take hostages in the game"
        if rule.needs_complement and not any(c.dep_ in ("xcomp", "ccomp") or (rule.adjectival and c.dep_ == "prep" and c.lower_ in ("to", "for"))
                                             or _infinitive_after_object(c) for c in tok.children):
            return None
        if rule.needs_infinitive and not any(_to_infinitive(c) for c in (*tok.children, *_deadline_clauses(tok))):
            return None  # "told reporters the talks would resume": no one is told to do anything
        if rule.complement_also and not self._complement_has(tok, rule.complement_also):
            return None  # "said France was responsible for hosting the summit": no hostile act alleged
        if rule.complement_needs and not self._complement_has(tok, rule.complement_needs, participles=rule.type == "PROTEST",
                                                              conditions=rule.type == "THREATEN"):
            return None
        if rule.complement_not and self._complement_has(tok, rule.complement_not):
            return None  # "an official who declined to be named" refuses nothing political
        obj = objects[0] if objects else None
        if rule.mode == "phone" and obj is not None and ((obj.pos_ == "NOUN" and self._resolve(obj, ctx) is None)
                                                          or _names_as(tok, obj)):
            return None  # "calls the German decision 'extremely dangerous'", "calling the bloc a relic": names, rings no one
        if rule.object_org and not (obj is not None and obj.i in ctx.mentions and ctx.mentions[obj.i].entity.kind == "igo"):
            return None
        if rule.object and not rule.object_optional:
            if obj is None or not self._word_ok(obj, rule.object, ctx):
                obj = self._with_object(tok, rule.object, ctx)
                if obj is None:
                    return None
        elif rule.object and obj is not None and not self._word_ok(obj, rule.object, ctx):
            if rule.object_optional and obj is not None and self._resolve(obj, ctx) is None:
                return None
        if rule.object_not and any(self._word_ok(o, rule.object_not, ctx) for o in (obj, *objects[:1]) if o is not None):
            return None  # the direct object too when another word was taken ("slapped restrictions on officials")
        if rule.type == "ASSAULT" and obj is not None and self._natural(obj) and not _gunfire(obj) \
                and not (rule.object and obj.lemma_.lower() in rule.object.lemmas):
            return None  # "firefighters battled the blazes", "doctors fought the epidemic"
        if rule.object_mod and not (obj is not None and any(rule.object_mod in (c.lemma_.lower(), c.lower_) for c in obj.children)):
            return None
        if rule.object_named and not passive and obj is not None and obj.pos_ not in ("PRON", "PROPN"):
            return None  # "recognised him", "recognised Guaido"; "recognised the nurses" honours them
        if (rule.mode == "investigate" or rule.type == "THREATEN") and self._about_accident(tok):
            return None  # "investigated the crash", "issued a warning of floods"
        draft = Draft(trigger=tok, rule=rule, light=None)
        subjects = self._adjective_subjects(tok) if rule.adjectival else self._subjects(tok, passive)
        if any(self._natural(t) for t in subjects) or (passive and any(self._natural(o) for o in objects)):
            return None  # "a bear attacked a car", "rare snow leopard captured on camera"
        if rule.type == "COOPERATE" and self._sport(ctx):
            return None  # "the striker joined Real Madrid for pre-season training"
        if rule.type == "THREATEN" and rule.threat_if_future and self._sport(ctx):
            return None  # "stewards could use force if fans misbehave, the club said"
        if rule.subject_in and not any(t.lemma_.lower() in rule.subject_in for t in subjects):
            return None  # "a bomb went off"; a rocket on a launch pad or a fuel tank that explodes is none
        if rule.subject_weapon and not any(self._weapon(t) or t.lemma_.lower() in self._killer_words for t in subjects):
            return None  # "the runaway car ploughed into shoppers", "Nadal tore through the second set"
        # a name the KB does not know is an actor only as the one acted on ("fined Volkswagen"); a
        # verb's subject reached through a misattached clause may be a treaty ("the Convention becoming…")
        actors = [a for a in self._resolve_all([t for t in subjects if not self._stray_weapon(t, ctx)], ctx)
                  if not unknown_organisation(a)]
        if not actors:  # "a bomb planted by militants killed…": whoever placed the weapon
            actors = self._resolve_all([g for t in subjects if self._weapon(t) for c in t.children
                                        if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"
                                        for a in c.children if a.dep_ == "agent"
                                        for p in a.children if p.dep_ == "pobj" for g in self.resolver.heads(p)], ctx)
        threatened: list[ActorRef] = []
        if rule.speaker_threat:  # "Israel will pay a heavy price, Iran's minister said": Iran threatens Israel
            speaker = threat_speaker(tok)
            said_by = self._resolve_all([speaker], ctx) if speaker is not None else []
            if passive and not actors:  # "North Korea will be met with fire and fury", "any intervention would be met with force"
                actors = self._resolve_all(objects, ctx)
            hostile_act = passive and not actors and any(o.lemma_.lower() in _HOSTILE_ACTS for o in objects)
            if not said_by or not (_other_side(actors, said_by) or ((rule.when_negated or hostile_act) and not actors)):
                return None  # no one says it, or it is said of no foe ("smokers would face fines", "we will pay a price");
                # "such attacks will not go unpunished" names no one and still threatens
            actors, threatened = said_by, actors
        if not actors and rule.subject_any:  # "gunmen opened fire": an armed agent the KB cannot name
            actors = [self._unnamed_agent(t, ctx) for t in subjects if t.lemma_.lower() in rule.subject_any or t.lower_ in rule.subject_any]
        if rule.type == "PROTEST" and tok.dep_ == "pcomp" and tok.head.lower_ in _TIME_PREPS:
            subjects, actors = [], []  # "arrested 300 after rioting": the arresters did not riot
            if ctx.places and not self._sport(ctx):
                actors = [self._crowd_actor(tok, ctx)]
        if not actors and rule.type in ("PROTEST", "REQUEST") and ctx.places and any(self._crowd(t) for t in subjects) \
                and not self._sport(ctx):
            actors = [self._crowd_actor(subjects[0], ctx)]  # "thousands took to the streets of Caracas" (to demand…)
        if rule.type == "ASSAULT" and self._sport(ctx) and not (any(a.sector in _STATE_FORCE for a in actors)
                                                                and ctx.lemmas & _CROWD_CONTROL):
            return None  # a striker "attacks"; police firing tear gas at fans before a final still do
        if rule.type == "PROTEST" and self._market(tok, ctx):
            return None  # "stocks rallied": a market, not a crowd
        if self._sector_barred(rule, actors, ctx):
            return None  # "troops marched into the town" is no demonstration
        if self._team_act(rule, actors, ctx, subjects):
            return None  # "Argentina's captain resigned after the team's exit from the Copa América"
        if rule.needs_actor and not actors and not any(t.lemma_.lower() in self._weapon_words | _ATTACK_SUBJECTS and not _cyber(t)
                                                       for t in subjects) \
                and not (passive and not subjects and rule.type == "ASSAULT" and objects
                         and (o_actor := self._resolve(objects[0], ctx)) is not None and o_actor.sector is not None):
            return None  # "the crisis hit exports", "shares hit a record": no one acts; "a boy was stabbed" says whom
        if rule.type == "ASSAULT" and self._accident(ctx) and not self._armed(actors):
            return None  # "30 people were killed in an earthquake": no political event
        if rule.type == "ASSAULT" and not actors and passive and self._toll_of_accident_before(tok, ctx):
            return None  # "Typhoon Yagi slammed into Vietnam; at least 59 people were killed"
        if rule.type == "ASSAULT" and not actors and tok.dep_ == "acl" and tok.tag_ == "VBN" and self._lemma(tok) in _CASUALTY_VERBS \
                and not _headline_participle(tok, ctx):
            return None  # "most of the people killed were pilgrims": the dead of an event told before, no new one
        if rule.mode == "convict" and self._lemma(tok) == "find" and self._sport(ctx):
            return None  # "the judges found the gymnast guilty of stepping out of bounds": a sports ruling
        if rule.mode == "convict" and not actors and tok.dep_ == "acl" and tok.tag_ == "VBN" and not _dated(tok) \
                and not _headline_participle(tok, ctx):
            return None  # "pardoned 13 people convicted of…", "hanged a man convicted of spying": who they are
        if self._disaster_response(rule, actors, ctx):
            return None
        if rule.type == "ASSAULT" and tok.dep_ in ("advcl", "conj") and self._crash(tok.head, ctx) \
                and not any(c.dep_ in _SUBJECT_DEPS for c in tok.children):
            return None  # "an Air India jet crashed after take-off, killing 241": the crash kills, whoever owns the jet
        court = passive and not subjects and (rule.mode == "convict" or (rule.type == "ACCUSE" and self._lemma(tok) in _COURT_VERBS))
        if passive and not actors and not court and rule.mode in ("arrest", "release", "censor") and ctx.places:
            # "a suspect was arrested in Narathiwat", "mobile internet was shut down across Mauritania": the
            # authorities of the place, as the gold codes it
            actors = [_authorities(ctx)]
        if subjects and not actors and not passive and rule.type in _ACTOR_REQUIRED:
            return None  # "airlines flying to London", "the plan backs…": the doer is no political actor
        if passive and not actors and rule.type == "MOBILIZE" and obj is not None:
            actors = self._resolve_all([obj], ctx)  # "Turkish army tanks were moved…": the owner of what moved
        if self._sector_missing(rule, actors, ctx):
            return None
        recipients: list[ActorRef] = list(threatened)
        spec = rule.recipient
        if spec.dobj and tok.dep_ == "conj" and objects and all(o.lower_ in _OBJECT_PRONOUNS for o in objects):
            # "police arrested two men and charged them": the pronoun is the first verb's object
            objects = [c for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass")] or objects
        aimed = any(c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "toward", "towards")
                    for holder in (tok, *objects) for c in holder.children)  # "fired missiles at the base"
        # a vehicle is a target only when an attacker or a weapon is named ("a bear attacked a car" is none)
        vehicles = rule.type == "ASSAULT" and bool(actors or any(self._weapon(t) for t in subjects))
        if spec.dobj:
            for o in objects or [s for s in self._complement_subjects(tok, rule) if s.i in ctx.mentions or self._people(s, ctx)]:
                if o is obj and rule.object and not rule.object.any_actor and not (rule.type == "ASSAULT" and not self._weapon(o)) \
                        and not self._people(o, ctx):
                    continue  # "opened fire", "fired missiles": the word the rule asks for; "beat voters", "took in refugees": whom
                if rule.type == "ASSAULT" and self._weapon(o) and (aimed or (
                        self._lemma(tok) in _FIRING and o.lemma_.lower() in self._projectiles)):
                    continue  # "fired missiles at the base", "a rocket fired by rebels": what was fired, not whom
                found = self._resolve_all([o], ctx)
                found = found or self._resolve_all([c for c in o.children if c.dep_ == "poss" and c.pos_ != "PRON"], ctx)
                found = found or self._resolve_all([c for c in o.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                                                    and any(g.dep_ == "poss" for g in c.children)], ctx)  # "Estonia's government websites"
                driven = any(c.dep_ == "prep" and c.lower_ == "into" for c in tok.children)  # "rammed a car into a convoy"
                recipients += found or (self._targets([o], ctx, vehicles and not driven) if rule.type in _TARGETED else [])
        if rule.object and obj is not None and obj not in objects:  # "supplied Ethiopia with drones"
            recipients += self._resolve_all([o for o in objects if _is_actor_like(o, ctx)], ctx)
        if spec.dative:
            recipients += self._resolve_all([c for c in tok.children if c.dep_ == "dative"], ctx)
            if not recipients and obj is not None and _is_actor_like(obj, ctx):
                recipients += self._resolve_all([obj], ctx) if rule.object and obj.lemma_ not in rule.object.lemmas else []
        if spec.poss and obj is not None:  # "froze Russia's assets", "accepted a Brazilian proposal"
            owned_by = obj.lemma_.lower() in _HOLDINGS and any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children)
            # "U.S. assets of those targeted": the owners follow; "a U.S. offer of advisers": the U.S. offers
            recipients += self._resolve_all([c for c in obj.children if c.dep_ == "poss" or
                                             (c.dep_ in ("amod", "compound") and c.i in ctx.mentions and not owned_by)],
                                            ctx)
            if not recipients:  # "rejected an ultimatum from Spain and France", "a demand from the IAEA"
                recipients += self._resolve_all([p for c in obj.children if c.dep_ == "prep" and c.lower_ == "from"
                                                 for p in c.children if p.dep_ == "pobj"], ctx)
            if not recipients and obj.lemma_.lower() in _HOLDINGS:  # "froze the assets of five oligarchs", "assets held by X"
                owners = [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
                owners += [p for c in obj.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
                           for p in a.children if p.dep_ == "pobj"]
                # owners named as such; an unnamed one takes no country from "British assets", where they lie
                recipients += [a for a in self._resolve_all(owners, ctx) if a.country_from != "context"]
        if spec.poss and obj is not None and not recipients and rule.type in _TARGETED:
            recipients += self._targets([obj], ctx)  # "seized three villages in Cabo Delgado"
        aimed_at = []
        if spec.preps:
            heads = self._prep_objects(tok, spec.preps, obj, across_border=rule.type == "MOBILIZE")
            recipients += self._targets(heads, ctx, vehicles) if rule.type in _TARGETED else self._resolve_all(heads, ctx)
            aimed_at = [h for h in heads if h.pos_ in ("NOUN", "PROPN") and not self._weapon(h)]
        if court and not actors:
            # "X was sentenced to ten years", "Y is charged with fraud": only a court sentences and
            # charges, so the agent the passive leaves out is the judiciary of the place (else of
            # the accused's own country)
            country = ctx.places[0] if ctx.places else next((r.code for r in recipients if r.code), None)
            if country is not None:
                actors = [ActorRef(code=country, sector="JUD", entity_text="court", country_from="context")]
        if rule.meeting:
            partners = self._resolve_all(self._prep_objects(tok, {"with"}, obj), ctx)
            if rule.lemmas & {"meet", "negotiate"} or not rule.object:
                partners += self._resolve_all(objects, ctx)
            if rule.needs_partner and not partners and len(actors) < 2 and not (self._lemma(tok) in _GATHERINGS
                                                                                and _members_meeting(subjects, actors)):
                return None
            actors = _unique(actors + partners + recipients)
            recipients = []
        if rule.giver_from:  # "Ukraine receives tanks from Germany", "Iran takes delivery of Russia's S-300s"
            givers = [p for h in (tok, *objects) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                      for p in c.children if p.dep_ == "pobj"]
            givers = givers or [t for o in objects for t in o.subtree if t.dep_ == "poss"
                                or (t.dep_ in ("amod", "compound") and t.i in ctx.mentions
                                    and ctx.mentions[t.i].entity.sector != "BUS")]  # "delivery of Russia's S-300s"; "the
            # Pfizer vaccine" names its maker, no giver
            codes = {a.code for a in actors}
            actors, recipients = [a for a in self._resolve_all(givers, ctx) if a.code not in codes], actors
            if not actors or not recipients:
                return None
        if rule.host:  # "X hosted Y": Y is the visitor
            actors, recipients = self._resolve_all(objects, ctx), actors
            if not actors:
                return None
        if rule.needs_recipient and not recipients and rule.mode == "allege" and rule.absorbs:
            recipients = self._complement_doers(tok, actors, ctx)  # "claimed that Egyptian intelligence armed…"
        if rule.needs_recipient and not recipients and not (rule.type == "ASSAULT" and aimed_at and actors):
            return None  # "launched missiles at an airbase near Homs": a target named, whoever's it is
        if rule.type == "THREATEN" and rule.needs_recipient and actors and all(
                r.code in {a.code for a in actors} and r.sector in _PRIVATE_SECTORS for r in recipients):
            return None  # "warned of measures against pilgrims without permits": a rule for one's own people
        if rule.needs_joint and not (self._is_joint(tok, obj) or len(actors) >= 2):
            return None
        if not actors and not recipients and not (rule.subject_weapon and rule.type == "ASSAULT" and ctx.places):
            return None  # "a bomb went off as a patrol passed in Diyala": an attack told by its weapon, where it struck
        if rule.type == "CONSULT" and not recipients and len(actors) == 1 and actors[0].sector in ("LEG", "JUD"):
            return None  # "as Congress meets to certify the vote": a body's own sitting, no talks with anyone
        if rule.mode == "visit" and not recipients and _at_home(actors, ctx):
            return None  # "Premier Wen tours the devastated areas" of his own country: no host, no diplomacy
        if rule.type == "AGREE" and not recipients and len(actors) == 1 and self._lemma(tok) in _VOWS \
                and (self._accident(ctx) or self._after_disaster_here(ctx)) and _at_home(actors, ctx):
            return None  # "Macron vows to rebuild the cathedral" after the fire: a pledge to no one, a response to nature
        draft.actor, draft.recipient = _unique(actors), _unique([r for r in recipients if r not in actors])
        if rule.mode:
            draft.mode = [rule.mode]
        return draft

    @staticmethod
    def _complement_subjects(tok: Token, rule: Rule) -> list[Token]:
        """Whom a verb lets or makes do something ("allowed 84 Afghan soldiers to cross"), for rules that need the deed."""
        if not rule.needs_complement:
            return []
        # a participle's subject is done to, not asked: "ordered Toledo held in detention"
        return [s for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.tag_ != "VBN" for s in c.children
                if s.dep_ == "nsubj"]

    def _people(self, tok: Token, ctx: SentenceContext) -> bool:
        """Whether the noun names people of a country the text writes ("Syrian refugees", "84 Afghan soldiers")."""
        actor = self._resolve(tok, ctx) if tok.pos_ == "NOUN" else None
        # whose they are must be written ("Syrian"): "let 18 prisoners walk free in a gesture to Washington" are not American
        return actor is not None and actor.sector is not None and actor.country_from == "text"

    def _sector_missing(self, rule: Rule, actors: list[ActorRef], ctx: SentenceContext) -> bool:
        """The rule wants a doer of certain sectors (`subject_sector`) and none of the actors is one."""
        return bool(rule.subject_sector) and not any(_sector_of(a) in rule.subject_sector for a in self._in_office(actors, ctx))

    def _sector_barred(self, rule: Rule, actors: list[ActorRef], ctx: SentenceContext) -> bool:
        """Every actor is of a sector the rule rules out (`subject_sector_not`)."""
        return bool(rule.subject_sector_not) and bool(actors) and all(
            _sector_of(a) in rule.subject_sector_not for a in self._in_office(actors, ctx))

    def _in_office(self, actors: list[ActorRef], ctx: SentenceContext) -> list[ActorRef]:
        """The actors with the sector of the office a named person held when the article was published: a rule
        that wants a government doer takes "Maduro calls up the militia" as it takes "the president…"."""
        if self.roles is None or ctx.memory.published is None:
            return actors
        return [self.roles.at_date(a, ctx.memory.published) if a.sector is None and a.kind == "person" else a
                for a in actors]

    def _weapon(self, tok: Token) -> bool:
        """A weapon noun ("59 cruise missiles", "a barrage of rockets")."""
        if tok.lower_ in _QUANTITIES or tok.lemma_.lower() in ("barrage", "salvo", "volley", "number"):
            tok = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj"), tok)
        if tok.lemma_.lower() == "device":  # "an explosive device", "an improvised device"
            return any(c.lemma_.lower() in _DEVICE_KINDS for c in tok.children if c.dep_ in ("amod", "compound"))
        return tok.lemma_.lower() in self._weapon_words

    def _stray_weapon(self, tok: Token, ctx: SentenceContext) -> bool:
        """A projectile or bomb no one is said to own: "a rocket hit a US base in Iraq", "two bombs went off in Kano".
        It is no actor: the place it lands in is the target's, not the side that fired it ("Russian missiles",
        "a Hamas rocket", "army shells" and "a rocket fired by militants" name theirs)."""
        lemma = tok.lemma_.lower()
        if lemma not in self._projectiles and not (lemma == "device" and self._weapon(tok)):
            return False
        lex = self.resolver.lex
        return not any(c.dep_ in ("amod", "compound", "poss", "nmod") and c.lemma_.lower() not in self._projectiles
                       and (c.i in ctx.mentions or c.lemma_.lower() in lex.sector_of) for c in tok.children)

    def _natural(self, tok: Token) -> bool:
        """A subject that is a natural cause or an accident: "the cyclone", "a train derailment"."""
        words = {tok.lemma_.lower(), tok.lower_} | {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")}
        return bool(words & self.rules.non_events)

    def _accident(self, ctx: SentenceContext) -> bool:
        """Whether the sentence names a natural cause or an accident (earthquake, crash, stampede).

        "Fire" from a gun or set on purpose is no accident: "fired upon", "attacked with rifle fire", "opened
        fire", "came under fire", "set the office on fire"; nor is a building "stormed".
        """
        if ctx.accident is None:  # asked for every draft of the sentence and for the next sentence's tolls
            words = {t.lemma_.lower() for t in ctx.tokens if not (_gunfire(t) or _stormed(t) or _figurative_cause(t))}
            causes = words & self.rules.non_events
            if causes <= _BLAST_AFTERMATH and ctx.lemmas & _BOMBS:
                causes = set()  # "a truck bomb explodes…, collapsing an office block": what the bomb did
            ctx.accident = bool(causes) or any(_fuel_blast(t) for t in ctx.tokens)
        return ctx.accident

    def claims(self, ctx: SentenceContext) -> list[tuple[Token, list[ActorRef], bool]]:
        """Who claims an attack in the sentence ("ISIL claims responsibility for the attack", "Al-Shabaab claimed
        responsibility"), or the armed group blamed for it ("Officials blamed al-Shabaab"), with the verb of each and
        whether the claimant is a group's local branch ("Islamic State's regional affiliate"); not a denial ("which
        did not claim responsibility")."""
        out = []
        for tok in ctx.tokens:
            lemma = self._lemma(tok)
            if (lemma not in _CLAIM_VERBS and lemma != "blame" and lemma not in _CLAIM_SAYING) or tok.pos_ != "VERB" \
                    or _negated(tok):
                continue
            if lemma in _CLAIM_SAYING:
                if not any(_owns_told_attack(c, self._lemma(c)) for c in tok.children if c.dep_ == "ccomp"):
                    continue
                heads = self._subjects(tok, False)
                claimants = self._resolve_all(heads, ctx)
            elif lemma in _CLAIM_VERBS and any(c.dep_ == "dobj" and (c.lemma_.lower() in ("responsibility", "credit")
                                                                 or _told_attack(c) or c.lower_ == "it")
                                             for c in tok.children):  # "ISIS claimed it": the attack told
                heads = self._subjects(tok, _is_passive(tok))
                claimants = self._resolve_all(heads, ctx)
            elif lemma == "blame":
                heads = [c for c in tok.children if c.dep_ == "dobj"]
                claimants = [a for a in self._resolve_all(heads, ctx) if a.sector in _NON_STATE_ARMED]
            else:
                continue
            claimants = [a for a in claimants if a.code or a.sector]
            if claimants:
                local = any(t.lemma_.lower() in _AFFILIATES for h in heads for t in (h, h.head))  # the group's "affiliate"
                out.append((tok, claimants, local))
        return out

    def accident_places(self, ctx: SentenceContext) -> tuple[str, ...] | None:
        """The countries of a sentence that reports a disaster or an accident (remembered for the next sentence),
        or None when it reports none."""
        return tuple(ctx.places) if self._accident(ctx) else None

    @staticmethod
    def _after_disaster_here(ctx: SentenceContext) -> bool:
        """Whether the sentence before told a disaster or an accident, and this one names no other country ("An
        earthquake struck…; President Correa declares a state of emergency")."""
        before = ctx.memory.accident_before
        return before is not None and (not ctx.places or bool(set(ctx.places) & set(before)))

    def _toll_of_accident_before(self, tok: Token, ctx: SentenceContext) -> bool:
        """A death toll with no one named and no weapon, right after a sentence about a disaster or an accident and in
        no other country: the toll of that disaster, told on its own ("…; at least 59 people were killed")."""
        if self._lemma(tok) not in _CASUALTY_VERBS or not self._after_disaster_here(ctx):
            return False  # "A bus plunged into a ravine in Peru. In Mexico, two journalists were killed."
        if any(c.dep_ == "agent" for c in tok.children):
            return False
        return not any(t.lemma_.lower() in self._killer_words for t in ctx.tokens)

    def _disaster_response(self, rule: Rule, actors: list[ActorRef], ctx: SentenceContext) -> bool:
        """A warning or a closure in a sentence about a disaster or an accident ("issues emergency warnings
        as Typhoon Etau floods…", "Malaysia closes schools as haze worsens"): a response to nature, which
        threatens or coerces no one (tests/gold/wcep/README.md), unless a force or an armed group acts;
        a halt by someone other than a state is business, not a sanction."""
        if rule.type == "SANCTION" and self._accident(ctx):  # "an airline halts flights because of a computer glitch"
            return not any(a.sector in _STATE_ACTORS for a in actors)
        if not (rule.type == "THREATEN" or (rule.type == "COERCE" and rule.mode in ("restrict", "curfew"))):
            return False
        if rule.type == "THREATEN" and "threaten" in rule.lemmas and actors:
            return False  # "threatened to turn Seoul into a sea of fire": an actor threatens, nature does not
        return self._accident(ctx) and not any(a.sector in _FORCES for a in actors)

    def _crash(self, verb: Token, ctx: SentenceContext) -> bool:
        """A verb of a crash or a breakdown: "a bus plunged into a ravine, killing 25"; "broke up in mid-air" or
        "collapsed" only when what broke is no actor ("police broke up the march, killing two" is not)."""
        lemma = verb.lemma_.lower()
        if lemma in _CRASH_VERBS:
            return True
        if lemma not in _BREAKDOWN_VERBS:
            return False
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return bool(subjects) and not self._resolve_all(subjects, ctx)

    def _about_accident(self, tok: Token) -> bool:
        """Whether an investigation is into an accident or a disaster rather than into someone."""
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        objs += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("into", "of", "on", "over", "about")
                 for p in c.children if p.dep_ == "pobj"]
        # "set up a commission of inquiry into the floods", "…a panel to investigate the crash"
        objs += [t for o in tok.children if o.dep_ == "dobj" for t in o.subtree
                 if t.pos_ == "NOUN" and t.dep_ in ("pobj", "dobj") and t.i != o.i]
        objs += [o for c in tok.children if c.dep_ in ("advcl", "xcomp") and _is_purpose(c)  # the purpose may hang off the verb
                 for o in c.children if o.dep_ in ("dobj", "prep") for o in ([o] if o.dep_ == "dobj" else list(o.children))]
        return any(self._natural(o) for o in objs)

    @staticmethod
    def _armed(actors: list[ActorRef]) -> bool:
        """Whether an actor can use force: a state, its forces, or an armed or criminal group."""
        return any(a.sector in _ARMED_SECTORS for a in actors)

    def _sport(self, ctx: SentenceContext) -> bool:
        """Whether the sentence reports sport, where teams "attack", "strike" and "beat" each other."""
        return bool((ctx.lemmas | ctx.lemma_pairs) & self.rules.sports)

    def _team_act(self, rule: Rule, actors: list[ActorRef], ctx: SentenceContext, subjects: list[Token] = ()) -> bool:
        """A sports report's resignation, withdrawal, praise, concession, refusal or threat by players, coaches or
        teams: no political act. One by a state named as such ("Russia frees US basketball star…") or by the police,
        courts or forces ("police threatened to arrest fans") still is. The report must name its sport with a noun
        ("after marathon talks" and a union that "fanned anger" are no sport)."""
        if rule.type not in _SPORT_TYPES or (rule.type in ("ACCUSE", "COERCE") and not actors):
            return False  # "the federation's president was arrested": whoever arrests is no team
        if ctx.sport_named is None:
            nouns = {t.lemma_.lower() for t in ctx.tokens if t.pos_ in ("NOUN", "PROPN")} - _WEAK_SPORT_WORDS
            ctx.sport_named = bool((nouns | ctx.lemma_pairs) & self.rules.sports)
        if not ctx.sport_named:
            return False
        if subjects and all(t.lemma_.lower() in _SPORT_ROLES for t in subjects):
            return True  # "the Pakistan captain stepped down": a team's captain, whatever country he plays for
        return not any(a.kind in ("country", "igo") or a.sector in _STATE_FORCE for a in actors)

    def _market(self, tok: Token, ctx: SentenceContext) -> bool:
        """Whether a "rally" or "march" is a market's ("shares rallied", "a rally in oil prices")."""
        return self._lemma(tok) in ("rally", "march", "rebound") and bool(ctx.lemmas & self.rules.markets)

    def _crowd(self, tok: Token) -> bool:
        """A subject that names protesters or an unnamed crowd ("thousands", "demonstrators", "supporters")."""
        acts = self.rules.protester_acts
        return acts is not None and bool({tok.lemma_.lower(), tok.lower_} & (acts.crowds | acts.subjects))

    def _crowd_actor(self, tok: Token, ctx: SentenceContext) -> ActorRef:
        """Protesters the KB cannot name: the civilians of the sentence's place, as the gold codes them."""
        return ActorRef(code=ctx.places[0] if ctx.places else None, sector="CVL", entity_text=tok.text,
                        start=tok.idx, end=tok.idx + len(tok.text), country_from="context")

    def _protester_acts(self, drafts: list[Draft], ctx: SentenceContext) -> list[Draft]:
        """What protesters do is a protest: "protesters threw stones" (riot), "demonstrators marched" (demo),
        "protesters clashed with police" (riot, not a fight between armed sides).

        Added once per sentence, and only where no PROTEST is coded already; an act that codes as
        something else (an attack, a blockade) stays that, except a clash, which becomes the riot.
        """
        acts = self.rules.protester_acts
        if acts is None:
            return drafts
        has_protest = any(d.event == "PROTEST" for d in drafts)
        by_token = {d.trigger.i: d for d in drafts}
        out = list(drafts)
        for d in drafts:  # "protesters clashed with police", "clashes between protesters and police"
            if d.event == "ASSAULT" and (d.rule.meeting or self._lemma(d.trigger) in _MUTUAL_NOUNS):
                sides = self._mutual_sides(d.trigger)
                if any(t.lemma_.lower() in acts.subjects for t in sides):
                    crowd = [t for t in sides if t.lemma_.lower() in acts.subjects]
                    others = [t for t in sides if t.lemma_.lower() not in acts.subjects]
                    riot = Draft(trigger=d.trigger, rule=acts.riot_rule, light=d.light, mode=["riot"])
                    riot.actor = _unique([a for a in (self._resolve(t, ctx) for t in crowd) if a is not None]) \
                        or [self._crowd_actor(crowd[0], ctx)]
                    riot.recipient = _unique([r for r in (self._resolve(t, ctx) for t in others) if r is not None and r not in riot.actor])
                    out[out.index(d)] = riot
                    has_protest = True
        if has_protest:
            return out
        for tok in ctx.tokens:
            if tok.pos_ != "VERB" or self._lemma(tok) in acts.not_verbs:
                continue
            subjects = [t for c in tok.children if c.dep_ in _SUBJECT_DEPS for t in self.resolver.heads(c)]
            if not subjects and tok.dep_ == "conj":
                subjects = self._subjects(tok, False)
            crowd = [t for t in subjects if t.lemma_.lower() in acts.subjects] or [
                p for t in subjects if t.lemma_.lower() in acts.crowds for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in acts.subjects]  # "hundreds of protesters"
            if not crowd:
                continue
            own = by_token.get(tok.i)
            lemma = self._lemma(tok)
            if own is not None and own.event not in ("REQUEST", "ACCUSE", "REJECT"):
                continue  # "protesters stormed the building", "set fire to metro stations" are the attacks they say
            if tok.dep_ == "conj" and tok.head.i in by_token and by_token[tok.head.i].event not in ("REQUEST", "ACCUSE", "REJECT"):
                continue  # "stormed the office and set it on fire": the second verb goes on with the same act
            rule = acts.riot_rule if lemma in acts.riot else acts.demo_rule
            draft = Draft(trigger=tok, rule=rule, light=None, mode=[rule.mode] if rule.mode else [])
            draft.actor = self._resolve_all(crowd, ctx) or [self._crowd_actor(crowd[0], ctx)]
            draft.recipient = [r for r in self._resolve_all(self._prep_objects(tok, {"at", "on", "against", "with", "outside"}, None), ctx)
                               if r not in draft.actor]
            out.insert(0, draft)  # before the verb's own draft, which keeps absorbing its complement
            break
        return out

    def _done_in_protest(self, drafts: list[Draft], ctx: SentenceContext) -> list[Draft]:
        """An act done "in protest" is a demonstration by whoever does it ("shopkeepers shuttered their stores in
        protest at the rial's fall", "the opposition walked out in protest"), unless the sentence codes one already.
        "Killed in protests" tells where, not why: the singular without an article only."""
        acts = self.rules.protester_acts
        if acts is None or any(d.event == "PROTEST" for d in drafts):
            return drafts
        for tok in ctx.tokens:
            if not (tok.lower_ == "protest" and tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.dep_ == "prep"
                    and not any(c.dep_ in ("det", "poss") for c in tok.children)):
                continue
            verb = next((a for a in tok.head.ancestors if a.pos_ in ("VERB", "AUX")), None)  # "parked across the road in protest"
            if verb is None or any(d.trigger.i == verb.i for d in drafts):
                continue  # "Serbia recalls its ambassador in protest": the act says what it is
            subjects = [] if _is_passive(verb) else self._subjects(verb, False)
            if not subjects:
                continue
            actors = [a for a in self._resolve_all(subjects, ctx) if not unknown_organisation(a)]
            if not actors and ctx.places and not self._sport(ctx):
                actors = [self._crowd_actor(subjects[0], ctx)]
            if not actors or any(a.sector in _STATE_FORCE | {"GOV"} or a.kind == "country" for a in actors):
                continue  # a state that does something in protest protests by what it does, which it is coded as
            draft = Draft(trigger=verb, rule=acts.demo_rule, light=None, mode=[acts.demo_rule.mode] if acts.demo_rule.mode else [])
            draft.actor = actors
            draft.recipient = [r for r in self._resolve_all(self._prep_objects(tok, {"against", "at", "over"}, None), ctx)
                               if r not in actors]
            return [draft, *drafts]
        return drafts

    def _ongoing_fighting(self, drafts: list[Draft], ctx: SentenceContext) -> list[Draft]:
        """ "Fighting and shelling have continued in the region": force reported as going on, no side named.

        One ASSAULT with no actor and no recipient, as the gold codes it, only where the sentence codes
        no other ASSAULT and is no sport or disaster report.
        """
        rule = self.rules.ongoing_rule
        if rule is None or any(d.event == "ASSAULT" for d in drafts) or self._sport(ctx) or self._accident(ctx):
            return drafts
        for tok in ctx.tokens:
            if tok.lower_ not in self.rules.ongoing_nouns and not (tok.pos_ == "NOUN" and tok.lemma_.lower() in self.rules.ongoing_nouns):
                continue  # "fighting", "shelling", "clashes" — not "the fight against inflation"
            first = tok.head if tok.dep_ == "conj" else tok
            if first.dep_ not in ("nsubj", "csubj") or self._lemma(first.head) not in self.rules.ongoing_verbs:
                continue
            if first.head.lemma_.lower() == "break" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in first.head.children):
                continue  # "fighting broke out", not "a fight broke the record"
            draft = Draft(trigger=tok, rule=rule, light=first.head)
            self._mode(draft)
            return drafts + [draft]
        return drafts

    def _unnamed_agent(self, tok: Token, ctx: SentenceContext) -> ActorRef:
        return ActorRef(code=ctx.places[0] if ctx.places else None, sector="UNK", entity_text=tok.text,
                        start=tok.idx, end=tok.idx + len(tok.text))

    def _adjective_subjects(self, tok: Token) -> list[Token]:
        """Who a predicate adjective is said of: "Iran is ready to talk", "X remains committed to"."""
        for holder in (tok, tok.head):
            for child in holder.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return self.resolver.heads(child)
        return self._subjects(tok.head, False) if tok.head.i != tok.i else []

    def _subjects(self, tok: Token, passive: bool) -> list[Token]:
        """Heads of the agent: the subject, the by-phrase of a passive, or the governing clause's."""
        if _headline_verb(tok) and not any(c.dep_ == "nsubj" for c in tok.children):
            # "Armenia and Azerbaijan exchange prisoners", parsed as a noun with its subjects as modifiers
            return [g for c in tok.children if c.dep_ == "nmod" and c.pos_ == "PROPN" for g in self.resolver.heads(c)]
        if passive:
            for child in tok.children:
                if child.dep_ == "agent":
                    return [g for c in child.children if c.dep_ == "pobj" for g in self.resolver.heads(c)]
            for inner in tok.subtree:  # "threatened with arrest by officials": the by-phrase hangs lower
                if inner.dep_ in ("agent", "prep") and inner.lower_ == "by" and inner.head.dep_ == "pobj":
                    return [g for c in inner.children if c.dep_ == "pobj" for g in self.resolver.heads(c)]
            return []
        for child in _fronted_place_skipped(tok):
            if child.dep_ in _SUBJECT_DEPS:
                if child.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                    return self.resolver.heads(tok.head)
                if child.lemma_.lower() in _DOCUMENTS and child.pos_ == "NOUN":  # "an Arab League statement condemned…"
                    return self._document_owners(child)
                colon = label_colon(tok.sent)
                if colon is not None and child.i < colon.i < tok.i:
                    # "Human rights in Tunisia: Human Rights Watch criticises…": the label is no subject, what follows it is
                    later = [c for c in tok.children if c.dep_ in _SUBJECT_DEPS and c.i > colon.i]
                    tops = later or [t for t in child.subtree if t.i > colon.i and t.head.i < colon.i
                                     and t.pos_ in ("NOUN", "PROPN")]
                    if tops:
                        return [g for t in tops[:1] for g in self.resolver.heads(t)]
                return [*(g for t in _headline_first_subject(tok, child) for g in self.resolver.heads(t)),
                        *self.resolver.heads(child)]
        if tok.pos_ == "VERB" and tok.dep_ == "ROOT" and (names := [c for c in tok.children if c.dep_ == "compound"
                                                                    and c.i < tok.i and c.pos_ == "PROPN"]):
            return self.resolver.heads(names[-1])  # "The United States fires 59 missiles…": its subject read as a modifier
        if tok.tag_ == "VBG" and (document := _document_saying(tok)) is not None:
            return self._issuers(document)
        if tok.dep_ in ("relcl", "acl") and tok.head.dep_ == "attr" and tok.head.lemma_.lower() in _STATE_NOUNS \
                and tok.head.head.lemma_ in ("be", "become", "remain"):
            return self._subjects(tok.head.head, False)  # "Burundi became the first country to pull out of the ICC"
        if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ == "VBG"):
            return self.resolver.heads(tok.head)
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":  # "abstained from providing"
            governor = tok.head.head
            if _is_passive(governor):  # "X is suspected of supplying"
                return [g for c in governor.children if c.dep_ == "nsubjpass" for g in self.resolver.heads(c)]
            return self._subjects(governor, False)
        if tok.i > 0 and tok.nbor(-1).text == "," and (first := next((c for c in tok.children if c.dep_ == "ccomp"
                                                                     and c.i < tok.i), None)) is not None:
            return self._subjects(first, _is_passive(first))  # "Thai court dissolves party, bans its leaders": one subject
        if tok.dep_ in ("xcomp", "conj", "advcl") and tok.head.i != tok.i:
            head = tok.head
            if tok.dep_ == "xcomp":  # "urged Japan to send": the object controls the complement
                objs = [c for c in head.children if c.dep_ == "dobj" and c.pos_ != "NUM"]  # "voted 234 to 56 to impeach"
                if objs and head.lemma_.lower() not in ("promise", "pledge", "vow", "threaten", "use", "take", "need", "spend"):
                    return self.resolver.heads(objs[0])
                for child in head.children:  # "X is expected to sign", "X was believed to have agreed"
                    if child.dep_ == "nsubjpass":
                        return self.resolver.heads(child)
            if tok.dep_ == "conj" and head.dep_ == "ccomp" and _is_passive(head) and not _is_passive(tok):
                # "Pakistan said 26 civilians were killed (by Indian troops) and vowed to retaliate": the parser joins
                # the vow to the reported passive; an active verb cannot share its subject, the one who vows spoke
                return self._subjects(head.head, False)
            return self._subjects(head, _is_passive(head) and tok.dep_ == "conj")
        return []

    def _issuers(self, document: Token) -> list[Token]:
        """Who issued a statement or resolution: its owner named on it, else the subject of the verb that issues it
        ("the Council adopted a resolution…", "said in a statement…")."""
        owners = self._document_owners(document)
        if owners:
            return owners
        governor = document.head
        if document.dep_ == "pobj" and governor.dep_ == "prep" and governor.lower_ in ("in", "through", "via"):
            governor = governor.head
        elif document.dep_ == "pobj" and governor.dep_ == "prep" and governor.lower_ == "for" and self._lemma(governor.head) == "vote":
            governor = governor.head  # "lawmakers voted for a resolution calling on China…"
        elif not (document.dep_ == "dobj" or (document.dep_ == "nsubjpass" and governor.dep_ == "ROOT")):
            return [document]  # "voted on a resolution condemning…": whose, unsaid (an unresolvable doer)
        if governor.pos_ not in ("VERB", "AUX") or self._lemma(governor) not in _ISSUING | {"vote"}:
            return [document]  # "Russia vetoed a resolution demanding…": not Russia's
        return self._subjects(governor, _is_passive(governor))

    def _document_owners(self, document: Token) -> list[Token]:
        """Whose a statement is: "the ministry's statement", "a UN Security Council resolution", "a statement
        from the army"."""
        owners = [c for c in document.children if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod")
                                                                       and c.ent_type_ in ("ORG", "GPE", "NORP"))]
        owners += [p for c in document.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                   for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() not in _DOCUMENTS]
        return [g for o in owners for g in self.resolver.heads(o)]

    def _prep_objects(self, tok: Token, preps: frozenset[str] | set[str], obj: Token | None,
                      across_border: bool = False) -> list[Token]:
        """The objects of the verb's (or its object's) prepositions in `preps`; with `across_border`, the country
        across a border named ("massed troops along its border with Ukraine": Ukraine)."""
        out: list[Token] = []
        holders = [tok] + ([obj] if obj is not None else [])
        # the preposition may hang off a noun inside the object phrase ("sent a team of rescuers and
        # dogs to Türkiye") or off the instrument ("responded with sanctions against Moscow")
        # or off where it came from ("launched missiles from two destroyers … at the airbase")
        nested = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("of", "with", "from")]
        while nested:
            prep = nested.pop()
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN", "NUM"):
                    for noun in (pobj, *[c for c in pobj.children if c.dep_ == "conj"]):
                        if noun not in holders:
                            holders.append(noun)
                            nested += [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        for holder in holders:
            for child in holder.children:
                if child.dep_ in ("prep", "dative") and child.lower_ in preps:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            out.extend(self.resolver.heads(_goods_origin(pobj) or (across_border and _border_partner(pobj)) or pobj))
                if child.dep_ == "dative" and "dative" in preps:
                    out.extend(self.resolver.heads(child))
        return out

    def _with_object(self, tok: Token, spec: WordSpec, ctx: SentenceContext) -> Token | None:
        """The object carried by a preposition ("provided Ukraine with aid", "called for talks")."""
        for child in tok.children:
            if child.dep_ in ("prep", "dative", "prt") and child.lower_ not in _VEHICLE_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and self._word_ok(pobj, spec, ctx):
                        return pobj
        for child in tok.children:  # "sent 500 troops": the number may head the phrase
            if child.dep_ == "dobj":
                for grand in child.children:
                    if grand.dep_ in ("prep", "compound") :
                        for pobj in [grand, *grand.children]:
                            if pobj.dep_ in ("pobj", "compound") and self._word_ok(pobj, spec, ctx):
                                return pobj
        if any(c.dep_ == "dative" for c in tok.children):  # "gave troops 48 hours": the span read as an adverb
            for child in tok.children:
                if child.dep_ == "npadvmod" and self._word_ok(child, spec, ctx):
                    return child
        # "attend United Nations brokered talks": the sponsor read as the object
        return next((g for g in _sponsored_objects(tok) if self._word_ok(g, spec, ctx)), None)

    def _word_ok(self, tok: Token, spec: WordSpec, ctx: SentenceContext) -> bool:
        if tok.lower_ in _QUANTITIES:  # "dozens of prisoners"
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return self._word_ok(pobj, spec, ctx)
        lemmas = {tok.lemma_.lower(), tok.lower_}
        lemmas |= {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "appos")}  # "Bardere, a town held by…"
        if lemmas & spec.lemmas:
            return True
        for conj in tok.children:
            if conj.dep_ == "conj" and {conj.lemma_.lower(), conj.lower_} & spec.lemmas:
                return True
        return spec.any_actor and self._resolve(tok, ctx) is not None

    def _complement_has(self, tok: Token, words: frozenset[str], participles: bool = False, conditions: bool = True) -> bool:
        """Whether a complement of the verb holds one of `words`: an infinitive of purpose too ("gathered outside the
        ministry to demand…"), and with `participles` a participle clause ("gathered in the square, demanding…").
        Without `conditions`, not in the complement's own condition ("threatened to close the strait if exports were
        blocked" blocks nothing); a threat is often told by its condition ("warned that … if Belgrade did not…")."""
        for child in tok.children:
            if child.dep_ in ("xcomp", "ccomp", "prep", "dobj", "attr") or (child.dep_ == "advcl" and (
                    _is_purpose(child) or (participles and child.tag_ == "VBG"))):
                skipped = set() if conditions else {t.i for c in child.subtree if c.dep_ == "advcl" and c.i != child.i
                                                    and any(m.dep_ == "mark" for m in c.children) for t in c.subtree}
                if any(t.lemma_.lower() in words and t.i not in skipped for t in child.subtree):
                    return True
        return False

    def _is_joint(self, tok: Token, obj: Token | None) -> bool:
        words = {c.lower_ for c in tok.children}
        if obj is not None:
            words |= {c.lower_ for c in obj.children}
        holders = [tok] + ([obj] if obj is not None else [])
        return bool(words & _JOINT) or any(c.dep_ == "prep" and c.lower_ == "with" for h in holders for c in h.children)

    # --- nouns ---------------------------------------------------------------------------------
    def _noun_draft(self, tok: Token, ctx: SentenceContext) -> Draft | None:
        rules = self.rules.nouns.get(self._noun_lemma(tok))
        if not rules:
            return None
        if any(c.dep_ == "compound" and c.lemma_.lower() in self.rules.blocked_compounds for c in tok.children):
            return None
        if tok.dep_ == "compound":  # "aid worker", "strike price": the noun only modifies
            return None
        for rule in rules:
            draft = self._try_noun(tok, rule, ctx)
            if draft is not None:
                return draft
        return None

    def _try_noun(self, tok: Token, rule: Rule, ctx: SentenceContext) -> Draft | None:
        noun = self._noun_lemma(tok)
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        if rule.compound and not (mods & rule.compound):
            return None
        if rule.compound_any and not (mods & rule.compound_any):
            if not (rule.type == "COOPERATE" and rule.meeting and mods & _JOINT):
                return None
        if rule.plural_talk and tok.lemma_.lower() == "talk" and tok.tag_ != "NNS":
            return None
        if rule.needs_joint and not (mods & _JOINT):
            return None
        if rule.phrase and not _has_phrase(tok, rule.phrase, self.rules.lemma_fixes):
            return None  # "an attack on the budget": what the noun's preposition takes
        if rule.not_phrase and _has_phrase(tok, rule.not_phrase, self.rules.lemma_fixes):
            return None
        if rule.type == "PROTEST" and noun in _CROWD_NOUNS and self._permitted(tok):
            return None  # "the governor banned all demonstrations" is the ban, not a protest
        if rule.type == "ASSAULT" and noun in ("raid", "operation", "swoop", "sweep") and tok.dep_ == "pobj" \
                and tok.head.lower_ in ("in", "during") and _governing_verb(tok.head).lemma_.lower() in _ARREST_VERBS:
            return None  # "detained the leader in pre-dawn raids": the raid is how the arrest was made
        if rule.type == "ASSAULT" and tok.dep_ == "pobj" and tok.head.lower_ == "as":
            return None  # "slammed the tariffs as an attack on workers": what something is called, no attack told
        if rule.type == "SANCTION" and _standing_regime(tok):
            return None  # "in breach of EU sanctions", "a country under sanctions": sanctions in force, none imposed
        light = _light_verb(tok, self._lights.get(rule.needs_light, self.rules.light_verbs), self.rules.lemma_fixes)
        if rule.needs_light and (light is None or self._lemma(light) not in rule.needs_light) and not _verbless_headline(tok, ctx):
            return None
        if rule.type == "ASSAULT" and noun in ("operation", "campaign") and any(
                c.dep_ in ("acl", "relcl", "advcl", "xcomp") and _relief(c)
                for holder in (tok, light) if holder is not None for c in holder.children):
            return None  # "a military operation to evacuate citizens": a rescue, not a fight
        if (rule.mode == "investigate" or rule.type == "THREATEN") and (self._about_accident(tok) or (light is not None and self._about_accident(light))):
            return None  # "an investigation into the stampede": no one is accused; "a warning of floods" threatens no one
        of_objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj" for g in self.resolver.heads(p)]
        if rule.of_needs and not any(self._word_ok(o, rule.of_needs, ctx) for o in of_objs):
            return None
        actors = self._noun_actors(tok, light, ctx, rule.type)
        if rule.type == "ASSAULT" and (tok.head.lemma_.lower() in _FLEE or (tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in _FLEE)):
            return None  # "refugees who fled fighting in Darfur": why they left, not an attack told
        if rule.type == "ASSAULT" and noun in _MUTUAL_NOUNS:  # "clashes between X and Y erupted"
            actors = _unique(actors + self._resolve_all(self._mutual_sides(tok), ctx))
        recipients: list[ActorRef] = []
        if light is not None and self._lemma(light) in rule.light_recipient:
            # "GM paid a fine": the payer is the one sanctioned; "drew condemnation from Poland": Poland condemns
            recipients, actors = actors, self._resolve_all(self._prep_objects(tok, {"from", "by"}, None)
                                                           + self._prep_objects(light, {"from"}, None), ctx)
        if rule.of_role == "actor" and not actors:
            actors = self._resolve_all(of_objs, ctx)
        elif rule.of_role == "recipient":
            recipients += self._resolve_all(of_objs, ctx)
        if rule.recipient.preps:
            # a place struck needs a named striker
            heads = self._prep_objects(tok, rule.recipient.preps, None, across_border=rule.type == "MOBILIZE")
            recipients += self._targets(heads, ctx, rule.type == "ASSAULT") if rule.type in _TARGETED and actors else self._resolve_all(heads, ctx)
            if light is not None and rule.type != "CONSULT":
                recipients += self._resolve_all(self._prep_objects(light, rule.recipient.preps, None), ctx)
            if rule.mode == "visit" and actors and not recipients and (arrival := self._arrival(tok)) is not None:
                # "arrives in Havana on a four-day visit": the host is where the visitor arrives
                recipients += self._resolve_all(self._prep_objects(arrival, {"in", "to"}, None), ctx)
        if rule.type == "AID" and light is not None:
            recipients += self._resolve_all([c for c in light.children if c.dep_ == "dative"], ctx)
            recipients += self._resolve_all([c for c in light.children if c.dep_ == "dobj" and c.i != tok.i and _is_actor_like(c, ctx)], ctx)
        if rule.meeting:
            partners = self._resolve_all(self._prep_objects(tok, {"with", "between", "among"}, None), ctx)
            if light is not None:
                partners += self._resolve_all(self._prep_objects(light, {"with"}, None), ctx)
            if rule.needs_partner and not (partners or recipients):
                return None  # "its fight against corruption": no one fought
            actors = _unique(actors + partners + recipients)
            recipients = []
        if not actors and rule.mode in ("curfew", "martial-law") and light is not None and _is_passive(light) and ctx.places:
            # "a curfew was imposed on the capital": the authorities of the place, as for passive arrests
            actors = [_authorities(ctx)]
        if not actors and rule.mode == "arrest" and (country := self._arrest_country(tok, ctx)):
            # "the detention of three journalists in Minsk": the authorities of the place, as for passive arrests
            actors = [_authorities(ctx, country)]
        if rule.needs_light_or_poss and light is None and not any(c.dep_ == "poss" for c in tok.children):
            return None
        if rule.needs_light_or_actor and light is None and not actors:
            return None
        if rule.needs_actor and not actors:
            return None
        if rule.needs_actor_or_target and not actors and not recipients:
            return None
        if not actors and not recipients:
            return None
        if _verbless_headline(tok, ctx) and rule.type in ("AGREE", "CONSULT") and (len(actors) < 2 or not all(
                a.code and a.sector not in _PRIVATE_SECTORS - {None} for a in actors)):
            return None  # "Pact between Barcelona and Nike", "Agreement between Ryanair and its pilots"
        if self._sector_missing(rule, actors, ctx) or self._sector_barred(rule, actors, ctx):
            return None  # "a strike by Tube workers" is a walkout, not an air strike
        if rule.mode == "martial-law" and (self._accident(ctx) or self._after_disaster_here(ctx)):
            return None  # a state of emergency over a flood or haze coerces no one
        if self._disaster_response(rule, actors, ctx):
            return None
        if rule.type == "AGREE" and self._sport(ctx):
            return None  # "the striker signed the deal of the century"
        if self._team_act(rule, actors, ctx):
            return None  # "the coach hailed the win"
        if rule.type == "ASSAULT" and ((self._accident(ctx) and not self._armed(actors)) or self._sport(ctx)):
            return None  # "the crash killed 12", "deaths in the stampede", "a late strike won the final"
        draft = Draft(trigger=tok, rule=rule, light=light)
        draft.actor = _unique(actors)
        draft.recipient = _unique([r for r in recipients if r not in draft.actor])
        if rule.mode:
            draft.mode = [rule.mode]
        return draft

    def _arrest_country(self, tok: Token, ctx: SentenceContext) -> str | None:
        """Where an arrest a noun names took place, when the noun says whom it took ("the arrest of two men in
        Minsk"): a place named in its phrase (a country named elsewhere may be the one that protests it)."""
        patients = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if not patients and tok.tag_ == "NNS" and _verbless_headline(tok, ctx) and self._lemma(tok) != "custody":
            return self.resolver.location(tok, ctx.mentions)  # "Mass arrests in Belarus after disputed election"
        if not patients or self._lemma(tok) == "custody":
            return None  # "remains in custody", "crackdowns on protests", "in the custody of the police": no one's arrest told
        if not any(self._resolve(p, ctx) is not None for p in patients):
            return None  # "the arrest of inflation", "the arrest of the team's slide": no one taken
        for holder in [tok, *patients]:
            code = self.resolver.location(holder, ctx.mentions)
            if code is not None:
                return code
        return None

    def _noun_actors(self, tok: Token, light: Token | None, ctx: SentenceContext, etype: str = "") -> list[ActorRef]:
        """Who carries out a nominal event: possessor, modifier, by-phrase or the light verb's subject."""
        heads: list[Token] = []
        for child in tok.children:
            if child.dep_ == "poss" and child.ent_type_ not in ("DATE", "TIME", "EVENT"):
                # "next week's visit by…", "the New Year's Day march": no one's
                heads += self.resolver.heads(child)
        if not heads and (leader := leader_of(tok, ctx.mentions)) is not None:
            heads = [leader]  # "a Saudi-led air raid"
        sector_adjectives: list[Token] = []  # "a military operation": whose, only when no one else is named
        if not heads:
            for child in tok.children:
                if child.dep_ == "compound" and child.lower_ == "state" and etype == "CONSULT":
                    continue  # "a state visit": a kind of visit, not its doer
                if etype == "CONSULT" and child.i in ctx.mentions and ctx.mentions[child.i].entity.kind in ("country", "city", "place") \
                        and self._lemma(tok) in ("visit", "trip", "tour"):
                    continue  # "finishes Iraq trip", "his Moscow visit": where to, not who goes
                if child.dep_ in ("compound", "amod", "nmod") and (child.i in ctx.mentions or (
                        self.resolver.lex.sector_of.get(child.lemma_.lower()) and not _verbal_modifier(child)
                        and child.lemma_.lower() not in self._weapon_words)):  # "a missile test": no one's name
                    if child.i in ctx.mentions and ctx.mentions[child.i].entity.kind == "city":
                        continue
                    if cause_prefixed(child.doc, child.left_edge.i):
                        continue  # "anti-government demonstrations": what they are against, not who demonstrates
                    if child.pos_ == "ADJ" and child.i not in ctx.mentions:
                        sector_adjectives.append(child)
                        continue
                    if etype == "ASSAULT" and child.i in ctx.mentions and ctx.mentions[child.i].role == "capital":
                        continue  # "the Paris attacks", "the Kabul bombing": where, not who (capitals speak for states elsewhere)
                    heads.append(child)
        if not heads and etype == "ASSAULT":  # "a US drone strike", "a Russian missile strike": the weapon's owner
            heads += [g for child in tok.children if child.dep_ == "compound" and child.lemma_.lower() in self._weapon_words
                      for g in child.children if g.dep_ in ("compound", "amod") and g.i in ctx.mentions
                      and ctx.mentions[g.i].entity.kind not in ("city", "place") and ctx.mentions[g.i].role != "capital"]
        if not heads:
            for child in tok.children:
                if child.dep_ in ("prep", "agent") and (child.lower_ == "by" or (child.lower_ == "from" and etype in _FROM_SOURCE
                                                                       and (light is None or etype == "THREATEN"))):
                    # "an ultimatum from Spain and France", "a demand from Washington", "aid from the EU"
                    heads += [g for p in child.children if p.dep_ == "pobj" for g in self.resolver.heads(p)]
                if child.dep_ == "prep" and child.lower_ == "of":
                    # "the detention of a colleague by the secret police": the parser hangs the doer on the patient
                    heads += [g for p in child.children if p.dep_ == "pobj" for b in p.children
                              if b.dep_ == "prep" and b.lower_ == "by" for q in b.children if q.dep_ == "pobj"
                              for g in self.resolver.heads(q)]
                if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in _DOER_VERBS:
                    # "the strike called by the union federation" (not "talks mediated by the UN": a third party)
                    heads += [g for a in child.children if a.dep_ == "agent"
                              for p in a.children if p.dep_ == "pobj" for g in self.resolver.heads(p)]
        if not heads and light is not None and not (etype == "PROTEST" and self._lemma(light) in _CAUSING_VERBS):
            heads = self._subjects(light, _is_passive(light))  # "sparked protests": the crowd is not who sparked them
        heads = heads or sector_adjectives  # "the navy launched a military operation": the navy
        if not heads and tok.dep_ == "ROOT":  # "troops face-off in the region": the noun is the predicate
            heads = [g for c in tok.children if c.dep_ == "nsubj" for g in self.resolver.heads(c)]
        if not heads and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.dep_ == "dobj":
            verb = tok.head.head.head  # "approved a date for an offensive", "set a timetable for talks"
            heads = self._subjects(verb, _is_passive(verb))
        if not heads and etype == "CONSULT" and tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            heads = self._visitors(tok.head)
        if not heads and tok.dep_ == "pobj" and tok.head.lower_ in ("after", "before") and etype == "ASSAULT":
            pass  # "arrested 300 after arson attacks": what came before was not the arresters' act
        elif not heads and tok.dep_ == "pobj" and tok.head.lower_ == "in" and self._lemma(tok) in ("custody", "detention"):
            pass  # "remains in custody", "died in detention": the one held, not who holds
        elif not heads and tok.dep_ == "pobj" and tok.head.lower_ in ("during", "after", "following", "before", "at", "in", "by") and tok.head.head.pos_ == "VERB":
            heads = self._subjects(tok.head.head, _is_passive(tok.head.head))
            if etype == "PROTEST":  # "police arrested 40 during the march": the police did not march
                crowd = [a for a in self._resolve_all(heads, ctx) if a.sector not in _STATE_FORCE | {"GOV", "LEG", "JUD"}]
                if crowd:
                    return crowd
                heads = []
        if not heads and etype == "PROTEST" and ctx.places and self._crowd_noun(tok, ctx):
            # "killed in riots in Manipur", "protests erupted in Lima": crowds of the place, as "protesters in Caracas" are
            return [self._crowd_actor(tok, ctx)]
        if not heads and tok.dep_ == "nsubjpass" and self._lemma(tok.head) in _DOER_VERBS:
            # "the bombing was claimed by the Islamic State group", "the raid was carried out by commandos"
            heads = [g for a in tok.head.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                     for g in self.resolver.heads(p)]
        if not heads and tok.dep_ in _SUBJECT_DEPS + ("nsubjpass",):
            return []
        if not heads:  # in a post, an event noun without a doer is the author's ("Great meeting with X")
            post = ctx.memory.quotes.at(tok.idx, kind="post")
            if post is not None:
                speaker = self.resolver.speaker_of(tok.idx, tok.doc, ctx.mentions, ctx.memory, ctx.places)
                return [speaker] if speaker is not None else []
        found = self._resolve_all(heads, ctx)
        if not found and etype == "PROTEST" and ctx.places and any(self._crowd(h) for h in heads) and not self._sport(ctx):
            return [self._crowd_actor(heads[0], ctx)]  # "hundreds of people started a march toward the capital"
        return found

    def admits(self, draft: Draft, ctx: SentenceContext) -> bool:
        """Whether a draft no rule made (the second opinion's) passes the guards rule drafts pass: no contest of words,
        market force or business deal, no sport or accident report, no glued story name, and, but for protests and violence, a doer that is
        a state, an armed group or an organisation ("Thousands of tourists arrive in Venice", "Toyota and Panasonic
        agreed to build a plant" do no diplomacy)."""
        if self._no_politics(draft, ctx) or self._sport(ctx) or self._accident(ctx) or self._after_disaster_here(ctx) \
                or glued_label(ctx.sent):
            return False  # "…sinks after an unexplained explosion; 46 sailors are missing": still the disaster; a story
            # name glued to the summary ("2023 Brazilian Congress attack") tells nothing, as it does to the rules
        return draft.event in ("PROTEST", "ASSAULT") or any(
            a.sector not in _PRIVATE_SECTORS or (a.sector is None and a.code is not None) for a in draft.actor)

    def _no_politics(self, draft: Draft, ctx: SentenceContext) -> bool:
        """A contest of words, a market force or a business deal: no political event, whoever coded it."""
        return _contest_of_words(draft, ctx) or _market_force(draft, ctx, self.rules.markets) or _business_deal(draft)

    def _arrival(self, visit: Token) -> Token | None:
        """The verb of arriving a visit noun hangs on: "landed in Nairobi on a state visit", "arrives for a visit"."""
        if visit.dep_ == "pobj" and visit.head.lower_ in ("on", "for") and self._lemma(visit.head.head) in _ARRIVING:
            return visit.head.head
        return None

    def _visitors(self, prep: Token) -> list[Token]:
        """Who is on the visit a preposition introduces: "X, on a state visit to Y, said" (whether "on" hangs on X or on
        the verb, and "X … was greeted by Y": the passive's subject); "German chancellor in Kyiv for surprise visit"
        (a headline's one noun)."""
        governor = prep.head
        nominal = governor.pos_ in ("NOUN", "PROPN")
        if prep.lower_ == "on":
            if nominal and governor.dep_ in (*_SUBJECT_DEPS, "nsubjpass"):
                return self.resolver.heads(governor)
            passive_subjects = [g for c in governor.children if c.dep_ == "nsubjpass" for g in self.resolver.heads(c)]
            return passive_subjects or self._subjects(governor, False)
        if prep.lower_ == "for" and nominal and governor.dep_ == "ROOT":
            return self.resolver.heads(governor)
        return []

    def _mutual_sides(self, tok: Token) -> list[Token]:
        """The sides of a clash: "clashes between X and Y", "X clashed with Y", "clashes erupted between X and Y"."""
        holders = [tok] + ([tok.head] if tok.dep_ in ("nsubj", "csubj") and tok.head.i != tok.i else [])
        holders += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "near")
                    for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in _TARGET_PLACES | {"street", "streets"}]
        # "clashes in the city between X and Y" ("clashes at the meeting between Greece and Germany" are words)
        sides = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("between", "among", "with")
                 for p in c.children if p.dep_ == "pobj" for g in self.resolver.heads(p)]
        if tok.pos_ in ("VERB", "AUX"):
            sides = self._subjects(tok, _is_passive(tok)) + sides
        return sides

    @staticmethod
    def _permitted(tok: Token) -> bool:
        """A protest noun that a ban or a permit governs: "banned all demonstrations", "the ban on opposition
        rallies", "over barred rallies" — no one protested."""
        governor = tok.head.head if tok.dep_ == "pobj" else tok.head
        return governor.lemma_.lower() in _PERMITS or any(c.dep_ == "amod" and c.lemma_.lower() in _PERMITS for c in tok.children)

    def _crowd_noun(self, tok: Token, ctx: SentenceContext) -> bool:
        """A protest noun that reports crowds of the place: "killed in riots", "protests erupted", "during
        demonstrations" — not "in protest at" (a reason), nor a market's rally."""
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.tag_ != "NNS" and not any(c.dep_ in ("det", "amod", "compound") for c in tok.children):
            return False  # "boycotted the courts in protest against": the reason for another act
        if tok.dep_ == "compound":
            return False
        if self._lemma(tok) not in _CROWD_NOUNS:
            return False  # a blockade or a boycott can be a state's; a crowd's acts are these
        if self._market(tok, ctx) or ctx.lemmas & self.rules.sports:
            return False  # "a rally in oil prices", "fans marched to celebrate the title"
        if self._permitted(tok):
            return False
        if tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return False  # "police broke up the march": the march told before, or a particular one someone holds
        if tok.head.dep_ == "agent" or any(c.dep_ == "amod" and c.lemma_.lower() in ("global", "economic", "financial", "market")
                                           for c in tok.children):
            return False  # "prices driven by global unrest"
        if tok.dep_ == "conj":
            return self._lemma(tok.head) in _CROWD_NOUNS
        # a verbless headline's plural: "Riots in Dakar after opposition leader's sentencing"
        return tok.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj") or (tok.tag_ == "NNS" and _verbless_headline(tok, ctx))

    # --- shared ----------------------------------------------------------------------------------
    def _resolve(self, head: Token, ctx: SentenceContext) -> ActorRef | None:
        return self.resolver.resolve(head, ctx.mentions, ctx.memory, ctx.places)

    def _resolve_all(self, heads: list[Token], ctx: SentenceContext) -> list[ActorRef]:
        out = []
        for head in heads:
            for h in self.resolver.heads(head) if head.dep_ != "conj" else [head]:
                pair = self._last_two(h, ctx) if _the_two(h) else []
                if pair:  # no pair named before: "the two governments" is whoever the words say
                    out += [a for a in pair if a not in out]
                    continue
                actor = self._resolve(h, ctx)
                if actor is None:  # "Sierra Leone's abolition", "remarks by Bahrain's king"
                    owners = [c for c in h.children if c.dep_ == "poss" and c.pos_ != "PRON"]
                    owners += [c for c in h.children if c.dep_ in ("amod", "compound") and c.i in ctx.mentions
                               and ctx.mentions[c.i].entity.kind == "country"]  # "the Syrian border"
                    owners += [p for c in h.children if c.dep_ == "prep" and c.lower_ == "by"
                               for p in c.children if p.dep_ == "pobj"]
                    owners += [c for c in h.children if c.dep_ == "compound" and h.lemma_.lower() in _FORCE_ASSETS
                               and self.resolver.lex.sector_of.get(c.lemma_.lower()) in _STATE_FORCE]  # "a police car"
                    actor = self._resolve(owners[0], ctx) if owners else None
                    if actor is not None and actor.sector == "GOV" and h.lemma_.lower() in _GOODS:
                        actor = replace(actor, sector="BUS")  # "tariffs on Chinese steel": China's business
                if actor is None:
                    continue
                for each in self._distribute(h, actor, ctx):
                    if each not in out:
                        out.append(each)
        return out

    def _last_two(self, tok: Token, ctx: SentenceContext) -> list[ActorRef]:
        """The two parties "the two (sides)" or "both countries" take up: two countries named earlier in the
        sentence, else the two parties of the article's last event that had two, else its last two actors of
        different countries; none when there are not two."""
        verb = tok.head
        speaking = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i for t in c.subtree}
        named = []
        for t in ctx.tokens:  # "…, with Turkey's president urging both sides": who urges is no side
            if t.i >= tok.i:
                break
            m = ctx.mentions.get(t.i)
            if m is not None and m.entity.kind == "country" and m.role != "capital" and t.i not in speaking \
                    and m.entity.code not in {a.code for a in named}:
                actor = self._resolve(t, ctx)
                named += [actor] if actor is not None and actor.code else []
        if len(named) >= 2:
            return named[-2:]
        if ctx.memory.last_pair:
            return list(ctx.memory.last_pair)
        recent = ctx.memory.recent
        return list(recent[-2:]) if len(recent) >= 2 else []

    def _targets(self, heads: list[Token], ctx: SentenceContext, vehicles: bool = False) -> list[ActorRef]:
        """Recipients of an attack or a seizure: actors, else the places and sites struck ("seized two
        towns in southern Somalia" → SOM, "hit PKK camps" → the PKK, "struck military sites in Iran" →
        IRN/MIL), as the gold codes a targeted place: its country, a sector only when the site says one."""
        out: list[ActorRef] = []
        for head in heads:
            for h in self.resolver.heads(head) if head.dep_ != "conj" else [head]:
                found = self._resolve_all([h], ctx) or ([t] if (t := self._target_place(h, ctx, vehicles)) else [])
                out += [a for a in found if a not in out]
        return out

    def _target_place(self, tok: Token, ctx: SentenceContext, vehicles: bool = False) -> ActorRef | None:
        lemma = tok.lemma_.lower()
        if (lemma not in _TARGET_PLACES and not (vehicles and lemma in _TARGET_VEHICLES and tok.tag_ == "NN")) \
                or tok.pos_ != "NOUN":  # "torched cars and lorries" is property, whoever's it was
            return None
        lex = self.resolver.lex
        start, end = tok.left_edge.idx, tok.idx + len(tok.text)
        for child in tok.children:  # the owner: "PKK camps", "positions of the Congolese army"
            owners = [child] if child.dep_ in ("compound", "poss", "nmod") or (child.dep_ == "amod" and child.pos_ == "PROPN") else []
            if child.dep_ == "prep" and child.lower_ == "of":
                owners = [p for p in child.children if p.dep_ == "pobj"]
            for owner in owners:
                if owner.lemma_.lower() in _TARGET_PLACES:
                    continue
                m = ctx.mentions.get(owner.i)
                if m is not None and m.entity.kind in ("country", "place", "city"):
                    return ActorRef(code=m.entity.country or m.entity.code, sector=None, kind="place",
                                    entity_text=tok.doc[tok.left_edge.i : tok.i + 1].text, start=start, end=end)
                actor = self._resolve(owner, ctx)
                if actor is not None and actor.code:
                    return replace(actor, entity_text=tok.doc[tok.left_edge.i : tok.i + 1].text, start=start, end=end)
        sectors = [lex.sector_of.get(c.lemma_.lower()) for c in tok.children if c.dep_ in ("amod", "compound")]
        sectors = [s for s in sectors if s and s != "GOV"]
        sector = sectors[0] if sectors else ("MIL" if lemma in _MILITARY_SITES else "CVL" if lemma in _PASSENGER_VEHICLES else None)
        code = self.resolver.location(tok, ctx.mentions)
        country_from = "text"
        if code is None:
            code = next((m.entity.country or m.entity.code for c in tok.children if c.dep_ in ("amod", "compound")
                         and (m := ctx.mentions.get(c.i)) is not None and m.entity.kind == "country"), None)
        if code is None and len(set(ctx.places)) == 1:
            code, country_from = ctx.places[0], "context"
        if code is None:
            return None
        return ActorRef(code=code, sector=sector, kind="place" if sector is None else "role",
                        entity_text=tok.doc[tok.left_edge.i : tok.i + 1].text, start=start, end=end, country_from=country_from)

    def _distribute(self, head: Token, actor: ActorRef, ctx: SentenceContext) -> list[ActorRef]:
        """One actor per coordinated country: "the Kenyan and Ugandan presidents", "leaders of X, Y and Z",
        "negotiators from X and Y", "negotiators for X and Y"."""
        countries: list[Token] = []
        for child in head.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i in ctx.mentions:
                countries = [child] + [c for c in child.children if c.dep_ == "conj" and c.i in ctx.mentions]
            if child.dep_ == "prep" and (child.lower_ in ("of", "from") or (child.lower_ == "for" and head.lemma_.lower() in REPRESENTING)):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.i in ctx.mentions:
                        countries = self.resolver.heads(pobj)
        if len(countries) < 2:
            return [actor]
        out = []
        for tok in countries:
            mention = ctx.mentions.get(tok.i)
            if mention is None or not mention.entity.code:
                continue
            code = mention.entity.country or mention.entity.code
            out.append(replace(actor, code=code, entity_text=f"{actor.entity_text} ({tok.text})",
                               identifier_text=mention.entity.name))
        return out or [actor]

    def _complement_doers(self, tok: Token, actors: list[ActorRef], ctx: SentenceContext) -> list[ActorRef]:
        """Whom an allegation is against: the doer of the act it reports, another party than who alleges it
        ("alleged that Egyptian intelligence had armed militias": Egypt; "claims to have killed nine": no one)."""
        heads = [s for c in tok.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]
        found = self._resolve_all(heads, ctx)
        codes = {b.code for b in actors if b.code}
        sides = _sides(actors)
        return [a for a in found if a not in actors and (a.code not in codes if a.code else (a.code, a.sector) not in sides)]

    def _complement_recipients(self, draft: Draft, ctx: SentenceContext) -> list[ActorRef]:
        """Who a pledge, threat or refusal is aimed at when the verb itself names no one: for a threat, first the
        one its condition names ("warned that penalties would follow if Iran continued…": Iran)."""
        if draft.event == "THREATEN":
            conditions = [subj for c in draft.trigger.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree
                          if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in t.children)
                          for subj in t.children if subj.dep_ == "nsubj"]
            found = [a for a in self._resolve_all(conditions, ctx) if a.code not in {b.code for b in draft.actor}]
            if found:
                return found
        heads: list[Token] = []
        for child in draft.trigger.children:
            if child.dep_ == "dobj":  # "vowed retaliation against Israel"
                heads += [p for c in child.children if c.dep_ == "prep" and c.lower_ == "against"
                          for p in c.children if p.dep_ == "pobj"]
            if child.dep_ in ("xcomp", "ccomp", "advcl", "prep"):
                for tok in child.subtree:
                    if tok.dep_ in ("dobj", "dative") and tok.head.dep_ in ("xcomp", "ccomp", "advcl", "pcomp"):
                        heads.append(tok)
                    elif tok.dep_ == "pobj" and tok.head.lower_ in ("to", "with", "against", "on", "into", "at"):
                        heads.append(tok)
        found = self._resolve_all(heads, ctx)
        return [a for a in found if a not in draft.actor]

    def _drop_light_duplicates(self, drafts: list[Draft]) -> list[Draft]:
        """A verb rule and a noun rule can both fire on "signed an agreement": keep the verb's."""
        verbs = {d.trigger.i: d for d in drafts if d.light is None and d.trigger.pos_ in ("VERB", "AUX")}
        out = []
        for d in drafts:
            owner = verbs.get(d.light.i) if d.light is not None else None
            if owner is None and d.trigger.dep_ in ("dobj", "nsubjpass") and d.trigger.head.i in verbs:
                head = verbs[d.trigger.head.i]  # "threw out the government's appeal": not also a REQUEST
                owner = head if self._lemma(d.trigger) in head.rule.object.lemmas else None
            if owner is None and d.trigger.dep_ == "pobj" and d.trigger.head.lower_ in ("for", "in", "on") \
                    and d.trigger.head.head.i in verbs and verbs[d.trigger.head.head.i].event == d.event \
                    and d.event in ("PROTEST", "CONSULT"):
                continue  # "thronged the streets for anti-government demonstrations", "flew to Beijing on a state
                # visit": the same protest or visit, told once
            named = owner is not None and self._lemma(d.trigger) in owner.rule.object.lemmas | frozenset().union(*owner.rule.phrase)
            if named and _kept_apart(d, owner):
                named = False  # "rejected an ultimatum from the EU": the EU's threat is told too, and the refusal
            same = owner is not None and owner.event == d.event and (not d.mode or not owner.mode or d.mode == owner.mode)
            if named or same:
                continue  # the verb's rule names this noun ("lodged a protest" is one ACCUSE); "imposed a state of
                # emergency and a curfew" is two acts
            out.append(d)
        return out

    def _absorb(self, drafts: list[Draft]) -> None:
        """Mark drafts that sit in the complement of a verb that absorbs them (REQUEST, ACCUSE…)."""
        by_token = {d.trigger.i: d for d in drafts}
        for owner in [d for d in drafts if d.rule.absorbs or d.rule.object]:  # "no longer attend UN brokered talks"
            for sponsored in _sponsored_objects(owner.trigger):
                if (inner := by_token.get(sponsored.i)) is not None and inner is not owner:
                    inner.absorbed_by = owner
        for draft in drafts:
            if draft.absorbed_by is not None:
                continue
            light_owner = by_token.get(draft.light.i) if draft.light is not None else None
            if light_owner is not None and light_owner is not draft and light_owner.rule.absorbs:
                if not _kept_apart(draft, light_owner):
                    draft.absorbed_by = light_owner  # "agreed to a truce", "called for talks"
                continue
            if _is_purpose(draft.clause) and by_token.get(draft.clause.head.i) not in (None, draft) \
                    and draft.event in ("ASSAULT", "CONSULT", "SUPPORT", "AID"):
                owner = by_token[draft.clause.head.i]  # "deployed troops to fight gangs", "gave aid to assist refugees"
                draft.absorbed_by = owner
                if draft.event == owner.event and not owner.recipient:
                    owner.recipient = list(draft.recipient)
                continue
            tok = draft.clause
            if tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(c.dep_ == "mark" for c in tok.children) \
                    and draft.event in _PARTICIPLE_ACTS:
                continue  # "refused to attend, calling it a sham": the participle is an act of its own
            steps = 0
            alternative = condition = False
            while (tok.dep_ in _COMPLEMENT_DEPS or _alternative(tok) or _deadline(tok)) and tok.head.i != tok.i and steps < 8:
                if _told_as_time(tok):
                    break  # "appealed for help after gangs stormed two prisons": the storming happened, no one asked for it
                alternative = alternative or tok.dep_ == "conj"
                # "…if Iran kept supplying drones": an act the threat answers; "unless it curbed migration",
                # "if Yerevan did not withdraw": the act demanded, which is the threat's own content
                condition = condition or (tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in tok.children)
                                          and not any(c.dep_ == "neg" for c in tok.children))
                tok = tok.head
                steps += 1
                owner = by_token.get(tok.i)
                if owner is not None and owner is not draft and owner.rule.absorbs:
                    if not _kept_apart(draft, owner) and not (condition and owner.event == "THREATEN"):
                        draft.absorbed_by = owner
                    break
                if owner is not None:
                    if alternative and owner.absorbed_by is not None:
                        draft.absorbed_by = owner.absorbed_by  # the other half of an absorbed "X or Y"
                    break

    def _mode(self, draft: Draft) -> None:
        cues = self.rules.mode_cues.get(draft.event)
        if not cues:
            return
        words = {draft.trigger.lemma_.lower(), draft.trigger.lower_}
        if draft.trigger.pos_ == "VERB":
            words -= {"tear"}  # the cue of tear gas; "a bomb tore through a convoy" is no crowd control
        for child in draft.trigger.children:
            if child.dep_ in ("compound", "amod", "nmod", "dobj", "nsubj", "prep", "agent", "npadvmod", "advmod", "nsubjpass"):
                words |= {t.lemma_.lower() for t in child.subtree}
        if draft.light is not None:
            words |= {t.lemma_.lower() for c in draft.light.children if c.dep_ in ("dobj", "prep", "nsubj") for t in c.subtree}
        for mode, lemmas in cues.items():
            if words & lemmas:
                draft.mode = [mode]
                return

    def _mode_from_complement(self, draft: Draft, ctx: SentenceContext) -> None:
        cues = self.rules.mode_cues.get(draft.event)
        if not cues or draft.mode:
            return
        words: set[str] = set()
        for child in draft.trigger.children:
            if child.dep_ in ("xcomp", "ccomp", "prep", "dobj", "pcomp", "advcl"):
                words |= {t.lemma_.lower() for t in child.subtree}
        for mode, lemmas in cues.items():
            if words & lemmas:
                draft.mode = [mode]
                return
        if draft.event in ("REQUEST", "REJECT") and words:
            draft.mode = ["change"]


# How one act of force links to the next in the same report: "attacked X, killing 30" (advcl),
# "a bombing that killed 16" (relcl), "an air raid kills 20" (subject), "killed in a battle",
# "killed following an attack" (prepositions of the same event, not "after", which orders two).
_SAME_ACT_DEPS = {"advcl", "xcomp", "conj", "relcl", "acl", "nsubj", "nsubjpass", "ccomp", "csubj"}
_SAME_ACT_PREPS = {"in", "during", "by", "with", "following", "from", "amid"}


def _place_laid_on(ctx: SentenceContext) -> ActorRef:
    """The country of the sentence's place as the one a measure is laid on, named as the sentence names it."""
    code = ctx.places[0]
    named = next((ctx.sent.doc[m.start:m.end].text for t in ctx.tokens if (m := ctx.mentions.get(t.i)) is not None
                  and (m.entity.country or m.entity.code) == code and m.entity.kind in ("country", "place", "city")), code)
    return ActorRef(code=code, sector=None, entity_text=named, kind="place", country_from="context")


def _authorities(ctx: SentenceContext, country: str | None = None) -> ActorRef:
    """The unnamed authorities of a place (the sentence's first unless named), the doer of an agentless arrest or
    curfew (WCEP convention)."""
    return ActorRef(code=country or ctx.places[0], sector="GOV", entity_text="authorities", country_from="context")


def _linked(a: Token, b: Token) -> bool:
    """Whether b hangs off a as part of the same act of force."""
    if b.head.i == a.i and b.dep_ in _SAME_ACT_DEPS:
        return not (b.dep_ == "conj" and any(c.dep_ in _SUBJECT_DEPS for c in b.children))
    if b.dep_ == "advcl" and b.tag_ == "VBG" and not any(c.dep_ in _SUBJECT_DEPS for c in b.children) \
            and a.i in {t.i for t in b.ancestors}:
        return True  # "attacked crowds gathered outside the airport, killing scores": the parser hangs the
        # participle on the crowds' clause; its deaths are still the attack's
    return b.dep_ == "pobj" and b.head.head.i == a.i and b.head.lower_ in _SAME_ACT_PREPS


def _drop_appositive_restatements(drafts: list[Draft]) -> list[Draft]:
    """An event noun set off in apposition inside another event of the same type and mode says that event again ("a
    surprise visit to Damascus, his first trip to the Syrian capital"; "a summit in Anchorage, Putin's first visit to
    the US" tells a visit besides the talks): dropped."""
    def restates(d: Draft) -> bool:
        noun = d.trigger
        if noun.pos_ != "NOUN" or noun.left_edge.i == 0 or noun.doc[noun.left_edge.i - 1].text != ",":
            return False
        # set off by a comma: an apposition, or a second object the parser hung on the same verb ("his first trip")
        said_again = noun.dep_ == "appos" or any(c.dep_ == "poss" for c in noun.children)
        return said_again and any(e is not d and e.event == d.event and e.mode == d.mode and e.trigger.i < noun.i
                                  and (noun in e.trigger.subtree or noun.head == e.trigger.head) for e in drafts)
    return [d for d in drafts if not restates(d)]


def _merge_linked_assaults(drafts: list[Draft]) -> list[Draft]:
    """One act of force told by several words ("struck X, killing 30 and wounding 40") is one ASSAULT.

    The draft that names the attacker is kept (the first one when several do); the others give it
    their recipients and modes.
    """
    assaults = [d for d in drafts if d.event == "ASSAULT"]
    if len(assaults) < 2:
        _battle_sides(assaults)
        return drafts
    group = {id(d): i for i, d in enumerate(assaults)}

    def find(i: int) -> int:
        while group[id(assaults[i])] != i:
            i = group[id(assaults[i])]
        return i

    for x, a in enumerate(assaults):
        for y, b in enumerate(assaults):
            if x != y and (_linked(a.trigger, b.trigger) or _linked(a.clause, b.trigger) or _linked(a.trigger, b.clause)):
                rx, ry = find(x), find(y)
                if rx != ry:
                    group[id(assaults[max(rx, ry)])] = min(rx, ry)
    members: dict[int, list[Draft]] = {}
    for i, d in enumerate(assaults):
        members.setdefault(find(i), []).append(d)
    dropped: set[int] = set()
    for same in members.values():
        _battle_sides(same)
        if len(same) < 2:
            continue
        keep = next((d for d in same if d.actor), same[0])
        for other in same:
            if other is keep:
                continue
            keep.recipient = _unique(keep.recipient + [r for r in other.recipient if r not in keep.actor])
            if not keep.mode and other.mode:
                keep.mode = list(other.mode)
            dropped.add(id(other))
    return [d for d in drafts if id(d) not in dropped]


# Words of a fight between two sides (team): who falls in one was a side of it, not its target.
_BATTLE_WORDS = {"battle", "clash", "fighting", "fight", "firefight", "gunbattle", "gunfight", "shootout", "skirmish",
                 "combat", "hostility", "hostilities"}


def _fuel_blast(tok: Token) -> bool:
    """An explosion of fuel: "a gas explosion at a restaurant", "a tanker truck explodes", "a fuel depot blast"
    (not "a gas attack": chemical weapons are used by someone)."""
    if tok.lemma_.lower() not in ("explosion", "blast", "explode", "fire", "blaze"):
        return False
    around = [c for c in tok.children if c.dep_ in ("compound", "amod", "nsubj")]
    around += [g for c in around if c.dep_ == "nsubj" for g in c.children if g.dep_ in ("compound", "amod")]
    if any(c.lemma_.lower() in _FUELS for c in around):
        return True
    # "explosions at a chemical warehouse", "a fire at a textile factory": an industrial site's own accident
    holders = [tok, tok.head.head] if tok.dep_ == "pobj" and tok.head.lower_ == "of" else [tok]  # "a series of explosions at…"
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("tear", "rip", "rock", "hit", "destroy", "level", "gut"):
        holders.append(tok.head)  # "a blast tore through a chemical plant": the site is the verb's
    sites = [c for h in holders for c in h.children if c.dep_ == "dobj"]
    sites += [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "through")
              for p in c.children if p.dep_ == "pobj"]
    return any(p.lemma_.lower() in _INDUSTRIAL_SITES for p in sites)


_INDUSTRIAL_SITES = {"warehouse", "factory", "plant", "mine", "colliery", "refinery", "mill", "workshop", "smelter",
                     "foundry"}
_FUELS = {"gas", "propane", "methane", "fuel", "tanker", "boiler", "cylinder", "firework", "fireworks", "petrol",
          "gasoline", "diesel"}


def _battle_word(tok: Token) -> bool:
    """A fight between sides, not one side's act on another ("combat drug gangs", "fought the rebels")."""
    return (tok.lemma_.lower() in _BATTLE_WORDS or tok.lower_ in ("clashes", "fighting")) \
        and not any(c.dep_ in ("dobj", "obj") for c in tok.children)


def _battle_sides(same: list[Draft]) -> None:
    """ "20 rebels and 27 ISIS fighters are killed in a battle", "five troops were killed following clashes with
    Houthi militants", "fighting kills 34 militants and two soldiers": the fighters who fell were the sides of
    the battle (its actors, with whoever it was fought with); no one attacked them, so there is no recipient.
    Only when no one is said to have killed them ("troops killed 20 rebels in a battle" keeps its target)."""
    linked = [d for d in same if _battle_word(d.trigger) or any(
        _battle_word(t) for t in d.trigger.children if t.dep_ in ("nsubj", "nsubjpass", "csubj")) or any(
        _battle_word(p) for c in d.trigger.children if c.dep_ == "prep" and c.lower_ in _SAME_ACT_PREPS | {"after"}
        for p in c.children if p.dep_ == "pobj")]
    if not linked or any(d.actor for d in same if not _battle_word(d.trigger)):
        return
    armed = [r for d in same for r in d.recipient if r.sector in _ARMED_SECTORS - {"GOV"}]
    if not armed:
        return
    sides = _unique([a for d in same for a in d.actor] + armed)
    for d in same:
        d.actor = list(sides)
        d.recipient = []


def _merge_conjoined(drafts: list[Draft]) -> list[Draft]:
    """Two verbs of one type joined by "and" on the same recipient are one event ("she is accused of
    fraud and charged with theft"); the first keeps the actor the second found."""
    by_token = {d.trigger.i: d for d in drafts if d.light is None}
    dropped: set[int] = set()
    for d in drafts:
        first = by_token.get(d.trigger.head.i) if d.trigger.dep_ == "conj" and d.light is None else None
        if first is None or first is d or id(first) in dropped or first.event != d.event or first.event == "ASSAULT":
            continue
        if not d.recipient or any(c.dep_ in ("nsubj", "nsubjpass") for c in d.trigger.children):
            continue  # "militants seized X and the president declared Y": two subjects, two events
        if {(r.code, r.sector) for r in first.recipient} != {(r.code, r.sector) for r in d.recipient}:
            continue
        if not first.actor:
            first.actor = list(d.actor)
        elif d.actor and {a.code for a in d.actor} != {a.code for a in first.actor}:
            continue
        if not first.mode and d.mode:
            first.mode = list(d.mode)
        dropped.add(id(d))
    return [d for d in drafts if id(d) not in dropped]


_GUN_WORDS = {"rifle", "gun", "live", "sniper", "automatic", "machine", "machine-gun", "artillery", "mortar", "rocket", "tank",
              "assault", "small", "arm", "arms", "weapon", "heavy", "sustained", "gunmen", "enemy", "hostile", "cross", "friendly"}
_GUN_VERBS = {"open", "exchange", "return", "come", "draw", "trade", "cease", "hold", "direct", "aim", "rain", "pour",
              "set", "meet", "answer", "respond"}  # and arson: "set fire to the office"; force: "met with fire"


def _gunfire(tok: Token) -> bool:
    """Whether a "fire" is shooting, not a blaze."""
    if tok.lemma_.lower() != "fire":
        return False
    if tok.pos_ in ("VERB", "AUX"):
        return True
    if any(c.lemma_.lower() in _GUN_WORDS for c in tok.children if c.dep_ in ("compound", "amod", "nmod")):
        return True
    governor = tok.head.head if tok.dep_ == "pobj" else tok.head
    return governor.lemma_.lower() in _GUN_VERBS


_SHOOTING = {"shoot", "gun"}
_CAUSING_VERBS = {"spark", "trigger", "prompt", "provoke", "fuel", "ignite", "cause", "draw", "attract"}
# verbs of taking people, in raids or out of them ("detained … in pre-dawn raids", "freed hostages in a raid")
_ARREST_VERBS = {"arrest", "detain", "capture", "seize", "nab", "apprehend", "round", "pick", "hold", "rescue", "free"}
# What teams and players do that reads like a political act besides attacks and signings (guarded on their own):
# "resigned", "withdrew from the tournament", "hailed the win", "conceded", "rejected the offer", "threatened to
# quit"; police, courts and fans' protests in a sports report stay events
_SPORT_TYPES = {"RETREAT", "SUPPORT", "CONCEDE", "REJECT", "THREATEN", "MOBILIZE", "ACCUSE", "COERCE"}
_WEAK_SPORT_WORDS = {"marathon", "champion", "fan", "sprint", "relay", "medal", "trophy"}  # "marathon talks", "a champion of…"


# The threat a demand carries when it names a penalty ("… or face suspension"): made by the team's code, not a rules.yaml entry.
_VERBAL = {"SUPPORT", "AGREE", "REJECT", "CONCEDE", "CONSULT", "REQUEST", "COOPERATE"}
_DIRECTED = {"ACCUSE", "THREATEN", "SANCTION", "SUPPORT", "REQUEST", "REJECT", "COERCE"}  # split when done to each other
_DEMAND_NOUNS = {"demand", "call", "request", "appeal", "plea"}
_ULTIMATUM = Rule(pos="verb", lemmas=frozenset({"face"}), type="THREATEN", id="team:demand-or-face")
# Leaving an organisation is no pulling back of forces (team, with docs/gold.md: "leave a treaty" is SANCTION withdraw):
# "Burkina Faso withdraws from ECOWAS", "their withdrawal from the Economic Community of West African States".
_LEAVE_ORGANISATION = Rule(pos="verb", lemmas=frozenset({"withdraw", "withdrawal"}), type="SANCTION", mode="withdraw",
                           id="team:leave-organisation")
# What one says another must do is a demand (made by the team's code): "Russia must withdraw, Paris said".
# Its "not" is part of what is demanded ("Iran should not attack Israel"), as for a rule coded only when negated.
_OBLIGATION = Rule(pos="verb", lemmas=frozenset({"must"}), type="REQUEST", id="team:must-do", when_negated=True)
_DUTY_AUX = {"must", "should", "ought"}
_DUTY_MODES = {"RETREAT": "yield", "CONSULT": "meet", "AID": "assist", "COOPERATE": "assist"}
# Who can be told to do what no rule codes: states and armed or political parties, not firms or citizens.
_DUTY_BEARERS = {"GOV", "MIL", "REB", "PRM", "UAF", "LEG", "JUD", "COP", "SPY", "PTY", "OPP", "IGO"}
_YIELDING = {"stop", "halt", "end", "cease", "withdraw", "leave", "release", "free", "return", "step", "surrender",
             "abandon", "dismantle", "disarm", "quit", "resign", "hand", "give"}
_MEETING = {"negotiate", "talk", "meet"}


def _duty_mode(tok: Token) -> str:
    """The REQUEST mode of a duty no rule coded: to give up or stop something is to yield, to talk is to meet."""
    lemma = tok.lemma_.lower()
    if lemma in _MEETING or (lemma in ("return", "resume", "come") and any(
            p.lemma_.lower() in ("talk", "negotiation", "table") for c in tok.children if c.dep_ == "prep" for p in c.children)):
        return "meet"
    return "yield" if lemma in _YIELDING else "change"


def _sides(actors: list[ActorRef]) -> set[tuple[str | None, str | None]]:
    """The (country, sector) pairs of actors: who is the same party as whom."""
    return {(a.code, a.sector) for a in actors}


def _private_exchange(draft: Draft) -> bool:
    """Words between private parties of no known country ("the singer thanked her fans", "the board accepts Musk's
    offer"): no political event, whatever the verb."""
    return draft.event in _VERBAL and bool(draft.actor) and all(a.code is None and a.sector in ("CVL", "BUS", None)
                                                               for a in draft.actor + draft.recipient)


def _members_meeting(subjects: list[Token], actors: list[ActorRef]) -> bool:
    """Members of one organisation who meet are a meeting of its states ("ASEAN foreign ministers convene", "EU
    leaders conferred"): the organisation alone, with a plural subject."""
    return bool(actors) and all(a.code in ("IGO", "EUR", "UNO") for a in actors) and any(t.tag_ == "NNS" for t in subjects)


def _reciprocal(draft: Draft) -> list[Draft]:
    """An act two parties do to each other is two directed events ("Armenia and Azerbaijan accuse each other":
    ARM → AZE and AZE → ARM), as PLOVER's dyads are; a meeting or a mutual clash stays one event with both actors."""
    if draft.event not in _DIRECTED or draft.recipient or len({a.code for a in draft.actor}) != 2:
        return [draft]
    if not any(t.lower_ in ("each", "one") and t.nbor().lower_ in ("other", "another") for t in draft.trigger.subtree
               if t.i + 1 < len(t.doc)):
        return [draft]
    first, second = ([a for a in draft.actor if a.code == code] for code in dict.fromkeys(a.code for a in draft.actor))
    return [replace(draft, actor=first, recipient=second), replace(draft, actor=second, recipient=first, mode=list(draft.mode))]


def _protest_targets_from_demands(drafts: list[Draft]) -> None:
    """A crowd that protests and demands something of a state protests against it ("rally in Kyiv, demanding that
    President Yanukovych sign the agreement": the protest's target is Yanukovych's government)."""
    for protest in drafts:
        if protest.event != "PROTEST" or protest.recipient:
            continue
        codes = {a.code for a in protest.actor}
        asked = next((d.recipient for d in drafts if d.event == "REQUEST" and d.recipient
                      and {a.code for a in d.actor} == codes), [])
        protest.recipient = [a for a in asked if a.sector in _STATE_ACTORS | {"ELI", "PTY"}]


def _demand_owners(demand: Token) -> list[Token]:
    """Who made a demand, as its noun phrase says: "Moscow's demand", "opposition demands", "a call by Egypt",
    "calls from the bishops", "demands presented by Saudi Arabia"."""
    holders = [demand] + [h for h in (demand.head, demand.head.head) if demand.dep_ == "pobj" and h.lower_ != demand.lower_]
    owners = [c for h in holders for c in h.children if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN"))]
    owners += [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
               for p in c.children if p.dep_ == "pobj"]
    owners += [p for h in holders for c in h.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
               for p in a.children if p.dep_ == "pobj"]
    return owners


def _kept_apart(draft: Draft, owner: Draft) -> bool:
    """Whether a threat someone else made, named as what the verb's actor answers ("rejected an ultimatum from the
    EU"), is an event of its own rather than part of the answer (a demand rejected stays the refusal's, as the gold
    codes it); when it is, it is aimed at whoever answers it."""
    if draft.event != "THREATEN" or owner.event == draft.event or not _other_party(draft, owner):
        return False
    draft.recipient = draft.recipient or list(owner.actor)
    return True


def _other_party(draft: Draft, owner: Draft) -> bool:
    """Whether a noun's event has a doer of its own, apart from the verb's ("an ultimatum from Spain")."""
    codes = {a.code for a in owner.actor}
    return bool(draft.actor) and all(a.code and a.code not in codes for a in draft.actor)


def _drop_riot_casualties(drafts: list[Draft]) -> list[Draft]:
    """ "Eight people were killed in riots": the deaths are part of the riot, no ASSAULT of their own
    when no one is said to have killed them ("troops shot 58 during protests" stays an ASSAULT, and so does
    "two people were shot dead during protests": a riot shoots no one)."""
    protests = {d.trigger.i for d in drafts if d.event == "PROTEST"}
    if not protests:
        return drafts
    out = []
    for d in drafts:
        if d.event == "ASSAULT" and not d.actor and d.trigger.lemma_.lower() not in _SHOOTING and any(
                c.dep_ == "prep" and c.lower_ in ("in", "during", "amid") and any(p.i in protests for p in c.children)
                for c in d.trigger.children):
            continue
        out.append(d)
    return out


# Verbs by which a crowd or a party asks for something (team): what hangs under them is demanded, not done.
_DEMAND_VERBS = {"demand", "call", "press", "chant", "urge", "push", "clamour", "clamor", "seek", "want", "insist"}


def _demanded_resignation(tok: Token) -> bool:
    """A resignation asked for: "demand the president's resignation", "demanded that Kabila step down"."""
    lemma = tok.lemma_.lower()
    asked_for = (tok.pos_ == "NOUN" and lemma in ("resignation", "ouster", "removal", "departure")) or (
        tok.pos_ in ("VERB", "AUX") and (lemma in ("resign", "quit") or (lemma == "step" and any(c.lower_ == "down" for c in tok.children))))
    return asked_for and _governed_by(tok, _DEMAND_VERBS | {"appeal", "plea"}, 4)


def _governed_by(tok: Token, lemmas: frozenset[str] | set[str], steps: int) -> bool:
    """Whether one of the `steps` heads above `tok` is one of `lemmas`."""
    node = tok
    for _ in range(steps):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in lemmas:
            return True
    return False


# Verbs of the law whose "for", "of" or "with" phrase names the crime it answers (team).
_CRIME_ANSWERED = {"convict", "sentence", "jail", "imprison", "arrest", "detain", "charge", "indict", "try", "acquit",
                   "prosecute", "fine", "extradite", "hang", "execute", "punish", "accuse", "suspect", "blame", "link",
                   "tie", "connect", "guilty", "innocent"}


_PARTITIVE = {"any", "some", "none", "all", "each", "many", "several", "most", "few", "dozens", "hundreds", "scores", "members"}


def _drop_tried_crimes(drafts: list[Draft]) -> list[Draft]:
    """ "A court convicted twelve men for the bombing that killed 209", "arrested X for kidnapping and torturing two
    women", "sentenced 16 to death for burning a student alive": the crime a court or the police answer is told as the
    reason for their act, no ASSAULT of its own (the conviction or arrest is the event)."""
    return [d for d in drafts if not (d.event in ("ASSAULT", "COERCE") and (_answered_crime(d.trigger) or _inquired_crime(d.trigger)))]


_INQUIRIES = {"investigation", "probe", "inquiry", "enquiry", "trial", "case", "hearing", "lawsuit", "charge", "indictment",
              "suspect", "perpetrator", "culprit", "mastermind"}  # "identified a suspect in the bombings"


def _inquired_crime(tok: Token) -> bool:
    """ "opened an investigation into the killings": the crime looked into, whose doer is not the investigator; it
    stays an event when the phrase names its doer ("into the killings of protesters by police")."""
    told_as_noun = tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj"
    told_as_gerund = tok.tag_ == "VBG" and tok.dep_ == "pcomp"  # "on charges of sexually assaulting a maid"
    if not (told_as_noun or told_as_gerund) or tok.head.lower_ not in ("into", "of", "over", "on", "in", "behind"):
        return False
    holder = tok.head.head  # the inquiry, or the verb that opened it when the parser hangs the phrase there
    inquiries = [holder] + [c for c in holder.children if c.dep_ == "dobj"] if holder.pos_ in ("VERB", "AUX") else [holder]
    if not any(t.lemma_.lower() in _INQUIRIES for t in inquiries):
        return False
    return not any(c.dep_ == "poss" for c in tok.children) and not any(t.lower_ == "by" for t in tok.sent if t.i > tok.i)


def _answered_crime(tok: Token) -> bool:
    if tok.dep_ == "conj" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in _CRIME_ANSWERED \
            and not any(c.dep_ in _SUBJECT_DEPS for c in tok.children):
        return True  # "arrested a man for kidnapping and torturing two women", the gerund parsed as the verb's conjunct
    node = tok
    reason = False  # a "for" or "over" passed on the way up: "sentences X to life in prison for complicity in the killing"
    while node.head.i != node.i:
        if _told_as_time(node):
            return False  # "…before a march, during which police arrested 120 people": a fact told of the march
        head = node.head
        reason = reason or (node.dep_ == "prep" and node.lower_ in ("for", "over"))
        if reason and node.dep_ == "prep" and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in _CRIME_ANSWERED:
            return True
        if node.dep_ == "prep" and head.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("NOUN", "PROPN", "PRON", "NUM") \
                and not (node.lower_ == "of" and (head.pos_ in ("PRON", "NUM") or head.lower_ in _PARTITIVE)):
            head = head.head  # "arrested a man for kidnapping": the phrase hangs off the one arrested ("any of": partitive)
        if node.dep_ == "prep" and node.lower_ in ("for", "of", "with", "over", "to") and head.lemma_.lower() in _CRIME_ANSWERED \
                and head.pos_ in ("VERB", "AUX", "ADJ"):
            return not (node.lower_ == "to" and head.lemma_.lower() not in ("link", "tie", "connect"))
        if node.dep_ in ("ccomp", "nsubj", "nsubjpass", "dobj") or head.pos_ in ("VERB", "AUX") and node.dep_ not in (
                "prep", "pcomp", "conj", "relcl", "acl", "pobj", "advcl", "xcomp"):
            return False
        node = head
    return False


def _drop_passive_pairs(drafts: list[Draft]) -> list[Draft]:
    """ "Was convicted and sentenced", "is accused of X and charged with Y": one act told by two passive verbs."""
    by_token = {d.trigger.i: d for d in drafts}
    out = []
    for d in drafts:
        head = by_token.get(d.trigger.head.i) if d.trigger.dep_ == "conj" else None
        if head is not None and head is not d and head.event == d.event and _is_passive(d.trigger.head) \
                and (_passive_conj(d.trigger) or _is_passive(d.trigger)) \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in d.trigger.children):
            continue
        out.append(d)
    return out


def _rehearsed(tok: Token) -> bool:
    """An act inside what a drill simulates or rehearses ("exercises simulating Chinese submarines attacking",
    "rehearsed an invasion"), or a consultation "in consultation with" someone: nothing done."""
    if tok.lemma_.lower() == "consultation" and tok.dep_ == "pobj" and tok.head.lower_ == "in":
        return True
    return _governed_by(tok, _REHEARSAL, 3)


_REHEARSAL = {"simulate", "rehearse", "practise", "practice", "mimic", "wargame"}


def _drop_sanction_verbs(drafts: list[Draft]) -> list[Draft]:
    """ "slapped sanctions on Minsk, targeting 26 officials": the verbs that carry or aim sanctions strike no one."""
    carriers = {t.i for d in drafts if d.event == "SANCTION" for t in (d.trigger, d.light) if t is not None}
    if not carriers:
        return drafts

    def carries(tok: Token) -> bool:
        own_subject = any(c.dep_ in _SUBJECT_DEPS for c in tok.children)
        return tok.i in carriers or (tok.head.i in carriers and not own_subject)
    return [d for d in drafts if not (d.event == "ASSAULT" and d.trigger.lemma_.lower() in _SANCTION_VERBS
                                      and carries(d.trigger))]


_SANCTION_VERBS = {"slap", "hit", "target", "strike"}


def _names_as(verb: Token, obj: Token) -> bool:
    """Whether the verb calls its object something ("calling the bloc a colonial relic", "called the minister a friend")."""
    return any(c.dep_ == "oprd" for c in verb.children) or any(
        c.dep_ == "appos" and any(d.lower_ in ("a", "an") for d in c.children) for c in obj.children)


def _figurative_cause(tok: Token) -> bool:
    """A word of nature that names no disaster here: "a lightning offensive", "Leopard 2 tanks"."""
    if tok.lower_ == "lightning":
        return tok.dep_ in ("amod", "compound")
    return tok.is_title and tok.pos_ == "PROPN" and tok.lemma_.lower() in _NAMED_ANIMALS


def _border_partner(noun: Token) -> Token | None:
    """The country across a border: "massed troops along its border with Ukraine" is aimed at Ukraine; None for any
    other noun, or a border with no "with"."""
    if noun.lemma_.lower() not in _BORDER_NOUNS:
        return None
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    # the parser may hang "with Russia" on the verb: "deployed troops to their borders with Russia"
    withs = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"] or \
        ([after] if after is not None and after.lower_ == "with" and after.dep_ == "prep" else [])
    return next((p for c in withs for p in c.children if p.dep_ == "pobj"), None)


def _goods_origin(noun: Token) -> Token | None:
    """Where goods come from, for a measure laid on them: "tariffs on steel imports from Vietnam", "duties on cars made
    in China" (the country is whom the measure hits); None for anything but goods."""
    if noun.lemma_.lower() not in _GOODS_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in ("make", "produce", "manufacture"):
            return next((p for c in child.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by")
                         for p in c.children if p.dep_ == "pobj"), None)
    measure = noun.head.head if noun.dep_ == "pobj" else noun  # the parser may hang "from Vietnam" on the measure or its verb
    for holder in (noun, measure, measure.head):
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ == "from":
                return next((p for p in child.children if p.dep_ == "pobj"), None)
    return None


_BORDER_NOUNS = {"border", "frontier", "boundary"}
# what a state is called in "X became the first country to…" ("the only Republican to vote to convict" votes, no more)
_STATE_NOUNS = {"country", "nation", "state", "government", "member", "power", "democracy", "republic", "kingdom"}
_VOWS = {"vow", "pledge", "promise", "swear"}
_BOMBS = {"bomb", "bombing", "ied", "explosive", "grenade", "bomber"}
_BLAST_AFTERMATH = {"collapse", "fire", "blaze"}
_NAMED_ANIMALS = {"leopard", "bear", "tiger", "lion", "wolf", "cheetah", "rhino", "hippo", "buffalo", "jaguar"}
_GOODS_NOUNS = {"import", "imports", "good", "goods", "product", "products", "export", "exports", "shipment", "car", "vehicle",
                "steel", "aluminium", "aluminum", "panel", "chip", "textile", "commodity"}


def _drop_protest_complements(drafts: list[Draft]) -> list[Draft]:
    """ "Hundreds thronged the office, protesting against power cuts", "gathered to protest": one demonstration, told
    by the verb that governs the other."""
    protests = {d.trigger.i for d in drafts if d.event == "PROTEST"}
    return [d for d in drafts if not (d.event == "PROTEST" and d.trigger.dep_ in ("advcl", "xcomp")
                                      and d.trigger.head.i in protests and d.trigger.head.i != d.trigger.i)]


def _drop_purposes(drafts: list[Draft]) -> list[Draft]:
    """ "deploys 1,000 soldiers to help fight an insurgency", "sent troops to combat the rebels": the fight is what
    the deployment or the aid is for, no attack told."""
    movers = {d.trigger.i for d in drafts if d.event in ("MOBILIZE", "AID")}
    if not movers:
        return drafts
    return [d for d in drafts if not (d.event == "ASSAULT" and _purpose_of(d.trigger, movers))]


def _purpose_of(tok: Token, heads: set[int]) -> bool:
    """An infinitive of purpose of one of `heads` ("sent troops to fight", "deployed … to help fight")."""
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "help":
        tok = tok.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    return infinitive and tok.dep_ in ("xcomp", "advcl") and tok.head.i in heads


def _market_force(draft: Draft, ctx: SentenceContext, markets: frozenset[str]) -> bool:
    """Force used only by business in a sentence about markets: "bond investors fired a warning shot at the government"."""
    return draft.event == "ASSAULT" and bool(draft.actor) and all(a.sector == "BUS" for a in draft.actor) \
        and bool(ctx.lemmas & markets)


def _contest_of_words(draft: Draft, ctx: SentenceContext) -> bool:
    """A "battle" or "fight" no force and no country takes part in, in a sentence with no harm done: a
    firm's battle with regulators, a government fighting inflation, a clash of candidates."""
    if draft.event != "ASSAULT" or draft.trigger.lemma_.lower() not in _CONTEST_WORDS or ctx.lemmas & _HARM_WORDS:
        return False
    doc = ctx.sent.doc
    states = [a for a in draft.actor if a.kind == "country" and a.start is not None
              and (span := doc.char_span(a.start, a.end, alignment_mode="expand")) is not None
              and any(t.ent_type_ == "GPE" for t in span)]  # "Ukraine and Russia battle for…", not "Chinese competition"
    return not states and not any(a.sector in _FORCE_SECTORS for a in [*draft.actor, *draft.recipient])


_CONTEST_WORDS = {"battle", "fight", "war", "clash", "struggle", "combat", "feud", "wrangle", "spar", "fighting"}
_FORCE_SECTORS = {"MIL", "COP", "REB", "UAF", "CRM", "SPY", "PRM", "IMG"}
_HARM_WORDS = {"kill", "dead", "death", "wound", "injure", "injury", "casualty", "shell", "bomb", "artillery", "troop",
               "soldier", "fighter", "gun", "gunfire", "rocket", "missile", "airstrike", "strike", "shoot", "shot", "weapon"}
# an attack as the subject of "hit", "struck", "targeted": "an air strike hit a hospital"
_PARTICLE_WORDS = {"over", "up", "off", "out", "down", "back"}
_ATTACK_SUBJECTS = {"strike", "airstrike", "attack", "raid", "bombardment", "barrage", "shelling", "bombing", "salvo"}
_CYBER = {"cyber", "hacker", "ransomware", "computer", "ddos", "online", "malware"}
# what one travels in or on is no object carried ("flew to the Maldives on a military jet")
_VEHICLE_PREPS = {"on", "aboard", "onboard"}
_HOLDINGS = {"asset", "property", "fund", "account", "holding", "deposit", "reserve", "estate", "share", "stake"}
_FROM_SOURCE = {"THREATEN", "REQUEST", "ACCUSE", "AID", "SUPPORT", "AGREE"}


def _dated(tok: Token) -> bool:
    """A verb with a time of its own ("convicted on Monday", "sentenced last week")."""
    return any(c.dep_ in ("npadvmod", "tmod") or (c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.children))
               for c in tok.children)


def _adjective_as_noun(tok: Token) -> bool:
    """A word the tagger calls an adjective where a noun stands: "launch a ground offensive"."""
    return tok.pos_ == "ADJ" and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and tok.tag_ == "JJ"


def _left_organisation(draft: Draft) -> Draft:
    """A withdrawal from organisations only (no troops named) as the SANCTION of leaving them; other drafts as they are."""
    if draft.event != "RETREAT" or draft.mode != ["withdraw"] or not draft.recipient \
            or not all(r.code in ("IGO", "UNO", "EUR") and r.sector is None for r in draft.recipient) \
            or any(c.dep_ == "dobj" for c in draft.trigger.children):
        return draft
    return replace(draft, rule=_LEAVE_ORGANISATION)


def _at_home(actors: list[ActorRef], ctx: SentenceContext) -> bool:
    """Whether the actors and every place or country the sentence names are of one country."""
    named = {m.entity.country or m.entity.code for t in ctx.tokens if (m := ctx.mentions.get(t.i)) is not None
             and m.entity.kind in ("country", "city", "place")}
    return bool(actors and ctx.places) and len({a.code for a in actors} | set(ctx.places) | named) == 1


def _gerund_as_noun(tok: Token) -> bool:
    """A gerund that names an event, with no subject or object of its own: "Fighting between the army and rebels has
    killed 270" ("Killing civilians is a crime" has an object: a verb)."""
    return tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "csubj", "pobj") \
        and not any(c.dep_ in ("dobj", "nsubj", "aux", "auxpass", "ccomp", "xcomp", "dative") for c in tok.children)


def _fronted_place_skipped(verb: Token) -> list[Token]:
    """The verb's children, less a proper-noun subject the parser split from the next before the verb by a comma
    ("Harriman, Tennessee police arrest…": a town named before its state, both read as subjects)."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i]
    if len(subjects) > 1 and subjects[0].pos_ == "PROPN" and subjects[0].nbor(1).text == "," \
            and subjects[1].pos_ == "NOUN" and subjects[0].i + 1 < subjects[1].left_edge.i:  # not "Obama, Putin meet"
        children.remove(subjects[0])
    return children


def _headline_first_subject(verb: Token, subject: Token) -> list[Token]:
    """The other of two names a headline joins by a comma ("Obama, Putin meet", "South Korea, Japan hold talks"),
    which the parser hangs on the verb as a modifier or as a second subject; none when there is no such name."""
    if subject.pos_ != "PROPN":
        return []
    if subject.left_edge.i == verb.sent.start and subject.i + 2 < verb.i and subject.nbor(1).text == ",":
        return [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.left_edge.i == subject.i + 2]
    if subject.left_edge.i < 2:
        return []
    first = subject.doc[subject.left_edge.i - 2]
    if first.dep_ in ("npadvmod", "dep") and first.head.i == verb.i and first.pos_ == "PROPN" and first.nbor(1).text == "," \
            and first.left_edge.i == verb.sent.start and first.ent_type_ not in ("DATE", "TIME"):  # not "Monday, …"
        return [first]
    return []


def _headline_verb(tok: Token) -> bool:
    """A present-tense verb the model took for a noun: "Russia and Estonia exchange two spies", "forces
    capture Marib Dam" — the root of the sentence, with a subject and an object of its own."""
    return tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.tag_ in ("NN", "NNS", "VBP") \
        and any(c.dep_ == "nsubj" or (c.dep_ == "nmod" and c.pos_ == "PROPN") for c in tok.children) \
        and any(c.dep_ == "dobj" for c in tok.children)


def _headline_participle(tok: Token, ctx: SentenceContext) -> bool:
    """The participle that is a headline's verb: "Kremlin critic jailed in Moscow", "Five soldiers killed in Mali" —
    hung on the root noun of a sentence with no finite verb."""
    return ctx.verbless and tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("NOUN", "PROPN")


# A reaction's object that names an event told before ("Russia condemns the strike"), and the types it can be.
_TOLD_EVENTS = {
    **dict.fromkeys(("attack", "strike", "bombing", "shelling", "raid", "assault", "killing", "massacre", "offensive",
                     "incursion", "bombardment", "airstrike", "ambush"), frozenset({"ASSAULT"})),
    **dict.fromkeys(("verdict", "sentence", "ruling", "conviction", "judgment", "judgement"), frozenset({"SANCTION"})),
    **dict.fromkeys(("arrest", "detention", "crackdown"), frozenset({"COERCE"})),
    **dict.fromkeys(("exercise", "drill", "deployment", "manoeuvre", "maneuver"), frozenset({"MOBILIZE", "COOPERATE"})),
    **dict.fromkeys(("expulsion", "sanction", "ban"), frozenset({"SANCTION", "COERCE"})),
    **dict.fromkeys(("move", "decision", "step"), frozenset({"SANCTION", "COERCE", "CONCEDE", "AGREE", "MOBILIZE",
                                                             "RETREAT", "AID", "COOPERATE", "REJECT"})),
}
_REACTIONS = {"ACCUSE", "SUPPORT", "REJECT"}
_ARRIVING = {"arrive", "land", "fly", "travel", "head", "touch"}
# What a country sells: goods named by their country ("Chinese steel", "US imports") are its business sector.
_GOODS = {"good", "goods", "product", "import", "export", "steel", "aluminium", "aluminum", "car", "vehicle", "chip",
          "semiconductor", "electricity", "dairy", "lumber", "timber", "wine", "beef", "pork", "soybean", "grain", "wheat",
          "rice", "textile", "apparel", "tyre", "tire", "machinery", "commodity", "solar", "panel", "battery", "seafood",
          "fruit", "agricultural", "produce", "merchandise", "shipment", "oil", "gas", "coal", "crude"}
_CLAIM_VERBS = {"claim", "admit"}
_CLAIM_SAYING = {"say", "announce", "state", "confirm"}  # "X said it carried out the attack"
_DOING = {"carry", "conduct", "stage", "launch", "perpetrate", "commit", "mount", "execute"}
_NON_STATE_ARMED = {"REB", "UAF", "CRM", "PRM"}  # who is blamed for an attack as its doer
_AFFILIATES = {"affiliate", "branch", "franchise", "offshoot"}


_ATTACK_NOUNS = {"attack", "bombing", "blast", "explosion", "killing", "assault", "ambush", "raid", "massacre", "shooting",
                 "assassination", "kidnapping", "abduction"}


def _definite(noun: Token) -> bool:
    """A noun with a definite or demonstrative article: "the strike", "these exercises"."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in noun.children)


def _told_attack(noun: Token) -> bool:
    """An attack noun that points back to one told before: "claimed the attack", "claimed Friday's bombing"."""
    return noun.lemma_.lower() in _ATTACK_NOUNS and (_definite(noun) or any(c.dep_ == "poss" for c in noun.children))


def _business_deal(draft: Draft) -> bool:
    """Companies agreeing, meeting or working with companies ("UBS agrees to take over Credit Suisse", "Toyota and Honda
    agreed to merge their battery units"): business, not a political event; a state on either side makes it one."""
    return draft.event in ("AGREE", "CONSULT", "COOPERATE") and bool(draft.actor) \
        and all(a.sector == "BUS" for a in draft.actor) \
        and all(r.sector in ("BUS", None) and r.kind != "country" for r in draft.recipient)


def _event_noun_parties(verb: Token, ctx: SentenceContext) -> list[Token]:
    """Whose act a verb's object names when the object is an act, not a party: the owner of "her release" or "Kenya's
    decision", the object of "the release of two journalists"."""
    out = []
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i not in ctx.mentions):
        out += [c for c in obj.children if c.dep_ == "poss"]
        out += [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return out


def _owns_told_attack(clause: Token, lemma: str) -> bool:
    """A reported clause in which the speaker owns an attack told before: "(X said) it carried out the attack",
    "its fighters staged the raid", "it was behind the blast", "they were responsible for the bombing"."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not (subject.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON"
                                                             for c in subject.children)):
        return False
    if lemma in _DOING:
        return any(c.dep_ == "dobj" and _told_attack(c) for c in clause.children)
    if lemma == "be":
        preps = [p for c in clause.children if c.dep_ == "acomp" and c.lower_ == "responsible"
                 for p in c.children if p.dep_ == "prep" and p.lower_ == "for"]
        preps += [c for c in clause.children if c.dep_ == "prep" and c.lower_ == "behind"]
        return any(o.dep_ == "pobj" and _told_attack(o) for p in preps for o in p.children)
    return False


def aim_reactions(drafts: list[Draft], earlier: list[Draft]) -> None:
    """A reaction to an event told before is aimed at whoever did it: "The United States fires 59 missiles at
    Shayrat Airbase. Russia condemns the strike…" (Russia → United States), "…sentences Zamora to six years. The
    CPJ condemns the verdict" (→ the court). The object must be a definite event noun ("the strike", "the
    exercises") and the event the latest one of its kind by someone else, before the reaction."""
    for draft in drafts:
        if draft.event not in _REACTIONS or draft.recipient or not draft.actor:
            continue
        told = next((c for c in draft.trigger.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and _definite(c)), None)
        kinds = _TOLD_EVENTS.get(told.lemma_.lower()) if told is not None else None
        if not kinds:
            continue
        before = [d for d in earlier + drafts if d.trigger.i < draft.trigger.i and d.event in kinds and d.actor
                  and any(a.code for a in d.actor) and not (_sides(d.actor) & _sides(draft.actor))]
        if before:
            draft.recipient = list(before[-1].actor)


def _sponsored_objects(tok: Token) -> list[Token]:
    """The objects of a sponsor's participle the parser read as a verb after `tok`'s object ("attend United Nations
    brokered talks": the talks)."""
    doc = tok.doc
    return [g for c in tok.children if c.dep_ == "dobj" and c.i + 1 < len(doc)
            and doc[c.i + 1].tag_ in ("VBN", "VBD") and doc[c.i + 1].lemma_.lower() in _SPONSORING
            for g in doc[c.i + 1].children if g.dep_ == "dobj"]


def _inverted(aux: Token) -> bool:
    """An auxiliary before its verb's subject: "Should Washington bomb Iran, …" is a condition, no duty."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > aux.i for c in aux.head.children)


def _verbless_headline(tok: Token, ctx: SentenceContext) -> bool:
    """The noun is the root of a sentence without a verb: "Breakthrough border accord between Kyrgyzstan and
    Tajikistan" reports the accord as news."""
    return ctx.verbless and tok.dep_ == "ROOT" \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)  # "Riots of colour at Holi festival"


def _stormed(tok: Token) -> bool:
    """ "Protesters stormed the office": the verb is an assault, not the weather."""
    return tok.lemma_.lower() == "storm" and tok.pos_ == "VERB"


def _document_saying(tok: Token) -> Token | None:
    """The statement, resolution or report whose clause `tok` heads ("a resolution demanding…"), else None."""
    return tok.head if tok.dep_ == "acl" and tok.head.lemma_.lower() in _DOCUMENTS else None


def _drop_document_repeats(drafts: list[Draft]) -> list[Draft]:
    """"Signed a joint statement committing to…": the statement says what its signing does, one AGREE."""
    by_token = {d.trigger.i: d for d in drafts}

    def repeats(draft: Draft) -> bool:
        document = _document_saying(draft.trigger)
        if document is None or document.dep_ != "dobj":
            return False
        owner = by_token.get(document.head.i)
        return owner is not None and owner is not draft and owner.event == draft.event
    return [d for d in drafts if not repeats(d)]


def _infinitive_after_object(tok: Token) -> bool:
    """ "orders Volkswagen to fix the cars" parsed as a purpose clause: an infinitive after the verb's object is
    what the verb asks of it."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) \
        and any(c.dep_ == "dobj" and c.i < tok.i for c in tok.head.children)


def _to_infinitive(tok: Token) -> bool:
    """A "to" infinitive complement ("told Kyiv to withdraw"), however the parser attaches it."""
    return _infinitive_after_object(tok) or (tok.dep_ in ("xcomp", "ccomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)) or (_deadline(tok.head) and tok.dep_ in ("relcl", "acl")
                                                                     and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))


_DEADLINE_UNITS = {"hour", "day", "week", "month"}
_PRIVATE_SECTORS = {"CVL", "BUS", "REF", "LAB", "EDU", "MED", "REL", "JRN", None}
_SPONSORING = {"broker", "mediate", "sponsor", "back", "host", "organise", "organize", "lead", "led", "facilitate"}


def _deadline(tok: Token) -> bool:
    """The span of a deadline given to someone: "gave Belarus a week to free the journalist"."""
    return tok.dep_ in ("npadvmod", "dobj") and tok.lemma_.lower() in _DEADLINE_UNITS and tok.head.lemma_.lower() in ("give", "grant")


def _deadline_clauses(tok: Token) -> list[Token]:
    """The clauses hung on a deadline's span, where the parser puts what the deadline asks for."""
    return [g for c in tok.children if _deadline(c) for g in c.children]


def _relief(verb: Token) -> bool:
    """A purpose of relief ("to evacuate villagers", "to help flood victims"), not of force ("to help fight an
    insurgency", "to help restore order")."""
    lemma = verb.lemma_.lower()
    if lemma in _RELIEF:
        return True
    return lemma in ("help", "assist") and not any(t.lemma_.lower() in _FIGHT for t in verb.subtree if t.i != verb.i)


_PAIRS = {"side", "country", "leader", "nation", "government", "neighbour", "neighbor", "party", "state", "rival",
          "capital", "delegation", "army"}


def _the_two(tok: Token) -> bool:
    """ "The two agree…", "the two countries", "both sides": a pair named before."""
    if tok.dep_ in ("nsubj", "nsubjpass") and (tok.lower_ == "both" or (
            tok.lower_ == "two" and any(c.lower_ == "the" for c in tok.children))):
        return True
    return tok.lemma_.lower() in _PAIRS and tok.tag_ == "NNS" and any(
        c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet", "amod") for c in tok.children)


def label_colon(sent) -> Token | None:
    """The colon that ends a label of a few words with no finite verb, followed by a capitalised word ("Press
    freedom in Egypt: Amnesty…", "Russian invasion of Ukraine: Germany delivers…")."""
    for k, tok in enumerate(islice((t for t in sent if not t.is_space), 12)):
        if tok.text != ":":
            continue
        # the parser may end the sentence at the colon: the story's first word then opens the next one
        after = next((t for t in tok.doc[tok.i + 1:] if not t.is_space), None)
        if k == 0 or after is None or not after.text[:1].isupper() or any(
                t.pos_ in ("VERB", "AUX") and t.tag_ in FINITE_TAGS for t in tok.doc[sent.start:tok.i]):
            return None
        return tok
    return None


def glued_label(sent) -> bool:
    """A story name the parse set apart from the summary glued to it on the same line (`parse.glued_label_end`)."""
    last = sent[-1]
    return not last.is_punct and sent.end < len(sent.doc) and "\n" not in last.whitespace_ \
        and glued_label_end(sent.doc[sent.start:sent.end + 3]) == len(sent)


def _topic_label_end(sent, colon: Token | None) -> int:
    """The first token after a portal's topic label that names a story ("2011 England riots: Rioting breaks out…",
    "Russian invasion of Ukraine: Germany delivers…"), given the sentence's label colon; the label tells no event.
    The sentence's start when there is none."""
    if colon is None or not _story_name([t for t in sent.doc[sent.start:colon.i] if not t.is_space]):
        return sent.start
    return colon.i + 1


_STORY_WORDS = {"relations", "crisis", "war", "conflict", "unrest", "protests", "riots", "election", "elections", "politics",
                "case", "affair", "scandal", "dispute", "invasion", "insurgency", "pandemic", "referendum", "crackdown",
                "normalization", "normalisation", "process", "negotiations", "violence", "situation", "tensions", "talks",
                "skirmishes", "clashes", "campaign", "attacks", "bombings", "shootings", "coup", "reform", "reforms"}


def _story_name(label: list[Token]) -> bool:
    """A portal's name for a running story ("2011 England riots", "Russia–NATO relations", "Manipur violence"), not
    a headline of one event ("Israeli air strike on Gaza school"): it starts with a year or ends on a story word
    (or "X of Y": "Russian invasion of Ukraine")."""
    words = [t for t in label if not t.is_punct]
    if not words:
        return False
    if words[0].like_num and len(words[0].text) == 4:
        return True
    head = next((t for t in reversed(words) if t.pos_ == "NOUN" and not t.ent_type_), None)
    return words[-1].lower_ in _STORY_WORDS or (head is not None and head.lower_ in _STORY_WORDS)


def _told_as_time(tok: Token) -> bool:
    """A clause or noun that dates the act it hangs from ("after gangs stormed…", "after the clashes", "since the
    coup"): an event of its own, never what a request, refusal or promise is about."""
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in tok.children):
        return True
    if tok.dep_ in ("relcl", "advcl") and (any(c.dep_ == "prep" and any(p.lower_ == "which" for p in c.children) for c in tok.children)
                                or any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in tok.children)):
        return True  # "a march …, during which police arrested 120 people": what happened at it, told as fact
    return tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in ("after", "following", "since", "amid", "during", "before")


_REFUSING = {"veto", "reject", "block", "oppose", "defeat", "kill", "shelve", "scrap", "withdraw", "drop", "sink", "torpedo",
             "thwart", "stall", "dismiss", "derail", "water"}


def _said_by_refused_document(tok: Token) -> bool:
    """What a resolution or statement says when it was vetoed, blocked or failed to pass ("Russia vetoed a resolution
    demanding the withdrawal of its troops": no one demanded; what the demand absorbed goes with it). What it only
    reports stays an event ("China blocked a statement condemning the killing of protesters": the killing)."""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:  # "deploring its invasion … and demanding…"
        node = node.head
    document = _document_saying(node)
    if document is None or document.dep_ != "dobj":
        return False
    governor = document.head
    return governor.lemma_.lower() in _REFUSING or (governor.lemma_.lower() in _ISSUING and _negated(governor)) or (
        governor.dep_ == "xcomp" and governor.head.lemma_.lower() in ("fail", "refuse", "decline"))


def _is_purpose(tok: Token) -> bool:
    """An infinitive of purpose: "met to discuss", "fired tear gas to disperse them"."""
    return tok.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (tok.dep_ == "acl" and tok.tag_ == "VBN") \
        or _headline_passive(tok)


# Verbs that take an object wherever news uses them: without one, as a headline's root, they are passive.
_ALWAYS_TRANSITIVE = {"arrest", "detain", "jail", "imprison", "remand", "sentence", "convict", "kill", "wound", "injure",
                      "kidnap", "abduct", "execute", "deport", "expel", "extradite", "hang", "behead", "indict", "charge",
                      "summon", "capture", "torture", "pardon", "oust", "impeach", "sack", "free", "release",
                      "assassinate", "ambush", "murder", "lynch", "massacre", "slaughter", "evacuate", "sanction"}


def _headline_passive(tok: Token) -> bool:
    """A headline's passive without its auxiliary: "Kremlin critic remanded in custody", "Three journalists
    detained in Minsk" — the root a verb of `_ALWAYS_TRANSITIVE` with a subject and no object or auxiliary."""
    return tok.dep_ == "ROOT" and tok.tag_ in ("VBN", "VBD") and tok.lemma_.lower() in _ALWAYS_TRANSITIVE \
        and any(c.dep_ == "nsubj" for c in tok.children) \
        and not any(c.dep_ in ("dobj", "dative", "aux", "auxpass", "ccomp", "xcomp", "prt") for c in tok.children) \
        and not _next_verb_objects(tok)  # "Police arrested and charged three activists" is active


def _next_verb_objects(tok: Token) -> list[Token]:
    """The objects of the verb joined straight after this one ("beat and robbed refugees"), which it shares."""
    if tok.pos_ != "VERB" or tok.i + 2 >= len(tok.doc) or tok.nbor(1).lower_ not in ("and", "or"):
        return []
    nxt = tok.nbor(2)
    if nxt.dep_ != "conj" or nxt.head.i != tok.i or nxt.pos_ != "VERB":
        return []
    return [c for c in nxt.children if c.dep_ in ("dobj", "obj")]


def _passive_conj(tok: Token) -> bool:
    """The second verb of a passive pair: "was intercepted and seized by coalition forces"."""
    return tok.dep_ == "conj" and _is_passive(tok.head) \
        and (tok.tag_ == "VBN" or (tok.tag_ == "VBD" and any(c.dep_ == "agent" for c in tok.children))) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux") for c in tok.children)


def _objects(tok: Token, passive: bool) -> list[Token]:
    deps = ("nsubjpass",) if passive else ("dobj", "obj")
    out = [c for c in tok.children if c.dep_ in deps]
    if not passive and len(out) == 1 and out[0].lemma_.lower() in _AMOUNTS:
        # "fined Meta 800 million euros": the parser hangs the one fined on the amount
        out = [c for c in out[0].children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"] or out
    if passive and not out and _headline_passive(tok):
        out = [c for c in tok.children if c.dep_ == "nsubj"]
    if passive and tok.dep_ == "relcl" and out and all(c.lower_ in ("who", "which", "that") for c in out):
        out = [tok.head]  # "journalists who were beaten by police": the journalists
    if passive and not out and tok.dep_ == "acl":
        out = [tok.head]
    if passive and not out and tok.dep_ == "conj":  # "X was arrested and charged": X is charged too
        out = [c for c in tok.head.children if c.dep_ == "nsubjpass"]
        if not out and any(c.dep_ == "auxpass" for c in tok.children):  # "X declares himself president and is recognised by…"
            out = [c for c in tok.head.children if c.dep_ == "nsubj"]
    if not out and not passive:
        out = [c for c in tok.children if c.dep_ == "dative"]
    if not out and not passive:  # "armed men beat and robbed refugees": a verb joined straight to the next shares its object
        out = _next_verb_objects(tok)
    if not out and not passive:  # "finds the former minister guilty": the subject of the small clause
        out = [s for c in tok.children if c.dep_ in ("ccomp", "oprd") and c.pos_ == "ADJ"
               for s in c.children if s.dep_ == "nsubj"]
    if not out and not passive and tok.lemma_.lower() in _CAUSATIVES:  # "lets 18 prisoners walk free": whom it lets
        out = [s for c in tok.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ == "nsubj"]
    return out


_GATHERINGS = {"convene", "confer", "gather", "assemble", "summit"}
# Acts a threat answers when no one is named: "any intervention would be met with force".
_HOSTILE_ACTS = {"intervention", "attack", "aggression", "incursion", "invasion", "provocation", "violation", "attempt",
                 "move", "strike", "interference"}
_FICTION = {"novel", "film", "movie", "game", "series", "episode", "character", "hero", "heroine", "playground", "fiction",
            "thriller", "drama", "sitcom", "opera"}
_CAUSATIVES = {"let", "make", "have"}
_BREACHES = {"breach", "violation", "defiance", "evasion", "circumvention", "violate", "evade", "circumvent", "bust",
             "lifting", "easing", "removal", "relaxation",  # "the lifting of sanctions": a concession, no new sanction
             "flout", "defy", "skirt", "dodge"}


def _cyber(tok: Token) -> bool:
    """An attack on computers ("hit by a cyber attack"): no force, whatever it hits."""
    return any(c.lemma_.lower() in _CYBER for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))


def _standing_regime(tok: Token) -> bool:
    """Sanctions already in force, named as what is broken or lived under: "in breach of EU sanctions", "helped Iran
    evade sanctions", "a country under sanctions since 2006"."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _BREACHES:
        return True
    if tok.dep_ == "pobj" and head.lower_ in ("under", "despite"):
        return True
    return tok.dep_ == "dobj" and head.lemma_.lower() in _BREACHES


def _governing_verb(tok: Token) -> Token:
    """The nearest verb above a token ("detained the leader in raids": "in" may hang off "leader"), or the root."""
    node = tok
    while node.head.i != node.i and (node.pos_ not in ("VERB", "AUX") or node.dep_ in ("amod", "compound")
                                     or (node.dep_ == "acl" and node.tag_ == "VBG")):  # "her governing party": a modifier
        node = node.head
    return node


def _alternative(tok: Token) -> bool:
    """A verb joined by "or" to a complement ("…48 hours to withdraw or face attacks"): in the complement too.

    Verbs joined by "and" are not followed: the parser hangs the sentence's next act there too often.
    """
    return tok.dep_ == "conj" and tok.head.dep_ in _COMPLEMENT_DEPS \
        and any(c.dep_ == "cc" and c.lower_ == "or" for c in tok.head.children)


def _light_verb(tok: Token, light_verbs: frozenset[str], fixes: dict[str, str] | None = None) -> Token | None:
    """The verb whose object the event noun is ("held talks", "imposed sanctions")."""
    head = tok.head
    fixes = fixes or {}
    if tok.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and (fixes.get(head.lower_) or head.lemma_.lower()) in light_verbs:
        return head
    if tok.dep_ == "conj" and tok.head.dep_ in ("dobj", "nsubjpass"):
        return _light_verb(tok.head, light_verbs, fixes)
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _COLLECTIVES:
        return _light_verb(head.head, light_verbs, fixes)  # "adopted a package of sanctions"
    if tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ in ("close", "closer", "near", "nearer") \
            and head.head.head.i != head.head.i:  # "is close to a deal"
        return head.head.head
    if tok.dep_ == "pobj" and head.dep_ in ("prep", "prt") and head.head.lemma_.lower() in light_verbs and head.lower_ in ("out", "on", "to", "in", "into", "for"):
        return head.head
    return None


def _negated(tok: Token) -> bool:
    """Whether a verb is negated in its own clause: "will not attend", "no longer abides by"."""
    for child in tok.children:
        if child.dep_ == "neg" and child.lower_ in ("not", "n't", "never"):
            return True
        if child.dep_ == "advmod" and child.lower_ in ("longer", "more") and any(g.lower_ == "no" for g in child.children):
            return True
    return False


def _has_phrase(tok: Token, phrase: tuple[frozenset[str], ...], fixes: dict[str, str]) -> bool:
    """Whether every word of a phrase ("down on", "into custody") hangs off the verb or its particles."""
    near = [c for c in tok.children if c.dep_ not in ("aux", "auxpass")]  # "set to give X an ultimatum" has no "to ultimatum"
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if after is not None and after.lower_ in _PARTICLE_WORDS and after.dep_ in ("quantmod", "advmod"):
        near.append(after)  # "hands over 24 hostages": the parser read "over 24" as a number's "more than"
    near += [g for c in tok.children if c.dep_ in ("prt", "prep", "dobj", "advmod", "pobj", "nsubjpass", "dative") for g in c.children]
    near += [p for c in tok.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep"
             for p in g.children if p.dep_ in ("pobj", "pcomp")]  # "flooded the city centre with riot police": the object's phrase
    near += [g for c in tok.children if c.dep_ == "dobj" for j in c.children if j.dep_ == "conj"
             for g in j.children]  # "hits Russian banks, oligarchs with new sanctions": the phrase on the last object
    near += [p for g in near if g.dep_ == "prep" and g.head.dep_ in ("prt", "advmod", "prep") and g.head.head.i == tok.i
             for p in g.children if p.dep_ == "pobj"]  # "pulled out of the deal"
    words = {w for t in near for w in (t.lower_, t.lemma_.lower(), fixes.get(t.lower_, ""))}
    return all(alternatives & words for alternatives in phrase)


def _other_side(threatened: list[ActorRef], speakers: list[ActorRef]) -> bool:
    """Whether a party is a foe the speakers can threaten: a state or an armed group of another country, or the other
    side of the same one (a state and rebels)."""
    codes = {a.code for a in speakers}
    state = {a.sector in _STATE_ACTORS for a in speakers}
    return any((t.code and t.code not in codes and t.sector in _ARMED_SECTORS | {"LEG", "JUD", None})
               or ((t.code in codes or t.code is None) and t.sector in _FORCES - _STATE_ACTORS and state == {True})
               or ((t.code in codes or t.code is None) and t.sector in _STATE_ACTORS and state == {False})
               for t in threatened)  # "rebels said government troops would pay dearly": the other side, named or not


def _said_of_future(tok: Token) -> bool:
    """A verb said of the future: "will respond", "would retaliate", "is going to hit back"."""
    for holder in (tok, tok.head if tok.dep_ == "xcomp" else tok):
        if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll", "wo") for c in holder.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in holder.children) and any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                for c in holder.children):
            return True  # "said they could use force if the junta did not step down": a condition makes it a threat
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("vow", "threaten", "promise", "pledge", "go")


def _is_actor_like(tok: Token, ctx: SentenceContext) -> bool:
    return tok.i in ctx.mentions or tok.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") or tok.pos_ == "PRON"


def _sector_of(actor: ActorRef) -> str | None:
    """The actor's sector, and for organisations (which have none) their kind: "IGO" or "NGO"."""
    return actor.sector or _ORGANISATION_SECTORS.get(actor.code or "")


_ORGANISATION_SECTORS = {"UNO": "IGO", "EUR": "IGO", "IGO": "IGO", "NGO": "NGO"}


def _unique(actors: list[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    for actor in actors:
        if actor not in out:
            out.append(actor)
    return out
