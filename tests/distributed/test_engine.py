"""The same pipeline on Dask workers and local processes: identical results, in Parquet."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from casus.batch import run_ingest
from casus.config import Settings
from casus.distributed import connect_dataset, open_dataset, run_dataset
from casus.distributed.manifest import NAME, Manifest
from casus.distributed.parquet import TABLES
from casus.store import Store
from tests.conftest import SHARED, run_casus

CORPUS = SHARED / "corpus"
N_DOCS = 76
Snapshot = dict[str, list[tuple[Any, ...]]]


def snapshot(con: duckdb.DuckDBPyConnection, skip: tuple[str, ...] = (),
             without: str | None = None) -> Snapshot:
    """Every row of the four tables, in an order that does not depend on ingest order.

    ``skip`` leaves out columns that name where the input was read from (a copied
    corpus has other paths); ``without`` leaves out one document.
    """
    out = {}
    for table, columns in TABLES.items():
        names = ", ".join(name for name, _ in columns if name not in skip)
        rows = con.execute(f"SELECT {names} FROM {table} WHERE doc_id IS DISTINCT FROM ?",
                           [without]).fetchall()
        out[table] = sorted(rows, key=repr)
    return out


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The single-process ``casus ingest`` of the whole shared corpus, as a database."""
    db = tmp_path_factory.mktemp("single") / "corpus.duckdb"
    with Store(db) as store:
        report = run_ingest([CORPUS], store, Settings.load())
        assert report.stored == N_DOCS and report.rejected == 0
    return db


def reference_snapshot(db: Path, **kwargs: Any) -> Snapshot:
    with Store(db, read_only=True) as store:
        return snapshot(store.con, **kwargs)


def test_dataset_empty_folder_has_the_store_tables(tmp_path: Path) -> None:
    con = connect_dataset(tmp_path)
    with Store(tmp_path / "empty.duckdb") as store:
        for table in (*TABLES, "meta"):
            want = store.con.execute(f"DESCRIBE {table}").fetchall()
            got = con.execute(f"DESCRIBE {table}").fetchall()
            assert [r[:2] for r in got] == [r[:2] for r in want], table
            if table != "meta":
                assert con.execute(f"SELECT count(*) FROM {table}").fetchall() == [(0,)]
    with open_dataset(tmp_path) as store:
        assert store.count_events() == 0 and list(store.iter_events()) == []


def test_manifest_later_submitted_part_wins_whatever_finishes_first(tmp_path: Path) -> None:
    manifest = Manifest.load(tmp_path)
    assert manifest.record("late", 1, {"a": "fa2", "b": "fb"}) == {}
    assert manifest.record("early", 0, {"a": "fa1", "c": "fc"}) == {"early": {"a"}}
    assert manifest.fingerprint("a") == "fa2"
    again = Manifest.load(tmp_path)  # the log reads back to the same state
    assert again.fingerprint("a") == "fa2" and again.stale() == {"early": {"a"}}
    assert again.next_seq == 2
    assert len((tmp_path / NAME).read_text("utf-8").splitlines()) == 2  # compacted
    with open(tmp_path / NAME, "a", encoding="utf-8") as handle:
        handle.write('{"part": "cut", "se')  # a crash in the middle of a line
    assert set(Manifest.load(tmp_path).parts) == {"late", "early"}


@pytest.mark.slow
def test_dask_local_cluster_two_workers_is_identical(reference: Path, tmp_path: Path) -> None:
    out = tmp_path / "ds"
    report = run_dataset([CORPUS], out, engine="dask", workers=2, batch_docs=8)
    assert (report.stored, report.unchanged, report.rejected) == (N_DOCS, 0, 0)
    with open_dataset(out) as store:
        got = snapshot(store.con)
        assert store.count_events() > 0
    assert got == reference_snapshot(reference)  # every column of every row, ids included
    months = {p.name for p in (out / "documents").iterdir()}
    assert "month=2024-06" in months and "month=undated" in months  # by publication month
    assert not list(out.rglob(".*.tmp"))


@pytest.mark.slow
def test_local_processes_identical_incremental_and_replacing(reference: Path,
                                                             tmp_path: Path) -> None:
    out, inputs = tmp_path / "ds", tmp_path / "in"
    shutil.copytree(CORPUS, inputs)
    held_back = next((inputs / "seeds").glob("004_*.txt"))
    held_back = held_back.rename(tmp_path / held_back.name)
    skip = ("origin", "fingerprint")  # the copy was read from other paths

    first = run_dataset([inputs], out, engine="local", workers=2, batch_docs=8)
    assert (first.stored, first.unchanged) == (N_DOCS - 1, 0)
    again = run_dataset([inputs], out, engine="local", workers=2)
    assert (again.stored, again.unchanged) == (0, N_DOCS - 1)  # re-running changes nothing
    held_back.rename(inputs / "seeds" / held_back.name)
    grown = run_dataset([inputs], out, engine="local", workers=2)
    assert (grown.stored, grown.unchanged) == (1, N_DOCS - 1)  # only the new document
    with open_dataset(out) as store:
        assert snapshot(store.con, skip) == reference_snapshot(reference, skip=skip)

    # a changed document replaces its rows: no duplicates, nothing else touched
    changed_file = inputs / "official" / "centcom.jsonl"
    lines = changed_file.read_text("utf-8").splitlines()
    article = json.loads(lines[0])
    article["text"] += "\n\nIraq condemned the attack on Monday."
    changed_file.write_text("\n".join([json.dumps(article), *lines[1:]]) + "\n", "utf-8")
    changed = run_dataset([inputs], out, engine="local", workers=1)
    assert (changed.stored, changed.unchanged) == (1, N_DOCS - 1)
    with open_dataset(out) as store:
        con = store.con
        assert snapshot(con, skip, without=article["id"]) == reference_snapshot(
            reference, skip=skip, without=article["id"])
        texts = con.execute("SELECT text FROM documents WHERE doc_id = ?",
                            [article["id"]]).fetchall()
        assert len(texts) == 1 and "Iraq condemned the attack" in texts[0][0]
        for table, key in (("documents", "doc_id"), ("events", "event_id"),
                           ("sentences", "doc_id, sentence_index"),
                           ("mentions", "doc_id, mention_index")):
            dupes = con.execute(f"SELECT {key} FROM {table} GROUP BY ALL HAVING count(*) > 1")
            assert dupes.fetchall() == [], table
    assert len(Manifest.load(out).stale()) == 0


@pytest.mark.slow
def test_duplicate_ids_last_one_wins_like_the_store(tmp_path: Path) -> None:
    articles = [{"id": f"d{i}", "text": f"Iraqi police arrested {i} militants in Basra.",
                 "published": "2024-03-06"} for i in range(6)]
    articles.insert(1, {"id": "d4", "text": "Iran met Iraq in Baghdad.", "published": None})
    articles.append({"id": "d0", "text": "Turkey condemned Syria.", "published": "2024-04-01"})
    corpus = tmp_path / "dups.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), "utf-8")
    problems: list[str] = []
    report = run_dataset([corpus], tmp_path / "ds", engine="local", workers=2, batch_docs=1,
                         on_problem=problems.append)
    assert report.stored == 8 and sum("duplicate id" in p for p in problems) == 2
    with Store(tmp_path / "one.duckdb") as store:
        run_ingest([corpus], store)
        want = snapshot(store.con)
    with open_dataset(tmp_path / "ds") as store:
        assert snapshot(store.con) == want
        assert store.con.execute("SELECT count(*) FROM documents").fetchall() == [(6,)]


@pytest.mark.slow
def test_leftovers_of_a_crash_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "ds"
    run_dataset([CORPUS / "seeds"], out, engine="local", workers=1)
    with open_dataset(out) as store:
        before = snapshot(store.con)
    # a part written but never recorded, a temporary file, a cut manifest line
    month = out / "events" / "month=2024-06"
    (month / "part-deadbeef.parquet").write_bytes(b"half a file")
    (month / ".part-x.parquet.1.tmp").write_bytes(b"half a file")
    # a new copy of a document recorded, but the run stopped before the old one was dropped
    manifest = Manifest.load(out)
    part, entry = next(iter(manifest.parts.items()))
    for path in out.glob(f"*/month=*/part-{part}.parquet"):
        shutil.copy(path, path.with_name("part-copy.parquet"))
    manifest.record("copy", manifest.next_seq, entry.docs)
    with open(out / NAME, "a", encoding="utf-8") as handle:
        handle.write('{"part": "cut"')
    # readers see the last commit: no unrecorded part, one copy of each document
    (out / "documents" / "month=2024-06" / "part-unrecorded.parquet").write_bytes(
        next(out.glob("documents/month=*/part-copy.parquet")).read_bytes())
    with open_dataset(out) as store:
        assert snapshot(store.con) == before
    (out / "documents" / "month=2024-06" / "part-unrecorded.parquet").unlink()
    report = run_dataset([CORPUS / "seeds"], out, engine="local", workers=1)
    assert report.stored == 0 and report.unchanged == 5
    assert not (month / "part-deadbeef.parquet").exists()
    assert not (month / ".part-x.parquet.1.tmp").exists()
    assert not list(out.glob(f"*/month=*/part-{part}.parquet"))  # the older copy is gone
    with open_dataset(out) as store:
        assert snapshot(store.con) == before


@pytest.mark.slow
def test_cli_engine_out_and_data(tmp_path: Path) -> None:
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


@pytest.mark.slow
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
