"""Exports of the current view: CSV with fixed columns, or CONTRACT.md JSON Lines.

Rows are streamed from one read snapshot, so an export of a million events never sits
in memory and never mixes two states of the store.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from casus.output import flatten

PARTY = ("text", "actor_id", "name", "code", "country", "role")
COLUMNS = (
    "event_id", "doc_id", "date", "date_precision", "date_text", "cameo", "cameo_root",
    "cameo_label", "plover", "plover_mode", "quad_class", "goldstein",
    *(f"source.{k}" for k in PARTY), *(f"target.{k}" for k in PARTY), "trigger",
    "location.name", "location.country", "location.lat", "location.lon",
    "location.geonameid", "negated", "modality", "attribution.speaker.text",
    "attribution.speaker.name", "attribution.quoted", "confidence", "sentence_index",
    "char_start", "char_end", "sentence",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula is quoted; article text is hostile."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore", restval="")
    writer.writeheader()
    for n, record in enumerate(records, 1):
        writer.writerow({k: _cell(v) for k, v in flatten(record).items()})
        if n % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record, ensure_ascii=False) + "\n"
