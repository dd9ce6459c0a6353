"""Word tables and patterns for English date expressions, shared by the date modules.

Kept apart from the resolution logic so the rules read as rules, not as word lists.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2,
    "wed": 2, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4,
    "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "eighteen": 18,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a couple of": 2,
    "a dozen": 12, "dozens of": 24,
}  # fmt: skip

# Counts that say "some number": resolvable only approximately (precision coarsened).
VAGUE_COUNTS: frozenset[str] = frozenset({"several", "a few", "few", "some", "many", "a number of"})

# Hedges around a count: "more than five months", "about two weeks ago".
HEDGES = (
    r"(?:more than|less than|fewer than|over|under|about|around|nearly|almost|at least|"
    r"up to|some|roughly|approximately|just|only|barely|no more than|no less than)"
)

UNITS: dict[str, str] = {
    "minute": "hour", "minutes": "hour", "hour": "hour", "hours": "hour",
    "day": "day", "days": "day", "week": "week", "weeks": "week", "fortnight": "fortnight",
    "month": "month", "months": "month", "year": "year", "years": "year",
    "decade": "decade", "decades": "decade",
}  # fmt: skip

TIMES_OF_DAY = r"(?:morning|afternoon|evening|night|noon|midnight|dawn|dusk)"

PAST_WORDS: frozenset[str] = frozenset({"last", "ago", "yesterday", "previous", "past", "earlier"})
FUTURE_WORDS: frozenset[str] = frozenset({"next", "tomorrow", "coming", "upcoming", "later"})


def _alternation(words: object) -> str:
    ordered = sorted(words, key=len, reverse=True)  # type: ignore[call-overload]
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"


MONTH_RE = _alternation(MONTHS)
WEEKDAY_RE = _alternation(WEEKDAYS)
COUNT_RE = r"(?:\d+|" + _alternation(list(NUMBERS) + list(VAGUE_COUNTS)) + ")"
UNIT_RE = _alternation(UNITS)

YEAR_RE = re.compile(r"(?<![\d.,$£€])(19\d\d|20\d\d|2100)(?![\d%]|s\b|'s\b)")
MONTH_WORD_RE = re.compile(rf"\b{MONTH_RE}\b\.?")
WEEKDAY_WORD_RE = re.compile(rf"\b{WEEKDAY_RE}\b")
DECADE_RE = re.compile(r"\b(?:\d\d|19\d0|20\d0)'?s\b|\bthe (?:nineteen|twenty)[a-z-]*ies\b")
