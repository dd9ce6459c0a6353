"""Turn dictionary entries, names and agent phrases into ActorRefs with stable ids.

Ids: a dictionary actor is ``stable_id("actor", entry_id)``; any other name is
``stable_id("actor", name_key(name))`` so its spellings share one id; a generic agent
("an Iraqi government source") is ``stable_id("agent", code)``.
"""

from __future__ import annotations

from datetime import date

from casus.actors.dictionary import ActorDictionary, Entry, default_dictionary
from casus.actors.names import name_key
from casus.actors.roles import ROLE_LABELS, join_code, parse_code
from casus.records import ActorRef, stable_id

_LABEL_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP"}
_DETERMINERS = ("the ", "a ", "an ")


def entry_ref(entry: Entry, text: str, on: date | None) -> ActorRef:
    """The ref of a dictionary entry with the code its role period on ``on`` gives."""
    code = entry.code_on(on)
    country, role = parse_code(code)
    return ActorRef(text=text, actor_id=stable_id("actor", entry.id), name=entry.name,
                    code=code, country=country, role=role, type=entry.type)


def name_ref(text: str, canonical: str, label: str | None) -> ActorRef:
    """A name the dictionary does not know: an actor of unknown code, id from its key."""
    return ActorRef(text=text, actor_id=stable_id("actor", name_key(canonical) or canonical),
                    name=canonical, type=_LABEL_TYPES.get(label or "", label))


def agent_ref(text: str, country: str | None, role: str | None,
              dictionary: ActorDictionary) -> ActorRef | None:
    """A generic agent: country + role ("Iraqi government" → IRQGOV), or None if neither."""
    code = join_code(country, role)
    if code is None:
        return None
    entry = dictionary.entries.get(country or "")
    place = entry.name if entry else country
    label = ROLE_LABELS.get(role or "", role)
    name = " ".join(p for p in (place, f"({label})" if label else None) if p)
    return ActorRef(text=text, actor_id=stable_id("agent", code), name=name, code=code,
                    country=country, role=role, type="AGENT" if role else "GPE")


def office_ref(text: str, country: str | None, title: str, on: date | None,
               dictionary: ActorDictionary) -> ActorRef | None:
    """A title ("the Iraqi prime minister") as its holder on ``on``, else country + role."""
    office = dictionary.office(country, title)
    if office is None:
        return None
    holder = office.holder_on(on)
    if holder is not None:
        return entry_ref(dictionary.entries[holder], text, on)
    country_code, role = parse_code(office.code)
    return agent_ref(text, country_code, role, dictionary)


def clean_text(text: str) -> str:
    """Trim quotes, brackets and a possessive "'s" from a mention's text."""
    text = text.strip().strip("\"'“”‘’«»()[],;:").strip()
    if text.endswith(".") and "." not in text[:-1]:  # a full stop, not "U.S."
        text = text[:-1].strip()
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


def resolve_actor_text(text: str, on: date | None = None,
                       dictionary: ActorDictionary | None = None) -> ActorRef | None:
    """Resolve a short text ("Al-Kazemi", "the Iraqi government", "US forces") cheaply.

    No spaCy: dictionary surfaces by name key, person surnames, then "country word +
    role word" and "country word + title". None when nothing is recognised.
    """
    dic = dictionary or default_dictionary()
    written = clean_text(text)
    if not written:
        return None
    surface = dic.lookup(written)
    if surface is not None:
        return entry_ref(dic.entries[surface.entry_id], written, on)
    person = dic.person_by_surname(written)
    if person is not None:
        return entry_ref(person, written, on)
    return _resolve_agent_text(written, on, dic)


def _resolve_agent_text(full: str, on: date | None, dic: ActorDictionary) -> ActorRef | None:
    written, low = full, full.lower()
    for det in _DETERMINERS:
        if low.startswith(det):
            written, low = written[len(det):], low[len(det):]
    words = written.split()
    for cut in range(1, len(words)):
        head, rest = " ".join(words[:cut]), " ".join(words[cut:]).lower()
        surface = dic.lookup(head)
        if surface is None or rest not in dic.agents:
            continue
        country = dic.entries[surface.entry_id]
        ref = office_ref(full, country.id, rest, on, dic)
        if ref is not None:
            return ref
        if country.kind == "country":
            return agent_ref(full, country.id, dic.agents[rest][0], dic)
        return entry_ref(country, full, on)
    if low in dic.agents and not dic.agents[low][1]:
        return agent_ref(full, None, dic.agents[low][0], dic)
    return None
