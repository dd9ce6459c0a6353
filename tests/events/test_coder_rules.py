"""The coder's sentence-level rules over the full pipeline: what a statement is a vehicle
for, whom a denial, condemnation or welcome is about, reciprocal acts, gerunds' doers,
and headlines that restate the story (casus.events.coder). Sentences written for these
tests, several regions."""

from __future__ import annotations

import pytest

from casus.events.document import headline_end
from tests.events.helpers import code


def _dyads(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.cameo_root, e.source and e.source.country, e.target and e.target.country)
            for e in code(text) if not e.negated}


@pytest.mark.slow
@pytest.mark.parametrize("sentence", [
    "The Somali president told reporters the government would not negotiate.",
    "The general told the Kenyan envoy that the army had shelled the rebel camp.",
])
def test_rules_telling_is_a_vehicle_not_a_statement(sentence):
    assert all(e.cameo != "010" for e in code(sentence))


@pytest.mark.slow
def test_rules_a_denial_is_aimed_at_the_target_of_the_denied_act():
    events = code("Azerbaijan denied shelling Armenian villages near the border.")
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
    (condemnation,) = [e for e in code(sentence) if e.cameo_root == "11"]
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
    attacks = [e for e in code(text) if e.cameo_root == "19"]
    assert len(attacks) == 1 and attacks[0].trigger == "shelled"
    # a headline the body does not restate stays
    other = code("Kenya recalls its envoy to Somalia\nNAIROBI, March 3 - The Ethiopian "
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
    events = code("Al-Shabaab stormed a hotel in Mogadishu on Friday. Police said the group "
                     "had also attacked an army base.")
    assert all(e.source is not None and e.source.country == "SOM"
               for e in events if e.cameo_root == "19")


@pytest.mark.slow
def test_rules_claiming_an_attack_is_a_claim_and_an_attack():
    events = code("Boko Haram claimed the attack on a market in Maiduguri.")
    assert any(e.cameo == "015" and e.source and e.source.country == "NGA" for e in events)
    assert any(e.cameo_root == "19" and e.source and e.source.country == "NGA"
               for e in events)


@pytest.mark.slow
def test_rules_terrorist_attacks_are_unconventional_violence():
    events = code("Al-Shabaab carried out terrorist attacks on two hotels in Mogadishu.")
    assert [e.cameo for e in events if e.source is not None] == ["180"]


@pytest.mark.slow
def test_rules_a_condemnation_is_aimed_at_the_doer_named_nearby():
    events = code("Kenya condemned the attacks in Garissa. Al-Shabaab claimed the attacks on "
                     "Saturday.")
    (condemnation,) = [e for e in events if e.cameo_root == "11"]
    assert condemnation.target is not None and condemnation.target.country == "SOM"


@pytest.mark.slow
def test_rules_a_jihadist_groups_attack_on_civilians_is_unconventional_violence():
    dyads = _dyads("Islamic State militants attacked a wedding party in the village.")
    assert any(r == "18" for r, _, _ in dyads)
    fights = _dyads("Islamic State militants attacked Iraqi army positions near Kirkuk.")
    assert ("19", "IMG", "IRQ") in fights  # a fight with an army stays military force


@pytest.mark.slow
def test_rules_who_faces_the_shelling_is_its_target_and_both_acts_have_the_doer():
    dyads = _dyads("In Idlib, civilians are facing ongoing shelling and airstrikes by the "
                   "Syrian regime.")
    assert {("19", "SYR", "SYR")} <= dyads
    assert len([e for e in code("In Idlib, civilians are facing ongoing shelling and "
                                   "airstrikes by the Syrian regime.")
                if e.source is not None]) == 2


@pytest.mark.slow
def test_rules_militias_like_a_named_group_are_that_group():
    dyads = _dyads("Around Daraa, civilians are facing ongoing shelling and airstrikes by the "
                   "Syrian regime and militias like Hezbollah.")
    assert ("19", "LBN", "SYR") in dyads and ("19", "SYR", "SYR") in dyads


@pytest.mark.slow
def test_rules_who_is_concerned_and_calls_is_the_one_who_calls():
    events = code("Kenya is alarmed by the fighting and has called on both sides to agree "
                     "to a ceasefire.")
    (call,) = [e for e in events if e.cameo_root == "02"]
    assert call.source is not None and call.source.country == "KEN"


@pytest.mark.slow
def test_rules_a_pledge_is_about_the_act_it_pledges():
    events = code("Qatar pledged that it would fund the reconstruction of Gaza's hospitals.")
    (pledge,) = [e for e in events if e.cameo_root == "03"]
    assert pledge.cameo == "0331"
    assert pledge.target is not None and pledge.target.country == "PSE"


@pytest.mark.slow
def test_rules_talks_with_one_and_with_another_are_talks_with_both():
    events = code("The envoy Amos Hochstein held talks with Speaker Nabih Berri, who "
                     "leads parliament, and with Prime Minister Najib Mikati.")
    assert len([e for e in events if e.cameo_root == "04" and e.target is not None]) == 2


@pytest.mark.slow
def test_rules_the_city_is_the_city_just_named():
    dyads = _dyads("Israeli tanks pushed into the city of Rafah on Monday. Hamas fighters "
                   "attacked the city's outskirts, and Israeli jets struck the city again on "
                   "Tuesday.")
    assert ("19", "ISR", "PSE") in dyads


@pytest.mark.slow
def test_rules_a_denial_of_an_uncoded_act_is_about_its_object():
    (denial,) = [e for e in code("Uganda denied backing the Congolese rebels.")
                 if e.cameo == "016"]
    assert denial.target is not None and denial.target.text.endswith("rebels")


@pytest.mark.slow
def test_rules_denied_reports_deny_their_content():
    events = code("The Egyptian presidency denied reports that its envoy had asked Qatar for "
                  "funds.")
    (denial,) = [e for e in events if e.cameo == "016"]
    assert denial.target is not None and denial.target.country == "QAT"
    assert all(e.negated for e in events if e.cameo_root == "02")


@pytest.mark.slow
def test_rules_a_warning_with_a_condition_is_a_conditional_threat():
    (threat,) = [e for e in code("Hamas warned Jordan that if it opened its airspace to "
                                 "Israel, it would be a target.") if e.cameo_root == "13"]
    assert threat.modality == "conditional"


@pytest.mark.slow
def test_rules_a_truce_announced_by_two_is_announced_by_each():
    dyads = _dyads("The truce announced by Egypt and Qatar held on Sunday.")
    assert {("08", "EGY", None), ("08", "QAT", None)} <= dyads
    assert ("08", "EGY", "QAT") not in dyads


@pytest.mark.slow
def test_rules_the_troops_a_country_sends_are_no_party():
    events = code("Ethiopia and Eritrea sent troops to the border region on Monday.")
    deployments = [e for e in events if e.cameo_root == "15"]
    assert {e.source.country for e in deployments if e.source} == {"ETH", "ERI"}
    assert all(e.target is None for e in deployments)


@pytest.mark.slow
def test_rules_fighters_hired_from_a_named_group_are_that_groups():
    events = code("The Libyan government denied hiring fighters from the Wagner Group.")
    (denial,) = [e for e in events if e.cameo == "016"]
    assert denial.target is not None and denial.target.country == "RUS"


@pytest.mark.slow
def test_rules_civilians_rescued_from_a_group_are_not_the_groups():
    events = code("Kurdish forces rescued civilians from the Islamic State group.")
    assert all(e.target is None or e.target.code != "IMGREB" or e.cameo_root != "07"
               for e in events)


@pytest.mark.slow
def test_rules_both_sides_of_a_civil_war_are_their_country():
    events = code("The Ethiopian army clashed with Fano militiamen in Amhara, Ethiopia. "
                  "The army shelled Fano positions. Fano fighters ambushed an army convoy. "
                  "The African Union urged both sides to agree to a ceasefire.")
    (appeal,) = [e for e in events if e.cameo_root == "02"]
    assert appeal.target is not None and appeal.target.code == "ETH"


@pytest.mark.slow
def test_rules_both_sides_of_a_war_between_countries_are_each_side():
    events = code("Armenian troops shelled Azerbaijani army positions. Azerbaijani forces "
                  "struck Armenian troops near the border. Russia urged both sides to halt "
                  "the fighting.")
    targets = {e.target.country for e in events if e.cameo_root == "02" and e.target}
    assert targets == {"ARM", "AZE"}


@pytest.mark.slow
def test_rules_both_sides_with_no_war_named_is_no_one():
    events = code("The mediator urged both sides to compromise.")
    assert all(e.target is None for e in events if e.cameo_root == "02")


@pytest.mark.slow
def test_rules_an_invitation_to_visit_is_an_intent_to_meet():
    events = code("Vietnam has invited the Philippine president to visit Hanoi next month.")
    assert [(e.cameo, e.target and e.target.country) for e in events] == [("036", "PHL")]


@pytest.mark.slow
def test_rules_seizing_a_person_named_before_is_an_abduction():
    events = code("Gunmen abducted Maria Sanchez Ortiz near Cucuta, Colombia, on Monday. "
                  "Colombian police said Colombian troops were searching. Ortiz, 63, was "
                  "seized by men on motorcycles.")
    assert {e.cameo for e in events if "seized" in e.trigger} == {"181"}


@pytest.mark.slow
def test_rules_a_speaker_hung_on_the_last_noun_is_no_party():
    events = code("At least nine people were killed when drones struck a market in Kidal, "
                  "Mali, on Sunday, a local official and a rebel spokesman said.")
    assert events and all("official" not in (e.target.text if e.target else "")
                          for e in events)
    assert all(e.modality == "reported" for e in events)
    assert any(e.attribution and e.attribution.speaker
               and "official" in e.attribution.speaker.text for e in events)


@pytest.mark.slow
def test_rules_support_between_armed_forces_is_military_cooperation():
    events = code("The Kenyan army has supported the Somali National Army against "
                  "al-Shabaab since 2011.")
    assert {e.cameo for e in events if e.cameo_root in ("05", "06")} == {"062"}


@pytest.mark.slow
def test_rules_political_support_stays_support():
    events = code("Kenya has supported the Somali government in the talks.")
    assert {e.cameo for e in events if e.cameo_root in ("05", "06")} == {"050"}


@pytest.mark.slow
@pytest.mark.parametrize("sentence", [
    "Armenia and Azerbaijan each released 32 soldiers on Thursday in an exchange "
    "brokered by the United States.",
    "The United States brokered a deal between Armenia and Azerbaijan.",
    "A ceasefire brokered by the United States between Armenia and Azerbaijan held.",
])
def test_rules_a_mediator_mediates_between_the_parties(sentence):
    mediation = [e for e in code(sentence) if e.cameo == "045"]
    assert {(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in mediation} == {("USA", "ARM"), ("USA", "AZE")}


@pytest.mark.slow
def test_rules_ordering_a_diplomat_to_leave_is_an_expulsion_and_closing_consulates():
    events = code("Chad's government ordered the French ambassador to leave the country "
                  "within 72 hours and shut French consulates in Abeche.")
    codes = {(e.cameo, e.target.country if e.target else None) for e in events}
    assert ("166", "FRA") in codes and ("161", "FRA") in codes
    assert all(e.source is not None and e.source.country == "TCD" for e in events)


@pytest.mark.slow
def test_rules_the_accused_did_what_they_are_accused_of():
    events = code("Serbia's defence ministry accused Kosovo police of firing at its "
                  "patrol near the border.")
    (fire,) = [e for e in events if e.cameo_root == "19"]
    assert fire.source is not None and fire.source.country == "XKX"
    assert fire.modality == "reported"


@pytest.mark.slow
def test_rules_who_travels_for_talks_holds_them():
    events = code("Japan's foreign minister is due in Seoul on Friday for talks with "
                  "South Korea's foreign minister.")
    (talks,) = [e for e in events if e.cameo == "040"]
    assert talks.source is not None and talks.source.country == "JPN"
    assert talks.target is not None and talks.target.country == "KOR"
    assert talks.modality == "future"


@pytest.mark.slow
def test_rules_the_two_men_are_the_two_people_just_named():
    events = code("Kenya's President William Ruto received Ethiopia's Prime Minister Abiy "
                  "Ahmed in Nairobi on Monday. The two men discussed the drought.")
    talks = [e for e in events if e.cameo == "040"]
    assert {(e.source.country, e.target.country) for e in talks
            if e.source and e.target} & {("KEN", "ETH"), ("ETH", "KEN")}


@pytest.mark.slow
def test_rules_what_is_discussed_is_no_party():
    events = code("Blinken discussed plans for a Ukrainian counteroffensive with Lavrov.")
    (talks,) = [e for e in events if e.cameo == "040"]
    assert talks.target is not None and talks.target.country == "RUS"


@pytest.mark.slow
def test_rules_captives_freed_are_freed_by_who_held_them():
    events = code("Haitian gang members kidnapped two Canadian nurses in Port-au-Prince. "
                  "Two Canadian nurses held by the gang were released on Friday.")
    (release,) = [e for e in events if e.cameo == "0841"]
    assert release.source is not None and release.source.role == "CRM"


@pytest.mark.slow
def test_rules_a_visit_is_to_where_it_took_place():
    events = code("Chad's foreign minister arrived in Khartoum on Monday for a two-day visit.")
    assert [(e.cameo, e.target.country if e.target else None) for e in events] == [
        ("042", "SDN")]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "cameo"), [
    ("Vietnam lodged a strong protest with China over the collision.", "114"),
    ("Moscow dismissed the report as fabricated.", "016"),
    ("Seoul summoned a senior official of the Japanese embassy.", "111"),
])
def test_rules_diplomatic_protests_and_dismissals(sentence, cameo):
    assert cameo in {e.cameo for e in code(sentence)}


@pytest.mark.slow
def test_rules_them_after_a_clause_is_its_object():
    events = code("Niger's junta expelled three French diplomats, accusing them of spying.")
    (accusation,) = [e for e in events if e.cameo_root == "11"]
    assert accusation.target is not None and accusation.target.country == "FRA"


@pytest.mark.slow
def test_rules_he_opening_a_sentence_is_the_one_person_just_named():
    events = code("Opposition leader Bobi Wine rejected the election result. He demanded "
                  "that Uganda's electoral commission resign.")
    (demand,) = [e for e in events if e.cameo_root == "10"]
    assert demand.source is not None and demand.source.code == "UGAOPP"


@pytest.mark.slow
def test_rules_he_after_two_people_is_no_one():
    events = code("Bobi Wine met Yoweri Museveni. He demanded a recount.")
    assert all(e.source is None for e in events if e.cameo_root == "10")


@pytest.mark.slow
def test_rules_readiness_described_in_a_relative_clause_is_no_threat():
    events = code("The army said its jets hit fighters who were preparing to attack Goma.")
    assert all(e.cameo_root != "13" for e in events)


@pytest.mark.slow
def test_rules_people_accused_of_something_is_no_accusation():
    events = code("Police in Nairobi detained 12 people accused of funding al-Shabaab.")
    assert all(e.cameo_root != "11" for e in events)
    assert any(e.cameo == "173" for e in events)
