"""Corrections: what a reference becomes after an analyst's merges and splits."""

from __future__ import annotations

from datetime import date

from casus.actors import default_dictionary
from casus.actors.corrections import Correction, Corrections, split_id
from casus.records import ActorRef, Attribution, Event, Mention, stable_id

KADHIMI = stable_id("actor", "mustafa_al_kadhimi")
INVENTED = stable_id("actor", "invented-spelling")


def _ref(actor_id: str, text: str) -> dict:
    return {"actor_id": actor_id, "name": text, "type": "PERSON", "code": None,
            "country": None, "role": None, "in_dictionary": False}


def test_merge_into_dictionary_actor_takes_the_code_of_the_date() -> None:
    fixes = Corrections([Correction(1, "merge", KADHIMI, INVENTED, name="stale")],
                        default_dictionary())
    before = fixes.correct(_ref(INVENTED, "Kadhemy"), "Kadhemy", date(2019, 3, 1))
    after = fixes.correct(_ref(INVENTED, "Kadhemy"), "Kadhemy", date(2021, 3, 1))
    assert before["actor_id"] == after["actor_id"] == KADHIMI
    assert before["name"] == "Mustafa al-Kadhimi" and before["in_dictionary"]
    assert (before["code"], before["role"]) == ("IRQSPY", "SPY")
    assert (after["code"], after["country"]) == ("IRQGOV", "IRQ")


def test_merge_into_unknown_actor_uses_the_identity_recorded() -> None:
    kept = stable_id("actor", "kept")
    fixes = Corrections([Correction(1, "merge", kept, INVENTED, name="Karim Hadad",
                                    type="PERSON", code="IRQREB", country="IRQ",
                                    role="REB")], default_dictionary())
    out = fixes.correct(_ref(INVENTED, "Abu Layth"), "Abu Layth", None)
    assert (out["actor_id"], out["name"], out["code"]) == (kept, "Karim Hadad", "IRQREB")
    untouched = _ref(KADHIMI, "Kazemi")
    assert fixes.correct(untouched, "Kazemi", None) == untouched


def test_split_takes_only_that_form_case_and_space_blind() -> None:
    fixes = Corrections([Correction(1, "split", KADHIMI, "the  Engineer")])
    taken = fixes.correct({**_ref(KADHIMI, "x"), "code": "IRQGOV"}, "The engineer", None)
    kept = fixes.correct({**_ref(KADHIMI, "x"), "code": "IRQGOV"}, "Al-Kazemi", None)
    assert taken["actor_id"] == split_id(KADHIMI, "the engineer") != KADHIMI
    assert taken["code"] is None and not taken["in_dictionary"]
    assert taken["name"] == "The engineer"
    assert kept["actor_id"] == KADHIMI and kept["code"] == "IRQGOV"


def test_corrections_apply_in_the_order_made() -> None:
    a, b, c = (stable_id("actor", x) for x in "abc")
    chain = [Correction(2, "merge", c, a, name="C"), Correction(1, "merge", a, b, name="A")]
    out = Corrections(chain).correct(_ref(b, "B"), "B", None)
    assert out["actor_id"] == c  # b → a (first made), then a → c
    split_after_merge = Corrections([Correction(1, "merge", a, b, name="A"),
                                     Correction(2, "split", a, "B")])
    assert split_after_merge.correct(_ref(b, "B"), "B", None)["actor_id"] == split_id(a, "B")


def test_apply_rewrites_mentions_parties_and_speaker_but_not_event_ids() -> None:
    folded = ActorRef(text="Abu Layth", actor_id=INVENTED, name="Abu Layth", type="PERSON")
    mention = Mention("Abu Layth", 0, 2, 0, 9, folded, "PERSON", False)
    event = Event(doc_id="d", sentence="s", sentence_index=0, char_start=0, char_end=9,
                  cameo="190", cameo_root="19", cameo_label="x", plover=None,
                  plover_mode=None, quad_class=4, goldstein=-10.0, source=folded,
                  target=None, date=date(2021, 3, 1),
                  attribution=Attribution(speaker=folded, quoted=True))
    event_id = event.event_id
    Corrections([Correction(1, "merge", KADHIMI, INVENTED)], default_dictionary()).apply(
        [mention], [event], published=date(2019, 1, 1))
    assert mention.actor.actor_id == KADHIMI and mention.in_dictionary
    assert mention.actor.code == "IRQSPY"  # the document's date (2019)
    assert event.source.code == "IRQGOV"  # the event's own date (2021)
    assert event.source.text == "Abu Layth"  # the words stay as written
    assert event.attribution.speaker.actor_id == KADHIMI
    assert event.event_id == event_id
    assert folded.actor_id == INVENTED  # shared refs are replaced, not mutated
