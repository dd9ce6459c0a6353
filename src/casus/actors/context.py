"""Codes from context for mentions the dictionary does not know.

General rules, run after recognition in the order ``apply_context`` gives:
- an abbreviation in brackets after a name ("... Army (ELN)") is that name wherever
  the document uses it again;
- a place named as a party (a city, a town, a region) stands for its country, as CAMEO
  codes "Goma" as DR Congo and capitals as their countries;
- a name's own modifiers give its country: a person's title words ("U.S. presidential
  envoy Amos Hochstein", "Colombian President Gustavo Petro"), a possessive or
  adjective before an organisation ("Colombia's National Liberation Army"), a country
  word in an organisation's name, a description set right before a name ("the Chadian
  rebel group X"); a sponsor ("Rwanda-backed", "U.S.-led") is never the owner;
- a role set beside a person's name ("X, a spokesman for Y") gives the role's code;
- a definite description with no country ("the occupation forces") is the one the
  document described earlier with its country ("the US occupation forces");
- when one country clearly dominates a document, agents with no country ("the army",
  "civilians"), unknown armed groups ("Arakan Army") and people with a domestic title
  ("President X", "Senior General Y") take it;
- a title naming a group or place the document coded ("M23 leader X") makes the person
  its member; in a government's own statement, a titled person with no other country
  is that government's official ("Minister Tobias Ellwood" in a UK release).
Every mention of an actor (same actor_id) follows what was learned about it.
Title words and name markers are data: ``data/actors/context_titles.yaml``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

import yaml
from spacy.tokens import Doc, Span, Token

from casus.actors.dictionary import ActorDictionary
from casus.actors.resolve import agent_ref, office_ref, resolve_actor_text
from casus.config import DATA_DIR
from casus.records import ActorRef, Mention

HOME_SHARE = 0.4  # a country must carry this share of a document's country mentions
# A named actor given the wrong home country carries it into every mention, so names
# take the home country only when it carries this share and this many times the next
# country's mentions.
NAMED_HOME_SHARE = 0.5
NAMED_HOME_LEAD = 2.0
DOMESTIC_ROLES = {"GOV", "MIL", "COP", "REB", "OPP", "LEG", "JUD", "SPY", "CVL", "INS", "CRM"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {"ORG", "GPE", "NORP"}  # labels an organisation's name may carry
TITLE_DEPS = {"compound", "amod", "nmod", "poss", "case", "punct", "det"}
MAX_TITLE_TOKENS = 6
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})  # a name headed by one
TITLE_PREPS = frozenset({"for", "of", "to", "in"})  # "envoy for Sudan", "minister of X"
TITLES_FILE = DATA_DIR / "actors" / "context_titles.yaml"
# "Rwanda-backed", "U.S.-led", "Iran-aligned", "Houthi-run", "pro-Iranian": words that
# name a sponsor or an ally, not the owner
_SPONSOR = re.compile(r"(?:[^\s-]+-)+(?:[a-z]+ed|run|held|built|made)\b|\b(?:pro|anti)-\S+")
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True)
class ContextWords:
    """The words of context_titles.yaml: titles with the role each gives, and the name
    endings that mark an armed group or a country's own body."""

    domestic: dict[str, str]
    official: dict[str, str]
    armed_ends: tuple[str, ...]
    armed_contains: frozenset[str]
    body_ends: tuple[str, ...]
    named_things: frozenset[str]


@lru_cache(maxsize=1)
def context_words() -> ContextWords:
    """context_titles.yaml, read once."""
    raw = yaml.safe_load(TITLES_FILE.read_text(encoding="utf-8")) or {}

    def titles(key: str) -> dict[str, str]:
        return {str(t).lower(): str(role) for role, forms in (raw.get(key) or {}).items()
                for t in forms}

    armed, bodies = raw.get("armed_groups") or {}, raw.get("domestic_bodies") or {}
    return ContextWords(
        domestic=titles("domestic"), official=titles("official"),
        armed_ends=tuple(str(w).lower() for w in armed.get("ends", [])),
        armed_contains=frozenset(str(w).lower() for w in armed.get("contains", [])),
        body_ends=tuple(str(w).lower() for w in bodies.get("ends", [])),
        named_things=frozenset(str(w).lower() for w in raw.get("named_things") or []))


# Codes that are no one's home: international bodies, and transnational armed groups
# ("IMG": a report on Daesh's attacks in Iraq is about Iraq, and its civilians are Iraqi).
NO_HOME = ("IGO", "NGO", "IMG")


def _country_counts(mentions: list[Mention]) -> Counter[str]:
    return Counter(m.actor.country for m in mentions
                   if m.actor.country and len(m.actor.country) == 3
                   and not m.actor.country.startswith(NO_HOME))


def home_country(mentions: list[Mention], publisher: str | None = None) -> str | None:
    """The country a document is about: the one most of its actors belong to, when
    one clearly dominates (at least two mentions and HOME_SHARE of them). A
    government's statement names its own officials ("Minister Ellwood said"); they do
    not make its own country what it is about, so the publisher's country is not counted."""
    counts = _country_counts([m for m in mentions if m.actor.country != publisher]
                             if publisher else mentions)
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if n >= 2 and n >= HOME_SHARE * sum(counts.values()) else None


def named_home_country(mentions: list[Mention], dic: ActorDictionary) -> str | None:
    """The home country held to the stricter standard names need: a state (not "IMG"),
    with NAMED_HOME_SHARE of the country mentions and NAMED_HOME_LEAD times the next."""
    counts = _country_counts(mentions)
    top = counts.most_common(2)
    if not top:
        return None
    country, n = top[0]
    runner_up = top[1][1] if len(top) > 1 else 0
    entry = dic.entries.get(country)
    if entry is None or entry.kind != "country":
        return None
    share = n / sum(counts.values())
    return country if n >= 2 and share >= NAMED_HOME_SHARE \
        and n >= NAMED_HOME_LEAD * runner_up else None


def apply_context(doc: Doc, mentions: list[Mention], dic: ActorDictionary) -> None:
    """Fill in countries and roles the text supports, in place. The actor's own words
    come first, then the document's home country; a member takes its group's code
    once the group has one, and a publisher and home country claim titled people
    only after that."""
    _abbreviations_follow(doc, mentions)
    _places_as_countries(doc, mentions, dic)
    _titles_give_country(doc, mentions, dic)
    _descriptions_before_names(doc, mentions)
    _appositions_give_code(doc, mentions)
    _publisher_offices(doc, mentions, dic)
    _definite_descriptions(mentions, dic)
    _titles_refer_back(doc, mentions)
    source = doc._.casus_source if doc.has_extension("casus_source") else None
    _home_country_for_agents(mentions, dic, publisher_country(source, dic))
    _home_country_for_groups(doc, mentions, dic)
    _group_titles_give_code(doc, mentions, dic)
    _publisher_officials(doc, mentions, dic)
    _officials_where_they_speak(doc, mentions, dic)
    _home_country_for_officials(doc, mentions, dic)
    _home_country_for_people(doc, mentions, dic)


def _abbreviations_follow(doc: Doc, mentions: list[Mention]) -> None:
    """"Colombia's National Liberation Army (ELN)": capitals in brackets right after a
    name abbreviate it, and every later use of them is the same actor. The document's
    definition beats a dictionary guess ("FAD" is no surname), but an organisation the
    dictionary knows by the abbreviation gives the name its code. Uses the recognizer
    left out become mentions of their own."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for long in [m for m in mentions if m.label == "ORG"]:  # not "BEIRUT (AP)"
        if not _abbreviation_after(doc, long.end):
            continue
        short = doc[long.end + 1].text
        known = [m for m in mentions if m.text == short]
        coded = next((m for m in known if m.actor.code and m.actor.type == "ORG"), None)
        if coded is not None and not long.actor.code:
            long.actor = replace(coded.actor, text=long.actor.text)
            continue
        for m in known:
            if not m.actor.code or m.actor.type == "PERSON":
                m.actor, m.label = replace(long.actor, text=m.actor.text), long.label
        for t in doc[long.end + 3:]:
            if t.text == short and t.i not in covered:
                mentions.append(Mention(
                    text=short, start=t.i, end=t.i + 1, char_start=t.idx,
                    char_end=t.idx + len(t), actor=replace(long.actor, text=short),
                    label=long.label, in_dictionary=long.in_dictionary))
                covered.add(t.i)


def _abbreviation_after(doc: Doc, end: int) -> bool:
    """"( ELN )" right after a name: one token of 2 to 8 characters, letters in
    capitals ("ELN", "M23", "NUG")."""
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    word = doc[end + 1].text
    return 2 <= len(word) <= 8 and word.isupper() and word.isalnum()


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


def _titles_give_country(doc: Doc, mentions: list[Mention], dic: ActorDictionary) -> None:
    """A person or organisation without a country takes the one its own modifiers
    name: title words ("U.S. presidential envoy X"), a possessive or an adjective
    ("Colombia's National Liberation Army", "the Sudanese paramilitary X"), or, for an
    organisation, a country word in its name ("Syrian National Coalition"). Sponsors
    ("Rwanda-backed", "U.S.-led") are not owners. All mentions of the actor follow."""
    learned: dict[str, ActorRef] = {}
    for m in mentions:
        if m.label not in {"PERSON", "ORG"} or m.actor.country or not m.actor.actor_id:
            continue
        if m.label == "ORG" and m.actor.code:
            continue
        title = own_words(_title_of(doc, m))
        agent = _title_agent(title) if title else None
        if (agent is None or not agent.country) and m.label == "ORG":
            agent = _name_country(doc[m.start:m.end], dic)
        if agent is not None and agent.country:
            learned.setdefault(m.actor.actor_id, agent)
    _people_follow(mentions, learned, unless="country")


def own_words(title: str) -> str:
    """A title without the words that name someone else: "Rwanda-backed rebel leader"
    names a sponsor, "pro-Iranian" an ally, not the owner. A possessive "'s" goes too,
    so "Iran's ambassador" reads as "Iran ambassador"."""
    return " ".join(_POSSESSIVE.sub("", _SPONSOR.sub(" ", title)).split())


def _title_of(doc: Doc, m: Mention) -> str:
    """The words before a name in its noun phrase and, for a person, the title words
    the mention took in ("Minister" of "Minister Tobias Ellwood")."""
    inside = [t.text for t in doc[m.start:m.end] if t.ent_type_ != "PERSON"] \
        if m.label == "PERSON" else []
    return " ".join([title_words(doc, m.start), *inside]).strip()


def _hyphened(token: Token) -> bool:
    """A word joined by a hyphen to the next or the previous ("Iran-aligned")."""
    doc = token.doc
    after = token.i + 1 < len(doc) and not token.whitespace_ and doc[token.i + 1].text == "-"
    before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    return after or before


def _name_country(name: Span, dic: ActorDictionary) -> ActorRef | None:
    """The one country an organisation's own name names ("Iraqi Hezbollah Brigades",
    "Free Syrian Army") by a country's name or adjective, not by a city ("Geneva
    Communique"); None if it names none or several."""
    found: dict[str, ActorRef] = {}
    for t in name:
        surface = dic.lookup(t.text) if t.text[:1].isupper() and not _hyphened(t) else None
        entry = dic.entries.get(surface.entry_id) if surface else None
        if surface is not None and entry is not None and entry.kind == "country" \
                and surface.kind in {"name", "adjective"}:
            found.setdefault(entry.id, agent_ref(t.text, entry.id, None, dic)
                             or ActorRef(text=t.text))
    return next(iter(found.values())) if len(found) == 1 else None


def _descriptions_before_names(doc: Doc, mentions: list[Mention]) -> None:
    """A name right after a description with a country is what that describes: "the
    Chadian rebel group Union X" is Chad's rebels, "Thailand's foreign minister Y"
    Thailand's minister. Only when the parse joins them (the name in apposition to, or
    compounded with, the description); all mentions of the actor follow."""
    by_end = {r.end: r for r in mentions if r.label == "ROLE" and r.actor.country}
    learned: dict[str, ActorRef] = {}
    for m in mentions:
        role = by_end.get(m.start)
        if role is None or m.label not in {"PERSON", "ORG"} or m.actor.country \
                or m.actor.code or not m.actor.actor_id:
            continue
        name, described = doc[m.start:m.end].root, doc[role.start:role.end].root
        if role.start <= name.head.i < role.end and name.dep_ in {"appos", "compound"} \
                or m.start <= described.head.i < m.end and described.dep_ in TITLE_DEPS:
            learned.setdefault(m.actor.actor_id, role.actor)
    _people_follow(mentions, learned, unless="country")


def _appositions_give_code(doc: Doc, mentions: list[Mention]) -> None:
    """A PERSON without a code takes the code of the role set beside the name, or of
    the group that role is of or for: "Mahmoud al-Rabei, a spokesman for the political
    bureau of Asaib Ahl al-Haq" speaks for the group (IRQREB), and so does a name set
    after its role ("the Iraqi Foreign Minister, Ibrahim al-Jaafari"); all mentions of
    the person follow. A dictionary person outside the dates of any role has a country
    but no role: the role the text sets beside the name, in that country, is theirs."""
    by_token = {i: m for m in mentions if m.actor.code for i in range(m.start, m.end)}
    learned: dict[str, ActorRef] = {}
    for m in mentions:
        if m.label != "PERSON" or not _roleless(m.actor) or not m.actor.actor_id:
            continue
        for child in doc[m.start:m.end].root.children:
            if child.dep_ != "appos":
                continue
            # the role itself, else the group or office it is of or for
            found = (by_token.get(t.i) for t in child.subtree)
            role = next((r for r in found if r is not None and r.label in {"ROLE", "ORG"}
                         and r.actor.country), None)
            if role is not None and _fits(m.actor, role.actor):
                learned.setdefault(m.actor.actor_id, role.actor)
    people = {i: m for m in mentions if m.label == "PERSON" for i in range(m.start, m.end)}
    for role in mentions:  # "the Iraqi Foreign Minister, Ibrahim al-Jaafari"
        if role.label != "ROLE" or not role.actor.country:
            continue
        for child in doc[role.start:role.end].root.children:
            person = people.get(child.i) if child.dep_ == "appos" else None
            if person is not None and _roleless(person.actor) and person.actor.actor_id \
                    and _fits(person.actor, role.actor):
                learned.setdefault(person.actor.actor_id, role.actor)
    _possessed_titles(doc, mentions, people, learned)
    _people_follow(mentions, learned, unless="role")


def _possessed_titles(doc: Doc, mentions: list[Mention], people: dict[int, Mention],
                      learned: dict[str, ActorRef]) -> None:
    """"the European Union's special representative for the Horn of Africa, Annette
    Weber", "Hezbollah's deputy leader, Naim Qassem": a name in apposition to a title
    the text gives an owner is the owner's. An organisation's code is taken whole; a
    country gives its country only (the title may be no office: "Kenya's top runner")."""
    owners = {i: m for m in mentions if m.actor.code and m.label in {"ORG", "GPE"}
              for i in range(m.start, m.end)}
    for token in doc:
        owner = next((owners.get(c.i) for c in token.children if c.dep_ == "poss"), None)
        if owner is None or token.pos_ != "NOUN":
            continue
        # the parser often hangs the name on the title's last noun ("the AU's envoy for
        # Sudan, X"): appositions of the title's prepositional objects count too
        held = [token] + [o for p in token.children if p.dep_ == "prep"
                          and p.lower_ in TITLE_PREPS for o in p.children if o.dep_ == "pobj"]
        for child in (c for h in held for c in h.children):
            person = people.get(child.i) if child.dep_ == "appos" else None
            if person is None or not _roleless(person.actor) or not person.actor.actor_id \
                    or person.actor.country:
                continue
            ref = owner.actor if owner.label == "ORG" else replace(
                owner.actor, code=owner.actor.country, role=None)
            learned.setdefault(person.actor.actor_id, ref)


def _roleless(ref: ActorRef) -> bool:
    """No code, or a dictionary person's bare country (no role on this date)."""
    return not ref.code or (not ref.role and ref.code == ref.country)


def _fits(person: ActorRef, role: ActorRef) -> bool:
    """A role beside a name of known country must be of that country."""
    return not person.country or person.country == role.country


def _people_follow(mentions: list[Mention], learned: dict[str, ActorRef],
                   unless: str) -> None:
    """Every mention of a person something was learned about takes that code, country
    and role, unless it already has its own ``unless`` (its words stay its own)."""
    for m in mentions:
        ref = learned.get(m.actor.actor_id or "")
        if ref is not None and not getattr(m.actor, unless):
            m.actor = replace(m.actor, code=ref.code, country=ref.country, role=ref.role)


MAX_BACK_TITLE = 3  # "the envoy", "the crown prince", "the foreign minister"


def _titles_refer_back(doc: Doc, mentions: list[Mention]) -> None:
    """"the envoy told reporters" after "U.S. presidential envoy Amos Hochstein", "the
    crown prince pledged" after "Saudi Crown Prince Mohammed bin Salman": a definite
    title with no country of its own is the person last introduced with it (in the
    words before the name or in an apposition), and takes that person's actor."""
    people: list[tuple[Mention, set[str]]] = []
    for m in sorted(mentions, key=lambda x: x.start):
        if m.label == "PERSON" and m.actor.actor_id:
            people.append((m, _introduced_as(doc, m)))
            continue
        words = m.text.lower().split()
        if m.label != "ROLE" or m.actor.country or words[:1] != ["the"] \
                or not 0 < len(words) - 1 <= MAX_BACK_TITLE:
            continue
        title = set(words[1:])
        person = next((p for p, said in reversed(people) if title <= said), None)
        if person is not None:
            m.actor = replace(person.actor, text=m.actor.text)


def _introduced_as(doc: Doc, person: Mention) -> set[str]:
    """The title words a person was introduced with: before the name, inside the
    mention, or in an apposition ("Ramtane Lamamra, the UN's personal envoy")."""
    words = title_words(doc, person.start).lower().split()
    words += [t.lower_ for t in doc[person.start:person.end] if t.ent_type_ != "PERSON"]
    root = doc[person.start:person.end].root
    for child in root.children:
        if child.dep_ == "appos":
            words += [t.lower_ for t in child.subtree if t.is_alpha]
    return set(words)


def title_words(doc: Doc, start: int) -> str:
    """The modifiers written just before a name in its noun phrase."""
    return doc[title_start(doc, start):start].text.strip(" ,'’")


def title_start(doc: Doc, start: int) -> int:
    """Where the modifiers before a name begin: "Colombia's President" of "Colombia's
    President Gustavo Petro", "Senior" of "Senior General Min Aung Hlaing"."""
    i = start
    while i > 0 and start - i < MAX_TITLE_TOKENS and doc[i - 1].dep_ in TITLE_DEPS \
            and not doc[i - 1].is_space and (
                doc[i - 1].head.i >= i - 1
                or doc[i - 1].dep_ == "case" and doc[i - 1].head.i == i - 2):  # "'s"
        i -= 1
    # "In Turkey Minister Ellwood met": the place a preposition governs is no title,
    # however the parser hung it
    while i < start and i > 0 and doc[i - 1].pos_ == "ADP" and doc[i].ent_type_ in PLACE_LABELS:
        i += 1
    return i


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


def _home_country_for_agents(mentions: list[Mention], dic: ActorDictionary,
                             publisher: str | None = None) -> None:
    """"the army", "the militias", "civilians" with no country of their own take the
    document's home country: in a report about Sudan, "the army" is Sudan's army. Not
    "the occupation forces" (agents.yaml's foreign words): they are someone else's."""
    home = home_country(mentions, publisher)
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


def _home_country_for_groups(doc: Doc, mentions: list[Mention], dic: ActorDictionary) -> None:
    """An organisation the dictionary does not know whose name marks a non-state armed
    group ("Arakan Army", "People's Defence Force", "X Liberation Front"), or that the
    text calls fighters or rebels ("M23 fighters"), is an insurgency of the country a
    report is about: that country, role REB. A name marking a country's own body
    ("National Unity Government") takes the country alone. Kept narrow: state forces
    are in the dictionary under their country, a foreign group is usually introduced
    with its country, a name with a country word of its own is left to that word, and
    the home country must dominate by the stricter standard (named_home_country)."""
    home = named_home_country(mentions, dic)
    if home is None:
        return
    learned: dict[str, ActorRef] = {}
    for m in mentions:
        if m.label not in NAME_LABELS or m.actor.country or m.actor.code \
                or m.in_dictionary or not m.actor.actor_id:
            continue
        group, role = _group_kind(doc, m, dic)
        if group and not _names_a_country(doc[m.start:m.end], dic):
            ref = agent_ref(m.text, home, role, dic)
            if ref is not None:
                learned.setdefault(m.actor.actor_id, ref)
    _people_follow(mentions, learned, unless="country")


def _group_kind(doc: Doc, m: Mention, dic: ActorDictionary) -> tuple[bool, str | None]:
    """(is a domestic group, its role): REB for an armed group's name or a name that
    modifies fighters or rebels, no role for a body's name; (False, None) otherwise."""
    words = context_words()
    if _name_ends(m.text, words.armed_ends, at_least=2) or \
            words.armed_contains & set(m.text.lower().split()):
        return True, "REB"
    root = doc[m.start:m.end].root
    head = root.head
    if root.dep_ == "compound" and head.i >= m.end and \
            dic.agents.get(head.lower_, ("", False))[0] == "REB":
        return True, "REB"  # "M23 fighters", "the Wazalendo militia"
    organ = dic.agents.get(root.lower_, ("", False))[0]
    if organ in STATE_ORGANS and len(m.text.split()) >= 2:
        return True, organ  # "the Department of Foreign Affairs", "the Interior Ministry"
    return _name_ends(m.text, words.body_ends, at_least=2), None


def _name_ends(text: str, endings: tuple[str, ...], at_least: int) -> bool:
    """Whether a name of at least ``at_least`` words ends with one of ``endings``."""
    words = text.lower().replace("-", " ").split()
    return len(words) >= at_least and any(
        words[-len(e.split()):] == e.split() for e in endings)


def _names_a_country(name: Span, dic: ActorDictionary) -> bool:
    """Whether any word of a name is a country's name, adjective or capital."""
    for t in name:
        surface = dic.lookup(t.text) if t.text[:1].isupper() else None
        entry = dic.entries.get(surface.entry_id) if surface else None
        if entry is not None and entry.kind == "country":
            return True
    return False


def _group_titles_give_code(doc: Doc, mentions: list[Mention], dic: ActorDictionary) -> None:
    """A person whose title names a group or place the document coded is its member
    or official: "M23 leader X" takes M23's code, "Kharkiv mayor Y" Ukraine with the
    title's role (GOV), like "X, a spokesman for Y" (_appositions_give_code). The group
    must be followed by a noun of the title (the role); a sponsor ("Iran-backed militia
    leader") is not the person's group. All mentions of the person follow."""
    by_token = {i: g for g in mentions if g.label in NAME_LABELS and g.actor.country
                for i in range(g.start, g.end)}
    learned: dict[str, ActorRef] = {}
    for m in mentions:
        if m.label != "PERSON" or m.actor.country or not m.actor.actor_id:
            continue
        start = title_start(doc, m.start)
        title = [t for t in doc[start:m.end] if t.i < m.start or t.ent_type_ != "PERSON"]
        for k, t in enumerate(title):
            group = by_token.get(t.i)
            if group is None or _hyphened(t) or not any(
                    w.pos_ in {"NOUN", "PROPN"} and w.i >= group.end for w in title[k:]):
                continue
            role = title_role(" ".join(w.text for w in title), official=True)
            ref = group.actor if group.actor.role or group.actor.type != "GPE" \
                else agent_ref("", group.actor.country, role, dic)
            if ref is not None:
                learned.setdefault(m.actor.actor_id, ref)
            break
    _people_follow(mentions, learned, unless="country")


def title_role(title: str, official: bool = False) -> str | None:
    """The role an office or rank title gives ("Interim Prime Minister" -> GOV, "Senior
    General" -> MIL), read from its last words, longest match first; None if it names
    no office. ``official`` adds the titles only a government's statement places
    ("Ambassador", "Spokesperson"). Words: context_titles.yaml."""
    words = context_words()
    parts = _POSSESSIVE.sub("", title).lower().replace(".", "").split()
    for n in range(min(len(parts), 4), 0, -1):
        key = " ".join(parts[-n:])
        role = words.domestic.get(key) or (words.official.get(key) if official else None)
        if role:
            return role
    return None


def _titled_names(doc: Doc, mentions: list[Mention], official: bool) -> dict[str, str]:
    """actor_id -> role of the names with no country written with an office or rank
    title ("Minister Tobias Ellwood", "President Gustavo Petro" even when the model
    tagged it ORG: a person's title before a name makes it a person)."""
    found: dict[str, str] = {}
    for m in mentions:
        if m.label not in {"PERSON", "ORG"} or m.actor.country or not m.actor.actor_id:
            continue
        if m.label == "ORG" and (m.actor.code or m.in_dictionary):
            continue
        role = title_role(_title_of(doc, m), official)
        if role is not None:
            found.setdefault(m.actor.actor_id, role)
    return found


def _publisher_officials(doc: Doc, mentions: list[Mention], dic: ActorDictionary) -> None:
    """In a government's own statement a titled person with no country of their own
    is that government's official: "Minister Tobias Ellwood" in a UK Government
    release is GBRGOV, "Gen. X" in a CENTCOM release USAMIL. Runs after every rule
    that reads the person's own words, so "Iraqi Foreign Minister Y" keeps Iraq."""
    country = publisher_country(doc._.casus_source if doc.has_extension("casus_source")
                                else None, dic)
    if country is None:
        return
    _give_country(mentions, _titled_names(doc, mentions, official=True), country, dic)


def _officials_where_they_speak(doc: Doc, mentions: list[Mention],
                                dic: ActorDictionary) -> None:
    """"In Beijing, foreign ministry spokeswoman Mao Ning said ...": wire copy places an
    official by the capital the sentence opens in. A titled person with no country,
    in a sentence opening "In <place>," whose country is known, is that country's."""
    places = {m.start: m for m in mentions if m.label in PLACE_LABELS and m.actor.country}
    roles: dict[str, tuple[str, str]] = {}
    for m in mentions:
        if m.label != "PERSON" or m.actor.country or not m.actor.actor_id:
            continue
        sentence = doc[m.start].sent
        first = sentence[0]
        place = places.get(first.i + 1) if first.lower_ == "in" else None
        if place is None or place.end >= m.start or doc[place.end].text != ",":
            continue
        role = title_role(_title_of(doc, m), official=True)
        if role is not None and place.actor.country:
            roles.setdefault(m.actor.actor_id, (place.actor.country, role))
    learned = {actor_id: ref for actor_id, (country, role) in roles.items()
               if (ref := agent_ref("", country, role, dic)) is not None}
    _people_follow(mentions, learned, unless="country")


def _home_country_for_officials(doc: Doc, mentions: list[Mention],
                                dic: ActorDictionary) -> None:
    """A person with a domestic title ("President X", "Senior General Y", "Speaker Z")
    and no country takes the document's home country when it dominates by the
    stricter standard for names: in a report on Colombia, "President Gustavo Petro" is
    Colombia's. Envoys and spokespeople are not domestic titles."""
    home = named_home_country(mentions, dic)
    if home is not None:
        _give_country(mentions, _titled_names(doc, mentions, official=False), home, dic)


def _home_country_for_people(doc: Doc, mentions: list[Mention], dic: ActorDictionary) -> None:
    """A person the dictionary does not know, named with no title and no country of
    their own ("Luis Manuel Díaz, the father of ..."), is of the country the report is
    about when it dominates by the stricter standard for names: private people in
    conflict reporting are mostly the victims, relatives and residents of the place
    reported on. Runs last, so any title, apposition or publisher claims them first;
    only the country is given (no role: the text does not say one)."""
    home = named_home_country(mentions, dic)
    if home is None:
        return
    things = context_words().named_things
    placed = {m.actor.actor_id for m in mentions if m.actor.country or m.in_dictionary
              or (m.start > 0 and doc[m.start - 1].lower_ in things)}  # "the tanker X"
    people = {m.actor.actor_id for m in mentions if m.label == "PERSON" and not m.actor.code
              and m.actor.actor_id and m.actor.actor_id not in placed}
    ref = agent_ref("", home, None, dic)
    if ref is not None:
        _people_follow(mentions, dict.fromkeys(people, ref), unless="country")


def _give_country(mentions: list[Mention], roles: dict[str, str], country: str,
                  dic: ActorDictionary) -> None:
    learned = {actor_id: ref for actor_id, role in roles.items()
               if (ref := agent_ref("", country, role, dic)) is not None}
    _people_follow(mentions, learned, unless="country")
