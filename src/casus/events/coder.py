"""The event coder: plain functions from parsed sentences to candidate Event records.

For each trigger (see ``triggers``) the parties come from the parse (``arguments``),
reality and attribution from ``modality``, the date from the document's date
mentions, labels and weights from the ontology.

Confidence is a simple additive score, so a reader can see why one event outranks
another: 0.3 to start; +0.15 for each side found; +0.1 for each side that is a
dictionary actor; +0.1 when every party is a direct syntactic argument of the trigger
(not inherited from another clause or found deeper in a phrase); +0.1 when the event
is asserted and not negated; -0.05 for a noun trigger. Clamped to [0.05, 0.99].
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import islice, permutations, product
from typing import Any

from spacy.tokens import Doc, Span, Token

from casus.actors import resolve_actor_text
from casus.events import modality
from casus.events.arguments import (
    FIRST_PERSON,
    LEADER_SUFFIXES,
    ActorIndex,
    Party,
    antecedent,
    children,
    country_modifier,
    country_modifiers,
    noun_arguments,
    phrase_text,
    prep_objects,
    reduced_passive,
    verb_object,
    verb_subject,
    verb_targets,
    with_conjuncts,
)
from casus.events.casualties import fold_casualties
from casus.events.clauses import (
    MEDIATE_ROOT,
    PROTEST_ROOT,
    THREAT_ROOT,
    captors,
    conditional_content,
    coordinated_nouns,
    denied_parties,
    mediated,
    protested,
    sufferers,
)
from casus.events.document import across_sentences
from casus.events.judgments import judgments, performed, repeats
from casus.events.lexicon import Entry, Lexicon, load_lexicon
from casus.events.ontology import lookup
from casus.events.recode import (
    ABOUT_AN_ACT,
    borrow_from_acts,
    is_vehicle,
    military_support,
    riot,
    terror,
)
from casus.events.speech import demands, speech_acts
from casus.events.triggers import Trigger, find_triggers
from casus.records import ActorRef, Attribution, Event, Mention, party_key

MAX_PAIRS = 4
# Subjects of a reported clause that stand for the speaker ("the army said it killed").
SELF_PRONOUNS = frozenset({"i", "we", "me", "us", "he", "she", "it"})
GENERIC_NOUN = Entry(lemma="", pos="noun", code=None)
_ANCHOR_DEPS = frozenset(
    {"pobj", "prep", "nsubj", "nsubjpass", "dobj", "attr", "appos", "conj", "npadvmod"}
)


@dataclass
class Roles:
    """Candidate parties of one trigger before pairing."""

    sources: list[Party]
    targets: list[Party]
    subject: Token | None
    direct: bool


def code_document(
    doc: Doc, *, lexicon: Lexicon | None = None, max_events: int = 2000, doc_id: str | None = None
) -> list[Event]:
    """Every event in the doc, in text order, at most ``max_events``.

    Reads ``doc._.casus_mentions`` and ``doc._.casus_dates`` when they are set
    (None means "not run": spaCy entities stand in for mentions).
    """
    lexicon = lexicon or load_lexicon()
    mentions: list[Mention] | None = _ext(doc, "casus_mentions")
    dates: list[Any] = _ext(doc, "casus_dates") or []
    doc_id = doc_id if doc_id is not None else (_ext(doc, "casus_doc_id") or "")
    actors = ActorIndex(doc, mentions, lexicon)
    coded = (event for index, sentence in enumerate(doc.sents)
             for event in code_sentence(sentence, index, actors, lexicon, doc_id, dates))
    return across_sentences(list(islice(coded, max_events)), doc, lexicon)


def _ext(doc: Doc, name: str) -> Any:
    return getattr(doc._, name) if doc.has_extension(name) else None


def code_sentence(
    sentence: Span,
    index: int,
    actors: ActorIndex,
    lexicon: Lexicon,
    doc_id: str = "",
    dates: Sequence[Any] = (),
) -> list[Event]:
    """Candidate events of one sentence; events with neither party are dropped."""
    seen: set[tuple[Any, ...]] = set()
    quotes = modality.quote_spans(sentence)
    triggers = demands(sentence, find_triggers(sentence, lexicon), actors, lexicon)
    by_trigger: list[tuple[Trigger, Event]] = []
    for trigger in triggers:
        if is_vehicle(trigger, triggers, lexicon) or _purpose_of(trigger, triggers):
            continue
        for event in _events_for(trigger, sentence, index, actors, lexicon, doc_id, dates, quotes):
            key = (trigger.token.i, event.cameo, party_key(event.source), party_key(event.target))
            if key not in seen:
                seen.add(key)
                by_trigger.append((trigger, event))
    for found in judgments(sentence, by_trigger, actors, lexicon):  # "called X a war crime"
        given = Roles(found.sources, found.targets, None, True)
        by_trigger += [(found.trigger, e) for e in _events_for(found.trigger, sentence, index,
                       actors, lexicon, doc_id, dates, quotes, given) if not repeats(e, by_trigger)]
    by_trigger = speech_acts(by_trigger, actors, lexicon,
                             lambda t: pick_date(t, t, sentence, dates))
    events = [military_support(terror(riot(e, lexicon)))
              for e in borrow_from_acts(by_trigger, lexicon)]
    violent = {t.token.i: t.code for t in triggers}
    return fold_casualties(events, sentence, lexicon, violent)


def _purpose_of(trigger: Trigger, triggers: list[Trigger]) -> bool:
    """"arrived in Ouagadougou for a two-day visit": the noun names the purpose of a
    verb that is already that event (the arrival is the visit), not a second one."""
    noun = trigger.token
    if not trigger.nominal or noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return False
    verb = noun.head.head
    return any(t.token == verb and t.code == trigger.code for t in triggers)


def _events_for(
    trigger: Trigger,
    sentence: Span,
    index: int,
    actors: ActorIndex,
    lexicon: Lexicon,
    doc_id: str,
    dates: Sequence[Any],
    quotes: list[tuple[int, int]],
    given: Roles | None = None,
) -> list[Event]:
    roles = given or (noun_roles(trigger, actors, lexicon) if trigger.nominal
                      else verb_roles(trigger, actors, lexicon))
    verb = trigger.token
    if not roles.sources and not trigger.nominal and trigger.code[:2] in SAID_ROOTS \
            and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        return []  # "30 people accused of funding the militia": a description, no accusation
    if trigger.frame is not None and not roles.sources:
        roles.sources = frame_sources(trigger.frame, actors)
    anchor = trigger.token if not trigger.nominal else noun_anchor(trigger.token)
    if trigger.frame is not None:  # a threat is asserted by the clause that states it
        anchor = noun_anchor(trigger.frame) if trigger.frame.pos_ in {"NOUN", "PROPN"} \
            else trigger.frame
    reading = modality.read(
        trigger.token,
        anchor,
        lexicon.speech_lemmas,
        nominal=trigger.nominal,
        negatable_anchor=not trigger.nominal or _denies_noun(trigger.token, anchor, lexicon),
    )
    performed(trigger.token, reading, lexicon)  # "I want to thank ...": thanks
    speaker = _speaker(reading, actors)
    date = pick_date(trigger.token, anchor, sentence, dates)
    events = []
    symmetric = (trigger.entry.symmetric or (
        trigger.event_noun is not None
        and (noun_entry := lexicon.noun(trigger.event_noun)) is not None
        and noun_entry.symmetric
    )) and not reduced_passive(trigger.token)  # "a truce announced by A and B": two voices
    if trigger.code[:2] == THREAT_ROOT and conditional_content(trigger.token):
        reading.raise_to("conditional")  # "warned Cyprus that if it allowed Israel ..."
    for source, target in pair_parties(roles, symmetric):
        if source is None and roles.subject is not None and roles.subject.lower_ in SELF_PRONOUNS:
            source = speaker  # "we will strike", said by the speaker
        if source is None and roles.subject is not None and roles.subject.lower_ in FIRST_PERSON:
            source = actors.publisher(roles.subject.text)
        if (source is None and target is None) or (
            trigger.entry.requires_target and not trigger.light and target is None
        ):
            continue
        events.append(
            _event(
                trigger,
                sentence,
                index,
                doc_id,
                source,
                target,
                reading,
                speaker,
                date,
                quotes,
                roles.direct,
            )
        )
    return events


def verb_roles(trigger: Trigger, actors: ActorIndex, lexicon: Lexicon) -> Roles:
    """Parties of a verb trigger (and of a light verb's event noun)."""
    verb = trigger.token
    subject, direct = verb_subject(verb)
    sources = _parties(with_conjuncts(subject) if subject is not None else [], actors, direct)
    doer = antecedent(subject) if subject is not None else None  # "attacks ..., which"
    if not sources and subject is None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        # "the Iraqi mission to recapture Mosul": the mission's doers do it
        head_args = noun_arguments(verb.head, lexicon.noun(verb.head) or GENERIC_NOUN)
        sources = _parties(head_args.sources, actors, False) or _modifier_parties(
            head_args.modifiers, actors)
    if not sources and doer is not None and (subject_entry := lexicon.noun(doer)):
        # "Israeli strikes on Gaza killed 20": the doers of the subject event
        subject_args = noun_arguments(doer, subject_entry)
        sources = _parties(subject_args.sources, actors, False) or _modifier_parties(
            subject_args.modifiers, actors
        )
    if not sources and trigger.code.startswith(RELEASE_ROOT):
        sources = _parties(captors(verb), actors, False)  # "a couple held by X was freed"
    obj = None if trigger.light or trigger.entry.topic else verb_object(verb)
    if obj is not None and obj.pos_ == "PRON" and trigger.rule is not None and trigger.rule.object:
        obj = trigger.event_noun  # "end it": the noun the pronoun stands for
    doers: list[Party] = []
    if obj is not None and lexicon.noun(obj) is not None:
        # "condemned the attack on X": the object is an event; its doers are the target
        obj_args = noun_arguments(obj, lexicon.noun(obj))  # type: ignore[arg-type]
        target_heads = obj_args.sources + verb_targets(verb, trigger.entry, None)
        if not obj_args.sources:  # "condemned the U.S.-led strikes"
            doers = _modifier_parties(obj_args.modifiers, actors)
    else:
        target_heads = verb_targets(verb, trigger.entry, obj)
    if obj is not None and obj.lemma_.lower() in lexicon.content_nouns \
            and trigger.code not in ABOUT_AN_ACT:  # a denial is about the act (below)
        # "welcomed the news that the army retook the town": the army is welcomed
        told = [s for c in obj.children if c.dep_ in ("acl", "ccomp")
                and any(m.dep_ == "mark" for m in c.children) for s in children(c, "nsubj")]
        target_heads = told + [t for t in target_heads if t != obj] if told else target_heads
    if trigger.entry.topic and (topic := verb_object(verb)) is not None:
        # "discussed the war with Lavrov", however deep the parser hung the "with"
        target_heads += [o for t in topic.subtree if t.dep_ == "prep" and t.lower_ == "with"
                         and t.head.pos_ in ("NOUN", "PROPN")  # not "a bloc X formed with Y"
                         for o in prep_objects(t.head, ("with",))]
    if trigger.code in ABOUT_AN_ACT and not target_heads:
        target_heads = denied_parties(verb)
    if trigger.code == MEDIATE_ROOT and (between := mediated(verb)):
        target_heads = between  # "an exchange brokered by the UAE": between whom
    for complement in trigger.absorbed:  # "threatened to attack Israel"
        target_heads += verb_targets(complement, trigger.entry, verb_object(complement))
    if trigger.asked is not None and (asked := children(trigger.asked, "nsubj")):
        target_heads = asked  # "demanded that Rwanda withdraw": Rwanda is asked
    if trigger.event_noun is not None:
        noun = trigger.event_noun
        noun_args = noun_arguments(noun, lexicon.noun(noun) or GENERIC_NOUN)
        if trigger.light and not sources:
            sources = _parties(noun_args.sources, actors, True) or _modifier_parties(
                noun_args.modifiers, actors
            )
        elif not trigger.light:  # "rejected India's proposal": the proposer is the target
            target_heads += noun_args.sources
        target_heads += noun_args.targets
        for patient in prep_objects(noun, ("of",)):  # "the end of the truce with X"
            if (patient_entry := lexicon.noun(patient)) is not None:
                target_heads += noun_arguments(patient, patient_entry).targets
    held_from = prep_objects(verb, ("from",)) if "from" in trigger.entry.target_preps else []
    if held_from and obj is not None:  # "retook the town from the rebels": the rebels
        target_heads = held_from
    # "recalled its ambassador from Tehran": the place it is pulled from is the target
    target_heads += [p for t in target_heads if own_possession(t)
                     for p in prep_objects(t, POSTED_PREPS)]
    target_heads = [
        t
        for t in target_heads
        if not (trigger.is_predicate_word(t) and _no_one(actors.mention_for(t))
                and country_modifier(t) is None)
        and not own_possession(t)
    ]
    if trigger.code[:2] in COOPERATIVE_ROOTS and any(not _against(t) for t in target_heads):
        # "supporting the Iraqi government against ISIL": the adversary is no beneficiary
        target_heads = [t for t in target_heads if not _against(t)]
    targets = _parties(target_heads, actors, True) + doers
    if trigger.code[:2] == PROTEST_ROOT and not targets:
        targets = _parties(protested(verb), actors, True)
    if trigger.entry.requires_target and not trigger.light:  # "told X": a known party
        targets = [t for t in targets if not t.plain]
    return Roles(sources, targets, subject, direct)


OWN = frozenset({"its", "their", "his", "her", "our", "my"})
MEETING_ROOT = "04"
# Acts done by saying something: as a bare participle on a noun ("people accused of X",
# "a plan rejected last year") with no one saying it, they describe, they do not report
SAID_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
RELEASE_ROOT = "084"
POSTED_PREPS = ("from", "in", "to")
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})


def _against(token: Token) -> bool:
    """The object of "against" (or a conjunct of it)."""
    head = token
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ == "against"


def _no_one(mention: Mention | None) -> bool:
    """A predicate's own object names no party unless it names someone or some
    country's body: "sent troops" is no party; "sent a delegation" the text made
    Iraqi is."""
    return mention is None or (mention.actor.type == "AGENT" and not mention.actor.country)


def own_possession(token: Token) -> bool:
    """'recalled its ambassador', 'withdrew their troops': what the doer sends or pulls
    back is its own, not the target of the act (the target is where it comes from)."""
    return token.dep_ in {"dobj", "nsubjpass"} and any(
        c.dep_ == "poss" and c.lower_ in OWN for c in token.children)


def frame_sources(frame: Token, actors: ActorIndex, steps: int = 8) -> list[Party]:
    """Who states a readiness ("its ability to", "we are ready to"): the possessor or
    subject of the frame, climbing past pronouns to the clause that names them ("the
    committee announced ..., as it confirmed its ability to ...")."""
    token = frame
    for _ in range(steps):
        for child in token.children:
            if child.dep_ in {"poss", "nsubj", "nsubjpass"} and child.pos_ != "PRON":
                party = actors.party(child, direct=False)
                if party is not None:
                    return [party]
        if token.head.i == token.i:  # the root
            break
        token = token.head
    return []


def noun_roles(trigger: Trigger, actors: ActorIndex, lexicon: Lexicon) -> Roles:
    """Parties of an event noun: 'of', 'by', possessives, 'between A and B', modifiers."""
    noun = trigger.token
    args = noun_arguments(noun, trigger.entry)
    sources = _parties(args.sources, actors, True)
    if not sources:
        sources = _modifier_parties(args.modifiers, actors)
    for other in coordinated_nouns(noun):
        if sources:
            break  # "shelling and airstrikes by the regime": both are the regime's
        sources = _parties(noun_arguments(other, GENERIC_NOUN).sources, actors, False)
    if not sources and noun.dep_ == "dobj" \
            and modality.base_form(noun.head, lexicon.doer_verbs) in lexicon.doer_verbs:
        # "Israel is considering an attack", "the army staged a raid": the verb's subject
        subject, _ = verb_subject(noun.head)
        sources = _parties([subject] if subject is not None else [], actors, False)
    if not sources and trigger.code[:2] == MEETING_ROOT and noun.dep_ == "pobj" \
            and noun.head.lower_ == "for" and noun.head.head.pos_ in ("VERB", "AUX", "ADJ"):
        # "is due in Brussels for talks with X", "flew to Cairo for a visit": who came
        subject, _ = verb_subject(noun.head.head)
        sources = _parties([subject] if subject is not None else [], actors, False)
    targets = _parties(args.targets, actors, True)
    if not targets:
        targets = _parties(sufferers(noun, lexicon.experience_verbs), actors, False)
    return Roles(sources, targets, None, True)


def _parties(tokens: Iterable[Token], actors: ActorIndex, direct: bool) -> list[Party]:
    found: list[Party] = []
    for token in tokens:
        party = actors.party(token, direct=direct)
        more = [Party(ref, token, True, False) for ref in country_modifiers(token)[1:]] \
            if party is not None else []  # "the embassies of Rwanda and France"
        more += actors.pair(token)[1:]  # "both sides", "the two men": each of them
        for one in [party, *more] if party is not None else []:
            if all(party_key(p.ref) != party_key(one.ref) for p in found):
                found.append(one)
    return found


def _modifier_parties(modifiers: Iterable[Token], actors: ActorIndex) -> list[Party]:
    """'Israeli strikes', 'US raids': a modifier is a doer only if it names an actor."""
    modifiers = list(modifiers)
    led = {t for t in modifiers if t.lower_.endswith(LEADER_SUFFIXES)}
    found = []
    for token in modifiers:
        mention = actors.covering(token)
        if mention is not None:
            found.append(Party(mention.actor, token, mention.in_dictionary, True))
        elif (token.ent_type_ in ("NORP", "GPE") or token in led) \
                and (ref := nationality(token)) is not None:
            found.append(Party(ref, token, True, True))  # "Israeli strikes": no mention
    return found[:1]


def nationality(token: Token) -> ActorRef | None:
    """The country an adjective or name modifying an event noun stands for."""
    text = token.text
    for suffix in LEADER_SUFFIXES:  # "U.S.-led"
        text = text[: -len(suffix)] if text.lower().endswith(suffix) else text
    ref = resolve_actor_text(text)
    if ref is None or not ref.country or ref.role is not None:
        return None
    return replace(ref, text=token.text)


def pair_parties(roles: Roles, symmetric: bool) -> list[tuple[ActorRef | None, ActorRef | None]]:
    """Source/target pairs: one per coordinated party, 'A and B met' as A -> B."""
    sources: list[Party | None] = list(roles.sources)
    targets: list[Party | None] = [
        t for t in roles.targets if all(party_key(t.ref) != party_key(s.ref) for s in roles.sources)
    ]
    if not targets and len(sources) > 1 and roles.subject is not None and any(
            c.lower_ == "each" for c in (*roles.subject.children, *roles.subject.head.children)):
        # "Russia and Ukraine each freed prisoners": each did it to the other
        return [(s.ref, t.ref) for s, t in permutations(roles.sources[:2], 2)]
    if not targets and symmetric and len(sources) > 1:
        targets, sources = sources[1:2], sources[:1]
    pairs = list(product(sources or [None], targets or [None]))[:MAX_PAIRS]
    return [(s.ref if s else None, t.ref if t else None) for s, t in pairs]


def noun_anchor(noun: Token) -> Token:
    """The verb an event noun hangs from ('talks ... are scheduled'), else the noun."""
    node = noun
    for _ in range(4):
        if node.dep_ not in _ANCHOR_DEPS or node.head == node:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return noun


def _denies_noun(noun: Token, anchor: Token, lexicon: Lexicon) -> bool:
    """A negated verb denies its event noun only if the verb reports its occurrence."""
    if anchor == noun or noun.head != anchor or noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    entry = lexicon.verb(anchor)
    light = entry is not None and any(rule.light for rule in entry.rules)
    return light or anchor.lemma_.lower() in modality.OCCURRENCE_VERBS


def _speaker(reading: modality.Reading, actors: ActorIndex) -> ActorRef | None:
    token = reading.speaker
    if token is None or token.pos_ == "PRON":
        return None
    party = actors.party(token)
    return party.ref if party is not None else ActorRef(text=phrase_text(token))


def pick_date(trigger: Token, anchor: Token, sentence: Span, dates: Sequence[Any]) -> Any | None:
    """The date mention attached to the trigger's clause, else the nearest in the sentence."""
    inside = [d for d in dates if sentence.start_char <= d.char_start < sentence.end_char]
    if not inside:
        return None
    doc = sentence.doc
    for mention in inside:
        span = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        if span is not None and _attached(span.root, (trigger, anchor)):
            return mention
    return min(inside, key=lambda d: abs(d.char_start - trigger.idx))


def _attached(token: Token, heads: tuple[Token, ...]) -> bool:
    """Whether the token's chain of heads meets one of ``heads`` before another predicate."""
    node = token
    for _ in range(8):
        if node in heads:
            return True
        if node.head == node or (node != token and node.pos_ in ("VERB", "AUX", "NOUN", "PROPN")):
            return False  # the date describes another predicate ("after talks on Monday")
        node = node.head
    return False


def _event(
    trigger: Trigger,
    sentence: Span,
    index: int,
    doc_id: str,
    source: ActorRef | None,
    target: ActorRef | None,
    reading: modality.Reading,
    speaker: ActorRef | None,
    date: Any | None,
    quotes: list[tuple[int, int]],
    direct: bool,
) -> Event:
    code = lookup(trigger.code)
    mode = reading.modality
    if reading.speech is not None and (source is None or party_key(source) != party_key(speaker)):
        mode = mode if mode != "asserted" else "reported"
    attribution = None
    if reading.speech is not None:
        attribution = Attribution(speaker, modality.is_quoted(trigger.token.idx, quotes))
    return Event(
        doc_id=doc_id,
        sentence=sentence.text.rstrip(),
        sentence_index=index,
        char_start=sentence.start_char,
        char_end=sentence.start_char + len(sentence.text.rstrip()),
        cameo=code.code,
        cameo_root=code.root,
        cameo_label=code.label,
        plover=code.plover,
        plover_mode=code.plover_mode,
        quad_class=code.quad_class,
        goldstein=code.goldstein,
        source=source,
        target=target,
        trigger=_trigger_text(trigger),
        trigger_start=trigger.token.idx,
        date=getattr(date, "date", None),
        date_precision=getattr(date, "precision", None),
        date_text=getattr(date, "text", None),
        negated=reading.negated,
        modality=mode,
        attribution=attribution,
        confidence=confidence(source, target, direct, mode, reading.negated, trigger.nominal),
    )


def _trigger_text(trigger: Trigger) -> str:
    """The trigger word with its particle and light-verb noun ('carried out ... attacks')."""
    words = [trigger.token] + [c for c in trigger.token.children if c.dep_ == "prt"]
    if trigger.event_noun is not None:
        words.append(trigger.event_noun)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def confidence(
    source: ActorRef | None,
    target: ActorRef | None,
    direct: bool,
    mode: str,
    negated: bool,
    nominal: bool,
) -> float:
    """The additive score described in the module docstring."""
    score = 0.3
    for ref in (source, target):
        if ref is not None:
            score += 0.15
            if ref.code or ref.actor_id:
                score += 0.1
    if direct:
        score += 0.1
    if mode == "asserted" and not negated:
        score += 0.1
    if nominal:
        score -= 0.05
    return max(0.05, min(0.99, score))


__all__ = [
    "code_document",
    "code_sentence",
    "confidence",
    "noun_anchor",
    "pair_parties",
    "pick_date",
]
