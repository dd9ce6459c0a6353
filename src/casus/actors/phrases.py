"""Dictionary phrases matched the way PETRARCH/TABARI match them, over a sentence's words.

Words of a phrase are joined by ``_`` or a space and must follow each other, each the
whole word (PETRARCH's rule: TABARI read an unmarked word as a stem, but then "THE_KU"
would be the start of "the Kuwaiti government"); a final ``_`` changes nothing. The
longest phrase starting at a word wins. Hyphenated words are one word ("Barad-dur"), and
an underscore written in the text joins words as in the dictionaries ("Dol_Amroth").

Hand-written because spaCy's PhraseMatcher works on its own tokens, and these
dictionaries' words are not spaCy's (hyphens, underscores, "N'T").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from spacy.tokens import Span, Token

T = TypeVar("T")


@dataclass(frozen=True)
class Word:
    """A sentence word as the dictionaries see it: upper case, hyphen-joined pieces one
    word ("Barad-dur", "anti-"), with the spaCy tokens it spans."""

    text: str
    first: Token
    last: Token


def sentence_words(tokens: Sequence[Token] | Span) -> list[Word]:
    """The words of ``tokens``: a hyphen with no space before it joins its neighbours,
    an underscore splits a token into words."""
    words: list[Word] = []
    for word in _joined(tokens):
        parts = [p for p in word.text.split("_") if p]
        words += [Word(p, word.first, word.last) for p in parts] if len(parts) > 1 else [word]
    return words


def _joined(tokens: Sequence[Token] | Span) -> list[Word]:
    words: list[Word] = []
    for token in tokens:
        if token.is_space:
            continue
        previous = words[-1] if words else None
        joined = previous is not None and not previous.last.whitespace_ and (
            token.text == "-" or previous.text.endswith("-"))
        if joined and previous is not None:
            words[-1] = Word(previous.text + token.text.upper(), previous.first, token)
        else:
            words.append(Word(token.text.upper(), token, token))
    return words


def phrase_words(phrase: str) -> tuple[str, ...]:
    """``THE_HERMIT_KINGDOM`` / ``CIRITH UNGOL`` -> its words, keeping a final ``_``."""
    text = phrase.strip().upper()
    words = [w for w in re.split(r"\s+|_(?=\S)", text) if w]
    return tuple(words)


def word_matches(pattern: str, word: str) -> bool:
    """The dictionary word is the sentence word (a final ``_`` is only a joint)."""
    return word == pattern.rstrip("_")


class PhraseIndex(Generic[T]):
    """Phrases -> values, matched longest first at a word position."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}

    def add(self, phrase: str | Sequence[str], value: T) -> None:
        words = phrase_words(phrase) if isinstance(phrase, str) else tuple(phrase)
        if not words:
            return
        key = words[0].rstrip("_")
        self._by_first.setdefault(key, []).append((words, value))

    def __len__(self) -> int:
        return sum(len(b) for b in self._by_first.values())

    def match_at(self, words: Sequence[Word], start: int) -> tuple[int, T] | None:
        """(words matched, value) of the longest phrase starting at ``words[start]``."""
        best: tuple[int, int, T] | None = None
        for key in (words[start].text,):
            for words_, value in self._by_first.get(key, ()):
                if start + len(words_) > len(words):
                    continue
                if all(word_matches(p, words[start + k].text) for k, p in enumerate(words_)):
                    size = sum(len(w) for w in words_)
                    if best is None or (len(words_), size) > best[:2]:
                        best = (len(words_), size, value)
        return None if best is None else (best[0], best[2])

    def find_all(self, words: Sequence[Word]) -> Iterable[tuple[int, int, T]]:
        """Non-overlapping matches left to right: (start, end, value)."""
        i = 0
        while i < len(words):
            found = self.match_at(words, i)
            if found is None:
                i += 1
                continue
            length, value = found
            yield i, i + length, value
            i += length
