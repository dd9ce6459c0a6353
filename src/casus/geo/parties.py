"""Countries for event parties from where the event happened.

CAMEO codes a party the text leaves without a country by the place it acts in or is
acted on: gunmen who storm a hospital in a Sudanese city are Sudan's rebels, and a
store a bomb hits in a Ukrainian city stands for Ukraine. Two rules, run by
``casus_places`` once an event has its location:

1. **Placeless parties.** A generic agent with no country ("protesters", "gunmen",
   "villagers", "the hospital") or an organisation nothing resolved takes the country
   of its own place ("protesters in Kinshasa", "the town of X in Y") or else of the
   event's place. On the ground (protest, coercion, assault, fighting, mass violence:
   roots 14 and 17-20) any such party does; in other events only parties that act
   where they live (civilians, refugees, opposition, police) and the host of a visit
   or meeting: the one visited (042), the one hosting (043), or, at a meeting, the one
   facing a party from another country than the place's. Never a person's name (a
   soldier killed abroad is not of the place he died in) unless the "name" is the
   place itself ("in al-Hilla" tagged PERSON), nor a visitor, a party whose own words
   carry a country or a sponsor ("Rwanda-backed rebels"), one marked foreign
   ("occupation forces"), or one away from home by definition ("the envoy",
   "coalition forces": ``data/gazetteer/abroad.yaml``).
2. **Acted-upon places.** A material-conflict or coercive event (roots 17-20, and
   violent protest, 145) with no target takes as target the country of the thing it
   was done to ("struck a store in Kharkiv"), from that thing's own place when it
   names one, else from the event's place. The target keeps the noun phrase as its
   text and has type ``PLACE`` and no role: the text rarely says whose a store, a
   camp or a car is, and calling it civilian (CVL) would count strikes on depots or
   bases as attacks on civilians. A statement or meeting never gets a target this way.

A side filled here adds nothing to the event's confidence: the coder's score already
withheld the bonus for a coded side, and the country here is inferred, not read.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from casus.actors.dictionary import ActorDictionary
from casus.actors.resolve import agent_ref, resolve_actor_text
from casus.events.arguments import phrase_text
from casus.geo.gazetteer import Gazetteer
from casus.geo.resolve import acted_on, own_place
from casus.records import ActorRef, Event

GROUND_ROOTS = frozenset({"14", "17", "18", "19", "20"})
ACTED_ON_ROOTS = frozenset({"17", "18", "19", "20"})
VIOLENT_PROTEST = "145"
VISIT_ROOT = "04"
HOSTED, HOSTING = "042", "043"  # make a visit (the target hosts), host a visit
RESIDENT_ROLES = frozenset({"CVL", "REF", "OPP", "COP"})
# Names nothing resolved: people, organisations, and places the gazetteer lacks (a
# small town named where the event happened is in that place's country)
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", None})


@lru_cache(maxsize=1)
def abroad_words() -> frozenset[str]:
    """Agent words for parties away from home by definition (envoys, embassies)."""
    text = resources.files("casus").joinpath("data/gazetteer/abroad.yaml").read_text("utf-8")
    return frozenset(str(w).lower() for w in (yaml.safe_load(text) or {}).get("abroad", []))


def fill_parties(event: Event, trigger: Token, gazetteer: Gazetteer,
                 countries: tuple[str, ...], dic: ActorDictionary) -> None:
    """Give the event's placeless sides the country of their place, in place."""
    before = (event.source, event.target)
    for side in ("source", "target"):
        ref = getattr(event, side)
        if ref is not None and not ref.country and _may_take_place(event, side, ref, dic):
            setattr(event, side, _placed(ref, event, trigger, gazetteer, countries, dic))
    if event.target is None and _acted_upon(event):
        event.target = _place_target(event, trigger, gazetteer, countries, dic)
    if event.target is None and event.cameo == HOSTED:
        event.target = _visited(event, dic)
    if (event.source, event.target) != before:
        event.event_id = event.compute_id()


def _acted_upon(event: Event) -> bool:
    return event.cameo_root in ACTED_ON_ROOTS or event.cameo.startswith(VIOLENT_PROTEST)


def _may_take_place(event: Event, side: str, ref: ActorRef, dic: ActorDictionary) -> bool:
    """Whether a party with no country may take its place's (rule 1's limits)."""
    words = {w.lower() for w in ref.text.replace("-", " ").split()}
    if words & dic.foreign_words or words & abroad_words():
        return False
    if ref.type not in {"AGENT", *NAME_TYPES}:
        return False
    if event.cameo_root == VISIT_ROOT:
        return side == _host_side(event)
    return event.cameo_root in GROUND_ROOTS or (ref.type == "AGENT"
                                                and ref.role in RESIDENT_ROLES)


def _host_side(event: Event) -> str | None:
    """The side of a visit or meeting that is at home where it happens."""
    if event.cameo == HOSTED:
        return "target"
    if event.cameo == HOSTING:
        return "source"
    here = event.location.country if event.location else None
    for side, other in (("source", event.target), ("target", event.source)):
        if here and other is not None and other.country and other.country != here:
            return side
    return None


def _placed(ref: ActorRef, event: Event, trigger: Token, gazetteer: Gazetteer,
            countries: tuple[str, ...], dic: ActorDictionary) -> ActorRef:
    """The party with the country of its own place, else of the event's place."""
    head = party_head(trigger.doc, event, ref, trigger)
    named = _place_named(head, gazetteer, countries) if head is not None else None
    if named is not None and named in dic.entries:
        return country_ref(ref.text, named, dic)  # a place the model took for a name
    if ref.type == "PERSON" and event.cameo_root != VISIT_ROOT:
        return ref
    if head is not None and any(t.lower_ in dic.foreign_words for t in _phrase_tokens(head)):
        return ref  # "foreign defence ministers" in a capital are not its own
    place = own_place(head, gazetteer, countries) if head is not None else None
    country = place.country if place is not None else None
    if country is None and head is not None and _own_country(head, dic):
        return ref
    if country is None and event.location is not None:
        country = event.location.country
    if country is None or country not in dic.entries:
        return ref  # no place, or a sea: nobody's
    if ref.type == "AGENT":
        return agent_ref(ref.text, country, ref.role, dic) or ref
    return replace(ref, country=country, code=country)


def _place_named(head: Token, gazetteer: Gazetteer, countries: tuple[str, ...]) -> str | None:
    """The country of a party that is itself a place: "in al-Hilla" tagged PERSON."""
    if head.pos_ != "PROPN":
        return None
    place = own_place(head, gazetteer, countries, depth=0)
    return place.country if place is not None and place.country else None


def _place_target(event: Event, trigger: Token, gazetteer: Gazetteer,
                  countries: tuple[str, ...], dic: ActorDictionary) -> ActorRef | None:
    noun = acted_on(trigger, frozenset(event.trigger.lower().split()))
    place = own_place(noun, gazetteer, countries) if noun is not None else None
    if place is None or place.country is None:
        place = event.location
    if place is None or place.country not in dic.entries:
        return None
    text = phrase_text(noun) if noun is not None else place.name
    ref = country_ref(text, place.country, dic)
    return replace(ref, type="PLACE")


def _visited(event: Event, dic: ActorDictionary) -> ActorRef | None:
    """"arrived in Ouagadougou for a two-day visit": a visit whose sentence names no
    host is to the country it took place in, when that is not the visitor's own."""
    place = event.location
    source = event.source
    if place is None or place.country not in dic.entries or source is None \
            or not source.country or source.country == place.country:
        return None
    return replace(country_ref(place.name, place.country, dic), type="PLACE")


def country_ref(text: str, country: str, dic: ActorDictionary) -> ActorRef:
    """A country as a party, written ``text``: its dictionary id, name and code."""
    entry = dic.entries[country]
    resolved = resolve_actor_text(entry.name, None, dic)
    return ActorRef(text=text, actor_id=resolved.actor_id if resolved else None,
                    name=entry.name, code=country, country=country, role=None, type="GPE")


def _own_country(head: Token, dic: ActorDictionary) -> bool:
    """Whether a party's own noun phrase names a country or sponsor ("Rwanda-backed
    rebels", "Iran's proxies"): then where the event happened does not say whose it is."""
    for token in _phrase_tokens(head):
        if token.ent_type_ in {"GPE", "NORP"}:
            ref = resolve_actor_text(token.text, None, dic)
            if ref is not None and ref.country:
                return True
    return False


def _phrase_tokens(head: Token) -> list[Token]:
    """The head's modifiers left of it, down to the words they are built of."""
    found: list[Token] = []
    stack = [c for c in head.lefts]
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(token.children)
    return found


def party_head(doc: Doc, event: Event, ref: ActorRef, trigger: Token) -> Token | None:
    """The head token of a party's words in the event's sentence, nearest the trigger."""
    sentence = doc.text[event.char_start:event.char_end]
    needle = ref.text.lower()
    if not needle:
        return None
    spans: list[Span] = []
    at = sentence.lower().find(needle)
    while at >= 0:
        span = doc.char_span(event.char_start + at, event.char_start + at + len(needle),
                             alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
        at = sentence.lower().find(needle, at + 1)
    if not spans:
        return None
    return min(spans, key=lambda s: abs(s.root.i - trigger.i)).root
