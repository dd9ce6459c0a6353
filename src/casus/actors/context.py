"""Codes from context for mentions the dictionary does not know.

Three general rules, run after recognition:
- a place named as a party (a city, a town, a region) stands for its country, as CAMEO
  codes "Goma" as DR Congo and capitals as their countries;
- a person's title words give the person's country and role ("U.S. presidential envoy
  Amos Hochstein", "Colombian President Gustavo Petro"), and every later mention of the
  same person inherits them;
- a definite description with no country ("the occupation forces") is the one the
  document described earlier with its country ("the US occupation forces");
- an agent with no country of its own ("the army", "civilians") takes the document's
  home country when one clearly dominates.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from casus.actors.dictionary import ActorDictionary
from casus.actors.resolve import agent_ref, office_ref, resolve_actor_text
from casus.records import ActorRef, Mention

HOME_SHARE = 0.4  # a country must carry this share of a document's country mentions
DOMESTIC_ROLES = {"GOV", "MIL", "COP", "REB", "OPP", "LEG", "JUD", "SPY", "CVL", "INS"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
TITLE_DEPS = {"compound", "amod", "nmod", "poss", "case", "punct", "det"}
MAX_TITLE_TOKENS = 6


def home_country(mentions: list[Mention]) -> str | None:
    """The country a document is about: the one most of its actors belong to, when
    one clearly dominates (at least two mentions and HOME_SHARE of them)."""
    counts = Counter(m.actor.country for m in mentions
                     if m.actor.country and len(m.actor.country) == 3
                     and not m.actor.country.startswith(("IGO", "NGO")))
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if n >= 2 and n >= HOME_SHARE * sum(counts.values()) else None


def apply_context(doc: Doc, mentions: list[Mention], dic: ActorDictionary) -> None:
    """Fill in countries and roles the text supports, in place."""
    _places_as_countries(doc, mentions, dic)
    _titles_give_country(doc, mentions)
    _appositions_give_code(doc, mentions)
    _publisher_offices(doc, mentions, dic)
    _definite_descriptions(mentions, dic)
    _home_country_for_agents(mentions, dic)


def _in_dateline(doc: Doc, m: Mention) -> bool:
    """An all-capitals name opening a line and followed by a comma: a dateline's place
    ("KIRKUK, March 3 -"), which the model often takes for a person or an organisation."""
    line_start = doc.text.rfind("\n", 0, m.char_start) + 1
    return (m.text.isupper() and len(m.text) > 3
            and not doc.text[line_start:m.char_start].strip()
            and doc.text[m.char_end:m.char_end + 3].lstrip(" ").startswith(","))


def _places_as_countries(doc: Doc, mentions: list[Mention], dic: ActorDictionary) -> None:
    from casus.geo.gazetteer import default_gazetteer  # built once, shared with casus_places

    context = tuple(c for c, _ in Counter(
        m.actor.country for m in mentions if m.actor.country).most_common(3))
    gazetteer = default_gazetteer()
    for m in mentions:
        if m.actor.country or m.in_dictionary:
            continue
        dateline = _in_dateline(doc, m)
        if m.label in PLACE_LABELS or dateline:
            place = gazetteer.lookup(m.text, context)
        elif m.label == "ORG" and context:  # "Erbil" tagged ORG in a report on Iraq
            place = gazetteer.landmark(m.text, context)
        else:
            continue
        country = dic.entries.get(place.country or "") if place else None
        if country is not None:
            if m.label not in PLACE_LABELS:
                m.label = "GPE"
            m.actor = ActorRef(text=m.actor.text, actor_id=_country_id(country.id, dic),
                               name=country.name, code=country.id, country=country.id,
                               role=None, type="GPE")


def _country_id(iso3: str, dic: ActorDictionary) -> str | None:
    ref = resolve_actor_text(dic.entries[iso3].name, None, dic)
    return ref.actor_id if ref else None


def _titles_give_country(doc: Doc, mentions: list[Mention]) -> None:
    """A PERSON without a country takes the one its title words name; all mentions
    sharing the person's actor_id follow."""
    learned: dict[str, ActorRef] = {}
    for m in mentions:
        if m.label != "PERSON" or m.actor.country or not m.actor.actor_id:
            continue
        inside = [t.text for t in doc[m.start:m.end] if t.ent_type_ != "PERSON"]
        title = " ".join([title_words(doc, m.start), *inside]).strip()
        agent = _title_agent(title) if title else None
        if agent is not None and agent.country:
            learned.setdefault(m.actor.actor_id, agent)
    _people_follow(mentions, learned, unless="country")


def _appositions_give_code(doc: Doc, mentions: list[Mention]) -> None:
    """A PERSON without a code takes the code of the role set beside the name, or of
    the group that role is of or for: "Mahmoud al-Rabei, a spokesman for the political
    bureau of Asaib Ahl al-Haq" speaks for the group (IRQREB), and so does a name set
    after its role ("the Iraqi Foreign Minister, Ibrahim al-Jaafari"); all mentions of
    the person follow."""
    by_token = {i: m for m in mentions if m.actor.code for i in range(m.start, m.end)}
    learned: dict[str, ActorRef] = {}
    for m in mentions:
        if m.label != "PERSON" or m.actor.code or not m.actor.actor_id:
            continue
        for child in doc[m.start:m.end].root.children:
            if child.dep_ != "appos":
                continue
            # the role itself, else the group or office it is of or for
            found = (by_token.get(t.i) for t in child.subtree)
            role = next((r for r in found if r is not None and r.label in {"ROLE", "ORG"}
                         and r.actor.country), None)
            if role is not None:
                learned.setdefault(m.actor.actor_id, role.actor)
    people = {i: m for m in mentions if m.label == "PERSON" for i in range(m.start, m.end)}
    for role in mentions:  # "the Iraqi Foreign Minister, Ibrahim al-Jaafari"
        if role.label != "ROLE" or not role.actor.country:
            continue
        for child in doc[role.start:role.end].root.children:
            person = people.get(child.i) if child.dep_ == "appos" else None
            if person is not None and not person.actor.code and person.actor.actor_id:
                learned.setdefault(person.actor.actor_id, role.actor)
    _people_follow(mentions, learned, unless="code")


def _people_follow(mentions: list[Mention], learned: dict[str, ActorRef],
                   unless: str) -> None:
    """Every mention of a person something was learned about takes that code, country
    and role, unless it already has its own ``unless`` (its words stay its own)."""
    for m in mentions:
        ref = learned.get(m.actor.actor_id or "")
        if ref is not None and not getattr(m.actor, unless):
            m.actor = replace(m.actor, code=ref.code, country=ref.country, role=ref.role)


def title_words(doc: Doc, start: int) -> str:
    """The modifiers written just before a name in its noun phrase."""
    i = start
    while i > 0 and start - i < MAX_TITLE_TOKENS and doc[i - 1].dep_ in TITLE_DEPS \
            and doc[i - 1].head.i >= i - 1 and not doc[i - 1].is_space:
        i -= 1
    # "In Turkey Minister Ellwood met": the place a preposition governs is no title,
    # however the parser hung it
    while i < start and i > 0 and doc[i - 1].pos_ == "ADP" and doc[i].ent_type_ in PLACE_LABELS:
        i += 1
    return doc[i:start].text.strip(" ,'’")


@lru_cache(maxsize=4096)
def _title_agent(title: str) -> ActorRef | None:
    """'U.S. presidential envoy' -> USAGOV; 'Colombian' -> COL; None if no country."""
    ref = resolve_actor_text(title)
    if ref is not None and ref.country:
        return ref
    words = title.split()
    for word in words:
        ref = resolve_actor_text(word)
        if ref is not None and ref.country and ref.type in {"GPE", "AGENT", "ORG"}:
            # "U.S. presidential envoy": the country word with the head noun's role
            with_role = resolve_actor_text(f"{word} {words[-1]}") if word != words[-1] else None
            return with_role if with_role is not None and with_role.country else ref
    return None


def publisher_country(source: str | None, dic: ActorDictionary) -> str | None:
    """The country whose government or forces published a statement ("UK Government",
    "CENTCOM"), or None for a news outlet or an unknown source."""
    ref = resolve_actor_text(source, None, dic) if source else None
    if ref is None or not ref.country or ref.country not in dic.entries:
        return None
    return ref.country if dic.entries[ref.country].kind == "country" else None


def _publisher_offices(doc: Doc, mentions: list[Mention], dic: ActorDictionary) -> None:
    """In a government's own statement an unqualified title is that government's: "The
    Prime Minister and President Hollande met" in a UK Government release is the
    British prime minister (the holder on the statement's date when it has one)."""
    country = publisher_country(doc._.casus_source if doc.has_extension("casus_source")
                                else None, dic)
    if country is None:
        return
    on = doc._.casus_published
    for m in mentions:
        if m.label != "ROLE" or m.actor.country:
            continue
        title = " ".join(w for w in m.text.lower().split() if w not in {"the", "a", "an"})
        if dic.office(country, title) is not None:
            ref = office_ref(m.text, country, title, on, dic)
            if ref is not None:
                m.actor = ref


DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
STEM = 5  # "occupation" / "occupying": one description written two ways


def _stems(text: str) -> list[str]:
    return [w[:STEM] for w in text.lower().replace("-", " ").split() if w not in DETERMINERS]


def _definite_descriptions(mentions: list[Mention], dic: ActorDictionary) -> None:
    """"the occupation forces" after "the US occupation forces": the same description
    with its country dropped refers back to it, and takes its country. Only for "the"
    descriptions, only when every earlier such description agrees on the country."""
    for k, m in enumerate(mentions):
        ref = m.actor
        if ref.type != "AGENT" or ref.country is not None or \
                not m.text.lower().startswith("the "):
            continue
        words = _stems(m.text)
        if not words:
            continue
        countries = {
            e.actor.country for e in mentions[:k]
            if e.actor.type == "AGENT" and e.actor.country and e.actor.role == ref.role
            and len(stems := _stems(e.text)) > len(words) and stems[-len(words):] == words
            and len(stems) - len(words) <= 2}
        if len(countries) == 1:
            inferred = agent_ref(m.text, countries.pop(), ref.role, dic)
            if inferred is not None:
                m.actor = inferred


def _home_country_for_agents(mentions: list[Mention], dic: ActorDictionary) -> None:
    """"the army", "the militias", "civilians" with no country of their own take the
    document's home country: in a report about Sudan, "the army" is Sudan's army. Not
    "the occupation forces" (agents.yaml's foreign words): they are someone else's."""
    home = home_country(mentions)
    if home is None:
        return
    for m in mentions:
        ref = m.actor
        foreign = any(w.lower() in dic.foreign_words for w in m.text.split())
        if ref.type == "AGENT" and ref.country is None and ref.role in DOMESTIC_ROLES \
                and not foreign:
            inferred = agent_ref(ref.text, home, ref.role, dic)
            if inferred is not None:
                m.actor = inferred
