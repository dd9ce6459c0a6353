"""Readiness frames as threats, and what a country holds as that country (full pipeline)."""

from __future__ import annotations

from datetime import date

import pytest

from casus.nlp.pipeline import load_pipeline

pytestmark = pytest.mark.slow


def _events(text: str):  # type: ignore[no-untyped-def]
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    doc._.casus_published = date(2024, 6, 20)
    return nlp(doc)._.casus_events


@pytest.mark.parametrize("sentence,code,source,target", [
    ("The Kataib Hezbollah militia said it is able and determined to expel US forces "
     "from Iraq by all means.", "136", "IRQ", "USA"),
    ("The rebel council announced a meeting, as it stressed its ability to end the "
     "Ethiopian presence in the region.", "136", None, "ETH"),
    ("The Houthis said they are ready to strike American warships in the Red Sea.",
     "138", "YEM", "USA"),
    ("Sudanese police are prepared to arrest the protest leaders.", "137", "SDN", None),
])
def test_frames_readiness_to_act_is_an_asserted_threat(sentence, code, source, target):
    threats = [e for e in _events(sentence) if e.cameo_root == "13"]
    assert threats, [(e.cameo, e.trigger) for e in _events(sentence)]
    event = threats[0]
    assert event.cameo == code and event.modality == "asserted" and not event.negated
    if source:
        assert event.source is not None and event.source.country == source
    if target:
        assert event.target is not None and event.target.country == target


def test_frames_plain_action_is_not_a_threat():
    (event,) = [e for e in _events("Sudanese police arrested the protest leaders on Monday.")
                if e.cameo_root == "17"]
    assert event.cameo == "173"


def test_frames_held_things_belong_to_the_modifying_country():
    events = _events("Gunmen fired rockets at the American embassy in Baghdad on Friday.")
    assert any(e.cameo_root == "19" and e.target and e.target.country == "USA" for e in events)


def test_frames_object_pronoun_taken_back_to_what_the_verb_can_take():
    events = _events("The rebel alliance met to discuss the French presence in Mali, as it "
                     "affirmed its ability to end it by force.")
    (threat,) = [e for e in events if e.cameo_root == "13"]
    assert threat.target is not None and threat.target.country == "FRA"


@pytest.mark.parametrize("sentence,code,source,target", [
    ("The UK is committed to supporting the Iraqi government against ISIL.", "032", "GBR",
     "IRQ"),
    ("The United States reaffirms its commitment to support the government of Iraq.", "032",
     "USA", "IRQ"),
    ("Turkey said it was willing to meet the Iraqi prime minister.", "036", "TUR", "IRQ"),
])
def test_frames_commitment_to_cooperate_is_an_intent(sentence, code, source, target):
    events = _events(sentence)
    intents = [e for e in events if e.cameo_root == "03"]
    assert [e.cameo for e in intents] == [code], [(e.cameo, e.trigger) for e in events]
    event = intents[0]
    assert event.modality == "asserted" and not event.negated
    assert event.source is not None and event.source.country == source
    assert event.target is not None and event.target.country == target  # never ISIL
    assert not [e for e in events if e.cameo_root == "05"]  # the support is not coded too


def _statement(text: str, source: str | None):  # type: ignore[no-untyped-def]
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    doc._.casus_published = date(2016, 7, 4)
    doc._.casus_source = source
    return nlp(doc)._.casus_events


def test_we_in_a_government_statement_is_that_government():
    text = ("A suicide bombing killed dozens of shoppers in Baghdad, Iraq. We extend our "
            "deepest condolences to the families of the victims.")
    condolences = [e for e in _statement(text, "US State Department") if e.cameo == "018"]
    assert len(condolences) == 1
    event = condolences[0]
    assert event.source is not None and event.source.code == "USAGOV"
    assert event.source.text == "We"
    assert event.target is not None and event.target.code == "IRQCVL"  # the families
    # in a news report "we" is nobody casus can name: no party is invented
    assert not [e for e in _statement(text, None) if e.cameo == "018" and e.source]
