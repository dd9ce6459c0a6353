"""``casus_datelines``: give back the words a dateline's date swallowed.

Registered as the spaCy factory ``casus_datelines``; put it **after** ``ner``. News
opens with a dateline ("CAIRO, May 4, 2025 - Ayman al-Zawahiri urged ..."), and the
small English model reads "May 4, 2025 - Ayman al-Zawahiri" as one DATE, so the first
actor of the story is lost. The DATE is cut at the dash; what follows it, when it is
a run of capitalised proper nouns (a name, with its "al-"/"bin" links), becomes a
PERSON entity, else stays unlabelled for the dictionary and role rules to read.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

DASHES = frozenset({"-", "–", "—", "--"})
NAME_LINKS = frozenset({"al", "el", "bin", "ibn", "abu", "-", "'", "’"})
MAX_NAME = 6


def _name_end(doc: Doc, start: int, end: int) -> int:
    """The end of a run of capitalised proper nouns from ``start`` (``start`` if none)."""
    i = start
    while i < end and i - start < MAX_NAME:
        token = doc[i]
        if token.pos_ == "PROPN" and token.text[:1].isupper():
            i += 1
        elif token.lower_ in NAME_LINKS and i > start and i + 1 < end:
            i += 1
        else:
            break
    while i > start and doc[i - 1].lower_ in NAME_LINKS:
        i -= 1
    return i


def _opens_story(doc: Doc, dash: int, end: int) -> bool:
    """A dateline's dash stands apart and words follow it ("2025 - Ayman al-Zawahiri");
    a range's dash has a date on both sides ("2019 - 2021", "March 2003 - December
    2011")."""
    after = doc[dash + 1]
    return (bool(doc[dash - 1].whitespace_) and after.is_alpha and after.text[:1].isupper()
            and not any(t.like_num for t in doc[dash + 1:end]))


def split_dateline_dates(doc: Doc) -> Doc:
    """Cut DATE entities at a dateline dash; the words after it are not the date."""
    ents = []
    for ent in doc.ents:
        dash = next((t.i for t in ent if t.text in DASHES and t.i > ent.start
                     and t.i + 1 < ent.end and _opens_story(doc, t.i, ent.end)
                     and any(c.like_num for c in doc[ent.start:t.i])), None)
        if ent.label_ != "DATE" or dash is None:
            ents.append(ent)
            continue
        ents.append(Span(doc, ent.start, dash, label="DATE"))
        name_end = _name_end(doc, dash + 1, ent.end)
        if name_end - (dash + 1) >= 2:  # one capitalised word may be anything
            ents.append(Span(doc, dash + 1, name_end, label="PERSON"))
    doc.ents = ents
    return doc


@Language.factory("casus_datelines")
def make_dateline_splitter(nlp: Language, name: str) -> object:
    return split_dateline_dates
