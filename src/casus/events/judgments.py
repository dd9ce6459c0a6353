"""Judgments, fixed phrases of diplomacy and performatives: acts done by what is said.

"Zelenskyy called the strike a war crime", "Le Drian described the junta as
illegitimate", and in what someone says, "the attack was an act of terror" or "the
main threat is the militias": a judgment (``judgments`` in the lexicon) passed on a
party is aimed at that party, passed on an act at the act's doer: the doer its
sentence gives, else the doer the story gives nearby (``document.condemned_doers``), as for a
condemnation. "Our thoughts are with ...", "stand shoulder to shoulder with ...",
"X will pay a heavy price" are ``idioms``. "I want to thank ..." thanks
(``performatives``): the wanting is how the act is done, not a wish.

Findings are triggers with their parties; ``casus.events.coder`` codes them like any
other, so modality, dates and attribution follow the same rules. Over the parse only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from casus.actors import resolve_actor_text
from casus.events import modality
from casus.events.arguments import (
    ActorIndex,
    Party,
    antecedent,
    children,
    is_passive,
    prep_objects,
    verb_object,
    verb_subject,
    with_conjuncts,
)
from casus.events.lexicon import Entry, Idiom, Lexicon
from casus.events.triggers import Trigger, choose_code
from casus.nlp.offsets import token_at
from casus.records import ActorRef, Event, Mention, party_key

FIRST_PERSON_WORDS = frozenset({"i", "we", "my", "our"})
CRITICISM_ROOT = "11"
CLAIM = "015"
_VERBAL = frozenset({"VERB", "AUX"})
_MODIFIERS = frozenset({"amod", "compound", "nmod", "advmod", "npadvmod"})
_COMPLEMENTS = frozenset({"oprd", "xcomp", "ccomp", "acomp", "attr"})
_LINKED = frozenset({"attr", "acomp", "dobj", "oprd"})
_FUTURE = frozenset({"will", "shall", "'ll", "wo", "would", "must"})


@dataclass
class Judgment:
    """A trigger found here, with the parties the coder pairs."""

    trigger: Trigger
    sources: list[Party]
    targets: list[Party]


def judgments(sentence: Span, coded: list[tuple[Trigger, Event]], actors: ActorIndex,
              lexicon: Lexicon) -> list[Judgment]:
    """The judgments and idioms of a sentence; ``coded`` are its events so far (an
    act's doer is read from the act's own event). A question asserts nothing."""
    if sentence.text.rstrip(" \"'\u201d\u2019").endswith("?"):
        return []
    found: list[Judgment] = []
    framing = lexicon.judging_verbs | lexicon.linking_verbs
    for token in sentence:
        if token.pos_ not in _VERBAL:
            continue
        lemma = token.lemma_.lower()
        if lemma in framing:
            found += _judged(token, coded, actors, lexicon)
        for idiom in lexicon.idioms.get(lemma, ()):
            found += _idiom(token, idiom, actors, lexicon)
    return found


# --- judgments ---------------------------------------------------------------------


def judged_pairs(frame: Token, lexicon: Lexicon) -> list[tuple[Token, Token, str]]:
    """(what is judged, the judgment word, its code) for a naming or linking verb."""
    lemma = frame.lemma_.lower()
    if lemma in lexicon.judging_verbs and _criticism(frame, lexicon) is None:
        return _named(frame, lexicon)
    if lemma in lexicon.linking_verbs:
        return _linked(frame, lexicon)
    return []


def _criticism(verb: Token, lexicon: Lexicon) -> Entry | None:
    """A verb that is a criticism itself ("denounced X as ...") codes its own event."""
    entry = lexicon.verb(verb)
    return entry if entry is not None and (entry.code or "")[:2] == CRITICISM_ROOT else None


def _named(verb: Token, lexicon: Lexicon) -> list[tuple[Token, Token, str]]:
    """"called the raid a war crime", "described the junta as illegitimate", "was branded
    a terrorist", and the small model's merged "called the raid barbaric" (one phrase
    headed by the judgment, the thing judged its compound)."""
    judged = verb_object(verb) or next(iter(children(verb, "dative")), None)
    passive = is_passive(verb)  # "was branded a terrorist": the second object is a dobj
    complements = [c for c in verb.children if c.dep_ in _COMPLEMENTS
                   or (passive and c.dep_ == "dobj")]
    complements += [c for p in children(verb, "prep") if p.lower_ == "as"
                    for c in p.children if c.dep_ != "punct"]
    if judged is None and len(complements) > 1:  # both objects parsed as complements
        judged, complements = complements[0], complements[1:]
    complements += children(judged, "appos") if judged is not None else []
    pairs = [(judged_, word, code) for c in complements for word, code in _judgment(c, lexicon)
             if (judged_ := _subject_of(c) or judged) is not None]
    for phrase in ([] if pairs else [judged, *complements]):
        if phrase is not None and (merged := _judgment(phrase, lexicon, modifiers=False)):
            pairs += [(c, *merged[0]) for c in children(phrase, "compound")]
    return pairs


def _subject_of(clause: Token) -> Token | None:
    """"called the attack barbaric" parsed as a small clause: its subject is judged."""
    subjects = children(clause, "nsubj") if clause.dep_ in ("ccomp", "xcomp") else []
    return subjects[0] if subjects else None


def _linked(verb: Token, lexicon: Lexicon) -> list[tuple[Token, Token, str]]:
    """"the attack was an act of terror" (the subject is judged); "the main threat is
    the militias" (the complement is)."""
    subjects = sorted(children(verb, "nsubj"), key=lambda t: abs(verb.i - t.i))
    if not subjects:
        return []
    subject = antecedent(subjects[0])  # the nearest: a misparse can hang two
    pairs = []
    for complement in (c for c in verb.children if c.dep_ in _LINKED):
        pairs += [(subject, word, code) for word, code in _judgment(complement, lexicon)]
        if not pairs and complement.dep_ == "attr":
            pairs += [(complement, word, code)
                      for word, code in _judgment(subject, lexicon, modifiers=False)]
    return pairs


def _judgment(head: Token, lexicon: Lexicon, modifiers: bool = True) -> list[tuple[Token, str]]:
    """The judgment word of a phrase and its code: the head, a modifier, or what a kind
    noun is of ("an act of terror"); none if the phrase is negated or mixes codes."""
    if any(c.dep_ == "neg" for c in head.children):
        return []
    words = [head]
    if modifiers:
        words += [c for c in head.children if c.dep_ in _MODIFIERS]
    if head.lemma_.lower() in lexicon.judgment_kinds:
        for of in prep_objects(head, ("of",)):
            words += [of, *(c for c in of.children if c.dep_ in _MODIFIERS)]
    found = [(w, code) for w in words if (code := _code(w, lexicon)) is not None]
    return found[:1] if len({code for _, code in found}) == 1 else []


def _code(word: Token, lexicon: Lexicon) -> str | None:
    codes = lexicon.judgment_codes
    return codes.get(word.lemma_.lower()) or codes.get(word.lower_)


def _judged(frame: Token, coded: list[tuple[Trigger, Event]], actors: ActorIndex,
            lexicon: Lexicon) -> list[Judgment]:
    """The judgments a verb passes, each with a judge and a party judged (or, for an
    attack whose doer is not told here, none yet: see document.condemned_doers)."""
    found = []
    for judged, word, code in judged_pairs(frame, lexicon):
        sources = _judges(frame, actors, lexicon)
        targets, deferred = _judged_parties(judged, coded, actors, lexicon)
        targets = _others(targets, sources)
        if sources and (targets or (deferred and code[:2] == CRITICISM_ROOT)):
            found.append(Judgment(_trigger(word, code, frame), sources, targets))
    return found


def _judges(frame: Token, actors: ActorIndex, lexicon: Lexicon) -> list[Party]:
    """Who passes the judgment: a naming verb's subject ("Kenya called ...") or, for a
    linking verb, whoever says the clause."""
    if frame.lemma_.lower() not in lexicon.judging_verbs:
        ref, _ = speaker(frame, actors, lexicon)
        return [Party(ref, frame, True, False)] if ref is not None else []
    subject, direct = verb_subject(frame)
    if subject is None and is_passive(frame):  # "described as a crime ... by the envoy"
        agents = [o for c in frame.children for x in (c, *c.children)
                  for o in prep_objects(x, ("by",))]  # hung on the complement
        subject = agents[0] if agents else None
    voices = [_voice(s, frame, actors, lexicon) for s in with_conjuncts(subject)] \
        if subject is not None else []
    return [Party(ref, frame, True, direct) for ref in voices if ref is not None]


def _judged_parties(judged: Token, coded: list[tuple[Trigger, Event]], actors: ActorIndex,
                    lexicon: Lexicon) -> tuple[list[Party], bool]:
    """The party judged, or the doers of the act judged (from the act's own event), and
    whether the judged thing is an attack whose doer the story may give nearby."""
    entry = lexicon.noun(judged)
    if entry is None:
        parties = [_party(t, actors) for t in with_conjuncts(judged)]
        return [p for p in parties if p is not None], False
    doers = [Party(e.source, judged, True, False) for t, e in coded
             if judged in (t.token, t.event_noun) and e.source is not None]
    return doers, not doers and choose_code(entry, judged, lexicon)[0] is not None


def _party(token: Token, actors: ActorIndex) -> Party | None:
    """The party a phrase names; a people or enemy named by its nationality ("the American
    enemy", "the Syrian people") is that country."""
    party = actors.party(token, direct=False)
    mention = actors.mention_for(token) if actors.covering(token) is None else None
    if mention is not None and party is not None and party.ref == mention.actor \
            and not _names(mention, token):
        return None  # "the use of starvation of civilians is ...": not the civilians
    if party is not None or token.pos_ not in ("NOUN", "PROPN"):
        return party
    for modifier in token.children:
        if modifier.dep_ in ("amod", "compound") and modifier.ent_type_ in ("NORP", "GPE") \
                and (ref := resolve_actor_text(modifier.text)) is not None and ref.country \
                and ref.role is None:
            return Party(replace(ref, text=_phrase(token)), token, True, False)
    return None


def _names(mention: Mention, head: Token) -> bool:
    """Whether a mention inside a phrase names the phrase's head: a modifier or
    apposition of it, or what it is of ("the government of Iraq"), nothing deeper."""
    for token in head.doc[mention.start:mention.end]:
        up = token.head
        if up == head or (up.dep_ == "prep" and up.lower_ == "of" and up.head == head):
            return True
    return False


def _trigger(word: Token, code: str, frame: Token) -> Trigger:
    """A trigger at the judgment word, read (negation, modality) from its clause."""
    entry = Entry(lemma=word.lemma_.lower(), pos="verb", code=code)
    return Trigger(token=word, entry=entry, code=code, nominal=False, frame=frame)


# --- idioms --------------------------------------------------------------------------


def _idiom(head: Token, idiom: Idiom, actors: ActorIndex, lexicon: Lexicon) -> list[Judgment]:
    """A fixed phrase whose head and dependents match ``idiom``, with its parties."""
    subject, direct = verb_subject(head)
    if not _matches(head, subject, idiom):
        return []
    frame = head
    if idiom.source == "speaker":
        ref, said = speaker(head, actors, lexicon)
        frame = said if said is not None else head  # the threat is made by the saying
        sources = [Party(ref, head, True, False)] if ref is not None else []
    elif idiom.source == "owner":
        owners = children(subject, "poss") if subject is not None else []
        sources = [Party(ref, o, True, True) for o in owners
                   if (ref := _voice(o, head, actors, lexicon)) is not None]
    else:
        sources = [Party(ref, s, True, direct) for s in
                   (with_conjuncts(subject) if subject is not None else [])
                   if (ref := _voice(s, head, actors, lexicon)) is not None]
    heads = with_conjuncts(subject) if idiom.target_is_subject and subject is not None \
        else list(_prep_objects_near(head, idiom.target))
    targets = _others([p for t in heads if (p := _party(t, actors)) is not None], sources)
    if not sources or not (targets or (idiom.victims and heads)):
        return []
    if idiom.victims and not targets:  # "the families of the victims": whose, found later
        targets = [Party(ActorRef(text=_phrase(heads[0])), heads[0], False, False, plain=True)]
    word = subject if idiom.subject and subject is not None else head  # "thoughts"
    return [Judgment(_trigger(word, idiom.code, frame), sources, targets)]


def _matches(head: Token, subject: Token | None, idiom: Idiom) -> bool:
    def has(deps: tuple[str, ...], lemmas: frozenset[str]) -> bool:
        return not lemmas or any(c.dep_ in deps and c.lemma_.lower() in lemmas
                                 for c in head.children)

    if idiom.subject and (subject is None or subject.lemma_.lower() not in idiom.subject):
        return False
    if idiom.target_is_subject and (subject is None or subject.lower_ in FIRST_PERSON_WORDS):
        return False  # "we will pay a price" threatens no one
    if idiom.future and (any(c.dep_ == "neg" for c in head.children) or not any(
            c.dep_ == "aux" and c.lower_ in _FUTURE for c in head.children)):
        return False
    return has(("dobj",), idiom.object) and has(("prt",), idiom.particle) \
        and has(("advmod",), idiom.adverb) \
        and (not idiom.target or next(_prep_objects_near(head, idiom.target), None) is not None)


def _prep_objects_near(head: Token, preps: frozenset[str], depth: int = 3) -> Iterator[Token]:
    """Objects of ``preps`` on the head or inside its own phrase ("stand shoulder to
    shoulder with X", "stand in solidarity with X"), not in a clause with a subject."""
    frontier = [head]
    for _ in range(depth):
        for token in frontier:
            yield from prep_objects(token, preps)
        frontier = [c for t in frontier for c in t.children if c.dep_ in _PHRASE_DEPS
                    and not children(c, "nsubj", "nsubjpass")]


_PHRASE_DEPS = frozenset({"prep", "pobj", "dobj", "advcl", "npadvmod"})


def _phrase(token: Token) -> str:
    return token.doc[token.left_edge.i:token.right_edge.i + 1].text


# --- who says it -----------------------------------------------------------------------


def speaker(clause: Token, actors: ActorIndex, lexicon: Lexicon,
            steps: int = 12) -> tuple[ActorRef | None, Token | None]:
    """Who says the clause, and the verb of saying: the subject of the nearest speech
    verb above it that names someone ("..., she added" is the one named speaker of the
    sentence when the parse cannot tell who she is); with no speech verb, the government
    publishing the text (None for a news outlet)."""
    speech = lexicon.speech_lemmas
    node, said = clause, None
    for _ in range(steps):
        if node.head is node:
            break
        node = node.head
        if node.pos_ in _VERBAL and modality.base_form(node, speech) in speech:
            said = said or node
            subject = verb_subject(node)[0]
            if subject is not None and (ref := _voice(subject, node, actors, lexicon)):
                return ref, node
    if said is not None:
        return _named_speaker(clause.sent, actors, speech), said
    return actors.publisher(actors.source or ""), None


def _voice(subject: Token, clause: Token, actors: ActorIndex, lexicon: Lexicon) -> ActorRef | None:
    """The party a subject names; "I" and "we" are whoever says the clause."""
    party = actors.party(subject, direct=False)
    if party is not None:
        return party.ref
    if subject.lower_ in FIRST_PERSON_WORDS:
        return speaker(clause, actors, lexicon)[0]
    return None


def _named_speaker(sentence: Span, actors: ActorIndex, speech: frozenset[str]) -> ActorRef | None:
    """The one party named as the subject of a speech verb in the sentence, if one."""
    named = {party_key(p.ref): p.ref for p in _speech_subjects(sentence, actors, speech)}
    return next(iter(named.values())) if len(named) == 1 else None


def _speech_subjects(sentence: Span, actors: ActorIndex, speech: frozenset[str]) -> Iterable[Party]:
    for verb in sentence:
        if verb.pos_ in _VERBAL and modality.base_form(verb, speech) in speech:
            for subject in children(verb, "nsubj"):
                if subject.pos_ != "PRON" and (party := actors.party(subject)) is not None:
                    yield party


def _same(a: ActorRef, b: ActorRef) -> bool:
    return party_key(a) == party_key(b)


def _others(targets: list[Party], sources: list[Party]) -> list[Party]:
    """The targets that are not the source, one per country: "the government and people
    of Iraq" are one addressee, Iraq."""
    kept: list[Party] = []
    for target in targets:
        if any(_same(target.ref, s.ref) for s in sources) or any(
                k.ref.country and k.ref.country == target.ref.country for k in kept):
            continue
        kept.append(target)
    return kept


def repeats(event: Event, coded: list[tuple[Trigger, Event]]) -> bool:
    """Whether the sentence already codes this act from this source to this target (or
    to a target still unknown): "condemned the attack as an act of terror" is one."""
    return any(e.cameo_root == event.cameo_root and party_key(e.source) == party_key(event.source)
               and (party_key(e.target) == party_key(event.target) or event.target is None)
               for _, e in coded)


# --- performatives ------------------------------------------------------------------------


def performed(verb: Token, reading: modality.Reading, lexicon: Lexicon) -> None:
    """"I want to congratulate ...", "we would like to thank ...": said in the first
    person, wanting a speech act is doing it, so the act is asserted, not hypothetical.
    Not when the wanting is negated, conditioned or itself hedged ("I might want to")."""
    governor = verb.head
    if verb.dep_ != "xcomp" or reading.modality != "hypothetical" \
            or modality.base_form(verb, lexicon.performatives) not in lexicon.performatives \
            or modality.base_form(governor, lexicon.performative_governors) \
            not in lexicon.performative_governors:
        return
    if not any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON_WORDS for c in governor.children):
        return
    hedged = any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ != "would")
                 or (c.dep_ == "advcl" and _conditional(c)) for c in governor.children)
    said = governor.dep_ in ("ccomp", "parataxis") \
        and governor.head.lemma_.lower() in lexicon.speech_lemmas
    if not hedged and (governor.dep_ == "ROOT" or said):
        reading.modality = "asserted"


def _conditional(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in modality.CONDITION_MARKS for c in clause.children)


# --- across sentences ------------------------------------------------------------------------


def judged_act(event: Event, doc: Doc, lexicon: Lexicon) -> str | None:
    """"The attack was a cowardly act of terror", "called the expulsion regrettable": the
    CAMEO code of the act the event's judgment is passed on (whose doer
    ``document.condemned_doers`` finds when the sentence does not), or None."""
    word = token_at(doc, event.trigger_start)
    if word is None or _code(word, lexicon) is None:
        return None
    frame = word
    while frame.pos_ not in _VERBAL and frame.head is not frame:
        frame = frame.head
    for judged, judgment, _ in judged_pairs(frame, lexicon):
        entry = lexicon.noun(judged)
        if judgment == word and entry is not None:
            return choose_code(entry, judged, lexicon)[0]
    return None


__all__ = ["Judgment", "judged_act", "judged_pairs", "judgments", "performed", "repeats",
           "speaker"]
