"""Cleaning: debris goes, every real sentence stays, broken lines come back together."""

from __future__ import annotations

import re
from datetime import date

import pytest

from casus.clean import clean_document, clean_text
from casus.clean.language import foreign_spans
from casus.ingest import iter_inputs
from casus.records import RawDocument
from tests.conftest import SEEDS

DEBRIS = ("[ad_1]", "Leave a Reply", "Back to top button", "Post a Comment", "No comments:",
          "Show More", "Related Articles", "MonsterInsights", "Required fields are marked",
          "on YouTube here", "News i / p")


def _seeds() -> dict[str, tuple[RawDocument, str]]:
    out = {}
    for raw in iter_inputs([SEEDS]):
        assert isinstance(raw, RawDocument)
        out[raw.doc_id] = (raw, clean_document(raw).text)
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def test_clean_seeds_lose_all_debris():
    for _, text in _seeds().values():
        for debris in DEBRIS:
            assert debris not in text


def test_clean_seeds_keep_every_real_sentence():
    for raw, text in _seeds().values():
        cleaned = " ".join(_words(text))
        for paragraph in re.split(r"\n\s*\n|\n", raw.text or ""):
            # a headline's date stamp (", 20 JUNE") and a link stub are not sentences
            paragraph = re.sub(r",\s*\d{1,2} [A-Z]+$|(?<=\.)\s+link$", "", paragraph.strip())
            words = _words(paragraph)
            if len(words) >= 8 and not paragraph.strip().startswith("Your email"):
                assert " ".join(words) in cleaned, paragraph[:80]


def test_clean_dateline_gives_published_and_leaves_the_text():
    seeds = _seeds()
    raw, text = seeds["001_886702d4e5dac6fe"]
    doc = clean_document(raw)
    assert doc.published == date(2024, 6, 20) and doc.published_from == "dateline"
    assert not text.startswith("Thursday")


def test_clean_rejoins_lines_broken_mid_sentence():
    _, text = _seeds()["003_cc5115507b1f81c4"]
    assert "in the meantime, the political scientist" in text
    assert "the Hezbollah Brigades and the League of the Righteous;" in text


def test_clean_keeps_subheadings_as_their_own_paragraphs():
    text = clean_text("The talks ended late.\n\nNext steps\n\nThe envoy will return in May.")
    assert text.split("\n\n") == ["The talks ended late.", "Next steps",
                                  "The envoy will return in May."]


def test_clean_is_idempotent_and_deterministic():
    for _, text in _seeds().values():
        assert clean_text(text) == text


def test_clean_foreign_fragment_kept_and_reported():
    _, text = _seeds()["002_6167ed54e53ec71c"]
    spans = foreign_spans(text)
    assert spans and all(not text[s:e].isascii() for s, e in spans)
    assert any("پارلمان" in text[s:e] for s, e in spans)


@pytest.mark.parametrize("line", ["Thursday, June 20, 2024", "June 20, 2024", "20 June 2024",
                                  "2024-06-20"])
def test_clean_date_lines_are_datelines(line):
    doc = clean_document(RawDocument("d", "d", text=f"{line}\n\nTroops left the town on Monday."))
    assert doc.published == date(2024, 6, 20) and doc.text == "Troops left the town on Monday."


def test_clean_agency_dateline_is_kept_in_text():
    text = "KHARTOUM, April 16, 2023 (Agency) — Fighting spread across the capital."
    doc = clean_document(RawDocument("d", "d", text=text))
    assert doc.published == date(2023, 4, 16) and doc.text == text


def test_clean_metadata_date_wins_over_dateline():
    raw = RawDocument("d", "d", text="June 20, 2024\n\nTroops left the town.",
                      published=date(2024, 6, 21))
    doc = clean_document(raw)
    assert doc.published == date(2024, 6, 21) and doc.published_from == "metadata"


def test_clean_hard_wrapped_paragraphs_are_unwrapped_but_widgets_stay_apart():
    text = ("Rebels of the National Liberation Army said on Monday that their\n"
            "commanders had agreed to free the hostages held in the northern\n"
            "mountains.\n\nRelated Posts\nTalks resume in Caracas\nLeave a Reply\n")
    assert clean_text(text) == (
        "Rebels of the National Liberation Army said on Monday that their commanders had "
        "agreed to free the hostages held in the northern mountains.")
