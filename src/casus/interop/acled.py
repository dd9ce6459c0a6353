"""ACLED-style CSV: casus events out in ACLED's export columns, ACLED exports in as events.

The CAMEO <-> ACLED correspondence is data (``data/interop/acled.yaml``). The export
keeps ACLED's column names and order so ACLED tooling reads it; ``notes`` carries the
evidence sentence and ``source`` the outlet, ``event_id_cnty`` casus's event id.
Fatalities are not extracted by casus and stay empty (ACLED's own files give 0 only
when a report says nobody died).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

import yaml

from casus.config import DATA_DIR
from casus.interop.countries import name_of, numeric_of

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
OTHER = "External/Other forces"


@lru_cache(maxsize=1)
def mapping() -> dict[str, Any]:
    with open(DATA_DIR / "interop" / "acled.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)  # type: ignore[no-any-return]


def event_type(record: dict[str, Any]) -> dict[str, str] | None:
    """ACLED disorder/event/sub-event type for a CAMEO code (longest prefix), or None."""
    table = mapping()["export"]
    cameo = record["cameo"]
    prefix = next((cameo[:n] for n in range(len(cameo), 1, -1) if cameo[:n] in table), None)
    if prefix is None:
        return None
    found = dict(table[prefix])
    armed = found.pop("armed_target", None)
    if armed and inter(record.get("target")) in mapping()["ARMED"]:
        found.update(armed)
    return found


def inter(party: dict[str, Any] | None) -> str | None:
    if not party:
        return None
    return mapping()["inter"].get(party.get("role") or "", OTHER)  # type: ignore[no-any-return]


def _actor_name(party: dict[str, Any] | None) -> str | None:
    if not party:
        return None
    name = party.get("name") or party.get("text")
    return str(name) if name else None


def event_row(record: dict[str, Any], doc: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """One casus event as an ACLED row, or None when ACLED has no such event type."""
    kind = event_type(record)
    if kind is None:
        return None
    doc = doc or {}
    source, target = record.get("source"), record.get("target")
    inter1, inter2 = inter(source), inter(target)
    location = record.get("location") or {}
    country = location.get("country") or (source or {}).get("country")
    day = record.get("date")
    return {
        "event_id_cnty": record["event_id"],
        "event_date": day,
        "year": int(day[:4]) if day else None,
        "time_precision": TIME_PRECISION.get(record.get("date_precision") or ""),
        "disorder_type": kind["disorder"],
        "event_type": kind["event_type"],
        "sub_event_type": kind["sub_event_type"],
        "actor1": _actor_name(source), "assoc_actor_1": None, "inter1": inter1,
        "actor2": _actor_name(target), "assoc_actor_2": None, "inter2": inter2,
        "interaction": "-".join(i for i in (inter1, inter2) if i) or None,
        "civilian_targeting": "Civilian targeting"
        if inter2 == "Civilians" and kind["event_type"] == "Violence against civilians" else None,
        "iso": numeric_of(country), "region": None, "country": name_of(country),
        "admin1": None, "admin2": None, "admin3": None,
        "location": location.get("name"),
        "latitude": location.get("lat"), "longitude": location.get("lon"),
        # 1 = the named town itself, 3 = only a country (ACLED's geo-precision scale)
        "geo_precision": (1 if location.get("geonameid") else 3) if location.get("lat") else None,
        "source": doc.get("source") or doc.get("title"),
        "source_scale": None,
        "notes": record.get("sentence"),
        "fatalities": None, "tags": None, "timestamp": None,
    }


# -- import -------------------------------------------------------------------------------
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y", "%m/%d/%Y")


def parse_date(value: str) -> date | None:
    """ACLED's ``event_date``: ISO in current exports, '15 January 2024' in older ones."""
    value = value.strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def import_code(sub_event_type: str) -> str | None:
    return mapping()["import"].get(sub_event_type.strip())  # type: ignore[no-any-return]


def inter_role(value: str) -> str | None:
    return mapping()["inter_roles"].get(value.strip())  # type: ignore[no-any-return]
