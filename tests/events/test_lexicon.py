"""The event lexicon: loads, every code exists, the format is checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from casus.errors import DictionaryError
from casus.events.lexicon import load_lexicon, parse_lexicon, read_yaml
from casus.events.ontology import is_code


def test_lexicon_loads_and_every_code_exists() -> None:
    lexicon = load_lexicon()
    assert len(lexicon.verbs) > 150 and len(lexicon.nouns) > 40
    assert all(is_code(code) for code in lexicon.codes())


def test_lexicon_covers_the_required_roots() -> None:
    roots = {code[:2] for code in load_lexicon().codes()}
    required = {
        "01",
        "02",
        "03",
        "04",
        "05",
        "08",
        "10",
        "11",
        "12",
        "13",
        "15",
        "16",
        "17",
        "18",
        "19",
    }
    assert required <= roots


def test_lexicon_keeps_on_and_off_as_words() -> None:
    lexicon = load_lexicon()
    assert any("off" in rule.particle for rule in lexicon.verbs["cut"].rules)
    assert any("on" in rule.prep for rule in lexicon.verbs["call"].rules)
    assert read_yaml("a: [on, off, yes, no]\nb: true") == {
        "a": ["on", "off", "yes", "no"],
        "b": True,
    }


def test_lexicon_speech_verbs_are_indexed() -> None:
    assert {"say", "tell", "accuse", "confirm"} <= load_lexicon().speech_lemmas


def test_lexicon_rejects_unknown_code() -> None:
    with pytest.raises(DictionaryError, match="999"):
        parse_lexicon({"verbs": {"zap": {"code": "999"}}})


def test_lexicon_rejects_unknown_keys_and_empty_entries() -> None:
    with pytest.raises(DictionaryError, match="colour"):
        parse_lexicon({"verbs": {"zap": {"code": "190", "colour": "red"}}})
    with pytest.raises(DictionaryError, match="needs"):
        parse_lexicon({"nouns": {"zap": {"target": ["on"]}}})
    with pytest.raises(DictionaryError, match="rule"):
        parse_lexicon({"verbs": {"zap": {"rules": [{"object": ["x"]}]}}})


def test_lexicon_loads_a_user_file(tmp_path: Path) -> None:
    path = tmp_path / "lex.yaml"
    path.write_text('verbs:\n  zap: {code: "190", target: [near]}\n', encoding="utf-8")
    entry = load_lexicon(path).verbs["zap"]
    assert entry.code == "190" and "near" in entry.target_preps


def test_lexicon_unreadable_file_is_a_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError):
        load_lexicon(tmp_path / "missing.yaml")
