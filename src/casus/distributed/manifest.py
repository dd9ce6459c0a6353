"""Which documents a dataset holds, in which part, with which fingerprint.

A JSON Lines log beside the data (``_manifest.jsonl``). A line is appended (and synced)
only after its part's files are in place, so the log never names a missing file; part
files it does not name were being written when a run stopped, and are removed by the
next run. The last line for a part wins; a line cut short by a crash is ignored.

Every part carries a sequence number, the order in which its batch was *submitted*.
When one doc_id is held by two parts (a changed document, or a duplicate id later in
the input), the part with the higher number wins, however the workers' results were
ordered in time: "the last one wins", as in the store. On loading, the log is
compacted (rewritten to one line per part, atomically) so it does not grow forever.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

NAME = "_manifest.jsonl"


@dataclass
class Part:
    seq: int
    docs: dict[str, str]  # doc_id -> fingerprint


@dataclass
class Manifest:
    root: Path
    parts: dict[str, Part] = field(default_factory=dict)
    _holder: dict[str, str] = field(default_factory=dict)  # doc_id -> winning part

    @classmethod
    def load(cls, root: Path, *, compact: bool = True) -> Manifest:
        """Read the log (and compact it, unless a reader asks not to write); a missing
        log is an empty dataset."""
        manifest = cls(root)
        path = root / NAME
        if path.exists():
            for line in path.read_text("utf-8").splitlines():
                try:
                    entry = json.loads(line)
                    part, seq, docs = entry["part"], int(entry["seq"]), dict(entry["docs"])
                except (json.JSONDecodeError, KeyError, TypeError, ValueError):
                    continue  # a line cut by a crash: its part is then a leftover
                if docs:
                    manifest.parts[part] = Part(seq, docs)
                else:
                    manifest.parts.pop(part, None)
            if compact:
                manifest._compact()
        manifest._reindex()
        return manifest

    def _compact(self) -> None:
        path = self.root / NAME
        tmp = self.root / f".{NAME}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as handle:
            for part, entry in sorted(self.parts.items(), key=lambda kv: kv[1].seq):
                handle.write(_line(part, entry))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)

    def _reindex(self) -> None:
        self._holder = {}
        for part, entry in sorted(self.parts.items(), key=lambda kv: kv[1].seq):
            for doc_id in entry.docs:
                self._holder[doc_id] = part

    @property
    def next_seq(self) -> int:
        return max((p.seq for p in self.parts.values()), default=-1) + 1

    def visible(self) -> dict[str, str]:
        """doc_id -> the part whose copy readers see: the latest copy of each document."""
        return dict(self._holder)

    def fingerprint(self, doc_id: str) -> str | None:
        """The fingerprint of the copy of ``doc_id`` that readers should see."""
        part = self._holder.get(doc_id)
        return self.parts[part].docs[doc_id] if part is not None else None

    def record(self, part: str, seq: int, docs: dict[str, str]) -> dict[str, set[str]]:
        """Log a part's (new) document set; an empty set removes the part.

        Returns part -> documents it still lists that another part supersedes: the
        caller drops them from those files, then records the smaller sets.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / NAME, "a", encoding="utf-8") as handle:
            handle.write(_line(part, Part(seq, docs)))
            handle.flush()
            os.fsync(handle.fileno())
        old = self.parts.pop(part, None)
        if docs:
            self.parts[part] = Part(seq, docs)
        stale: dict[str, set[str]] = {}
        for doc_id in old.docs if old else {}:
            if doc_id not in docs and self._holder.get(doc_id) == part:
                del self._holder[doc_id]
        for doc_id in docs:
            holder = self._holder.get(doc_id)
            if holder is None or holder == part:
                self._holder[doc_id] = part
            elif self.parts[holder].seq <= seq:
                stale.setdefault(holder, set()).add(doc_id)
                self._holder[doc_id] = part
            else:
                stale.setdefault(part, set()).add(doc_id)
        return stale

    def stale(self) -> dict[str, set[str]]:
        """part -> documents it lists that a later part supersedes (after a crash)."""
        out: dict[str, set[str]] = {}
        for part, entry in self.parts.items():
            old = {d for d in entry.docs if self._holder[d] != part}
            if old:
                out[part] = old
        return out


def _line(part: str, entry: Part) -> str:
    return json.dumps({"part": part, "seq": entry.seq, "docs": entry.docs},
                      sort_keys=True) + "\n"
