"""Where an event happened: the place phrase attached to its trigger, resolved.

Rules over the dependency parse, not strings: a locative preposition ("in", "at",
"near", "outside", ...) governed by the trigger (or by the noun phrase the trigger
heads) names the place; "the Iraqi capital" is the capital of the country its
adjective names; for visits the destination is the place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from casus.actors import resolve_actor_text
from casus.geo.gazetteer import Gazetteer
from casus.records import Mention, Place

LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across", "into", "to", "from",
            "on", "over", "off", "along", "toward", "towards"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CAPITAL_WORDS = {"capital"}


def document_countries(mentions: Iterable[Mention], top: int = 3) -> tuple[str, ...]:
    """The countries a document is mostly about: context for ambiguous place names."""
    counts = Counter(m.actor.country for m in mentions if m.actor.country)
    return tuple(country for country, _ in counts.most_common(top))


def _phrase(token: Token) -> Span:
    """The entity covering a token, else its compound/proper-noun run."""
    doc = token.doc
    if token.ent_type_ in PLACE_LABELS:  # walk the IOB tags: scanning doc.ents per token
        start, end = token.i, token.i + 1  # made long documents quadratic
        while doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return doc[start:end]
    start = token.i
    while start > token.sent.start and doc[start - 1].dep_ == "compound":
        start -= 1
    return doc[start:token.i + 1]


def _capital_of(token: Token, gazetteer: Gazetteer, countries: tuple[str, ...]) -> Place | None:
    """'the Iraqi capital' -> Baghdad, via the country its adjective names."""
    for child in token.children:
        if child.dep_ in {"amod", "compound"} and child.ent_type_ in {"NORP", "GPE"}:
            actor = resolve_actor_text(child.text, None)
            capital = gazetteer.capital(actor.country) if actor and actor.country else None
            if capital:
                return capital
    return None


def _place_from_pobj(pobj: Token, gazetteer: Gazetteer, countries: tuple[str, ...]) -> Place | None:
    if pobj.lemma_.lower() in CAPITAL_WORDS:
        return _capital_of(pobj, gazetteer, countries)
    if pobj.ent_type_ not in PLACE_LABELS and pobj.pos_ != "PROPN":
        if not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in pobj.children):
            return None
    phrase = _phrase(pobj)
    place = gazetteer.lookup(phrase.text, countries)
    if place is None and pobj.ent_type_ in PLACE_LABELS:
        place = gazetteer.lookup(pobj.text, countries)
    return place


def _locative_objects(head: Token, depth: int = 0) -> Iterable[Token]:
    """pobj tokens of locative prepositions under ``head``, nearest first."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in LOCATIVE:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield pobj
                    yield from (c for c in pobj.conjuncts)
                    if depth < 2:
                        yield from _locative_objects(pobj, depth + 1)


def event_location(
    trigger: Token,
    gazetteer: Gazetteer,
    countries: tuple[str, ...] = (),
    target_text: str | None = None,
) -> Place | None:
    """The place of the event whose trigger is ``trigger``, or None when the text gives none."""
    heads = [trigger]
    if trigger.dep_ in {"xcomp", "ccomp", "dobj", "pobj", "nsubj", "nsubjpass"}:
        heads.append(trigger.head)
    for head in heads:
        for pobj in _locative_objects(head):
            place = _place_from_pobj(pobj, gazetteer, countries)
            if place:
                return place
    if target_text:
        place = gazetteer.lookup(target_text, countries)
        if place and place.lat is not None:
            return place
    return None


def token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
