"""The document reader's markup, as segments of plain text the template escapes.

The cleaned text is cut at every mention and trigger boundary; each piece carries what
covers it (an actor, events). The template writes each piece with autoescaping, so
article text never becomes markup however it is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Segment:
    text: str
    actor: dict[str, Any] | None = None
    events: list[str] = field(default_factory=list)
    anchor: str | None = None  # first piece of a trigger: the id to jump back to
    quad: int | None = None


def trigger_span(text: str, event: dict[str, Any]) -> tuple[int, int] | None:
    """Where an event's trigger word is in the text.

    The record's ``trigger_start`` when it has one; otherwise the trigger word's first
    whole-word occurrence inside the event's sentence span.
    """
    trigger = (event.get("trigger") or "").strip()
    if not trigger:
        return None
    start = event.get("trigger_start")
    if isinstance(start, int) and text[start:start + len(trigger)] == trigger:
        return start, start + len(trigger)
    lo, hi = int(event.get("char_start") or 0), int(event.get("char_end") or len(text))
    pattern = re.compile(rf"(?<!\w){re.escape(trigger)}(?!\w)")
    found = pattern.search(text, lo, hi) or re.compile(
        pattern.pattern, re.IGNORECASE).search(text, lo, hi)
    return (found.start(), found.end()) if found else None


def segments(text: str, mentions: list[dict[str, Any]], events: list[dict[str, Any]]
             ) -> list[Segment]:
    """The text cut into pieces, each marked with the mention and triggers covering it."""
    spans: list[tuple[int, int, str, Any]] = []
    for m in mentions:
        if 0 <= m["char_start"] < m["char_end"] <= len(text):
            spans.append((m["char_start"], m["char_end"], "actor", m))
    for e in events:
        found = trigger_span(text, e)
        if found:
            spans.append((found[0], found[1], "event", e))
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        seg = Segment(text[a:b])
        for start, end, kind, item in spans:
            if start <= a and b <= end:
                _mark(seg, kind, item, a == start)
        out.append(seg)
    return out


def _mark(seg: Segment, kind: str, item: dict[str, Any], first: bool) -> None:
    if kind == "actor":
        seg.actor = seg.actor or item
        return
    seg.events.append(item["event_id"])
    seg.quad = seg.quad or item.get("quad_class")
    if first and seg.anchor is None:
        seg.anchor = item["event_id"]


def sentence_parts(event: dict[str, Any]) -> tuple[str, str, str]:
    """An evidence sentence split around its trigger, for bold-face in tables."""
    sentence = event.get("sentence") or ""
    local = dict(event, char_start=0, char_end=len(sentence), trigger_start=None)
    found = trigger_span(sentence, local)
    if not found:
        return sentence, "", ""
    return sentence[:found[0]], sentence[found[0]:found[1]], sentence[found[1]:]
