"""The coder's sentence-level rules over the full pipeline: what a statement is a vehicle
for, whom a denial, condemnation or welcome is about, reciprocal acts, gerunds' doers,
and headlines that restate the story (casus.events.coder). Sentences written for these
tests, several regions."""

from __future__ import annotations

from datetime import date

import pytest

from casus.events.coder import headline_end
from casus.nlp.pipeline import load_pipeline


def _events(text: str):  # type: ignore[no-untyped-def]
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    doc._.casus_published = date(2024, 6, 20)
    return nlp(doc)._.casus_events


def _dyads(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.cameo_root, e.source and e.source.country, e.target and e.target.country)
            for e in _events(text) if not e.negated}


@pytest.mark.slow
@pytest.mark.parametrize("sentence", [
    "The Somali president told reporters the government would not negotiate.",
    "The general told the Kenyan envoy that the army had shelled the rebel camp.",
])
def test_rules_telling_is_a_vehicle_not_a_statement(sentence):
    assert all(e.cameo != "010" for e in _events(sentence))


@pytest.mark.slow
def test_rules_a_denial_is_aimed_at_the_target_of_the_denied_act():
    events = _events("Azerbaijan denied shelling Armenian villages near the border.")
    (denial,) = [e for e in events if e.cameo == "016"]
    assert denial.source is not None and denial.source.country == "AZE"
    assert denial.target is not None and denial.target.country == "ARM"


@pytest.mark.slow
@pytest.mark.parametrize("sentence,target", [
    ("Kenya condemned the attack on the hotel, for which al-Shabaab claimed responsibility.",
     "SOM"),
    ("Pakistan condemned the U.S.-led strikes on the camp.", "USA"),
    ("Nigeria condemned the attacks in Borno claimed by Boko Haram.", "NGA"),
])
def test_rules_a_condemnation_targets_the_doer_of_the_attack(sentence, target):
    (condemnation,) = [e for e in _events(sentence) if e.cameo_root == "11"]
    assert condemnation.target is not None and condemnation.target.country == target


@pytest.mark.slow
def test_rules_welcoming_news_welcomes_whoever_the_news_is_about():
    assert ("05", "FRA", "MLI") in _dyads(
        "France welcomed the news that the Malian army had freed the hostages.")


@pytest.mark.slow
def test_rules_each_of_two_did_it_to_the_other():
    assert {("08", "ARM", "AZE"), ("08", "AZE", "ARM")} <= _dyads(
        "Armenia and Azerbaijan each released twenty prisoners of war on Friday.")


@pytest.mark.slow
@pytest.mark.parametrize("sentence,dyad", [
    ("The Qatari emir arrived in Cairo on Monday, a day after meeting Turkish President "
     "Erdogan in Ankara.", ("04", "QAT", "TUR")),
    ("The Houthis responded by firing missiles at Saudi warships.", ("19", "YEM", "SAU")),
])
def test_rules_a_gerund_is_done_by_its_clause_subject(sentence, dyad):
    assert dyad in _dyads(sentence)


@pytest.mark.slow
def test_rules_recalling_its_ambassador_from_a_capital_targets_that_country():
    assert ("16", "PAK", "AFG") in _dyads("Pakistan recalled its ambassador from Kabul.")


@pytest.mark.slow
def test_rules_taking_a_town_from_a_party_targets_the_party():
    dyads = _dyads("Ukrainian troops retook the village of Robotyne from Russian forces.")
    assert ("19", "UKR", "RUS") in dyads
    assert ("19", "UKR", "UKR") not in dyads


def test_rules_headline_is_a_short_first_line_without_final_punctuation():
    assert headline_end("Rebels seize town\nGOMA - Rebels seized the town.") == 17
    assert headline_end("Rebels seized the town.\nMore follows.") == 0
    assert headline_end("One line only") == 0


@pytest.mark.slow
def test_rules_a_headline_restating_the_story_is_not_a_second_event():
    text = ("Ethiopian army shells Eritrean positions\n"
            "ADDIS ABABA, March 3 - The Ethiopian army shelled Eritrean positions near the "
            "border on Sunday.")
    attacks = [e for e in _events(text) if e.cameo_root == "19"]
    assert len(attacks) == 1 and attacks[0].trigger == "shelled"
    # a headline the body does not restate stays
    other = _events("Kenya recalls its envoy to Somalia\nNAIROBI, March 3 - The Ethiopian "
                    "army shelled Eritrean positions near the border on Sunday.")
    assert {e.cameo_root for e in other} == {"16", "19"}


@pytest.mark.slow
def test_rules_a_rally_is_against_whom_its_slogans_are():
    assert ("14", None, "FRA") in {(r, None, t) for r, _, t in _dyads(
        "Thousands of people rallied in Bamako on Friday, chanting slogans against France.")}


@pytest.mark.slow
def test_rules_protesters_attacking_an_embassy_is_a_violent_protest():
    dyads = _dyads("Hundreds of protesters attacked the embassies of Rwanda and France in "
                   "Kinshasa on Tuesday.")
    assert {("14", "RWA"), ("14", "FRA")} <= {(r, t) for r, _, t in dyads}
    assert not [d for d in dyads if d[0] == "19"]


@pytest.mark.slow
def test_rules_the_group_is_the_group_just_named():
    events = _events("Al-Shabaab stormed a hotel in Mogadishu on Friday. Police said the group "
                     "had also attacked an army base.")
    assert all(e.source is not None and e.source.country == "SOM"
               for e in events if e.cameo_root == "19")


@pytest.mark.slow
def test_rules_claiming_an_attack_is_a_claim_and_an_attack():
    events = _events("Boko Haram claimed the attack on a market in Maiduguri.")
    assert any(e.cameo == "015" and e.source and e.source.country == "NGA" for e in events)
    assert any(e.cameo_root == "19" and e.source and e.source.country == "NGA"
               for e in events)


@pytest.mark.slow
def test_rules_terrorist_attacks_are_unconventional_violence():
    events = _events("Al-Shabaab carried out terrorist attacks on two hotels in Mogadishu.")
    assert [e.cameo for e in events if e.source is not None] == ["180"]


@pytest.mark.slow
def test_rules_a_condemnation_is_aimed_at_the_doer_named_nearby():
    events = _events("Kenya condemned the attacks in Garissa. Al-Shabaab claimed the attacks on "
                     "Saturday.")
    (condemnation,) = [e for e in events if e.cameo_root == "11"]
    assert condemnation.target is not None and condemnation.target.country == "SOM"
