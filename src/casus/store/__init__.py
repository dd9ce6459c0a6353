"""The DuckDB store: one file holding documents, sentences, mentions, actors and events."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from casus.errors import StoreError, StoreLocked
from casus.records import Document, Event, Mention, Sentence
from casus.store.queries import EventFilter, count_events, iter_actors, iter_docs, iter_events
from casus.store.writes import replace_document

SCHEMA_VERSION = "1"

__all__ = ["Store", "EventFilter"]


class Store:
    """A casus database. Open read-only for queries; one writing process at a time."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"no casus database at {self.path}; run 'casus ingest' first")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreLocked("the database is in use", origin=self.path) from None
            raise StoreError(f"cannot open the database: {exc}", origin=self.path) from None
        if not read_only:
            self._migrate()

    def _migrate(self) -> None:
        schema = resources.files("casus.store").joinpath("schema.sql").read_text("utf-8")
        self.con.execute(schema)
        self.con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION]
        )

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writes ---------------------------------------------------------------
    def fingerprint(self, doc_id: str) -> str | None:
        row = self.con.execute(
            "SELECT fingerprint FROM documents WHERE doc_id = ?", [doc_id]
        ).fetchall()
        return row[0][0] if row else None

    def write(
        self,
        doc: Document,
        fingerprint: str,
        sentences: Sequence[Sentence],
        mentions: Sequence[Mention],
        events: Sequence[Event],
    ) -> None:
        replace_document(self.con, doc, fingerprint, sentences, mentions, events)

    # -- reads ----------------------------------------------------------------
    def events(self, flt: EventFilter | None = None, limit: int | None = None,
               offset: int = 0) -> Iterator[dict[str, Any]]:
        return iter_events(self.con, flt or EventFilter(), limit, offset)

    def count_events(self, flt: EventFilter | None = None) -> int:
        return count_events(self.con, flt or EventFilter())

    def docs(self, doc_id: str | None = None) -> Iterator[dict[str, Any]]:
        return iter_docs(self.con, doc_id)

    def actors(self, q: str | None = None) -> Iterator[dict[str, Any]]:
        return iter_actors(self.con, q)

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "sentences", "mentions", "events"):
            out[table] = int(self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])
        return out
