"""Acts a speaker performs by what they say of their own side or of what others should
do: denials, refusals and demands (casus.events.speech)."""

from __future__ import annotations

import pytest

from casus.errors import DictionaryError
from casus.events.lexicon import load_lexicon, parse_lexicon
from casus.events.speech import own_side
from casus.records import ActorRef, Event
from tests.events.helpers import code


def _facts(events: list[Event], root: str) -> list[Event]:
    return [e for e in events if e.cameo_root == root and not e.negated
            and e.modality == "asserted"]


def _countries(event: Event) -> tuple[str | None, str | None]:
    return (event.source.country if event.source else None,
            event.target.country if event.target else None)


@pytest.mark.slow
@pytest.mark.parametrize("sentence,act,source,target", [
    ("Ethiopia's defence ministry said Ethiopian troops did not shell the Sudanese town of "
     "Gallabat.", "194", "ETH", "SDN"),
    ("Hezbollah insisted it had not fired rockets at Israel.", "195", "LBN", "ISR"),
])
def test_speech_own_side_not_doing_a_hostile_act_is_a_denial(sentence, act, source, target):
    events = code(sentence)
    denials = _facts(events, "01")
    assert [(e.cameo, *_countries(e)) for e in denials] == [("016", source, target)], events
    # the denied act stays coded, negated: it is no fact
    assert [e.negated for e in events if e.cameo == act] == [True]


@pytest.mark.slow
def test_speech_we_in_a_government_statement_is_the_government() -> None:
    events = code("We said that we did not strike Iranian vessels.", source="UK Government")
    assert [(e.cameo, *_countries(e)) for e in _facts(events, "01")] == [("016", "GBR", "IRN")]


@pytest.mark.slow
@pytest.mark.parametrize("sentence", [
    # the other side's act, reported neutrally
    "Armenia said Azerbaijani forces did not warn civilians before shelling the village.",
    # a future "will not" is a promise, not a denial
    "Hezbollah said it will not fire rockets at Israel.",
    # a cooperative act denied gives only the negated act
    "Iran said it had not provided weapons to Russia.",
])
def test_speech_no_denial(sentence: str) -> None:
    assert not [e for e in code(sentence) if e.cameo == "016"]


@pytest.mark.slow
def test_speech_a_denial_verb_is_not_coded_twice() -> None:
    events = code("The Pakistani military denied that its jets had bombed the Afghan village.")
    assert [e.cameo for e in events if e.cameo == "016"] == ["016"]


@pytest.mark.slow
def test_speech_would_not_negotiate_while_is_a_refusal_on_a_condition() -> None:
    events = code("The Colombian president said the government would not negotiate with the "
                  "Clan del Golfo as long as it kept attacking police officers.")
    refusals = _facts(events, "12")
    assert [(e.cameo, *_countries(e)) for e in refusals] == [("125", "COL", "COL")]
    assert refusals[0].target is not None and "Golfo" in refusals[0].target.text
    # the negotiation is not coded beside the refusal, and the condition is no fact
    assert not [e for e in events if e.cameo_root == "04"]
    assert all(e.modality == "conditional" for e in events if e.cameo_root == "19")


@pytest.mark.slow
def test_speech_refusal_takes_its_code_from_the_refused_act() -> None:
    events = code("Azerbaijan said it would not release the Armenian soldiers until Armenia "
                  "handed over maps of the minefields.")
    assert [(e.cameo, *_countries(e)) for e in _facts(events, "12")] == [("1243", "AZE", "ARM")]


@pytest.mark.slow
def test_speech_refusal_aimed_at_the_party_in_the_condition() -> None:
    events = code("The Ethiopian army chief told the Kenyan envoy that the army would not "
                  "negotiate while the TPLF held the town of Alamata.")
    refusals = _facts(events, "12")
    assert [(e.cameo, *_countries(e)) for e in refusals] == [("125", "ETH", "ETH")]
    assert refusals[0].target is not None and refusals[0].target.text == "TPLF"
    # told the envoy: a vehicle, not a statement to Kenya
    assert not [e for e in events if e.cameo == "010"]


@pytest.mark.slow
@pytest.mark.parametrize("sentence", [
    # "would not ... if": a conditional, no refusal
    "The Malian junta said the army would not negotiate with the rebels if they attacked Gao "
    "again.",
    # another party's refusal, reported
    "Kenya said the Ethiopian army would not negotiate with the rebels.",
])
def test_speech_no_refusal(sentence: str) -> None:
    assert not [e for e in code(sentence) if e.cameo_root == "12"]


@pytest.mark.slow
@pytest.mark.parametrize("sentence,cameo,source,target", [
    ("The Kenyan foreign minister told a summit in Nairobi that Ethiopia has to withdraw its "
     "troops from the border.", "106", "KEN", "ETH"),
    ("Pakistan's foreign minister said India should release the captured pilot.", "1053",
     "PAK", "IND"),
    # "leave" names an act only when asked for
    ("The Malian prime minister told a forum in Bamako that France must leave Mali.", "106",
     "MLI", "FRA"),
])
def test_speech_should_in_what_is_said_is_a_demand(sentence, cameo, source, target):
    events = code(sentence)
    assert [(e.cameo, *_countries(e)) for e in events] == [(cameo, source, target)], [
        (e.cameo, e.trigger, e.target) for e in events]


@pytest.mark.slow
@pytest.mark.parametrize("sentence", [
    # no one says it: the terms of a deal
    "Under the deal, Armenian troops should withdraw from the corridor by Friday.",
    # what should have been done is a reproach, not a demand
    "The Turkish minister said Israel should have warned civilians in Gaza.",
    # an opinion that asks for no act casus codes
    "Analysts said the government should invest more in schools.",
])
def test_speech_no_demand(sentence: str) -> None:
    assert not [e for e in code(sentence) if e.cameo_root == "10"]


@pytest.mark.slow
def test_speech_a_place_is_no_addressee() -> None:
    events = code("The UN envoy told a conference in Geneva that the war in Yemen had "
                  "displaced millions.")
    assert not [e for e in events if e.cameo == "010"]


def test_speech_own_side_is_one_actor_or_one_state() -> None:
    lexicon = load_lexicon()
    kremlin = ActorRef("Kremlin", "k", code="RUSGOV", country="RUS", role="GOV")
    troops = ActorRef("Russian forces", "f", code="RUSMIL", country="RUS", role="MIL")
    russia = ActorRef("Russia", "r", code="RUS", country="RUS", type="GPE")
    ukraine = ActorRef("Ukraine", "u", code="UKR", country="UKR", type="GPE")
    army = ActorRef("the army", "a", code="COLMIL", country="COL", role="MIL")
    rebels = ActorRef("ELN", "e", code="COLREB", country="COL", role="REB")
    assert own_side(kremlin, troops, lexicon) and own_side(russia, troops, lexicon)
    assert not own_side(kremlin, ukraine, lexicon)
    # rebels do not speak for the army of the state they fight
    assert not own_side(rebels, army, lexicon) and own_side(rebels, rebels, lexicon)


def test_speech_refusal_codes_match_the_longest_prefix() -> None:
    lexicon = load_lexicon()
    assert lexicon.refusal_code("046") == "125"
    assert lexicon.refusal_code("045") == "126"
    assert lexicon.refusal_code("0841") == "1243"
    assert lexicon.refusal_code("190") is None
    assert lexicon.asked_actions["leave"] == "166"


def test_speech_refusals_must_be_reject_codes() -> None:
    with pytest.raises(DictionaryError, match="speech_acts.refusals"):
        parse_lexicon({"verbs": {}, "speech_acts": {"refusals": {"04": "106"}}})
