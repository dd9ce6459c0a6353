"""Actors outside the dictionary keep one id across documents, whatever the spelling.

The names are invented, so no dictionary entry can be doing the work: the id comes from
the transliteration key alone, the same in every document and on every run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_casus

pytestmark = pytest.mark.slow

ARTICLES = {
    "first.txt": ("Fighters attacked a police post near the border on Friday. The commander, "
                  "Qasim al-Dhuwaihi, said his men of Harakat Ansar al-Wadi had carried out "
                  "the attack. Police arrested two of his men the same night.\n"),
    "second.txt": ("Tribal leaders met on Tuesday in Erbil. The group Harakat Ansar al Wadi "
                   "claimed last week's attack, and its leader Kasem Al-Zuwaihi attended. "
                   "Officials said Qassem Dhuwayhi had asked for talks with the governor.\n"),
}


def test_invented_names_one_actor_across_documents(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "x.duckdb"
    run_casus("ingest", str(folder), db=db, check=True)
    proc = run_casus("actors", "--format", "jsonl", db=db, check=True)
    actors = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]

    def holding(stem: str) -> list[dict]:
        return [a for a in actors if any(stem in m["text"] for m in a["mentions"])]

    (person,) = holding("uwa")  # Dhuwaihi / Zuwaihi / Dhuwayhi, in both documents
    forms = {m["text"] for m in person["mentions"]}
    assert {m["doc_id"] for m in person["mentions"]} == {"first", "second"}
    assert any("Dhuwaihi" in f for f in forms) and any("Zuwaihi" in f for f in forms)
    assert any("Dhuwayhi" in f for f in forms)
    (group,) = holding("Ansar")
    assert {m["text"] for m in group["mentions"]} == {"Harakat Ansar al-Wadi",
                                                      "Harakat Ansar al Wadi"}
    assert not any(a["code"] == "YEMREB" for a in actors)  # "Ansar al" is not Ansar Allah
    assert person["actor_id"] != group["actor_id"]
