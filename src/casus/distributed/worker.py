"""What runs in a worker: analyse one batch of documents and write its Parquet part.

The Analyser (the spaCy model and casus's components) is built once per worker process
and kept for every later batch: loading the model per batch would cost more than the
analysis.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casus.analysis import Analyser, fingerprint
from casus.config import Settings
from casus.distributed.parquet import month_of, write_part
from casus.records import Document
from casus.store.writes import document_row, event_rows, mention_rows, sentence_rows

_ANALYSERS: dict[Settings, Analyser] = {}


@dataclass
class BatchResult:
    part: str
    docs: dict[str, str]  # doc_id -> fingerprint
    events: int


def part_id(docs: list[Document], settings: Settings) -> str:
    """A batch's name, from its documents' fingerprints: the same batch, the same name."""
    digest = hashlib.sha256()
    for doc in docs:
        digest.update(fingerprint(doc, settings).encode())
    return digest.hexdigest()[:20]


def analyser(settings: Settings) -> Analyser:
    if settings not in _ANALYSERS:
        _ANALYSERS[settings] = Analyser(settings)
    return _ANALYSERS[settings]


def process_batch(docs: list[Document], settings: Settings, root: str) -> BatchResult:
    """Analyse ``docs`` and write their rows as one part under ``root``."""
    part = part_id(docs, settings)
    rows: dict[str, list[tuple[Any, ...]]] = {
        "documents": [], "sentences": [], "mentions": [], "events": []}
    fingerprints, months, events = {}, {}, 0
    for analysis in analyser(settings).analyse(docs):
        doc = analysis.document
        fp = fingerprint(doc, settings)
        fingerprints[doc.doc_id] = fp
        months[doc.doc_id] = month_of(doc.published)
        rows["documents"].append(document_row(doc, fp))
        rows["sentences"] += sentence_rows(doc.doc_id, analysis.sentences)
        rows["mentions"] += mention_rows(doc.doc_id, analysis.mentions)
        rows["events"] += event_rows(analysis.events)
        events += len(analysis.events)
    write_part(Path(root), part, rows, months)
    return BatchResult(part, fingerprints, events)
