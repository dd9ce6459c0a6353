"""The two limits, ``max_document_bytes`` and ``max_events_per_document``: declared,
set from the environment, and each hit said clearly - never a crash, never silence."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import fields
from pathlib import Path

import duckdb
import pytest

from casus.config import Settings
from casus.errors import ConfigError
from tests.conftest import ROOT, SEEDS, run_casus

SIZE_LIMIT = 6_000  # seeds 000 (5,706 bytes) and 004 (2,166) fit; 001, 002, 003 do not
EVENT_CAP = 3  # seeds 000 and 004 code 11 and 6 events uncapped


def test_limits_are_declared_documented_and_read_from_the_environment(monkeypatch):
    names = {f.name for f in fields(Settings)}
    assert {"max_document_bytes", "max_events_per_document"} <= names
    doc = (ROOT / "docs" / "settings.md").read_text("utf-8")
    assert "`CASUS_MAX_DOCUMENT_BYTES`" in doc and "`CASUS_MAX_EVENTS_PER_DOCUMENT`" in doc
    monkeypatch.setenv("CASUS_MAX_DOCUMENT_BYTES", "1234")
    monkeypatch.setenv("CASUS_MAX_EVENTS_PER_DOCUMENT", "7")
    loaded = Settings.load()
    assert loaded.max_document_bytes == 1234 and loaded.max_events_per_document == 7


@pytest.mark.parametrize("value", ["abc", "1.5", "0", "-3", "1e6"])
def test_limits_bad_values_are_one_config_error(monkeypatch, value):
    monkeypatch.setenv("CASUS_MAX_EVENTS_PER_DOCUMENT", value)
    with pytest.raises(ConfigError) as caught:
        Settings.load()
    line = caught.value.one_line()
    assert "CASUS_MAX_EVENTS_PER_DOCUMENT" in line and "whole number" in line
    assert "\n" not in line


def test_limits_bad_value_stops_the_cli_with_one_line(tmp_path):
    proc = run_casus("ingest", str(SEEDS), db=tmp_path / "x.duckdb",
                     env={"CASUS_MAX_DOCUMENT_BYTES": "20MB"})
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "error E200" in lines[0]
    assert "CASUS_MAX_DOCUMENT_BYTES" in lines[0] and "'20MB'" in lines[0]
    assert not (tmp_path / "x.duckdb").exists()


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory
            ) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    """``casus ingest`` over the seeds plus a JSONL with one over-long line, both limits set."""
    folder = tmp_path_factory.mktemp("limits")
    corpus = folder / "corpus"
    shutil.copytree(SEEDS, corpus)
    article = (SEEDS / "004_e03c588a3ee11681.txt").read_text("utf-8")
    with (corpus / "feed.jsonl").open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "feed-short", "text": article}) + "\n")
        handle.write(json.dumps({"id": "feed-long", "text": article * 4}) + "\n")
    db = folder / "limited.duckdb"
    proc = run_casus("ingest", str(corpus), db=db, env={
        "CASUS_MAX_DOCUMENT_BYTES": str(SIZE_LIMIT),
        "CASUS_MAX_EVENTS_PER_DOCUMENT": str(EVENT_CAP)})
    return proc, db, corpus


@pytest.mark.slow
def test_limits_size_rejects_each_large_input_in_one_line(limited):
    proc, db, corpus = limited
    assert proc.returncode == 1, proc.stderr
    errors = [x for x in proc.stderr.splitlines() if x.startswith("error ")]
    assert len(errors) == 4, proc.stderr  # three seed files and one JSONL line
    for name in ("001_886702d4e5dac6fe.txt", "002_6167ed54e53ec71c.txt",
                 "003_cc5115507b1f81c4.txt"):
        (line,) = [x for x in errors if name in x]
        size = (corpus / name).stat().st_size
        assert line == (f"error E104: {corpus / name}: file is {size:,} bytes, over the limit "
                        f"of {SIZE_LIMIT:,} (raise max_document_bytes "
                        "(CASUS_MAX_DOCUMENT_BYTES) or split the file)")
    (line,) = [x for x in errors if "feed.jsonl" in x]
    assert line.startswith(f"error E104: {corpus / 'feed.jsonl'}:2: line is ")
    with duckdb.connect(str(db), read_only=True) as con:
        stored = sorted(r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall())
    assert stored == ["000_0c8a8e9a7eb66e8b", "004_e03c588a3ee11681", "feed-short"]


@pytest.mark.slow
def test_limits_events_are_capped_per_document(limited):
    proc, db, _ = limited
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("""SELECT d.doc_id, d.n_events, count(e.event_id)
                              FROM documents d LEFT JOIN events e USING (doc_id)
                              GROUP BY ALL""").fetchall()
    assert rows and all(0 < n <= EVENT_CAP for _, _, n in rows), rows
    assert any(n == EVENT_CAP for _, _, n in rows)  # the seeds have more: the cap was hit
    assert all(n_events <= n for _, n_events, n in rows)


@pytest.mark.slow
def test_limits_event_cap_is_reported(limited):
    proc, _, _ = limited
    assert "max_events_per_document" in proc.stderr or "events capped" in proc.stderr
