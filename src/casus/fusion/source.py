"""Fusion over a store: its events, with their articles' dates and outlets, as reports."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from casus.fusion.cluster import FusionSettings, fuse
from casus.fusion.compat import Report

if TYPE_CHECKING:
    from casus.store import EventFilter, Store


def reports_from_store(store: Store, flt: EventFilter | None = None, **filters: Any
                       ) -> list[Report]:
    """The matching events, negated ones included (a denial is a report too)."""
    meta = store.doc_meta()
    reports = []
    for record in store.iter_events(flt, **{**filters, "include_negated": True}):
        doc = meta.get(record["doc_id"], {})
        published = date.fromisoformat(doc["published"]) if doc.get("published") else None
        reports.append(Report(record, published, doc.get("source"), doc.get("date_window")))
    return reports


def fused_events(store: Store, flt: EventFilter | None = None,
                 settings: FusionSettings | None = None, *, include_negated: bool = False,
                 **filters: Any) -> list[dict[str, Any]]:
    """Fused event records for the matching events; events denied by every report only
    with ``include_negated`` (as for reports)."""
    fused = fuse(reports_from_store(store, flt, **filters), settings)
    return [f for f in fused if include_negated or not f["negated"]]
