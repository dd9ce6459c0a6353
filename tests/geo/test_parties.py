"""Parties given the country of their place: generic agents, unknown names, and the
acted-upon place of an attack with no target. Sentences are invented; each event is
built by hand so that only casus_places decides the countries."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from casus.actors.dictionary import default_dictionary
from casus.actors.resolve import agent_ref
from casus.events.ontology import lookup
from casus.nlp.pipeline import load_pipeline
from casus.records import ActorRef, Event

pytestmark = pytest.mark.slow


def _agent(text: str, role: str) -> ActorRef:
    ref = agent_ref(text, None, role, default_dictionary())
    assert ref is not None and ref.country is None
    return ref


def _name(text: str, label: str = "PERSON") -> ActorRef:
    return ActorRef(text=text, actor_id=f"id-{text}", name=text, type=label)


def _placed(text: str, cameo: str, trigger: str, source: ActorRef | None = None,
            target: ActorRef | None = None) -> Event:
    """The event as casus_places leaves it, in a parse of ``text``."""
    nlp = load_pipeline()
    doc: Doc = nlp(text)
    code = lookup(cameo)
    token = next(t for t in doc if t.text == trigger)
    event = Event(doc_id="t", sentence=text, sentence_index=0, char_start=0,
                  char_end=len(text), cameo=code.code, cameo_root=code.root,
                  cameo_label=code.label, plover=code.plover, plover_mode=code.plover_mode,
                  quad_class=code.quad_class, goldstein=code.goldstein, source=source,
                  target=target, trigger=trigger, trigger_start=token.idx)
    doc._.casus_events = [event]
    nlp.get_pipe("casus_places")(doc)
    return event


def test_parties_generic_attacker_and_missing_target_take_the_event_place():
    event = _placed("Gunmen attacked a convoy near Mopti on Sunday.", "190", "attacked",
                    source=_agent("Gunmen", "REB"))
    assert event.source.code == "MLIREB" and event.source.role == "REB"
    assert event.target is not None and event.target.country == "MLI"
    assert event.target.type == "PLACE" and event.target.role is None
    assert event.target.text == "convoy"


def test_parties_own_place_is_nearer_than_the_event_place():
    event = _placed("Protesters from Goma attacked a police post in Gisenyi.", "190",
                    "attacked", source=_agent("Protesters", "CVL"))
    assert event.source.code == "CODCVL"  # where they come from, not where they struck
    assert event.target.country == "RWA"


def test_parties_target_noun_place_beats_the_trigger_place():
    event = _placed("From bases in Eritrea, the rebels shelled a hospital in Mekelle.",
                    "194", "shelled", source=_agent("the rebels", "REB"))
    # a strike happened where it landed: a town named for the thing hit beats a country
    # named for where it came from
    assert event.location is not None and event.location.name == "Mek'ele"
    assert event.target is not None and event.target.country == "ETH"


def test_parties_facility_agent_takes_the_place_of_its_apposition():
    text = ("Militiamen stormed the North Clinic, the only medical facility still "
            "working in Kisangani, on Sunday.")
    event = _placed(text, "190", "stormed", target=_agent("the North Clinic", "HLH"))
    assert event.target.code == "CODHLH"


def test_parties_foreign_and_sponsored_agents_keep_no_country():
    occupying = _placed("Occupying troops raided a clinic in Nablus.", "190", "raided",
                        source=_agent("Occupying troops", "MIL"))
    assert occupying.source.country is None and occupying.target.country == "PSE"
    backed = _placed("Rwanda-backed rebels attacked a camp near Bunia.", "190", "attacked",
                     source=_agent("backed rebels", "REB"))
    assert backed.source.country is None


def test_parties_a_place_taken_for_a_person_is_its_country():
    event = _placed("Suicide bombers attacked a checkpoint at al-Ramadi.", "190",
                    "attacked", target=_name("al-Ramadi"))
    assert event.target.code == "IRQ" and event.target.type == "GPE"


def test_parties_a_person_killed_somewhere_is_not_of_that_place():
    event = _placed("Sergeant Tom Walker was killed in Kandahar on Tuesday.", "180",
                    "killed", target=_name("Tom Walker"))
    assert event.target.country is None


def test_parties_visit_host_takes_the_place_the_visitor_does_not():
    event = _placed("The envoy visited Mayor Ivan Petrenko in Kharkiv.", "042", "visited",
                    source=_agent("The envoy", "GOV"), target=_name("Ivan Petrenko"))
    assert event.target.country == "UKR" and event.source.country is None


def test_parties_statement_and_meeting_get_no_target_from_their_place():
    statement = _placed("Villagers in Kherson condemned the decision on Monday.", "111",
                        "condemned", source=_agent("Villagers", "CVL"))
    assert statement.target is None
    assert statement.source.code == "UKRCVL"  # civilians act where they live
    meeting = _placed("Delegates met in Nairobi on Friday.", "040", "met",
                      source=_agent("Delegates", "GOV"))
    assert meeting.target is None and meeting.source.country is None


def test_parties_event_id_follows_the_filled_parties():
    event = _placed("Gunmen attacked a convoy near Mopti on Sunday.", "190", "attacked",
                    source=_agent("Gunmen", "REB"))
    assert event.event_id == event.compute_id()
