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
