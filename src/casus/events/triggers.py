"""Finding triggers in a sentence and choosing their CAMEO code.

One dict lookup per token (by lemma) finds a candidate trigger; the entry's rules,
checked against the token's dependents, choose the code. Light verbs ("carried out
attacks", "held talks") take the code of their event-noun object, and verbs that
govern an open complement ("refused to release") absorb it, so neither the noun nor
the complement is coded a second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from casus.events.arguments import children, resolved_object, verb_object
from casus.events.lexicon import Entry, Lexicon, Rule

VERB_POS = frozenset({"VERB"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
_PREP_DEPS = frozenset({"prep", "dative", "agent"})


@dataclass
class Trigger:
    """A word that starts an event, with its code and how it was found."""

    token: Token
    entry: Entry
    code: str
    nominal: bool
    event_noun: Token | None = None  # the object noun of a light verb or an object rule
    light: bool = False  # the event noun carries the event ("carried out attacks")
    rule: Rule | None = None  # the rule that chose the code, if any
    absorbed: list[Token] = field(default_factory=list)
    frame: Token | None = None  # a readiness word that made the action a threat or intent
    asked: Token | None = None  # an appeal's or demand's complement: the action asked for

    def is_predicate_word(self, token: Token) -> bool:
        """Whether a rule named this word as part of the predicate ("cut off gas",
        "sent a delegation", "agreed to a ceasefire"): then it is no party."""
        if self.rule is None:
            return False
        lemma = token.lemma_.lower()
        if token.dep_ in ("dobj", "nsubjpass") and lemma in self.rule.object:
            return True
        return token.dep_ == "pobj" and lemma in self.rule.pobj


def find_triggers(sentence: Span, lexicon: Lexicon) -> list[Trigger]:
    """All triggers in the sentence, minus nouns and complements coded through a verb."""
    found: list[Trigger] = []
    for token in sentence:
        trigger = _verb_trigger(token, lexicon) if token.pos_ in VERB_POS else None
        if trigger is None and token.pos_ in NOUN_POS:
            trigger = _noun_trigger(token, lexicon)
        if trigger is not None:
            found.append(trigger)
    consumed = {t.event_noun.i for t in found if t.event_noun is not None and not t.nominal
                and not (t.rule is not None and t.rule.keeps_object)}
    # "the air force targeted a meeting of the rebels": what an attack hits is its target,
    # not an event of its own
    violent = {t.token.i for t in found if not t.nominal and t.code[:2] in VIOLENT_ROOTS}
    consumed.update(t.token.i for t in found if t.nominal and t.code[:2] not in VIOLENT_ROOTS
                    and t.token.dep_ == "dobj" and t.token.head.i in violent)
    consumed.update(a.i for t in found for a in t.absorbed)
    found, asked = compose_asks([t for t in found if t.token.i not in consumed], lexicon)
    return [as_threat(t, lexicon) for t in found if t.token.i not in asked]


ASK_ROOTS = frozenset({"02", "10"})
UNSPECIFIED_ASKS = frozenset({"020", "100"})
_ASK_COMPLEMENTS = frozenset({"ccomp", "xcomp"})


def compose_asks(found: list[Trigger], lexicon: Lexicon) -> tuple[list[Trigger], set[int]]:
    """Appeals and demands take their subcode from the action they ask for: "urged
    Ethiopia to release the aid workers" is 0253, "demanded that Rwanda withdraw" 106.
    The action asked for has not happened, so its triggers are not coded on their own;
    returns the triggers and the token indices of those taken in."""
    taken: set[int] = set()
    composed = []
    for trigger in found:
        complement = None if trigger.nominal or trigger.code[:2] not in ASK_ROOTS \
            else asked_action(trigger.token)
        if complement is None:
            composed.append(trigger)
            continue
        inside = [t for t in found if t is not trigger and _governs(complement, t.token)]
        taken.update(t.token.i for t in inside)
        code = trigger.code
        if code in UNSPECIFIED_ASKS:
            code = _asked_code(trigger.code[:2], complement, inside, lexicon) or code
        composed.append(replace(trigger, code=code, asked=complement))
    return composed, taken


def asked_action(verb: Token) -> Token | None:
    """The clause naming what an appeal or demand asks for: "urged X *to halt* ...",
    "demanded that Rwanda *withdraw*", "called on both sides *to agree* ..."."""
    for child in verb.children:
        if child.dep_ in _ASK_COMPLEMENTS and child.pos_ in ("VERB", "AUX"):
            return child
        if child.dep_ in ("prep", "dobj"):  # "called on X to agree": hung on X
            for grandchild in (child, *child.children):
                for clause in grandchild.children:
                    if clause.dep_ in _ASK_COMPLEMENTS | {"acl"} and clause.pos_ == "VERB" \
                            and any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
                        return clause
    return None


_ASKED_PATH = frozenset({"dobj", "xcomp", "ccomp", "prep", "pobj", "conj", "nsubjpass"})


def _governs(head: Token, token: Token) -> bool:
    """Whether ``token`` is the action asked for: the complement itself or what it
    directly does ("to halt air strikes", "to agree to a ceasefire"), not an event the
    request merely mentions further down ("... on the anniversary of the killing")."""
    node = token
    for _ in range(6):
        if node == head:
            return True
        if node.dep_ not in _ASKED_PATH or node.head == node:
            return False
        if node.dep_ == "pobj" and node.head.head.pos_ in ("NOUN", "PROPN"):
            return False  # a noun's modifier: "the anniversary of the killing"
        node = node.head
    return False


def _asked_code(root: str, complement: Token, inside: list[Trigger],
                lexicon: Lexicon) -> str | None:
    """The most specific appeal/demand code the asked-for triggers give."""
    if complement.lemma_.lower() in lexicon.cessation_words and lexicon.cessation_code \
            and any(t.code[:2] in VIOLENT_ROOTS for t in inside):
        return lexicon.ask_code(root, lexicon.cessation_code)
    codes = [c for t in inside if (c := lexicon.ask_code(root, t.code))]
    if codes:
        return max(codes, key=len)
    action = complement  # no trigger alone, but an act when asked for ("should leave")
    while action.lemma_.lower() in lexicon.obligation_words and children(action, "xcomp"):
        action = children(action, "xcomp")[0]  # "has to leave": leave
    code = lexicon.asked_actions.get(action.lemma_.lower())
    return lexicon.ask_code(root, code) if code else None


def readiness_word(token: Token, lexicon: Lexicon) -> Token | None:
    """The capability/readiness word governing an action, if any: "able and determined
    to end", "its ability to end", "ready for a confrontation"."""
    head = token.head
    if token.dep_ in ("pobj", "pcomp") and head.dep_ == "prep":  # "committed to supporting"
        head = head.head
    elif token.dep_ not in {"xcomp", "acl", "ccomp", "advcl"}:
        return None
    for word in (head, *head.conjuncts):
        if {word.lemma_.lower(), word.lower_} & lexicon.readiness_words:
            return word
    return None


def as_threat(trigger: Trigger, lexicon: Lexicon) -> Trigger:
    """A forceful action stated as a capability or readiness becomes a threat of it, a
    cooperative one an intent to cooperate."""
    threat = lexicon.frame_code(trigger.code[:2])
    frame = readiness_word(trigger.token, lexicon) if threat else None
    if threat is None or frame is None or frame.dep_ in ("relcl", "acl"):
        return trigger  # "fighters who were preparing to attack": a description, no threat
    return replace(trigger, code=threat, frame=frame)


def _verb_trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
    entry = lexicon.verb(token)
    if entry is None or token.dep_ == "amod":
        return None
    code, rule, noun = choose_code(entry, token, lexicon)
    if code is None:
        return None
    absorbed: list[Token] = []
    if entry.absorbs:
        absorbed = children(token, "xcomp")
    light = rule is not None and rule.light
    return Trigger(token, entry, code, False, noun, light, rule, absorbed)


def _noun_trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
    entry = lexicon.noun(token)
    if entry is None or not entry.alone or token.dep_ == "compound":
        return None
    if _patient_of_event_noun(token, lexicon):
        return None
    code, rule, _ = choose_code(entry, token, lexicon)
    if code is None:
        return None
    return Trigger(token, entry, code, True, rule=rule)


def _patient_of_event_noun(token: Token, lexicon: Lexicon) -> bool:
    """"the truce" in "the end of the truce": the object of another event noun's "of"
    is what that event acts on (the truce ended), not a happening of its own."""
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "of":
        return False
    governor = prep.head
    entry = lexicon.noun(governor) if governor.pos_ in ("NOUN", "PROPN") else None
    return entry is not None and choose_code(entry, governor, lexicon)[0] is not None


def choose_code(
    entry: Entry, token: Token, lexicon: Lexicon
) -> tuple[str | None, Rule | None, Token | None]:
    """The code for this use of the word: first matching rule, else the entry's default.

    Returns (code, rule that matched, the object noun that is part of the predicate:
    a light verb's event noun or the object an ``object`` rule named).
    """
    for rule in entry.rules:
        if not rule_matches(rule, token):
            continue
        if not rule.light:
            # "imposed sanctions on X": the object noun is part of the predicate
            return rule.code, rule, resolved_object(token, rule.object) if rule.object else None
        noun = verb_object(token)
        noun_entry = lexicon.noun(noun) if noun is not None else None
        if noun is not None and noun_entry is not None:
            code, _, _ = choose_code(noun_entry, noun, lexicon)
            if code is not None:
                return code, rule, noun
    return entry.code, None, None


ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def label_of(token: Token) -> str:
    """The label of the casus mention covering the token, else its entity label: the
    actor finder knows people the model left untagged or called an organisation
    ("Díaz, 58, was seized" after "Luis Manuel Díaz")."""
    doc = token.doc
    mentions = doc._.casus_mentions if doc.has_extension("casus_mentions") else None
    for mention in mentions or ():
        if mention.start <= token.i < mention.end and mention.label in ENTITY_LABELS:
            return str(mention.label)
    return str(token.ent_type_)


def rule_matches(rule: Rule, token: Token) -> bool:
    """Whether every condition the rule states holds for the token's dependents."""
    if rule.particle and not any(
        c.dep_ == "prt" and c.lower_ in rule.particle for c in token.children
    ):
        return False
    if (rule.prep or rule.pobj or rule.pobj_label) and not _prep_matches(rule, token):
        return False
    if rule.object or rule.object_label:
        obj = resolved_object(token, rule.object)
        if obj is None:
            return False
        if rule.object and not (obj.lemma_.lower() in rule.object or obj.lower_ in rule.object):
            return False
        if rule.object_label and label_of(obj) not in rule.object_label:
            return False
    if rule.xcomp and not any(
        c.dep_ == "xcomp" and c.lemma_.lower() in rule.xcomp for c in token.children
    ):
        return False
    if rule.mod and not any(
        c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in rule.mod
        for c in token.children
    ):
        return False
    return True


def _prep_matches(rule: Rule, token: Token) -> bool:
    for prep in token.children:
        if prep.dep_ not in _PREP_DEPS or (rule.prep and prep.lower_ not in rule.prep):
            continue
        if not rule.pobj and not rule.pobj_label:
            return True
        for obj in children(prep, "pobj"):
            if rule.pobj and (obj.lemma_.lower() in rule.pobj or obj.lower_ in rule.pobj):
                return True
            if rule.pobj_label and label_of(obj) in rule.pobj_label:
                return True
    return False
