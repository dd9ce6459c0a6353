"""PETRARCH verb patterns compiled and matched over a sentence's words."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from casus.actors.phrases import sentence_words
from casus.events.verbpatterns import Match, VerbDictionary, best_match, load_verbs, valid_code

NLP = spacy.blank("en")

# An invented verbs file in the PETRARCH format (synsets, blocks, forms, patterns).
VERBS = """\
&ARMS
+RIFLES
+HEAVY WEAPONS
+&DRONES

&DRONES
+ATTACK DRONES

--- SEND  [070]  ---
SEND {SENT}
- * &ARMS TO +  [0712]
- * ENVOY_TO +  [032]
- * TROOPS  [+++]   # a placeholder code: ignored

--- TEAR  [---] ---
TEAR {TORE TORN}
+TEAR_UP {+TORE_UP +TORN_UP +TEARS_UP +TEARING_UP}
- * UP_THE_ACCORD  [161]

--- SHIP [---] ---
SHIP
--- SHIP [0712] ---
SHIP
- $ HAS * TO +  [0711]
"""


@pytest.fixture(scope="module")
def verbs(tmp_path_factory: pytest.TempPathFactory) -> VerbDictionary:
    path: Path = tmp_path_factory.mktemp("verbs") / "mine.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    return load_verbs(path)


def match(verbs: VerbDictionary, text: str, at: int,
          actors: dict[int, int] | None = None) -> Match | str:
    """The pattern matched by the verb at word ``at`` (else the verb's code); ``actors``
    maps the first word of each actor phrase to its length."""
    words = sentence_words(NLP(text))
    found = verbs.verb_at(words, at)
    assert found is not None, text
    form, start, end = found
    actors = actors or {}

    def actor_at(side: str, w: int) -> tuple[int, int] | None:
        for first, length in actors.items():
            if (side == "l" and first == w) or (side == "u" and first + length - 1 == w):
                return length, first
        return None

    hit = best_match(form, words, start, end, len(words), verbs, actor_at)
    return hit if hit is not None else form.verb.code


def test_forms_regular_irregular_and_multiword(verbs: VerbDictionary) -> None:
    for text in ("Velmar sends", "Velmar sent", "Velmar sending", "Velmar sended"):
        assert verbs.verb_at(sentence_words(NLP(text)), 1) is not None, text
    assert verbs.verb_at(sentence_words(NLP("Velmar sendes")), 1) is None
    words = sentence_words(NLP("Velmar tore up the accord"))
    form, start, end = verbs.verb_at(words, 1)  # type: ignore[misc]
    assert form.words == ("TORE", "UP") and (start, end) == (1, 3)


def test_patterns_synsets_nested_and_joined(verbs: VerbDictionary) -> None:
    for text in ("Velmar sent heavy weapons to Ostria", "Velmar sent attack drones to Ostria"):
        hit = match(verbs, text, 1, {5: 1})
        assert isinstance(hit, Match) and hit.code == "0712" and hit.target == 5
    hit = match(verbs, "Velmar sent an envoy to Ostria", 1, {5: 1})
    assert isinstance(hit, Match) and hit.code == "032" and hit.target == 5
    # "ENVOY_TO": nothing may come between the two words
    assert match(verbs, "Velmar sent an envoy back to Ostria", 1, {6: 1}) == "070"
    # a placeholder code is no pattern: the verb's own code stands
    assert match(verbs, "Velmar sent troops", 1) == "070"


def test_multiword_pattern_and_merged_blocks(verbs: VerbDictionary) -> None:
    hit = match(verbs, "Kessa tore up the accord", 1)  # the particle read by the pattern
    assert isinstance(hit, Match) and hit.code == "161"
    assert match(verbs, "Kessa tore up the map", 1) == "---"
    # the two SHIP blocks are one verb: the later real code, the patterns of both
    assert match(verbs, "Velmar ships grain", 1) == "0712"
    hit = match(verbs, "Velmar has shipped the grain to Ostria", 2, {0: 1, 6: 1})
    assert isinstance(hit, Match) and (hit.code, hit.source, hit.target) == ("0711", 0, 6)


def test_valid_codes() -> None:
    assert valid_code("042") and valid_code("174K") and valid_code("032:033")
    assert not valid_code("---") and not valid_code("+++") and not valid_code("025?")
