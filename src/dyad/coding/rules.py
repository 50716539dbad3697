"""Loads the event rules (`data/rules.yaml`) and the actor lexicon (`data/actors.yaml`).

Takes the YAML files and gives typed, validated `Rules`: a malformed entry is refused with the
file, the entry and the reason, so a typo never silently disables a rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from dyad.errors import DataError
from dyad.ontology import load_ontology

_RULE_KEYS = {
    "lemma", "type", "mode", "object", "object_org", "object_opt", "object_not", "not_object", "recipient", "prep",
    "not_prep", "meeting", "absorbs", "needs_partner", "needs_recipient", "needs_complement", "needs_infinitive",
    "needs_joint", "intransitive", "host", "particle_step", "subject_sector",
    "complement_needs", "complement_also", "complement_not", "object_mod", "needs_light",
    "needs_light_or_poss", "needs_poss_or_light", "needs_light_or_actor", "needs_actor",
    "needs_actor_or_target", "compound", "compound_any", "amod_any", "of_role", "of_needs",
    "plural_talk", "phrase", "adjectival", "threat_if_future", "subject_any", "not_phrase", "id",
    "planned", "subject_sector_not",
    "when_negated", "light_recipient", "subject_weapon", "speaker_threat", "giver_from", "object_named", "subject_in",
}


@dataclass(frozen=True, slots=True)
class WordSpec:
    """A lemma set, possibly also accepting any actor phrase (`@name_any`, `@persons`)."""

    lemmas: frozenset[str] = frozenset()
    any_actor: bool = False

    def __bool__(self) -> bool:
        return bool(self.lemmas) or self.any_actor


@dataclass(frozen=True, slots=True)
class RecipientSpec:
    dobj: bool = False
    dative: bool = False
    poss: bool = False
    preps: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Rule:
    pos: str  # verb | noun
    lemmas: frozenset[str]
    type: str
    mode: str | None = None
    object: WordSpec = WordSpec()
    object_optional: bool = False
    object_org: bool = False  # the object must name an international organisation ("quit ECOWAS")
    object_not: WordSpec = WordSpec()
    recipient: RecipientSpec = RecipientSpec()
    prep: frozenset[str] = frozenset()
    not_prep: frozenset[str] = frozenset()
    meeting: bool = False
    absorbs: bool = False
    needs_partner: bool = False
    needs_recipient: bool = False
    needs_complement: bool = False
    needs_infinitive: bool = False  # the verb must govern a "to" infinitive: "told Kyiv to withdraw", not "told reporters"
    needs_joint: bool = False
    intransitive: bool = False
    host: bool = False
    particle: str | None = None
    subject_sector: frozenset[str] = frozenset()
    complement_needs: frozenset[str] = frozenset()
    complement_also: frozenset[str] = frozenset()  # a second set the complement must also hold a word of
    complement_not: frozenset[str] = frozenset()
    object_mod: str | None = None
    needs_light: frozenset[str] = frozenset()
    needs_light_or_poss: bool = False
    needs_light_or_actor: bool = False
    needs_actor: bool = False
    needs_actor_or_target: bool = False
    compound: frozenset[str] = frozenset()
    compound_any: frozenset[str] = frozenset()
    of_role: str | None = None
    of_needs: WordSpec = WordSpec()
    plural_talk: bool = False
    # Words that must hang off the verb, each a set of alternatives: "crack down on", "take into custody".
    phrase: tuple[frozenset[str], ...] = ()
    adjectival: bool = False  # a predicate adjective: "is ready to talk", "is opposed to the plan"
    threat_if_future: bool = False  # codes only when said of the future: "Tehran would respond"
    # the one who says it threatens the subject: "Israel will pay a heavy price, Iran's minister said"
    speaker_threat: bool = False
    # the subject receives and the giver is named by "from" or owns the thing: "Ukraine receives tanks from Germany"
    giver_from: bool = False
    subject_weapon: bool = False  # its subject must be a weapon or a blast: "a car bomb tore through a market"
    subject_in: frozenset[str] = frozenset()  # its subject must be one of these words: "a bomb went off", not "a blast"
    object_named: bool = False  # its object must be a name or a pronoun: "recognised him", not "recognised the nurses"
    subject_any: frozenset[str] = frozenset()  # subjects that may stand in for an unresolved actor
    not_phrase: tuple[frozenset[str], ...] = ()  # words that rule the sense out: "battled over the budget"
    planned: bool = False  # the event is called for, not yet held: "called for a general strike" (future)
    subject_sector_not: frozenset[str] = frozenset()  # actors of these sectors do not do it ("police marched")
    # codes only when the verb is negated, the refusal being the event: "will no longer attend the talks"
    when_negated: bool = False
    # light verbs whose subject undergoes the event: "paid a fine", "faces a penalty" (noun rules)
    light_recipient: frozenset[str] = frozenset()
    id: str = ""  # stable name for provenance: the entry's `id`, else "<pos>:<first lemma>#<position>"


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    sector_of: dict[str, str]
    generic_heads: frozenset[str]
    former: frozenset[str]
    titles: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    organisation_anaphors: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()  # "Mr", "Dr", "Gen.": before a surname, no other given name
    plural_sectors: dict[str, str] = field(default_factory=dict)
    bare_plural_sectors: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ProtesterActs:
    """ "Protesters threw stones", "demonstrators marched on parliament": what protesters do is a PROTEST."""

    subjects: frozenset[str]  # subject lemmas that name protesters
    crowds: frozenset[str]  # subject lemmas that name an unnamed crowd ("thousands took to the streets")
    riot: frozenset[str]  # verbs that make the act a riot ("threw", "torched", "clashed")
    not_verbs: frozenset[str]  # verbs that report no act (saying, being)
    riot_rule: Rule
    demo_rule: Rule


@dataclass(frozen=True, slots=True)
class Rules:
    version: str
    verbs: dict[str, tuple[Rule, ...]]
    nouns: dict[str, tuple[Rule, ...]]
    light_verbs: frozenset[str]
    mode_cues: dict[str, dict[str, frozenset[str]]]
    blocked_compounds: frozenset[str]
    sets: dict[str, frozenset[str]] = field(default_factory=dict)
    actors: ActorLexicon | None = None
    contexts: dict[str, frozenset[str]] = field(default_factory=dict)
    natural_causes: frozenset[str] = frozenset()
    lemma_fixes: dict[str, str] = field(default_factory=dict)  # surface form → lemma, where spaCy errs
    non_events: frozenset[str] = frozenset()  # sentence words that make an actor-less ASSAULT an accident
    sports: frozenset[str] = frozenset()  # sentence words that make any ASSAULT a sports report
    markets: frozenset[str] = frozenset()  # sentence words that make a "rally" a market's, not a crowd's
    protester_acts: ProtesterActs | None = None  # protesters as the subject of any act: PROTEST
    ongoing_nouns: frozenset[str] = frozenset()  # "fighting continued": an ASSAULT with no side named
    ongoing_verbs: frozenset[str] = frozenset()
    ongoing_rule: Rule | None = None


def _words(value, sets: dict[str, frozenset[str]], where: str) -> WordSpec:
    if value in (None, False):
        return WordSpec()
    if value is True:
        return WordSpec(any_actor=True)
    if isinstance(value, str):
        if not value.startswith("@"):
            return WordSpec(frozenset({value}))
        name = value[1:]
        any_actor = name.endswith("_any") or name == "persons"
        base = name.removesuffix("_any")
        if base not in sets and base not in ("persons", "orgs"):
            raise DataError(f"rules.yaml: {where} refers to unknown word set @{base}")
        return WordSpec(sets.get(base, frozenset()), any_actor)
    return WordSpec(frozenset(str(v) for v in value))


def _recipient(value) -> RecipientSpec:
    if not value:
        return RecipientSpec()
    dobj = dative = poss = False
    preps: set[str] = set()
    for part in str(value).split("|"):
        if part == "dobj":
            dobj = True
        elif part == "dative":
            dative = True
        elif part == "poss":
            poss = True
        elif part.startswith("prep:"):
            preps.add(part[5:])
        else:
            preps.add(part)
    return RecipientSpec(dobj, dative, poss, frozenset(preps))


def _rule(pos: str, raw: dict, sets, types, index: int) -> Rule:
    where = f"{pos} rule {index + 1} ({raw.get('lemma')})"
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise DataError(f"rules.yaml: {where} has unknown keys {sorted(unknown)}")
    if raw.get("type") not in types:
        raise DataError(f"rules.yaml: {where} has unknown event type {raw.get('type')!r}")
    mode = raw.get("mode")
    if mode and mode not in types[raw["type"]].modes:
        raise DataError(f"rules.yaml: {where} has mode {mode!r}, not a mode of {raw['type']}")
    lemmas = raw["lemma"] if isinstance(raw["lemma"], list) else [raw["lemma"]]
    for key in ("lemma", "prep", "not_prep", "mode", "recipient", "compound", "compound_any", "object", "object_not"):
        if isinstance(raw.get(key), bool) or (isinstance(raw.get(key), list) and any(isinstance(v, bool) for v in raw[key])):
            raise DataError(f"rules.yaml: {where} has {key} read as true/false: quote it (YAML reads on/off/yes/no as booleans)")
    object_opt = raw.get("object_opt")
    return Rule(
        pos=pos,
        lemmas=frozenset(lemmas),
        type=raw["type"],
        mode=mode,
        object=_words(raw.get("object") or (object_opt if object_opt not in (None, True) else None), sets, where),
        object_optional=object_opt is not None,
        object_org=bool(raw.get("object_org")),
        object_not=_words(raw.get("object_not") or raw.get("not_object"), sets, where),
        recipient=_recipient(raw.get("recipient")),
        prep=frozenset(raw["prep"] if isinstance(raw.get("prep"), list) else str(raw.get("prep", "")).split("|")) - {""},
        not_prep=frozenset(raw.get("not_prep") or ()),
        meeting=bool(raw.get("meeting")),
        absorbs=bool(raw.get("absorbs")),
        needs_partner=bool(raw.get("needs_partner")),
        needs_recipient=bool(raw.get("needs_recipient")),
        needs_infinitive=bool(raw.get("needs_infinitive")),
        needs_complement=bool(raw.get("needs_complement")),
        needs_joint=bool(raw.get("needs_joint")),
        intransitive=bool(raw.get("intransitive")),
        host=bool(raw.get("host")),
        particle=raw.get("particle_step"),
        subject_sector=frozenset(raw.get("subject_sector") or ()),
        complement_needs=_words(raw.get("complement_needs"), sets, where).lemmas,
        complement_also=_words(raw.get("complement_also"), sets, where).lemmas,
        complement_not=_words(raw.get("complement_not"), sets, where).lemmas,
        object_mod=raw.get("object_mod"),
        needs_light=frozenset(raw.get("needs_light") or ()),
        needs_light_or_poss=bool(raw.get("needs_light_or_poss") or raw.get("needs_poss_or_light")),
        needs_light_or_actor=bool(raw.get("needs_light_or_actor")),
        needs_actor=bool(raw.get("needs_actor")),
        needs_actor_or_target=bool(raw.get("needs_actor_or_target")),
        compound=frozenset(raw.get("compound") or ()),
        compound_any=frozenset([*(raw.get("compound_any") or ()), *(raw.get("amod_any") or ())]),
        of_role=raw.get("of_role"),
        of_needs=_words(raw.get("of_needs"), sets, where),
        plural_talk=bool(raw.get("plural_talk")),
        phrase=tuple(frozenset(alt.split("|")) for alt in str(raw.get("phrase") or "").lower().split()),
        adjectival=bool(raw.get("adjectival")),
        threat_if_future=bool(raw.get("threat_if_future")),
        speaker_threat=bool(raw.get("speaker_threat")),
        giver_from=bool(raw.get("giver_from")),
        subject_weapon=bool(raw.get("subject_weapon")),
        subject_in=_words(raw.get("subject_in"), sets, where).lemmas,
        object_named=bool(raw.get("object_named")),
        subject_any=_words(raw.get("subject_any"), sets, where).lemmas,
        not_phrase=tuple(frozenset(alt.split("|")) for alt in str(raw.get("not_phrase") or "").lower().split()),
        planned=bool(raw.get("planned")),
        subject_sector_not=frozenset(raw.get("subject_sector_not") or ()),
        when_negated=bool(raw.get("when_negated")),
        light_recipient=frozenset(raw.get("light_recipient") or ()),
        id=str(raw.get("id") or f"{pos}:{lemmas[0]}#{index + 1}"),
    )


def _index(rules: list[Rule]) -> dict[str, tuple[Rule, ...]]:
    index: dict[str, list[Rule]] = {}
    for rule in rules:
        for lemma in rule.lemmas:
            index.setdefault(lemma, []).append(rule)
    return {k: tuple(v) for k, v in index.items()}


def _actor_lexicon(raw: dict) -> ActorLexicon:
    sector_of = {}
    for sector, words in raw["sectors"].items():
        for word in words:
            sector_of.setdefault(word.replace("_", " "), sector)
    pronouns = raw["pronouns"]
    return ActorLexicon(
        sector_of=sector_of,
        generic_heads=frozenset(raw["generic_heads"]),
        former=frozenset(raw["former"]),
        titles=frozenset(raw["titles"]),
        honorifics=frozenset(raw.get("honorifics") or ()),
        person_pronouns=frozenset(pronouns["person"]),
        group_pronouns=frozenset(pronouns["group"]),
        speaker_pronouns=frozenset(pronouns["speaker"]),
        organisation_anaphors=frozenset(raw.get("organisation_anaphors") or ()),
        plural_sectors=dict(raw.get("plural_sectors") or {}),
        bare_plural_sectors=dict(raw.get("bare_plural_sectors") or {}),
    )


def _read(name: str) -> dict:
    text = resources.files("dyad.data").joinpath(name).read_text("utf-8")
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataError(f"{name}: not valid YAML ({exc})") from exc


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    raw = _read("rules.yaml")
    types = load_ontology().types
    sets = {name: frozenset(words) for name, words in raw["sets"].items()}
    verbs = [_rule("verb", r, sets, types, i) for i, r in enumerate(raw["verbs"])]
    nouns = [_rule("noun", r, sets, types, i) for i, r in enumerate(raw["nouns"])]
    cues: dict[str, dict[str, frozenset[str]]] = {}
    for etype, modes in raw["mode_cues"].items():
        if etype not in types:
            raise DataError(f"rules.yaml: mode_cues names unknown type {etype}")
        cues[etype] = {}
        for mode, words in modes.items():
            if mode not in types[etype].modes:
                raise DataError(f"rules.yaml: mode_cues {etype}.{mode} is not a PLOVER mode")
            cues[etype][mode] = _words(words, sets, f"mode_cues {etype}.{mode}").lemmas
    return Rules(
        version=raw["version"],
        verbs=_index(verbs),
        nouns=_index(nouns),
        light_verbs=frozenset(raw["light_verbs"]),
        mode_cues=cues,
        blocked_compounds=frozenset(raw["noun_blocklist_compounds"]),
        sets=sets,
        actors=_actor_lexicon(_read("actors.yaml")),
        contexts=_contexts(raw.get("contexts") or {}),
        natural_causes=frozenset(raw.get("natural_causes") or ()),
        lemma_fixes={str(k).lower(): str(v).lower() for k, v in (raw.get("lemma_fixes") or {}).items()},
        non_events=frozenset(raw.get("accidents") or ()) | frozenset(raw.get("natural_causes") or ()),
        sports=frozenset(raw.get("sports") or ()),
        markets=frozenset(raw.get("markets") or ()),
        protester_acts=_protester_acts(raw.get("protester_acts"), sets, types),
        ongoing_nouns=frozenset((raw.get("ongoing_fighting") or {}).get("nouns") or ()),
        ongoing_verbs=frozenset((raw.get("ongoing_fighting") or {}).get("verbs") or ()),
        ongoing_rule=_rule("noun", {"lemma": ["*"], "type": "ASSAULT", "id": "ongoing-fighting"}, sets, types, 0),
    )


def _protester_acts(raw: dict | None, sets: dict[str, frozenset[str]], types) -> ProtesterActs | None:
    if not raw:
        return None
    unknown = set(raw) - {"subjects", "crowds", "riot", "not_verbs"}
    if unknown:
        raise DataError(f"rules.yaml: protester_acts has unknown keys {sorted(unknown)}")
    riot = _rule("verb", {"lemma": ["*"], "type": "PROTEST", "mode": "riot", "id": "protester-act:riot"}, sets, types, 0)
    demo = _rule("verb", {"lemma": ["*"], "type": "PROTEST", "mode": "demo", "id": "protester-act:demo"}, sets, types, 0)
    return ProtesterActs(
        subjects=_words(raw.get("subjects"), sets, "protester_acts.subjects").lemmas,
        crowds=_words(raw.get("crowds"), sets, "protester_acts.crowds").lemmas,
        riot=frozenset(raw.get("riot") or ()),
        not_verbs=frozenset(raw.get("not_verbs") or ()),
        riot_rule=riot,
        demo_rule=demo,
    )


def _contexts(raw: dict) -> dict[str, frozenset[str]]:
    known = set(load_ontology().contexts)
    unknown = set(raw) - known
    if unknown:
        raise DataError(f"rules.yaml: unknown contexts {sorted(unknown)}")
    return {name: frozenset(words) for name, words in raw.items()}
