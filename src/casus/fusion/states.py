"""The state of a relationship over time: truce declared / broken, talks open / halted.

A dyad's fused events, in time order, move each track (``data/fusion/states.yaml``) from
state to state; every change carries the event and the reports that are its evidence.
Undated events are never put on an article's date. Those reported only by undated
articles whose text bounds when they were written (casus.dates.window) are placed at
that window, marked as estimated with the phrases that bound it; the rest are listed
apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

import yaml

from casus.config import DATA_DIR

COUNTS = ("asserted", "reported", "future")  # what the text says happened or was announced


@dataclass(frozen=True)
class Rule:
    codes: tuple[str, ...]
    state: str
    while_: tuple[str, ...] = ()

    def matches(self, cameo: str, current: str | None) -> bool:
        if self.while_ and current not in self.while_:
            return False
        return any(cameo.startswith(code) for code in self.codes)


@dataclass(frozen=True)
class Track:
    name: str
    label: str
    rules: tuple[Rule, ...]


@lru_cache(maxsize=1)
def tracks() -> tuple[Track, ...]:
    with open(DATA_DIR / "fusion" / "states.yaml", encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)["tracks"]
    return tuple(
        Track(name, spec["label"], tuple(
            Rule(tuple(r["codes"]), r["state"], tuple(r.get("while", ()))) for r in spec["rules"]))
        for name, spec in raw.items())


@dataclass
class Change:
    """One state change of one track, with the event that made it."""

    track: str
    state: str
    previous: str | None
    date: str
    event: dict[str, Any]
    window: dict[str, Any] | None = None  # an estimated window instead of a date

    def to_dict(self) -> dict[str, Any]:
        return {
            "track": self.track, "state": self.state, "previous": self.previous,
            "date": self.date, "date_window": self.window, "cameo": self.event["cameo"],
            "cameo_label": self.event["cameo_label"], "fused_id": self.event["fused_id"],
            "source": (self.event.get("source") or {}).get("name"),
            "target": (self.event.get("target") or {}).get("name"),
            "evidence": [
                {"event_id": r["event_id"], "doc_id": r["doc_id"],
                 "sentence_index": r["sentence_index"],
                 "char_start": r["char_start"], "char_end": r["char_end"],
                 "sentence": r["sentence"], "negated": r["negated"], "url": r.get("url")}
                for r in self.event["reports"]],
        }


@dataclass
class Timeline:
    """A dyad's state changes per track, in date order, and its undated events."""

    changes: list[Change] = field(default_factory=list)
    undated: list[dict[str, Any]] = field(default_factory=list)

    def periods(self) -> list[dict[str, Any]]:
        """Each state as a period: from its change to the track's next change."""
        out = []
        for track in {c.track for c in self.changes}:
            mine = [c for c in self.changes if c.track == track]
            for change, following in zip(mine, [*mine[1:], None], strict=True):
                out.append({"track": track, "state": change.state, "start": change.date,
                            "end": following.date if following else None,
                            "fused_id": change.event["fused_id"]})
        return sorted(out, key=lambda p: (p["start"], p["track"]))


def event_day(event: dict[str, Any]) -> str | None:
    """An event's date, else the start of its articles' estimated window."""
    window = event.get("estimated_window")
    return event.get("date") or (window["start"] if window else None)


def timeline(events: Iterable[dict[str, Any]]) -> Timeline:
    """The state changes the fused ``events`` of one dyad make."""
    result = Timeline()
    dated = []
    for event in events:
        if event.get("negated") or event.get("modality") not in COUNTS:
            continue
        if event_day(event) is None:
            result.undated.append(event)
        else:
            dated.append(event)
    dated.sort(key=lambda e: (event_day(e), e["fused_id"]))
    current: dict[str, str | None] = {t.name: None for t in tracks()}
    for event in dated:
        for track in tracks():
            rule = next((r for r in track.rules if r.matches(event["cameo"],
                                                                 current[track.name])), None)
            if rule is None or rule.state == current[track.name]:
                continue
            window = None if event.get("date") else event.get("estimated_window")
            result.changes.append(Change(track.name, rule.state, current[track.name],
                                         str(event_day(event)), event, window))
            current[track.name] = rule.state
    return result


def party_matches(party: dict[str, Any] | None, needle: str) -> bool:
    """Like ``casus events --actor``: an actor id, or words of a name, text or code."""
    if not party:
        return False
    if needle == party.get("actor_id"):
        return True
    low = needle.lower()
    return any(low in str(party.get(k) or "").lower() for k in ("name", "text", "code"))


def dyad_events(fused: Iterable[dict[str, Any]], a: str, b: str) -> list[dict[str, Any]]:
    """Fused events between ``a`` and ``b``, in either direction."""
    out = []
    for event in fused:
        source, target = event.get("source"), event.get("target")
        if (party_matches(source, a) and party_matches(target, b)) or (
                party_matches(source, b) and party_matches(target, a)):
            out.append(event)
    return out


def since(changes: Iterable[Change], day: date) -> list[Change]:
    return [c for c in changes if c.date >= day.isoformat()]
