"""Reading the store: documents, events and actors as CONTRACT.md records.

Every filter value is a bound parameter; only our own column names are formatted
into SQL.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb


@dataclass(frozen=True)
class EventFilter:
    """What ``casus events`` and the API filter on. Negated events are left out by default."""

    actor: str | None = None
    code: str | None = None
    since: date | None = None
    until: date | None = None
    doc: str | None = None
    dataset: str | None = None
    include_negated: bool = False

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            like = f"%{self.actor.lower()}%"
            side = (
                "(lower({p}_text) LIKE ? OR lower(coalesce({p}_code, '')) LIKE ? "
                "OR {p}_actor_id = ? OR lower(coalesce(record->'{p}'->>'name', '')) LIKE ?)"
            )
            clauses.append(f"({side.format(p='source')} OR {side.format(p='target')})")
            params += [like, like, self.actor, like] * 2
        if self.code:
            clauses.append("starts_with(cameo, ?)")
            params.append(self.code)
        if self.since:
            clauses.append("date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("date <= ?")
            params.append(self.until)
        if self.doc:
            clauses.append("doc_id = ?")
            params.append(self.doc)
        if self.dataset:
            clauses.append("dataset = ?")
            params.append(self.dataset)
        if not self.include_negated:
            clauses.append("NOT negated")
        sql = " AND ".join(clauses) if clauses else "TRUE"
        return sql, params


def iter_events(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[dict[str, Any]]:
    where, params = flt.where()
    sql = (
        f"SELECT record, dataset FROM events WHERE {where} "
        "ORDER BY date NULLS LAST, doc_id, sentence_index, event_id"
    )
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, limit, offset]
    result = con.execute(sql, params)
    while rows := result.fetchmany(2000):  # stream: millions of events never sit in memory
        for record, dataset in rows:
            yield with_dataset(json.loads(record), dataset)


def with_dataset(record: dict[str, Any], dataset: str | None) -> dict[str, Any]:
    """Every stored event says which dataset it belongs to ('casus' for our own)."""
    record.setdefault("dataset", dataset or "casus")
    return record


def count_events(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> int:
    where, params = flt.where()
    row = con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchall()
    return int(row[0][0])


DOC_FIELDS = (
    "doc_id", "title", "source", "url", "published", "published_from", "language",
    "text", "sha256", "n_events",
)


def iter_docs(con: duckdb.DuckDBPyConnection, doc_id: str | None = None) -> Iterator[dict]:
    sql = f"SELECT {', '.join(DOC_FIELDS)} FROM documents"
    params: list[Any] = []
    if doc_id is not None:
        sql += " WHERE doc_id = ?"
        params.append(doc_id)
    windows = date_windows(con)
    for row in con.execute(sql + " ORDER BY doc_id", params).fetchall():
        record = dict(zip(DOC_FIELDS, row, strict=True))
        if record["published"] is not None:
            record["published"] = record["published"].isoformat()
        record["date_window"] = windows.get(record["doc_id"])
        yield record


def iter_actors(con: duckdb.DuckDBPyConnection, q: str | None = None) -> Iterator[dict]:
    """Actors built from their mentions: every surface form, per document, with counts.

    The record's code/role is the one in force at the latest dated document that
    mentions the actor (roles change with time; the events keep the dated code).
    """
    rows = con.execute(
        "SELECT m.actor_id, m.text, m.doc_id, m.name, m.type, m.code, m.country, m.role, "
        "m.in_dictionary, d.published FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE m.actor_id IS NOT NULL ORDER BY m.actor_id, d.published NULLS FIRST, m.doc_id"
    ).fetchall()
    grouped: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row)
    needle = q.lower() if q else None
    for actor_id in sorted(grouped):
        record = _actor_record(actor_id, grouped[actor_id])
        if needle and not any(needle in a.lower() for a in [record["name"], *record["aliases"]]):
            if needle not in (record["code"] or "").lower():
                continue
        yield record


def _actor_record(actor_id: str, rows: list[tuple]) -> dict[str, Any]:
    forms = Counter(r[1] for r in rows)
    per_doc = Counter((r[1], r[2]) for r in rows)
    latest = rows[-1]  # ordered by published date, undated first
    dictionary_name = next((r[3] for r in rows if r[8] and r[3]), None)
    # The name resolution (or a merge) gave, else a form. Deterministic whatever the
    # ingest order: most frequent, then longest, then A-Z.
    names = Counter(r[3] for r in rows if r[3]) or forms
    name = dictionary_name or sorted(names, key=lambda f: (-names[f], -len(f), f))[0]
    return {
        "actor_id": actor_id,
        "name": name,
        "type": latest[4],
        "code": latest[5],
        "country": latest[6],
        "role": latest[7],
        "aliases": sorted(forms),
        "mentions": [
            {"text": text, "doc_id": doc_id, "count": n}
            for (text, doc_id), n in sorted(per_doc.items())
        ],
        "in_dictionary": any(r[8] for r in rows),
    }


def doc_meta(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    """Each document's metadata without its text (for exports that cite sources)."""
    rows = con.execute(
        "SELECT doc_id, title, source, url, published, language FROM documents").fetchall()
    meta = {r[0]: {"title": r[1], "source": r[2], "url": r[3],
                   "published": r[4].isoformat() if r[4] else None, "language": r[5],
                   "date_window": None}
            for r in rows}
    for doc_id, window in date_windows(con).items():
        if doc_id in meta:
            meta[doc_id]["date_window"] = window
    return meta


def date_windows(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    """Undated documents' writing windows (none in a Parquet dataset, which has no
    such table)."""
    import duckdb

    try:
        rows = con.execute(
            "SELECT doc_id, start_date, end_date, evidence FROM document_dates").fetchall()
    except duckdb.CatalogException:
        return {}
    return {r[0]: {"start": r[1].isoformat(), "end": r[2].isoformat(),
                   "evidence": json.loads(r[3])} for r in rows}
