"""Resolve date expressions in news text against the article's own date.

The anchor is the article's date (``doc._.casus_published``) and nothing else. With no
anchor, relative expressions ("tomorrow", "last Friday") stay unresolved: the day the
text happens to be processed says nothing about when an event happened. Nothing here
reads the clock, and dateparser is always given an explicit base (``dates.dateparse``).

Resolved dates are truncated to their precision: month precision gives the 1st of the
month, year precision the 1st of January. Durations ("more than five months") are not
points in time and resolve to nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from casus.dates import dateparse
from casus.dates.lexicon import (
    COUNT_RE,
    DECADE_RE,
    FUTURE_WORDS,
    HEDGES,
    MONTH_RE,
    MONTH_WORD_RE,
    MONTHS,
    NUMBERS,
    PAST_WORDS,
    TIMES_OF_DAY,
    UNIT_RE,
    UNITS,
    VAGUE_COUNTS,
    WEEKDAY_RE,
    WEEKDAY_WORD_RE,
    WEEKDAYS,
    YEAR_RE,
)

Precision = Literal["day", "month", "year"]
Direction = Literal["past", "future"]
Resolution = tuple[dt.date | None, Precision | None]
_NONE: Resolution = (None, None)

__all__ = [
    "DateMention",
    "Direction",
    "Precision",
    "infer_year_hint",
    "is_date_like",
    "is_duration",
    "lexical_direction",
    "resolve_expression",
    "split_date_list",
]


@dataclass
class DateMention:
    """A date expression in a document and the date it stands for.

    ``direction`` is the tense used to place it in time (from its verb or its own
    words), kept so a reader can see why a year-less date landed where it did.
    """

    text: str
    char_start: int
    char_end: int
    date: dt.date | None
    precision: Precision | None
    direction: Direction | None = None


# --- public API -------------------------------------------------------------------


def resolve_expression(
    text: str,
    anchor: dt.date | None,
    direction: Direction | None = None,
    year_hint: int | None = None,
) -> Resolution:
    """The date and precision ``text`` stands for, seen from ``anchor``.

    ``direction`` comes from the tense of the sentence and places dates that do not
    say which way they point ("July 23rd", "Sunday"). ``year_hint`` (see
    ``infer_year_hint``) is used only when there is no anchor, and only for absolute
    dates without a year. Relative expressions without an anchor give (None, None).
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    if anchor is not None:
        year_hint = None  # the anchor decides; keeps the cache small
    return _resolve_cached(text, anchor, direction, year_hint)


def is_duration(text: str) -> bool:
    """True for a length of time ("more than five months", "the past 26 months"), not a point."""
    return _is_duration(_normalize(text))


def is_date_like(text: str) -> bool:
    """True when ``text`` has a word that names a date (month, weekday, year, "yesterday" ...).

    Lets callers drop entities that are only numbers ("No. 4203") or times ("8 p.m.").
    """
    s = _normalize(text)
    return bool(_has_date_word(s) or MONTH_WORD_RE.search(s) or YEAR_RE.search(s))


def lexical_direction(text: str) -> Direction | None:
    """The direction an expression's own words give ("last", "ago" → past; "next" → future)."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    past, future = bool(words & PAST_WORDS), bool(words & FUTURE_WORDS)
    if past == future:
        return None
    return "past" if past else "future"


_DATED_YEAR = re.compile(
    rf"\b{MONTH_RE}\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+{YEAR_RE.pattern}"
    rf"|\b(?:in|since|of|by|until|till|from|during|early|late|mid-?)\s+{YEAR_RE.pattern}"
    r"(?!\s+(?!(?:and|or|to|when|after|before|but|as|until|that|which|with)\b)[a-z])"
    rf"|{YEAR_RE.pattern}-\d\d-\d\d\b",
    re.IGNORECASE,
)


def infer_year_hint(text: str) -> int | None:
    """The latest year named in a date in ``text``, to place year-less dates of an undated article.

    A heuristic, not a fact: an undated article that mentions "April 2021" is taken to
    be from 2021 or shortly after, so its "July 23rd" is read as 2021-07-23. It can be
    wrong (an article written in 2023 that looks back on 2021). Only years inside date
    phrases count ("April 2021", "January 3, 2020", "in 2008"), not bare numbers.
    """
    years = [int(y) for m in _DATED_YEAR.finditer(text) for y in m.groups() if y]
    return max(years) if years else None


_LIST_SEP = re.compile(r"\s*,\s*(?:and|or)\s+|\s*,\s*|\s+(?:and|or)\s+|\s*&\s*", re.IGNORECASE)
_YEAR_ONLY = re.compile(rf"\s*{YEAR_RE.pattern}\s*")


def split_date_list(text: str) -> list[tuple[int, int, str]]:
    """Split "June, August 2020 and April 2021" into items, each with the text to resolve.

    Returns ``(start, end, resolvable_text)`` per item, offsets into ``text``. A year
    given once at the end of a run applies to the items before it ("June" → "June
    2020"). Anything that is not a list of months/years comes back as one item.
    """
    items: list[list[int]] = []
    pos = 0
    for sep in _LIST_SEP.finditer(text):
        items.append([pos, sep.start()])
        pos = sep.end()
    items.append([pos, len(text)])
    merged: list[list[int]] = []
    for start, end in items:
        if start >= end:
            continue
        prev = text[merged[-1][0] : merged[-1][1]] if merged else ""
        if prev and _YEAR_ONLY.fullmatch(text[start:end]) and _has_month(prev):
            if not YEAR_RE.search(prev):  # "January 3, 2020": the year closes the date
                merged[-1][1] = end
                continue
        merged.append([start, end])
    pieces = [text[s:e] for s, e in merged]
    if len(pieces) < 2 or not all(_has_month(p) or YEAR_RE.search(p) for p in pieces):
        return [(0, len(text), text)]
    out = []
    for i, (start, end) in enumerate(merged):
        piece = pieces[i]
        later = [YEAR_RE.search(p) for p in pieces[i + 1 :]]
        year = next((m.group(1) for m in later if m), None)
        if not YEAR_RE.search(piece) and year:
            piece = f"{piece} {year}"
        out.append((start, end, piece))
    return out


# --- resolution -------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _resolve_cached(
    text: str, anchor: dt.date | None, direction: Direction | None, year_hint: int | None
) -> Resolution:
    if len(split_date_list(text)) > 1:
        return _NONE  # several dates are not one point; the component splits them
    return _resolve(_normalize(text), anchor, direction, year_hint)


def _resolve(
    s: str, anchor: dt.date | None, direction: Direction | None, year_hint: int | None
) -> Resolution:
    if not s or DECADE_RE.search(s) or _is_duration(s):
        return _NONE
    if cue := _FUTURE_CUE.match(s):  # "scheduled for October 10th"
        s, direction = s[cue.end() :], "future"
    if "(" in s:
        return _resolve_parenthesised(s, anchor, direction, year_hint)
    if "," in s and (combined := _resolve_parts(s, anchor, direction, year_hint)):
        return combined
    s = _strip_time_of_day(_strip_modifiers(s))
    if not s or _is_duration(s):
        return _NONE
    if anchor is not None:
        relative = _resolve_relative(s, anchor, direction)
        if relative is not None:
            return relative
    elif _is_relative(s):
        return _NONE  # no anchor, no relative date
    if YEAR_RE.search(s):
        return _resolve_with_year(s)
    if MONTH_WORD_RE.search(s):
        return _resolve_yearless(s, anchor, direction, year_hint)
    if anchor is None or not _has_date_word(s):
        return _NONE
    return _truncate(dateparse.parse(s, anchor))


def _resolve_parenthesised(
    s: str, anchor: dt.date | None, direction: Direction | None, year_hint: int | None
) -> Resolution:
    """ "tomorrow (July 23rd)": the absolute date in brackets wins over the relative word."""
    outer, _, inner = s.partition("(")
    inner, _, rest = inner.partition(")")
    hint = direction or lexical_direction(outer)
    found = _resolve(_normalize(inner), anchor, hint, year_hint)
    if found[0] is not None:
        return found
    return _resolve(_normalize(f"{outer} {rest}"), anchor, direction, year_hint)


def _resolve_parts(
    s: str, anchor: dt.date | None, direction: Direction | None, year_hint: int | None
) -> Resolution | None:
    """ "last night, Wednesday" / "Thursday, June 20, 2024": the most specific part names the day.

    Returns None when the parts are not a relative word or weekday next to others, so
    the caller parses the whole string ("January 3, 2020").
    """
    parts = [p.strip() for p in s.split(",") if p.strip()]
    relative = [p for p in parts if _RELATIVE_DAY_WORDS.fullmatch(_strip_time_of_day(p))]
    weekdays = [p for p in parts if _WEEKDAY_ONLY.fullmatch(_strip_time_of_day(p))]
    if len(parts) < 2 or not (relative or weekdays):
        return None
    hint = next((d for p in relative if (d := lexical_direction(p))), None) or direction
    rest = [p for p in parts if p not in relative and p not in weekdays]
    if rest:
        return _resolve(", ".join(rest), anchor, hint, year_hint)
    if weekdays:
        if anchor is None:
            return _NONE
        return _weekday(_strip_time_of_day(weekdays[0]), anchor, hint or "past")
    return _resolve(relative[0], anchor, hint, year_hint)


def _resolve_with_year(s: str) -> Resolution:
    """An absolute date naming its year: no anchor needed, and none is used."""
    years = YEAR_RE.findall(s)
    found = dateparse.parse(s, dt.date(int(min(years)), 1, 1))
    if found is None or str(found[0].year) not in years:
        return _NONE
    return _truncate(found)


def _resolve_yearless(
    s: str, anchor: dt.date | None, direction: Direction | None, year_hint: int | None
) -> Resolution:
    """ "July 23rd": the year comes from the anchor and the tense, else from the hint."""
    year = anchor.year if anchor is not None else year_hint
    if year is None:
        return _NONE
    found = dateparse.parse(s, dt.date(year, 1, 1))
    if found is None or found[1] == "year":
        return _NONE
    day, precision = found
    try:
        day = day.replace(year=year)
        if anchor is not None:
            day = _place_year(day, precision, anchor, direction)
    except ValueError:  # 29 February in a year without one
        return _NONE
    return _truncate((day, precision))


def _place_year(
    day: dt.date, precision: Precision, anchor: dt.date, direction: Direction | None
) -> dt.date:
    """Move a year-less date to the year its tense implies (past: not after the anchor)."""

    def key(d: dt.date) -> tuple[int, ...]:
        return (d.year, d.month, d.day) if precision == "day" else (d.year, d.month)

    if direction == "past" and key(day) > key(anchor):
        return day.replace(year=day.year - 1)
    if direction == "future" and key(day) < key(anchor):
        return day.replace(year=day.year + 1)
    return day


# --- relative expressions (need an anchor) ------------------------------------------

_RELATIVE_DAYS: dict[str, int] = {
    "today": 0, "yesterday": -1, "tomorrow": 1,
    "the day before yesterday": -2, "day before yesterday": -2,
    "the day after tomorrow": 2, "day after tomorrow": 2,
}  # fmt: skip
_RELATIVE_DAY_WORDS = re.compile("|".join(re.escape(k) for k in _RELATIVE_DAYS))
_WHICH = r"(?P<which>last|past|previous|this|current|next|coming|upcoming)"
_REL_PERIOD = re.compile(rf"(?:the\s+)?{_WHICH}\s+(?P<unit>week|month|year)")
_REL_MONTH = re.compile(rf"(?:the\s+)?{_WHICH}\s+(?P<month>{MONTH_RE})\.?")
_MONTH_OF_YEAR = re.compile(rf"(?P<month>{MONTH_RE})\.?\s+(?:of\s+)?{_WHICH}\s+year")
_REL_WEEKDAY = re.compile(rf"(?:{_WHICH}\s+)?(?P<day>{WEEKDAY_RE})\.?")
_WEEKDAY_ONLY = re.compile(rf"{WEEKDAY_RE}\.?")
_AGO = re.compile(
    rf"(?:(?P<hedge>{HEDGES})\s+)?(?:(?P<count>{COUNT_RE})\s+)?(?P<unit>{UNIT_RE})\s+ago"
)
_BACK = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0}


def _step(which: str) -> int:
    return _BACK.get(which, 1)


def _resolve_relative(s: str, anchor: dt.date, direction: Direction | None) -> Resolution | None:
    """Expressions that only mean something from the anchor; None when ``s`` is not one."""
    if s in _RELATIVE_DAYS:
        return anchor + dt.timedelta(days=_RELATIVE_DAYS[s]), "day"
    if m := _REL_PERIOD.fullmatch(s):
        return _relative_period(m["unit"], _step(m["which"]), anchor)
    if m := _REL_MONTH.fullmatch(s) or _MONTH_OF_YEAR.fullmatch(s):
        return _relative_month(MONTHS[m["month"]], m["which"], anchor, "year" in s)
    if m := _REL_WEEKDAY.fullmatch(s):
        step = _step(m["which"]) if m["which"] else 0
        mode = "last" if step < 0 else "next" if step > 0 else None
        return _weekday(m["day"], anchor, direction or "past", mode)
    if m := _AGO.fullmatch(s):
        return _ago(m, anchor)
    return None


def _relative_period(unit: str, step: int, anchor: dt.date) -> Resolution:
    if unit == "week":
        return _truncate((anchor + dt.timedelta(days=7 * step), "month"))
    if unit == "month":
        return _add_months(anchor, step), "month"
    return dt.date(anchor.year + step, 1, 1), "year"


def _relative_month(month: int, which: str, anchor: dt.date, of_year: bool) -> Resolution:
    """ "last August": the latest August before the anchor's month; "next May": the coming one."""
    step = _step(which)
    if of_year:  # "August of last year"
        return dt.date(anchor.year + step, month, 1), "month"
    year = anchor.year
    if step < 0 and month >= anchor.month:
        year -= 1
    elif step > 0 and month <= anchor.month:
        year += 1
    return dt.date(year, month, 1), "month"


def _weekday(
    word: str, anchor: dt.date, direction: Direction, mode: str | None = None
) -> Resolution:
    """A named weekday: "last" strictly before the anchor, "next" strictly after.

    A bare weekday is on or before the anchor in the past tense, on or after it in the
    future: an article dated Thursday that reports "Wednesday" means the day before.
    """
    target = WEEKDAYS[word.rstrip(".")]
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if mode == "last" or (mode is None and direction == "past"):
        days = -(back or 7) if mode == "last" else -back
    else:
        days = (ahead or 7) if mode == "next" else ahead
    return anchor + dt.timedelta(days=days), "day"


_COARSER: dict[Precision, Precision | None] = {"day": "month", "month": "year", "year": None}


def _ago(m: re.Match[str], anchor: dt.date) -> Resolution:
    """ "26 months ago", "several days ago": vague counts are placed ~3 units back, coarsely."""
    word, unit = m["count"], UNITS[m["unit"]]
    vague = word is None or word in VAGUE_COUNTS
    n = 3 if vague else int(word) if word.isdigit() else NUMBERS[word]
    precision: Precision | None
    if unit == "hour":
        return anchor - dt.timedelta(days=n // 24), "day"
    if unit in ("day", "week", "fortnight"):
        days = n * {"day": 1, "week": 7, "fortnight": 14}[unit]
        when, precision = anchor - dt.timedelta(days=days), "day" if unit == "day" else "month"
    elif unit == "month":
        when, precision = _add_months(anchor, -n), "month"
    elif unit == "year":
        when, precision = dt.date(anchor.year - n, 1, 1), "year"
    else:
        return _NONE
    if vague or (m["hedge"] and precision == "day"):
        precision = _COARSER[precision]
    return _truncate((when, precision)) if precision else _NONE


# --- helpers ------------------------------------------------------------------------

_LEADING = re.compile(
    r"^(?:on|in|at|since|by|until|till|from|during|of|about|around|as of|circa|before|after|"
    r"between|approximately)\s+"
)
_FUTURE_CUE = re.compile(
    r"(?:(?:is|are|was|were)\s+)?(?:scheduled|expected|due|set|slated|planned)\s+(?:for|on|in|at)\s+"
)
_PUNCT = " \t\n\r.,;:!?\"'“”‘’«»–—-"
_DURATION = re.compile(
    rf"(?P<for>for\s+)?(?:(?P<hedge>{HEDGES})\s+)?(?:(?:the|these|those)\s+)?"
    r"(?:(?:past|last|next|coming|previous|recent|first|following|remaining|final)\s+)?"
    rf"(?:(?P<count>{COUNT_RE})\s+)?(?:(?:more|other)\s+)?(?P<unit>{UNIT_RE})(?:\s+and\s+a\s+half)?"
)
_MODIFIERS = re.compile(
    r"^(?:(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|first half|second half|"
    r"latter half|early part|latter part|first days|last days|first week|last week)\s+of\s+"
    r"(?:the\s+)?|(?:early|mid|late|earlier|later)(?:\s+|-)(?=\S)|"
    r"(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?=\S))"
)
_DATE_WORDS = re.compile(
    rf"\b(?:{WEEKDAY_RE}|{UNIT_RE}|today|tonight|yesterday|tomorrow|weekend)\b"
)


def _normalize(text: str) -> str:
    s = " ".join(text.lower().replace("’", "'").split()).strip(_PUNCT)
    while m := _LEADING.match(s):
        s = s[m.end() :]
    return s


def _strip_time_of_day(s: str) -> str:
    """ "last night" is yesterday; "Sunday evening" is Sunday; "this morning" is today."""
    if s == "last night":
        return "yesterday"
    if s == "tonight" or re.fullmatch(rf"this {TIMES_OF_DAY}", s):
        return "today"
    if m := re.fullmatch(rf"(?:late\s+|early\s+)?(?:on\s+)?the {TIMES_OF_DAY} of (.+)", s):
        return m.group(1)
    stripped = re.sub(rf"\s+(?:at\s+)?{TIMES_OF_DAY}$", "", s)
    return stripped if stripped and stripped != "last" else s


def _strip_modifiers(s: str) -> str:
    """ "the middle of last month" → "last month": the part names the period we can date."""
    while m := _MODIFIERS.match(s):
        s = s[m.end() :].strip()
    return s


def _is_duration(s: str) -> bool:
    m = _DURATION.fullmatch(s)
    if m is None:
        return False
    return bool(m["for"] or m["hedge"] or m["count"] or m["unit"].endswith("s"))


def _is_relative(s: str) -> bool:
    """True when ``s`` can only be dated from an anchor (no year, no month name)."""
    if _REL_MONTH.fullmatch(s) or _MONTH_OF_YEAR.fullmatch(s):
        return True
    return not YEAR_RE.search(s) and not MONTH_WORD_RE.search(s)


def _has_month(s: str) -> bool:
    return MONTH_WORD_RE.search(s.lower()) is not None


def _has_date_word(s: str) -> bool:
    return _DATE_WORDS.search(s) is not None or WEEKDAY_WORD_RE.search(s) is not None


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _truncate(found: tuple[dt.date, Precision] | None) -> Resolution:
    """Cut a date down to what its precision vouches for (day 1, or 1 January)."""
    if found is None:
        return _NONE
    day, precision = found
    if precision == "month":
        return day.replace(day=1), precision
    if precision == "year":
        return dt.date(day.year, 1, 1), precision
    return day, precision
