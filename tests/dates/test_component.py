"""The casus_dates component on hand-built Docs: entity merging, brackets, lists, no anchor."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc
from spacy.vocab import Vocab

from casus.nlp.components.dates import DateResolver
from casus.nlp.extensions import register_extensions

VOCAB = Vocab()
RESOLVER = DateResolver("casus_dates", ["DATE"], ["TIME"])


def _doc(text: str, ents: list[tuple[str, str]], published: dt.date | None) -> Doc:
    """A Doc over ``text`` with the given (substring, label) entities, as NER would set them."""
    register_extensions()
    tokens = list(re.finditer(r"\w+|[^\w\s]|\n", text))
    words = [t.group() for t in tokens]
    spaces = [text[t.end() : t.end() + 1] == " " for t in tokens]
    doc = Doc(VOCAB, words=words, spaces=spaces)
    spans = []
    for sub, label in ents:
        start = text.index(sub)
        spans.append(doc.char_span(start, start + len(sub), label=label))
    doc.ents = spans
    doc._.casus_published = published
    return RESOLVER(doc)


def _found(doc: Doc) -> list[tuple[str, dt.date | None, str | None]]:
    return [(m.text, m.date, m.precision) for m in doc._.casus_dates]


def test_component_merges_time_and_weekday() -> None:
    text = "The council said last night, Wednesday, that it had met."
    doc = _doc(text, [("last night", "TIME"), ("Wednesday", "DATE")], dt.date(2024, 6, 20))
    assert _found(doc) == [("last night, Wednesday", dt.date(2024, 6, 19), "day")]
    mention = doc._.casus_dates[0]
    assert text[mention.char_start : mention.char_end] == mention.text


def test_component_merges_date_and_following_time() -> None:
    doc = _doc("Gunmen gathered last Friday night in the square.",
               [("last Friday", "DATE"), ("night", "TIME")], dt.date(2021, 1, 4))  # fmt: skip
    assert _found(doc) == [("last Friday night", dt.date(2021, 1, 1), "day")]


def test_component_takes_in_untagged_bracketed_date() -> None:
    text = "A new round is due to open tomorrow (July 23rd). Talks in April 2021 failed."
    doc = _doc(text, [("tomorrow", "DATE"), ("April 2021", "DATE")], None)
    assert _found(doc)[0] == ("tomorrow (July 23rd)", dt.date(2021, 7, 23), "day")


def test_component_closes_bracket_left_outside_entity() -> None:
    text = "Talks open tomorrow (July 23rd), officials said."
    doc = _doc(text, [("tomorrow (July 23rd", "DATE")], dt.date(2021, 7, 22))
    assert _found(doc) == [("tomorrow (July 23rd)", dt.date(2021, 7, 23), "day")]


def test_component_merges_two_tagged_pieces_of_a_bracket() -> None:
    text = "Talks open tomorrow (July 23rd), officials said."
    doc = _doc(text, [("tomorrow", "DATE"), ("July 23rd", "DATE")], dt.date(2021, 7, 22))
    assert _found(doc) == [("tomorrow (July 23rd)", dt.date(2021, 7, 23), "day")]


def test_component_undated_doc_leaves_relative_dates_empty() -> None:
    doc = _doc("Militias deployed last Friday, a few days ago.",
               [("last Friday", "DATE"), ("a few days ago", "DATE")], None)  # fmt: skip
    assert doc._.casus_dates
    assert all(m.date is None and m.precision is None for m in doc._.casus_dates)


def test_component_skips_durations_and_numbers() -> None:
    text = "Calm has held for more than five months, see issue 4203, since last March."
    ents = [("more than five months", "DATE"), ("4203", "DATE"), ("last March", "DATE")]
    doc = _doc(text, ents, dt.date(2024, 6, 20))
    assert _found(doc) == [("last March", dt.date(2024, 3, 1), "month")]


def test_component_splits_date_lists() -> None:
    text = "Three rounds were held in June, August 2020 and April 2021."
    doc = _doc(text, [("June, August 2020", "DATE"), ("April 2021", "DATE")], None)
    assert _found(doc) == [
        ("June", dt.date(2020, 6, 1), "month"),
        ("August 2020", dt.date(2020, 8, 1), "month"),
        ("April 2021", dt.date(2021, 4, 1), "month"),
    ]
    starts = [m.char_start for m in doc._.casus_dates]
    assert starts == sorted(starts)
    assert all(text[m.char_start : m.char_end] == m.text for m in doc._.casus_dates)


def test_component_ignores_non_date_anchor_values() -> None:
    doc = _doc("They met yesterday.", [("yesterday", "DATE")], "2024-06-20")  # type: ignore[arg-type]
    assert _found(doc) == [("yesterday", None, None)]


def test_component_does_not_merge_across_paragraphs() -> None:
    text = "The ceasefire began in March 2024,\nlast night drones struck the base."
    doc = _doc(text, [("March 2024", "DATE"), ("last night", "TIME")], dt.date(2024, 6, 20))
    assert _found(doc) == [
        ("March 2024", dt.date(2024, 3, 1), "month"),
        ("last night", dt.date(2024, 6, 19), "day"),
    ]
