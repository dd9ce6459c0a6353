"""The casus_places component in the pipeline: locations, and parties from places."""

from __future__ import annotations

import pytest

from casus.nlp.pipeline import load_pipeline

pytestmark = pytest.mark.slow


def _events(text: str) -> list:
    return load_pipeline()(text)._.casus_events


def test_places_strike_on_a_facility_targets_its_country():
    (event,) = [e for e in _events("Two missiles struck a grain terminal in Mykolaiv on "
                                   "Thursday.") if e.cameo_root == "19"]
    assert event.location is not None and event.location.country == "UKR"
    assert event.target is not None and event.target.country == "UKR"


def test_places_meeting_gets_no_target_and_delegates_no_country():
    (event,) = [e for e in _events("Delegations met in Nairobi on Friday to discuss the "
                                   "ceasefire.") if e.cameo_root == "04"]
    assert event.location is not None and event.location.country == "KEN"
    assert event.target is None
    assert event.source is None or event.source.country is None
