"""Actor corrections in the store: kept in ``actor_corrections``, applied to stored rows.

A correction and the rewrite of every row it touches commit in one transaction, so the
record never shows half a merge. Fresh analyses get the same corrections in
``Store.write`` (see casus.actors.corrections for the rule itself).
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import TYPE_CHECKING, Any

import duckdb

from casus.actors.corrections import Correction, Corrections
from casus.errors import UsageError
from casus.store.writes import EVENT_COLUMNS, MENTION_COLUMNS, insert_rows, record_row

if TYPE_CHECKING:
    from casus.actors.dictionary import ActorDictionary

_FIELDS = tuple(f.name for f in fields(Correction))
_MENTION_NAMES = tuple(name for name, _ in MENTION_COLUMNS)


def load_corrections(con: duckdb.DuckDBPyConnection) -> list[Correction]:
    """Every correction in the order made; none for a store older than corrections."""
    try:
        rows = con.execute(
            f"SELECT {', '.join(_FIELDS)} FROM actor_corrections ORDER BY seq").fetchall()
    except duckdb.CatalogException:
        return []
    return [Correction(**dict(zip(_FIELDS, row, strict=True))) for row in rows]


def find_actor(con: duckdb.DuckDBPyConnection, ref: str) -> str:
    """The actor id ``ref`` names: an actor id, else the one actor with that name or
    surface form (case-blind). Unknown or ambiguous names are a usage error."""
    if con.execute("SELECT 1 FROM mentions WHERE actor_id = ? LIMIT 1", [ref]).fetchall():
        return ref
    for column in ("name", "text"):
        rows = con.execute(
            f"SELECT actor_id, any_value(name), count(*) FROM mentions "
            f"WHERE lower({column}) = lower(?) AND actor_id IS NOT NULL "
            "GROUP BY actor_id ORDER BY 3 DESC, 1", [ref.strip()]).fetchall()
        if len(rows) == 1:
            return str(rows[0][0])
        if rows:
            options = "; ".join(f"{r[0]} ({r[1]}, {r[2]} mention{'s' * (r[2] != 1)})"
                                for r in rows[:5])
            raise UsageError(f"'{ref}' names {len(rows)} actors: {options}; "
                             "give the actor_id")
    raise UsageError(f"no actor '{ref}' in the database; see 'casus actors --q'")


def _identity(con: duckdb.DuckDBPyConnection, actor_id: str) -> dict[str, Any]:
    """The kept actor's identity as stored: its latest dated mention's code and role."""
    row = con.execute(
        "SELECT m.name, m.type, m.code, m.country, m.role, m.in_dictionary "
        "FROM mentions m JOIN documents d USING (doc_id) WHERE m.actor_id = ? "
        "ORDER BY m.in_dictionary DESC, d.published DESC NULLS LAST, m.doc_id, "
        "m.mention_index LIMIT 1", [actor_id]).fetchall()[0]
    return dict(zip(("name", "type", "code", "country", "role", "in_dictionary"), row,
                    strict=True))


def add_correction(con: duckdb.DuckDBPyConnection, kind: str, actor_id: str, other: str,
                   dictionary: ActorDictionary | None) -> tuple[Correction, dict[str, int]]:
    """Record one correction and rewrite the rows it touches, all in one transaction.

    Returns the correction and how many mentions and events it changed.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        seq = int(con.execute(
            "SELECT coalesce(max(seq), 0) + 1 FROM actor_corrections").fetchall()[0][0])
        identity = _identity(con, actor_id) if kind == "merge" else {}
        correction = Correction(seq=seq, kind=kind, actor_id=actor_id,  # type: ignore[arg-type]
                                other=other, **identity)
        row = [getattr(correction, name) for name in _FIELDS]
        con.execute(f"INSERT INTO actor_corrections ({', '.join(_FIELDS)}) "
                    f"VALUES ({', '.join('?' * len(_FIELDS))})", row)
        touched = other if kind == "merge" else actor_id
        counts = _rewrite(con, Corrections([correction], dictionary), touched)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return correction, counts


def _rewrite(con: duckdb.DuckDBPyConnection, corrections: Corrections,
             actor_id: str) -> dict[str, int]:
    """Apply ``corrections`` to the stored mentions and events of ``actor_id``."""
    names = ", ".join(f"m.{n}" for n in _MENTION_NAMES)
    rows = con.execute(
        f"SELECT {names}, d.published FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE m.actor_id = ?", [actor_id]).fetchall()
    changed_mentions, new_rows = 0, []
    for row in rows:
        mention = dict(zip(_MENTION_NAMES, row[:-1], strict=True))
        fixed = corrections.correct(mention, mention["text"], row[-1])
        changed_mentions += fixed != mention
        new_rows.append(tuple(fixed[n] for n in _MENTION_NAMES))
    con.execute("DELETE FROM mentions WHERE actor_id = ?", [actor_id])
    insert_rows(con, "mentions", MENTION_COLUMNS, new_rows)

    events = con.execute(
        "SELECT e.event_id, e.record, d.published FROM events e "
        "LEFT JOIN documents d USING (doc_id) WHERE e.source_actor_id = ? "
        "OR e.target_actor_id = ? "
        "OR json_extract_string(e.record, '$.attribution.speaker.actor_id') = ?",
        [actor_id] * 3).fetchall()
    changed_events, event_rows = 0, []
    for _, record_json, published in events:
        record = json.loads(record_json)
        fixed_record = corrections.correct_record(record, published)
        changed_events += fixed_record != record
        event_rows.append(record_row(fixed_record))
    if event_rows:
        con.execute("DELETE FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
                    [[e[0] for e in events]])
        insert_rows(con, "events", EVENT_COLUMNS, event_rows)
    return {"mentions": changed_mentions, "events": changed_events}
