"""Which documents a dataset holds, in which part, with which fingerprint.

An append-only JSON Lines log beside the data: a line is written only after its part's
files are in place, so after a crash the log never names a missing file; files it does
not name are leftovers and are removed on the next run. The last line for a part wins.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

NAME = "_manifest.jsonl"


@dataclass
class Manifest:
    root: Path
    parts: dict[str, dict[str, str]] = field(default_factory=dict)  # part -> doc -> fp

    @classmethod
    def load(cls, root: Path) -> Manifest:
        manifest = cls(root)
        path = root / NAME
        if path.exists():
            for line in path.read_text("utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut by a crash: its part is then a leftover
                if entry["docs"]:
                    manifest.parts[entry["part"]] = entry["docs"]
                else:
                    manifest.parts.pop(entry["part"], None)
        return manifest

    def record(self, part: str, docs: dict[str, str]) -> None:
        """Log a part's (new) document set; an empty set removes the part."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / NAME, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"part": part, "docs": docs}, sort_keys=True) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        if docs:
            self.parts[part] = docs
        else:
            self.parts.pop(part, None)

    def documents(self) -> dict[str, tuple[str, str]]:
        """doc_id -> (fingerprint, part); a document logged in several parts (a crash
        between writing its new part and dropping it from the old) keeps the last."""
        found: dict[str, tuple[str, str]] = {}
        for part, docs in self.parts.items():
            for doc_id, fingerprint in docs.items():
                found[doc_id] = (fingerprint, part)
        return found

    def stale(self) -> dict[str, set[str]]:
        """part -> documents it holds that a later part superseded."""
        latest = self.documents()
        out: dict[str, set[str]] = {}
        for part, docs in self.parts.items():
            old = {d for d in docs if latest[d][1] != part}
            if old:
                out[part] = old
        return out
