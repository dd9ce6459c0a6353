"""Read-only aggregates for the web app: filtered event pages, timeline, network, map, dyads.

Every value a user gives is a bound parameter; only our own column names and SQL
fragments chosen from fixed tables (``SORTS``, ``STACKS``) are formatted into SQL. The
functions take a DuckDB connection or cursor so the server can run each request on its
own cursor inside one read transaction (a consistent snapshot while an ingest commits).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from casus.store.queries import DOC_FIELDS, _actor_record

if TYPE_CHECKING:
    import duckdb

ACTOR_ID = re.compile(r"[0-9a-f]{16}")
SORTS = {  # public name -> SQL expression over our own columns
    "date": "date", "goldstein": "goldstein", "cameo": "cameo", "quad": "quad_class",
    "source": "source_code", "target": "target_code", "doc": "doc_id",
}
TIE_BREAK = "doc_id, sentence_index, event_id"
STACKS = {"quad": "quad_class", "root": "cameo_root", "dataset": "dataset"}
UNITS = ("day", "week", "month")
MAX_BUCKETS = 5000
LOCATION_PATHS = ["$.location.name", "$.location.country", "$.location.lat", "$.location.lon"]


@dataclass(frozen=True)
class EventQuery:
    """The filters every page and API route shares; negated events only when asked for.

    ``actor`` matches like ``casus events --actor`` (name, code or words, either side);
    a 16-hex actor id matches that actor exactly, which uses the id indexes.
    ``country`` is either party's country; ``place`` the event location's name.
    """

    actor: str | None = None
    code: str | None = None
    root: str | None = None
    plover: str | None = None
    quad: int | None = None
    country: str | None = None
    place: str | None = None
    since: date | None = None
    until: date | None = None
    doc: str | None = None
    dataset: str | None = None
    include_negated: bool = False

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            clause, values = _actor_clause(self.actor)
            clauses.append(clause)
            params += values
        simple = (
            ("starts_with(cameo, ?)", self.code), ("cameo_root = ?", self.root),
            ("plover = ?", self.plover), ("quad_class = ?", self.quad),
            ("(source_country = ? OR target_country = ?)", self.country),
            ("(record->'location'->>'name') = ?", self.place),
            ("date >= ?", self.since), ("date <= ?", self.until), ("doc_id = ?", self.doc),
            ("dataset = ?", self.dataset),
        )
        for clause, value in simple:
            if value is not None and value != "":
                clauses.append(clause)
                params += [value] * clause.count("?")
        if not self.include_negated:
            clauses.append("NOT negated")
        return (" AND ".join(clauses) if clauses else "TRUE"), params


def _actor_clause(actor: str) -> tuple[str, list[Any]]:
    if ACTOR_ID.fullmatch(actor):
        return "(source_actor_id = ? OR target_actor_id = ?)", [actor, actor]
    # The resolved name is looked up among the actors' mentions (a few thousand rows)
    # rather than parsed out of every event's JSON record (measured 10x slower at 100k).
    needle = actor.lower()
    named = "(SELECT actor_id FROM mentions WHERE contains(lower(name), ?))"
    side = (f"(contains(lower({{p}}_text), ?) OR contains(lower(coalesce({{p}}_code, '')), ?) "
            f"OR {{p}}_actor_id IN {named})")
    return f"({side.format(p='source')} OR {side.format(p='target')})", [needle] * 6


# -- events ---------------------------------------------------------------------------
def count_events(con: duckdb.DuckDBPyConnection, q: EventQuery) -> int:
    where, params = q.where()
    return int(con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchall()[0][0])


def event_page(
    con: duckdb.DuckDBPyConnection, q: EventQuery, *, sort: str = "date",
    descending: bool = False, limit: int = 50, offset: int = 0,
) -> list[dict[str, Any]]:
    """One page of event records in a stable order (ties broken by document position).

    Two steps: order and cut the narrow key columns, then fetch only that page's JSON
    records; sorting the records themselves was 10x slower at a million events.
    """
    where, params = q.where()
    direction = "DESC" if descending else "ASC"
    ids = [r[0] for r in con.execute(
        f"SELECT event_id FROM events WHERE {where} "
        f"ORDER BY {SORTS[sort]} {direction} NULLS LAST, {TIE_BREAK} LIMIT ? OFFSET ?",
        [*params, limit, offset]).fetchall()]
    return records_by_id(con, ids)


def records_by_id(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[dict[str, Any]]:
    """Event records for these ids, in the order given."""
    if not ids:
        return []
    rows = dict(con.execute(
        "SELECT event_id, record FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
        [ids]).fetchall())
    return [json.loads(rows[i]) for i in ids if i in rows]


def iter_event_records(
    con: duckdb.DuckDBPyConnection, q: EventQuery, *, sort: str = "date",
    descending: bool = False, chunk: int = 2000,
) -> Iterator[dict[str, Any]]:
    """Every matching record, fetched in chunks so an export of millions stays small."""
    where, params = q.where()
    direction = "DESC" if descending else "ASC"
    result = con.execute(
        f"SELECT record FROM events WHERE {where} "
        f"ORDER BY {SORTS[sort]} {direction} NULLS LAST, {TIE_BREAK}", params)
    while rows := result.fetchmany(chunk):
        for (record,) in rows:
            yield json.loads(record)


def event_by_id(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    rows = con.execute("SELECT record FROM events WHERE event_id = ?", [event_id]).fetchall()
    return json.loads(rows[0][0]) if rows else None


# -- timeline ---------------------------------------------------------------------------
def bucket_end(start: date, unit: str) -> date:
    """The last day of the bucket that begins on ``start``."""
    if unit == "day":
        return start
    if unit == "week":
        return start + timedelta(days=6)
    following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return following - timedelta(days=1)


def timeline(con: duckdb.DuckDBPyConnection, q: EventQuery, unit: str = "month",
             stack: str = "quad") -> dict[str, Any]:
    """Dated events per bucket, split by QuadClass or CAMEO root.

    Undated events are counted apart: placing them at the article's date would pass a
    publication date off as an event date.
    """
    if unit not in UNITS or stack not in STACKS:
        raise ValueError(f"unit must be one of {UNITS} and stack one of {tuple(STACKS)}")
    where, params = q.where()
    rows = con.execute(
        f"SELECT CAST(date_trunc(?, date) AS DATE) AS b, CAST({STACKS[stack]} AS VARCHAR), "
        f"count(*) FROM events WHERE {where} AND date IS NOT NULL GROUP BY 1, 2 ORDER BY 1",
        [unit, *params]).fetchall()
    undated = con.execute(
        f"SELECT count(*) FROM events WHERE {where} AND date IS NULL", params).fetchall()[0][0]
    buckets: dict[date, dict[str, int]] = {}
    for start, key, n in rows:
        buckets.setdefault(start, {})[key] = int(n)
    if buckets:  # empty buckets too, so gaps in time look like gaps
        start, last = min(buckets), max(buckets)
        while start < last and len(buckets) < MAX_BUCKETS:
            start = bucket_end(start, unit) + timedelta(days=1)
            buckets.setdefault(start, {})
    keys = sorted({k for counts in buckets.values() for k in counts})
    return {
        "unit": unit, "stack": stack, "keys": keys, "undated": int(undated),
        "buckets": [
            {"start": s.isoformat(), "end": bucket_end(s, unit).isoformat(), "counts": c,
             "total": sum(c.values())}
            for s, c in sorted(buckets.items())
        ],
    }


# -- actors -----------------------------------------------------------------------------
def actor_labels(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Name, code and country of each actor id, from its stored mentions."""
    if not ids:
        return {}
    rows = con.execute(
        "SELECT actor_id, mode(name), mode(code), mode(country), bool_or(in_dictionary) "
        "FROM mentions WHERE actor_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY actor_id",
        [ids]).fetchall()
    labels = {r[0]: {"actor_id": r[0], "name": r[1], "code": r[2], "country": r[3],
                     "in_dictionary": bool(r[4])} for r in rows}
    missing = [i for i in ids if i not in labels]
    if missing:  # actors only imported datasets name: label them from their events
        for side in ("source", "target"):
            for r in con.execute(
                f"SELECT {side}_actor_id, min(record->'{side}'->>'name'), min({side}_code), "
                f"min({side}_country) FROM events WHERE {side}_actor_id IN "
                "(SELECT unnest(?::VARCHAR[])) GROUP BY 1", [missing]).fetchall():
                labels.setdefault(r[0], {"actor_id": r[0], "name": r[1], "code": r[2],
                                         "country": r[3], "in_dictionary": False})
    return labels


def top_actors(con: duckdb.DuckDBPyConnection, q: EventQuery, limit: int = 200
               ) -> list[dict[str, Any]]:
    """Actors taking part in the most matching events (either side), most first."""
    where, params = q.where()
    rows = con.execute(
        f"WITH e AS (SELECT source_actor_id, target_actor_id FROM events WHERE {where}) "
        "SELECT id, count(*) AS n FROM (SELECT source_actor_id AS id FROM e UNION ALL "
        "SELECT target_actor_id FROM e) WHERE id IS NOT NULL GROUP BY id "
        "ORDER BY n DESC, id LIMIT ?", [*params, limit]).fetchall()
    labels = actor_labels(con, [r[0] for r in rows])
    return [{**labels.get(r[0], {"actor_id": r[0], "name": r[0]}), "events": int(r[1])}
            for r in rows]


def actor_event_counts(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, int]:
    """How many asserted events each of these actors takes part in (either side)."""
    rows = con.execute(
        "WITH ids AS (SELECT unnest(?::VARCHAR[]) AS id) SELECT id, count(*) FROM ("
        "SELECT source_actor_id AS id FROM events WHERE NOT negated AND source_actor_id IN "
        "(SELECT id FROM ids) UNION ALL SELECT target_actor_id FROM events WHERE NOT negated "
        "AND target_actor_id IN (SELECT id FROM ids)) GROUP BY id", [ids]).fetchall()
    return {r[0]: int(r[1]) for r in rows}


MENTION_ROWS = (
    "SELECT m.actor_id, m.text, m.doc_id, m.name, m.type, m.code, m.country, m.role, "
    "m.in_dictionary, d.published FROM mentions m JOIN documents d USING (doc_id) "
    "WHERE m.actor_id IN (SELECT unnest(?::VARCHAR[])) "
    "ORDER BY m.actor_id, d.published NULLS FIRST, m.doc_id")


def actor_records(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[dict[str, Any]]:
    """CONTRACT.md actor records for these ids (in that order), from their mentions only."""
    if not ids:
        return []
    grouped: dict[str, list[tuple]] = {}
    for row in con.execute(MENTION_ROWS, [ids]).fetchall():
        grouped.setdefault(row[0], []).append(row)
    return [_actor_record(i, grouped[i]) for i in ids if i in grouped]


def actor_record(con: duckdb.DuckDBPyConnection, actor_id: str) -> dict[str, Any] | None:
    found = actor_records(con, [actor_id])
    return found[0] if found else None


def actors_page(con: duckdb.DuckDBPyConnection, q: str | None, limit: int, offset: int
                ) -> tuple[int, list[dict[str, Any]]]:
    """Actors whose name, any surface form or code contains ``q``, paged by actor id.

    The match runs in SQL over the mentions, so a page costs the page, not the store.
    """
    where, params = "actor_id IS NOT NULL", []
    if q:
        where += (" AND (contains(lower(text), ?) OR contains(lower(coalesce(name, '')), ?) "
                  "OR contains(lower(coalesce(code, '')), ?))")
        params = [q.lower()] * 3
    ids = [r[0] for r in con.execute(
        f"SELECT DISTINCT actor_id FROM mentions WHERE {where} ORDER BY actor_id",
        params).fetchall()]
    return len(ids), actor_records(con, ids[offset:offset + limit])


def partners(con: duckdb.DuckDBPyConnection, actor_id: str, q: EventQuery, limit: int = 20
             ) -> list[dict[str, Any]]:
    """Who an actor deals with most, with the mean Goldstein score of their events."""
    where, params = q.where()
    rows = con.execute(
        "SELECT CASE WHEN source_actor_id = ? THEN target_actor_id ELSE source_actor_id END "
        f"AS other, count(*), avg(goldstein) FROM events WHERE {where} "
        "AND (source_actor_id = ? OR target_actor_id = ?) GROUP BY other "
        "HAVING other IS NOT NULL AND other <> ? ORDER BY 2 DESC, 1 LIMIT ?",
        [actor_id, *params, actor_id, actor_id, actor_id, limit]).fetchall()
    labels = actor_labels(con, [r[0] for r in rows])
    return [{**labels.get(r[0], {"actor_id": r[0], "name": r[0]}), "events": int(r[1]),
             "goldstein": round(float(r[2]), 2)} for r in rows]


# -- network ----------------------------------------------------------------------------
def network(con: duckdb.DuckDBPyConnection, q: EventQuery, max_edges: int = 150
            ) -> dict[str, Any]:
    """Directed actor-to-actor edges (count, mean Goldstein), the heaviest first."""
    where, params = q.where()
    rows = con.execute(
        f"SELECT source_actor_id, target_actor_id, count(*) AS n, avg(goldstein) "
        f"FROM events WHERE {where} AND source_actor_id IS NOT NULL "
        "AND target_actor_id IS NOT NULL AND source_actor_id <> target_actor_id "
        "GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?", [*params, max_edges]).fetchall()
    edges = [{"source": s, "target": t, "events": int(n), "goldstein": round(float(g), 2)}
             for s, t, n, g in rows]
    weight: dict[str, int] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            weight[end] = weight.get(end, 0) + edge["events"]
    labels = actor_labels(con, sorted(weight))
    nodes = [{**labels.get(i, {"actor_id": i, "name": i}), "id": i, "events": n}
             for i, n in sorted(weight.items())]
    return {"nodes": nodes, "edges": edges}


# -- map --------------------------------------------------------------------------------
def places(con: duckdb.DuckDBPyConnection, q: EventQuery, limit: int = 5000
           ) -> dict[str, Any]:
    """Events per located place (name, country, lat/lon) and per location country."""
    where, params = q.where()
    rows = con.execute(
        "SELECT loc[1] ->> '$', loc[2] ->> '$', CAST(loc[3] AS DOUBLE), CAST(loc[4] AS DOUBLE), "
        "count(*) AS n, avg(goldstein) FROM (SELECT json_extract(record, ?) AS loc, goldstein "
        f"FROM events WHERE {where}) WHERE loc[3] IS NOT NULL AND loc[3] <> 'null' "
        "GROUP BY 1, 2, 3, 4 ORDER BY n DESC LIMIT ?",
        [LOCATION_PATHS, *params, limit]).fetchall()
    points = [{"name": r[0], "country": r[1], "lat": r[2], "lon": r[3], "events": int(r[4]),
               "goldstein": round(float(r[5]), 2)} for r in rows]
    countries: dict[str, int] = {}
    for p in points:
        if p["country"]:
            countries[p["country"]] = countries.get(p["country"], 0) + p["events"]
    return {"points": points, "countries": countries}


# -- dyads ------------------------------------------------------------------------------
def dyad(con: duckdb.DuckDBPyConnection, a: str, b: str, q: EventQuery, limit: int = 1000
         ) -> list[dict[str, Any]]:
    """Events between two actors, either direction, in order: dated first by date, then
    undated in document order (their place in time is unknown, not guessed)."""
    where, params = q.where()
    rows = con.execute(
        f"SELECT record FROM events WHERE {where} AND ((source_actor_id = ? AND "
        "target_actor_id = ?) OR (source_actor_id = ? AND target_actor_id = ?)) "
        f"ORDER BY date NULLS LAST, {TIE_BREAK} LIMIT ?",
        [*params, a, b, b, a, limit]).fetchall()
    return [json.loads(r[0]) for r in rows]


# -- documents --------------------------------------------------------------------------
def documents_page(con: duckdb.DuckDBPyConnection, limit: int, offset: int,
                   q: str | None = None) -> tuple[int, list[dict[str, Any]]]:
    """Documents newest first (undated last), without their text."""
    where, params = "TRUE", []
    if q:
        where, params = "(contains(lower(coalesce(title, '')), ?) OR contains(doc_id, ?))", \
            [q.lower(), q]
    total = con.execute(f"SELECT count(*) FROM documents WHERE {where}", params).fetchall()[0][0]
    fields = [f for f in DOC_FIELDS if f != "text"]
    rows = con.execute(
        f"SELECT {', '.join(fields)} FROM documents WHERE {where} "
        "ORDER BY published DESC NULLS LAST, doc_id LIMIT ? OFFSET ?",
        [*params, limit, offset]).fetchall()
    out = []
    for row in rows:
        record = dict(zip(fields, row, strict=True))
        record["published"] = record["published"].isoformat() if record["published"] else None
        out.append(record)
    return int(total), out


def document_mentions(con: duckdb.DuckDBPyConnection, doc_id: str) -> list[dict[str, Any]]:
    """A document's actor mentions with their character offsets into the cleaned text."""
    rows = con.execute(
        "SELECT char_start, char_end, text, actor_id, name, code, label FROM mentions "
        "WHERE doc_id = ? ORDER BY char_start, char_end", [doc_id]).fetchall()
    keys = ("char_start", "char_end", "text", "actor_id", "name", "code", "label")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def overview(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts for the home page: documents, events (asserted, negated), actors, dated."""
    row = con.execute(
        "SELECT (SELECT count(*) FROM documents), count(*) FILTER (WHERE NOT negated), "
        "count(*) FILTER (WHERE negated), count(*) FILTER (WHERE date IS NOT NULL AND NOT "
        "negated), min(date), max(date), (SELECT count(DISTINCT actor_id) FROM mentions) "
        "FROM events").fetchall()[0]
    return {"documents": int(row[0]), "events": int(row[1]), "negated": int(row[2]),
            "dated": int(row[3]), "first": row[4].isoformat() if row[4] else None,
            "last": row[5].isoformat() if row[5] else None, "actors": int(row[6])}
