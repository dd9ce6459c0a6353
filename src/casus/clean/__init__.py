"""Cleaning scraped articles: debris out, broken lines re-joined, datelines read.

The cleaned text is what every offset points into, so cleaning only removes whole
lines of page furniture and changes whitespace; it never rewrites words.
"""

from __future__ import annotations

from casus.clean.datelines import find_dateline
from casus.clean.debris import is_sentence, remove_debris
from casus.clean.language import detect_language, foreign_spans
from casus.clean.lines import blocks, normalise, rejoin
from casus.errors import EmptyInput
from casus.records import Document, RawDocument

__all__ = ["clean_document", "clean_text", "foreign_spans"]

MAX_TITLE_WORDS = 25


def clean_lines(text: str) -> list[str]:
    """The article's paragraphs, cleaned."""
    return rejoin(remove_debris(blocks(normalise(text))))


def clean_text(text: str) -> str:
    """Clean a plain string (no dateline handling): paragraphs joined by blank lines."""
    return "\n\n".join(clean_lines(text))


def clean_document(raw: RawDocument) -> Document:
    """A RawDocument made into the cleaned Document all records point into."""
    lines = blocks(normalise(raw.text or ""))
    published, published_from = raw.published, "metadata" if raw.published else None
    found, drop = find_dateline(lines)
    if drop is not None:
        lines = lines[:drop] + lines[drop + 1:]
    if published is None and found is not None:
        published, published_from = found, "dateline"
    paragraphs = rejoin(remove_debris(lines))
    if not paragraphs or sum(len(p.split()) for p in paragraphs) < 3:
        raise EmptyInput("no article text left after cleaning", origin=raw.origin)
    title = raw.title or _headline(paragraphs[0])
    text = "\n\n".join(paragraphs)
    return Document(
        doc_id=raw.doc_id, text=text, title=title, source=raw.source, url=raw.url,
        published=published, published_from=published_from,  # type: ignore[arg-type]
        language=detect_language(text), origin=raw.origin,
    )


def _headline(first: str) -> str | None:
    """The first paragraph is the title when it reads like a headline, not a sentence."""
    words = first.split()
    if len(words) <= MAX_TITLE_WORDS and not first.endswith(".") or not is_sentence(first):
        return first if len(words) <= MAX_TITLE_WORDS else None
    return None
