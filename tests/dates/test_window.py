"""An undated article's writing window, bounded by its own words (casus.dates.window)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from casus.actors.dictionary import default_dictionary
from casus.dates.window import Bound, date_bound, intersect, office_bound
from tests.conftest import run_casus

D = dt.date


def test_titles_bound_by_terms_in_office() -> None:
    dic = default_dictionary()
    pm = office_bound("The Iraqi Prime Minister", "mustafa_al_kadhimi", "Mustafa al-Kadhimi",
                      dic)
    assert pm is not None and pm.intervals == ((D(2020, 5, 7), D(2022, 10, 26)),)
    outgoing = office_bound("the outgoing president", "donald_trump", "Donald Trump", dic)
    assert outgoing is not None and outgoing.intervals == ((D(2020, 10, 21), D(2021, 1, 19)),)
    elect = office_bound("President-elect", "joe_biden", "Joe Biden", dic)
    assert elect is not None and elect.intervals[0] == (D(2020, 10, 22), D(2021, 1, 20))
    # two terms: both stay possible; "former" and unrelated titles bound nothing
    trump = office_bound("US President", "donald_trump", "Donald Trump", dic)
    assert trump is not None and len(trump.intervals) == 2
    assert office_bound("the former president", "donald_trump", "Donald Trump", dic) is None
    assert office_bound("Prime Minister", "donald_trump", "Donald Trump", dic) is None


def test_dates_with_years_by_tense() -> None:
    assert date_bound("January 3, 2021", D(2021, 1, 3), "day", "future") == Bound(
        ((D.min, D(2021, 1, 3)),), "January 3, 2021")
    assert date_bound("June 2021", D(2021, 6, 1), "month", "future").intervals == (  # type: ignore[union-attr]
        (D.min, D(2021, 6, 30)),)
    assert date_bound("in 2019", D(2019, 1, 1), "year", "past").intervals == (  # type: ignore[union-attr]
        (D(2019, 1, 1), D.max),)
    assert date_bound("last Friday", D(2021, 1, 1), "day", "past") is None  # no year written
    assert date_bound("May 2020", D(2020, 5, 1), "month", None) is None  # no tense


def test_intersection_needs_both_sides_and_agreement() -> None:
    trump = Bound(((D(2017, 1, 20), D(2021, 1, 19)), (D(2025, 1, 20), D.max)), "President Trump")
    pm = Bound(((D(2020, 5, 7), D(2022, 10, 26)),), "Prime Minister al-Kadhimi")
    window = intersect([trump, pm])
    assert window is not None and (window.start, window.end) == (D(2020, 5, 7), D(2021, 1, 19))
    assert window.evidence == ("President Trump", "Prime Minister al-Kadhimi")
    assert intersect([trump]) is None  # two terms fit: no single window
    assert intersect([pm, Bound(((D(2024, 1, 1), D.max),), "in 2024")]) is None  # contradiction
    assert intersect([Bound(((D(2019, 1, 1), D.max),), "in 2019")]) is None  # open-ended


@pytest.mark.slow
def test_undated_article_placed_in_its_window(tmp_path: Path) -> None:
    """End to end: an invented undated report; its events stay undated, the document
    keeps its window, and the dyad's timeline places the change there, marked."""
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "undated.txt").write_text(
        "Iraqi Prime Minister Mohammed Shia al-Sudani received the outgoing U.S. president, "
        "Joe Biden, in Baghdad on Sunday.\n\n"
        "The armed factions declared a truce with the United States on Sunday, a "
        "spokesman said.\n", encoding="utf-8")
    (articles / "dated.txt").write_text(
        "BAGHDAD, March 3, 2025 - The armed factions declared a truce with the United "
        "States on Sunday.\n", encoding="utf-8")
    db = tmp_path / "db.duckdb"
    run_casus("ingest", str(articles), db=db, check=True)
    docs = {d["doc_id"]: d for d in map(json.loads, run_casus(
        "docs", "--format", "jsonl", db=db, check=True).stdout.splitlines())}
    window = docs["undated"]["date_window"]
    assert window["start"] == "2024-10-21" and window["end"] == "2025-01-19"
    assert any("outgoing" in phrase for phrase in window["evidence"])
    assert docs["dated"]["date_window"] is None  # a dated article needs none
    events = [json.loads(x) for x in run_casus("events", "--doc", "undated", "--format",
                                               "jsonl", db=db, check=True).stdout.splitlines()]
    assert events and all(e["date"] is None for e in events)  # never dated by the window
    line = run_casus("dyad", "factions", "United States", "--format", "jsonl", db=db,
                     check=True).stdout.splitlines()
    changes = [json.loads(x) for x in line]
    estimated = [c for c in changes if c["date_window"]]
    assert estimated and estimated[0]["date_window"]["start"] == "2024-10-21"
    assert estimated[0]["evidence"][0]["doc_id"] == "undated"
