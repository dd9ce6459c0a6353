"""PETRARCH/TABARI dictionaries read into casus: the formats, the real files, their use."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from casus.actors.dictionary import load_dictionary
from casus.actors.petrarch import (
    parse_code_block,
    phrase,
    read_actors,
    read_agents,
    read_discards,
    read_verbs,
)
from casus.actors.resolve import resolve_actor_text
from casus.actors.roles import RolePeriod
from tests.conftest import SHARED, run_casus

DICTS = SHARED / "eval" / "petrarch" / "dictionaries"


def test_code_blocks() -> None:
    assert parse_code_block("IRQGOV 20060520-20140908") == RolePeriod(
        "IRQGOV", date(2006, 5, 20), date(2014, 9, 8))
    assert parse_code_block("IRQELI 680101-000101") == RolePeriod(
        "IRQELI", date(1968, 1, 1), date(2000, 1, 1))
    assert parse_code_block("HOB < 950601") == RolePeriod("HOB", None, date(1995, 5, 31))
    assert parse_code_block("HOBREB > 990816") == RolePeriod("HOBREB", date(1999, 8, 17), None)
    assert parse_code_block("pse") == RolePeriod("PSE")
    assert parse_code_block("---") is None
    with pytest.raises(ValueError):
        parse_code_block("ARMUNR 9008223-911221")


def test_phrases() -> None:
    assert phrase("PRESIDENT_GEORGE_W._BUSH") == "President George W. Bush"
    assert phrase("NOURI_AL-MALIKI_") == "Nouri al-Maliki"
    assert phrase("AL-QAEDA") == "Al-Qaeda"


def test_validation_dictionaries(tmp_path: Path) -> None:
    actors = read_actors(DICTS / "validate_2015" / "PETR.Validate.actors.txt")
    hobbits = next(a for a in actors if a.names[0] == "GOLLUM")
    assert [p.code for p in hobbits.periods] == ["HOB", "HOBGOV", "HOBREB"]
    assert "+SLINKER" not in hobbits.names and "SLINKER" in hobbits.names
    agents = read_agents(DICTS / "validate_2015" / "PETR.Validate.agents.txt")
    assert agents["ambassador"] == "GOV" and agents["congressman"] == "LEG"
    assert agents["attorneys general"] == "GOV"  # the {PLURAL} form
    sentence, story = read_discards(DICTS / "validate_2015" / "PETR.Validate.discards.txt")
    assert "years later" in sentence and "typhoon" in story
    synsets, blocks = read_verbs(DICTS / "validate_2015" / "PETR.Validate.verbs.txt")
    assert "&CURRENCY" in synsets and "+" not in "".join(synsets["&CURRENCY"])
    abandon = next(b for b in blocks if b.verb == "abandon")
    assert abandon.code == "345" and any(p.after == ["EFFORT"] for p in abandon.patterns)


@pytest.fixture(scope="module")
def phoenix() -> object:
    return load_dictionary([DICTS / "phoenix_2018"])


def test_phoenix_loads_and_resolves_with_dated_roles(phoenix: object) -> None:
    dic = phoenix
    assert len(dic.entries) > 20_000  # type: ignore[attr-defined]
    problems = dic.problems  # type: ignore[attr-defined]
    assert 0 < len(problems) < 20 and all(".txt: line " in p for p in problems)
    abadi_2015 = resolve_actor_text("Haider al-Abadi", date(2015, 6, 1), dic)  # type: ignore
    assert abadi_2015 is not None and abadi_2015.code == "IRQGOV"
    petrosyan = resolve_actor_text("Levon Ter-Petrosyan", date(1995, 1, 1), dic)  # type: ignore
    assert petrosyan is not None and petrosyan.code == "ARMGOV"
    before = resolve_actor_text("Levon Ter-Petrosyan", date(1985, 1, 1), dic)  # type: ignore
    assert before is not None and before.code == "ARMELI"
    assert resolve_actor_text("Hezbollah", None, dic).code == "LBNREB"  # type: ignore
    # one identity: Phoenix's Maliki entry adds its spellings to casus's own actor
    ours = resolve_actor_text("Nouri al-Maliki", date(2010, 1, 1))
    theirs = resolve_actor_text("PM Maliki", date(2010, 1, 1), dic)  # type: ignore
    assert ours is not None and theirs is not None and ours.actor_id == theirs.actor_id
    # Phoenix's country synonyms reach casus's country entries (one id per country)
    kabul = resolve_actor_text("Kabul", None, dic)  # type: ignore
    afghanistan = resolve_actor_text("Afghanistan")
    assert kabul is not None and afghanistan is not None
    assert kabul.actor_id == afghanistan.actor_id


@pytest.mark.slow
def test_ingest_with_petrarch_dictionaries(tmp_path: Path) -> None:
    folder = tmp_path / "dicts"
    folder.mkdir()
    (folder / "mine.actors.txt").write_text(
        "ZORGON_LIBERATION_FRONT [ZZZREB] # a made-up group\n+ZLF\n", encoding="utf-8")
    (folder / "mine.discards.txt").write_text("+FOOTBALL MATCH\nFRIENDLY GAME\n",
                                              encoding="utf-8")
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "Fighters of the Zorgon Liberation Front attacked a police station in Mosul on "
        "Monday.\n\nIn a friendly game, Iraqi police attacked the goal of the visitors.\n",
        encoding="utf-8")
    (articles / "b.txt").write_text(
        "The army shelled the stadium after the football match in Basra.\n", encoding="utf-8")
    db = tmp_path / "db.duckdb"
    run_casus("ingest", str(articles), "--dictionaries", str(folder), db=db, check=True)
    events = [json.loads(x) for x in run_casus("events", "--format", "jsonl", db=db,
                                               check=True).stdout.splitlines()]
    assert {e["doc_id"] for e in events} == {"a"}  # story b discarded
    assert all("friendly game" not in e["sentence"] for e in events)  # sentence discarded
    assert any((e["source"] or {}).get("code") == "ZZZREB" for e in events)
