"""Publication dates given as metadata (JSONL ``published``, a page's own date)."""

from __future__ import annotations

import re
from datetime import date

import dateparser

DATEPARSER_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"],
                       "RETURN_AS_TIMEZONE_AWARE": False}
# An absolute date names its year (or is a Unix timestamp); "yesterday" or "2 days ago"
# would otherwise be read against the processing day, which must never date an article.
ABSOLUTE = re.compile(r"\b(1[89]|20)\d\d\b|^\d{9,10}$")


def parse_published(value: object) -> tuple[date | None, str | None]:
    """The date and, when a value was given but unreadable, a one-line warning.

    ISO first (the common case, and unambiguous), then dateparser for forms like
    "20 June 2024" or "Jun 20, 2024 10:42 GMT". Only full dates count: a bare year
    or month cannot anchor relative dates.
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, date):
        return value, None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]), None
    except ValueError:
        pass
    parsed = None
    if ABSOLUTE.search(text):
        parsed = dateparser.parse(text, languages=["en"], settings=DATEPARSER_SETTINGS)
    if parsed is not None:
        return parsed.date(), None
    return None, f"unreadable 'published' value {text[:40]!r}; ignored"
