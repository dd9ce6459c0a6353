"""Whole events re-read from the rest of their sentence: what kind of act it was and
whom it was about, once every trigger of the sentence is coded.

"X told reporters that Y attacked" is Y's attack, not X's statement; protesters attacking
an embassy riot; a jihadist group's attack on a market is terror; a denial or a pledge
is about the act it denies or pledges. Each function takes coded events and returns them
amended (new ids), never inventing a party the sentence does not give.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from casus.events.casualties import recoded
from casus.events.lexicon import Lexicon
from casus.events.triggers import VIOLENT_ROOTS, Trigger
from casus.nlp.offsets import token_at
from casus.records import ActorRef, Event

STATEMENT = "010"
CONTENT_DEPS = frozenset({"ccomp", "parataxis"})


def is_vehicle(trigger: Trigger, triggers: list[Trigger], lexicon: Lexicon) -> bool:
    """"X told Y that Z attacked": what was said is coded (with X as its speaker), not
    the telling; a bare statement (010) by a speech verb whose content clause codes an
    event of its own is only its vehicle. So is one told to reporters or an agency:
    the press is the channel, not a party."""
    if trigger.code != STATEMENT or not trigger.entry.speech:
        return False
    content = [c for c in trigger.token.children if c.dep_ in CONTENT_DEPS]
    if any(t is not trigger and any(t.token in c.subtree for c in content) for t in triggers):
        return True
    return any(t.dep_ in ("dobj", "dative") and t.lemma_.lower() in lexicon.press_words
               for t in trigger.token.children)


RIOT = "145"


def riot(event: Event, lexicon: Lexicon) -> Event:
    """"Protesters attacked the embassy": violence by a crowd of protesters is CAMEO's
    violent protest (145), not a military attack."""
    source = event.source
    if event.cameo_root not in VIOLENT_ROOTS or source is None or source.role != "CVL":
        return event
    words = {w.strip(".,").lower().rstrip("s") for w in source.text.split()}
    return recoded(event, RIOT) if words & lexicon.protester_words else event


UNSPECIFIED_FORCE = "190"
UNCONVENTIONAL = "180"
TERROR_GROUPS = frozenset({"IMG"})  # CAMEO's international militarized (jihadist) groups
ARMED_ROLES = frozenset({"MIL", "COP", "REB", "INS", "SPY"})


def terror(event: Event) -> Event:
    """An unspecified attack by a transnational jihadist group (CAMEO's IMG) on anything
    but armed forces is CAMEO's unconventional violence (18): a bombing of a market, a
    massacre of mourners, not a battle. Its fights with armies stay military force."""
    source, target = event.source, event.target
    if event.cameo != UNSPECIFIED_FORCE or source is None or source.country not in TERROR_GROUPS:
        return event
    if target is not None and target.role in ARMED_ROLES:
        return event
    return recoded(event, UNCONVENTIONAL)


SUPPORT = "050"
MILITARY_COOPERATION = "062"


def military_support(event: Event) -> Event:
    """"The coalition has supported the Iraqi Security Forces": support between armed
    forces is military cooperation (062), not diplomatic support (050). Both sides
    must be armed bodies (a role, or an alliance's military code such as NATO's)."""
    if event.cameo != SUPPORT or not (_armed(event.source) and _armed(event.target)):
        return event
    return recoded(event, MILITARY_COOPERATION)


def _armed(ref: ActorRef | None) -> bool:
    return ref is not None and (ref.role in ARMED_ROLES or (ref.code or "").endswith("MIL"))


# Denying an act is about that act: its target is the act's target.
ABOUT_AN_ACT = frozenset({"016"})


INTENT_ROOT = "03"
UNSPECIFIED_INTENT = "030"


def borrow_from_acts(coded: list[tuple[Trigger, Event]], lexicon: Lexicon) -> list[Event]:
    """A denial or a pledge with no target of its own is about the act in its
    complement: "Ukraine denied launching drones at Belgorod" is aimed at Russia, "the
    crown prince pledged that the kingdom would fund Syria's grid" at Syria; and an
    unspecified pledge takes the intent the act gives (funding: 0331)."""
    events = []
    for trigger, event in coded:
        about = event.cameo in ABOUT_AN_ACT or event.cameo_root == INTENT_ROOT
        if about and event.target is None:
            inner = (e for t, e in coded if t is not trigger and e.target is not None
                     and t.token in trigger.token.subtree
                     and t.token not in _subject_tokens(trigger.token))
            act = next(inner, None)
            if act is not None:
                event = event.amended(target=act.target)
                intent = lexicon.intent_code(act.cameo) \
                    if event.cameo == UNSPECIFIED_INTENT else None
                event = recoded(event, intent) if intent else event
        events.append(event)
    return events


def denials_follow_places(events: list[Event], doc: Doc) -> None:
    """Once places have given acts their countries ("shelling the camp" in El Fasher is
    Sudan), a denial still aimed at a party of no country takes the country its denied
    act now has. In place, as ``casus_places`` amends its events."""
    tokens = {id(e): token_at(doc, e.trigger_start) for e in events}
    for i, event in enumerate(events):
        verb = tokens[id(event)]
        if event.cameo not in ABOUT_AN_ACT or verb is None or (
                event.target is not None and event.target.country):
            continue
        inside = [e for e in events if e is not event and e.target is not None
                  and e.target.country and (t := tokens[id(e)]) is not None
                  and t in verb.subtree and t not in _subject_tokens(verb)]
        if inside:
            events[i] = event.amended(target=inside[0].target)


def _subject_tokens(verb: Token) -> set[Token]:
    return {t for s in verb.children if s.dep_ in ("nsubj", "nsubjpass") for t in s.subtree}
