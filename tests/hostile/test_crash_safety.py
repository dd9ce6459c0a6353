"""Crash safety: ``casus ingest`` killed with SIGKILL at random points never leaves a
broken database or half a document, and a re-run finishes the batch exactly as an
uninterrupted run would have.

One baseline run; then the same database is carried across kills (kill, check, run
again, kill again ...) and started afresh whenever a run got to the end, so the kills
keep landing everywhere: in interpreter start-up, model loading, and mid-batch.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pytest

from casus.distributed import open_dataset
from tests.conftest import OFFICIAL, SEEDS

KILLS = 22
SEED = 20240620
Snapshot = dict[str, dict[str, Any]]


def casus() -> list[str]:
    script = Path(sys.executable).parent / "casus"
    return [str(script)] if script.exists() else [sys.executable, "-m", "casus.cli"]


def ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen([*casus(), "ingest", str(corpus), "--db", str(db)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def finish(corpus: Path, db: Path) -> str:
    proc = ingest(corpus, db)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    return err.decode()


def writing(proc: subprocess.Popen[bytes], wal: Path, timeout: float) -> bool:
    """Wait until the run is storing documents: its write-ahead log grows past the
    smallest size seen (schema set-up and replaying an old log come first)."""
    smallest = None
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        size = wal.stat().st_size if wal.exists() else None
        if size is not None:
            smallest = size if smallest is None else min(smallest, size)
            if size > smallest + 10_000:
                return True
        time.sleep(0.02)
    return False


def snapshot(db: Path) -> Snapshot:
    """Each stored document's identity and complete analysis, checked for consistency."""
    if not db.exists():
        return {}
    with duckdb.connect(str(db), read_only=True) as con:  # must open, whatever the kill hit
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "documents" not in tables:
            return {}
        return consistent(con)


def dataset_snapshot(out: Path) -> Snapshot:
    """The same over a Parquet dataset, read as ``casus events --data`` reads it."""
    if not out.exists():
        return {}
    with open_dataset(out) as store:  # must open, whatever the kill hit
        return consistent(store.con)


def consistent(con: duckdb.DuckDBPyConnection) -> Snapshot:
    """Documents and their rows; fails on duplicates, orphans or half a document."""
    docs = con.execute("SELECT doc_id, sha256, fingerprint, n_events FROM documents").fetchall()
    events = con.execute("SELECT doc_id, event_id, negated FROM events").fetchall()
    sentences = Counter(r[0] for r in con.execute("SELECT doc_id FROM sentences").fetchall())
    mentions = Counter(r[0] for r in con.execute("SELECT doc_id FROM mentions").fetchall())
    ids = [d[0] for d in docs]
    assert len(ids) == len(set(ids)), "duplicate documents"
    assert len(events) == len({e[1] for e in events}), "duplicate events"
    orphans = ({e[0] for e in events} | set(sentences) | set(mentions)) - set(ids)
    assert not orphans, f"rows of documents that are not stored: {orphans}"
    out: Snapshot = {}
    for doc_id, sha, fingerprint, n_events in docs:
        mine = [e for e in events if e[0] == doc_id]
        assert n_events == sum(1 for e in mine if not e[2]), f"{doc_id}: n_events disagrees"
        assert sentences[doc_id] > 0, f"{doc_id} has no sentences"
        out[doc_id] = {"sha256": sha, "fingerprint": fingerprint,
                       "events": sorted(e[1] for e in mine), "sentences": sentences[doc_id],
                       "mentions": mentions[doc_id]}
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 real articles: 25 official statements (one JSONL) and the 5 seed articles."""
    folder = tmp_path_factory.mktemp("crash-corpus")
    lines = []
    for feed in sorted(OFFICIAL.glob("*.jsonl")):
        records = [x for x in feed.read_text("utf-8").splitlines() if x.strip()]
        lines += records[:9]
    assert all(json.loads(x)["id"] for x in lines[:25])
    (folder / "official.jsonl").write_text("\n".join(lines[:25]) + "\n", "utf-8")
    for seed in sorted(SEEDS.glob("*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


@pytest.mark.slow
def test_crash_safety_sigkill_anywhere_loses_nothing(corpus: Path, tmp_path: Path,
                                                     tried: Counter[str]) -> None:
    started = time.monotonic()
    finish(corpus, tmp_path / "baseline.duckdb")
    full_run = time.monotonic() - started
    baseline = snapshot(tmp_path / "baseline.duckdb")
    assert len(baseline) == 30 and sum(len(d["events"]) for d in baseline.values()) > 50

    rng = random.Random(SEED)
    db = tmp_path / "killed.duckdb"
    partial, runs = [], 0
    while tried["crash.kills"] < KILLS:
        runs += 1
        assert runs < 3 * KILLS, "the kills keep missing the runs"
        if len(snapshot(db)) == len(baseline):  # a run got to the end: start afresh
            for path in (db, db.with_name(db.name + ".wal")):
                path.unlink(missing_ok=True)
        proc = ingest(corpus, db)
        if runs % 2 and writing(proc, db.with_name(db.name + ".wal"), full_run * 2):
            time.sleep(rng.uniform(0, 1.5))  # aimed: documents are being written now
        else:
            time.sleep(rng.uniform(0.2, full_run * 1.05))  # anywhere, start-up included
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        state = snapshot(db)  # opens; every document whole; no orphans
        for doc_id, stored in state.items():
            assert stored == baseline[doc_id], f"{doc_id} differs from the baseline"
        if not killed:
            assert proc.returncode == 0 and len(state) == len(baseline)
            tried["crash.runs_finished_before_the_kill"] += 1
            continue
        tried["crash.kills"] += 1
        if 0 < len(state) < len(baseline):
            tried["crash.kills_leaving_a_partial_batch"] += 1
            partial.append(len(state))
        else:
            tried["crash.kills_leaving_no_document"] += 1

    assert len(partial) >= 5, f"too few kills landed mid-batch: {partial}"
    finish(corpus, db)
    assert snapshot(db) == baseline
    summary = finish(corpus, db).strip().splitlines()[-1]
    assert "0 stored, 30 unchanged, 0 rejected" in summary, summary
    tried["crash.seconds"] = round(time.monotonic() - started)


ENGINE_KILLS = 8


def engine(corpus: Path, out: Path) -> subprocess.Popen[bytes]:
    """``casus ingest --engine local --workers 2`` in its own session, so one signal to the
    group kills the driver and its workers at once, as a lost machine would. Batches of
    8 documents (CASUS_BATCH_SIZE=1), so 30 documents make several parts to kill between."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "CASUS_BATCH_SIZE": "1"}
    return subprocess.Popen([*casus(), "ingest", str(corpus), "--engine", "local",
                             "--workers", "2", "--out", str(out)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def parts(out: Path) -> int:
    return len(list(out.glob("documents/month=*/part-*.parquet")))


@pytest.mark.slow
def test_crash_safety_engine_killed_anywhere_reads_as_last_commit(
        corpus: Path, tmp_path: Path, tried: Counter[str]) -> None:
    started = time.monotonic()
    _, err = engine(corpus, tmp_path / "base").communicate(timeout=600)
    assert b"error" not in err, err.decode()
    full_run = time.monotonic() - started
    baseline = dataset_snapshot(tmp_path / "base")
    assert len(baseline) == 30

    rng = random.Random(SEED)
    out = tmp_path / "killed"
    partial, runs = [], 0
    while tried["crash.engine_kills"] < ENGINE_KILLS:
        runs += 1
        assert runs < 3 * ENGINE_KILLS, "the kills keep missing the runs"
        if len(dataset_snapshot(out)) == len(baseline):
            shutil.rmtree(out)  # a run got to the end: start afresh
        before = parts(out)
        proc = engine(corpus, out)
        deadline = time.monotonic() + full_run * 2
        if runs % 2:  # aimed: wait for a part to land, then kill within a batch or two
            while proc.poll() is None and parts(out) == before and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(rng.uniform(0, 1.0))
        else:
            time.sleep(rng.uniform(0.2, full_run * 1.05))
        killed = proc.poll() is None
        if killed:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
        state = dataset_snapshot(out)  # opens; every document whole; no orphans
        for doc_id, stored in state.items():
            assert stored == baseline[doc_id], f"{doc_id} differs from the baseline"
        if not killed:
            assert proc.returncode == 0 and len(state) == len(baseline)
            continue
        tried["crash.engine_kills"] += 1
        if 0 < len(state) < len(baseline):
            partial.append(len(state))

    tried["crash.engine_kills_leaving_a_partial_dataset"] = len(partial)
    assert len(partial) >= 2, f"too few kills landed mid-run: {partial}"
    resumed = engine(corpus, out)
    _, err = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, err.decode()
    assert dataset_snapshot(out) == baseline
    assert not list(out.glob("*/month=*/.*.tmp"))  # the re-run left no temporary files
