"""The cleaner under hostile text: never an unexpected exception, bounded time, idempotent,
and it only ever removes lines and changes whitespace (words are never rewritten)."""

from __future__ import annotations

import time
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casus.clean import MAX_TEXT_CHARS, clean_document, clean_text
from casus.clean.datelines import find_dateline
from casus.clean.lines import normalise
from casus.errors import EmptyInput, TooLong
from casus.ingest.dates import parse_published
from casus.records import RawDocument

FUZZ = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SENTENCE = ("KHARTOUM, Sudan, April 16, 2023 — The army attacked the rebels in the north, "
            "officials said.")
# Lines as scrapers leave them: widgets, datelines, headlines, bare words, odd spaces.
LINES = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=120),
    st.sampled_from([SENTENCE, "Share this:", "Leave a Reply", "[ad_1]", "Related Articles",
                     "Thursday, June 20, 2024", "Published: 20 June 2024 10:42 GMT",
                     "Army and rebels agree truce", "in the", "meantime, the army said.",
                     "\u00a0\u200b\u2028\u2029\x85\ufeff", "\x00\x07\x1b\x7f\x9f", "  \t  ",
                     "ثم قال المتحدث", "Москва", "   — ", "...", "“", "‘quoted’ said the man"]),
)
TEXT = st.lists(LINES, max_size=25).flatmap(
    lambda lines: st.sampled_from(["\n", "\n\n", "\r\n", " "]).map(lambda sep: sep.join(lines)))


def words(text: str) -> set[str]:
    return set(text.split())


@FUZZ
@given(text=TEXT)
def test_clean_text_never_fails_and_is_idempotent(tried: Counter[str], text: str) -> None:
    tried["clean.clean_text"] += 1
    started = time.monotonic()
    once = clean_text(text)
    assert time.monotonic() - started < 5
    assert clean_text(once) == once
    assert words(once) <= words(normalise(text))  # nothing is rewritten or made up
    assert not any(ch < " " and ch != "\n" for ch in once)
    once.encode("utf-8")


@FUZZ
@given(text=TEXT, title=st.none() | LINES,
       published=st.none() | st.dates())
def test_clean_document_gives_a_document_or_one_input_error(
        tried: Counter[str], text: str, title: str | None, published: object) -> None:
    tried["clean.clean_document"] += 1
    raw = RawDocument(doc_id="fuzz", origin="fuzz.txt", text=text, title=title,
                      published=published)  # type: ignore[arg-type]
    try:
        doc = clean_document(raw)
    except (EmptyInput, TooLong) as exc:
        assert "\n" not in exc.one_line() and exc.origin == "fuzz.txt"
        return
    assert doc.text and len(doc.text.split()) >= 3
    assert words(doc.text) <= words(normalise(text))
    assert doc.published_from in {None, "metadata", "dateline"}
    if published is not None:
        assert doc.published == published and doc.published_from == "metadata"
    assert "\n\n\n" not in doc.text and doc.text == doc.text.strip()


@FUZZ
@given(value=st.one_of(
    st.text(max_size=60), st.integers(), st.floats(), st.booleans(),
    st.text(max_size=40).map(lambda t: f"{t} 2024"), st.text(max_size=40).map(lambda t: f"19{t}"),
    st.sampled_from(["9999-12-31", "0001-01-01", "2024-02-30", "1e309", "99999999999",
                     "2147483648", "Jun 31, 2024", "32 June 2024", "20 June 20245"])))
def test_clean_published_values_never_fail(tried: Counter[str], value: object) -> None:
    tried["clean.published_values"] += 1
    day, note = parse_published(value)
    assert day is None or note is None
    assert note is None or "\n" not in note


@FUZZ
@given(lines=st.lists(LINES.map(lambda x: x.replace("\n", " ")), max_size=5))
def test_clean_datelines_never_fail(tried: Counter[str], lines: list[str]) -> None:
    tried["clean.datelines"] += 1
    found, drop = find_dateline(lines)
    assert drop is None or 0 <= drop < len(lines)


# -- pathological sizes and shapes, each in bounded time ------------------------------
PATHOLOGICAL = {
    "one 1 MB line": SENTENCE * 10_800,
    "one 1 MB word": "a" * 1_000_000,
    "100k short lines": "Share this:\n" * 100_000,
    "100k blank-separated sentences": (SENTENCE + "\n\n") * 11_000,
    "hard-wrapped 1 MB": ("The army attacked the rebels in the north and the officials "
                          "said that\n") * 15_000,
    "non-Latin runs": ("ثم قال المتحدث " + "!" * 5000 + " Москва ") * 100,
    "punctuation only": "—…“”‘’" * 100_000,
    "dateline lookalikes": ("KHARTOUM, Sudan, " + "April 16, " * 10_000 + "2023 —") * 3,
    "unicode line separators": (SENTENCE + "\u2028\u2029\x85") * 5000,
    "combining marks": "e" + "\u0301" * 200_000 + " " + SENTENCE,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_clean_pathological_text_in_bounded_time(tried: Counter[str], name: str) -> None:
    tried["clean.pathological"] += 1
    raw = RawDocument(doc_id="p", origin=f"{name}.txt", text=PATHOLOGICAL[name])
    started = time.monotonic()
    try:
        doc = clean_document(raw)
    except (EmptyInput, TooLong) as exc:
        assert "\n" not in exc.one_line()
    else:
        assert len(doc.text) <= MAX_TEXT_CHARS
    assert time.monotonic() - started < 10, name


def test_clean_too_long_text_is_one_clear_error() -> None:
    raw = RawDocument(doc_id="long", origin="long.txt", text=SENTENCE * 12_000)
    with pytest.raises(TooLong) as caught:
        clean_document(raw)
    line = caught.value.one_line()
    assert caught.value.code == "E108" and line.startswith("long.txt: cleaned text is ")
    assert "over the 1,000,000 the analysis takes" in line and "split the article" in line


def test_clean_limit_fits_the_pipeline() -> None:
    """The cleaner's cap must not exceed what the spaCy pipeline accepts, or a long text
    raises inside ``nlp.pipe`` and stops the batch (spaCy error E088)."""
    from casus.nlp.pipeline import load_pipeline

    assert MAX_TEXT_CHARS <= load_pipeline().max_length
