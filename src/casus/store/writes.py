"""Writing analysed documents: one transaction per document, replace-or-skip.

Rows go in column-wise through ``unnest`` of typed lists: one parametrised statement
per table instead of one per row (measured ~100x faster than ``executemany`` here),
and article text never touches SQL except as a bound parameter.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from casus.records import Document, Event, Mention, Sentence

if TYPE_CHECKING:
    import duckdb

DOC_COLUMNS = (
    ("doc_id", "VARCHAR"), ("title", "VARCHAR"), ("source", "VARCHAR"), ("url", "VARCHAR"),
    ("published", "DATE"), ("published_from", "VARCHAR"), ("language", "VARCHAR"),
    ("text", "VARCHAR"), ("sha256", "VARCHAR"), ("fingerprint", "VARCHAR"),
    ("origin", "VARCHAR"), ("n_events", "INTEGER"),
)
SENTENCE_COLUMNS = (
    ("doc_id", "VARCHAR"), ("sentence_index", "INTEGER"), ("char_start", "INTEGER"),
    ("char_end", "INTEGER"), ("text", "VARCHAR"),
)
MENTION_COLUMNS = (
    ("doc_id", "VARCHAR"), ("mention_index", "INTEGER"), ("text", "VARCHAR"),
    ("char_start", "INTEGER"), ("char_end", "INTEGER"), ("label", "VARCHAR"),
    ("actor_id", "VARCHAR"), ("name", "VARCHAR"), ("type", "VARCHAR"), ("code", "VARCHAR"),
    ("country", "VARCHAR"), ("role", "VARCHAR"), ("in_dictionary", "BOOLEAN"),
)
EVENT_COLUMNS = (
    ("event_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("sentence_index", "INTEGER"),
    ("char_start", "INTEGER"), ("char_end", "INTEGER"), ("cameo", "VARCHAR"),
    ("cameo_root", "VARCHAR"), ("plover", "VARCHAR"), ("quad_class", "INTEGER"),
    ("goldstein", "DOUBLE"), ("source_actor_id", "VARCHAR"), ("source_code", "VARCHAR"),
    ("source_country", "VARCHAR"), ("source_text", "VARCHAR"), ("target_actor_id", "VARCHAR"),
    ("target_code", "VARCHAR"), ("target_country", "VARCHAR"), ("target_text", "VARCHAR"),
    ("date", "DATE"), ("negated", "BOOLEAN"), ("modality", "VARCHAR"), ("record", "JSON"),
    ("dataset", "VARCHAR"),
)
WINDOW_COLUMNS = (
    ("doc_id", "VARCHAR"), ("start_date", "DATE"), ("end_date", "DATE"), ("evidence", "JSON"),
)
DOC_TABLES = ("events", "mentions", "sentences", "document_dates", "documents")


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[tuple[str, str]],
    rows: Sequence[Sequence[Any]],
    *,
    replace: bool = False,
) -> None:
    """Insert rows column-wise. ``table`` and ``columns`` are our constants, never input."""
    if not rows:
        return
    names = ", ".join(name for name, _ in columns)
    selects = ", ".join(f"unnest(?::{sql_type}[])" for _, sql_type in columns)
    values = [[row[i] for row in rows] for i in range(len(columns))]
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    con.execute(f"{verb} INTO {table} ({names}) SELECT {selects}", values)


def document_row(doc: Document, fingerprint: str) -> tuple[Any, ...]:
    return (
        doc.doc_id, doc.title, doc.source, doc.url, doc.published, doc.published_from,
        doc.language, doc.text, doc.sha256, fingerprint, doc.origin, doc.n_events,
    )


def window_rows(doc: Document) -> list[tuple[Any, ...]]:
    window = doc.date_window
    if not window:
        return []
    return [(doc.doc_id, date.fromisoformat(window["start"]), date.fromisoformat(window["end"]),
             json.dumps(window["evidence"], ensure_ascii=False))]


def sentence_rows(doc_id: str, sentences: Sequence[Sentence]) -> list[tuple[Any, ...]]:
    return [(doc_id, s.index, s.char_start, s.char_end, s.text) for s in sentences]


def mention_rows(doc_id: str, mentions: Sequence[Mention]) -> list[tuple[Any, ...]]:
    return [
        (
            doc_id, i, m.text, m.char_start, m.char_end, m.label, m.actor.actor_id,
            m.actor.name, m.actor.type or m.label, m.actor.code, m.actor.country,
            m.actor.role, m.in_dictionary,
        )
        for i, m in enumerate(mentions)
    ]


def event_rows(events: Sequence[Event]) -> list[tuple[Any, ...]]:
    rows = []
    for e in events:
        src, tgt = e.source, e.target
        rows.append((
            e.event_id, e.doc_id, e.sentence_index, e.char_start, e.char_end, e.cameo,
            e.cameo_root, e.plover, e.quad_class, e.goldstein,
            src.actor_id if src else None, src.code if src else None,
            src.country if src else None, src.text if src else None,
            tgt.actor_id if tgt else None, tgt.code if tgt else None,
            tgt.country if tgt else None, tgt.text if tgt else None,
            e.date, e.negated, e.modality, json.dumps(e.to_dict(), ensure_ascii=False),
            "casus",
        ))
    return rows


def record_row(record: dict[str, Any]) -> tuple[Any, ...]:
    """An event row from a record dict (imported events, which have no Event object)."""
    src, tgt = record.get("source") or {}, record.get("target") or {}
    return (
        record["event_id"], record["doc_id"], record.get("sentence_index"),
        record.get("char_start"), record.get("char_end"), record["cameo"],
        record["cameo_root"], record.get("plover"), record["quad_class"], record["goldstein"],
        src.get("actor_id"), src.get("code"), src.get("country"), src.get("text"),
        tgt.get("actor_id"), tgt.get("code"), tgt.get("country"), tgt.get("text"),
        record.get("date"), bool(record.get("negated")), record.get("modality") or "asserted",
        json.dumps(record, ensure_ascii=False), record.get("dataset") or "casus",
    )


def replace_document(
    con: duckdb.DuckDBPyConnection,
    doc: Document,
    fingerprint: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    events: Sequence[Event],
) -> None:
    """Swap a document's whole analysis in one transaction: all of it or none of it."""
    con.execute("BEGIN TRANSACTION")
    try:
        for table in DOC_TABLES:
            con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc.doc_id])
        insert_rows(con, "documents", DOC_COLUMNS, [document_row(doc, fingerprint)])
        insert_rows(con, "sentences", SENTENCE_COLUMNS, sentence_rows(doc.doc_id, sentences))
        insert_rows(con, "mentions", MENTION_COLUMNS, mention_rows(doc.doc_id, mentions))
        insert_rows(con, "events", EVENT_COLUMNS, event_rows(events))
        insert_rows(con, "document_dates", WINDOW_COLUMNS, window_rows(doc))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
