"""The ``casus_events`` pipeline component: codes events into ``doc._.casus_events``.

Registered as "casus.EventCoder.v1" (factory name ``casus_events``). It only adapts
``casus.events.coder`` to spaCy: the coding itself is plain functions over spans.
Reads ``doc._.casus_mentions`` and ``doc._.casus_dates`` when earlier components
set them; without mentions it falls back to spaCy's entities.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from casus.events.coder import code_document
from casus.events.lexicon import Lexicon, load_lexicon
from casus.nlp.extensions import register_extensions

REGISTERED_NAME = "casus.EventCoder.v1"


class EventCoder:
    """Sets ``doc._.casus_events: list[Event]`` with ``doc_id = doc._.casus_doc_id``."""

    def __init__(self, name: str, max_events: int, lexicon: Lexicon) -> None:
        self.name = name
        self.max_events = max_events
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        events = code_document(
            doc, lexicon=self.lexicon, max_events=self.max_events, doc_id=doc._.casus_doc_id
        )
        doc._.casus_events_capped = self.max_events if len(events) >= self.max_events else None
        discards = doc._.casus_discards or []
        doc._.casus_events = [e for e in events if not any(
            start <= e.char_start < end for start, end in discards)]
        return doc


@Language.factory(
    "casus_events",
    default_config={"max_events": 2000},
    requires=["token.dep", "token.lemma", "token.pos", "doc.sents"],
    assigns=["doc._.casus_events", "doc._.casus_events_capped"],
)
def make_event_coder(nlp: Language, name: str, max_events: int) -> EventCoder:
    """Build the event coder ("casus.EventCoder.v1"); the lexicon is loaded once here."""
    register_extensions()
    return EventCoder(name, max_events, load_lexicon())
