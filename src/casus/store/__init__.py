"""The DuckDB store: one file holding documents, sentences, mentions, actors and events."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from casus.actors.corrections import Correction, Corrections, split_id, surface
from casus.errors import StoreError, StoreLocked, UsageError
from casus.records import Document, Event, Mention, Sentence
from casus.store.corrections import add_correction, find_actor, load_corrections
from casus.store.frames import frame
from casus.store.queries import (
    EventFilter,
    count_events,
    doc_meta,
    iter_actors,
    iter_docs,
    iter_events,
)
from casus.store.writes import replace_document

if TYPE_CHECKING:
    import pandas as pd

SCHEMA_VERSION = "2"
# Indexes DuckDB makes us drop before altering a column (they are recreated by schema.sql).
_EVENT_INDEXES = ("events_doc", "events_cameo", "events_date", "events_source", "events_target")

__all__ = ["Store", "EventFilter"]


class Store:
    """A casus database. Open read-only for queries; one writing process at a time."""

    # Extra dictionary folders (Settings.dictionary_folders): the dictionary that gives
    # merged actors their dated codes. Set by whoever writes.
    dictionaries: tuple[str, ...] = ()
    _corrections: Corrections | None = None

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
        if self._schema_version() == "1":
            self._upgrade_from_1()
        schema = resources.files("casus.store").joinpath("schema.sql").read_text("utf-8")
        self.con.execute(schema)
        self.con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION]
        )

    @classmethod
    def from_dataset(cls, root: str | Path) -> Store:
        """A read-only store over a Parquet dataset written by ``casus ingest --engine``."""
        from casus.distributed.dataset import connect_dataset

        store = cls.__new__(cls)
        store.path = str(root)
        store.con = connect_dataset(root)
        return store

    def _schema_version(self) -> str | None:
        try:
            row = self.con.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        except duckdb.CatalogException:
            return None
        return row[0][0] if row else None

    def _upgrade_from_1(self) -> None:
        """Version 2 stores imported datasets' events beside ours (no sentence of ours)."""
        self.con.execute("BEGIN TRANSACTION")
        for index in _EVENT_INDEXES:
            self.con.execute(f"DROP INDEX IF EXISTS {index}")
        for column in ("sentence_index", "char_start", "char_end"):
            self.con.execute(f"ALTER TABLE events ALTER COLUMN {column} DROP NOT NULL")
        self.con.execute(
            "ALTER TABLE events ADD COLUMN IF NOT EXISTS dataset VARCHAR DEFAULT 'casus'")
        self.con.execute(
            "UPDATE events SET record = json_merge_patch(record, '{\"dataset\": \"casus\"}')")
        self.con.execute("COMMIT")

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
        self.corrections().apply(mentions, events, doc.published)
        replace_document(self.con, doc, fingerprint, sentences, mentions, events)

    # -- actor corrections ------------------------------------------------------
    def corrections(self) -> Corrections:
        """The analyst's corrections, applied to everything this store writes."""
        if self._corrections is None:
            items = load_corrections(self.con)
            self._corrections = Corrections(items, self._dictionary() if items else None)
        return self._corrections

    def _dictionary(self) -> Any:
        from casus.actors.dictionary import default_dictionary

        return default_dictionary(self.dictionaries)

    def find_actor(self, ref: str) -> str:
        """The actor id ``ref`` names (an id, a name or a surface form; unambiguous)."""
        return find_actor(self.con, ref)

    def merge_actors(self, kept: str, folded: str) -> tuple[Correction, dict[str, int]]:
        """Make ``folded`` the same actor as ``kept``, now and on every later ingest."""
        kept_id, folded_id = self.find_actor(kept), self.find_actor(folded)
        if kept_id == folded_id:
            raise UsageError(f"'{kept}' and '{folded}' are already one actor ({kept_id})")
        return self._correct("merge", kept_id, folded_id)

    def split_actor(self, actor: str, mention: str) -> tuple[Correction, dict[str, int]]:
        """Take the mentions of ``actor`` written ``mention`` out into an actor of their own."""
        actor_id = self.find_actor(actor)
        forms = {r[0] for r in self.con.execute(
            "SELECT DISTINCT text FROM mentions WHERE actor_id = ?", [actor_id]).fetchall()}
        if not any(surface(f) == surface(mention) for f in forms):
            shown = ", ".join(sorted(forms)[:8])
            raise UsageError(f"actor {actor_id} has no mention '{mention}'; its forms: {shown}")
        if all(surface(f) == surface(mention) for f in forms):
            raise UsageError(f"'{mention}' is the only form of actor {actor_id}; "
                             "nothing would be left to split from")
        return self._correct("split", actor_id, mention.strip())

    def _correct(self, kind: str, actor_id: str, other: str
                 ) -> tuple[Correction, dict[str, int]]:
        result = add_correction(self.con, kind, actor_id, other, self._dictionary())
        self._corrections = None  # reload with the new one on the next write
        return result

    def iter_corrections(self) -> Iterator[dict[str, Any]]:
        return (c.to_dict() for c in load_corrections(self.con))

    def suggest_merges(self, threshold: float | None = None) -> Iterator[dict[str, Any]]:
        """Actors outside the dictionary whose spellings say they may be one, best first
        (casus.actors.suggest); never an actor an analyst split out."""
        from casus.actors.names import SAME_NAME
        from casus.actors.suggest import suggest_merges

        split = frozenset(split_id(c.actor_id, c.other)
                          for c in load_corrections(self.con) if c.kind == "split")
        return suggest_merges(self.iter_actors(), exclude=split,
                              threshold=SAME_NAME if threshold is None else threshold)

    # -- reads ----------------------------------------------------------------
    def iter_events(self, flt: EventFilter | None = None, *, limit: int | None = None,
                    offset: int = 0, **filters: Any) -> Iterator[dict[str, Any]]:
        """Event records (CONTRACT.md shape), streamed; filters as ``events()``."""
        return iter_events(self.con, _filter(flt, filters), limit, offset)

    def events(self, flt: EventFilter | None = None, *, limit: int | None = None,
               offset: int = 0, **filters: Any) -> pd.DataFrame:
        """Events as a DataFrame, one row each, nested fields flattened (``source_code``).

        Filters: ``actor`` (name, code or id, either side), ``code`` (CAMEO prefix),
        ``since``/``until`` (date or 'YYYY-MM-DD'), ``doc``, ``dataset`` ('casus',
        'gdelt', ...), ``include_negated``.

        >>> store.events(actor="Iraq", code="19", since="2024-01-01")  # doctest: +SKIP
        """
        return frame(self.iter_events(flt, limit=limit, offset=offset, **filters), "event")

    def count_events(self, flt: EventFilter | None = None, **filters: Any) -> int:
        return count_events(self.con, _filter(flt, filters))

    def iter_docs(self, doc_id: str | None = None) -> Iterator[dict[str, Any]]:
        return iter_docs(self.con, doc_id)

    def docs(self, doc_id: str | None = None) -> pd.DataFrame:
        """Documents as a DataFrame (cleaned text included; ``published`` a datetime)."""
        return frame(self.iter_docs(doc_id), "doc")

    def doc_meta(self) -> dict[str, dict[str, Any]]:
        """Each document's metadata without its text (for exports that cite sources)."""
        return doc_meta(self.con)

    def iter_actors(self, q: str | None = None) -> Iterator[dict[str, Any]]:
        return iter_actors(self.con, q)

    def actors(self, q: str | None = None) -> pd.DataFrame:
        """Actors as a DataFrame: code, country, role, aliases and mention counts."""
        return frame(self.iter_actors(q), "actor")

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "sentences", "mentions", "events"):
            out[table] = int(self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])
        return out


def _filter(flt: EventFilter | None, filters: dict[str, Any]) -> EventFilter:
    """An EventFilter from keyword filters; dates may be ISO strings."""
    if not filters:
        return flt or EventFilter()
    known = EventFilter.__dataclass_fields__
    unknown = sorted(set(filters) - set(known))
    if unknown:
        raise UsageError(f"unknown event filter {', '.join(unknown)}; use {', '.join(known)}")
    for key in ("since", "until"):
        if isinstance(filters.get(key), str):
            try:
                filters[key] = date.fromisoformat(filters[key])
            except ValueError:
                raise UsageError(f"{key} must be a date like 2024-06-20, not "
                                 f"{filters[key]!r}") from None
    base = flt or EventFilter()
    return EventFilter(**{**{k: getattr(base, k) for k in known}, **filters})
