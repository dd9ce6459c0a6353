"""Triggers added from gold misses: each case written for this test (full pipeline)."""

from __future__ import annotations

from datetime import date

import pytest

from casus.nlp.pipeline import load_pipeline

pytestmark = pytest.mark.slow


def _coded(text: str) -> list[tuple[str, str | None, str | None, bool]]:
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    doc._.casus_published = date(2024, 6, 20)
    return [(e.cameo, e.source and e.source.country, e.target and e.target.country, e.negated)
            for e in nlp(doc)._.casus_events]


@pytest.mark.parametrize("text,code,source,target", [
    ("Two Russian guided bombs struck a shopping centre on Saturday.", "190", "RUS", None),
    ("Hezbollah said it launched a swarm of drones at an Israeli army base.", "195", "LBN",
     "ISR"),
    ("The Israeli army called up two reserve brigades on Tuesday.", "154", "ISR", None),
    ("Rwanda denied backing the rebels.", "016", "RWA", None),
    ("ECOWAS closed its members' borders with Mali.", "163", "IGO", "MLI"),
    ("The factions entered into a truce with the American side in February.", "0871", None,
     "USA"),
    ("Baghdad filed a complaint with the UN Security Council on Tuesday.", "114", "IRQ", "IGO"),
    ("Lithuania summoned the Belarusian ambassador on Monday.", "111", "LTU", "BLR"),
])
def test_more_triggers_code_and_parties(text, code, source, target):
    found = [c for c in _coded(text) if c[0] == code]
    assert found, _coded(text)
    _, src, tgt, negated = found[0]
    assert not negated
    if source:
        assert src == source
    if target:
        assert tgt == target


def test_more_triggers_deaths_from_an_attack_are_not_a_second_event():
    coded = _coded("Russian missiles struck the market in Kharkiv, killing 12 people.")
    assert any(c[0].startswith("19") for c in coded)
    assert not any(c[0].startswith("18") and c[1] is None for c in coded)


def test_more_triggers_event_noun_after_following_is_not_future():
    nlp = load_pipeline()
    doc = nlp("The minister will meet the envoy on Sunday, following a visit by an Iraqi "
              "military delegation to Washington.")
    (visit,) = [e for e in doc._.casus_events if e.trigger == "visit"]
    assert visit.modality == "asserted"
