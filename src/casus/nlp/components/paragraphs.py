"""``casus_paragraphs``: no sentence crosses a paragraph break.

Registered as the spaCy factory ``casus_paragraphs`` (casus.ParagraphSplitter.v1).
Runs before the parser and marks the first token after a blank line as a sentence
start; the parser keeps preset boundaries. Headings and stray quotes at a paragraph's
end then stay out of the next paragraph's sentences, so evidence is exact.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def split_paragraphs(doc: Doc) -> Doc:
    """Mark the token after each paragraph break as a sentence start."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.factory("casus_paragraphs")
def make_paragraph_splitter(nlp: Language, name: str) -> object:
    return split_paragraphs
