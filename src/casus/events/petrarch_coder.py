"""Coding events with a user's PETRARCH dictionaries: their verb patterns over spaCy parses.

When a dictionary folder holds a ``*.verbs.txt``, its verbs code the sentences the way
the field's coders did, with casus's parse standing in for the Treebank one:

- a verb in the dictionary (any of its forms, multi-word ones included) is a trigger;
  its most specific matching pattern (see ``verbpatterns``) gives the code, else the
  verb's default; ``---`` leaves it uncoded;
- the source is the verb's subject (the governing clause's when it is a pronoun or
  missing; a passive's ``by`` phrase), the target the first actor or agent after the
  verb in its clause, outside adverbial clauses; a pattern's ``$``/``+``/``%``
  override both;
- an actor's code is its dictionary code on the sentence's date (dated codes first),
  with the agents in its noun phrase added (``~GOV`` after it, ``NGO~`` before it);
  agents alone give ``---`` and the agent; coordinated actors and agents multiply out;
- a code ``A:B`` is two events, A from source to target and B back; a compound source
  with no target acts on its own members; a sentence with a discard phrase is skipped,
  a story with a story-level one entirely.

docs/dictionaries.md has the rules in full and why each departs from PETRARCH, if it does.

Every event keeps the sentence and the verb that coded it, like casus's own events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.tokens import Span, Token

from casus.actors.petrarch import read_actors, read_agent_codes, read_discards
from casus.actors.phrases import PhraseIndex, Word, sentence_words
from casus.actors.roles import RolePeriod
from casus.events.verbpatterns import (
    Form,
    Match,
    VerbDictionary,
    best_match,
    load_verbs,
    valid_code,
)

NULL = "---"
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# clauses whose subject is their governor's: "is about to restore", "said he would".
# Not adverbial clauses ("after leaving Eriador"): PETRARCH leaves those unsourced.
_CLIMB = frozenset({"xcomp", "ccomp", "conj", "acomp", "relcl", "acl"})
_LIST_GAP_POS = frozenset({"PUNCT", "CCONJ", "DET", "ADJ"})
_NP_JOIN = frozenset({"compound", "poss", "amod", "nmod", "nummod", "case", "det", "appos"})
_NP_PREPS = frozenset({"of", "from", "in"})
_NP_CUT = frozenset({"relcl", "acl", "advcl", "conj", "cc", "punct", "appos"})
VERB_POS = frozenset({"VERB", "AUX"})
_ENDS = frozenset({".", "!", "?", '"', "'", "\u201d", "\u2019", ")", ":", ";"})


@dataclass
class PetrarchDictionaries:
    """A folder's verbs, actors, agents and discards, ready for matching."""

    verbs: VerbDictionary
    actors: PhraseIndex[tuple[RolePeriod, ...]] = field(default_factory=PhraseIndex)
    agents: PhraseIndex[str] = field(default_factory=PhraseIndex)
    discards: PhraseIndex[bool] = field(default_factory=PhraseIndex)
    story_discards: PhraseIndex[bool] = field(default_factory=PhraseIndex)

    @classmethod
    def from_folders(cls, folders: Iterable[str | Path]) -> PetrarchDictionaries | None:
        """None unless some folder has a verbs file (without one casus's lexicon codes)."""
        paths = [Path(f) for f in folders]
        verbs = [p for folder in paths for p in sorted(folder.glob("*.verbs.txt"))]
        if not verbs:
            return None
        dics = cls(load_verbs(verbs[0]))
        for folder in paths:
            for path in sorted(folder.glob("*.actors.txt")):
                for record in read_actors(path):
                    periods = tuple(record.periods)
                    for name in record.names:
                        dics.actors.add(name, periods)
            for path in sorted(folder.glob("*.agents.txt")):
                for form, code in read_agent_codes(path):
                    dics.agents.add(form, code)
            for path in sorted(folder.glob("*.discards.txt")):
                sentence, story = read_discards(path)
                for text in sentence:
                    dics.discards.add(text, True)
                for text in story:
                    dics.story_discards.add(text, True)
        return dics


def code_on(periods: Sequence[RolePeriod], on: date | None) -> list[str]:
    """The codes an entry has on ``on``: the first dated code in force, else its undated
    one; ``A/B`` is several actors."""
    undated = [p for p in periods if p.start is None and p.end is None]
    dated = [p for p in periods if p not in undated]
    chosen = next((p for p in dated if on is not None
                   and (p.start is None or p.start <= on) and (p.end is None or on <= p.end)),
                  undated[0] if undated else None)
    if chosen is None:
        return []
    return [c for c in chosen.code.split("/") if c and c != NULL]


@dataclass
class Phrase:
    """A dictionary hit in the sentence: words [start, end) and their head token."""

    start: int
    end: int
    head: Token
    codes: list[str]
    agent: str | None = None


@dataclass
class Coded:
    """One event as the PETRARCH dictionaries code it."""

    code: str
    source: str
    target: str
    source_text: str
    target_text: str
    verb: Token
    verb_text: str


class SentenceCoder:
    """Codes one sentence; built per sentence because the phrase hits are per sentence."""

    def __init__(self, sentence: Span, dics: PetrarchDictionaries, on: date | None) -> None:
        self.sentence = sentence
        self.dics = dics
        self.words = sentence_words(sentence)
        self.actors: list[Phrase] = []
        for start, end, periods in dics.actors.find_all(self.words):
            codes = code_on(periods, on)
            if codes or any(p.code.startswith(NULL) for p in periods):
                self.actors.append(Phrase(start, end, self._head(start, end), codes))
        taken = {k for a in self.actors for k in range(a.start, a.end)}
        self.texts: dict[str, str] = {}
        self.agents = [Phrase(s, e, self._head(s, e), [], code)
                       for s, e, code in dics.agents.find_all(self.words)
                       if not taken & set(range(s, e))]

    def _head(self, start: int, end: int) -> Token:
        tokens = [t for w in self.words[start:end] for t in self._tokens(w)]
        inside = {t.i for t in tokens}
        return next((t for t in tokens if t.head.i not in inside or t.head is t), tokens[0])

    @staticmethod
    def _tokens(word: Word) -> list[Token]:
        return list(word.first.doc[word.first.i: word.last.i + 1])

    # --- noun phrases -------------------------------------------------------------

    def np_codes(self, head: Token) -> tuple[list[str], list[str]]:
        """(actor codes, agent codes) of the noun phrase headed by ``head``, its
        coordinated members left out."""
        tokens = self._np_tokens(head)
        actors = [a for a in self.actors if a.head.i in tokens]
        if actors:  # several actors not listed together: the first names the party
            first = actors[0]
            linked = {t.i for t in first.head.conjuncts} | {first.head.i}
            listed = self.listed_with(first)
            actors = [a for a in actors if a.head.i in linked] + listed
            actors = list({id(a): a for a in actors}.values())
        agents = [a.agent for a in self.agents if a.head.i in tokens and a.agent]
        for actor in actors:  # the words each code stands for, as the party's evidence
            for code in actor.codes:
                self.texts.setdefault(code, self.words_text(actor.start, actor.end))
        return [c for a in actors for c in a.codes] or ([NULL] if actors else []), agents

    def words_text(self, start: int, end: int) -> str:
        first, last = self.words[start].first, self.words[end - 1].last
        return first.doc[first.i: last.i + 1].text

    def listed_with(self, actor: Phrase) -> list[Phrase]:
        """Actors written as one list with ``actor`` ("Mordor, the Shire, Fornost and
        Bree"): only commas, conjunctions, articles and adjectives between them, a
        conjunction before the last. Read from the words because the parser often
        hangs a list's members on the wrong head."""
        order = sorted(self.actors, key=lambda a: a.start)
        at = order.index(actor)
        run = [actor]
        for step in (-1, 1):
            k = at
            while 0 <= k + step < len(order):
                a, b = (order[k + step], order[k]) if step < 0 else (order[k], order[k + step])
                gap = self.words[a.end:b.start]
                if not gap or any(t.pos_ not in _LIST_GAP_POS
                                  for w in gap for t in self._tokens(w)):
                    break
                run.append(order[k + step])
                k += step
        run.sort(key=lambda a: a.start)
        if len(run) < 2:
            return [actor]
        last_gap = self.words[run[-2].end:run[-1].start]
        if not any(t.pos_ == "CCONJ" for w in last_gap for t in self._tokens(w)):
            return [actor]
        return run

    def _np_tokens(self, head: Token) -> set[int]:
        keep: set[int] = set()
        stack = [head]
        while stack:
            token = stack.pop()
            keep.add(token.i)
            for child in token.children:
                if child.dep_ in _NP_CUT and token is head:
                    continue
                if child.dep_ in ("relcl", "acl", "advcl", "conj", "cc"):
                    continue
                if child.dep_ == "prep" and child.lower_ not in _NP_PREPS:
                    continue
                stack.append(child)
        return keep

    def np_head(self, token: Token, through_preps: bool = True) -> Token:
        """Climb from an actor word to the head of its noun phrase ("Gondor's
        government", "soldiers from Gondor")."""
        for _ in range(6):
            if (token.dep_ in _NP_JOIN and token.head is not token
                    and token.head.pos_ not in VERB_POS):
                token = token.head
            elif (through_preps and token.dep_ == "pobj" and token.head.lower_ in _NP_PREPS
                  and token.head.head.pos_ in ("NOUN", "PROPN")):
                token = token.head.head
            else:
                break
        return token

    def party_codes(self, head: Token) -> list[str]:
        """Codes of the party headed by ``head`` and the heads coordinated with it."""
        members = self._coordinated(head)
        groups = [self.np_codes(m) for m in members]
        all_actors = [c for actors, _ in groups for c in actors]
        codes: list[str] = []
        covered: set[str] = set()
        for member, (actors, agents) in zip(members, groups, strict=True):
            if not actors and not agents:
                continue
            if actors and not agents and set(actors) <= covered:
                continue  # a list member the parser hung apart: already coded with the list
            covered |= set(actors)
            for actor in actors or all_actors or [NULL]:  # "lawmakers and officials in X"
                code = compose(actor, agents)
                codes.append(code)
                if agents or len(actors) == 1:
                    self.texts.setdefault(code, _np_text(member, self._np_tokens(member)))
                else:
                    self.texts.setdefault(code, self.texts.get(actor, member.text))
        return list(dict.fromkeys(codes))

    @staticmethod
    def _coordinated(head: Token) -> list[Token]:
        return sorted([head, *head.conjuncts], key=lambda t: t.i)

    # --- verbs ---------------------------------------------------------------------

    def code(self, require_dyad: bool = True) -> list[Coded]:
        if any(True for _ in self.dics.discards.find_all(self.words)):
            return []
        in_actor = {k for a in self.actors for k in range(a.start, a.end)}
        events: list[Coded] = []
        k = 0
        while k < len(self.words):
            word = self.words[k]
            found = self.dics.verbs.verb_at(self.words, k) if k not in in_actor else None
            if found is None or not any(_is_verb(t) for t in self._tokens(word)):
                k += 1
                continue
            form, start, end = found
            events += self._code_verb(form, word.first, start, end, require_dyad)
            k = max(end, k + 1)
        return events

    def _lower_end(self, verb: Token, end: int) -> int:
        subtree = {t.i for t in verb.subtree}
        for k in range(end, len(self.words)):
            token = self.words[k].first
            if token.i not in subtree and (token.is_punct or token.pos_ in VERB_POS):
                return k
        return len(self.words)

    def _code_verb(self, form: Form, token: Token, start: int, end: int,
                   require_dyad: bool) -> list[Coded]:
        lower_end = self._lower_end(token, end)

        def actor_at(side: str, w: int) -> tuple[int, int] | None:
            for n, a in enumerate(self.actors):
                if (side == "l" and a.start == w and a.end <= lower_end) or (
                        side == "u" and a.end - 1 == w):
                    return a.end - a.start, n
            return None

        match = best_match(form, self.words, start, end, lower_end, self.dics.verbs, actor_at)
        verb = form.verb
        code = match.code if match is not None else verb.code
        if not valid_code(code):
            return []
        sources, source_text, source_head = self._marked(match, "source")
        targets, target_text, target_head = self._marked(match, "target")
        compound, compound_text, compound_head = self._marked(match, "compound")
        members = 0
        if compound and match is not None and match.compound_after:
            targets, target_text = compound, compound_text  # "agreed with %"
        elif compound:
            sources, source_text = compound, compound_text
            members = self.members(compound_head)
        if not sources:
            own_subject = target_head is not None and target_head.dep_ in _SUBJECTS \
                and target_head.head.i == token.i
            found = self._subject(token.head if own_subject and token.head is not token
                                  else token)
            sources, source_text, source_head = found
            if not compound:
                members = self.members(source_head)
        if not targets and not (compound and members > 1):
            targets, target_text = self._first_target(token, end, lower_end, sources)
        pairs: list[tuple[str, str]] = []
        if targets:
            pairs = [(s, t) for s in sources for t in targets]
        elif members > 1:  # "Gondor and Osgiliath renewed ties": with each other
            pairs = [(s, t) for s in sources for t in sources if s != t]
        elif not require_dyad:
            pairs = [(s, NULL) for s in sources]
        forward, _, back = code.partition(":")
        out: list[Coded] = []
        verb_text = " ".join(w.text.lower() for w in self.words[start:end])
        for source, target in pairs:
            if source == target:
                continue
            source_words = self.texts.get(source, source_text)
            target_words = self.texts.get(target, target_text) if target != NULL else ""
            out.append(Coded(forward, source, target, source_words, target_words, token,
                             verb_text))
            if back:
                out.append(Coded(back, target, source, target_words, source_words, token,
                                 verb_text))
        return out

    def _marked(self, match: Match | None, which: str) -> tuple[list[str], str, Token | None]:
        index = getattr(match, which) if match is not None else None
        if index is None:
            return [], "", None
        head = self.np_head(self.actors[index].head, through_preps=False)
        return self.party_codes(head), _text(head), head

    def members(self, head: Token | None) -> int:
        """How many coordinated noun phrases a party has ("Gondor and Osgiliath": 2)."""
        if head is None:
            return 0
        return len([m for m in self._coordinated(head) if any(self.np_codes(m))])

    def _subject(self, verb: Token) -> tuple[list[str], str, Token | None]:
        """The subject's codes; a pronoun or a missing subject sends us to the governing
        clause's. No subject to be found is no source (never the nearest name)."""
        current, came_by = verb, ""
        for _ in range(6):
            passive = next((c for c in current.children if c.dep_ == "nsubjpass"), None)
            agent = next((g for c in current.children if c.dep_ == "agent"
                          for g in c.children if g.dep_ == "pobj"), None)
            if passive is not None and came_by == "xcomp":  # "X was seen to break in"
                return self.party_codes(passive), _text(passive), passive
            if agent is not None:  # a passive's doer is its "by" phrase
                return self.party_codes(agent), _text(agent), agent
            if passive is not None:  # else, as PETRARCH reads it, its subject
                return self.party_codes(passive), _text(passive), passive
            subject = next((c for c in current.children if c.dep_ in _SUBJECTS), None)
            if subject is not None and subject.pos_ != "PRON":
                return self.party_codes(subject), _text(subject), subject
            if subject is None and current.dep_ in _CLIMB and current.head is not current:
                relative = current.dep_ in ("relcl", "acl")
                came_by = current.dep_
                current = current.head
                if relative and current.pos_ in ("NOUN", "PROPN"):
                    return self.party_codes(current), _text(current), current
                continue
            if subject is not None and current.dep_ in _CLIMB | {"advcl"} \
                    and current.head is not current:  # "it", "he": the governor's subject
                came_by = current.dep_
                current = current.head
                continue
            break
        return [], "", None

    def _first_target(self, verb: Token, end: int, lower_end: int,
                      sources: list[str]) -> tuple[list[str], str]:
        """The first party after the verb in its clause (not in an adverbial clause:
        "delayed their meeting after a hafling was seen on the pass" has no target)."""
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and any(c.dep_ == "agent" for c in verb.children):
            return self.party_codes(passive), _text(passive)
        adverbial = {t.i for c in verb.children if c.dep_ == "advcl" and any(
            g.dep_ in ("mark", "nsubj", "nsubjpass") for g in c.children) for t in c.subtree}
        for phrase in sorted(self.actors + self.agents, key=lambda p: p.start):
            if end <= phrase.start < lower_end and phrase.head.i not in adverbial:
                head = self.np_head(phrase.head)
                codes = self.party_codes(head)
                if codes and codes != sources:
                    return codes, _text(head)
        return [], ""


def _is_verb(token: Token) -> bool:
    """A verb heading a clause: not a modal or auxiliary ("should be resolved")."""
    if token.tag_ == "MD" or token.dep_ in ("aux", "auxpass"):
        return False
    return token.pos_ in VERB_POS or token.tag_.startswith("VB")


def compose(actor: str, agents: Sequence[str]) -> str:
    """An actor's code with its agents: ``~GOV`` after, ``NGO~`` before, each once."""
    code = actor
    for agent in agents:
        if agent.startswith("~"):
            part = agent[1:]
            if part not in code[3:]:
                code += part
        elif agent.endswith("~"):
            part = agent[:-1]
            if not code.startswith(part):
                code = part + code
    return code


def _np_text(head: Token, tokens: set[int]) -> str:
    """The words of a noun phrase (its tokens, from the first to the last)."""
    return head.doc[min(tokens): max(tokens) + 1].text


def _text(head: Token) -> str:
    tokens = sorted(head.subtree, key=lambda t: t.i)
    return head.doc[tokens[0].i: tokens[-1].i + 1].text if tokens else head.text


def whole_sentences(sentences: Iterable[Span]) -> list[Span]:
    """The parser's sentences, re-joined where it cut one without a full stop ("... an
    anti- Gondor | parade on Saturday."): a sentence ends in . ! ? or a closing quote."""
    out: list[Span] = []
    for sentence in sentences:
        last = out[-1] if out else None
        if last is not None and last[-1].text not in _ENDS and not last[-1].is_space:
            out[-1] = last.doc[last.start: sentence.end]
        else:
            out.append(sentence)
    return out


def code_sentences(sentences: Iterable[Span], dics: PetrarchDictionaries, on: date | None,
                   require_dyad: bool = True) -> list[tuple[Span, list[Coded]]]:
    """Events per sentence of one story (the parser's cuts mended, see whole_sentences);
    none at all when a story-level discard phrase ("+TYPHOON": the story is about
    weather, not politics) occurs anywhere in it."""
    sentences = whole_sentences(sentences)
    if any(next(iter(dics.story_discards.find_all(sentence_words(s))), None) is not None
           for s in sentences):
        return [(s, []) for s in sentences]
    return [(s, code_sentence(s, dics, on, require_dyad)) for s in sentences]


def code_sentence(sentence: Span, dics: PetrarchDictionaries, on: date | None,
                  require_dyad: bool = True) -> list[Coded]:
    """Every event the PETRARCH dictionaries code in ``sentence``."""
    return SentenceCoder(sentence, dics, on).code(require_dyad)


__all__ = ["Coded", "PetrarchDictionaries", "code_sentence", "code_sentences", "compose"]
