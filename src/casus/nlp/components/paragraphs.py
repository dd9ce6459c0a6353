"""``casus_paragraphs``: no sentence crosses a paragraph break, or a dateline.

Registered as the spaCy factory ``casus_paragraphs`` (casus.ParagraphSplitter.v1).
Runs before the parser and marks the first token after a blank line as a sentence
start; the parser keeps preset boundaries. Headings and stray quotes at a paragraph's
end then stay out of the next paragraph's sentences, so evidence is exact.

A dateline opening a paragraph ("OUAGADOUGOU, April 26, 2024 (Agency) — Fighters of
JNIM attacked ...") is cut from the lede the same way: parsed as one sentence, the
city in capitals becomes the subject of the story's first event.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

DASHES = frozenset({"-", "–", "—", "--", "―"})
MAX_DATELINE = 16  # tokens: "PORT SUDAN, June 9, 2024 (Agency) —" is 11


def split_paragraphs(doc: Doc) -> Doc:
    """Mark the token after each paragraph break, and after a dateline, as a sentence
    start."""
    starts = [0] + [t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text]
    for start in starts:
        if start >= len(doc):
            continue
        if start > 0:
            doc[start].is_sent_start = True
        end = dateline_end(doc, start)
        if end is not None:
            doc[end].is_sent_start = True
    return doc


def dateline_end(doc: Doc, start: int) -> int | None:
    """The first token of the story after a dateline opening at ``start``: a place in
    capitals ("BEIRUT", "PORT SUDAN"), then up to a dash, with a comma or bracket before
    it, followed by a capitalised word on the same line. None if there is none."""
    first = doc[start]
    if not (first.is_alpha and first.is_upper and len(first) > 1):
        return None
    for token in doc[start + 1:min(len(doc) - 1, start + MAX_DATELINE)]:
        if "\n" in token.text:
            return None
        if token.text in DASHES and doc[token.i - 1].whitespace_ and token.whitespace_:
            after = doc[token.i + 1]  # a dash standing apart: not "CJTF-OIR"
            return after.i if after.text[:1].isupper() or after.text[:1] in "\"“'‘" else None
    return None


@Language.factory("casus_paragraphs")
def make_paragraph_splitter(nlp: Language, name: str) -> object:
    return split_paragraphs
