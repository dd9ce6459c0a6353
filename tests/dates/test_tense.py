"""Verb direction read from hand-built parses (no model needed)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from casus.dates.tense import verb_direction

VOCAB = Vocab()


def _doc(rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """rows: (word, head index, dep, tag, pos, lemma)."""
    words, heads, deps, tags, pos, lemmas = (list(col) for col in zip(*rows, strict=True))
    return Doc(VOCAB, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)


def test_tense_will_points_forward() -> None:
    doc = _doc([
        ("Talks", 2, "nsubj", "NNS", "NOUN", "talk"),
        ("will", 2, "aux", "MD", "AUX", "will"),
        ("resume", 2, "ROOT", "VB", "VERB", "resume"),
        ("on", 2, "prep", "IN", "ADP", "on"),
        ("Sunday", 3, "pobj", "NNP", "PROPN", "Sunday"),
    ])  # fmt: skip
    assert verb_direction(doc[4:5]) == "future"


def test_tense_past_tense_points_back() -> None:
    doc = _doc([
        ("Envoys", 1, "nsubj", "NNS", "NOUN", "envoy"),
        ("met", 1, "ROOT", "VBD", "VERB", "meet"),
        ("on", 1, "prep", "IN", "ADP", "on"),
        ("Sunday", 2, "pobj", "NNP", "PROPN", "Sunday"),
    ])  # fmt: skip
    assert verb_direction(doc[3:4]) == "past"


def test_tense_infinitive_defers_to_scheduled() -> None:
    doc = _doc([
        ("Talks", 2, "nsubjpass", "NNS", "NOUN", "talk"),
        ("are", 2, "auxpass", "VBP", "AUX", "be"),
        ("scheduled", 2, "ROOT", "VBN", "VERB", "schedule"),
        ("to", 4, "aux", "TO", "PART", "to"),
        ("open", 2, "xcomp", "VB", "VERB", "open"),
        ("tomorrow", 4, "npadvmod", "NN", "NOUN", "tomorrow"),
    ])  # fmt: skip
    assert verb_direction(doc[5:6]) == "future"


def test_tense_to_be_held_is_future() -> None:
    doc = _doc([
        ("a", 1, "det", "DT", "DET", "a"),
        ("summit", 1, "ROOT", "NN", "NOUN", "summit"),
        ("to", 4, "aux", "TO", "PART", "to"),
        ("be", 4, "auxpass", "VB", "AUX", "be"),
        ("held", 1, "acl", "VBN", "VERB", "hold"),
        ("on", 4, "prep", "IN", "ADP", "on"),
        ("May", 5, "pobj", "NNP", "PROPN", "May"),
        ("4", 6, "nummod", "CD", "NUM", "4"),
    ])  # fmt: skip
    assert verb_direction(doc[6:8]) == "future"


def test_tense_present_tense_says_nothing() -> None:
    doc = _doc([
        ("He", 1, "nsubj", "PRP", "PRON", "he"),
        ("visits", 1, "ROOT", "VBZ", "VERB", "visit"),
        ("on", 1, "prep", "IN", "ADP", "on"),
        ("Sunday", 2, "pobj", "NNP", "PROPN", "Sunday"),
    ])  # fmt: skip
    assert verb_direction(doc[3:4]) is None
