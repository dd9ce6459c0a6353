"""Tokens from the character offsets records carry: events and mentions point into the
cleaned text by offset, the rules that read them need the token there."""

from __future__ import annotations

from spacy.tokens import Doc, Token


def token_at(doc: Doc, char: int | None) -> Token | None:
    """The token at a character offset (an event's trigger), if any."""
    if char is None:
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
