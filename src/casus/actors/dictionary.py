"""The actor dictionary: YAML files in data/actors (and extra folders) loaded once.

Files and fields are described in docs/dictionaries.md. Everything is indexed by
:func:`casus.actors.names.name_key` so any romanisation of an alias finds its entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from casus.actors.names import (
    has_article,
    name_key,
    surname_keys,
    surname_word,
    vowels_agree,
)
from casus.actors.roles import RolePeriod, code_on, parse_code, parse_date
from casus.config import DATA_DIR
from casus.errors import DictionaryError
from casus.records import stable_id

ACTORS_DIR = DATA_DIR / "actors"
_SPECIAL_FILES = {"countries.yaml", "agents.yaml", "offices.yaml"}


_NO_APOSTROPHES = str.maketrans("", "", "'’‘ʿʾ`´ʼ′")


@dataclass(frozen=True)
class Entry:
    """A named actor (person, organisation) or a country.

    ``kind`` is "actor" or "country"; countries have ``adjectives`` (Iraqi) and
    ``capitals`` (Baghdad) that name them too.
    """

    id: str
    name: str
    type: str
    roles: tuple[RolePeriod, ...]
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    member_of: str | None = None
    kind: str = "actor"
    adjectives: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()

    def code_on(self, on: date | None) -> str | None:
        return code_on(self.roles, on, person=self.type == "PERSON")


@dataclass(frozen=True)
class Office:
    """A title in a country and its holders: ((actor id, start, end), ...)."""

    id: str
    country: str
    code: str
    titles: tuple[str, ...]
    holders: tuple[tuple[str, date | None, date | None], ...]

    def holder_on(self, on: date | None) -> str | None:
        """The holder on ``on`` (the latest-starting if terms overlap), or None."""
        if on is None:
            return None
        found = [h for h in self.holders
                 if (h[1] is None or h[1] <= on) and (h[2] is None or on <= h[2])]
        return max(found, key=lambda h: h[1] or date.min)[0] if found else None


# Country names, adjectives and capitals are few, and their other spellings are listed
# (Irak, Kiev/Kyiv): one reached only through the lossy name key must still be spelt
# nearly alike (Teheran/Tehran 92, Bagdad/Baghdad 92), so that Kobane is not Cuban
# (55) nor Land Luanda (80).
COUNTRY_SPELLING = 85


@dataclass(frozen=True)
class Surface:
    """One way of writing an entry: the text and what it is (name, adjective, capital).

    ``exact`` surfaces (acronyms such as "US", "PMF", and names whose key is shorter
    than 4 letters) are matched only as written, never through the lossy key.
    ``cased`` surfaces (any capital letter in the YAML) need a capitalised word in
    the text; all-lowercase aliases ("the engineer") match in any case.
    """

    text: str
    entry_id: str
    kind: str  # "name" | "adjective" | "capital"
    exact: bool = False
    cased: bool = True


_KIND_ORDER = ("name", "adjective", "capital")


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters) and len(letters) <= 6


def _surface(text: str, entry_id: str, kind: str) -> Surface:
    cased = any(c.isupper() for c in text)
    if cased and text.lower().startswith("the "):
        text = text[4:]  # "the Houthis": the determiner is not part of the name
    exact = _is_acronym(text) or len(name_key(text)) < 4
    return Surface(text, entry_id, kind, exact=exact, cased=cased)


@dataclass
class ActorDictionary:
    """All entries, offices and agent words, with the lookup indexes built once."""

    entries: dict[str, Entry] = field(default_factory=dict)
    offices: list[Office] = field(default_factory=list)
    agents: dict[str, tuple[str, bool]] = field(default_factory=dict)  # form → (role, weak)
    foreign_words: set[str] = field(default_factory=set)  # "occupation forces" are foreign
    surfaces: list[Surface] = field(default_factory=list)
    by_key: dict[str, list[Surface]] = field(default_factory=dict)
    by_text: dict[str, list[Surface]] = field(default_factory=dict)  # exact surfaces
    by_surname: dict[str, set[str]] = field(default_factory=dict)  # person surname → ids
    titles: dict[tuple[str, str], Office] = field(default_factory=dict)  # (country, title)
    # PETRARCH discards: phrases that rule out a sentence, or a whole story (sport, weather)
    discard_sentence: set[str] = field(default_factory=set)
    discard_story: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)  # skipped lines of foreign files
    _by_actor_id: dict[str, Entry] | None = field(default=None, repr=False)

    def add(self, entry: Entry) -> None:
        if entry.id in self.entries:
            raise DictionaryError(f"duplicate actor id {entry.id!r}")
        self.entries[entry.id] = entry
        self._by_actor_id = None
        forms = [(entry.name, "name")] + [(a, "name") for a in entry.aliases]
        forms += [(a, "adjective") for a in entry.adjectives]
        forms += [(c, "capital") for c in entry.capitals]
        self.add_forms(entry, forms)

    def add_forms(self, entry: Entry, forms: Iterable[tuple[str, str]]) -> None:
        """Index more ways of writing an entry (another dictionary's aliases for it)."""
        for text, kind in forms:
            surface = _surface(text, entry.id, kind)
            self.surfaces.append(surface)
            if surface.exact:
                self.by_text.setdefault(surface.text, []).append(surface)
            else:
                self.by_key.setdefault(name_key(surface.text), []).append(surface)
            if entry.type == "PERSON" and kind == "name":
                for key in surname_keys(text):
                    self.by_surname.setdefault(key, set()).add(entry.id)

    def best(self, candidates: Sequence[Surface], written: str) -> Surface | None:
        """The candidate a written form most plausibly means, or None.

        Candidates share a key; one whose vowels disagree with ``written`` (Qaani is
        not Kenya) is dropped. Names beat adjectives beat capitals.
        """
        fitting = [s for s in candidates if vowels_agree(s.text, written)
                   and (self.entries[s.entry_id].kind != "country"
                        or fuzz.ratio(s.text.lower(), written.lower()) >= COUNTRY_SPELLING)]
        if not fitting:
            return None
        low = written.lower()
        # The form as written wins over a romanisation cousin (Kenyan is not Ghanaian),
        # then the closest spelling, then names over adjectives over capitals.
        return min(fitting, key=lambda s: (s.text.lower() != low,
                                           -fuzz.ratio(s.text.lower(), low),
                                           _KIND_ORDER.index(s.kind), s.entry_id))

    def entry_for(self, actor_id: str | None) -> Entry | None:
        """The entry behind an actor_id in the records (``stable_id("actor", entry.id)``)."""
        if self._by_actor_id is None:
            self._by_actor_id = {stable_id("actor", e.id): e for e in self.entries.values()}
        return self._by_actor_id.get(actor_id or "")

    def lookup(self, text: str) -> Surface | None:
        """The entry surface written ``text`` (any romanisation), or None."""
        text = text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        if text in self.by_text:
            return self.best(self.by_text[text], text)
        # an apostrophe carries no letter ("Dae’sh", "Da'esh"), even in a short exact form
        bare = text.translate(_NO_APOSTROPHES)
        if bare != text and bare in self.by_text:
            return self.best(self.by_text[bare], bare)
        return self.best(self.by_key.get(name_key(text), []), text)

    def written(self, text: str) -> Surface | None:
        """The surface written exactly ``text``, apostrophes aside ("Dae’sh" is "Daesh"),
        never a romanisation cousin: for names the tokenizer split unlike the entry."""
        bare = text.strip().translate(_NO_APOSTROPHES)
        found = self.by_text.get(bare) or [
            s for s in self.by_key.get(name_key(bare), [])
            if s.text.translate(_NO_APOSTROPHES).lower() == bare.lower()]
        return self.best(found, bare) if found else None

    def person_by_surname(self, text: str) -> Entry | None:
        """The one dictionary person whose surname this is ("Kazemi"), if unambiguous."""
        ids: set[str] = set()
        for key in surname_keys(text)[:1]:
            ids |= self.by_surname.get(key, set())
        if len(ids) != 1:
            return None
        entry = self.entries[next(iter(ids))]
        # An Arabic article the person's names never carry marks another name:
        # "Al-Sinek" (a Baghdad district) is not Sunak.
        names = (entry.name, *entry.aliases)
        if has_article(text) and not any(map(has_article, names)):
            return None
        # The key drops what vowels say: "Min" keys like the "moon" of Ban Ki-moon.
        if not any(vowels_agree(surname_word(n), surname_word(text)) for n in names):
            return None
        return entry

    def office(self, country: str | None, title: str) -> Office | None:
        return self.titles.get((country or "", title.lower()))

    def offices_titled(self, title: str) -> list[Office]:
        return [o for (c, t), o in self.titles.items() if t == title.lower()]


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(f"cannot read {path.name}: {exc}", origin=str(path)) from exc


def _periods(raw: Iterable[dict[str, Any]] | None, origin: str) -> tuple[RolePeriod, ...]:
    periods = []
    for r in raw or []:
        try:
            periods.append(RolePeriod(str(r["code"]), parse_date(r.get("from")),
                                      parse_date(r.get("until"), end=True)))
        except (KeyError, TypeError, ValueError) as exc:
            raise DictionaryError(f"bad role {r!r}: {exc}", origin=origin) from exc
    return tuple(periods)


def _actor(raw: dict[str, Any], origin: str) -> Entry:
    try:
        return Entry(
            id=str(raw["id"]), name=str(raw["name"]), type=str(raw.get("type", "ORG")),
            roles=_periods(raw.get("roles"), origin),
            aliases=tuple(str(a) for a in raw.get("aliases") or ()),
            wikidata=raw.get("wikidata"), member_of=raw.get("member_of"),
        )
    except KeyError as exc:
        raise DictionaryError(f"actor entry without {exc}: {raw!r}", origin=origin) from exc


def _country(raw: dict[str, Any]) -> Entry:
    iso3 = str(raw["iso3"])
    return Entry(
        id=iso3, name=str(raw["name"]), type="GPE", roles=(RolePeriod(iso3),),
        aliases=tuple(raw.get("names") or ()), kind="country",
        adjectives=tuple(raw.get("adjectives") or ()),
        capitals=tuple(raw.get("capitals") or ()),
    )


def _plurals(form: str) -> list[str]:
    """Regular English plurals of an agent word ("militia" → "militias")."""
    head, _, last = form.rpartition(" ")
    prefix = f"{head} " if head else ""
    if last.endswith("man"):
        return [prefix + last[:-3] + "men"]
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return [prefix + last[:-1] + "ies"]
    if last.endswith(("s", "x", "ch", "sh")):
        return [prefix + last + "es"] if not last.endswith("s") else []
    return [prefix + last + "s"]


def _load_agents(dic: ActorDictionary, path: Path) -> None:
    raw = _load_yaml(path)
    dic.foreign_words |= {str(w).lower() for w in raw.get("foreign", [])}
    for group in raw.get("agents", []):
        role, weak = str(group["role"]), bool(group.get("weak", False))
        for form in group.get("forms", []):
            for f in [str(form).lower(), *_plurals(str(form).lower())]:
                dic.agents.setdefault(f, (role, weak))


def _load_offices(dic: ActorDictionary, path: Path) -> None:
    for raw in _load_yaml(path).get("offices", []):
        holders = tuple((str(h["actor"]), parse_date(h.get("from")),
                         parse_date(h.get("until"), end=True)) for h in raw.get("holders", []))
        office = Office(str(raw["id"]), str(raw["country"]), str(raw["code"]),
                        tuple(t.lower() for t in raw.get("titles", [])), holders)
        dic.offices.append(office)
        for title in office.titles:
            dic.titles[(office.country, title)] = office
            dic.agents.setdefault(title, (parse_code(office.code)[1] or "GOV", False))


def _check(dic: ActorDictionary) -> None:
    for office in dic.offices:
        for actor_id, _, _ in office.holders:
            if actor_id not in dic.entries:
                raise DictionaryError(f"office {office.id} names unknown actor {actor_id!r}")


def load_dictionary(folders: Sequence[Path | str] = ()) -> ActorDictionary:
    """Load the packaged dictionary plus every ``*.yaml`` in ``folders`` (in order), and
    any PETRARCH/TABARI files there (``*.actors.txt``, ``*.agents.txt``,
    ``*.discards.txt``; see casus.actors.petrarch).

    Raises DictionaryError naming the file when one is malformed.
    """
    from casus.actors.petrarch import load_petrarch_folder

    dic = ActorDictionary()
    for folder in [ACTORS_DIR, *map(Path, folders)]:
        if not folder.is_dir():
            raise DictionaryError("not a dictionary folder", origin=str(folder))
        countries = folder / "countries.yaml"
        if countries.exists():
            for raw in _load_yaml(countries).get("countries", []):
                dic.add(_country(raw))
        for path in sorted(folder.glob("*.yaml")):
            if path.name not in _SPECIAL_FILES:
                for raw in _load_yaml(path).get("actors", []):
                    dic.add(_actor(raw, str(path)))
        if (folder / "agents.yaml").exists():
            _load_agents(dic, folder / "agents.yaml")
        if (folder / "offices.yaml").exists():
            _load_offices(dic, folder / "offices.yaml")
        load_petrarch_folder(dic, folder)
    _check(dic)
    return dic


@lru_cache(maxsize=8)
def default_dictionary(folders: tuple[str, ...] = ()) -> ActorDictionary:
    """The dictionary loaded once per process (and per set of extra folders)."""
    return load_dictionary(folders)
