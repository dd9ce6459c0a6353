"""The Doc attributes casus components read and set, registered lazily and idempotently.

- ``doc._.casus_doc_id``: str, the document id (set by ``casus.nlp.pipeline``).
- ``doc._.casus_published``: ``datetime.date | None``, the article's own date: the
  anchor for relative dates and date-restricted roles. Never the processing day.
- ``doc._.casus_source``: ``str | None``, who published the document ("UK Government",
  "CENTCOM"): an official statement's unqualified titles ("the Foreign Secretary") are
  its own government's.
- ``doc._.casus_mentions``: ``list[casus.records.Mention]`` (set by ``casus_actors``).
- ``doc._.casus_dates``: ``list[casus.dates.anchor.DateMention]`` (set by ``casus_dates``).
- ``doc._.casus_events``: ``list[casus.records.Event]`` (set by ``casus_events``).
- ``doc._.casus_date_window``: ``casus.dates.window.DateWindow | None``, for an article
  with no date of its own, the days it was written in as its text bounds them (set
  by ``casus_dates``); never an event's date.
- ``doc._.casus_discards``: ``list[tuple[int, int]]`` character spans no event may be
  coded from (set by ``casus_actors`` from a dictionary's discard phrases: a sentence
  about a football match, or the whole story).
- ``doc._.casus_events_capped``: ``int | None``, the cap when ``casus_events`` stopped
  at ``max_events`` (the rest of the text went uncoded), else None.
"""

from __future__ import annotations

from spacy.tokens import Doc

_DOC_EXTENSIONS: dict[str, object] = {
    "casus_doc_id": "",
    "casus_published": None,
    "casus_source": None,
    "casus_mentions": None,
    "casus_dates": None,
    "casus_events": None,
    "casus_discards": None,
    "casus_events_capped": None,
    "casus_date_window": None,
}


def register_extensions() -> None:
    """Add casus's Doc extensions if they are not there yet (safe to call many times).

    List-valued extensions default to None (a shared mutable default would leak
    between documents); components set a fresh list on each Doc.
    """
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
