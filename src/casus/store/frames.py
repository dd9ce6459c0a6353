"""Records as pandas DataFrames, for notebooks: one row per record, nested fields flattened.

Columns are fixed per record kind (an empty result still has them), nested fields are
joined with ``_`` (``source_code``, ``location_lat``) so they work as attribute names and
in SQL without quoting, and dates are real datetimes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from casus.output import flatten

if TYPE_CHECKING:
    import pandas as pd

PARTY = ("text", "actor_id", "name", "code", "country", "role")
EVENT_COLUMNS = (
    "event_id", "dataset", "doc_id", "date", "date_precision", "date_text",
    "cameo", "cameo_root", "cameo_label", "plover", "plover_mode", "quad_class", "goldstein",
    *(f"source_{k}" for k in PARTY), *(f"target_{k}" for k in PARTY),
    "trigger", "location_name", "location_country", "location_lat", "location_lon",
    "location_geonameid", "negated", "modality", "attribution_speaker_text",
    "attribution_speaker_name", "attribution_speaker_code", "attribution_quoted",
    "confidence", "sentence", "sentence_index", "char_start", "char_end", "trigger_start",
    "url", "n_reports", "n_documents",
)
DOC_COLUMNS = ("doc_id", "title", "source", "url", "published", "published_from", "language",
               "n_events", "sha256", "text")
ACTOR_COLUMNS = ("actor_id", "name", "type", "code", "country", "role", "in_dictionary",
                 "n_mentions", "n_documents", "aliases")
DATE_COLUMNS = {"event": ("date",), "doc": ("published",), "actor": ()}


def flat_event(record: dict[str, Any]) -> dict[str, Any]:
    """One event record as a flat row with exactly ``EVENT_COLUMNS`` (missing ones None)."""
    flat = flatten(record, sep="_")
    row = {column: flat.get(column) for column in EVENT_COLUMNS}
    row["n_reports"] = record.get("num_mentions", 1)  # a report is one report; a fused
    row["n_documents"] = record.get("num_articles", 1)  # event counts its own
    return row


def flat_actor(record: dict[str, Any]) -> dict[str, Any]:
    mentions = record.get("mentions") or []
    row = {k: record.get(k) for k in ACTOR_COLUMNS}
    row["n_mentions"] = sum(m["count"] for m in mentions)
    row["n_documents"] = len({m["doc_id"] for m in mentions})
    row["aliases"] = list(record.get("aliases") or [])
    return row


def frame(records: Iterable[dict[str, Any]], kind: str) -> pd.DataFrame:
    """A DataFrame of ``kind`` ('event', 'doc' or 'actor') records."""
    import pandas as pd

    if kind == "event":
        rows, columns = [flat_event(r) for r in records], EVENT_COLUMNS
    elif kind == "actor":
        rows, columns = [flat_actor(r) for r in records], ACTOR_COLUMNS
    else:
        rows = [{k: r.get(k) for k in DOC_COLUMNS} for r in records]
        columns = DOC_COLUMNS
    df = pd.DataFrame.from_records(rows, columns=list(columns))
    for column in DATE_COLUMNS[kind]:
        df[column] = pd.to_datetime(df[column], format="ISO8601", errors="coerce")
    return df
