"""The records casus reads and writes: one definition, used by every stage.

Field names and shapes follow ``CONTRACT.md``; ``to_dict()`` gives the JSON record
that users and outside scripts rely on.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any, Literal

PublishedFrom = Literal["dateline", "metadata"] | None
Modality = Literal["asserted", "future", "hypothetical", "conditional", "reported"]
Precision = Literal["day", "month", "year"] | None


def stable_id(*parts: object, length: int = 16) -> str:
    """A deterministic id from content: same inputs, same id, on every machine and worker."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class RawDocument:
    """One input article as read from disk, before cleaning.

    Exactly one of ``text`` or ``html`` is set. ``origin`` names the file (and line,
    for JSONL) so errors and records can point back to it.
    """

    doc_id: str
    origin: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    warnings: list[str] = field(default_factory=list)  # one line each, shown on stderr


@dataclass
class Document:
    """A cleaned article. All event offsets point into ``text``."""

    doc_id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: PublishedFrom = None
    language: str | None = "en"
    origin: str | None = None
    n_events: int = 0
    # An undated article's writing window as its text bounds it (casus.dates.window):
    # {"start", "end", "evidence"}; never an event's date.
    date_window: dict[str, Any] | None = None

    @property
    def sha256(self) -> str:
        return sha256_text(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "published_from": self.published_from,
            "language": self.language,
            "text": self.text,
            "sha256": self.sha256,
            "n_events": self.n_events,
            "date_window": self.date_window,
        }


@dataclass
class Sentence:
    """A sentence of the cleaned text, kept so every event can show its evidence."""

    index: int
    char_start: int
    char_end: int
    text: str


@dataclass
class ActorRef:
    """An actor as it takes part in one event: the words used and who they resolve to."""

    text: str
    actor_id: str | None = None
    name: str | None = None
    code: str | None = None
    country: str | None = None
    role: str | None = None
    type: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "actor_id": self.actor_id,
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "role": self.role,
        }


def party_key(ref: ActorRef | None) -> str | None:
    """An event party's identity for ids: its actor id, else its words."""
    if ref is None:
        return None
    return ref.actor_id or f"text:{ref.text.lower()}"


@dataclass
class Mention:
    """A span of a document that names or describes an actor.

    Token offsets (``start``/``end``) are for the spaCy Doc; ``char_start``/``char_end``
    point into the cleaned text.
    """

    text: str
    start: int
    end: int
    char_start: int
    char_end: int
    actor: ActorRef
    label: str | None = None  # PERSON, ORG, GPE, NORP, ROLE ...
    in_dictionary: bool = False


@dataclass
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Attribution:
    speaker: ActorRef | None
    quoted: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "quoted": self.quoted,
        }


@dataclass
class Event:
    """One coded event and the evidence for it."""

    doc_id: str
    sentence: str
    sentence_index: int
    char_start: int
    char_end: int
    cameo: str
    cameo_root: str
    cameo_label: str
    plover: str | None
    plover_mode: str | None
    quad_class: int
    goldstein: float
    source: ActorRef | None
    target: ActorRef | None
    trigger: str = ""
    trigger_start: int | None = None  # char offset of the trigger word in the text
    date: date | None = None
    date_precision: Precision = None
    date_text: str | None = None
    location: Place | None = None
    negated: bool = False
    modality: Modality = "asserted"
    attribution: Attribution | None = None
    confidence: float = 0.5
    event_id: str = ""

    def __post_init__(self) -> None:
        if not self.event_id:
            self.event_id = self.compute_id()

    def amended(self, **changes: Any) -> Event:
        """A copy with ``changes``, its id computed afresh from the new content."""
        return replace(self, **changes, event_id="")

    def compute_id(self) -> str:
        """From content only: doc, sentence span, trigger offset, code and the parties."""
        return stable_id(
            self.doc_id,
            self.char_start,
            self.char_end,
            self.trigger_start,
            self.cameo,
            party_key(self.source),
            party_key(self.target),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "dataset": "casus",
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "sentence_index": self.sentence_index,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "cameo_label": self.cameo_label,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "trigger": self.trigger,
            "trigger_start": self.trigger_start,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "location": self.location.to_dict() if self.location else None,
            "negated": self.negated,
            "modality": self.modality,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "confidence": round(self.confidence, 3),
        }


@dataclass
class MentionCount:
    text: str
    doc_id: str
    count: int


@dataclass
class Actor:
    """A resolved actor with every surface form it was found under."""

    actor_id: str
    name: str
    type: str | None = None
    code: str | None = None
    country: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[MentionCount] = field(default_factory=list)
    in_dictionary: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor_id": self.actor_id,
            "name": self.name,
            "type": self.type,
            "code": self.code,
            "country": self.country,
            "role": self.role,
            "aliases": list(self.aliases),
            "mentions": [asdict(m) for m in self.mentions],
            "in_dictionary": self.in_dictionary,
        }
