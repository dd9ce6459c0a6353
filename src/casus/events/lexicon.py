"""The event lexicon: trigger words (verbs and event nouns) and the codes they give.

The words live in ``data/events/lexicon.yaml`` (its header documents the format);
this module loads them once, checks every code against the ontology and indexes the
entries by lemma so the coder does one dict lookup per token and no pattern scans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Token

from casus.errors import DictionaryError
from casus.events.ontology import is_code

DEFAULT_VERB_TARGET_PREPS = frozenset(
    {"against", "on", "with", "to", "at", "into", "toward", "towards", "upon"}
)
DEFAULT_NOUN_TARGET_PREPS = DEFAULT_VERB_TARGET_PREPS | {"of"}
DEFAULT_NOUN_SOURCE_PREPS = frozenset({"by"})
_RULE_KEYS = {
    "particle",
    "prep",
    "pobj",
    "pobj_label",
    "object",
    "object_label",
    "xcomp",
    "mod",
    "code",
    "light",
    "keeps_object",
}
_ENTRY_KEYS = {
    "code",
    "rules",
    "target",
    "source",
    "of",
    "requires",
    "speech",
    "symmetric",
    "absorbs",
    "alone",
    "topic",
}


class _WordLoader(yaml.SafeLoader):
    """YAML 1.1 reads on/off/yes/no as booleans; in a word list they are words."""


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_yaml(text: str) -> Any:
    """Parse lexicon YAML keeping 'on', 'off', 'no' as words."""
    return yaml.load(text, Loader=_WordLoader)  # a SafeLoader subclass: safe


@dataclass(frozen=True)
class Rule:
    """Conditions on a trigger's dependents; all given ones must hold."""

    code: str | None = None
    light: bool = False
    particle: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    pobj: frozenset[str] = frozenset()
    pobj_label: frozenset[str] = frozenset()
    object: frozenset[str] = frozenset()
    object_label: frozenset[str] = frozenset()
    xcomp: frozenset[str] = frozenset()
    mod: frozenset[str] = frozenset()
    # the object stays an event of its own: "claimed the bombing" is a claim AND a bombing
    keeps_object: bool = False


@dataclass(frozen=True)
class Entry:
    """One trigger lemma: default code, rules and where its parties are."""

    lemma: str
    pos: str  # "verb" | "noun"
    code: str | None
    rules: tuple[Rule, ...] = ()
    target_preps: frozenset[str] = frozenset()
    source_preps: frozenset[str] = frozenset()
    of_is_source: bool = False
    requires_target: bool = False
    speech: bool = False
    symmetric: bool = False
    absorbs: bool = False
    alone: bool = True
    topic: bool = False  # the object is what is talked about ("discussed plans"), no party


@dataclass(frozen=True)
class Idiom:
    """A fixed phrase of diplomacy, matched on the parse: a head lemma, the dependents
    it must have, and where its parties are (see the `idioms` key of the lexicon)."""

    head: str
    code: str
    subject: frozenset[str] = frozenset()
    object: frozenset[str] = frozenset()
    particle: frozenset[str] = frozenset()
    adverb: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()  # prepositions whose object is the target
    target_is_subject: bool = False  # "X will pay a heavy price": X is threatened
    source: str = "subject"  # or "owner" (of the subject: "my thoughts"), or "speaker"
    future: bool = False  # only said of what is to come ("will pay", not "paid")
    victims: bool = False  # the target may be people no actor names ("the families")


_IDIOM_KEYS = {"head", "code", "subject", "object", "particle", "adverb", "target", "source",
               "future", "victims"}
_IDIOM_SOURCES = frozenset({"subject", "owner", "speaker"})


# CAMEO's intents mirror the acts: intent to provide economic aid (0331) is to the act
# of providing it (071) what 033 is to 07.
INTENT_SUBCODES = {"061": "0311", "062": "0312", "063": "0313", "064": "0314",
                   "071": "0331", "072": "0332", "073": "0333", "074": "0334",
                   "081": "0351", "082": "0352", "084": "0353", "085": "0354", "086": "0355",
                   "087": "0356", "041": "036", "042": "036", "043": "036", "046": "036"}


@dataclass
class Lexicon:
    """Verb and noun entries indexed by lower-case lemma."""

    verbs: dict[str, Entry] = field(default_factory=dict)
    nouns: dict[str, Entry] = field(default_factory=dict)
    # Readiness frames: "able/ready/determined to X", "its ability to X". A forceful X
    # stated as a capability or readiness is a threat of X (CAMEO 13x), keyed by X's root.
    readiness_words: frozenset[str] = frozenset()
    threat_codes: dict[str, str] = field(default_factory=dict)
    # ... and a cooperative X so stated is an intent to cooperate (CAMEO 03x).
    intent_codes: dict[str, str] = field(default_factory=dict)
    # Asks: an appeal (02) or demand (10) for an action takes its subcode from the
    # action's code ("demanded that Rwanda withdraw" is 106), longest prefix first;
    # "halt", "stop" ... over a violent act ask for de-escalation.
    ask_codes: dict[str, dict[str, str]] = field(default_factory=dict)
    cessation_words: frozenset[str] = frozenset()
    cessation_code: str | None = None
    # Killing and wounding: what an attack did (casus.events.casualties).
    casualty_words: frozenset[str] = frozenset()
    # News and decisions reacted to: the doer of what they report is the party.
    content_nouns: frozenset[str] = frozenset()
    # Crowds whose violence is a violent protest (145), singular forms.
    protester_words: frozenset[str] = frozenset()
    # Verbs whose subject does the event noun they take ("considering an attack").
    doer_verbs: frozenset[str] = frozenset()
    # Verbs whose subject suffers the attack noun they take ("facing shelling").
    experience_verbs: frozenset[str] = frozenset()
    # Addressees that are the channel of a statement, not a party ("told reporters").
    press_words: frozenset[str] = frozenset()
    # Judgments (casus.events.judgments): verbs that name something as something ("called
    # the raid a war crime"), linking verbs ("the raid was a war crime"), the code each
    # judgment word gives, and the nouns a judgment is a kind of ("an act of terror").
    judging_verbs: frozenset[str] = frozenset()
    linking_verbs: frozenset[str] = frozenset()
    judgment_codes: dict[str, str] = field(default_factory=dict)
    judgment_kinds: frozenset[str] = frozenset()
    # Fixed phrases of diplomacy by head lemma ("our thoughts are with X").
    idioms: dict[str, tuple[Idiom, ...]] = field(default_factory=dict)
    # Speech acts done by saying one wants to do them ("I want to thank ..."): the verbs
    # and the wanting verbs above them.
    performatives: frozenset[str] = frozenset()
    performative_governors: frozenset[str] = frozenset()
    # Verbs no trigger alone that name an act when asked for ("should leave": 166).
    asked_actions: dict[str, str] = field(default_factory=dict)
    # Speech acts about one's own side or others' duties (casus.events.speech): the
    # state organs that speak for one another, the modals of a refusal ("would not")
    # and the 12x it gives by the refused act's code, the words opening its condition,
    # and the words of an obligation ("should", "has to").
    state_roles: frozenset[str] = frozenset()
    refusal_modals: frozenset[str] = frozenset()
    refusal_codes: dict[str, str] = field(default_factory=dict)
    condition_words: frozenset[str] = frozenset()
    obligation_words: frozenset[str] = frozenset()

    def ask_code(self, root: str, action: str) -> str | None:
        """The code of an appeal or demand (``root`` 02 or 10) for an ``action`` code."""
        table = self.ask_codes.get(root) or {}
        for n in range(len(action), 1, -1):
            if action[:n] in table:
                return table[action[:n]]
        return None

    def refusal_code(self, action: str) -> str | None:
        """The refusal (12x) of an act of code ``action``, by its longest listed prefix."""
        return next((self.refusal_codes[action[:n]] for n in range(len(action), 1, -1)
                     if action[:n] in self.refusal_codes), None)

    def intent_code(self, action: str) -> str | None:
        """The intent (03x) to do an act of code ``action``: the most specific of the
        readiness intents (by root) and the aid and cooperation subcodes it mirrors."""
        specific = INTENT_SUBCODES.get(action[:3])
        return specific or self.intent_codes.get(action[:2])

    def frame_code(self, root: str) -> str | None:
        """What an action of CAMEO ``root`` becomes when stated as readiness or intent."""
        return self.threat_codes.get(root) or self.intent_codes.get(root)

    def verb(self, token: Token) -> Entry | None:
        """The verb entry for ``token`` (a VERB), by lemma."""
        return self.verbs.get(token.lemma_.lower())

    def noun(self, token: Token) -> Entry | None:
        """The noun entry for ``token`` (a NOUN/PROPN), by lemma then by surface form."""
        return self.nouns.get(token.lemma_.lower()) or self.nouns.get(token.lower_)

    @property
    def speech_lemmas(self) -> frozenset[str]:
        return frozenset(lemma for lemma, entry in self.verbs.items() if entry.speech)

    def codes(self) -> set[str]:
        """Every code the lexicon can give (for tests and docs)."""
        found: set[str] = set()
        for entry in [*self.verbs.values(), *self.nouns.values()]:
            if entry.code:
                found.add(entry.code)
            found.update(rule.code for rule in entry.rules if rule.code)
        asked = {code for table in self.ask_codes.values() for code in table.values()}
        asked |= set(self.judgment_codes.values())
        asked |= {idiom.code for idioms in self.idioms.values() for idiom in idioms}
        asked |= set(self.refusal_codes.values())
        return found | set(self.threat_codes.values()) | set(self.intent_codes.values()) | asked


def _words(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset({value.lower()})
    return frozenset(str(v).lower() for v in value)


def _check_code(code: Any, where: str) -> str | None:
    if code is None:
        return None
    text = str(code)
    if not is_code(text):
        raise DictionaryError(f"{where}: unknown CAMEO code {text!r}")
    return text


def _rule(raw: dict[str, Any], where: str) -> Rule:
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise DictionaryError(f"{where}: unknown rule keys {sorted(unknown)}")
    if not raw.get("code") and not raw.get("light"):
        raise DictionaryError(f"{where}: a rule needs 'code' or 'light: true'")
    words = {k: _words(raw.get(k)) for k in _RULE_KEYS - {"code", "light", "keeps_object"}}
    labels = {k: frozenset(s.upper() for s in words[k]) for k in ("object_label", "pobj_label")}
    return Rule(
        code=_check_code(raw.get("code"), where),
        light=bool(raw.get("light", False)),
        keeps_object=bool(raw.get("keeps_object", False)),
        **{**words, **labels},
    )


def _entry(lemma: str, pos: str, raw: dict[str, Any], where: str) -> Entry:
    if not isinstance(raw, dict):
        raise DictionaryError(f"{where}: an entry must be a mapping")
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise DictionaryError(f"{where}: unknown keys {sorted(unknown)}")
    if "code" not in raw and "rules" not in raw:
        raise DictionaryError(f"{where}: an entry needs 'code' or 'rules'")
    rules = tuple(_rule(r, f"{where} rule {i}") for i, r in enumerate(raw.get("rules") or []))
    return Entry(
        lemma=lemma,
        pos=pos,
        code=_check_code(raw.get("code"), where),
        rules=rules,
        target_preps=_words(raw.get("target")),
        source_preps=_words(raw.get("source")),
        of_is_source=raw.get("of") == "source",
        requires_target=raw.get("requires") == "target",
        speech=bool(raw.get("speech", False)),
        symmetric=bool(raw.get("symmetric", False)),
        absorbs=bool(raw.get("absorbs", False)),
        alone=bool(raw.get("alone", True)),
        topic=bool(raw.get("topic", False)),
    )


def parse_lexicon(data: dict[str, Any], origin: str = "lexicon") -> Lexicon:
    """Build a Lexicon from parsed YAML; raises DictionaryError naming the bad entry."""
    if not isinstance(data, dict):
        raise DictionaryError(f"{origin}: expected 'verbs' and 'nouns' sections")
    lexicon = Lexicon()
    for section, pos, target in (
        ("verbs", "verb", lexicon.verbs),
        ("nouns", "noun", lexicon.nouns),
    ):
        for lemma, raw in (data.get(section) or {}).items():
            key = str(lemma).lower()
            target[key] = _entry(key, pos, raw, f"{origin}: {section}.{lemma}")
    frames = data.get("readiness") or {}
    lexicon.readiness_words = frozenset(str(w).lower() for w in frames.get("words") or ())
    lexicon.threat_codes = {str(k): str(v) for k, v in (frames.get("threats") or {}).items()}
    lexicon.intent_codes = {str(k): str(v) for k, v in (frames.get("intents") or {}).items()}
    for name, codes in (("threats", lexicon.threat_codes), ("intents", lexicon.intent_codes)):
        for code in codes.values():
            if not is_code(code):
                raise DictionaryError(
                    f"{origin}: readiness.{name}: unknown CAMEO code {code!r}")
    _read_asks(data.get("asks") or {}, lexicon, origin)
    lexicon.casualty_words = _words(data.get("casualties"))
    lexicon.content_nouns = _words(data.get("content_nouns"))
    lexicon.protester_words = _words(data.get("protesters"))
    lexicon.doer_verbs = _words(data.get("doer_verbs"))
    lexicon.experience_verbs = _words(data.get("experience_verbs"))
    lexicon.press_words = _words(data.get("press"))
    _read_judgments(data.get("judgments") or {}, lexicon, origin)
    lexicon.idioms = _read_idioms(data.get("idioms") or [], origin)
    performatives = data.get("performatives") or {}
    lexicon.performatives = _words(performatives.get("verbs"))
    lexicon.performative_governors = _words(performatives.get("governors"))
    _read_speech_acts(data.get("speech_acts") or {}, lexicon, origin)
    return lexicon


def _read_speech_acts(raw: dict[str, Any], lexicon: Lexicon, origin: str) -> None:
    lexicon.state_roles = frozenset(str(r).upper() for r in raw.get("state_roles") or ())
    lexicon.refusal_modals = _words(raw.get("refusal_modals"))
    lexicon.condition_words = _words(raw.get("conditions"))
    lexicon.obligation_words = _words(raw.get("obligation"))
    lexicon.refusal_codes = {str(k): str(v) for k, v in (raw.get("refusals") or {}).items()}
    for code in lexicon.refusal_codes.values():
        if not is_code(code) or not code.startswith("12"):
            raise DictionaryError(f"{origin}: speech_acts.refusals: {code!r} is no CAMEO 12 code")


def _read_judgments(raw: dict[str, Any], lexicon: Lexicon, origin: str) -> None:
    lexicon.judging_verbs = _words(raw.get("verbs"))
    lexicon.linking_verbs = _words(raw.get("linking"))
    lexicon.judgment_kinds = _words(raw.get("kinds"))
    for code, words in (raw.get("words") or {}).items():
        checked = _check_code(code, f"{origin}: judgments.words")
        lexicon.judgment_codes.update({word: str(checked) for word in _words(words)})


def _read_idioms(raw: list[Any], origin: str) -> dict[str, tuple[Idiom, ...]]:
    found: dict[str, list[Idiom]] = {}
    for i, item in enumerate(raw):
        where = f"{origin}: idioms {i}"
        if not isinstance(item, dict) or not item.get("head") or not item.get("code"):
            raise DictionaryError(f"{where}: an idiom needs 'head' and 'code'")
        if unknown := set(item) - _IDIOM_KEYS:
            raise DictionaryError(f"{where}: unknown keys {sorted(unknown)}")
        if item.get("source", "subject") not in _IDIOM_SOURCES:
            raise DictionaryError(f"{where}: source must be one of {sorted(_IDIOM_SOURCES)}")
        target = item.get("target")
        idiom = Idiom(
            head=str(item["head"]).lower(),
            code=str(_check_code(item["code"], where)),
            subject=_words(item.get("subject")),
            object=_words(item.get("object")),
            particle=_words(item.get("particle")),
            adverb=_words(item.get("adverb")),
            target=frozenset() if target == "subject" else _words(target),
            target_is_subject=target == "subject",
            source=str(item.get("source", "subject")),
            future=bool(item.get("future", False)),
            victims=bool(item.get("victims", False)),
        )
        found.setdefault(idiom.head, []).append(idiom)
    return {head: tuple(idioms) for head, idioms in found.items()}


def _read_asks(asks: dict[str, Any], lexicon: Lexicon, origin: str) -> None:
    lexicon.cessation_words = _words(asks.get("cessation"))
    lexicon.cessation_code = str(asks["cessation_code"]) if asks.get("cessation_code") else None
    for root, name in (("02", "appeals"), ("10", "demands")):
        table = {str(k): str(v) for k, v in (asks.get(name) or {}).items()}
        for code in table.values():
            if not is_code(code) or not code.startswith(root):
                raise DictionaryError(f"{origin}: asks.{name}: {code!r} is no CAMEO {root} code")
        lexicon.ask_codes[root] = table
    lexicon.asked_actions = {str(k).lower(): str(v) for k, v in (asks.get("actions") or {}).items()}
    for code in lexicon.asked_actions.values():
        if not is_code(code):
            raise DictionaryError(f"{origin}: asks.actions: unknown CAMEO code {code!r}")


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The packaged lexicon (cached), or the YAML file at ``path``."""
    if path is None:
        return _packaged()
    path = Path(path)
    try:
        data = read_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(f"cannot read event lexicon: {exc}", origin=str(path)) from None
    return parse_lexicon(data, str(path))


@lru_cache(maxsize=1)
def _packaged() -> Lexicon:
    source = resources.files("casus").joinpath("data/events/lexicon.yaml")
    data = read_yaml(source.read_text(encoding="utf-8"))
    return parse_lexicon(data, "data/events/lexicon.yaml")
