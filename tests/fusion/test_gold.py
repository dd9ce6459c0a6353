"""Fusion against the hand-labelled report pairs of gold/fusion.jsonl (docs/gold.md).

The pairs come from the seed articles and the official statements beside the checkout.
The bar is the fusion issue's target: pairwise precision >= 0.9 and recall >= 0.8 (the
score is printed; 27 of the 280 pairs are "same", so one pair moves recall by 0.04).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casus.fusion import group_reports, reports_from_store
from casus.fusion.evaluate import load_pairs, score
from casus.store import Store
from tests.conftest import OFFICIAL, ROOT, SEEDS, run_casus

GOLD = ROOT / "gold" / "fusion.jsonl"


def test_gold_pairs_are_well_formed() -> None:
    pairs = load_pairs(GOLD)
    assert len(pairs) >= 100
    docs = {p[s]["doc_id"] for p in pairs for s in ("a", "b")}
    assert len(docs) >= 30
    assert sum(p["same"] for p in pairs) >= 20
    for pair in pairs:
        assert set(pair) == {"a", "b", "same"}
        for side in (pair["a"], pair["b"]):
            assert set(side) == {"doc_id", "evidence", "cameo"}
            assert len(side["evidence"].split()) <= 12 and side["cameo"].isdigit()


@pytest.mark.slow
def test_fusion_scores_on_real_reports(tmp_path: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    run_casus("ingest", str(SEEDS), str(OFFICIAL), db=db, check=True)
    with Store(db, read_only=True) as store:
        groups = group_reports(reports_from_store(store))
    result = score(load_pairs(GOLD), groups)
    print(result.summary())
    # the pairs' sentences are still coded as labelled; 13 are not: a headline restating
    # its body, a casualty report with no doer (no event since the events issue), a
    # meeting's purpose ("a meeting to discuss the American presence") and a statement
    # the coder no longer reads as one
    assert result.uncoded <= 15
    assert result.precision >= 0.9 and result.recall >= 0.8
