"""Fusion rules on small hand-made reports: what may and may not be one event."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from casus.fusion import FusionSettings, Report, compatible, fuse
from casus.records import stable_id

IRAN_QF = {"text": "Qaani", "actor_id": "qaani", "name": "Esmail Qaani", "code": "IRNMIL",
           "country": "IRN", "role": "MIL"}
IRAQ = {"text": "Baghdad", "actor_id": stable_id("actor", "IRQ"), "name": "Iraq",
        "code": "IRQ", "country": "IRQ", "role": None}
IRQGOV_AGENT = {"text": "the Iraqi government", "actor_id": stable_id("agent", "IRQGOV"),
                "name": "Iraq (government)", "code": "IRQGOV", "country": "IRQ", "role": "GOV"}
KADHIMI = {"text": "Al-Kazemi", "actor_id": "kadhimi", "name": "Mustafa al-Kadhimi",
           "code": "IRQGOV", "country": "IRQ", "role": "GOV"}
IRQCOP_AGENT = {"text": "Iraqi police", "actor_id": stable_id("agent", "IRQCOP"),
                "name": "Iraq (police)", "code": "IRQCOP", "country": "IRQ", "role": "COP"}
USA = {"text": "Washington", "actor_id": "usa", "name": "United States", "code": "USA",
       "country": "USA", "role": None}


def report(event_id: str, doc: str, cameo: str, source: Any, target: Any, *,
           day: str | None = None, published: date | None = None, sentence: int = 3,
           negated: bool = False, modality: str = "asserted", location: Any = None,
           trigger: str = "visited", text: str = "Qaani visited Baghdad.") -> Report:
    record = {"event_id": event_id, "doc_id": doc, "cameo": cameo, "source": source,
              "target": target, "date": day, "date_precision": "day" if day else None,
              "negated": negated, "modality": modality, "location": location,
              "sentence_index": sentence, "sentence": text, "char_start": 0,
              "char_end": len(text), "trigger": trigger, "trigger_start": text.find(trigger)}
    return Report(record, published, None)


def test_two_articles_on_one_visit_are_one_event() -> None:
    a = report("a", "d1", "042", IRAN_QF, IRAQ, day="2024-06-19")
    b = report("b", "d2", "043", IRAQ, IRAN_QF, day="2024-06-20")  # "Iraq hosted Qaani"
    assert compatible(a, b)
    (fused,) = fuse([a, b])
    assert fused["n_reports"] == 2 and fused["n_documents"] == 2
    assert fused["cameo"] == "042" and fused["source"]["name"] == "Esmail Qaani"


def test_visits_years_apart_stay_apart() -> None:
    a = report("a", "d1", "042", IRAN_QF, IRAQ, day="2020-01-08")
    b = report("b", "d2", "042", IRAN_QF, IRAQ, day="2024-06-19")
    assert not compatible(a, b)
    # undated reports in articles published years apart: also apart
    c = report("c", "d3", "042", IRAN_QF, IRAQ, published=date(2020, 11, 20))
    d = report("d", "d4", "042", IRAN_QF, IRAQ, published=date(2024, 6, 20))
    assert not compatible(c, d)
    # ... but an undated report in an article of 2024-06-20 can be the visit of 06-19
    assert compatible(b, d) and not compatible(a, c)
    assert sorted(f["n_reports"] for f in fuse([a, b, c, d])) == [1, 1, 2]


def test_undated_reports_without_article_dates_never_merge_across_articles() -> None:
    a = report("a", "d1", "042", IRAN_QF, IRAQ)
    b = report("b", "d2", "042", IRAN_QF, IRAQ)
    assert not compatible(a, b)


def test_named_actor_and_generic_agent_of_its_code_can_be_one_party() -> None:
    a = report("a", "d1", "042", KADHIMI, IRAQ, day="2020-07-19")
    b = report("b", "d2", "042", IRQGOV_AGENT, IRAQ, day="2020-07-19")
    assert compatible(a, b)
    c = report("c", "d2", "042", IRQCOP_AGENT, IRAQ, day="2020-07-19")
    assert not compatible(b, c)  # government and police: roles clash


def test_codes_places_and_modality() -> None:
    base = dict(day="2024-01-15")
    strike = report("a", "d1", "195", USA, IRAQ, **base)
    attack = report("b", "d2", "190", USA, IRAQ, **base)
    assert compatible(strike, attack)  # "an attack" and "an airstrike": one act
    meet = report("c", "d2", "040", IRAN_QF, IRAQ, **base)
    visit = report("d", "d1", "042", IRAN_QF, IRAQ, **base)
    assert not compatible(meet, visit)  # a visit and a meeting are two acts
    plan = report("e", "d3", "042", IRAN_QF, IRAQ, modality="future", **base)
    assert compatible(plan, visit)  # the plan and its execution
    maybe = report("f", "d3", "042", IRAN_QF, IRAQ, modality="hypothetical", **base)
    assert not compatible(maybe, visit)
    baghdad = {"name": "Baghdad", "country": "IRQ", "lat": 33.34, "lon": 44.40}
    basra = {"name": "Basra", "country": "IRQ", "lat": 30.51, "lon": 47.78}
    here = report("g", "d1", "195", USA, IRAQ, location=baghdad, **base)
    there = report("h", "d2", "195", USA, IRAQ, location=basra, **base)
    assert not compatible(here, there)


def test_a_denial_is_a_report_of_the_same_event_and_contests_it() -> None:
    held = report("a", "d1", "042", IRAN_QF, IRAQ, day="2024-06-19")
    denied = report("b", "d2", "042", IRAN_QF, IRAQ, day="2024-06-19", negated=True)
    (fused,) = fuse([held, denied])
    assert fused["contested"] and not fused["negated"]
    assert [r["negated"] for r in fused["reports"]] == [False, True]


def test_mentions_in_one_article() -> None:
    text1 = "Minister condemns an attack on a petrol station in al-Hilla."
    text2 = "I condemn the shocking attack, for which Daesh claimed responsibility."
    text3 = "And a Jan. 3 attack hit the headquarters."
    hilla = {"text": "al-Hilla", "actor_id": "hilla", "name": "al-Hilla", "code": None,
             "country": None, "role": None}
    first = report("a", "d1", "190", None, hilla, sentence=0, trigger="attack", text=text1)
    again = report("b", "d1", "190", None, hilla, sentence=1, trigger="attack", text=text2)
    other = report("c", "d1", "190", None, hilla, sentence=4, trigger="attack", text=text3)
    assert compatible(first, again)  # "the shocking attack" points back
    assert not compatible(first, other)  # "a Jan. 3 attack" is another one


def test_fusion_is_deterministic_whatever_the_order() -> None:
    reports = [report(f"e{i}", f"d{i % 3}", "042", IRAN_QF, IRAQ, day=f"2024-06-{10 + i % 5}")
               for i in range(12)]
    first = fuse(reports)
    shuffled = reports[:]
    random.Random(3).shuffle(shuffled)
    assert [f["fused_id"] for f in fuse(shuffled)] == [f["fused_id"] for f in first]
    assert sum(f["n_reports"] for f in first) == 12


def test_settings_window() -> None:
    a = report("a", "d1", "042", IRAN_QF, IRAQ, published=date(2024, 6, 20))
    b = report("b", "d2", "042", IRAN_QF, IRAQ, day="2024-06-01")
    assert not compatible(a, b, window_days=7)
    assert compatible(a, b, window_days=30)
    assert FusionSettings().window_days == 14
