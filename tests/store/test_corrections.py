"""`casus actors merge / split`: stored, applied at once, re-applied on every ingest.

The articles are invented, so no dictionary entry knows the men: only the analyst's
correction can say that "Abu Layth" (a kunya) and "Karim Hadad al-Tamimi" are one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import casus.store.corrections as store_corrections
from casus.errors import UsageError
from casus.store import Store
from tests.conftest import run_casus

pytestmark = pytest.mark.slow

ONE = ("KIRKUK, March 3, 2025 - Gunmen led by Abu Layth al-Tamimi attacked a police "
       "checkpoint south of Kirkuk on Monday, police said. Abu Layth later threatened the "
       "provincial governor in a video.\n")
TWO = ("BAGHDAD, April 9, 2025 - Iraqi forces arrested Karim Hadad al-Tamimi in Diyala on "
       "Tuesday, security officials said. Officials said Karim Hadad had met tribal leaders "
       "in Baquba a week earlier.\n")
THREE = ("MOSUL, May 2, 2025 - Abu Layth al-Tamimi appeared before a court in Baghdad on "
         "Thursday, a judicial source said.\n")


def _ingested(tmp_path: Path, articles: dict[str, str]) -> tuple[Path, Path]:
    """A folder holding the articles (file name -> text), ingested into a new database."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "c.duckdb"
    run_casus("ingest", str(folder), db=db, check=True)
    return folder, db


def _actors(db: Path) -> list[dict]:
    out = run_casus("actors", "--format", "jsonl", db=db, check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _holding(actors: list[dict], text: str) -> dict:
    (actor,) = [a for a in actors if any(m["text"] == text for m in a["mentions"])]
    return actor


def _events(db: Path) -> list[dict]:
    out = run_casus("events", "--format", "jsonl", db=db, check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_merge_and_split_are_kept_and_reapplied(tmp_path: Path) -> None:
    folder, db = _ingested(tmp_path, {"one.txt": ONE, "two.txt": TWO})
    before = _actors(db)
    layth, karim = _holding(before, "Abu Layth"), _holding(before, "Karim Hadad al-Tamimi")
    assert layth["actor_id"] != karim["actor_id"]
    attack = [e for e in _events(db) if e["cameo_root"] in {"18", "19"}]
    assert attack and all(e["source"]["actor_id"] != karim["actor_id"] for e in attack)

    merged = run_casus("actors", "merge", "Karim Hadad al-Tamimi", "Abu Layth", db=db)
    assert merged.returncode == 0, merged.stderr
    assert "merged" in merged.stderr and merged.stderr.count("\n") == 1
    after = _actors(db)
    one = _holding(after, "Abu Layth")
    assert one["actor_id"] == karim["actor_id"] and one["name"] == "Karim Hadad al-Tamimi"
    assert {m["doc_id"] for m in one["mentions"]} == {"one", "two"}
    assert not any(a["actor_id"] == layth["actor_id"] for a in after)
    by_karim = run_casus("events", "--actor", karim["actor_id"], "--format", "jsonl",
                         db=db, check=True).stdout
    assert any(json.loads(line)["doc_id"] == "one" for line in by_karim.splitlines())

    split = run_casus("actors", "split", karim["actor_id"], "--mention", "abu layth", db=db)
    assert split.returncode == 0, split.stderr
    after_split = _actors(db)
    alone = _holding(after_split, "Abu Layth")
    assert alone["actor_id"] not in {karim["actor_id"], layth["actor_id"]}
    assert {m["text"] for m in alone["mentions"]} == {"Abu Layth"}
    assert _holding(after_split, "Abu Layth al-Tamimi")["actor_id"] == karim["actor_id"]

    # A new article and a changed one are analysed afresh: both corrections hold.
    (folder / "three.txt").write_text(THREE, encoding="utf-8")
    (folder / "one.txt").write_text(ONE + "The governor called for calm.\n", encoding="utf-8")
    ingest = run_casus("ingest", str(folder), db=db, check=True)
    assert "2 stored, 1 unchanged" in ingest.stderr
    final = _actors(db)
    kept = _holding(final, "Abu Layth al-Tamimi")
    assert kept["actor_id"] == karim["actor_id"]
    assert {m["doc_id"] for m in kept["mentions"]} == {"one", "two", "three"}
    assert _holding(final, "Abu Layth")["actor_id"] == alone["actor_id"]

    listed = run_casus("actors", "corrections", "--format", "jsonl", db=db, check=True)
    kinds = [json.loads(line)["kind"] for line in listed.stdout.splitlines()]
    assert kinds == ["merge", "split"]


@pytest.mark.parametrize("args, message", [
    (("merge", "Nobody Known", "Abu Layth"), "no actor 'Nobody Known'"),
    (("merge", "Abu Layth", "Abu Layth al-Tamimi"), "already one actor"),
    (("split", "Abu Layth", "--mention", "Karim"), "has no mention 'Karim'"),
])
def test_bad_corrections_are_one_line_usage_errors(tmp_path: Path, args: tuple,
                                                    message: str) -> None:
    _, db = _ingested(tmp_path, {"one.txt": ONE})
    proc = run_casus("actors", *args, db=db)
    assert proc.returncode == 2
    assert message in proc.stderr and proc.stderr.count("\n") == 1
    listed = run_casus("actors", "corrections", "--format", "jsonl", db=db, check=True)
    assert listed.stdout.strip() == ""


def test_a_failed_correction_changes_nothing(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _, db = _ingested(tmp_path, {"one.txt": ONE, "two.txt": TWO})
    with Store(db) as store:
        tables = {t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                  for t in ("mentions", "events")}
        real_insert = store_corrections.insert_rows

        def fail_on_events(con, table, *args, **kwargs):  # type: ignore[no-untyped-def]
            if table == "events":
                raise OSError("disk full")
            return real_insert(con, table, *args, **kwargs)

        monkeypatch.setattr(store_corrections, "insert_rows", fail_on_events)
        with pytest.raises(OSError):
            store.merge_actors("Karim Hadad al-Tamimi", "Abu Layth")
        for table, rows in tables.items():
            assert store.con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() == rows
        assert list(store.iter_corrections()) == []


def test_a_name_two_actors_share_must_be_given_as_an_id(tmp_path: Path) -> None:
    with Store(tmp_path / "a.duckdb") as store:
        store.con.execute("INSERT INTO documents (doc_id, text, sha256, fingerprint, n_events) "
                          "VALUES ('d', 't', 's', 'f', 0)")
        for i, actor_id in enumerate(["aaaa", "bbbb", "bbbb"]):
            store.con.execute("INSERT INTO mentions VALUES ('d', ?, 'Qais', 0, 4, 'PERSON', ?, "
                              "'Qais', 'PERSON', NULL, NULL, NULL, false)", [i, actor_id])
        with pytest.raises(UsageError, match=r"'qais' names 2 actors: bbbb \(Qais, 2"):
            store.find_actor("qais")
        assert store.find_actor("aaaa") == "aaaa"


def test_suggested_merge_across_documents_then_kept(tmp_path: Path) -> None:
    # invented: one man, a vowel dropped in the second report; the key keeps them
    # apart (namesakes meet across documents), the suggestion brings them to the analyst
    _, db = _ingested(tmp_path, {
        "a.txt": "MOSUL, May 4, 2025 - Tariq al-Sawahiri urged his fighters to attack army "
                 "posts, a video released on Sunday showed.\n",
        "b.txt": "KIRKUK, May 9, 2025 - Tariq al-Sawahri met tribal elders in Hawija on "
                 "Thursday, officials said.\n",
    })
    suggested = run_casus("actors", "suggest", "--format", "jsonl", db=db, check=True)
    (pair,) = [json.loads(line) for line in suggested.stdout.splitlines()]
    assert {pair["keep"]["name"], pair["merge"]["name"]} == {"Tariq al-Sawahiri",
                                                           "Tariq al-Sawahri"}
    merge = pair["command"].split()[1:]  # "casus actors merge A B" as printed
    assert run_casus(*merge, db=db).returncode == 0
    (person,) = [a for a in _actors(db) if "Sawah" in a["name"]]
    assert {m["doc_id"] for m in person["mentions"]} == {"a", "b"}
    again = run_casus("actors", "suggest", "--format", "jsonl", db=db, check=True)
    assert again.stdout.strip() == ""
