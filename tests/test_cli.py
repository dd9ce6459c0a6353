"""End to end through the real command: ingest the seeds, query, re-ingest, bad input."""

from __future__ import annotations

import gzip
import json
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS, run_casus

pytestmark = pytest.mark.slow

EVENT_FIELDS = {
    "event_id", "doc_id", "sentence", "sentence_index", "char_start", "char_end", "cameo",
    "cameo_root", "cameo_label", "plover", "plover_mode", "quad_class", "goldstein",
    "source", "target", "date", "date_precision", "date_text", "location", "negated",
    "modality", "attribution", "confidence",
}
ACTOR_REF_FIELDS = {"text", "actor_id", "name", "code", "country", "role"}
DOC_FIELDS = {"doc_id", "title", "source", "url", "published", "published_from", "language",
              "text", "sha256", "n_events"}


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def _events(db: Path, *args: str) -> list[dict]:
    return _jsonl(run_casus("events", "--format", "jsonl", *args, db=db, check=True).stdout)


def test_cli_events_follow_the_contract_field_for_field(seeds_db):
    events = _events(seeds_db, "--include-negated")
    assert len(events) >= 20
    docs = {d["doc_id"]: d for d in _jsonl(
        run_casus("docs", "--format", "jsonl", db=seeds_db, check=True).stdout)}
    for e in events:
        assert EVENT_FIELDS <= set(e), EVENT_FIELDS - set(e)
        for side in (e["source"], e["target"]):
            assert side is None or ACTOR_REF_FIELDS <= set(side)
        assert e["source"] or e["target"], "an event with no party at all was invented"
        assert e["cameo_root"] == e["cameo"][:2] and e["quad_class"] in (1, 2, 3, 4)
        text = docs[e["doc_id"]]["text"]
        assert text[e["char_start"]:e["char_end"]] == e["sentence"]
        assert e["modality"] in {"asserted", "future", "hypothetical", "conditional", "reported"}
    for d in docs.values():
        assert DOC_FIELDS <= set(d)


def test_cli_docs_are_clean_and_keep_real_sentences(seeds_db):
    docs = {d["doc_id"]: d for d in _jsonl(
        run_casus("docs", "--format", "jsonl", db=seeds_db, check=True).stdout)}
    assert len(docs) == 5
    everything = "\n".join(d["text"] for d in docs.values())
    for debris in ("[ad_1]", "Leave a Reply", "Back to top button", "Post a Comment",
                   "No comments:", "Show More", "Related Articles", "MonsterInsights",
                   "Required fields are marked", "on YouTube here"):
        assert debris not in everything
    assert "in the meantime, the political scientist" in everything
    assert docs["001_886702d4e5dac6fe"]["published"] == "2024-06-20"
    assert docs["001_886702d4e5dac6fe"]["published_from"] == "dateline"


def test_cli_salient_seed_events_are_coded(seeds_db):
    events = _events(seeds_db)
    by_doc: dict[str, list[dict]] = {}
    for e in events:
        by_doc.setdefault(e["doc_id"], []).append(e)

    def has(doc: str, prefix: str, src: str | None = None, tgt: str | None = None) -> bool:
        return any(
            e["cameo"].startswith(prefix)
            and (src is None or (e["source"] or {}).get("country") == src)
            and (tgt is None or (e["target"] or {}).get("country") == tgt)
            for e in by_doc.get(doc, [])
        )

    assert has("004_e03c588a3ee11681", "042", "IRN", "IRQ"), "Qaani's arrival in Baghdad"
    assert has("003_cc5115507b1f81c4", "173"), "the arrest of the missile-force commander"
    assert has("001_886702d4e5dac6fe", "04"), "the committee's meeting"
    assert has("001_886702d4e5dac6fe", "13", "IRQ", "USA"), "threat to end the US presence"
    assert any(e["modality"] == "future" and e["cameo_root"] == "04"
               for e in by_doc["002_6167ed54e53ec71c"]), "talks scheduled for July 23"


def test_cli_negated_sentence_yields_no_fact(seeds_db):
    for e in _events(seeds_db, "--include-negated"):
        if "did not threaten" in e["sentence"] and e["cameo_root"] == "13":
            assert e["negated"], e


def test_cli_dates_anchor_on_the_article_not_the_processing_day(seeds_db):
    events = _events(seeds_db, "--include-negated")
    dated = {(e["doc_id"], e["date"]) for e in events}
    assert ("001_886702d4e5dac6fe", "2024-06-19") in dated, "last night, Wednesday"
    assert ("002_6167ed54e53ec71c", "2021-07-23") in dated, "tomorrow (July 23rd)"
    recent = date.today() - timedelta(days=400)
    for e in events:
        if e["date"]:
            assert date.fromisoformat(e["date"]) < recent, e


def _dump(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                for t in ("documents", "sentences", "mentions", "events")}
    finally:
        con.close()


def test_cli_reingest_unchanged_changes_nothing(seeds_db):
    before = _dump(seeds_db)
    proc = run_casus("ingest", str(SEEDS), db=seeds_db, check=True)
    assert "0 stored, 5 unchanged" in proc.stderr
    assert _dump(seeds_db) == before


def _bad_batch(folder: Path) -> None:
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "latin1.txt").write_bytes(
        "Le ministre a rencontré le président à Bamako hier.".encode("latin-1"))
    with open(folder / "huge.txt", "w") as f:
        line = "The army said it shelled the positions overnight. " * 20 + "\n"
        while f.tell() < 30_000_000:
            f.write(line)
    (folder / "batch.jsonl").write_text(
        json.dumps({"id": "ok-line", "text": "Sudanese troops attacked RSF positions."}) +
        "\n{broken json\n")
    (folder / "noarticle.html").write_text("<html><body><nav>Home | About</nav></body></html>")
    (folder / "archive.html").write_bytes(gzip.compress(b"<html>" + b"x" * 5000))
    (folder / "good.txt").write_text(
        "Monday, March 4, 2024\n\nKenyan police arrested two opposition leaders in "
        "Nairobi on Sunday, officials said.\n")


def test_cli_bad_inputs_one_line_each_rest_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _bad_batch(folder)
    db = tmp_path / "bad.duckdb"
    proc = run_casus("ingest", str(folder), db=db)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    for name in ("empty.txt", "binary.txt", "huge.txt", "batch.jsonl:2", "noarticle.html",
                 "archive.html", "latin1.txt"):
        assert sum(name in line for line in lines) == 1, (name, lines)
    ids = {d["doc_id"] for d in _jsonl(
        run_casus("docs", "--format", "jsonl", db=db, check=True).stdout)}
    assert {"good", "ok-line", "latin1"} <= ids
    before = _dump(db)
    again = run_casus("ingest", str(folder), db=db)
    assert again.returncode == 1 and _dump(db) == before


def test_cli_usage_errors_exit_2(tmp_path):
    assert run_casus("events", "--since", "yesterday", db=tmp_path / "x.duckdb").returncode == 2
    assert run_casus("frobnicate").returncode == 2


def test_cli_extract_prints_only_jsonl(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Tuesday, May 7, 2024\n\nThe Houthis attacked a cargo ship in the Red "
                       "Sea on Monday, the US military said.\n")
    proc = run_casus("extract", str(article), "--format", "jsonl", check=True)
    records = _jsonl(proc.stdout)
    assert records and all(r["doc_id"] == "a" for r in records)


def test_cli_changed_document_replaces_its_old_analysis(tmp_path):
    article = tmp_path / "in" / "kivu.txt"
    article.parent.mkdir()
    article.write_text("Monday, March 4, 2024\n\nM23 rebels attacked army positions near "
                       "Goma on Sunday, the Congolese army said.\n")
    db = tmp_path / "c.duckdb"
    run_casus("ingest", str(article.parent), db=db, check=True)
    first = _events(db, "--include-negated")
    article.write_text("Monday, March 4, 2024\n\nRwandan troops shelled Congolese army "
                       "positions near Goma on Sunday, the army said.\n")
    proc = run_casus("ingest", str(article.parent), db=db, check=True)
    assert "1 stored, 0 unchanged" in proc.stderr
    second = _events(db, "--include-negated")
    assert second and {e["event_id"] for e in first}.isdisjoint(e["event_id"] for e in second)
    assert all("Rwandan" in e["sentence"] for e in second)
    (doc,) = _jsonl(run_casus("docs", "--format", "jsonl", db=db, check=True).stdout)
    assert "Rwandan" in doc["text"] and doc["n_events"] == sum(not e["negated"] for e in second)
