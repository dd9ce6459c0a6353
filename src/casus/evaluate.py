"""Scoring coded events against a gold file (format: docs/gold.md).

Events are compared as multisets of keys per document: ``root`` level
(doc_id, CAMEO root) and ``dyad`` level (doc_id, root, source country, target
country). Gold lines marked negated or not-asserted (future, hypothetical,
conditional) are events that must NOT come out as facts: each prediction that
matches one of them, and no real event, is counted as a false fact.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casus.errors import UsageError

FACT_MODALITIES = {"asserted", "reported", None}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3)}


@dataclass
class Accuracy:
    """Right answers over the matched pairs where gold gives one."""

    right: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 0.0

    def add(self, right: bool) -> None:
        self.total += 1
        self.right += int(right)

    def as_dict(self) -> dict[str, Any]:
        return {"right": self.right, "total": self.total, "rate": round(self.rate, 3)}


@dataclass
class Evaluation:
    root: Score
    dyad: Score
    per_root: dict[str, Score]
    false_facts: int
    gold_nonfacts: int
    docs: int
    details: dict[str, Any] = field(default_factory=dict)
    date: Accuracy = field(default_factory=Accuracy)
    code: Accuracy = field(default_factory=Accuracy)
    location: Accuracy = field(default_factory=Accuracy)

    def as_dict(self) -> dict[str, Any]:
        return {
            "docs": self.docs,
            "root": self.root.as_dict(),
            "dyad": self.dyad.as_dict(),
            "per_root": {k: v.as_dict() for k, v in sorted(self.per_root.items())},
            "false_facts": self.false_facts,
            "gold_nonfacts": self.gold_nonfacts,
            "date_accuracy": self.date.as_dict(),
            "code_accuracy": self.code.as_dict(),
            "location_accuracy": self.location.as_dict(),
        }


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold lines; a malformed line is a usage error naming file and line."""
    lines = []
    for n, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            record["cameo_root"] = record.get("cameo_root") or record["cameo"][:2]
            record["doc_id"]  # noqa: B018 - required field
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise UsageError(f"{path}:{n}: not a gold event line ({exc})") from None
        lines.append(record)
    return lines


def is_fact(record: dict[str, Any]) -> bool:
    return not record.get("negated") and record.get("modality") in FACT_MODALITIES


# CAMEO writes the UN both as a body of its own (UNO) and as an intergovernmental
# organisation (IGO + UNO); gold and coder may pick either, so both count as IGO.
COUNTRY_ALIASES = {"UNO": "IGO"}


def _country(side: Any, key: str, record: dict[str, Any]) -> str | None:
    country = side.get("country") if isinstance(side, dict) else record.get(key)
    return COUNTRY_ALIASES.get(country, country) if country else country


def keys(record: dict[str, Any]) -> tuple[tuple, tuple]:
    root = record.get("cameo_root") or str(record.get("cameo", ""))[:2]
    src = _country(record.get("source"), "source_country", record)
    tgt = _country(record.get("target"), "target_country", record)
    return (record["doc_id"], root), (record["doc_id"], root, src, tgt)


def _score(gold: Counter, pred: Counter) -> Score:
    tp = sum((gold & pred).values())
    return Score(tp=tp, fp=sum(pred.values()) - tp, fn=sum(gold.values()) - tp)


def evaluate(gold: list[dict[str, Any]], predicted: Iterable[dict[str, Any]]) -> Evaluation:
    """Score predicted event records (CONTRACT.md shape) against gold lines."""
    doc_ids = {g["doc_id"] for g in gold}
    facts = [g for g in gold if is_fact(g)]
    nonfacts = [g for g in gold if not is_fact(g)]
    preds = [p for p in predicted if p["doc_id"] in doc_ids and is_fact(p)]

    gold_root = Counter(keys(g)[0] for g in facts)
    gold_dyad = Counter(keys(g)[1] for g in facts)
    pred_root = Counter(keys(p)[0] for p in preds)
    pred_dyad = Counter(keys(p)[1] for p in preds)

    per_root: dict[str, Score] = {}
    for root in sorted({k[1] for k in gold_root} | {k[1] for k in pred_root}):
        per_root[root] = _score(
            Counter({k: v for k, v in gold_root.items() if k[1] == root}),
            Counter({k: v for k, v in pred_root.items() if k[1] == root}),
        )
    unmatched = pred_root - gold_root
    nonfact_keys = Counter(keys(g)[0] for g in nonfacts)
    false_facts = sum((unmatched & nonfact_keys).values())
    result = Evaluation(
        root=_score(gold_root, pred_root),
        dyad=_score(gold_dyad, pred_dyad),
        per_root=per_root,
        false_facts=false_facts,
        gold_nonfacts=len(nonfacts),
        docs=len(doc_ids),
    )
    for g, p in matched_pairs(facts, preds):
        result.code.add(g.get("cameo") == p.get("cameo"))
        if g.get("date"):
            result.date.add(same_date(g, p))
        if g.get("location"):
            result.location.add(same_place(g["location"], p.get("location")))
    return result


def matched_pairs(gold: list[dict[str, Any]], preds: list[dict[str, Any]]
                  ) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Gold and system facts paired within each dyad key: equal dates first, then in
    text order. Only these pairs are scored for date, code and place."""
    by_key: dict[tuple, list[dict[str, Any]]] = {}
    for p in preds:
        by_key.setdefault(keys(p)[1], []).append(p)
    pairs = []
    for g in gold:
        candidates = by_key.get(keys(g)[1]) or []
        if not candidates:
            continue
        pick = next((p for p in candidates if same_date(g, p)), candidates[0])
        candidates.remove(pick)
        pairs.append((g, pick))
    return pairs


def same_date(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """A day-precision gold date matches the day; a month-precision one the month."""
    want, got = gold.get("date"), pred.get("date")
    if not want or not got:
        return False
    if gold.get("date_precision") in ("month", "year"):
        width = 7 if gold["date_precision"] == "month" else 4
        return str(got)[:width] == str(want)[:width]
    return str(got)[:10] == str(want)[:10]


PLACE_KM = 25.0  # two spellings of one town resolve within this distance


def same_place(gold: dict[str, Any], pred: Any) -> bool:
    """Right at country level, and at the place's level when gold names one: the system's
    place has the gold place's name (any romanisation) or lies within PLACE_KM of where
    the gazetteer puts it."""
    if not isinstance(pred, dict) or pred.get("country") != gold.get("country"):
        return False
    place = gold.get("place")
    if not place:
        return True
    from casus.actors.names import name_key

    if name_key(place) and name_key(place) == name_key(str(pred.get("name") or "")):
        return True
    from casus.geo.gazetteer import default_gazetteer, km_between

    where = default_gazetteer().lookup(place, (gold["country"],))
    if where is None or where.lat is None or where.lon is None \
            or pred.get("lat") is None or pred.get("lon") is None:
        return False
    return km_between(where.lat, where.lon, pred["lat"], pred["lon"]) <= PLACE_KM
