"""What runs in a worker: analyse one batch of documents and write its Parquet part.

The Analyser (the spaCy model and casus's components) is built once per worker process
and kept for every later batch: loading the model per batch would cost more than the
analysis. Nothing else is kept between batches, so a worker's memory stays flat.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casus.analysis import Analyser
from casus.batch import BatchReport, refuse, warn
from casus.config import Settings
from casus.distributed.parquet import month_of, write_part
from casus.records import Document
from casus.store.writes import (
    document_row,
    event_rows,
    mention_rows,
    sentence_rows,
    window_rows,
)

_ANALYSERS: dict[Settings, Analyser] = {}


@dataclass
class Batch:
    """Documents to analyse together, named and numbered by the driver."""

    part: str
    seq: int
    docs: list[Document]
    fingerprints: dict[str, str]  # doc_id -> fingerprint


@dataclass
class BatchResult:
    part: str
    seq: int
    docs: dict[str, str]  # doc_id -> fingerprint
    events: int  # not negated, as BatchReport counts them
    problems: list[str] = field(default_factory=list)  # warnings and refused documents
    rejected: int = 0  # documents the pipeline failed on


def part_id(fingerprints: dict[str, str]) -> str:
    """A batch's name from its documents' ids and fingerprints: same batch, same name.

    The id is part of it because the fingerprint covers the text, not the id: two
    copies of one article under different ids must not overwrite each other's part.
    """
    digest = hashlib.sha256()
    for doc_id, fp in sorted(fingerprints.items()):
        digest.update(f"{doc_id}\x1f{fp}\x1e".encode())
    return digest.hexdigest()[:20]


def analyser(settings: Settings) -> Analyser:
    """This process's Analyser for ``settings``, loaded on first use."""
    if settings not in _ANALYSERS:
        _ANALYSERS[settings] = Analyser(settings)
    return _ANALYSERS[settings]


def process_batch(batch: Batch, settings: Settings, root: str) -> BatchResult:
    """Analyse a batch and write its rows as one part under ``root``."""
    rows: dict[str, list[tuple[Any, ...]]] = {
        "documents": [], "sentences": [], "mentions": [], "events": [], "document_dates": []}
    months, events = {}, 0
    refused = BatchReport()
    problems: list[str] = []
    for analysis in analyser(settings).analyse(
            batch.docs, on_error=refuse(refused, problems.append)):
        doc = analysis.document
        warn(analysis, problems.append)
        months[doc.doc_id] = month_of(doc.published)
        rows["documents"].append(document_row(doc, batch.fingerprints[doc.doc_id]))
        rows["sentences"] += sentence_rows(doc.doc_id, analysis.sentences)
        rows["mentions"] += mention_rows(doc.doc_id, analysis.mentions)
        rows["events"] += event_rows(analysis.events)
        rows["document_dates"] += window_rows(doc)
        events += doc.n_events  # as the store counts: asserted, not negated
    write_part(Path(root), batch.part, rows, months)
    done = {doc_id: batch.fingerprints[doc_id] for doc_id in months}
    return BatchResult(batch.part, batch.seq, done, events, problems, refused.rejected)
