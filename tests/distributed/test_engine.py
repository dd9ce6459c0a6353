"""The same pipeline on Dask workers and local processes: identical results, in Parquet."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from casus.batch import run_ingest
from casus.config import Settings
from casus.distributed import open_dataset, run_dataset
from casus.store import Store
from tests.conftest import SHARED, run_casus

CORPUS = SHARED / "corpus"
pytestmark = pytest.mark.slow


def snapshot(store: Store) -> dict[str, list]:
    """Everything a user can see, in an order that does not depend on ingest order."""
    con = store.con
    return {
        "events": sorted(r[0] for r in con.execute("SELECT record FROM events").fetchall()),
        "mentions": sorted(con.execute(
            "SELECT doc_id, mention_index, text, actor_id, code FROM mentions").fetchall()),
        "documents": sorted(con.execute(
            "SELECT doc_id, sha256, published, n_events, text FROM documents").fetchall()),
        "sentences": sorted(con.execute(
            "SELECT doc_id, sentence_index, char_start, char_end FROM sentences").fetchall()),
    }


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    """The single-process run of casus ingest over the whole shared corpus."""
    db = tmp_path_factory.mktemp("single") / "corpus.duckdb"
    with Store(db) as store:
        report = run_ingest([CORPUS], store, Settings.load())
        assert report.stored == 76 and report.rejected == 0
        return snapshot(store)


def test_dask_local_cluster_two_workers_is_identical(reference: dict[str, list],
                                                     tmp_path: Path) -> None:
    report = run_dataset([CORPUS], tmp_path / "ds", engine="dask", workers=2)
    assert report.stored == 76 and report.rejected == 0
    with open_dataset(tmp_path / "ds") as store:
        assert snapshot(store) == reference
    months = {p.name for p in (tmp_path / "ds" / "documents").iterdir()}
    assert "month=2024-06" in months and "month=undated" in months  # by publication month


def test_local_processes_identical_then_incremental(reference: dict[str, list],
                                                    tmp_path: Path) -> None:
    out = tmp_path / "ds"
    inputs = tmp_path / "in"
    shutil.copytree(CORPUS / "seeds", inputs)
    first = run_dataset([inputs], out, engine="local", workers=2)
    assert first.stored == 5
    again = run_dataset([inputs], out, engine="local", workers=2)
    assert again.stored == 0 and again.unchanged == 5  # re-running changes nothing
    shutil.copytree(CORPUS / "official", inputs / "official")
    grown = run_dataset([inputs], out, engine="local", workers=2)
    assert grown.stored == 71 and grown.unchanged == 5  # only the new documents
    with open_dataset(out) as store:
        assert snapshot(store) == reference
    # a changed document replaces its rows: no duplicates, the new text is there
    seed = next(inputs.glob("004_*.txt"))
    seed.write_text(seed.read_text("utf-8") + "\n\nIraq condemned the attack on Monday.\n",
                    encoding="utf-8")
    changed = run_dataset([inputs], out, engine="local", workers=1)
    assert changed.stored == 1 and changed.unchanged == 75
    with open_dataset(out) as store:
        docs = store.con.execute("SELECT doc_id, text FROM documents").fetchall()
        assert len(docs) == 76 and len({d for d, _ in docs}) == 76
        text = dict(docs)[seed.stem]
        assert "Iraq condemned the attack" in text
        ids = [r[0] for r in store.con.execute("SELECT event_id FROM events").fetchall()]
        assert len(ids) == len(set(ids))


def test_leftovers_of_a_crash_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "ds"
    run_dataset([CORPUS / "seeds"], out, engine="local", workers=1)
    stray = out / "events" / "month=2024-06" / "part-deadbeef.parquet"
    stray.write_bytes(b"half a file")
    run_dataset([CORPUS / "seeds"], out, engine="local", workers=1)
    assert not stray.exists()
    with open_dataset(out) as store:
        assert store.count_events() > 0


def test_cli_engine_out_and_data(reference: dict[str, list], tmp_path: Path) -> None:
    out = tmp_path / "ds"
    proc = run_casus("ingest", str(CORPUS / "seeds"), "--engine", "local", "--workers", "2",
                     "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "5 stored" in proc.stderr
    events = run_casus("events", "--data", str(out), "--format", "jsonl", check=True)
    records = [json.loads(line) for line in events.stdout.splitlines()]
    assert records and all(r["doc_id"][:3] in {"000", "001", "002", "003", "004"}
                           for r in records)
    actors = run_casus("actors", "--data", str(out), "--format", "jsonl", check=True)
    assert any("Kazemi" in line for line in actors.stdout.splitlines())
    proc = run_casus("ingest", str(CORPUS / "seeds"), "--engine", "spark", "--out", str(out))
    assert proc.returncode == 2 and "unknown --engine" in proc.stderr
    proc = run_casus("ingest", str(CORPUS / "seeds"), "--engine", "local")
    assert proc.returncode == 2 and "--out" in proc.stderr


def test_web_app_serves_a_dataset_read_only(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from casus.web.app import create_app
    from casus.web.database import Database

    out = tmp_path / "ds"
    run_dataset([CORPUS / "seeds"], out, engine="local", workers=1)
    with TestClient(create_app(Database.from_dataset(out))) as client:
        assert client.get("/api/events").json()["total"] > 0
        assert client.get("/timeline").status_code == 200
        response = client.post("/api/ingest/articles",
                               json={"articles": [{"id": "x", "text": "Iraq met Iran."}]})
        assert response.status_code == 409
