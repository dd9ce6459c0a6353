"""PETRARCH verb patterns, compiled to match over a sentence's words.

A verbs file (read by ``casus.actors.petrarch.read_verbs``) gives each verb its forms, a
default code and patterns such as ``- + WAS * DEAD IN $ [224]``: words before ``*``
must come before the verb (nearest first), words after it after the verb, in order. Other
words may come between unless ``_`` joins two items. ``$`` is where the source is,
``+`` the target, ``%`` a compound actor whose members act on each other, ``^`` a noun
phrase to skip, ``&NAME`` any phrase of a synset. The most specific pattern that
matches gives the code; none, the verb's default; ``---`` means "do not code".

Hand-written because this is the dictionaries' own pattern language; no library reads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from casus.actors.petrarch import VerbBlock, read_verbs
from casus.actors.phrases import Word, phrase_words

MARKERS = frozenset({"$", "+", "%", "^"})
_VALID_CODE = re.compile(r"^\d{2,4}[A-Z]?(:\d{2,4}[A-Z]?)?$")


@dataclass(frozen=True)
class Item:
    """One element of a pattern: a word, ``&SYNSET``, or a marker; ``joined`` when no
    other word may come between it and the element before it (nearer the verb)."""

    value: str
    joined: bool


@dataclass
class Pattern:
    upper: tuple[Item, ...]  # nearest the verb first
    lower: tuple[Item, ...]
    code: str
    order: int

    @property
    def weight(self) -> tuple[int, int]:
        return len(self.upper) + len(self.lower), -self.order


@dataclass
class Verb:
    """A verb block: its default code and its patterns, most specific first."""

    name: str
    code: str
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class Form:
    """A written form of a verb: its words and which one is the inflected verb."""

    words: tuple[str, ...]
    head: int
    verb: Verb


def _items(text: str) -> list[Item]:
    """``IN_AND_*_OUT`` -> items with their joins; ``*`` stays as an item."""
    items: list[Item] = []
    join_next = False
    for chunk in text.split():
        parts = chunk.split("_")
        trailing = parts[-1] == ""
        parts = [p for p in parts if p]
        for k, part in enumerate(parts):
            joined = join_next if k == 0 else True
            # "SUGGESTED_+" / "+RST": a marker glued to a word
            items.append(Item(part.upper(), joined))
        join_next = trailing
    return items


def compile_pattern(before: str, after: str, code: str, order: int) -> Pattern | None:
    body = _items(f"{before} * {after}".replace("* _", "*_").replace("_ *", "_*"))
    # re-split: the verb item may have been glued ("IN_*", "*_OUT")
    star = next((k for k, item in enumerate(body) if item.value == "*"), None)
    if star is None:
        return None
    upper_items = body[:star]
    lower_items = body[star + 1:]
    verb_joined_after = bool(lower_items) and lower_items[0].joined
    upper: list[Item] = []
    # in the upper part, "joined" means "joined to the item after it" once reversed
    for k in range(len(upper_items) - 1, -1, -1):
        nxt = body[k + 1]
        upper.append(Item(upper_items[k].value, nxt.joined))
    lower = [Item(lower_items[0].value, verb_joined_after)] + list(lower_items[1:]) \
        if lower_items else []
    return Pattern(tuple(upper), tuple(lower), code, order)


def valid_code(code: str) -> bool:
    """An event code (``042``, ``174K``, ``032:033``), not a placeholder (``---``, ``+++``)."""
    return bool(_VALID_CODE.match(code.strip()))


def _inflections(base: str) -> set[str]:
    """Regular forms of a verb (PETRARCH's own rule: -S, -ED, -ING; E and Y endings),
    and the doubled consonant PETRARCH left to the file ("SHIPPED", "REGRETTING")."""
    forms = {base}
    if (len(base) >= 3 and base[-1] not in "AEIOUWXY" and base[-2] in "AEIOU"
            and base[-3] not in "AEIOU"):
        forms |= {base + base[-1] + "ED", base + base[-1] + "ING"}
    if base.endswith("E"):
        forms |= {base + "S", base + "D", base[:-1] + "ING"}
    elif base.endswith("Y") and len(base) > 1 and base[-2] not in "AEIOU":
        forms |= {base[:-1] + "IES", base[:-1] + "IED", base + "ING"}
    elif base.endswith(("S", "X", "Z", "CH", "SH")):
        forms |= {base + "ES", base + "ED", base + "ING"}
    else:
        forms |= {base + "S", base + "ED", base + "ING"}
    return forms


def _form_words(text: str) -> tuple[tuple[str, ...], int]:
    words = [w for w in re.split(r"[_\s]+", text.strip()) if w]
    head = next((k for k, w in enumerate(words) if w.startswith("+")), 0)
    return tuple(w.lstrip("+").upper() for w in words), head


class VerbDictionary:
    """Verb forms -> verbs, with synsets for matching patterns."""

    def __init__(self, blocks: Sequence[VerbBlock], synsets: dict[str, list[str]]) -> None:
        self.synsets = {name.rstrip("_").upper(): values for name, values in synsets.items()}
        self._forms: dict[str, list[Form]] = {}
        verbs: dict[str, Verb] = {}
        order = 0
        for block in blocks:
            # a verb written twice is one verb: patterns of both, the later real code
            verb = verbs.setdefault(block.verb.upper(), Verb(block.verb.upper(), block.code))
            if valid_code(block.code):
                verb.code = block.code
            for raw in block.patterns:
                order += 1
                if raw.code == "---" or valid_code(raw.code):
                    pattern = compile_pattern(" ".join(raw.before), " ".join(raw.after),
                                              raw.code, order)
                    if pattern is not None:
                        verb.patterns.append(pattern)
            verb.patterns.sort(key=lambda p: p.weight, reverse=True)
            self._add_forms(verb, block)

    def _add_forms(self, verb: Verb, block: VerbBlock) -> None:
        written = [block.verb.upper().replace(" ", "_")] + list(block.forms)
        for text in written:
            plural = re.search(r"\{([^}]*)\}", text)
            main = re.sub(r"\{[^}]*\}", "", text).strip()
            if not main:
                continue
            words, head = _form_words(main)
            variants = {words[:head] + (f,) + words[head + 1:]
                        for f in _inflections(words[head])}
            if plural:
                for other in plural.group(1).split():
                    variants.add(_form_words(other)[0])
            for variant in variants:
                form = Form(variant, head, verb)
                self._forms.setdefault(variant[head], []).append(form)
        for forms in self._forms.values():
            forms.sort(key=lambda f: -len(f.words))

    def __len__(self) -> int:
        return len({id(f.verb) for forms in self._forms.values() for f in forms})

    def verb_at(self, words: Sequence[Word], at: int) -> tuple[Form, int, int] | None:
        """The verb whose form is written with its inflected word at ``words[at]``:
        (form, first word, word after the form)."""
        for form in self._forms.get(words[at].text, ()):
            start = at - form.head
            end = start + len(form.words)
            if start < 0 or end > len(words):
                continue
            if all(words[start + k].text == w for k, w in enumerate(form.words)):
                return form, start, end
        return None

    def synset_phrases(self, name: str,
                       seen: frozenset[str] = frozenset()) -> list[tuple[str, ...]]:
        """Every phrase of ``&NAME`` (synsets may hold synsets)."""
        key = name.lstrip("&").rstrip("_").upper()
        phrases: list[tuple[str, ...]] = []
        for value in self.synsets.get("&" + key, []):
            if value.startswith("&") and value not in seen:
                phrases += self.synset_phrases(value, seen | {value})
            else:
                phrases.append(phrase_words(value))
        return phrases


@dataclass
class Match:
    """Where a pattern's markers fell: word indexes of the actor phrases they named."""

    code: str
    source: int | None = None
    target: int | None = None
    compound: int | None = None
    compound_after: bool = False  # the compound follows the verb ("agreed with %")


# (side "u" or "l", index in that side's words) -> (words the actor phrase takes there,
# the phrase's id) or None. Upper words run from the verb backwards.
ActorAt = Callable[[str, int], "tuple[int, int] | None"]


def best_match(form: Form, words: Sequence[Word], start: int, end: int, lower_end: int,
               dictionary: VerbDictionary, actor_at: ActorAt) -> Match | None:
    """The most specific pattern of the verb written at ``words[start:end]`` that
    matches. ``actor_at`` takes sentence word indexes: for "l" where an actor phrase
    starts, for "u" where one ends. A multi-word form's particle may also be read as
    the pattern's first word ("tore up the accord" and ``- * UP_THE_ACCORD``)."""
    upper = list(reversed(words[:start]))

    def attempt(lower_from: int) -> Match | None:
        def relative(side: str, index: int) -> tuple[int, int] | None:
            return actor_at(side, lower_from + index if side == "l" else start - 1 - index)

        lower = words[lower_from:lower_end]
        for pattern in form.verb.patterns:
            hit = match_pattern(pattern, dictionary, upper, lower, relative)
            if hit is not None:
                return hit
        return None

    hit = attempt(end)
    if hit is None and len(form.words) > 1 and start + form.head + 1 < end:
        hit = attempt(start + form.head + 1)
    return hit


def match_pattern(pattern: Pattern, dictionary: VerbDictionary, upper: Sequence[Word],
                  lower: Sequence[Word], actor_at: ActorAt) -> Match | None:
    """Match ``pattern`` against the words before the verb (``upper``, nearest first) and
    after it (``lower``); the match names the actor phrases its markers fell on."""
    found: dict[str, int] = {}
    if not _match(pattern.upper, 0, upper, 0, dictionary, actor_at, found, "u"):
        return None
    if not _match(pattern.lower, 0, lower, 0, dictionary, actor_at, found, "l"):
        return None
    return Match(pattern.code, found.get("$"), found.get("+"), found.get("%"),
                 any(item.value == "%" for item in pattern.lower))


def _match(items: Sequence[Item], k: int, words: Sequence[Word], pos: int,
           dictionary: VerbDictionary, actor_at: ActorAt, found: dict[str, int],
           side: str) -> bool:
    if k == len(items):
        return True
    item = items[k]
    starts = [pos] if item.joined else range(pos, len(words))
    for start in starts:
        if start >= len(words):
            break
        for length, mark, actor in _item_lengths(item, words, start, dictionary, actor_at, side):
            saved = dict(found)
            if mark is not None:
                found[mark] = actor
            if _match(items, k + 1, words, start + length, dictionary, actor_at, found, side):
                return True
            found.clear()
            found.update(saved)
    return False


def _item_lengths(item: Item, words: Sequence[Word], start: int, dictionary: VerbDictionary,
                  actor_at: ActorAt, side: str) -> list[tuple[int, str | None, int]]:
    value = item.value
    if value in ("$", "+", "%"):
        hit = actor_at(side, start)
        return [(hit[0], value, hit[1])] if hit else []
    if value == "^":
        length = noun_phrase_length(words, start, side)
        return [(length, None, -1)] if length else []
    if value.startswith("&"):
        out = []
        for phrase in dictionary.synset_phrases(value):
            seq = phrase if side == "l" else tuple(reversed(phrase))
            if start + len(seq) <= len(words) and all(
                    _word_is(words[start + j].text, w) for j, w in enumerate(seq)):
                out.append((len(seq), None, -1))
        return sorted(out, reverse=True)
    return [(1, None, -1)] if _word_is(words[start].text, value) else []


_NP_START = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"})
_NP_INNER = frozenset({"det", "amod", "compound", "poss", "nummod", "case"})


def noun_phrase_length(words: Sequence[Word], start: int, side: str) -> int:
    """Words of the noun phrase that starts at ``words[start]`` (for ``^``), 0 when no
    noun phrase starts there. Upper words run backwards, so there it ends there."""
    first = words[start].first
    if first.pos_ not in _NP_START:
        return 0
    if side == "u":
        k = 1
        while start + k < len(words) and words[start + k].first.dep_ in _NP_INNER:
            k += 1
        return k
    head = first
    while head.dep_ in _NP_INNER and head.head.i > head.i:
        head = head.head
    k = 0
    while start + k < len(words) and words[start + k].first.i <= head.i:
        k += 1
    return max(k, 1)


def _word_is(word: str, pattern: str) -> bool:
    pattern = pattern.rstrip("_")
    return word == pattern or word.replace("'", "") == pattern.replace("'", "")


def load_verbs(path) -> VerbDictionary:  # type: ignore[no-untyped-def]
    synsets, blocks = read_verbs(path)
    return VerbDictionary(blocks, synsets)
