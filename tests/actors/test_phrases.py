"""Dictionary phrases over a sentence's words, the way PETRARCH dictionaries match."""

from __future__ import annotations

import spacy

from casus.actors.phrases import PhraseIndex, phrase_words, sentence_words, word_matches

NLP = spacy.blank("en")


def words(text: str) -> list[str]:
    return [w.text for w in sentence_words(NLP(text))]


def test_words_join_hyphens_and_split_underscores() -> None:
    assert words("an anti- Velmar rally in Kar-Dun") == ["AN", "ANTI-", "VELMAR", "RALLY",
                                                         "IN", "KAR-DUN"]
    assert words("the Prince of Ost_Varra") == ["THE", "PRINCE", "OF", "OST", "VARRA"]
    assert words("a three - way split") == ["A", "THREE", "-", "WAY", "SPLIT"]


def test_phrase_words_keep_a_final_underscore() -> None:
    assert phrase_words("THE_NORTH_ISLES") == ("THE", "NORTH", "ISLES")
    assert phrase_words("OSTRIA_") == ("OSTRIA_",)
    assert word_matches("OSTRIA_", "OSTRIA") and not word_matches("OST", "OSTRIA")


def test_longest_phrase_wins_and_words_are_whole() -> None:
    index: PhraseIndex[str] = PhraseIndex()
    index.add("NORTH", "N")
    index.add("NORTH_ISLES", "NI")
    index.add("THE_KE", "KE")  # a short name must not swallow the start of a longer word
    found = list(index.find_all(sentence_words(NLP("the North Isles and the Kessan envoy"))))
    assert [(s, e, v) for s, e, v in found] == [(1, 3, "NI")]
    found = list(index.find_all(sentence_words(NLP("the Ke delegation"))))
    assert [v for _, _, v in found] == ["KE"]
