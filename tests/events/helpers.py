"""Coding a text through the whole pipeline, as the event tests need it."""

from __future__ import annotations

from datetime import date

from casus.nlp.pipeline import load_pipeline
from casus.records import Event

PUBLISHED = date(2024, 6, 20)


def code(text: str, source: str | None = None, published: date = PUBLISHED) -> list[Event]:
    """The events casus codes in ``text`` as an article of ``published`` from ``source``."""
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    doc._.casus_published = published
    doc._.casus_source = source
    return nlp(doc)._.casus_events
