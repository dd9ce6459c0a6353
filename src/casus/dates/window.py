"""When an undated article was written, bounded by what it says: a window, never a day.

Scraped pages often lose their date. casus never puts such an article on the day it
was processed, nor its events on any day; but the text often says when it was written:
"the outgoing president, Donald Trump", "Prime Minister Mustafa al-Kadhimi", "the
elections due in June 2021". Each such phrase bounds the writing date:

- a title with its holder ("Prime Minister X", "X, the prime minister") places the text
  within X's terms in that office (the dictionary's offices and their holders);
  "outgoing" narrows it to a term's last 90 days, "-elect" to the 90 days before one;
  "former", "late", "ex-" say nothing here (the office was held before, by how long?);
- a date with its year in the past tense ("was killed on January 3, 2020") is before
  the writing, one in the future tense ("the elections will be held in June 2021") after.

The window is the intersection of the bounds; when they disagree, or one side stays
open, there is no window. It is the article's, with the phrases that made it: events
keep no date (casus never dates an event by its article), but a timeline can place an
undated event in its article's window, marked as estimated.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from casus.actors.dictionary import ActorDictionary, Office

OUTGOING = 90  # days: a term's end is known well ahead (elections, handovers)
Interval = tuple[dt.date, dt.date]
_NOT_NOW = re.compile(r"\b(?:former|late|ex|erstwhile|then|previous|past)\b", re.IGNORECASE)
_OUTGOING = re.compile(r"\b(?:outgoing|lame[- ]duck|departing)\b", re.IGNORECASE)
_ELECT = re.compile(r"-elect\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class DateWindow:
    """The days an undated article was written in, and the phrases that say so."""

    start: dt.date
    end: dt.date
    evidence: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "evidence": list(self.evidence)}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> DateWindow:
        return cls(dt.date.fromisoformat(raw["start"]), dt.date.fromisoformat(raw["end"]),
                   tuple(raw.get("evidence") or ()))


@dataclass(frozen=True)
class Bound:
    """One phrase's constraint: the writing date lies in one of ``intervals``."""

    intervals: tuple[Interval, ...]
    phrase: str


def office_bound(title: str, actor_id: str, name: str, dic: ActorDictionary) -> Bound | None:
    """"the outgoing president" + Donald Trump -> his terms as president, narrowed.
    ``name`` is the person as the text writes them (for the evidence phrase)."""
    if _NOT_NOW.search(title):
        return None
    words = f" {title.lower().replace('-', ' ')} "
    terms: list[Interval] = []
    for office in _offices_held(actor_id, dic):
        if not any(f" {t} " in words or words.rstrip().endswith(f" {t}") for t in office.titles):
            continue
        for holder, start, end in office.holders:
            if holder == actor_id and start is not None:
                terms.append((start, end or dt.date.max))
    if not terms:
        return None
    if _OUTGOING.search(title):
        terms = [(max(s, e - dt.timedelta(days=OUTGOING)), e) for s, e in terms
                 if e != dt.date.max]
    elif _ELECT.search(title):
        terms = [(s - dt.timedelta(days=OUTGOING), s) for s, _ in terms]
    said = title.strip() if name.lower() in title.lower() else f"{title.strip()} {name}"
    return Bound(tuple(terms), said) if terms else None


def _offices_held(actor_id: str, dic: ActorDictionary) -> list[Office]:
    seen: dict[str, Office] = {}
    for office in dic.titles.values():
        if any(h[0] == actor_id for h in office.holders):
            seen[office.id] = office
    return list(seen.values())


def date_bound(text: str, day: dt.date | None, precision: str | None,
               direction: str | None) -> Bound | None:
    """A dated phrase with its year, in the past or the future tense."""
    if day is None or direction not in ("past", "future") or not _YEAR.search(text):
        return None
    if direction == "past":
        return Bound(((day, dt.date.max),), text)
    last = _period_end(day, precision)
    return Bound(((dt.date.min, last),), text)


def _period_end(day: dt.date, precision: str | None) -> dt.date:
    if precision == "year":
        return dt.date(day.year, 12, 31)
    if precision == "month":
        following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return day


def intersect(bounds: Iterable[Bound]) -> DateWindow | None:
    """The window every bound allows, or None (no bound, open, or contradictory)."""
    allowed: list[Interval] = [(dt.date.min, dt.date.max)]
    phrases: list[str] = []
    for bound in bounds:
        narrowed = [(max(a, c), min(b, d)) for a, b in allowed for c, d in bound.intervals
                    if max(a, c) <= min(b, d)]
        if not narrowed:
            return None  # the text contradicts itself (or casus misread a phrase)
        allowed = narrowed
        phrases.append(bound.phrase)
    if len(allowed) != 1:
        return None  # two terms of the same holder both fit: no single window
    start, end = allowed[0]
    if start == dt.date.min or end == dt.date.max:
        return None
    return DateWindow(start, end, tuple(dict.fromkeys(phrases)))


def estimate(bounds: Sequence[Bound]) -> DateWindow | None:
    return intersect(bounds) if bounds else None


def document_window(doc: Doc, dic: ActorDictionary | None = None) -> DateWindow | None:
    """The window of an undated Doc from its people's titles and its dated phrases
    (reads ``doc._.casus_mentions`` and ``doc._.casus_dates``)."""
    from casus.actors.dictionary import default_dictionary

    dic = dic or default_dictionary()
    bounds: list[Bound] = []
    for mention in doc._.casus_mentions or []:
        entry = dic.entry_for(mention.actor.actor_id)
        if entry is None or entry.type != "PERSON":
            continue
        for title in _titles(doc, mention):
            bound = office_bound(title, entry.id, mention.text, dic)
            if bound is not None:
                bounds.append(bound)
                break
    for mention in doc._.casus_dates or []:
        bound = date_bound(mention.text, mention.date, mention.precision, mention.direction)
        if bound is not None:
            bounds.append(bound)
    return estimate(bounds)


def _titles(doc: Doc, mention: Any) -> list[str]:
    """What the text calls a person: the mention itself ("Prime Minister X"), the words
    before it ("outgoing President X"), and an apposition ("X, the prime minister";
    "the outgoing president, X")."""
    from casus.actors.context import title_words

    span = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
    if span is None:
        return []
    found = [mention.text, title_words(doc, span.start)]
    root = span.root
    if root.dep_ == "appos" and root.head.i < span.start:
        head = root.head
        words = [t for t in head.subtree if t.i < span.start and not t.is_punct]
        found.append(" ".join(t.text for t in words))
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end:
            found.append(" ".join(t.text for t in child.subtree if not t.is_punct))
    return [t for t in found if t.strip()]
