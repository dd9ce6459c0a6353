"""Killings folded into the attacks that caused them (casus.events.casualties)."""

from __future__ import annotations

import pytest

from tests.events.helpers import code

pytestmark = pytest.mark.slow


def _events(text: str):  # type: ignore[no-untyped-def]
    return [e for e in code(text) if not e.negated]


def test_casualties_participle_is_what_the_attack_did():
    events = _events("Ethiopian drones struck a market in the town, killing twelve Tigrayan "
                     "civilians.")
    assert [e.cameo_root for e in events] == ["19"]
    assert events[0].source is not None and events[0].source.country == "ETH"


def test_casualties_victims_become_the_target_of_an_attack_without_one():
    events = _events("An Israeli drone struck a car near the town, killing a Hezbollah fighter.")
    (attack,) = events
    assert attack.cameo_root == "19"
    assert attack.source is not None and attack.source.country == "ISR"
    assert attack.target is not None and attack.target.country == "LBN"


def test_casualties_when_clause_gives_the_attack_its_code():
    events = _events("Nine miners were killed when Sudanese warplanes bombed the gold mine.")
    assert [e.cameo_root for e in events] == ["19"]


def test_casualties_killed_in_an_attack_is_that_attack():
    (event,) = _events("Three Turkish soldiers were killed in an ambush on Tuesday.")
    assert event.cameo_root == "19"
    assert event.target is not None and event.target.country == "TUR"


def test_casualties_a_count_without_doer_or_attack_is_no_event():
    assert _events("More than 300 people have been killed in the region since March.") == []


def test_casualties_a_killing_with_a_doer_stays():
    (event,) = _events("Boko Haram fighters killed five farmers in Borno on Monday.")
    assert event.cameo_root == "18"
    assert event.source is not None and event.source.country == "NGA"


def test_casualties_relative_clause_restates_the_attack_noun():
    events = _events("Washington condemned the Shabaab attacks in the town of Beledweyne, which "
                     "targeted and killed dozens of Somali civilians.")
    attacks = [e for e in events if e.cameo_root in ("18", "19")]
    assert len(attacks) == 1
    assert attacks[0].target is not None and attacks[0].target.country == "SOM"


def test_casualties_attacks_claimed_by_a_group_killed_is_one_attack_of_that_group():
    events = code("Two bombings, later claimed by al-Shabaab, killed 14 civilians in "
                  "Mogadishu on Friday.")
    violent = [e for e in events if e.cameo_root in ("18", "19")]
    assert len(violent) == 1
    assert violent[0].source is not None and violent[0].source.code == "SOMREB"


def test_casualties_a_group_written_with_an_apostrophe_is_known():
    events = code("Attacks claimed by Da’esh killed 20 civilians near Mosul, Iraq.")
    assert any(e.source is not None and e.source.country == "IMG" for e in events)


def test_casualties_a_wounding_by_no_one_is_no_event():
    events = code("One Kenyan officer was wounded.")
    assert events == []
