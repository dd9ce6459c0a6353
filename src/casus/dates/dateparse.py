"""The one place casus calls dateparser, with an explicit base date on every call.

dateparser falls back to the current clock when it has no ``RELATIVE_BASE``; casus must
never date an event by the processing day, so every call here names its base and the
parsers (one per base, settings built once) are cached.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Literal

from dateparser.date import DateDataParser

Period = Literal["day", "month", "year"]

_PERIODS: dict[str, Period] = {
    "time": "day",
    "day": "day",
    "week": "month",  # a week is not a day; the month is what we can vouch for
    "month": "month",
    "year": "year",
}


@lru_cache(maxsize=512)
def _parser(base: date) -> DateDataParser:
    """A parser whose idea of "now" is ``base`` (never the clock)."""
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


def parse(text: str, base: date) -> tuple[date, Period] | None:
    """Parse ``text`` against ``base``; None when dateparser finds nothing credible.

    Results carrying seconds are refused: that is dateparser reading a number as a
    count of seconds before ``base`` ("the 1990s" → 1,990 seconds ago), not a date.
    """
    data = _parser(base).get_date_data(text)
    found = data.date_obj
    if found is None or found.second or found.microsecond:
        return None
    if not 1900 <= found.year <= 2100:
        return None
    period = _PERIODS.get(data.period or "day", "day")
    return found.date(), period
