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
    # another sentence: in one sentence one word is one act however many do it
    c = report("c", "d2", "042", IRQCOP_AGENT, IRAQ, day="2020-07-19", sentence=4)
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


def test_a_thing_introduced_then_referred_back_to_anchors_its_reports() -> None:
    # undated article: "sent a delegation to Iran" ... "the delegation, which went to
    # Tehran" ... "the Iraqi delegation" tell one visit; another visit with no shared
    # referent stays apart
    delegation = dict(IRQGOV_AGENT, text="a delegation")
    the_delegation = dict(IRQGOV_AGENT, text="the delegation")
    iran = dict(IRAQ, text="Iran", actor_id="irn", name="Iran", code="IRN", country="IRN")
    tehran = dict(iran, text="Tehran")
    sent = report("a", "d", "042", KADHIMI, iran, sentence=0, trigger="sent",
                  text="Al-Kazemi sent a delegation to Iran on Sunday evening.")
    sent_who = report("a2", "d", "042", KADHIMI, delegation, sentence=0, trigger="sent",
                      text="Al-Kazemi sent a delegation to Iran on Sunday evening.")
    went = report("b", "d", "042", the_delegation, tehran, sentence=5, trigger="went",
                  text="The delegation, which went to Tehran, will talk about attacks.")
    other = report("c", "d", "042", IRQGOV_AGENT, tehran, sentence=9, trigger="travelled",
                   text="Officials travelled to Tehran in March.")
    groups = {tuple(sorted(r["event_id"] for r in f["reports"]))
              for f in fuse([sent, sent_who, went, other])}
    assert ("a", "b") in groups and ("c",) in groups


def test_one_word_done_by_several_parties_is_one_event() -> None:
    text = "The regime and its militias violated the ceasefire."
    regime = dict(IRQGOV_AGENT, text="The regime")
    militias = dict(IRQCOP_AGENT, text="its militias", code="IRQREB", role="REB",
                    actor_id=stable_id("agent", "IRQREB"))
    a = report("a", "d", "0871", regime, None, sentence=2, trigger="violated", text=text)
    b = report("b", "d", "0871", militias, None, sentence=2, trigger="violated", text=text)
    assert compatible(a, b)
    # several targets of one word may be several acts: left to the other tests
    trained = "Coalition sites trained the Peshmerga and the police."
    peshmerga = dict(IRQCOP_AGENT, text="the Peshmerga", actor_id="peshmerga", code="IRQMIL",
                     role="MIL")
    c = report("c", "d", "062", USA, peshmerga, sentence=4, trigger="trained", text=trained)
    d = report("d", "d", "062", USA, IRQCOP_AGENT, sentence=4, trigger="trained", text=trained)
    assert not compatible(c, d)


def test_another_form_of_the_verb_does_not_point_back() -> None:
    civilians = {"text": "civilians", "actor_id": stable_id("agent", "SYRCVL"),
                 "name": "Syria (civilians)", "code": "SYRCVL", "country": "SYR",
                 "role": "CVL"}
    killed = report("a", "d", "180", None, civilians, sentence=0, trigger="killed",
                    text="The attacks today in Jabla killed civilians.")
    habit = report("b", "d", "180", None, civilians, sentence=6, trigger="kill",
                   text="Russia must press the regime to end strikes that kill civilians.")
    again = report("c", "d", "180", None, civilians, sentence=7, trigger="killed",
                   text="The bombs killed civilians.")
    assert not compatible(killed, habit)
    assert compatible(killed, again)


def test_the_assassination_of_a_known_person_is_one_event_whatever_the_dates() -> None:
    soleimani = {"text": "Soleimani", "actor_id": stable_id("actor", "qassem_soleimani"),
                 "name": "Qassem Soleimani", "code": "IRNMIL", "country": "IRN",
                 "role": "MIL"}
    dated = report("a", "d1", "186", None, soleimani, day="2020-01-03", trigger="killing")
    undated = report("b", "d2", "186", None, soleimani, trigger="assassination")
    assert compatible(dated, undated)
    hamas = {"text": "Hamas", "actor_id": stable_id("actor", "hamas"), "name": "Hamas",
             "code": "PSEREB", "country": "PSE", "role": "REB"}
    one = report("c", "d1", "186", None, hamas, day="2020-01-03", trigger="killed")
    two = report("d", "d2", "186", None, hamas, trigger="assassinated")
    assert not compatible(one, two)  # a group is killed from many times


def test_a_mention_naming_no_doer_joins_the_one_that_does_in_its_article() -> None:
    text1 = "Minister condemns an attack on a petrol station in Hilla."
    text2 = "I condemn the shocking attack, for which Daesh claimed responsibility."
    daesh = {"text": "Daesh", "actor_id": "daesh", "name": "Islamic State", "code": "IMGREB",
             "country": "IMG", "role": "REB"}
    first = report("a", "d1", "190", None, IRAQ, sentence=0, trigger="attack", text=text1)
    named = report("b", "d1", "190", daesh, IRAQ, sentence=1, trigger="attack", text=text2)
    assert compatible(first, named)
    assert len(fuse([first, named])) == 1
    # never across articles: another article's doer-less attack stays its own
    elsewhere = report("c", "d2", "190", None, IRAQ, sentence=0, trigger="attack", text=text1)
    assert not compatible(elsewhere, named)
    assert len(fuse([first, named, elsewhere])) == 2


def test_an_attack_and_a_terrorist_attack_can_be_one_event() -> None:
    a = report("a", "d1", "190", None, IRAQ, sentence=0, trigger="attack",
               text="An attack on a market in Hilla.")
    b = report("b", "d1", "180", None, IRAQ, sentence=1, trigger="attack",
               text="The terrorist attack killed twelve.")
    assert compatible(a, b) and len(fuse([a, b])) == 1
    bombing = report("c", "d1", "183", None, IRAQ, sentence=1, trigger="attack",
                     text="The bombing killed twelve.")
    assert not compatible(a, bombing)  # two specific codes of two roots stay apart


def test_one_word_done_by_doers_of_two_countries_is_one_event() -> None:
    text = "Civilians face shelling by the regime and militias like Hezbollah."
    hezbollah = {"text": "Hezbollah", "actor_id": "hzb", "name": "Hezbollah", "code": "LBNREB",
                 "country": "LBN", "role": "REB"}
    regime = {"text": "the regime", "actor_id": stable_id("agent", "SYRGOV"), "name": "Syria",
              "code": "SYRGOV", "country": "SYR", "role": "GOV"}
    a = report("a", "d1", "194", regime, IRAQ, trigger="shelling", text=text)
    b = report("b", "d1", "194", hezbollah, IRAQ, trigger="shelling", text=text)
    assert len(fuse([a, b])) == 1
