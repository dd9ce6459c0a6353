"""GDELT 2.0 event tables: casus events out as GDELT rows, GDELT rows in as events.

The layout is GDELT 2.0's event table: 61 tab-separated columns, no header, in the
order of GDELT's codebook. What casus does not measure is left empty rather than
made up: tone, actor geography, ADM codes. ``SQLDATE`` is the event's date, and empty
for an undated event (GDELT itself uses the publication date; casus never does).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from casus.interop.countries import fips_of, iso3_of_fips

ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
              "FeatureID")
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS), *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS), *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
WORLDCITY, COUNTRY = 4, 1  # GDELT geo types


def global_event_id(event_id: str) -> int:
    """GDELT ids are integers: the first 15 hex digits of casus's id (fits int64)."""
    return int(event_id[:15], 16)


def _clean(value: Any) -> str:
    """A field as GDELT writes it: no tabs or newlines inside, None as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return " ".join(str(value).split())


def _actor(party: dict[str, Any] | None) -> list[Any]:
    if not party:
        return [None] * len(ACTOR_FIELDS)
    country, role = party.get("country"), party.get("role")
    real_country = fips_of(country) is not None
    return [
        party.get("code"), party.get("name") or party.get("text"),
        country if real_country else None,
        None if real_country else country,   # IGO, UNO, NGO ...: a known group, no country
        None, None, None, role, None, None,
    ]


def _action_geo(location: dict[str, Any] | None) -> list[Any]:
    if not location or location.get("lat") is None:
        return [0, None, None, None, None, None, None, None]
    geonameid = location.get("geonameid")
    return [WORLDCITY if geonameid else COUNTRY, location.get("name"),
            fips_of(location.get("country")), None, None, location.get("lat"),
            location.get("lon"), geonameid]


def event_row(record: dict[str, Any], doc: dict[str, Any] | None = None) -> list[Any]:
    """One casus event record as GDELT's 61 fields."""
    doc = doc or {}
    day = date.fromisoformat(record["date"]) if record.get("date") else None
    cameo = record["cameo"]
    published = doc.get("published")
    row = [
        global_event_id(record["event_id"]),
        day.strftime("%Y%m%d") if day else None,
        day.strftime("%Y%m") if day else None,
        day.year if day else None,
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else None,
        *_actor(record.get("source")), *_actor(record.get("target")),
        1 if (record.get("sentence_index") or 0) <= 1 else 0,  # lead sentence (or title)
        cameo, cameo[:3], cameo[:2], record["quad_class"], record["goldstein"],
        record.get("num_mentions", 1), record.get("num_sources", 1),
        record.get("num_articles", 1), None,
        0, None, None, None, None, None, None, None,
        0, None, None, None, None, None, None, None,
        *_action_geo(record.get("location")),
        published.replace("-", "") + "000000" if published else None,
        doc.get("url") or record.get("url") or record.get("doc_id"),
    ]
    assert len(row) == len(COLUMNS)
    return row


def write_rows(rows: Iterable[list[Any]]) -> Iterator[str]:
    for row in rows:
        yield "\t".join(_clean(v) for v in row) + "\n"


# -- import -------------------------------------------------------------------------------
def read_rows(lines: Iterable[str], origin: str) -> Iterator[dict[str, str] | str]:
    """GDELT 2.0 event rows as dicts by column name; a malformed line becomes a message.

    Accepts GDELT's own header-less files and exports that start with a header line.
    """
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        fields = line.split("\t")
        if number == 1 and fields[0] == COLUMNS[0]:
            continue
        if len(fields) != len(COLUMNS):
            yield (f"{origin}:{number}: {len(fields)} tab-separated fields, a GDELT 2.0 "
                   f"event row has {len(COLUMNS)}")
            continue
        yield dict(zip(COLUMNS, fields, strict=True))


def geo_location(row: dict[str, str]) -> dict[str, Any] | None:
    """The action geography as a casus location (FIPS country back to ISO alpha-3)."""
    try:
        lat, lon = float(row["ActionGeo_Lat"]), float(row["ActionGeo_Long"])
    except ValueError:
        return None
    feature = row["ActionGeo_FeatureID"]
    return {"name": row["ActionGeo_FullName"] or None,
            "country": iso3_of_fips(row["ActionGeo_CountryCode"]),
            "lat": lat, "lon": lon,
            "geonameid": int(feature) if feature.isdigit() else None}
