"""Scoring fusion against hand-labelled report pairs (gold/fusion.jsonl, docs/gold.md).

A gold side names a sentence (document id and a few words of it) and a CAMEO code
prefix; it stands for the events casus coded there with that code. Two sides are
predicted the same event when some event of one and a different event of the other are
in one fused group. Pairs whose sentence casus did not code are counted apart: they
measure the coder, not the fusion.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casus.fusion.compat import Report


@dataclass
class FusionScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    uncoded: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def summary(self) -> str:
        return (f"pairs {self.tp + self.fp + self.fn + self.tn} (+{self.uncoded} uncoded): "
                f"precision {self.precision:.2f}, recall {self.recall:.2f} "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn}, tn {self.tn})")


def load_pairs(path: str | Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text("utf-8").splitlines()
            if line.strip()]


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def score(pairs: Iterable[dict[str, Any]], groups: list[list[Report]]) -> FusionScore:
    where = {r.event_id: i for i, group in enumerate(groups) for r in group}
    by_doc: dict[str, list[Report]] = {}
    for group in groups:
        for report in group:
            by_doc.setdefault(report.doc_id, []).append(report)
    result = FusionScore()
    for pair in pairs:
        sides = [[r for r in by_doc.get(s["doc_id"], [])
                  if _words(s["evidence"]) in _words(r.record.get("sentence"))
                  and r.cameo.startswith(s["cameo"])] for s in (pair["a"], pair["b"])]
        if not all(sides):
            result.uncoded += 1
            continue
        predicted = any(where[x.event_id] == where[y.event_id]
                        for x in sides[0] for y in sides[1] if x.event_id != y.event_id)
        label = f"{pair['a']['evidence']!r} / {pair['b']['evidence']!r}"
        if pair["same"] and predicted:
            result.tp += 1
        elif pair["same"]:
            result.fn += 1
            result.errors.append(f"missed: {label}")
        elif predicted:
            result.fp += 1
            result.errors.append(f"wrongly merged: {label}")
        else:
            result.tn += 1
    return result
