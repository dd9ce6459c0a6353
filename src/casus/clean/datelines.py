"""Datelines at the top of an article: the article's own date, when metadata has none.

Two kinds: a line that is only a date ("Thursday, June 20, 2024"; removed from the
text, it is metadata) and an agency dateline opening the first paragraph ("KHARTOUM,
April 16, 2023 (Agency) —"; kept, it is part of the text). Only dates with a year count:
a dateline without one cannot anchor anything.
"""

from __future__ import annotations

import re
from datetime import date

import dateparser

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DATE = (
    rf"(?:{_WEEKDAY}{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})"
)
# A line that is only a date, perhaps with a time ("Thursday, June 20, 2024 10:42 GMT").
DATE_LINE = re.compile(rf"^{_DATE}(?:[\s,|-]+\d{{1,2}}:\d{{2}}.*)?$", re.IGNORECASE)
# "PLACE, <date> (Agency) —" at the start of a paragraph.
AGENCY_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z .'’-]{{1,40}},\s+({_DATE})\s*(?:\([^)]{{1,40}}\))?\s*[—–-]", re.IGNORECASE
)


def parse_date(text: str) -> date | None:
    """An absolute date with day, month and year; never relative, never 'today'."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        pass
    parsed = dateparser.parse(
        text, languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return parsed.date() if parsed else None


def find_dateline(lines: list[str], look: int = 3) -> tuple[date | None, int | None]:
    """The article date from its first lines, and the index of a date-only line to drop."""
    for i, line in enumerate(lines[:look]):
        if DATE_LINE.match(line):
            found = parse_date(line.split("|")[0])
            if found:
                return found, i
        match = AGENCY_DATELINE.match(line)
        if match:
            return parse_date(match.group(1)), None
    return None, None
