"""Resolution of date expressions against an article's date, without a model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.dates import dateparse
from casus.dates.anchor import (
    infer_year_hint,
    is_date_like,
    is_duration,
    lexical_direction,
    resolve_expression,
    split_date_list,
)

THU_2024 = dt.date(2024, 6, 20)  # a Thursday
THU_2021 = dt.date(2021, 7, 22)  # a Thursday
D = dt.date

# (expression, anchor, direction, expected date, expected precision)
CASES = [
    # weekdays and times of day
    ("last night, Wednesday", THU_2024, None, D(2024, 6, 19), "day"),
    ("last night, Wednesday", THU_2024, "past", D(2024, 6, 19), "day"),
    ("last night, Tuesday", THU_2024, None, D(2024, 6, 18), "day"),
    ("yesterday, Monday", D(2024, 6, 18), None, D(2024, 6, 17), "day"),
    ("last Friday night", THU_2024, None, D(2024, 6, 14), "day"),
    ("Sunday evening", THU_2024, "past", D(2024, 6, 16), "day"),
    ("Sunday evening", THU_2024, "future", D(2024, 6, 23), "day"),
    ("next Sunday", THU_2024, None, D(2024, 6, 23), "day"),
    ("last Sunday", THU_2024, None, D(2024, 6, 16), "day"),
    ("last Thursday", THU_2024, None, D(2024, 6, 13), "day"),
    ("Thursday", THU_2024, "past", D(2024, 6, 20), "day"),
    ("on Monday", THU_2024, None, D(2024, 6, 17), "day"),
    ("the day before yesterday", THU_2024, None, D(2024, 6, 18), "day"),
    ("yesterday morning", THU_2024, None, D(2024, 6, 19), "day"),
    ("late last night", THU_2024, None, D(2024, 6, 19), "day"),
    ("this morning", THU_2024, None, THU_2024, "day"),
    ("tomorrow", THU_2021, None, D(2021, 7, 23), "day"),
    # brackets: the absolute date wins
    ("tomorrow (July 23rd)", THU_2021, None, D(2021, 7, 23), "day"),
    ("tomorrow (July 25th)", THU_2021, None, D(2021, 7, 25), "day"),
    # months named relative to the anchor
    ("last August", THU_2021, None, D(2020, 8, 1), "month"),
    ("last August", D(2024, 9, 2), None, D(2024, 8, 1), "month"),
    ("last July", THU_2021, None, D(2020, 7, 1), "month"),
    ("last January", THU_2024, None, D(2024, 1, 1), "month"),
    ("next March", THU_2024, None, D(2025, 3, 1), "month"),
    ("since the beginning of last February", THU_2024, None, D(2024, 2, 1), "month"),
    ("in the middle of last month", THU_2021, None, D(2021, 6, 1), "month"),
    ("the end of last year", THU_2021, None, D(2020, 1, 1), "year"),
    ("August of last year", THU_2024, None, D(2023, 8, 1), "month"),
    ("last month", D(2024, 1, 10), None, D(2023, 12, 1), "month"),
    ("next year", THU_2024, None, D(2025, 1, 1), "year"),
    ("last week", THU_2024, None, D(2024, 6, 1), "month"),
    # year-less absolute dates: the tense picks the year
    ("July 23rd", THU_2021, None, D(2021, 7, 23), "day"),
    ("July 23rd", THU_2021, "future", D(2021, 7, 23), "day"),
    ("July 23rd", THU_2021, "past", D(2020, 7, 23), "day"),
    ("July 20th", THU_2021, "future", D(2022, 7, 20), "day"),
    ("July 20th", THU_2021, "past", D(2021, 7, 20), "day"),
    ("scheduled for October 10th", THU_2021, None, D(2021, 10, 10), "day"),
    ("October 10th", THU_2021, "future", D(2021, 10, 10), "day"),
    ("on January 27", THU_2024, "past", D(2024, 1, 27), "day"),
    ("23 July", THU_2021, None, D(2021, 7, 23), "day"),
    ("November", THU_2021, "past", D(2020, 11, 1), "month"),
    ("mid-June", THU_2024, "past", D(2024, 6, 1), "month"),
    # absolute dates with a year
    ("on January 3, 2020", THU_2021, None, D(2020, 1, 3), "day"),
    ("Thursday, June 20, 2024", THU_2021, None, D(2024, 6, 20), "day"),
    ("June 2021", THU_2024, None, D(2021, 6, 1), "month"),
    ("in 2008", THU_2024, None, D(2008, 1, 1), "year"),
    ("late 2020", THU_2024, None, D(2020, 1, 1), "year"),
    ("the summer of 2019", THU_2024, None, D(2019, 1, 1), "year"),
    ("2020-01-03", THU_2024, None, D(2020, 1, 3), "day"),
    # counted back from the anchor
    ("26 months ago", THU_2021, None, D(2019, 5, 1), "month"),
    ("three days ago", THU_2024, None, D(2024, 6, 17), "day"),
    ("two years ago", THU_2024, None, D(2022, 1, 1), "year"),
    ("several days ago", THU_2024, None, D(2024, 6, 1), "month"),
    ("a few days ago", D(2024, 6, 2), None, D(2024, 5, 1), "month"),
    ("more than four months ago", THU_2024, None, D(2024, 2, 1), "month"),
]


@pytest.mark.parametrize(("text", "anchor", "direction", "expected", "precision"), CASES)
def test_anchor_resolves_expression(
    text: str, anchor: dt.date, direction: str | None, expected: dt.date, precision: str
) -> None:
    assert resolve_expression(text, anchor, direction) == (expected, precision)  # type: ignore[arg-type]


NOT_POINTS = [
    "more than five months",
    "26 months",
    "the past 26 months",
    "less than a year",
    "less than 24 hours",
    "for three weeks",
    "recent months",
    "the last days",
    "hours",
    "the 1990s",
    "June, August 2020 and April 2021",  # several dates: the component splits them
    "No. 4203",
]


@pytest.mark.parametrize("text", NOT_POINTS)
def test_anchor_durations_and_non_dates_resolve_to_nothing(text: str) -> None:
    assert resolve_expression(text, THU_2024) == (None, None)


RELATIVE = [
    "tomorrow",
    "yesterday",
    "today",
    "last Friday",
    "last night, Wednesday",
    "several days ago",
    "26 months ago",
    "last August",
    "the middle of last month",
    "next Sunday",
    "Sunday evening",
    "the day before yesterday",
    "last week",
    "this year",
]


@pytest.mark.parametrize("text", RELATIVE)
def test_anchor_no_anchor_no_relative_date(text: str) -> None:
    assert resolve_expression(text, None) == (None, None)
    assert resolve_expression(text, None, "past", year_hint=2021) == (None, None)


def test_anchor_absolute_dates_need_no_anchor() -> None:
    assert resolve_expression("January 3, 2020", None) == (D(2020, 1, 3), "day")
    assert resolve_expression("in 2008", None) == (D(2008, 1, 1), "year")
    assert resolve_expression("April 2021", None) == (D(2021, 4, 1), "month")


def test_anchor_yearless_date_without_anchor_needs_year_hint() -> None:
    assert resolve_expression("July 23rd", None) == (None, None)
    assert resolve_expression("July 23rd", None, year_hint=2021) == (D(2021, 7, 23), "day")
    assert resolve_expression("tomorrow (July 23rd)", None, year_hint=2021) == (
        D(2021, 7, 23),
        "day",
    )
    # the hint never overrides a real anchor
    assert resolve_expression("July 23rd", THU_2024, year_hint=2021) == (D(2024, 7, 23), "day")


def test_anchor_accepts_datetime_anchor() -> None:
    anchor = dt.datetime(2024, 6, 20, 15, 30)
    assert resolve_expression("yesterday", anchor) == (D(2024, 6, 19), "day")


# The traps measured in DEPENDENCIES.md: each one dateparser alone gets wrong or misses.
TRAPS = [
    ("tomorrow (July 23rd)", THU_2021, None, D(2021, 7, 23)),
    ("last February", THU_2024, None, D(2024, 2, 1)),
    ("last January", THU_2024, None, D(2024, 1, 1)),
    ("last night, Wednesday", THU_2024, None, D(2024, 6, 19)),
    ("October 10th", THU_2021, "future", D(2021, 10, 10)),  # dateparser 'past': 2020
    ("July 23rd", THU_2021, None, D(2021, 7, 23)),  # dateparser 'past': 2020
]


@pytest.mark.parametrize(("text", "anchor", "direction", "expected"), TRAPS)
def test_anchor_dateparser_traps(
    text: str, anchor: dt.date, direction: str | None, expected: dt.date
) -> None:
    assert resolve_expression(text, anchor, direction)[0] == expected  # type: ignore[arg-type]


def test_anchor_the_past_26_months_is_a_duration() -> None:
    assert is_duration("the past 26 months")
    assert is_duration("more than five months")
    assert not is_duration("last week")
    assert not is_duration("26 months ago")


def test_anchor_search_dates_noise_is_not_date_like() -> None:
    # search_dates read "we" as Wednesday and "may" as a month; we never search free text
    assert not is_date_like("we")
    assert not is_date_like("No. 4203")
    assert is_date_like("last Friday")


def test_anchor_lexical_direction() -> None:
    assert lexical_direction("last Friday") == "past"
    assert lexical_direction("several days ago") == "past"
    assert lexical_direction("next Sunday") == "future"
    assert lexical_direction("tomorrow (July 23rd)") == "future"
    assert lexical_direction("July 23rd") is None


def test_anchor_split_date_list_carries_the_year_back() -> None:
    text = "in June, August 2020 and April 2021"
    items = split_date_list(text)
    assert [text[s:e] for s, e, _ in items] == ["in June", "August 2020", "April 2021"]
    assert [resolve_expression(r, None) for _, _, r in items] == [
        (D(2020, 6, 1), "month"),
        (D(2020, 8, 1), "month"),
        (D(2021, 4, 1), "month"),
    ]


def test_anchor_split_date_list_keeps_single_dates_whole() -> None:
    for text in ["January 3, 2020", "Thursday, June 20, 2024", "last night, Wednesday"]:
        assert split_date_list(text) == [(0, len(text), text)]


def test_anchor_infer_year_hint_takes_latest_dated_year() -> None:
    text = "Talks were held in June, August 2020 and April 2021, and the vote on January 3, 2020."
    assert infer_year_hint(text) == 2021
    assert infer_year_hint("The issue has been raised since 2008, but it stalled.") == 2008


def test_anchor_infer_year_hint_ignores_bare_numbers() -> None:
    assert infer_year_hint("The fighters numbered 2000 men; see issue No. 2019.") is None
    assert infer_year_hint("Nothing dated here.") is None


def test_anchor_never_parses_against_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every dateparser call names a base, and none is near the processing day."""
    bases: list[dt.date] = []
    real = dateparse.parse

    def spy(text: str, base: dt.date) -> object:
        bases.append(base)
        return real(text, base)

    monkeypatch.setattr(dateparse, "parse", spy)
    for text in RELATIVE + ["July 23rd", "January 3, 1996", "Sunday, June 16"]:
        assert resolve_expression(f"{text} ", None, year_hint=1995)[0] is None or (
            text in ("July 23rd", "January 3, 1996", "Sunday, June 16")
        )  # trailing space: a fresh cache key
    processing_day = dt.date.today()  # the test may read the clock; the library never does
    assert bases, "dateparser was not reached"
    assert all(abs((b - processing_day).days) > 366 for b in bases)


def test_anchor_source_never_reads_the_clock() -> None:
    src = Path(__file__).resolve().parents[2] / "src" / "casus"
    files = [*(src / "dates").glob("*.py"), src / "nlp" / "components" / "dates.py"]
    for path in files:
        code = path.read_text(encoding="utf-8")
        for call in ("date.today(", "datetime.now(", "datetime.utcnow(", "time.time("):
            assert call not in code, f"{path.name} calls {call}"


_WORDS = st.sampled_from(
    ["last", "next", "Friday", "night", "July", "23rd", "(", ")", ",", "2020", "ago", "days",
     "the", "of", "middle", "month", "tomorrow", "several", "on", "since", "beginning", "we",
     "may", "1990s", "26", "more", "than", "year", "and", "mid-", "Sunday", "evening"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_WORDS, max_size=6), noise=st.text(max_size=12))
def test_anchor_undated_results_come_from_the_text(words: list[str], noise: str) -> None:
    """Without an anchor or hint, any date found must take its year from the text itself."""
    text = " ".join(words) + noise
    found, precision = resolve_expression(text, None)
    assert (found is None) == (precision is None)
    if found is not None:
        assert str(found.year) in text
