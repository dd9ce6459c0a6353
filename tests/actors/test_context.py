"""Codes from context: title words, places as their countries, the home country."""

from __future__ import annotations

from datetime import date

import pytest

from casus.nlp.pipeline import load_pipeline

pytestmark = pytest.mark.slow


def _codes(text: str) -> dict[str, str | None]:
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    doc._.casus_published = date(2024, 6, 20)
    return {m.text: m.actor.code for m in nlp(doc)._.casus_mentions}


def test_context_title_words_give_a_person_country_and_role():
    codes = _codes("U.S. presidential envoy Amos Hochstein arrived in Beirut on Tuesday. "
                   "Later Hochstein met officials.")
    assert codes["Amos Hochstein"] == "USAGOV" and codes["Hochstein"] == "USAGOV"


def test_context_title_inside_the_mention():
    assert _codes("Colombian President Gustavo Petro welcomed the release.")[
        "Colombian President Gustavo Petro"] == "COLGOV"


def test_context_group_title_makes_a_member():
    assert _codes("Hezbollah leader Hassan Nasrallah warned Cyprus on Wednesday.")[
        "Hassan Nasrallah"] == "LBNREB"


def test_context_unknown_name_without_title_stays_uncoded():
    assert _codes("Liverpool forward Luis Diaz thanked the commission.")["Luis Diaz"] is None


def test_context_possessive_country_owns_the_agent():
    assert _codes("Iran's foreign ministry condemned the strikes.")[
        "Iran's foreign ministry"] == "IRNGOV"


def test_context_members_take_their_group_code_through_of_in_chains():
    codes = _codes("The arrest of the commander of the missile forces in Asaib Ahl al-Haq "
                   "sparked tensions in Baghdad.")
    assert codes["the commander"] == "IRQREB"
