"""What a speaker does by what they say: acts performed by statements about the
speaker's own side or about what others should do.

"The rebels insisted they had not shelled the camp" is the rebels' denial (016), aimed
at the camp's side, beside the shelling coded negated; "the minister said the army would
not negotiate while the militia held the town" is a refusal (12x) aimed at the militia,
whose holding the town is the refusal's condition, not a fact; "she told a forum that
France must leave Mali" is a demand (10x) of France, coded like "called on France to
leave Mali" (``triggers.compose_asks``), the action asked for left uncoded.
The words are data (``speech_acts`` and ``asks`` in lexicon.yaml); the rules read the
parse only. Helpers of ``casus.events.coder``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from spacy.tokens import Span, Token

from casus.actors.context import PLACE_LABELS
from casus.events import modality
from casus.events.arguments import FIRST_PERSON, ActorIndex, children, prep_objects, verb_subject
from casus.events.casualties import recoded
from casus.events.clauses import conditional_content, denied_parties
from casus.events.lexicon import Lexicon
from casus.events.ontology import lookup
from casus.events.recode import ABOUT_AN_ACT, STATEMENT
from casus.events.triggers import Trigger, compose_asks
from casus.records import ActorRef, Event, party_key

# Subjects of a content clause that stand for its speaker ("the army said it had not").
OWN_PRONOUNS = frozenset({"i", "we", "it", "they", "he", "she"})
DEMAND = "100"
HOSTILE_QUADS = frozenset({3, 4})  # verbal and material conflict: acts one denies
DateFor = Callable[[Token], Any]


def demands(sentence: Span, triggers: list[Trigger], actors: ActorIndex,
            lexicon: Lexicon) -> list[Trigger]:
    """"X said/told Y that Z should (must, has to) V": a demand of Z, its subcode from
    V's as for "called on Z to V"; the statement it was made in is no 010 of its own.
    "Should be there", "should invest more" ask for no act casus codes: no demand."""
    for verb in sentence:
        said = next((t for t in triggers if t.token.i == verb.i and not t.nominal), None)
        entry = lexicon.verb(verb) if verb.pos_ == "VERB" else None
        if entry is None or not entry.speech or (said is not None and said.code != STATEMENT):
            continue  # "warned", "denied", "accused" keep their own codes
        clause = _obligation(verb, lexicon)
        if clause is None or not _asks_another(verb, clause, actors, lexicon):
            continue
        others = [t for t in triggers if t is not said]
        composed, taken = compose_asks([Trigger(verb, entry, DEMAND, False), *others], lexicon)
        ask = composed[0]
        if ask.code != DEMAND:
            kept = [t for t in composed[1:] if t.token.i not in taken]
            triggers = sorted([ask, *kept], key=lambda t: t.token.i)
    return triggers


def _obligation(verb: Token, lexicon: Lexicon) -> Token | None:
    """The content clause saying what someone should do ("that France must leave
    Mali", "Ethiopia has to withdraw"), not what they should have done, nor on a
    condition ("if it attacks, Y must respond")."""
    if conditional_content(verb):
        return None
    for clause in children(verb, "ccomp"):
        if clause.pos_ not in ("VERB", "AUX"):
            continue
        auxes = {a.lower_ for a in children(clause, "aux")}
        if auxes & lexicon.obligation_words and "have" not in auxes:
            return clause
        if clause.lemma_.lower() in lexicon.obligation_words and any(
                a.tag_ == "TO" for x in children(clause, "xcomp") for a in x.children):
            return clause
    return None


def _asks_another(verb: Token, clause: Token, actors: ActorIndex, lexicon: Lexicon) -> bool:
    """A demand is of another party the text names: "we must", "its forces should" and
    "the world should" are none; nor is "must not" (what it asks for is not an act)."""
    subjects = children(clause, "nsubj")
    if not subjects or subjects[0].lower_ in OWN_PRONOUNS or children(clause, "neg"):
        return False
    speaker = speaker_party(children(verb, "nsubj")[:1], actors)
    party = actors.party(subjects[0])
    return party is not None and not party.plain and not (
        speaker is not None and own_side(speaker, party.ref, lexicon))


def speech_acts(coded: list[tuple[Trigger, Event]], actors: ActorIndex, lexicon: Lexicon,
                date_for: DateFor) -> list[tuple[Trigger, Event]]:
    """The sentence's events with the denials and refusals its speakers make by what they
    say of their own side, and with no statement to a place ("told a conference in Geneva")."""
    result: list[tuple[Trigger, Event]] = []
    conditions: set[int] = set()
    for trigger, event in coded:
        if _to_a_place(trigger, event, actors):
            continue
        refusal = _refusal(trigger, event, actors, lexicon, date_for)
        if refusal is not None:
            result.append(refusal)
            conditions.update(t.i for c in condition_clauses(trigger.token, lexicon)
                              for t in c.subtree)
            continue
        result.append((trigger, event))
        denial = _denial(trigger, event, coded, actors, lexicon, date_for)
        if denial is not None:
            result.append(denial)
    return [(t, e.amended(modality="conditional") if t.token.i in conditions else e)
            for t, e in result]


def _to_a_place(trigger: Trigger, event: Event, actors: ActorIndex) -> bool:
    """"told a conference in Geneva": a place in the addressee's phrase is where it sat, not
    who was told."""
    if trigger.code != STATEMENT or not trigger.entry.speech or event.target is None:
        return False
    verb = trigger.token
    for heard in children(verb, "dobj", "dative") + prep_objects(verb, ("to",)):
        if actors.covering(heard) is not None:
            continue
        for place in (o for p in children(heard, "prep") for o in children(p, "pobj")):
            mention = actors.covering(place)
            if mention is not None and mention.label in PLACE_LABELS \
                    and party_key(mention.actor) == party_key(event.target):
                return True
    return False


def _refusal(trigger: Trigger, event: Event, actors: ActorIndex, lexicon: Lexicon,
             date_for: DateFor) -> tuple[Trigger, Event] | None:
    """"The president said the army would not negotiate while the TPLF held the town": a
    speaker's own side that will not do a cooperative act refuses it (12x), aimed at
    the party it would be done with, else the one the condition names."""
    verb = trigger.token
    code = lexicon.refusal_code(event.cameo)
    if code is None or not event.negated or event.modality == "conditional" \
            or trigger.nominal or not children(verb, "neg") \
            or not {a.lower_ for a in children(verb, "aux")} & lexicon.refusal_modals:
        return None
    said = _said_by_own_side(trigger, event, actors, lexicon)
    if said is None:
        return None
    speech, speaker = said
    target = event.target or next(
        (p.ref for c in condition_clauses(verb, lexicon) for s in children(c, "nsubj")
         if (p := actors.party(s)) is not None), None)
    refusal = _voiced(recoded(event, code), speaker, target, speech, date_for)
    return replace(trigger, code=code), refusal.amended(trigger=event.trigger,
                                                        trigger_start=event.trigger_start)


def condition_clauses(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Clauses on ``verb`` opened by a condition word ("while the TPLF held the town",
    "until they withdraw", "as long as they hold the town")."""
    found = []
    for clause in children(verb, "advcl") + [c for a in children(verb, "advmod")
                                             for c in children(a, "advcl")]:
        for mark in children(clause, "mark"):
            opener = " ".join(t.lower_ for t in verb.doc[max(mark.i - 2, 0):mark.i + 1])
            if any(opener == w or opener.endswith(" " + w) for w in lexicon.condition_words):
                found.append(clause)
    return found


def _denial(trigger: Trigger, event: Event, coded: list[tuple[Trigger, Event]],
            actors: ActorIndex, lexicon: Lexicon,
            date_for: DateFor) -> tuple[Trigger, Event] | None:
    """"The ministry said Ethiopian troops did not shell the town": a speaker saying
    their own side did not do a hostile act denies it (016), aimed at the act's target.
    Not "will not" (a refusal or a promise), and not where a denial verb already
    speaks ("denied that its jets had bombed")."""
    verb = trigger.token
    if not event.negated or event.modality not in ("asserted", "reported") \
            or trigger.nominal or trigger.frame is not None or not children(verb, "neg") \
            or any(a.tag_ == "MD" for a in children(verb, "aux")) \
            or lookup(event.cameo).quad_class not in HOSTILE_QUADS:
        return None
    said = _said_by_own_side(trigger, event, actors, lexicon)
    if said is None:
        return None
    speech, speaker = said
    if any(e.cameo in ABOUT_AN_ACT and verb in t.token.subtree for t, e in coded):
        return None
    target = event.target or next((p.ref for o in denied_parties(speech)
                                   if (p := actors.party(o)) is not None), None)
    entry = lexicon.verb(speech) or trigger.entry
    denial = _voiced(recoded(event, next(iter(ABOUT_AN_ACT))), speaker, target, speech,
                     date_for)
    return Trigger(speech, entry, denial.cameo, False), denial


def _said_by_own_side(trigger: Trigger, event: Event, actors: ActorIndex,
                      lexicon: Lexicon) -> tuple[Token, ActorRef] | None:
    """The speech verb and speaker of an act the speaker's own side does, if it is."""
    reading = modality.read(trigger.token, trigger.token, lexicon.speech_lemmas, nominal=False)
    speech = reading.speech
    if speech is None or speech.pos_ != "VERB" or children(speech, "neg"):
        return None
    entry = lexicon.verb(speech)
    if entry is not None and entry.code in ABOUT_AN_ACT:
        return None  # "denied that ...": the denial verb codes it
    speaker = speaker_party([reading.speaker] if reading.speaker is not None else [], actors)
    subject, _ = verb_subject(trigger.token)
    if speaker is None or subject is None:
        return None
    if subject.lower_ in OWN_PRONOUNS:
        return speech, speaker
    side = event.source
    return (speech, speaker) if side is not None and own_side(speaker, side, lexicon) else None


def speaker_party(tokens: list[Token], actors: ActorIndex) -> ActorRef | None:
    """The speaker as a party: "we" in a government's statement is the government."""
    if not tokens:
        return None
    token = tokens[0]
    if token.lower_ in FIRST_PERSON:
        return actors.publisher(token.text)
    party = actors.party(token)
    return party.ref if party is not None and not party.plain else None


def own_side(speaker: ActorRef, other: ActorRef, lexicon: Lexicon) -> bool:
    """Whether ``other`` speaks for the speaker's side: the same actor, the same group
    (code), or organs of one state ("the defence ministry" and "Ethiopian troops")."""
    if party_key(speaker) == party_key(other) or (
            speaker.code and speaker.country and speaker.code == other.code):
        return True
    return bool(speaker.country) and speaker.country == other.country \
        and _state(speaker, lexicon) and _state(other, lexicon)


def _state(ref: ActorRef, lexicon: Lexicon) -> bool:
    return ref.role in lexicon.state_roles or (ref.role is None and ref.code == ref.country)


def _voiced(event: Event, speaker: ActorRef, target: ActorRef | None, speech: Token,
            date_for: DateFor) -> Event:
    """The act re-read as the speaker's own statement act, dated when it was said."""
    when = date_for(speech)
    return event.amended(
        source=speaker, target=target, negated=False, modality="asserted",
        trigger=speech.text, trigger_start=speech.idx,
        date=getattr(when, "date", None), date_precision=getattr(when, "precision", None),
        date_text=getattr(when, "text", None))


__all__ = ["condition_clauses", "demands", "own_side", "speaker_party", "speech_acts"]
