"""Parties a trigger's own arguments do not give but a clause around it does: whom a
protest is against ("chanting slogans against America"), who suffers an attack
("civilians are facing shelling"), which nouns share a doer ("shelling and airstrikes by
the regime"), what a denial of an uncoded act is about, whether a warning's content
is a condition, between whom a mediator mediates and who held captives freed. Helpers
of ``casus.events.coder``, over the parse only.
"""

from __future__ import annotations

from spacy.tokens import Token

from casus.events import modality
from casus.events.arguments import children, prep_objects, with_conjuncts

PROTEST_ROOT = "14"
_ADJUNCT_CLAUSES = frozenset({"advcl", "xcomp", "acl", "conj", "dobj", "pobj", "prep"})


def protested(verb: Token, steps: int = 3) -> list[Token]:
    """Whom a protest is against, where the text says so in the protest's own
    adjuncts: "rallied in Sanaa, chanting slogans against America"."""
    found: list[Token] = []
    frontier = [verb]
    for _ in range(steps):
        frontier = [c for t in frontier for c in t.children if c.dep_ in _ADJUNCT_CLAUSES]
        found += [o for t in frontier if t.dep_ == "prep" and t.lower_ == "against"
                  for o in with_conjuncts(next(iter(children(t, "pobj")), t))
                  if o.dep_ in ("pobj", "conj")]
    return found


THREAT_ROOT = "13"


def conditional_content(verb: Token) -> bool:
    """A warning whose content is a condition ("warned X that if it did Y, Z would
    follow") threatens on that condition."""
    return any(c.dep_ in ("ccomp", "xcomp") and any(
        a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in modality.CONDITION_MARKS
                                  for m in a.children) for a in c.children)
        for c in verb.children)


def denied_parties(verb: Token) -> list[Token]:
    """"Rwanda denied backing the rebels", "denied hiring fighters from Wagner": when the
    denied act is no event casus codes, its object (or where it came from) is whom the
    denial is about. A coded act's target is borrowed instead (borrow_from_acts)."""
    for clause in verb.children:
        if clause.dep_ in ("xcomp", "ccomp", "pcomp") and clause.pos_ == "VERB":
            objects = children(clause, "dobj")
            return objects + [o for obj in objects for o in prep_objects(obj, ("from",))]
    return []


def coordinated_nouns(noun: Token) -> list[Token]:
    """The nouns coordinated with an event noun, including a second object the parser
    hung on the verb ("facing shelling and airstrikes" with "airstrikes" as the verb's
    conjunct)."""
    found = [noun.head] if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") else []
    found += [c for c in noun.conjuncts if c not in found]
    verb = noun.head
    if noun.dep_ == "dobj":
        found += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    if noun.dep_ == "conj" and verb.pos_ == "VERB":
        found += children(verb, "dobj")
    return [n for n in found if n.pos_ in ("NOUN", "PROPN") and n != noun]


def sufferers(noun: Token, experience_verbs: frozenset[str]) -> list[Token]:
    """"civilians are facing shelling and airstrikes": who faces or suffers an attack
    is its target; also "came under fire", "under attack"."""
    head = noun
    while head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    verb = head.head
    if head.dep_ in ("dobj", "conj") and verb.lemma_.lower() in experience_verbs:
        return children(verb, "nsubj", "nsubjpass")
    if head.dep_ == "pobj" and verb.lower_ == "under" and verb.head.pos_ in ("VERB", "AUX"):
        return children(verb.head, "nsubj")  # "the convoy came under attack"
    return []


MEDIATE_ROOT = "045"


def mediated(verb: Token) -> list[Token]:
    """Between whom a mediator mediates, when the mediated act is a noun its clause's
    parties did: "Russia and Ukraine freed prisoners in an exchange brokered by the
    UAE" (the UAE mediated between Russia and Ukraine); "a truce brokered by Qatar
    between Israel and Hamas" (between them)."""
    noun = verb.head if verb.dep_ == "acl" else next(iter(children(verb, "dobj")), None)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return []
    between = prep_objects(noun, ("between",)) or prep_objects(verb, ("between",))
    if between:
        return [t for b in between for t in with_conjuncts(b)]
    if verb.dep_ != "acl" or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return []
    clause = noun.head.head
    return [t for s in children(clause, "nsubj") for t in with_conjuncts(s)
            if t.pos_ in ("PROPN", "NOUN")]


HOLDING_VERBS = frozenset({"hold", "kidnap", "abduct", "seize", "capture", "take", "detain"})


def captors(verb: Token) -> list[Token]:
    """"An American couple held by the gang were released": a release with no doer of
    its own is by whoever the released are said to be held by."""
    found = []
    for released in children(verb, "nsubjpass"):
        for clause in released.children:
            if clause.dep_ == "acl" and clause.tag_ == "VBN" \
                    and clause.lemma_.lower() in HOLDING_VERBS:
                found += prep_objects(clause, ("by",))
    return found
