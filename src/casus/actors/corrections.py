"""An analyst's corrections to actor identity, kept and re-applied to every analysis.

Two kinds, in the order they were made:

- ``merge KEPT FOLDED``: every reference to ``FOLDED`` becomes ``KEPT`` (its name and,
  for a dictionary actor, the code its role period gives on the reference's date);
- ``split ACTOR TEXT``: references to ``ACTOR`` written as ``TEXT`` become an actor of
  their own, outside the dictionary, whose id is derived from both (deterministic).

One function, :meth:`Corrections.correct`, decides what a reference becomes; it is used
on fresh analyses before they are stored and on rows already stored when a correction
is made, so the two can never disagree. Event ids are left as coded: they name the
report (document, span, trigger, code), and outside references to them stay valid.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from casus.actors.dictionary import ActorDictionary
from casus.actors.roles import parse_code
from casus.records import ActorRef, Event, Mention, stable_id

Kind = Literal["merge", "split"]
IDENTITY = ("actor_id", "name", "type", "code", "country", "role", "in_dictionary")


@dataclass(frozen=True)
class Correction:
    """One correction. For a merge, ``name`` … ``in_dictionary`` are the kept actor's
    identity when the correction was made (used when the dictionary no longer knows it)."""

    seq: int
    kind: Kind
    actor_id: str          # merge: the actor kept; split: the actor split
    other: str             # merge: the actor folded in; split: the surface form taken out
    name: str | None = None
    type: str | None = None
    code: str | None = None
    country: str | None = None
    role: str | None = None
    in_dictionary: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"seq": self.seq, "kind": self.kind, "actor_id": self.actor_id}
        if self.kind == "merge":
            out.update(merged_id=self.other, name=self.name, code=self.code)
        else:
            out.update(mention=self.other, new_actor_id=split_id(self.actor_id, self.other))
        return out


def surface(text: str) -> str:
    """A surface form compared case- and spacing-blind ("Al  Kazemi" = "al kazemi")."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def split_id(actor_id: str, text: str) -> str:
    return stable_id("actor", "split", actor_id, surface(text))


class Corrections:
    """The corrections of one store, applied in order to actor references."""

    def __init__(self, corrections: Sequence[Correction] = (),
                 dictionary: ActorDictionary | None = None) -> None:
        self.items = sorted(corrections, key=lambda c: c.seq)
        self._dictionary = dictionary

    def __bool__(self) -> bool:
        return bool(self.items)

    def correct(self, ref: dict[str, Any], text: str, on: date | None) -> dict[str, Any]:
        """The identity (``IDENTITY`` keys) a reference written ``text`` has after every
        correction; ``ref`` itself is not changed."""
        out = dict(ref)
        for c in self.items:
            if c.kind == "merge" and out.get("actor_id") == c.other:
                out.update(self._kept(c, on))
            elif (c.kind == "split" and out.get("actor_id") == c.actor_id
                  and surface(text) == surface(c.other)):
                out.update(actor_id=split_id(c.actor_id, c.other), name=text.strip(),
                           code=None, country=None, role=None, in_dictionary=False)
        return out

    def _kept(self, c: Correction, on: date | None) -> dict[str, Any]:
        entry = self._dictionary.entry_for(c.actor_id) if self._dictionary else None
        if entry is not None:  # a dictionary actor: the code in force on the date
            code = entry.code_on(on)
            country, role = parse_code(code)
            return {"actor_id": c.actor_id, "name": entry.name, "type": entry.type,
                    "code": code, "country": country, "role": role, "in_dictionary": True}
        return {"actor_id": c.actor_id, "name": c.name, "type": c.type, "code": c.code,
                "country": c.country, "role": c.role, "in_dictionary": c.in_dictionary}

    # -- fresh analyses ---------------------------------------------------------
    def apply(self, mentions: Iterable[Mention], events: Iterable[Event],
              published: date | None) -> None:
        """Correct an analysis in place before it is stored."""
        if not self.items:
            return
        for m in mentions:
            fixed = self.correct({**_identity(m.actor), "in_dictionary": m.in_dictionary},
                                 m.text, published)
            m.in_dictionary = bool(fixed.pop("in_dictionary"))
            m.actor = replace(m.actor, **fixed)
        for e in events:
            on = e.date or published
            e.source = self._ref(e.source, on)
            e.target = self._ref(e.target, on)
            if e.attribution is not None:
                e.attribution = replace(e.attribution,
                                        speaker=self._ref(e.attribution.speaker, on))

    def _ref(self, ref: ActorRef | None, on: date | None) -> ActorRef | None:
        if ref is None:
            return None
        fixed = self.correct(_identity(ref), ref.text, on)
        fixed.pop("in_dictionary", None)
        return replace(ref, **fixed)

    # -- stored records -----------------------------------------------------------
    def correct_record(self, record: dict[str, Any], published: date | None) -> dict[str, Any]:
        """A stored event record (CONTRACT.md shape) with its parties corrected."""
        out = dict(record)
        on = date.fromisoformat(record["date"]) if record.get("date") else published
        for side in ("source", "target"):
            out[side] = self._party(record.get(side), on)
        attribution = record.get("attribution")
        if attribution and attribution.get("speaker"):
            out["attribution"] = {**attribution,
                                  "speaker": self._party(attribution["speaker"], on)}
        return out

    def _party(self, party: dict[str, Any] | None, on: date | None) -> dict[str, Any] | None:
        if not party:
            return party
        fixed = self.correct(party, party.get("text") or "", on)
        fixed.pop("in_dictionary", None)
        fixed.pop("type", None)  # event parties carry no type (CONTRACT.md)
        return {**party, **fixed}


def _identity(ref: ActorRef) -> dict[str, Any]:
    return {"actor_id": ref.actor_id, "name": ref.name, "type": ref.type, "code": ref.code,
            "country": ref.country, "role": ref.role}
