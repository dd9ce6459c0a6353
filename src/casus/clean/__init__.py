"""Cleaning scraped articles: debris out, broken lines re-joined, datelines read.

The cleaned text is what every offset points into, so cleaning only removes whole
lines of page furniture and changes whitespace; it never rewrites words or quotes.
"""

from __future__ import annotations

from datetime import date

from casus.clean.datelines import find_dateline
from casus.clean.debris import TERMINAL, is_sentence, remove_debris
from casus.clean.language import detect_language, foreign_spans
from casus.clean.lines import blocks, normalise, rejoin
from casus.errors import EmptyInput, TooLong
from casus.records import Document, PublishedFrom, RawDocument

__all__ = ["clean_document", "clean_lines", "clean_text", "detect_language", "foreign_spans"]

MAX_TITLE_WORDS = 25
MIN_WORDS = 3
# spaCy's default ``nlp.max_length``: a longer text makes the pipeline raise (E088) and,
# raised inside a batch, that error would stop every document after it.
MAX_TEXT_CHARS = 1_000_000


def clean_lines(text: str, title: str | None = None) -> list[str]:
    """The article's paragraphs, cleaned (no dateline handling)."""
    return rejoin(remove_debris(blocks(normalise(text)), title))


def clean_text(text: str) -> str:
    """Clean a plain string: paragraphs joined by blank lines. Idempotent."""
    return "\n\n".join(clean_lines(text))


def clean_document(raw: RawDocument) -> Document:
    """A RawDocument made into the cleaned Document all records point into.

    Raises EmptyInput when nothing that reads as text is left, TooLong when more is left
    than the analysis can take.
    """
    lines = blocks(normalise(raw.text or ""))
    found, drop = find_dateline(lines)
    if drop is not None:
        lines = lines[:drop] + lines[drop + 1:]
    published, published_from = _published(raw.published, found)
    title = normalise(raw.title).replace("\n", " ") if raw.title else None
    paragraphs = rejoin(remove_debris(lines, title))
    if not paragraphs or sum(len(p.split()) for p in paragraphs) < MIN_WORDS:
        raise EmptyInput("no article text left after cleaning", origin=raw.origin)
    text = "\n\n".join(paragraphs)
    if len(text) > MAX_TEXT_CHARS:
        raise TooLong(f"cleaned text is {len(text):,} characters, over the "
                      f"{MAX_TEXT_CHARS:,} the analysis takes", origin=raw.origin)
    return Document(
        doc_id=raw.doc_id, text=text, title=title or headline(paragraphs[0]),
        source=raw.source, url=raw.url, published=published, published_from=published_from,
        language=detect_language(text), origin=raw.origin,
    )


def _published(given: date | None, found: date | None) -> tuple[date | None, PublishedFrom]:
    """Metadata wins over a dateline; neither gives None (never the processing day)."""
    if given is not None:
        return given, "metadata"
    if found is not None:
        return found, "dateline"
    return None, None


def headline(first: str) -> str | None:
    """The first paragraph when it reads like a headline: short and not ending like a
    sentence (a question or an exclamation may still be a headline)."""
    if len(first.split()) > MAX_TITLE_WORDS or len(first.split()) < 2:
        return None
    if first.endswith(".") and not first.endswith(".."):
        return None
    if first.endswith(TERMINAL) and first[-1] not in "?!”\"’" and is_sentence(first):
        return None
    return first
