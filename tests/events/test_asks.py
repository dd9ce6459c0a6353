"""Appeals and demands coded by the action they ask for (casus.events.triggers.compose_asks)."""

from __future__ import annotations

import pytest

from casus.errors import DictionaryError
from casus.events.lexicon import load_lexicon, parse_lexicon
from tests.events.helpers import code


@pytest.mark.slow
@pytest.mark.parametrize("sentence,cameo,source,target", [
    ("The Kenyan president demanded that Ethiopia withdraw its troops from the border area.",
     "106", "KEN", "ETH"),
    ("The African Union urged Ethiopia to release the detained aid workers.",
     "0253", None, "ETH"),
    ("Qatar called on Israel and Hamas to agree to an immediate ceasefire.", "0256", "QAT",
     "ISR"),
    ("The European Union called on Serbia to hold talks with Kosovo.", "026", None, "SRB"),
    ("The UN envoy urged the Sudanese army to halt air strikes on the city.", "0256", None,
     "SDN"),
    ("Ukraine demanded that Russia release the captured sailors.", "1053", "UKR", "RUS"),
])
def test_asks_code_follows_the_action_asked_for(sentence, cameo, source, target):
    asks = [e for e in code(sentence) if e.cameo_root in ("02", "10")]
    assert asks and {e.cameo for e in asks} == {cameo}, [
        (e.cameo, e.trigger) for e in code(sentence)]
    assert all(e.modality == "asserted" and not e.negated for e in asks)
    if source:
        assert all(e.source is not None and e.source.country == source for e in asks)
    # one event per party asked ("called on Israel and Hamas": two)
    assert target in {e.target.country for e in asks if e.target is not None}


@pytest.mark.slow
def test_asks_the_action_asked_for_is_not_an_event_of_its_own():
    events = code("Mali's junta demanded that Denmark withdraw its special forces.")
    assert [e.cameo for e in events] == ["106"]
    assert events[0].target is not None and events[0].target.country == "DNK"


@pytest.mark.slow
def test_asks_without_a_complement_keep_their_own_code():
    events = code("Egypt called for a ceasefire in Gaza on Sunday.")
    assert [e.cameo for e in events if e.cameo_root == "02"] == ["0256"]


def test_asks_table_matches_the_longest_prefix():
    lexicon = load_lexicon()
    assert lexicon.ask_code("10", "0871") == "107"
    assert lexicon.ask_code("10", "0872") == "1056"
    assert lexicon.ask_code("02", "0841") == "0253"
    assert lexicon.ask_code("02", "190") is None


def test_asks_table_must_give_codes_of_its_own_root():
    with pytest.raises(DictionaryError, match="asks.demands"):
        parse_lexicon({"verbs": {}, "asks": {"demands": {"166": "0256"}}})
