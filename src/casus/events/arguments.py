"""Who did it and to whom: event arguments read from the dependency parse.

Parties are never invented: an argument becomes a party only through an actor
mention (``doc._.casus_mentions``, set by ``casus_actors``) that covers the argument
or sits inside it. When no mention list was set (the coder running alone), spaCy's
PERSON/ORG/GPE/NORP entities stand in, widened over the noun they modify ("Iraqi
police"), and a bare noun phrase is used as plain text as a last resort.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from casus.actors import resolve_actor_text
from casus.actors.context import PLACE_LABELS
from casus.events import modality
from casus.events.lexicon import (
    DEFAULT_NOUN_SOURCE_PREPS,
    DEFAULT_NOUN_TARGET_PREPS,
    DEFAULT_VERB_TARGET_PREPS,
    Entry,
    Lexicon,
)
from casus.records import ActorRef, Mention

FALLBACK_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
NON_ACTOR_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
)
# Clauses and conjuncts inside a noun phrase name something else: no party is looked for there.
_CLAUSAL = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "parataxis", "conj", "cc"}
)
_RELATIVE = frozenset({"who", "which", "that", "whom"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
QUANTITY_NOUNS = frozenset(
    {
        "hundred",
        "thousand",
        "dozen",
        "group",
        "number",
        "band",
        "crowd",
        "score",
        "million",
        "swarm",
        "barrage",
        "salvo",
        "volley",
        "wave",
        "series",
        "pair",
        "most",
        "part",
        "much",
        "half",
        "control",
    }
)


# In a government's own statement "I" and "we" are that government ("We extend our
# deepest condolences", a State Department statement): see ActorIndex.publisher.
FIRST_PERSON = frozenset({"i", "we"})
# Roles that fight (a war's sides, fighters hired from a group); not the police, whom
# recode.ARMED_ROLES counts among armed bodies
COMBATANT_ROLES = frozenset({"MIL", "REB", "INS", "SPY"})
ACCUSING = frozenset({"accuse", "blame", "suspect", "charge", "condemn", "criticise",
                      "criticize"})  # "accused X of doing": X did it
# "promised X to V", "used X to V": the subject does V, not the object
SUBJECT_CONTROL = frozenset({"promise", "use"})
REFERENCE_SENTENCES = 2  # "the group", "the city": named in this sentence or the two before
# "both sides", "the two parties", "the warring factions": the belligerents
SIDE_NOUNS = frozenset({"side", "party", "belligerent"})
SIDE_WORDS = frozenset({"both", "two", "warring", "opposing"})
# "the two men", "both leaders": the two people just named
PEOPLE_NOUNS = frozenset({"man", "woman", "leader", "minister", "president", "official",
                          "diplomat", "envoy", "general", "counterpart", "head", "premier"})


@dataclass
class Party:
    """One side of an event: the actor and how directly the syntax gave it."""

    ref: ActorRef
    token: Token
    in_dictionary: bool = False
    direct: bool = True
    plain: bool = False  # plain noun-phrase text, no mention behind it (fallback only)


class ActorIndex:
    """The document's actor mentions, indexed by token for constant-time lookups."""

    def __init__(self, doc: Doc, mentions: list[Mention] | None, lexicon: Lexicon) -> None:
        self.fallback = mentions is None
        self.lexicon = lexicon
        self.source: str | None = doc._.casus_source if doc.has_extension("casus_source") \
            else None
        self._publisher: ActorRef | None | bool = False  # not looked up yet
        self.mentions = entity_mentions(doc, lexicon) if mentions is None else list(mentions)
        self._by_token: list[Mention | None] = [None] * len(doc)
        # Longer mentions win where mentions overlap.
        for mention in sorted(self.mentions, key=lambda m: m.end - m.start):
            for i in range(max(mention.start, 0), min(mention.end, len(doc))):
                self._by_token[i] = mention

    def covering(self, token: Token) -> Mention | None:
        return self._by_token[token.i]

    def publisher(self, text: str) -> ActorRef | None:
        """The government that published the document ("UK Government", "CENTCOM"), as
        the party its "I" and "we" stand for; None for a news outlet or no source."""
        if self._publisher is False or self._publisher is True:
            from casus.actors.context import publisher_country
            from casus.actors.dictionary import default_dictionary
            from casus.actors.resolve import agent_ref

            dic = default_dictionary()
            country = publisher_country(self.source, dic)
            self._publisher = agent_ref("", country, "GOV", dic) if country else None
        if not isinstance(self._publisher, ActorRef):
            return None
        return replace(self._publisher, text=text)

    def party(self, token: Token | None, *, direct: bool = True) -> Party | None:
        """The actor an argument head token stands for, or None (never invented)."""
        if token is None:
            return None
        token = antecedent(quantified(token))
        if token.pos_ == "PRON":
            token = self.person_for(token) or object_for(token)  # type: ignore[assignment]
            if token is None:
                return None
        if token.pos_ in ("NOUN", "PROPN") and self.lexicon.noun(token) is not None:
            return None  # an event noun ("the attack") is not an actor
        if sides := self.pair(token):
            return sides[0]  # "called on both sides", "the two men": see ``pair``
        found = self.mention_for(token)
        if found is not None and (hired := self.hired_from(token, found)) is not None:
            return hired  # "hired fighters from the Wagner group": Wagner's fighters
        if (found is None or found.actor.type == "AGENT") \
                and (owned := self.pronoun_owner(token)) is not None:
            return owned  # "Pakistan denied that its jets had bombed ...": Pakistan's jets
        if found is not None and self.covering(token) is not None:
            return _party(found, token, direct)
        if found is None and (named := self.group_named(token)) is not None:
            return _party(named, token, False)  # "the group": the group just named
        if found is None and (place := self.place_named(token)) is not None:
            return _party(place, token, False)  # "at the region": the place just named
        owner = country_modifier(token)
        if owner is not None:  # "the American presence in Iraq" is the US's, not Iraq's
            return Party(owner, token, True, False)
        if found is not None:
            return _party(found, token, False)
        if (
            self.fallback
            and token.pos_ in ("NOUN", "PROPN")
            and token.ent_type_ not in NON_ACTOR_LABELS
        ):
            return Party(ActorRef(text=phrase_text(token)), token, False, False, plain=True)
        return None

    def pair(self, noun: Token) -> list[Party]:
        """The two parties "both sides" or "the two men" stand for (none if not such
        a phrase, or if the story has not named two)."""
        return self.belligerents(noun) or self.two_people(noun)

    def two_people(self, noun: Token) -> list[Party]:
        """"The two men discussed a joint force", "the two leaders met": the last two
        people named before it, in its sentence or the two before."""
        if noun.lemma_.lower() not in PEOPLE_NOUNS or not any(
                c.lower_ in ("two", "both") for c in noun.children
                if c.dep_ in ("nummod", "det", "predet", "preconj")):
            return []
        people: list[Mention] = []
        for m in sorted(self._recent(noun), key=lambda m: -m.start):
            if m.label == "PERSON" and m.actor.code \
                    and all(p.actor.actor_id != m.actor.actor_id for p in people):
                people.append(m)
            if len(people) == 2:
                text = noun.doc[noun.left_edge.i:noun.i + 1].text
                return [Party(replace(m.actor, text=text), noun, False, False)
                        for m in reversed(people)]
        return []

    def belligerents(self, noun: Token) -> list[Party]:
        """"called on both sides to agree to a ceasefire", "the warring parties": the two
        armed actors the document names most before it (by mentions, ties to the
        earlier named). Nothing when it names fewer than two."""
        if noun.lemma_.lower() not in SIDE_NOUNS or not any(
                c.lower_ in SIDE_WORDS for c in noun.children if c.dep_ in ("det", "nummod", "amod",
                                                                           "predet", "preconj")):
            return []
        counts: dict[str, list[Mention]] = {}
        for m in self.mentions:
            if m.start < noun.i and m.actor.role in COMBATANT_ROLES and m.actor.code:
                counts.setdefault(m.actor.actor_id or m.actor.code, []).append(m)
        top = sorted(counts.values(), key=lambda ms: (-len(ms), ms[0].start))[:2]
        if len(top) < 2:
            return []
        text = noun.doc[noun.left_edge.i:noun.i + 1].text
        country = top[0][0].actor.country
        if country and all(ms[0].actor.country == country for ms in top):
            # a civil war's two sides: one party, their country ("SDN"), not two events
            from casus.actors.dictionary import default_dictionary
            from casus.actors.resolve import agent_ref

            ref = agent_ref(text, country, None, default_dictionary())
            return [Party(ref, noun, False, False)] if ref is not None else []
        return [Party(replace(ms[0].actor, text=text), noun, False, False) for ms in top]

    def hired_from(self, token: Token, found: Mention) -> Party | None:
        """"fighters from the Wagner group", "hired mercenaries from X": armed people the
        text gives no country of their own come from the named organisation of a
        "from" phrase on them or on the verb that takes them. Only armed roles and
        organisations: "civilians rescued from ISIS" are not ISIS's."""
        if found.actor.type != "AGENT" or found.actor.role not in COMBATANT_ROLES \
                or country_modifier(token) is not None:
            return None
        holders = [token, token.head] if token.dep_ == "dobj" else [token]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ != "from":
                    continue
                for obj in prep.children:
                    origin = self.mention_for(obj) if obj.dep_ == "pobj" else None
                    if origin is not None and origin.label == "ORG" and origin.actor.code:
                        return _party(origin, obj, False)
        return None

    def group_named(self, noun: Token) -> Mention | None:
        """"the group", "the movement", "the militia": the organisation last named
        before it, in its sentence or the two before. A definite description of a
        group refers back to one the reader has just been told about."""
        if noun.lower_ not in GROUP_NOUNS or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return None
        if any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.pos_ == "PROPN")
               for c in noun.children):
            return None  # "its group", "the Wagner group": a name of its own
        return self.latest_before(noun, lambda m: m.label == "ORG" and bool(m.actor.code)
                                  and not sponsor(m, noun.doc))

    def pronoun_owner(self, noun: Token, steps: int = 6) -> Party | None:
        """"its jets", "their forces": what a possessive pronoun's owner holds is the
        owner's, and the owner is the named subject of a clause the noun is inside."""
        if noun.lower_ not in HELD_NOUNS and noun.lemma_.lower() not in HELD_NOUNS:
            return None
        if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children):
            return None
        node = noun
        for _ in range(steps):
            if node.head is node:
                return None
            node = node.head
            for subject in children(node, "nsubj", "nsubjpass"):
                if subject.i < noun.i and subject.pos_ != "PRON" and subject != noun:
                    owner = self.party(subject, direct=False)
                    if owner is not None and owner.ref.country:
                        text = f"{noun.doc[noun.left_edge.i:noun.i + 1].text}"
                        return Party(replace(owner.ref, text=text), noun, owner.in_dictionary,
                                     False)
        return None

    def place_named(self, noun: Token) -> Mention | None:
        """"launched drones at the region", "shelled the city": a bare definite place
        noun is the place of that kind last named, in its sentence or the two before
        ("the Kharkiv region", "the city of El Fasher"): that place's country."""
        if noun.lower_ not in PLACE_ANAPHORS or any(
                c.dep_ in ("amod", "compound", "poss", "prep") for c in noun.children) \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return None
        return self.latest_before(noun, lambda m: m.label in ("GPE", "LOC", "FAC")
                                  and bool(m.actor.country)
                                  and any(t.lower_ == noun.lower_ for t in _around(noun.doc, m)))

    def latest_before(self, noun: Token, fits: Callable[[Mention], bool]) -> Mention | None:
        """The last mention that ``fits`` before the noun, in its sentence or the
        REFERENCE_SENTENCES before it: how far a definite description reaches back."""
        named = [m for m in self._recent(noun) if fits(m)]
        return max(named, key=lambda m: m.start) if named else None

    def _recent(self, noun: Token) -> list[Mention]:
        """Mentions before the noun, in its sentence or the REFERENCE_SENTENCES before."""
        sentence = noun.sent
        for _ in range(REFERENCE_SENTENCES):
            if sentence.start == 0:
                break
            sentence = noun.doc[sentence.start - 1].sent
        return [m for m in self.mentions if sentence.start <= m.start and m.end <= noun.i]

    def person_for(self, pronoun: Token) -> Token | None:
        """The person "he" or "she" stands for, when the sentence leaves no doubt: the one
        person named in the subject of the clause it hangs from ("the secretary general,
        Qais Khazali, appeared ... when he announced"). Anything less certain: None."""
        if pronoun.lower_ not in {"he", "she"} or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        verb = pronoun.head
        while verb.dep_ in {"advcl", "relcl", "ccomp", "conj", "xcomp"} and verb.head is not verb:
            verb = verb.head
        people = {}
        for subject in children(verb, "nsubj", "nsubjpass"):
            if subject.i == pronoun.i:
                return self._person_before(pronoun) if verb.dep_ == "ROOT" else None
            for token in subject.subtree:
                found = self.covering(token)
                if found is not None and found.label == "PERSON":
                    people[found.actor.actor_id or found.text] = token
        return next(iter(people.values())) if len(people) == 1 else None

    def _person_before(self, pronoun: Token) -> Token | None:
        """"Chérizier rejected the plan. He again demanded that ...": the subject pronoun
        of a main clause that names no one else is the one person the sentence before
        names (nobody when it names two, or none)."""
        sentence = pronoun.sent
        if sentence.start == 0 or any(
                m.label == "PERSON" and sentence.start <= m.start < pronoun.i
                for m in self.mentions):
            return None
        before = pronoun.doc[sentence.start - 1].sent
        people = {m.actor.actor_id or m.text: m for m in self.mentions
                  if m.label == "PERSON" and before.start <= m.start < before.end}
        if len(people) != 1:
            return None
        (person,) = people.values()
        return pronoun.doc[person.end - 1]

    def mention_for(self, head: Token) -> Mention | None:
        """The mention an argument names: a name in apposition to a role ("the Prime
        Minister, Mustafa Al-Kazemi"; not the role in "Qassem Soleimani, commander of
        the Quds Force"), the mention covering the head, else the leftmost inside."""
        own = self.covering(head)
        for child in head.children:
            if child.dep_ == "appos" and (found := self._mention_in(child)) is not None \
                    and (own is None or (own.label == "ROLE" and found.label != "ROLE")) \
                    and not self.misparsed_speaker(child):
                return found  # a name for a role, never a role for a name
        # "militias like Hezbollah", "groups such as al-Shabaab": the named example is
        # the party a generic description stands for
        if own is None or own.actor.type == "AGENT":
            for example in prep_objects(head, EXAMPLE_PREPS):
                found = self._mention_in(example)
                if found is not None and found.in_dictionary and found.actor.type != "AGENT":
                    return found
        # The parser often hangs the name on the last noun of "the commander of the
        # Quds Force, Qassem Soleimani": a person named there is the commander.
        for obj in prep_objects(head, ("of",)):
            for child in obj.children:
                if child.dep_ == "appos" and (found := self._mention_in(child)) is not None \
                        and found.label == "PERSON":
                    return found
        return self._mention_in(head)

    def misparsed_speaker(self, appos: Token) -> bool:
        """"bombs fell on the village on Tuesday, a resident and a local group said": the
        small model hangs the speaker on the last noun as its apposition. A phrase right
        before a speech verb that has no subject of its own is that verb's subject."""
        after = appos.right_edge.i + 1
        if after >= len(appos.doc):
            return False
        verb = appos.doc[after]
        return verb.lemma_.lower() in self.lexicon.speech_lemmas and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
            and modality.hung_before(verb) == appos  # the speaker modality reads

    def _mention_in(self, head: Token) -> Mention | None:
        if (found := self.covering(head)) is not None:
            return found
        for token in phrase_tokens(head):
            if (found := self._by_token[token.i]) is not None and not sponsor(found, head.doc):
                return found
        return None


# "the al-Qaeda-linked group", "Iran-backed militias": the named actor is a sponsor or
# an ally of what the phrase names, not that actor ("-led" names a leader, who acts)
SPONSOR_WORDS = frozenset({"backed", "linked", "aligned", "allied", "affiliated",
                           "sponsored", "funded", "supported", "inspired", "trained",
                           "armed", "leaning", "friendly", "oriented"})


def sponsor(mention: Mention, doc: Doc) -> bool:
    """Whether the mention is written as a sponsor: "al-Qaeda" in "al-Qaeda-linked"."""
    end = mention.end
    return end + 1 < len(doc) and doc[end].text == "-" and not doc[end].whitespace_ \
        and doc[end + 1].lower_ in SPONSOR_WORDS


EXAMPLE_PREPS = ("like", "including")
HAPPENING_VERBS = frozenset({"take", "occur", "happen", "resume", "begin", "start", "end",
                             "continue", "collapse", "stall", "break"})
PLACE_ANAPHORS = frozenset({"region", "city", "town", "village", "province", "district",
                            "area", "capital", "port", "camp"})


def _around(doc: Doc, mention: Mention) -> list[Token]:
    """The mention's words and the place noun it names: "Kharkiv region", "the city of
    El Fasher" (the noun whose "of" the name is)."""
    span = doc[mention.start:mention.end]
    words = list(span)
    root = span.root
    words += [t for t in (root.head,) if t.pos_ == "NOUN"]
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        words.append(root.head.head)
    return words
FEELING_PASSIVES = frozenset("""concern appal appall alarm shock sadden please encourage
disturb dismay horrify trouble worry outrage disappoint deplore delight pleased""".split())
GROUP_NOUNS = frozenset({"group", "movement", "militia", "organisation", "organization",
                         "faction", "rebels", "militants"})

HELD_NOUNS = frozenset("""presence occupation interest interests embassy embassies base bases
consulate consulates forces troops facility facilities installation installations asset assets
property properties vessel vessels ship ships warship warships tanker tankers convoy convoys
position positions aircraft jet jets drone drones bomb bombs missile missiles rocket rockets
warplane warplanes helicopter helicopters artillery shell shells soldier soldiers fighter fighters
territory soil airspace waters border borders gas oil exports imports
village villages town towns city cities settlement settlements
sovereignty unity independence integrity security stability
site sites plant plants program programme""".split())


def country_modifier(token: Token) -> ActorRef | None:
    """A country named by a modifier of something it holds: "the American presence",
    "US interests", "Iraqi soil". CAMEO codes acts against what a country holds as
    acts against that country."""
    found = country_modifiers(token)
    return found[0] if found else None


def country_modifiers(token: Token) -> list[ActorRef]:
    """Every country holding it: "the embassies of Rwanda and France", "American and
    British warships"."""
    if token.lower_ not in HELD_NOUNS and token.lemma_.lower() not in HELD_NOUNS:
        return []
    owners = [c for c in token.children if c.dep_ in {"amod", "compound", "poss"}]
    owners += [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj"]  # "the embassies of Rwanda"
    found: list[ActorRef] = []
    for child in [w for o in owners for w in (o, *o.conjuncts)]:
        if child.ent_type_ in {"NORP", "GPE"}:
            ref = resolve_actor_text(child.text)
            if ref is not None and ref.country and ref.role is None \
                    and all(f.country != ref.country for f in found):
                found.append(ActorRef(text=f"{child.text} {token.text}", actor_id=ref.actor_id,
                                      name=ref.name, code=ref.code, country=ref.country,
                                      role=ref.role, type=ref.type))
    return found


def _party(mention: Mention, token: Token, direct: bool) -> Party:
    return Party(mention.actor, token, mention.in_dictionary, direct)


def phrase_tokens(head: Token) -> Iterator[Token]:
    """The head's noun phrase left to right, leaving out clauses and appositions."""
    stack = [head]
    seen: list[Token] = []
    while stack:
        token = stack.pop()
        seen.append(token)
        stack.extend(c for c in token.children if c.dep_ not in _CLAUSAL)
    return iter(sorted(seen, key=lambda t: t.i))


def phrase_text(head: Token) -> str:
    """A short noun phrase for plain-text parties: modifiers, head and an 'of' phrase."""
    keep = [t for t in phrase_tokens(head) if t.dep_ not in ("det", "punct", "prep", "pobj")]
    text = [t for t in keep if t.head == head or t == head or t.head in keep]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in children(prep, "pobj"):
                text.append(prep)
                text.extend(
                    t for t in phrase_tokens(obj) if t.dep_ in ("compound", "amod") or t == obj
                )
    text.sort(key=lambda t: t.i)
    return " ".join(t.text for t in text) if text else head.text


def quantified(token: Token) -> Token:
    """'hundreds of protesters', 'a group of gunmen': the party is what is counted."""
    if token.pos_ == "NUM" or token.lemma_.lower() in QUANTITY_NOUNS:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = children(prep, "pobj")
                if objects:
                    return objects[0]
    return token


def object_for(pronoun: Token) -> Token | None:
    """"expelled three French diplomats, accusing them of spying": an object pronoun of
    a participle set after a clause stands for that clause's object, when the number
    agrees ("them" for a plural noun, "him"/"her" for a singular one)."""
    if pronoun.lower_ not in OBJECT_FOR or pronoun.dep_ != "dobj":
        return None
    participle = pronoun.head
    if participle.dep_ != "advcl" or participle.tag_ != "VBG":
        return None
    objects = children(participle.head, "dobj")
    plural = pronoun.lower_ == "them"
    if objects and (objects[0].tag_ in ("NNS", "NNPS")) == plural:
        return objects[0]
    return None


OBJECT_FOR = frozenset({"them", "him", "her"})


def antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("the militia, which")."""
    if (
        token.lower_ in _RELATIVE
        and token.tag_ in ("WDT", "WP", "WP$")
        and token.head.dep_ == "relcl"
    ):
        return _past_places(token.head.head)
    return token


_PLACE_NOUNS = frozenset(
    "town city village province district area neighborhood neighbourhood region "
    "governorate camp".split())
_LOCATIVE = frozenset({"in", "at", "near", "of", "outside", "inside"})


def _is_place(noun: Token) -> bool:
    return noun.ent_type_ in PLACE_LABELS or noun.lower_ in _PLACE_NOUNS


def _past_places(noun: Token) -> Token:
    """The parser often hangs a relative clause on the last place of a chain ("ISIL's
    attacks in the town of Tel Tamer in Hasaka Province, which targeted civilians"): a
    clause whose doer would be a place belongs to what happened there."""
    found = noun
    while _is_place(found) and found.dep_ == "pobj" and found.head.lower_ in _LOCATIVE \
            and found.head.head.pos_ in ("NOUN", "PROPN"):
        found = found.head.head
    return noun if _is_place(found) else found


def entity_mentions(doc: Doc, lexicon: Lexicon) -> list[Mention]:
    """Stand-in mentions from spaCy entities, widened over the noun they modify."""
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in FALLBACK_LABELS:
            continue
        while len(ent) > 1 and ent[0].pos_ == "ADP":  # "Near Palmyra" as one ORG
            ent = ent[1:]
        span = _widen(doc, ent, lexicon)
        mentions.append(
            Mention(
                text=span.text,
                start=span.start,
                end=span.end,
                char_start=span.start_char,
                char_end=span.end_char,
                actor=ActorRef(text=span.text, type=ent.label_),
                label=ent.label_,
            )
        )
    return mentions


def _widen(doc: Doc, ent: Span, lexicon: Lexicon) -> Span:
    """'Iraqi' in 'Iraqi police' names the police: take the whole noun phrase."""
    head = ent.root.head
    if ent.root.dep_ not in ("amod", "compound") or head.i < ent.end or head.ent_type_:
        return ent
    if head.pos_ != "NOUN" or lexicon.noun(head) is not None:
        return ent
    between = doc[ent.end : head.i]
    if any(t.head != head or t.dep_ not in ("amod", "compound") for t in between):
        return ent
    return doc[ent.start : head.i + 1]


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def with_conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("Kyiv and Moscow")."""
    return [token, *token.conjuncts] if token.conjuncts else [token]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the token's prepositions named in ``preps`` (with their conjuncts, and
    a preposition coordinated with one: "talks with Berri ... and with Mikati")."""
    wanted = set(preps)
    found: list[Token] = []
    for prep in token.children:
        if prep.dep_ in ("prep", "dative", "agent") and prep.lower_ in wanted:
            same = [prep, *(c for c in prep.children
                            if c.dep_ == "conj" and c.lower_ == prep.lower_)]
            if token.dep_ == "dobj":  # "held talks with X, and with Y": Y's "with" hung
                same += [c for c in token.head.children  # on the verb
                         if c.dep_ == "conj" and c.lower_ == prep.lower_ and c.pos_ == "ADP"]
            for one in same:
                for obj in children(one, "pobj"):
                    found.extend(with_conjuncts(obj))
    return found


def verb_subject(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The verb's doer and whether the link is direct (not inherited from another verb).

    Inherited: a coordinated verb takes the first verb's subject ("stormed ... and
    killed"); an open complement its controller ("urged Iran to release", "is due to
    visit"); a relative or participle clause the noun it modifies.
    """
    if is_passive(verb) or reduced_passive(verb):
        agents = prep_objects(verb, ("by",))
        for other in verb.conjuncts:  # "was struck and killed by a coalition airstrike"
            if not agents and other.tag_ == "VBN":
                agents = prep_objects(other, ("by",))
        return (agents[0] if agents else None), True
    # Nearest first: a misparsed dateline ("SANAA, January 13 — The United States
    # carried out") can hang a second subject on the verb.
    subjects = sorted(children(verb, "nsubj"), key=lambda t: abs(verb.i - t.i))
    if subjects or depth > 4:
        return (subjects[0] if subjects else None), True
    head, dep = verb.head, verb.dep_
    if dep == "conj" and head.pos_ in ("VERB", "AUX"):
        if is_passive(head) and head.lemma_.lower() in FEELING_PASSIVES \
                and any(c.dep_ == "cc" and c.i < verb.i for c in head.children) \
                and (surface := children(head, "nsubjpass")):
            # "We are concerned by reports ... and call on all parties": the by-phrase
            # of a feeling is what is felt about; "and call" shares who feels it
            return surface[0], False
        if verb.tag_ == "VBD" and head.tag_ == "VB" and head.dep_ == "xcomp":
            # "ordered the envoy to leave ... and shut the consulates": a past tense
            # cannot share an infinitive's subject; it goes with the verb above it
            return verb_subject(head.head, depth + 1)[0], False
        return verb_subject(head, depth + 1)[0], False
    if dep == "xcomp":
        objects = children(head, "dobj")
        if objects and head.lemma_ not in SUBJECT_CONTROL:
            return objects[0], False
        governor = head.head if head.dep_ == "acomp" else head
        return verb_subject(governor, depth + 1)[0], False
    if dep == "relcl":
        return head, False
    if dep == "acl" and verb.tag_ == "VBG":
        return head, False
    if dep == "acl" and verb.tag_ == "VBD" and head.dep_ == "ROOT":
        # a past-tense verb is no reduced relative: "The envoy called on ..." misparsed
        # with the noun as root is still the envoy calling
        return head, True
    if dep == "advcl" and verb.tag_ == "VBG":
        if head.dep_ == "xcomp" and head.tag_ == "VB":
            head = head.head  # "ordered X to leave, accusing him of ...": the orderer
        return verb_subject(head, depth + 1)[0], False
    if dep == "pcomp" and head.head.lemma_ in ACCUSING:
        objects = children(head.head, "dobj")
        return (objects[0] if objects else None), False
    if dep == "pcomp" and head.head.dep_ == "dobj" and head.head.head.lemma_ in ACCUSING:
        return head.head, False  # "accused [Armenian troops [of firing]]": the accused
    if dep == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep":
        # "responded by firing", "a day after meeting X": the gerund's doer is the
        # subject of the clause its preposition hangs from
        governor = head.head
        while governor.dep_ == "npadvmod" and governor.head is not governor:
            governor = governor.head  # "a day after": the day hangs from the verb
        if governor.pos_ in ("VERB", "AUX"):
            return verb_subject(governor, depth + 1)[0], False
    return None, False


def verb_targets(verb: Token, entry: Entry, obj: Token | None) -> list[Token]:
    """Patients of a verb: object (or passive subject), datives, target prepositions."""
    found: list[Token] = []
    if obj is not None:
        found.extend(with_conjuncts(obj))
    elif verb.dep_ == "acl" and verb.tag_ == "VBN":
        found.append(verb.head)  # "the commander arrested by police"
    for dative in children(verb, "dative"):
        found.extend(with_conjuncts(dative) if dative.pos_ != "ADP" else [])
    found.extend(prep_objects(verb, DEFAULT_VERB_TARGET_PREPS | entry.target_preps))
    return found


def verb_object(verb: Token) -> Token | None:
    """The direct object, or the passive subject (the patient of a passive verb), or the
    noun a passive participle modifies ("the attacks claimed by Daesh")."""
    if reduced_passive(verb):
        return verb.head
    deps = ("nsubjpass",) if is_passive(verb) else ("dobj",)
    found = children(verb, *deps)
    return found[0] if found else None


def reduced_passive(verb: Token) -> bool:
    """"the attacks claimed by Daesh": a past participle modifying a noun, with its
    doer in a by-phrase."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") \
        and any(c.dep_ == "agent" for c in verb.children)


OBJECT_PRONOUNS = frozenset({"it", "them", "this", "that"})


def resolved_object(verb: Token, accept: frozenset[str]) -> Token | None:
    """The object, with a pronoun ("end it") taken back to the nearest earlier noun in
    the sentence that the predicate can take ("... the American presence in Iraq, as it
    confirmed its ability to end it" -> presence): a selectional restriction, not a guess."""
    obj = verb_object(verb)
    if obj is not None:
        obj = quantified(antecedent(obj))  # "a swarm of drones": the drones; "a deal that
        # X signed": the deal
    if obj is None or not accept or obj.lower_ not in OBJECT_PRONOUNS or obj.pos_ not in {
            "PRON", "DET"}:
        return obj
    for token in reversed(obj.sent[: obj.i - obj.sent.start]):
        if token.pos_ in {"NOUN", "PROPN"} and (
                token.lemma_.lower() in accept or token.lower_ in accept):
            return token
    return obj


@dataclass
class NounArguments:
    """Candidate argument heads of an event noun."""

    sources: list[Token]
    targets: list[Token]
    modifiers: list[Token]  # "Israeli strikes": a doer only if a mention covers it
    between: bool = False


def noun_arguments(noun: Token, entry: Entry) -> NounArguments:
    """Doers and patients of an event noun.

    "the arrest of X by Y", "X's visit to Y", "talks between A and B", "Israeli
    strikes on Gaza", "a meeting of the factions".
    """
    sources: list[Token] = children(noun, "poss")
    source_preps = DEFAULT_NOUN_SOURCE_PREPS | entry.source_preps
    target_preps = DEFAULT_NOUN_TARGET_PREPS | entry.target_preps
    if entry.of_is_source:
        source_preps = source_preps | {"of"}
        target_preps = target_preps - {"of"}
    sources.extend(prep_objects(noun, source_preps))
    if not sources:
        sources.extend(claimers(noun))
    targets = prep_objects(noun, target_preps)
    between = prep_objects(noun, ("between", "among"))
    if not between and noun.dep_ in ("nsubj", "nsubjpass") \
            and noun.head.lemma_.lower() in HAPPENING_VERBS:
        between = prep_objects(noun.head, ("between", "among"))  # "talks took place between"
    if between:
        return NounArguments([between[0], *sources], [*between[1:], *targets], [], True)
    modifiers = [
        c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i
    ]
    return NounArguments(sources, targets, modifiers + led_by(noun))


CLAIM_LEMMAS = frozenset({"claim"})
LEADER_SUFFIXES = ("-led",)


def claimers(noun: Token) -> list[Token]:
    """Who claimed an attack is its doer by its own word: "attacks claimed by Daesh",
    "the attack, for which the group claimed responsibility", and the same said of one
    of several ("attacks in Iraq, including one in Baghdad claimed by Daesh")."""
    # the claim may hang on the noun, on one of several ("including one ... claimed by"),
    # or on the place attacked ("the attack on the hotel, for which X claimed ...")
    nouns = [noun] + [o for p in noun.children if p.dep_ == "prep"
                      for o in p.children if o.dep_ == "pobj"]
    found = []
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in CLAIM_LEMMAS:
        found += [c for c in children(noun.head, "nsubj") if c.pos_ != "PRON"]  # "X claimed
        # the attack"
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in CLAIM_LEMMAS:
        # "attacks, also claimed by Daesh, have killed 35": the small model makes the
        # participle the main verb, with the attacks its subject and Daesh its agent
        found += prep_objects(noun.head, ("by",))
    for head in nouns:
        for clause in head.children:
            if clause.lemma_.lower() not in CLAIM_LEMMAS or clause.dep_ not in ("acl", "relcl"):
                continue
            passive = is_passive(clause) or (clause.dep_ == "acl" and clause.tag_ == "VBN")
            found += prep_objects(clause, ("by",)) if passive else [
                c for c in children(clause, "nsubj") if c.pos_ != "PRON"]
    return found


def led_by(noun: Token) -> list[Token]:
    """"the U.S.-led strikes": the leader of an act is among its doers."""
    found = []
    for child in noun.children:
        text = child.text.lower()
        if child.i < noun.i and text.endswith(LEADER_SUFFIXES) and len(text) > 4:
            found.append(child)
    return found
