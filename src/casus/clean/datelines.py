"""Datelines at the top of an article: the article's own date, when metadata has none.

Two kinds: a line that is only a date ("Thursday, June 20, 2024", "Published: 20 June
2024 10:42"; removed from the text, it is metadata) and an agency dateline opening the
first paragraph ("KHARTOUM, Sudan, April 16, 2023 (Agency) —"; kept, it is part of the
text). Only dates with a year count: a dateline without one cannot anchor anything.
"""

from __future__ import annotations

import re
from datetime import date

import dateparser

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DATE = (
    rf"(?:{_WEEKDAY}{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})"
)
_PREFIX = r"(?:(?:published|posted|updated|last updated|date|dated)(?:\s+on)?\s*:?\s*)?"
_TIME = r"(?:[\s,|–—-]+(?:at\s+)?\d{1,2}[:.]\d{2}.*)?"
# A line that is only a date, perhaps labelled and with a time ("... 10:42 GMT").
DATE_LINE = re.compile(rf"^{_PREFIX}({_DATE}){_TIME}$", re.IGNORECASE)
# "PLACE[, REGION], <date> [(Agency)] —" at the start of a paragraph.
_PLACE = r"[A-Z][\w .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?"
AGENCY_DATELINE = re.compile(
    rf"^{_PLACE},\s+({_DATE})\s*(?:\([^)]{{1,40}}\))?\s*[—–:-]", re.IGNORECASE
)
SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False,
            "DATE_ORDER": "DMY"}


def parse_date(text: str) -> date | None:
    """An absolute date with day, month and year; never relative, never 'today'.

    Numeric dates are read day first (most of the world's press writes 20/06/2024);
    a US-style 06/20/2024 still parses, as no month is 20.
    """
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    parsed = dateparser.parse(text, languages=["en"], settings=SETTINGS)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


def find_dateline(lines: list[str], look: int = 3) -> tuple[date | None, int | None]:
    """The article date from its first lines, and the index of a date-only line to drop."""
    for i, line in enumerate(lines[:look]):
        match = DATE_LINE.match(line)
        if match:
            found = parse_date(match.group(1))
            if found:
                return found, i
        match = AGENCY_DATELINE.match(line)
        if match:
            found = parse_date(match.group(1))
            if found:
                return found, None
    return None, None
