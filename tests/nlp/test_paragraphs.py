"""Paragraph breaks are sentence boundaries, whatever the parser thinks."""

from __future__ import annotations

import spacy

from casus.nlp.components.paragraphs import split_paragraphs


def test_paragraphs_break_starts_a_sentence():
    nlp = spacy.blank("en")
    doc = split_paragraphs(nlp.make_doc('He said "no"\n\nSecurity talks\n\nthe army moved.'))
    starts = [t.text for t in doc[1:] if t.is_sent_start]
    assert starts == ["Security", "the"]


def test_paragraphs_single_paragraph_untouched():
    nlp = spacy.blank("en")
    doc = split_paragraphs(nlp.make_doc("Troops left the town. Aid arrived later."))
    assert all(t.is_sent_start is None for t in doc[1:])


def _starts(text: str) -> list[str]:
    doc = split_paragraphs(spacy.blank("en").make_doc(text))
    return [t.text for t in doc[1:] if t.is_sent_start]


def test_paragraphs_a_dateline_is_cut_from_the_lede():
    text = ("Rebels take airport\n\nGOMA, Jan 27, 2025 (Agency) — Fighters of the M23 "
            "took the airport on Monday.")
    assert _starts(text) == ["GOMA", "Fighters"]


def test_paragraphs_a_bare_dateline_is_cut_too():
    assert _starts("KYIV — Russian drones hit a power plant overnight.") == ["Russian"]


def test_paragraphs_a_dash_inside_a_sentence_is_no_dateline():
    assert _starts("NATO said on Monday - a day after the attack - that it would "
                   "meet.") == []
    assert _starts("The UN - its envoy said - will meet.") == []
