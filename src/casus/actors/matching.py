"""Find dictionary actors in a spaCy Doc, whatever the romanisation.

Two passes, both built once per pipeline:

* a PhraseMatcher on ORTH for exact surfaces (acronyms: "US", "PMF", "RSF");
* a scan over per-token name keys: each word token's key (cached by its text) is
  appended while the running string is a prefix of some alias key. Articles
  ("al", "Al") and glue ("-", "'") inside a name are skipped, so "al-Hashd al-Shabi",
  "Khatib-Zadeh" and "Asa’ib Ahl al-Haq" find their entries, as do unlisted spellings.

Dictionary hits are trusted over the statistical NER, which mislabels these names.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from casus.actors.dictionary import _NO_APOSTROPHES, ActorDictionary, Surface
from casus.actors.names import _fold, word_key

_GLUE = {"-", "'", "’", "‘", "ʿ", "ʾ", "`"}
_ARTICLES = {"al", "el", "ul"}
_SUN = {"ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ed", "er", "es", "en"}


@dataclass(frozen=True)
class Hit:
    """A dictionary match: tokens [start, end) and the surface it matched."""

    start: int
    end: int
    surface: Surface


class DictionaryMatcher:
    """Finds dictionary surfaces in Docs; construct once, call per Doc."""

    def __init__(self, vocab: Vocab, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        for text in dictionary.by_text:
            self.exact.add(text, [Doc(vocab, words=_split(text))])
        self.keys = dictionary.by_key
        self.prefixes = {k[:i] for k in self.keys for i in range(1, len(k) + 1)}
        self._token_keys: dict[str, str] = {}

    def _key(self, text: str) -> str:
        key = self._token_keys.get(text)
        if key is None:
            key = word_key(_fold(text)) if any(c.isalpha() for c in text) else ""
            if not all(c.isalpha() or c in _GLUE for c in text):
                key = ""  # numbers, "U.S.": only the exact matcher handles them
            self._token_keys[text] = key
        return key

    def __call__(self, doc: Doc) -> list[Hit]:
        hits = self._exact_hits(doc) + self._key_hits(doc)
        return _non_overlapping(hits)

    def _exact_hits(self, doc: Doc) -> list[Hit]:
        hits = []
        for match_id, start, end in self.exact(doc):
            text = doc.vocab.strings[match_id]
            surface = self.dictionary.best(self.dictionary.by_text[text], text)
            if surface is not None:
                hits.append(Hit(start, end, surface))
        for token in doc:  # an apostrophe carries no letter: "Da’esh" is "Daesh"
            bare = token.text.translate(_NO_APOSTROPHES)
            if bare != token.text and bare in self.dictionary.by_text:
                surface = self.dictionary.best(self.dictionary.by_text[bare], bare)
                if surface is not None:
                    hits.append(Hit(token.i, token.i + 1, surface))
        return hits

    def _key_hits(self, doc: Doc) -> list[Hit]:
        hits: list[Hit] = []
        n, i = len(doc), 0
        while i < n:
            key = self._key(doc[i].text)
            if not key or key not in self.prefixes or _is_article(doc, i):
                i += 1
                continue
            hit = self._longest_from(doc, i)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.end
        return hits

    def _longest_from(self, doc: Doc, i: int) -> Hit | None:
        acc, best_end, j = "", 0, i
        while j < len(doc):
            token = doc[j]
            if token.text in _GLUE or _is_article(doc, j):
                j += 1
                continue
            key = self._key(token.text)
            if not key or j > i and doc[j - 1].whitespace_ and token.is_punct:
                break
            acc += key
            if acc not in self.prefixes:
                break
            j += 1
            if acc in self.keys and token.lower_ not in _ARTICLES:
                best_end = j  # never end on "al": "Ansar al Wadi" is not "Ansar Allah"
        if not best_end:
            return None
        span = doc[i:best_end]
        surface = self.dictionary.best(self.keys[_span_key(self, span)], span.text)
        # capitalised, not str.istitle(): "Da’esh" is no title case to Python (the
        # apostrophe starts a new "word" in lower case)
        if surface is None or (surface.cased and not any(t.text[:1].isupper() for t in span)):
            return None
        return Hit(_article_start(doc, i), best_end, surface)

    def key_of(self, text: str) -> str:
        return self._key(text)


def _span_key(matcher: DictionaryMatcher, span: object) -> str:
    return "".join(matcher.key_of(t.text) for t in span  # type: ignore[attr-defined]
                   if t.text not in _GLUE and not _is_article(t.doc, t.i))


def _is_article(doc: Doc, i: int) -> bool:
    low = doc[i].lower_
    nxt = doc[i + 1].text if i + 1 < len(doc) else ""
    if low in _ARTICLES:
        return nxt == "-" or (doc[i].is_title and i + 1 < len(doc) and doc[i + 1].is_title)
    return low in _SUN and nxt == "-" and not doc[i].whitespace_


def _article_start(doc: Doc, i: int) -> int:
    """Extend a match back over its article: "al-" + "Kadhimi", "Al " + "Kazemi"."""
    if i >= 2 and doc[i - 1].text == "-" and _is_article(doc, i - 2):
        return i - 2
    if i >= 1 and _is_article(doc, i - 1):
        return i - 1
    return i


def _split(text: str) -> list[str]:
    return text.split()


def _non_overlapping(hits: list[Hit]) -> list[Hit]:
    """Longest first, then earliest; drop any hit overlapping a kept one."""
    kept: list[Hit] = []
    taken: set[int] = set()
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if taken.isdisjoint(range(hit.start, hit.end)):
            kept.append(hit)
            taken.update(range(hit.start, hit.end))
    return sorted(kept, key=lambda h: h.start)
