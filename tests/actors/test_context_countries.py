"""Countries from context for names the dictionary does not know: possessives and
adjectives, abbreviations, a government's own officials, domestic titles, armed
groups of the home country, members named by their group. Invented names only."""

from __future__ import annotations

from datetime import date

import pytest

from casus.actors.context import (
    context_words,
    named_home_country,
    own_words,
    title_role,
)
from casus.actors.dictionary import default_dictionary
from casus.records import ActorRef, Mention


def _mentions(*countries: str) -> list[Mention]:
    return [Mention(text=c, start=i, end=i + 1, char_start=i, char_end=i + 1,
                    actor=ActorRef(text=c, code=c, country=c))
            for i, c in enumerate(countries)]


def test_context_own_words_leave_out_sponsors():
    assert own_words("Rwanda-backed") == ""
    assert own_words("the U.S.-led") == "the"
    assert own_words("Iran-aligned militia leader") == "militia leader"
    assert own_words("pro-Iranian militia") == "militia"
    assert own_words("Iran's ambassador") == "Iran ambassador"
    assert own_words("al-Qaeda commander") == "al-Qaeda commander"


def test_context_title_role_reads_the_head_of_the_title():
    assert title_role("Interim Prime Minister") == "GOV"
    assert title_role("Senior General") == "MIL"
    assert title_role("Junta spokesman Major General") == "MIL"
    assert title_role("Gen.") == "MIL"
    assert title_role("Defence Minister") == "MIL"
    assert title_role("Liverpool forward") is None
    assert title_role("Minister for the Middle East") is None


def test_context_official_titles_only_in_a_government_statement():
    assert title_role("Ambassador") is None
    assert title_role("Ambassador", official=True) == "GOV"
    assert title_role("Foreign Secretary", official=True) == "GOV"


def test_context_titles_come_from_data():
    words = context_words()
    assert words.domestic["president"] == "GOV" and words.domestic["colonel"] == "MIL"
    assert "army" in words.armed_ends and "liberation" in words.armed_contains


def test_context_named_home_country_needs_a_clear_lead():
    dic = default_dictionary()
    assert named_home_country(_mentions("PER", "PER", "PER", "CHL"), dic) == "PER"
    assert named_home_country(_mentions("PER", "PER", "PER", "CHL", "CHL"), dic) is None
    assert named_home_country(_mentions("IMG", "IMG", "IMG", "SYR"), dic) is None


@pytest.mark.slow
class TestInText:
    """Through the pipeline, on sentences written for these tests."""

    @staticmethod
    def codes(text: str, source: str | None = None) -> dict[str, str | None]:
        from casus.nlp.pipeline import load_pipeline

        nlp = load_pipeline()
        doc = nlp.make_doc(text)
        doc._.casus_published = date(2024, 6, 20)
        doc._.casus_source = source
        return {m.text: m.actor.code for m in nlp(doc)._.casus_mentions}

    def test_context_possessive_country_and_abbreviation(self):
        codes = self.codes("Peru's Andean Dawn Front (FAD) released two engineers on "
                           "Monday. The FAD said the release was a gesture of goodwill.")
        assert codes["Andean Dawn Front"] == "PER" and codes["FAD"] == "PER"

    def test_context_description_before_a_name(self):
        codes = self.codes("The Chadian rebel group Union of Desert Forces attacked a "
                           "garrison on Sunday.")
        assert codes["Union of Desert Forces"] == "TCDREB"

    def test_context_country_word_in_an_organisation_name(self):
        assert self.codes("The Somali Coastal Guard Alliance said it had seized a "
                          "fishing boat.")["Somali Coastal Guard Alliance"] == "SOM"

    def test_context_sponsor_is_not_the_owner(self):
        codes = self.codes("Chad-backed Lake Shore Brigade attacked the camp. The "
                           "U.S.-led Northern Shield Coalition struck the base.")
        assert not (codes["Lake Shore Brigade"] or "").startswith("TCD")
        assert not (codes["U.S.-led Northern Shield Coalition"] or "").startswith("USA")

    def test_context_government_statement_officials(self):
        text = ("Minister Harold Finchley said the attack was appalling. Ambassador "
                "Petra Lindqvist met the governor.")
        codes = self.codes(text, source="UK Government")
        assert codes["Minister Harold Finchley"] == "GBRGOV"
        assert codes["Ambassador Petra Lindqvist"] == "GBRGOV"
        assert self.codes(text)["Ambassador Petra Lindqvist"] is None

    def test_context_domestic_titles_take_the_home_country(self):
        codes = self.codes(
            "Peru's government said on Monday that troops had retaken the town of "
            "Ayacucho. President Lucia Carranza visited Lima and Cusco. General Tomas "
            "Quispe said Peruvian troops would stay in Peru. Peruvian police arrested "
            "ten people.")
        assert codes["President Lucia Carranza"] == "PERGOV"
        assert codes["General Tomas Quispe"] == "PERMIL"

    def test_context_no_home_country_no_guess(self):
        codes = self.codes("Peru and Chile held talks in Lima and Santiago. President "
                           "Lucia Carranza spoke. Chile's government and Peru's "
                           "government signed.")
        assert codes["President Lucia Carranza"] is None

    def test_context_armed_group_names_of_the_home_country(self):
        codes = self.codes(
            "In Mali, the Azawad Dawn Army attacked a base. Malian troops said Malian "
            "soldiers repelled it, the Malian government said. Bamako said the Kidal "
            "Sons Movement fled. The Free Chadian Army was not involved.")
        assert codes["Azawad Dawn Army"] == "MLIREB"
        assert codes["Kidal Sons Movement"] == "MLIREB"
        assert codes["Free Chadian Army"] == "TCD"  # its own country word, not Mali

    def test_context_group_title_names_the_members_group(self):
        codes = self.codes("Peru's Andean Dawn Front (FAD) released two engineers. FAD "
                           "commander Ramiro Ortiz told reporters the talks would go on.")
        assert codes["Ramiro Ortiz"] == "PER"

    def test_context_sponsor_title_gives_no_group(self):
        assert self.codes("Iran-backed militia leader Haidar Saleh threatened the "
                          "base.")["Haidar Saleh"] is None


@pytest.mark.slow
def test_context_a_definite_title_is_the_person_introduced_with_it():
    codes = TestInText.codes(
        "Kenyan presidential envoy Wanjiru Odhiambo arrived in Juba on Monday. South "
        "Sudan's foreign minister met her. The South Sudanese government and South Sudan's "
        "army welcomed the visit. Later the envoy told reporters the talks had gone well.")
    assert codes["the envoy"] == "KEN" or str(codes["the envoy"]).startswith("KEN")


def test_context_a_publishers_own_officials_do_not_make_its_home_country():
    from casus.actors.context import home_country

    mentions = _mentions("GBR", "GBR", "GBR", "IRQ", "IRQ")
    assert home_country(mentions) == "GBR"
    assert home_country(mentions, publisher="GBR") == "IRQ"


@pytest.mark.slow
def test_context_victims_in_a_governments_statement_are_of_the_country_it_is_about():
    codes = TestInText.codes(
        "Minister Jane Holt said: I condemn the attack in Mosul. The UK Foreign Secretary "
        "and the British ambassador spoke to the Iraqi government and Iraqi police. I "
        "offer my condolences to the civilians.", source="UK Government")
    assert codes["the civilians"] == "IRQCVL"
