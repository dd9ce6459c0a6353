"""Which way in time a date expression points, read from the verb that governs it.

"will meet on Sunday" and "met on Sunday" name different Sundays; "July 23rd" in a
sentence about a meeting "scheduled to begin" is ahead of the article's date. The
expression's own words ("last", "next", "ago") are read by ``anchor.lexical_direction``;
this module reads the syntax around it from spaCy's parse.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from casus.dates.anchor import Direction

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# "scheduled/expected/due/set to ...", "scheduled for ...", "plans to ..."
_FUTURE_LEMMAS = frozenset(
    {"schedule", "expect", "due", "set", "slate", "plan", "intend", "upcoming", "forthcoming"}
)
_MAX_HOPS = 8


def verb_direction(span: Span) -> Direction | None:
    """The direction the governing verb gives ``span``; None for present tense or no verb.

    Climbs from the span's root through its heads: a future cue anywhere on the way
    ("will", "is to", "scheduled to", "to be held") wins; otherwise the first finite
    verb decides (past tense → past). Infinitives defer to the verb they depend on.
    """
    token: Token = span.root
    for _ in range(_MAX_HOPS):
        if token.head.i == token.i:
            return _finite_direction(token) if token.pos_ in ("VERB", "AUX") else None
        token = token.head
        if _is_future(token):
            return "future"
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if _is_infinitive(token):
            continue
        direction = _finite_direction(token)
        if direction is not None or token.tag_ in ("VBZ", "VBP", "MD"):
            return direction
    return None


def _is_future(token: Token) -> bool:
    if token.lemma_.lower() in _FUTURE_LEMMAS and token.tag_ != "VBD":
        return True
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {c.text.lower() for c in auxes}
    if words & _FUTURE_AUX:
        return True
    # "to be held": an infinitive passive announces something yet to happen
    if "to" in words and token.tag_ == "VBN":
        return True
    # "is to visit": a form of "be" governing an infinitive
    head = token.head
    return (
        "to" in words
        and token.dep_ == "xcomp"
        and head.lemma_ == "be"
        and head.tag_ in ("VBZ", "VBP")
    )


def _is_infinitive(token: Token) -> bool:
    return token.tag_ == "VB" and any(c.text.lower() == "to" for c in token.children)


def _finite_direction(token: Token) -> Direction | None:
    if token.tag_ == "VBD":
        return "past"
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "VBD" or a.text.lower() in ("has", "have", "had") for a in auxes):
        return "past"
    if token.tag_ == "VBN" and not auxes:  # "the meeting held on Sunday"
        return "past"
    return None
