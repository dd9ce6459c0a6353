"""Rules across a document's sentences, run once its events are coded.

A sentence does not always name what its event is about: "We condemn the attacks" names
the doer only in the next sentence ("Daesh claimed the attacks"); "our condolences to the
families of the victims" are for the victims of the attack the statement is about; a
headline restates the lede. Each rule reads the events around an event, never invents
a party the text does not give, and keeps the sentence the event came from.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from casus.events.judgments import judged_act
from casus.events.lexicon import Lexicon
from casus.events.triggers import VIOLENT_ROOTS, choose_code
from casus.nlp.offsets import token_at
from casus.records import ActorRef, Event, party_key


def across_sentences(events: list[Event], doc: Doc, lexicon: Lexicon) -> list[Event]:
    """The document's events after the cross-sentence rules below."""
    events = condemned_doers(events, doc, lexicon)
    events = condolences_for_victims(events)
    events = captors_asked(events)
    events = claimants_denied(events, doc)
    return drop_headline_repeats(events, doc.text)


REACTION_ROOTS = frozenset({"11"})
NEARBY_SENTENCES = 2


def condemned_doers(events: list[Event], doc: Doc, lexicon: Lexicon) -> list[Event]:
    """"We condemn the attacks in Baghdad." "Daesh claimed the attacks.": a condemnation of
    an act whose doer its own sentence does not name is aimed at the doer the story
    gives for an act of that kind nearby (the nearest, within two sentences either
    side; for an attack, its claimer too). So is a judgment of one ("The attack was a
    cowardly act of terror", "called the expulsion regrettable")."""
    amended = []
    for event in events:
        act = reacted_act(event, doc, lexicon) if event.cameo_root in REACTION_ROOTS \
            and event.target is None else None
        if act is not None:
            violent = act[:2] in VIOLENT_ROOTS
            doers = [e for e in events if e.source is not None and e.source.country
                     and not e.negated and (e.cameo_root == act[:2] or (violent and (
                         e.cameo_root in VIOLENT_ROOTS or e.cameo == "015")))]
            doer = nearest(doers, event)
            if doer is not None and party_key(doer.source) != party_key(event.source):
                event = event.amended(target=doer.source)  # never the speaker itself
        amended.append(event)
    return amended


def reacted_act(event: Event, doc: Doc, lexicon: Lexicon) -> str | None:
    """The code of the act a reaction is to: the event noun it takes as object
    ("condemned the attack") or passes judgment on ("called the expulsion regrettable")."""
    verb = token_at(doc, event.trigger_start)
    if verb is None:
        return None
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        entry = lexicon.noun(obj)
        code = choose_code(entry, obj, lexicon)[0] if entry is not None else None
        if code is not None:
            return code
    return judged_act(event, doc, lexicon)


def nearest(candidates: list[Event], event: Event) -> Event | None:
    """The candidate told nearest the event, within NEARBY_SENTENCES either side; the
    earlier of two as near (a story names the attack before reacting to it)."""
    near = [c for c in candidates if c is not event
            and abs(c.sentence_index - event.sentence_index) <= NEARBY_SENTENCES]
    return min(near, key=lambda c: (abs(c.sentence_index - event.sentence_index),
                                    c.sentence_index > event.sentence_index), default=None)


HEADLINE_MAX = 200
TERMINAL = (".", "!", "?", ".”", '."', ":")


def headline_end(text: str) -> int:
    """Where a headline line opening the text ends (0 if it has none): a short first
    line with no sentence-final punctuation."""
    first = text.lstrip()
    line = first.split("\n", 1)[0].rstrip()
    if "\n" not in first or not line or len(line) > HEADLINE_MAX or line.endswith(TERMINAL):
        return 0
    return len(text) - len(first) + len(line)


def _country(ref: ActorRef | None) -> str | None:
    return ref.country if ref is not None else None


def drop_headline_repeats(events: list[Event], text: str) -> list[Event]:
    """"Kharkiv: Russian bombs hit crowded store" over a story that reports the strike:
    the headline restates an event of the body; only the body's (with its detail) is
    kept. A headline event the body does not report stays."""
    end = headline_end(text)
    if not end:
        return events
    body = [e for e in events if (e.trigger_start or 0) >= end]

    def repeated(event: Event) -> bool:
        return any(b.cameo_root == event.cameo_root
                   and _country(b.source) == _country(event.source) for b in body)

    return [e for e in events if (e.trigger_start or 0) >= end or not repeated(e)]


DENIAL = "016"
CLAIM_NOUNS = frozenset({"claim", "report", "account", "version", "accusation",
                         "allegation", "assertion", "statement", "story"})


def claimants_denied(events: list[Event], doc: Doc) -> list[Event]:
    """"China's coast guard gave a different account, saying ..." "Manila dismissed that
    version as fabrication": a denial of a claim that names no one is aimed at whoever
    made the claim nearby: the speaker of a reported event, or the doer of a statement
    or an accusation, of another country than the denier's, within two sentences."""
    amended = []
    for event in events:
        if event.cameo == DENIAL and event.target is None and event.source is not None \
                and _denies_a_claim(event, doc):
            claimant = _claimant(events, event)
            if claimant is not None:
                event = event.amended(target=claimant)
        amended.append(event)
    return amended


def _denies_a_claim(event: Event, doc: Doc) -> bool:
    verb = token_at(doc, event.trigger_start)
    return verb is not None and any(c.dep_ in ("dobj", "nsubjpass")
                                    and c.lemma_.lower() in CLAIM_NOUNS for c in verb.children)


def _claimant(events: list[Event], denial: Event) -> ActorRef | None:
    own = _country(denial.source)
    claims = []
    for other in events:
        speaker = other.attribution.speaker if other.attribution else None
        if speaker is None and other.cameo_root in ("01", "11") and other is not denial:
            speaker = other.source
        if speaker is not None and speaker.country and speaker.country != own:
            claims.append(replace(other, source=speaker))
    claim = nearest([c for c in claims if c.sentence_index <= denial.sentence_index], denial)
    return claim.source if claim is not None else None


# Appeals and demands for the release of people (see `asks` in lexicon.yaml), and
# the acts that show who holds them: an abduction, and a release of someone else.
RELEASE_ASKS = frozenset({"0253", "1053"})
HOLDING = frozenset({"181", "0841"})


def captors_asked(events: list[Event]) -> list[Event]:
    """"The ELN released X." ... "The government had demanded his release.": an appeal or
    demand for a release that names no one to ask is addressed to whoever holds the
    captives, which the story has told earlier: the doer of the latest abduction or
    release before it."""
    amended = []
    holders: list[Event] = []
    for event in events:
        if event.cameo in HOLDING and event.source is not None and event.source.country \
                and not event.negated:
            holders.append(event)
        elif event.cameo in RELEASE_ASKS and event.target is None and holders \
                and party_key(holders[-1].source) != party_key(event.source):
            event = event.amended(target=holders[-1].source)
        amended.append(event)
    return amended


CONDOLENCE = "018"


def condolences_for_victims(events: list[Event]) -> list[Event]:
    """"We offer our condolences to the families of the victims": the families are of
    the victims of the attack the document reports, and belong to its country. Only a
    target of no country is given one: the nearest attack's target country (within two
    sentences), as the victims' families' country."""
    attacks = [e for e in events if e.cameo_root in VIOLENT_ROOTS
               and e.target is not None and e.target.country]
    amended = []
    for event in events:
        target = event.target
        if event.cameo == CONDOLENCE and (target is None or not target.country):
            attack = nearest(attacks, event)
            if attack is not None:
                country = attack.target.country if attack.target else None
                event = event.amended(target=_of_country(target, country))
        amended.append(event)
    return amended


def _of_country(target: ActorRef | None, country: str | None) -> ActorRef | None:
    from casus.actors.dictionary import default_dictionary
    from casus.actors.resolve import agent_ref

    text = target.text if target is not None else "the victims"
    role = (target.role if target is not None else None) or "CVL"
    return agent_ref(text, country, role, default_dictionary())
