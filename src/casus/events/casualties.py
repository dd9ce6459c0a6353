"""Deaths and wounds are what an attack did, not events of their own.

"Bombs struck the market, killing 12", "17 villagers were killed when jets bombed the
village", "Israeli strikes killed 20": one attack, whose victims are its target. Coding
the killing beside the attack counts one act twice, and a killing by nobody ("were
killed") is a casualty report, not a dyad. So, within a sentence, a killing or wounding
(the lexicon's ``casualties`` words) that the parse ties to an attack - as its
participle, its "when" clause, its subject, or simply as a doer-less killing beside it -
is folded into that attack: the attack keeps its code and doer and, when it named no
target, takes the victims. A doer-less killing "in an air strike" takes the strike's code;
a running toll with neither doer nor attack ("400 people have been killed since October")
counts many acts, not one event between parties, and is not coded; nor is any other
casualty report with no doer and no attack or cause in its sentence.
"""

from __future__ import annotations

from typing import TypeVar

from spacy.tokens import Span, Token

from casus.events.arguments import verb_subject
from casus.events.lexicon import Lexicon
from casus.events.ontology import lookup
from casus.events.triggers import VIOLENT_ROOTS, choose_code
from casus.nlp.offsets import token_at
from casus.records import Event

CASUALTY_ROOT = "18"
LINK_STEPS = 3  # how far up the parse a killing may hang from its attack
CAUSE_PREPS = frozenset({"in", "by", "during", "from"})
T = TypeVar("T")


def fold_casualties(events: list[Event], sentence: Span, lexicon: Lexicon,
                    violent: dict[int, str] | None = None) -> list[Event]:
    """The sentence's events with killings and woundings folded into their attacks.

    ``violent`` maps the token index of every violent trigger in the sentence to its
    code, including those that found no party ("when aircraft dropped bombs"): a
    killing tied to one of those is that attack, by its victims."""
    tokens = {id(e): token_at(sentence.doc, e.trigger_start) for e in events}
    attacks = [e for e in events if e.cameo_root in VIOLENT_ROOTS
               and not _is_casualty(tokens[id(e)], lexicon)]
    coded = {t.i for e in attacks if (t := tokens[id(e)]) is not None}
    unclaimed = {i: code for i, code in (violent or {}).items()
                 if i not in coded and code[:2] in VIOLENT_ROOTS
                 and not _is_casualty(sentence.doc[i], lexicon)}
    kept: list[Event] = []
    folded: dict[int, Event] = {}  # id of an attack -> the attack as amended
    # "ISIL's attacks in Tel Tamer, which targeted and killed civilians": one act told
    # twice; the clause's parties (and its killings') go to the noun's event
    by_token = {t.i: a for a in attacks if (t := tokens[id(a)]) is not None}
    restated = {id(e): noun for e in attacks
                if (noun := _restated(tokens[id(e)], by_token)) is not None and noun is not e}
    # a clause restating an attack noun stands for the noun
    linked = {t.i: (restated.get(id(a), a)) for a in attacks if (t := tokens[id(a)]) is not None}
    attacks = [e for e in attacks if id(e) not in restated]
    for event in events:
        token = tokens[id(event)]
        if id(event) in restated:
            noun = restated[id(event)]
            current = folded.get(id(noun), noun)
            if _needs_target(current) and event.target is not None:
                folded[id(noun)] = current.amended(target=event.target)
            continue
        if event.cameo_root != CASUALTY_ROOT or not _is_casualty(token, lexicon) \
                or token is None:
            kept.append(event)
            continue
        attack = _linked_attack(token, linked)
        if attack is None and (code := _tied(token, unclaimed)) is not None:
            kept.append(recoded(event, code))
            continue
        if attack is None and event.source is None and attacks:
            at = event.trigger_start or 0
            attack = min(attacks, key=lambda a: abs((a.trigger_start or 0) - at))
        if attack is None:
            caused = _coded_by_cause(event, token, lexicon)
            if caused.source is not None or caused is not event:
                kept.append(caused)
            # else a casualty report ("one officer was wounded", "400 have been killed
            # since October"): nobody's act, not an event between parties
            continue
        current = folded.get(id(attack), attack)
        if _needs_target(current) and event.target is not None:
            folded[id(attack)] = current.amended(target=event.target)
    return [folded.get(id(e), e) for e in kept]


def _is_casualty(token: Token | None, lexicon: Lexicon) -> bool:
    return token is not None and token.lemma_.lower() in lexicon.casualty_words


def _needs_target(attack: Event) -> bool:
    return attack.target is None or not attack.target.country


def _linked_attack(token: Token, by_token: dict[int, Event]) -> Event | None:
    """The attack the parse ties the killing to (``by_token``: the attacks by trigger
    token): up its heads (a participle, "killing 12"), down to a clause it governs
    ("were killed when jets bombed"), or its subject ("strikes killed 20")."""
    subject, _ = verb_subject(token)  # "attacks, claimed by X, have killed": shared subject
    if subject is not None and subject.i in by_token:
        return by_token[subject.i]
    return _tied(token, by_token, DOWN_DEPS)


DOWN_DEPS = frozenset({"advcl", "nsubj", "csubj", "conj"})


def _tied(token: Token, index: dict[int, T], down: frozenset[str] | None = None) -> T | None:
    """What ``index`` holds for the nearest token tied to ``token`` in the parse: up
    its heads, then down its subtree (only through ``down`` children when given),
    within LINK_STEPS."""
    node = token
    for _ in range(LINK_STEPS):
        if node.head is node:
            break
        node = node.head
        if node.i in index:
            return index[node.i]
    for child in (c for c in token.children if down is None or c.dep_ in down):
        for inner in child.subtree:
            if inner.i in index and _depth(inner, token) <= LINK_STEPS:
                return index[inner.i]
    return None


def _restated(token: Token | None, by_token: dict[int, Event]) -> Event | None:
    """The attack noun a violent relative clause describes, past the places the parser
    may have hung the clause on ("attacks in the town of X, which targeted ...")."""
    if token is None or token.dep_ not in ("relcl", "acl"):
        return None
    head = token.head
    for _ in range(LINK_STEPS + 1):
        if head.i in by_token and head.pos_ in ("NOUN", "PROPN"):
            return by_token[head.i]
        if head.dep_ != "pobj" or head.head.head is head.head:
            return None
        head = head.head.head  # from the place to the noun its preposition modifies
    return None


def _depth(token: Token, ancestor: Token) -> int:
    n = 0
    while token != ancestor and token.head is not token:
        token, n = token.head, n + 1
    return n


def _coded_by_cause(event: Event, token: Token, lexicon: Lexicon) -> Event:
    """"were killed in an air strike": a doer-less killing is the strike the cause names."""
    if event.source is not None:
        return event
    for prep in token.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in CAUSE_PREPS:
            continue
        for noun in prep.children:
            entry = lexicon.noun(noun) if noun.dep_ == "pobj" else None
            code = choose_code(entry, noun, lexicon)[0] if entry is not None else None
            if code is not None and code[:2] in VIOLENT_ROOTS and code[:2] != CASUALTY_ROOT:
                return recoded(event, code)
    return event


def recoded(event: Event, code: str) -> Event:
    """The event under another CAMEO code, its labels and weights with it."""
    found = lookup(code)
    return event.amended(cameo=found.code, cameo_root=found.root, cameo_label=found.label,
                   plover=found.plover, plover_mode=found.plover_mode,
                   quad_class=found.quad_class, goldstein=found.goldstein)
