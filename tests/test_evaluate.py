"""Scoring events against gold: multiset matching at root and dyad level."""

from __future__ import annotations

import json

import pytest

from casus.errors import UsageError
from casus.evaluate import evaluate, load_gold


def _gold(doc, cameo, src, tgt, **kw):
    return {"doc_id": doc, "cameo": cameo, "cameo_root": cameo[:2], "source_country": src,
            "target_country": tgt, **kw}


def _pred(doc, cameo, src, tgt, negated=False, modality="asserted"):
    return {"doc_id": doc, "cameo": cameo, "cameo_root": cameo[:2],
            "source": {"country": src} if src else None,
            "target": {"country": tgt} if tgt else None,
            "negated": negated, "modality": modality}


def test_evaluate_counts_tp_fp_fn_per_level():
    gold = [_gold("d", "042", "IRN", "IRQ"), _gold("d", "173", "IRQ", "IRQ"),
            _gold("d", "190", "USA", "IRQ")]
    pred = [_pred("d", "043", "IRN", "IRQ"), _pred("d", "173", "IRQ", None),
            _pred("d", "111", "IRQ", "USA"), _pred("other", "190", "USA", "IRQ")]
    result = evaluate(gold, pred)
    assert (result.root.tp, result.root.fp, result.root.fn) == (2, 1, 1)
    assert (result.dyad.tp, result.dyad.fp, result.dyad.fn) == (1, 2, 2)
    assert result.per_root["19"].recall == 0.0
    assert result.per_root["04"].f1 == 1.0


def test_evaluate_nonfacts_are_not_gold_facts_and_count_as_false_facts():
    gold = [_gold("d", "138", "IRQ", "USA", modality="conditional"),
            _gold("d", "130", "IRQ", "IRQ", negated=True)]
    pred = [_pred("d", "138", "IRQ", "USA"),
            _pred("d", "130", "IRQ", "IRQ", negated=True)]  # rightly negated: ignored
    result = evaluate(gold, pred)
    assert result.root.fp == 1 and result.false_facts == 1 and result.gold_nonfacts == 2


def test_evaluate_load_gold_rejects_malformed_lines(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(_gold("d", "042", "IRN", "IRQ")) + "\n{not json\n")
    with pytest.raises(UsageError, match=":2:"):
        load_gold(path)


def test_evaluate_dates_codes_and_places_on_matched_events():
    gold = [_gold("d", "195", "RUS", "UKR", date="2024-05-25",
                  location={"place": "Kharkiv", "country": "UKR"}),
            _gold("d", "042", "USA", "LBN", date="2024-06-01", date_precision="month",
                  location={"place": None, "country": "LBN"}),
            _gold("d", "173", "MMR", "MMR", location={"place": "Yangon", "country": "MMR"})]
    pred = [_pred("d", "190", "RUS", "UKR"), _pred("d", "042", "USA", "LBN"),
            _pred("d", "173", "MMR", "MMR")]
    pred[0].update(date="2024-05-25", location={"name": "Charkiv", "country": "UKR",
                                                "lat": 49.98, "lon": 36.25})
    pred[1].update(date="2024-06-18", location={"name": "Beirut", "country": "LBN"})
    pred[2].update(location={"name": "Mandalay", "country": "MMR", "lat": 21.97, "lon": 96.08})
    result = evaluate(gold, pred)
    assert (result.code.right, result.code.total) == (2, 3)  # 190 is not 195
    assert (result.date.right, result.date.total) == (2, 2)  # June matches a month date
    # Kharkiv by place (another spelling, same spot), Lebanon by country; Yangon is not
    # Mandalay
    assert (result.location.right, result.location.total) == (2, 3)
    assert result.as_dict()["location_accuracy"]["rate"] == 0.667
