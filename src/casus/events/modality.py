"""Did it happen? Negation, modality and attribution of a coded event, from the parse.

An event is read from its *anchor*: the trigger verb itself, or for an event noun the
verb it hangs from ("Talks ... are scheduled to resume"). From the anchor we walk up
the chain of clauses that carry its meaning (coordinated verbs, open complements,
complement clauses) collecting cues, and stop at the first speech verb, whose subject
becomes the speaker. When cues compete, the strongest reading wins:
conditional > hypothetical > future > reported > asserted.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from casus.records import Modality

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "must", "can", "ca"})
# Verbs and adjectives whose open complement has not happened yet ("due to visit").
FUTURE_GOVERNORS = frozenset(
    {
        "schedule",
        "plan",
        "intend",
        "expect",
        "set",
        "due",
        "prepare",
        "aim",
        "about",
        "vow",
        "pledge",
        "promise",
        "decide",
        "slate",
        "poised",
        "go",
        "agree",
        "resolve",
    }
)
HYPOTHETICAL_GOVERNORS = frozenset(
    {
        "want",
        "seek",
        "try",
        "hope",
        "wish",
        "consider",
        "threaten",
        "attempt",
        "able",
        "likely",
        "ready",
        "prepared",
        "willing",
        "need",
        "urge",
        "ask",
        "call",
        "demand",
        "propose",
        "offer",
        "warn",
        "mean",
    }
)
NEGATING_GOVERNORS = frozenset({"fail", "refuse", "decline", "deny", "avoid"})
# Nouns whose "that" clause is what someone says happened ("reports that X attacked").
CONTENT_NOUNS = frozenset({"report", "claim", "allegation", "accusation", "rumour",
                           "rumor", "suggestion", "assertion"})
FUTURE_MODIFIERS = frozenset(
    {"upcoming", "planned", "next", "proposed", "scheduled", "future", "forthcoming"}
)
HYPOTHETICAL_MODIFIERS = frozenset({"possible", "potential", "likely", "any", "prospective"})
CONDITION_MARKS = frozenset({"if", "unless", "provided", "providing", "whether"})
NEGATIVE_DETERMINERS = frozenset({"no", "neither"})
NEGATIVE_PRONOUNS = frozenset({"nobody", "nothing", "none", "noone"})
# Verbs whose negation denies an event noun they govern ("no attack took place").
OCCURRENCE_VERBS = frozenset({"happen", "occur", "take", "be", "see", "witness", "record"})
_RANK: dict[Modality, int] = {
    "asserted": 0,
    "reported": 1,
    "future": 2,
    "hypothetical": 3,
    "conditional": 4,
}
_QUOTES_OPEN = "\u201c\u00ab\u2018"
_QUOTES_CLOSE = "\u201d\u00bb\u2019"


@dataclass
class Reading:
    """What the text says about an event's reality, and who says it."""

    negated: bool = False
    modality: Modality = "asserted"
    speech: Token | None = None  # the speech/cognition verb (or "according") governing it
    speaker: Token | None = None  # its subject (or the object of "according to")

    def raise_to(self, modality: Modality) -> None:
        if _RANK[modality] > _RANK[self.modality]:
            self.modality = modality


def read(
    trigger: Token,
    anchor: Token,
    speech_lemmas: frozenset[str],
    *,
    nominal: bool,
    negatable_anchor: bool = True,
) -> Reading:
    """Negation and modality of the event whose trigger is ``trigger``.

    ``negatable_anchor`` is False for an event noun that is merely mentioned by a
    verb ("did not claim the attack" leaves the attack real).
    """
    reading = Reading()
    if nominal:
        _read_noun(trigger, reading)
        if trigger.dep_ == "dobj" and trigger.head == anchor:
            _read_governor(governor_lemma(anchor), reading)  # "considering an attack"
    if negatable_anchor and _negated_here(anchor):
        reading.negated = True
    if nominal and trigger.dep_ == "pobj" and trigger.head.lower_ in AFTER_THE_FACT:
        return reading  # "will discuss ..., following a visit by X": the visit happened
    node, steps = anchor, 0
    while steps < 8:
        steps += 1
        _read_clause(node, reading)
        parent = _climb(node, reading, speech_lemmas)
        if parent is None:
            break
        node = parent
    return reading


# Prepositions that place an event noun before the clause it hangs on.
AFTER_THE_FACT = frozenset({"following", "after", "since"})


def _read_noun(noun: Token, reading: Reading) -> None:
    for child in noun.children:
        lemma = child.lower_
        if child.dep_ == "det" and lemma in NEGATIVE_DETERMINERS:
            reading.negated = True
        elif child.dep_ in ("amod", "compound") and lemma in FUTURE_MODIFIERS:
            reading.raise_to("future")
        elif child.dep_ in ("amod", "det") and lemma in HYPOTHETICAL_MODIFIERS:
            reading.raise_to("hypothetical")
        elif child.dep_ == "acl" and any(a.tag_ == "TO" for a in child.children):
            reading.raise_to("future")  # "talks to be held in Doha"


def _read_governor(lemma: str, reading: Reading) -> None:
    if lemma in FUTURE_GOVERNORS:
        reading.raise_to("future")
    elif lemma in HYPOTHETICAL_GOVERNORS:
        reading.raise_to("hypothetical")
    elif lemma in NEGATING_GOVERNORS:
        reading.negated = True


def _negated_here(verb: Token) -> bool:
    """'did not attack', 'never attacked', 'no one was arrested', 'nobody attacked'."""
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
            if child.lower_ in NEGATIVE_PRONOUNS:
                return True
            if any(d.dep_ == "det" and d.lower_ in NEGATIVE_DETERMINERS for d in child.children):
                return True
    return False


def _read_clause(node: Token, reading: Reading) -> None:
    """Cues inside one clause: auxiliaries, 'if' clauses, 'to be held'."""
    for child in node.children:
        lemma = child.lower_
        if child.dep_ == "aux" and child.tag_ == "MD":
            if lemma in FUTURE_AUX:
                reading.raise_to("future")
            elif lemma in HYPOTHETICAL_AUX:
                reading.raise_to("hypothetical")
        elif child.dep_ in ("advcl", "prep") and _is_condition(child):
            reading.raise_to("conditional")
        elif child.dep_ == "prep" and lemma == "in" and _in_the_event(child):
            reading.raise_to("conditional")
        elif child.dep_ == "prep" and lemma == "according" and reading.speech is None:
            reading.speech = child
            objects = [t for p in child.children for t in p.children if t.dep_ == "pobj"]
            reading.speaker = objects[0] if objects else None
    if node.dep_ == "advcl" and _is_condition(node):
        reading.raise_to("conditional")
    if node.dep_ in ("acl", "ccomp", "relcl") and node.head.lower_ in ("event", "case") \
            and node.head.head.lower_ == "in":
        reading.raise_to("conditional")  # "... in the event that Hezbollah fires"
    if node.dep_ in ("acl", "relcl") and any(c.tag_ == "TO" for c in node.children):
        reading.raise_to("future")
    if node.dep_ == "advcl" and any(c.tag_ == "TO" for c in node.children):
        reading.raise_to("hypothetical")  # a purpose: "troops were sent to retake the town"
    if node.lemma_ in ("schedule", "plan", "slate", "expect") and node.tag_ == "VBN":
        reading.raise_to("future")  # "talks are scheduled for Monday", "is expected in X"
    if any(c.dep_ == "acomp" and c.lemma_ in ("due", "set", "slated") for c in node.children):
        reading.raise_to("future")  # "the minister is due in Brussels for talks"
    if node.lemma_ == "be" and any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children)
                                   for c in node.children):
        reading.raise_to("future")  # "talks are to be held in Jeddah", "he is to visit"


def _is_condition(clause: Token) -> bool:
    """An "if"/"unless" clause, or "provided (that) ..." hung as a clause of its own."""
    if clause.lower_ in ("provided", "providing") and any(
            c.dep_ in ("ccomp", "advcl") for c in clause.children):
        return True
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children)


_GOVERNORS = FUTURE_GOVERNORS | HYPOTHETICAL_GOVERNORS | NEGATING_GOVERNORS


def governor_lemma(token: Token) -> str:
    """The lemma, unless the small model missed a governor's ("hopes" -> "hop")."""
    return base_form(token, _GOVERNORS)


def base_form(token: Token, words: frozenset[str]) -> str:
    """The token's lemma; when that is not one of ``words`` but the written form
    inflects one of them ("hopes", "staged": the small model lemmatises "hop", "stag"),
    that word, so a cue is not lost to a lemmatiser slip."""
    lemma = token.lemma_.lower()
    if lemma in words:
        return lemma
    low = token.lower_
    for suffix, add in (("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"),
                        ("ed", ""), ("ed", "e"), ("d", "")):
        if low.endswith(suffix) and (base := low[: -len(suffix)] + add) in words:
            return base
    return lemma


def _in_the_event(prep: Token) -> bool:
    """'in the event that ...' / 'in case ...' introduce a condition."""
    return any(p.lower_ in ("event", "case") for p in prep.children if p.dep_ == "pobj")


def _climb(node: Token, reading: Reading, speech_lemmas: frozenset[str]) -> Token | None:
    """The clause whose cues also bear on ``node``'s event, or None to stop."""
    head, dep = node.head, node.dep_
    if head == node:
        return None
    if dep == "conj" and head.pos_ in ("VERB", "AUX"):
        return head
    if dep == "xcomp":
        lemma = governor_lemma(head)
        if lemma != "go" or head.tag_ == "VBG":  # only "going to" speaks of the future
            _read_governor(lemma, reading)
        return head.head if head.dep_ == "acomp" else head
    if dep in ("acl", "ccomp") and head.lemma_.lower() in CONTENT_NOUNS \
            and head.dep_ in ("dobj", "nsubjpass") and head.head is not head:
        # "denied reports that X had asked ...", "rejected claims that ...": what the
        # report says is denied, or reported
        governor = head.head
        if governor.lemma_.lower() in NEGATING_GOVERNORS | {"reject", "dismiss"}:
            reading.negated = True
        elif governor.lemma_.lower() in speech_lemmas | {"cite", "quote"} \
                and reading.speech is None:
            reading.raise_to("reported")
        return None
    if dep == "pcomp" and head.head.dep_ == "dobj" and head.head.head.lemma_ in speech_lemmas:
        head = head.head  # "accused [Armenian troops [of firing]]": "of" hung on the accused
    if dep in ("ccomp", "parataxis") or (dep == "pcomp" and head.head.lemma_ in speech_lemmas):
        governor = head if dep != "pcomp" else head.head
        if governor.lemma_.lower() == "deny":
            reading.negated = True
        if governor.lemma_.lower() in speech_lemmas and reading.speech is None:
            reading.speech = governor
            subjects = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]
            reading.speaker = subjects[0] if subjects else (
                _participle_subject(governor) or hung_before(governor))
            return None
        return governor if dep == "ccomp" else None
    return None


def _participle_subject(verb: Token) -> Token | None:
    """"The coast guard gave a different account, saying the vessel had rammed ...": a
    speech participle's speaker is the subject of the clause it hangs from."""
    if verb.dep_ not in ("advcl", "conj") or verb.tag_ != "VBG":
        return None
    subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0] if subjects else None


def hung_before(verb: Token) -> Token | None:
    """"..., a resident and a local group said": with no subject of its own, the speech
    verb's speaker is the phrase just before it, which the small model hung on the
    previous noun as an apposition."""
    if verb.i == 0:
        return None
    node = verb.doc[verb.i - 1]
    while node.dep_ not in ("appos",) and node.head is not node and node.head.i < verb.i \
            and node.dep_ in ("conj", "compound", "amod", "det"):
        node = node.head
    return node if node.dep_ == "appos" and node.pos_ in ("NOUN", "PROPN") else None


def quote_spans(sentence: Span) -> list[tuple[int, int]]:
    """Character spans (document offsets) between quotation marks in a sentence."""
    text, base = sentence.text, sentence.start_char
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for i, char in enumerate(text):
        if char == '"':
            if opened is None:
                opened = i
            else:
                spans.append((base + opened, base + i))
                opened = None
        elif char in _QUOTES_OPEN and not (char == "\u2018" and opened is not None):
            opened = i if opened is None else opened
        elif char in _QUOTES_CLOSE and opened is not None:
            if char == "\u2019" and i + 1 < len(text) and text[i + 1].isalpha():
                continue  # an apostrophe, not a closing quote
            spans.append((base + opened, base + i))
            opened = None
    if opened is not None:  # a quote that runs past the sentence end
        spans.append((base + opened, base + len(text)))
    return spans


def is_quoted(char_offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < char_offset < end for start, end in spans)
