"""Rules across a document's sentences (casus.events.document), full pipeline, on texts
written for these tests."""

from __future__ import annotations

import pytest

from tests.events.helpers import code

pytestmark = pytest.mark.slow




def test_document_condolences_go_to_the_victims_country():
    events = code("Al-Shabaab fighters attacked a hotel in Mogadishu, killing twelve Somali "
                     "civilians. We offer our deepest condolences to the families of the "
                     "victims.", source="US State Department")
    (condolence,) = [e for e in events if e.cameo == "018"]
    assert condolence.source is not None and condolence.source.country == "USA"
    assert condolence.target is not None and condolence.target.country == "SOM"


def test_document_condolences_without_an_attack_nearby_stay_as_written():
    events = code("We offer our deepest condolences to the families of the victims.",
                     source="US State Department")
    (condolence,) = [e for e in events if e.cameo == "018"]
    assert condolence.target is None or not condolence.target.country


def test_document_a_demand_for_release_is_addressed_to_the_captors():
    events = code("Boko Haram fighters abducted Amina Bello, a nurse, near Maiduguri. "
                  "Nigeria's army said troops were searching the forest. "
                  "The Nigerian government demanded her immediate release.")
    (demand,) = [e for e in events if e.cameo == "1053"]
    assert demand.target is not None and demand.target.code == "NGAREB"


def test_document_a_demand_for_release_with_no_captor_told_stays_unaddressed():
    events = code("The Nigerian government demanded the immediate release of the nurses.")
    (demand,) = [e for e in events if e.cameo == "1053"]
    assert demand.target is None


def test_document_a_dismissed_account_is_a_denial_of_its_teller():
    events = code("Russia's defence ministry gave a different account, saying Ukrainian "
                  "drones had struck a school in Kursk. Kyiv's general staff dismissed "
                  "that version as propaganda.")
    (denial,) = [e for e in events if e.cameo == "016"]
    assert denial.target is not None and denial.target.country == "RUS"
    (strike,) = [e for e in events if e.cameo_root == "19"]
    assert strike.attribution is not None and strike.attribution.speaker is not None
    assert "defence ministry" in strike.attribution.speaker.text
