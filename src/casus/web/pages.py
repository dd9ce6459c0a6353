"""The pages an analyst reads: server-rendered HTML, one route per view.

Pages take the same validated parameters as the API; charts draw from the API routes
named in their ``data-api`` attribute, so a page and a script always show the same data.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from casus.store import analytics
from casus.store.queries import EventFilter, iter_docs, iter_events
from casus.web.errors import ApiError
from casus.web.params import (
    ActorParams,
    EventParams,
    Filters,
    NetworkParams,
    Paging,
    TimelineParams,
)
from casus.web.reader import segments

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
FILTER_FIELDS = tuple(Filters.model_fields)


def filter_qs(p: Filters, **extra: Any) -> str:
    """The filters as a query string, empty values left out, for links between views."""
    values = {k: getattr(p, k) for k in FILTER_FIELDS}
    values.update(extra)
    clean = {k: ("true" if v is True else v) for k, v in values.items()
             if v not in (None, "", False)}
    return urlencode(clean)


def render(request: Request, name: str, **context: Any) -> Response:
    if "datasets" not in context:  # the dataset filter shows once something was imported
        with _db(request).read() as con:
            context["datasets"] = [r[0] for r in con.execute(
                "SELECT DISTINCT dataset FROM events ORDER BY 1").fetchall()]
    templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context)  # type: ignore[no-any-return]


def _db(request: Request) -> Any:
    return request.app.state.db


@router.get("/")
def home(request: Request) -> Response:
    q = analytics.EventQuery()
    with _db(request).read() as con:
        stats = analytics.overview(con)
        top = analytics.top_actors(con, q, 12)
        _, docs = analytics.documents_page(con, 8, 0)
        root_counts = con.execute(
            "SELECT cameo_root, count(*) FROM events WHERE NOT negated GROUP BY 1 "
            "ORDER BY 1").fetchall()
    return render(request, "home.html", stats=stats, top=top, docs=docs,
                  root_counts=root_counts,
                  filters=Filters(), qs="")


@router.get("/events")
def events_page(request: Request, p: Annotated[EventParams, Query()]) -> Response:
    q = p.to_query()
    with _db(request).read() as con:
        total = analytics.count_events(con, q)
        rows = analytics.event_page(con, q, sort=p.sort, descending=p.order == "desc",
                                    limit=p.limit, offset=p.offset)
        actors = analytics.top_actors(con, analytics.EventQuery(), 300)
    return render(request, "events.html", filters=p, qs=filter_qs(p), total=total,
                  events=rows, page=p, actors=actors, sort_qs=filter_qs(p))


@router.get("/documents")
def documents(request: Request, p: Annotated[Paging, Query()]) -> Response:
    with _db(request).read() as con:
        total, docs = analytics.documents_page(con, p.limit, p.offset)
    return render(request, "documents.html", docs=docs, total=total, page=p,
                  filters=Filters(), qs="")


@router.get("/documents/{doc_id:path}")
def reader(request: Request, doc_id: str) -> Response:
    with _db(request).read() as con:
        found = list(iter_docs(con, doc_id))
        if not found:
            raise ApiError(404, f"no document with id '{doc_id}'")
        evs = list(iter_events(con, EventFilter(doc=doc_id, include_negated=True)))
        mentions = analytics.document_mentions(con, doc_id)
    doc = found[0]
    evs.sort(key=lambda e: (e["char_start"], e["event_id"]))
    return render(request, "reader.html", doc=doc, events=evs,
                  segments=segments(doc["text"], mentions, evs), filters=Filters(), qs="",
                  n_actors=len({m["actor_id"] for m in mentions if m["actor_id"]}))


@router.get("/actors")
def actor_list(request: Request, p: Annotated[ActorParams, Query()]) -> Response:
    with _db(request).read() as con:
        total, page = analytics.actors_page(con, p.q, p.limit, p.offset)
        counts = analytics.actor_event_counts(con, [a["actor_id"] for a in page])
    return render(request, "actors.html", actors=page, total=total, page=p, counts=counts,
                  filters=Filters(), qs="", search=p.q or "")


@router.get("/actors/{actor_id}")
def actor_page(request: Request, actor_id: str,
               p: Annotated[Filters, Query()]) -> Response:
    q = p.to_query()
    with _db(request).read() as con:
        record = analytics.actor_record(con, actor_id)
        if record is None:
            raise ApiError(404, f"no actor with id '{actor_id}'")
        mine = analytics.EventQuery(**{**q.__dict__, "actor": actor_id})
        total = analytics.count_events(con, mine)
        rows = analytics.event_page(con, mine, limit=100)
        partners = analytics.partners(con, actor_id, q)
    return render(request, "actor.html", actor=record, events=rows, total=total,
                  partners=partners, filters=p, qs=filter_qs(p))


def _chart(request: Request, name: str, p: Filters, api: str, **extra: Any) -> Response:
    with _db(request).read() as con:
        actors = analytics.top_actors(con, analytics.EventQuery(), 300)
    return render(request, name, filters=p, qs=filter_qs(p), actors=actors,
                  api=f"{api}?{filter_qs(p, **extra)}", **extra)


@router.get("/timeline")
def timeline_page(request: Request, p: Annotated[TimelineParams, Query()]) -> Response:
    return _chart(request, "timeline.html", p, "/api/timeline", unit=p.unit, stack=p.stack)


@router.get("/network")
def network_page(request: Request, p: Annotated[NetworkParams, Query()]) -> Response:
    return _chart(request, "network.html", p, "/api/network", max_edges=p.max_edges)


@router.get("/map")
def map_page(request: Request, p: Annotated[Filters, Query()]) -> Response:
    return _chart(request, "map.html", p, "/api/map")


ActorId = Annotated[str | None, Query(pattern=r"^[0-9a-f]{16}$")]


@router.get("/dyad")
def dyad_page(request: Request, a: ActorId = None, b: ActorId = None) -> Response:
    with _db(request).read() as con:
        actors = analytics.top_actors(con, analytics.EventQuery(), 300)
        pairs = analytics.network(con, analytics.EventQuery(), 12)
    api = f"/api/dyad?{urlencode({'a': a, 'b': b})}" if a and b else None
    return render(request, "dyad.html", filters=Filters(), qs="", actors=actors, a=a, b=b,
                  api=api, pairs=pairs)


@router.get("/ingest")
def ingest_page(request: Request) -> Response:
    return render(request, "ingest.html", filters=Filters(), qs="")


@router.get("/docs")
def api_docs(request: Request) -> Response:
    """Swagger UI from the vendored bundle (FastAPI's default page loads it from a CDN)."""
    return render(request, "apidocs.html", filters=Filters(), qs="")
