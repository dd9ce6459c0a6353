"""``casus_places``: each coded event's location, from the place phrase its trigger governs.

Registered as the spaCy factory ``casus_places`` (casus.PlaceResolver.v1). Runs after
``casus_events``; reads ``doc._.casus_events`` and ``doc._.casus_mentions``, fills each
event's ``location`` (None where the text names no place), then gives parties the text
left without a country the country of their place (``casus.geo.parties``), and lets
denials take the country their denied act now has.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from casus.actors.dictionary import ActorDictionary, default_dictionary
from casus.events.recode import denials_follow_places
from casus.geo.gazetteer import Gazetteer, default_gazetteer
from casus.geo.parties import GROUND_ROOTS, fill_parties
from casus.geo.resolve import document_countries, event_location
from casus.nlp.extensions import register_extensions
from casus.nlp.offsets import token_at

VISIT = "042"
ENCOUNTER_ROOT = "04"


class PlaceResolver:
    def __init__(self, gazetteer: Gazetteer, dictionary: ActorDictionary) -> None:
        self.gazetteer = gazetteer
        self.dictionary = dictionary

    def __call__(self, doc: Doc) -> Doc:
        events = doc._.casus_events or []
        if not events:
            return doc
        countries = document_countries(doc._.casus_mentions or [])
        for event in events:
            if event.trigger_start is None:
                continue
            trigger = token_at(doc, event.trigger_start)
            if trigger is None:
                continue
            # a visit happened where it went ("visit to Beirut"); not other encounters
            target = event.target.text if event.target and event.cameo == VISIT else None
            event.location = event_location(trigger, self.gazetteer, countries, target,
                                            physical=event.cameo_root in GROUND_ROOTS,
                                            encounter=event.cameo_root == ENCOUNTER_ROOT)
            fill_parties(event, trigger, self.gazetteer, countries, self.dictionary)
        denials_follow_places(events, doc)
        return doc


@Language.factory("casus_places", requires=["doc._.casus_events"])
def make_place_resolver(nlp: Language, name: str) -> PlaceResolver:
    register_extensions()
    return PlaceResolver(default_gazetteer(), default_dictionary())
