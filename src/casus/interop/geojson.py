"""Located events as a GeoJSON FeatureCollection (RFC 7946) for QGIS: one Point each.

Streamed feature by feature, so a large export never sits in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from casus.store.frames import flat_event


def feature(record: dict[str, Any]) -> dict[str, Any] | None:
    """A Point feature with the flat event columns as properties; None without coordinates."""
    location = record.get("location") or {}
    lat, lon = location.get("lat"), location.get("lon")
    if lat is None or lon is None:
        return None
    return {"type": "Feature", "id": record["event_id"],
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": flat_event(record)}


def write_features(features: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    for n, item in enumerate(features):
        yield ("," if n else "") + "\n" + json.dumps(item, ensure_ascii=False)
    yield "\n]}\n"
