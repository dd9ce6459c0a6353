"""All actor mentions of a Doc: dictionary names, other names, titles and agents.

Order of trust: dictionary hits (they fix the NER's PERSON/ORG mistakes and glued
headline words), then NER names (ids from their name key, so spellings agree), then
agent phrases built from the parse ("an Iraqi government source" → IRQGOV). Partial
names ("Kazemi", "General Qaani") attach to a person named in the same document.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from casus.actors.context import apply_context
from casus.actors.dictionary import ActorDictionary, Entry
from casus.actors.matching import DictionaryMatcher, Hit, _non_overlapping
from casus.actors.names import (
    _TITLES,
    SAME_NAME,
    _name_words,
    name_key,
    same_name,
    short_keys,
    surname_keys,
)
from casus.actors.resolve import agent_ref, clean_text, entry_ref, name_ref, office_ref
from casus.records import ActorRef, Mention, stable_id

_NER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_MODIFIER_DEPS = {"amod", "compound", "poss", "case", "det", "nmod", "npadvmod", "punct"}
_PREPS = {"of", "in", "from"}


class MentionFinder:
    """Built once per pipeline (matchers and indexes); called once per Doc."""

    def __init__(self, vocab: Vocab, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self.matcher = DictionaryMatcher(vocab, dictionary)
        self.roles = PhraseMatcher(vocab, attr="LOWER")
        for form in dictionary.agents:
            self.roles.add(form, [Doc(vocab, words=form.replace("-", " - ").split())])

    def __call__(self, doc: Doc, on: date | None) -> list[Mention]:
        hits = _defer_to_people(doc, self.matcher(doc))
        roles = _longest([(s, e) for _, s, e in self.roles(doc) if doc[e - 1].pos_ != "ADJ"])
        role_tokens = {i for s, e in roles for i in range(s, e)}
        mentions = [m for m in (self._hit_mention(doc, h, role_tokens, on) for h in hits) if m]
        taken = {i for m in mentions for i in range(m.start, m.end)}
        generic = {i for h in hits for i in range(h.start, h.end)}
        generic |= {i for s, e in roles for i in range(s, e)}
        mentions += self._ner_mentions(doc, taken, generic, on)
        country_at = {i: h for h in hits for i in range(h.start, h.end)}
        mentions = [self._with_title(doc, m, country_at, on) for m in mentions]
        _link_partial_names(mentions, self.dictionary, on)
        _link_spelling_variants(mentions)
        mentions += _bare_surnames(doc, mentions)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        mentions += self._agent_mentions(doc, roles, taken, country_at, mentions, on)
        apply_context(doc, mentions, self.dictionary)
        return _sorted_unique(mentions)

    def _hit_mention(self, doc: Doc, hit: Hit, role_tokens: set[int],
                     on: date | None) -> Mention | None:
        entry = self.dictionary.entries[hit.surface.entry_id]
        span = doc[hit.start:hit.end]
        if entry.kind == "country" and _is_modifier(span) and (
                hit.surface.kind == "adjective" or span.root.head.i in role_tokens):
            return None  # "Iraqi caution", "US forces": a modifier, used by agent rules
        return _mention(span, entry_ref(entry, clean_text(span.text), on), entry.type, True)

    def _ner_mentions(self, doc: Doc, taken: set[int], generic: set[int],
                      on: date | None) -> list[Mention]:
        """NER names the dictionary did not claim.

        Spans made only of country words, role words and determiners ("Iranian Foreign
        Ministry") are left to the agent rules, which code them.
        """
        found = []
        for ent in _joined_names(doc):
            if ent.label_ not in _NER_LABELS or not taken.isdisjoint(range(ent.start, ent.end)):
                continue
            span = _trim(ent)
            if span is None or all(t.i in generic or t.is_stop for t in span):
                continue
            text = clean_text(span.text)
            single = len(surname_keys(text)) == 1  # one name word: "al-Kadhimi", "Qaani"
            person = self.dictionary.person_by_surname(text) if single else None
            if person is not None:
                found.append(_mention(span, entry_ref(person, text, on), "PERSON", True))
                continue
            people = self._people_of(span) if ent.label_ == "NORP" else None
            if people is not None:
                found.append(people)
                continue
            written = self.dictionary.written(text)  # "Dae’sh": one token the matcher missed
            if written is not None and ent.label_ != "NORP":
                entry = self.dictionary.entries[written.entry_id]
                found.append(_mention(span, entry_ref(entry, text, on), ent.label_, True))
            elif ent.label_ != "NORP":
                found.append(_mention(span, name_ref(text, text, ent.label_), ent.label_, False))
        return found

    def _people_of(self, span: Span) -> Mention | None:
        """"deported 1,800 Haitians", "the Syrians who fought": a plural demonym is
        people of that country (no role: the text says what they are, if anything)."""
        text = clean_text(span.text)
        if span[-1].tag_ not in {"NNPS", "NNS"} or not text.endswith("s"):
            return None
        surface = self.dictionary.written(text[:-1])
        entry = self.dictionary.entries.get(surface.entry_id) if surface else None
        if surface is None or surface.kind != "adjective" or entry is None \
                or entry.kind != "country":
            return None
        ref = agent_ref(text, entry.id, None, self.dictionary)
        return _mention(span, ref, "NORP", True) if ref is not None else None

    def _with_title(self, doc: Doc, m: Mention, country_at: dict[int, Hit],
                    on: date | None) -> Mention:
        """Take a title into a person mention: "Prime Minister Mohammed Shia' Al-Sudani".

        A country word before the title comes too ("US President Joe Biden"), unless a
        preposition makes it a place ("In Turkey Minister Ellwood met ...").
        """
        if m.label != "PERSON":
            return m
        start = m.start
        while start > 0 and (doc[start - 1].lower_.rstrip(".") in _TITLES
                             and doc[start - 1].is_title):
            start -= 1
        if start == m.start:
            return m
        hit = country_at.get(start - 1)
        if hit is not None and hit.surface.entry_id.isupper() and not (
                hit.start > 0 and doc[hit.start - 1].pos_ == "ADP"):
            start = hit.start  # not "In Turkey Minister Ellwood met": a place, not a title
        span = doc[start:m.end]
        title = doc[start:m.start].text.lower()
        actor = m.actor
        if not m.in_dictionary:
            office = office_ref(actor.text, None, title, on, self.dictionary)
            if office is not None and office.role:
                actor.role = office.role
        actor.text = clean_text(span.text)
        return _mention(span, actor, m.label, m.in_dictionary)

    def _agent_mentions(self, doc: Doc, roles: list[tuple[int, int]], taken: set[int],
                        country_at: dict[int, Hit], mentions: list[Mention],
                        on: date | None) -> list[Mention]:
        spans = [(s, e) for s, e in roles if taken.isdisjoint(range(s, e))]
        mentioned = {m.actor.actor_id for m in mentions if m.actor.actor_id}
        out = []
        for start, end in spans:
            agent = self._agent(doc, start, end, country_at, mentioned, on)
            if agent is not None and taken.isdisjoint(range(agent.start, agent.end)):
                out.append(agent)
                taken.update(range(agent.start, agent.end))
        return out

    def _agent(self, doc: Doc, start: int, end: int, country_at: dict[int, Hit],
               mentioned: set[str], on: date | None) -> Mention | None:
        title = doc[start:end].text.lower()
        role, weak = self.dictionary.agents[title]
        left = _left_edge(doc, start, country_at)
        right = _right_edge(doc, end)
        owner = _owner(doc, left, start, right, country_at)
        span = doc[left:right]
        text = clean_text(span.text)
        entry = self.dictionary.entries[owner.surface.entry_id] if owner else None
        if entry is not None and entry.kind != "country":
            return _mention(span, entry_ref(entry, text, on), entry.type, True)
        country = entry.id if entry else None
        ref = office_ref(text, country, title, on, self.dictionary) if country else None
        if ref is None and country is None:
            ref = self._office_in_doc(text, title, on, mentioned)
        if ref is None:
            if weak and country is None:
                return None  # "a source", "officials": nobody identifiable
            ref = agent_ref(text, country, role, self.dictionary)
        return _mention(span, ref, "ROLE", False) if ref else None

    def _office_in_doc(self, text: str, title: str, on: date | None,
                       mentioned: set[str]) -> ActorRef | None:
        """"the prime minister": the holder on ``on`` if that person is named in the doc."""
        for office in self.dictionary.offices_titled(title):
            holder = office.holder_on(on)
            if holder and entry_id_of(holder) in mentioned:
                return entry_ref(self.dictionary.entries[holder], text, on)
        return None


def entry_id_of(entry_id: str) -> str:
    """The actor_id of a dictionary entry."""
    return stable_id("actor", entry_id)


def _mention(span: Span, actor: ActorRef, label: str | None, in_dict: bool) -> Mention:
    return Mention(text=clean_text(span.text), start=span.start, end=span.end,
                   char_start=span.start_char, char_end=span.end_char, actor=actor,
                   label=label, in_dictionary=in_dict)


# Titles written right before a person's name. A country word after one is the
# person's name ("President Hollande", "Foreign Minister Israel Katz"); words that
# also qualify countries ("former Yugoslavia", "Foreign") are not among them.
_NAME_TITLES = {
    "president", "minister", "premier", "general", "gen", "colonel", "col", "king",
    "prince", "sheikh", "emir", "sultan", "mr", "mrs", "ms", "dr", "senator", "sen",
    "ambassador", "chancellor", "ayatollah", "imam", "judge", "secretary", "spokesman",
    "commander", "admiral", "marshal", "speaker",
}


def _defer_to_people(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """Drop place/country hits inside a longer NER PERSON ("Riyadh" in "Riyadh Fakhri")
    or right after a person's title ("President Hollande")."""
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    inside = {i for e in people if len(e) > 1 for i in range(e.start, e.end)}

    def a_person(h: Hit) -> bool:
        if h.surface.kind == "name" and not h.surface.entry_id.isupper():
            return False  # a named actor, not a country word
        titled = h.start > 0 and doc[h.start - 1].lower_.rstrip(".") in _NAME_TITLES
        return titled or inside.issuperset(range(h.start, h.end))

    return [h for h in hits if not a_person(h)]


def _is_modifier(span: Span) -> bool:
    root = span.root
    return root.dep_ in {"amod", "compound", "nmod", "poss"} and root.head.i >= span.end


_NAME_LINKS = {"al", "el", "bin", "ibn", "bint", "abu", "ould"}


def _joined_names(doc: Doc) -> list[Span]:
    """The NER spans, with a person's name the model cut before its family name or
    nisba made whole again: "Karim Hadad" + "al-Tamimi" when both are PERSON and
    adjacent, or when the words before "al-Tamimi" are capitalised proper nouns the
    model left outside any entity."""
    out: list[Span] = []
    for ent in doc.ents:
        prev = out[-1] if out else None
        linked = ent.label_ == "PERSON" and ent[0].lower_ in _NAME_LINKS
        if linked and prev is not None and prev.label_ == "PERSON" and prev.end == ent.start:
            out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
            continue
        if linked:
            start = ent.start
            while (start > 0 and ent.start - start < 3 and doc[start - 1].ent_iob_ == "O"
                   and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title):
                start -= 1
            ent = Span(doc, start, ent.end, label="PERSON")
        out.append(ent)
    return out


def _trim(ent: Span) -> Span | None:
    """Drop a leading determiner and trailing punctuation/possessive from an NER span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].is_punct or doc[start].lower_ in {"the", "a", "an"}):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "’s"}):
        end -= 1
    return doc[start:end] if end > start else None


def _left_edge(doc: Doc, start: int, country_at: dict[int, Hit]) -> int:
    """Walk left over the noun phrase's modifiers: "an Iraqi government" ← "source"."""
    i = start
    while i > 0:
        tok = doc[i - 1]
        if doc[i].is_sent_start:
            break
        if i - 1 in country_at:
            i = country_at[i - 1].start
            continue
        if tok.dep_ in _MODIFIER_DEPS and not tok.is_punct and tok.head.i >= start \
                and tok.ent_type_ not in ("DATE", "TIME"):  # "Earlier this month the army"
            i -= 1
            continue
        if tok.dep_ == "case" and i - 2 in country_at:  # "Iran's foreign ministry"
            i = country_at[i - 2].start
            continue
        break
    return i


def _right_edge(doc: Doc, end: int) -> int:
    """Extend over the head a role word modifies: "government" → "government source"."""
    last = doc[end - 1]
    while (last.dep_ == "compound" and end <= last.head.i < end + 3
           and last.head.pos_ in {"NOUN", "PROPN"}):
        end = last.head.i + 1
        last = doc[end - 1]
    return end


def _owner(doc: Doc, left: int, start: int, right: int,
           country_at: dict[int, Hit]) -> Hit | None:
    """The named actor a phrase belongs to: a modifier, else an "of/in X" attachment."""
    for i in range(start - 1, left - 1, -1):
        if i in country_at:
            return country_at[i]
    # Follow of/in/for chains: "the commander of the missile forces in Asaib Ahl
    # al-Haq", "the spokesman for the political bureau of" a group: members take the
    # group's code.
    heads, seen = [doc[right - 1]], 0
    while heads and seen < 3:
        seen += 1
        following = []
        for head in heads:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in _PREPS:
                    for obj in child.children:
                        if obj.dep_ == "pobj" and obj.i in country_at:
                            return country_at[obj.i]
                        if obj.dep_ == "pobj":
                            group = _named_modifier(obj, country_at)
                            if group is not None:
                                return group
                            following.append(obj)
        heads = following
    return None


def _named_modifier(noun: Token, country_at: dict[int, Hit]) -> Hit | None:
    """A named organisation modifying a noun: 'the "Asa'ib Ahl al-Haq" movement'. Country
    words are left out: in "the Iraqi army" the army, not Iraq, is the owner."""
    for token in noun.subtree:
        if token.i >= noun.i:
            break
        hit = country_at.get(token.i)
        if hit is not None and not hit.surface.entry_id.isupper():
            return hit
    return None


def _link_partial_names(mentions: list[Mention], dic: ActorDictionary, on: date | None) -> None:
    """Attach partial names to the full names of the same document.

    A person mention whose surname key (or whole key) is the surname of a fuller
    person mention takes that mention's actor: "Kazemi" → "Mustafa al-Kadhimi",
    "Zubaidi" → "Abdelkarim al-Zoubaidi"; so does a shorter form of a fuller name
    ("Abu Layth" → "Abu Layth al-Tamimi", "Luis Díaz" → "Luis Manuel Díaz"). A key two
    different full names share links nothing. A lone surname the model tagged as an
    organisation or place, and the dictionary does not know, is the person too.
    """
    full: dict[str, ActorRef] = {}
    shared: set[str] = set()
    people = [m for m in mentions if m.label == "PERSON" and len(surname_keys(m.text)) > 1]
    for m in sorted(people, key=lambda m: -len(_name_words(m.text))):
        if name_key(m.text) in full:
            continue  # itself the short form of a fuller name
        for key in (*surname_keys(m.text), *short_keys(m.text)):
                if full.setdefault(key, m.actor).actor_id != m.actor.actor_id:
                    shared.add(key)
    for key in shared:
        del full[key]
    for m in mentions:
        keys = surname_keys(m.text)
        mislabelled = m.label in {"ORG", "GPE"} and not m.in_dictionary and len(keys) == 1 \
            and len(_name_words(m.text)) == 1  # "Mamani, 41, was freed" tagged ORG
        if m.label != "PERSON" and not mislabelled:
            continue
        key = keys[0] if len(keys) == 1 else name_key(m.text)
        target = full.get(key)
        if target is not None and mislabelled:
            m.label = "PERSON"
        if target is not None and target.actor_id != m.actor.actor_id:
            m.actor = ActorRef(text=m.actor.text, actor_id=target.actor_id, name=target.name,
                               code=target.code, country=target.country, role=target.role,
                               type=target.type)
            m.in_dictionary = m.in_dictionary or target.code is not None


def _bare_surnames(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Later surnames the model did not tag: "Díaz, 58, was seized" after "Luis Manuel
    Díaz". A capitalised proper noun outside every mention and entity, written after a
    fuller person mention whose last word it is, is that person; a surname two people
    of the document share is left alone."""
    firsts: dict[str, Mention] = {}
    shared: set[str] = set()
    for m in mentions:
        if m.label == "PERSON" and len(_name_words(m.text)) > 1:
            key = name_key(_name_words(m.text)[-1])
            if firsts.setdefault(key, m).actor.actor_id != m.actor.actor_id:
                shared.add(key)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ or token.i in taken \
                or not token.text[:1].isupper():
            continue
        key = name_key(token.text)
        first = firsts.get(key)
        if first is None or key in shared or first.start > token.i \
                or token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN" \
                or token.i > 0 and doc[token.i - 1].pos_ == "PROPN":
            continue  # part of another name
        found.append(_mention(doc[token.i:token.i + 1], replace(first.actor, text=token.text),
                              "PERSON", first.in_dictionary))
    return found


def _link_spelling_variants(mentions: list[Mention]) -> None:
    """Give names outside the dictionary that one article spells two ways one actor.

    Keys already join most romanisations; ``same_name`` catches the rest (a vowel
    dropped: "Zawahiri"/"Zawahri", words run together: "Amir-Abdollahian"). The first
    spelling's actor wins, so the result does not depend on anything outside the text.
    """
    firsts: dict[tuple[str | None, str], list[Mention]] = {}
    for m in mentions:
        if m.in_dictionary or m.label not in {"PERSON", "ORG"} or m.actor.code:
            continue
        # same_name is below SAME_NAME whenever the first sounds differ: compare within
        # a first sound only, so a long list of names is not compared pair by pair
        key = name_key(m.text)
        block = firsts.setdefault((m.label, key[:1]), [])
        for first in block:
            if first.actor.actor_id != m.actor.actor_id and first.text != m.text \
                    and same_name(first.text, m.text) >= SAME_NAME:
                m.actor = ActorRef(text=m.actor.text, actor_id=first.actor.actor_id,
                                   name=first.actor.name, code=None, country=first.actor.country,
                                   role=first.actor.role, type=first.actor.type)
                break
        else:
            if key and all(first.text != m.text for first in block):
                block.append(m)


def _longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    taken: set[int] = set()
    for s, e in sorted(spans, key=lambda x: (-(x[1] - x[0]), x[0])):
        if taken.isdisjoint(range(s, e)):
            kept.append((s, e))
            taken.update(range(s, e))
    return sorted(kept)


def _sorted_unique(mentions: list[Mention]) -> list[Mention]:
    hits = [Hit(m.start, m.end, None) for m in mentions]  # type: ignore[arg-type]
    keep = {(h.start, h.end) for h in _non_overlapping(hits)}
    return sorted((m for m in mentions if (m.start, m.end) in keep), key=lambda m: m.start)


__all__ = ["Entry", "MentionFinder"]
