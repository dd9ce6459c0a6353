"""Coding with a user's PETRARCH dictionaries (verbs, actors, agents, discards), end to end.

The folder is invented here (countries Velmar, Ostria, Kessa and the North Isles), so the
rules are tested, not the validation suite's answers.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import casus
from casus.actors.roles import RolePeriod
from casus.events.petrarch_coder import code_on, compose

pytestmark = pytest.mark.slow

ACTORS = """\
VELMAR [VEL]
+VELMARI
OSTRIA [OST]
+OSTRIAN
KESSA [KES]
NORTH_ISLES [NIA/NIB]   # two actors under one name
TORVAN_ALDO [VEL]
    [VELGOV 20100101-20151231]
    [VELELI >20160101]
"""
AGENTS = """\
!OFFICE! = MINISTER, MINISTERS
GOVERNMENT [~GOV]
OFFICIAL [~GOV]
!OFFICE!_OF_WATER [~GOV]
POLICE {} [~COP]
STUDENT [~EDU]
RELIEF_AGENCY [NGO~]
"""
VERBS = """\
--- CONDEMN [111] ---
CONDEMN
- HARSHLY *  [112]

--- ARREST [173] ---
ARREST

--- VISIT [042:043] ---
VISIT

--- MEET [---] ---
MEET {MET}
- % *  [036:036]
- * WITH +  [036]

--- WARN [160] ---
WARN
- * ^ ABOUT +  [162]

--- POSTPONE [191] ---
POSTPONE
"""
DISCARDS = "FOOTBALL\n+EARTHQUAKE\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mine")
    for name, text in (("mine.actors.txt", ACTORS), ("mine.agents.txt", AGENTS),
                       ("mine.verbs.txt", VERBS), ("mine.discards.txt", DISCARDS)):
        (path / name).write_text(text, encoding="utf-8")
    return path


def coded(folder: Path, text: str, published: str = "2012-05-01", *,
          require_dyad: bool = True, verbs: str = "instead") -> set[tuple[str, str, str]]:
    events = casus.analyse(text, published=published, dictionaries=[folder], verbs=verbs,
                           require_dyad=require_dyad)
    return {((e["source"] or {}).get("code") or "---", (e["target"] or {}).get("code") or "---",
             e["cameo"]) for e in events}


def test_codes_with_agents_and_dated_actors(folder: Path) -> None:
    assert coded(folder, "The Velmari government condemned Ostria on Monday.") == {
        ("VELGOV", "OST", "111")}
    assert coded(folder, "Ostrian police arrested students in Kessa.") == {
        ("OSTCOP", "---EDU", "173")}
    assert coded(folder, "The Velmari minister of water condemned the Kessa relief agency.") \
        == {("VELGOV", "NGOKES", "111")}
    # the code in force on the article's date; A:B is the event and its reverse
    assert coded(folder, "Torvan Aldo visited Ostria.", "2012-05-01") == {
        ("VELGOV", "OST", "042"), ("OST", "VELGOV", "043")}
    assert coded(folder, "Torvan Aldo visited Ostria.", "2019-05-01") == {
        ("VELELI", "OST", "042"), ("OST", "VELELI", "043")}


def test_patterns_choose_the_code_and_the_parties(folder: Path) -> None:
    assert coded(folder, "Velmar harshly condemned Ostria.") == {("VEL", "OST", "112")}
    # ^ skips "the envoy" (of Kessa): the target is what the warning is about
    assert coded(folder, "Velmar warned the envoy of Kessa about Ostria.") == {
        ("VEL", "OST", "162")}
    assert coded(folder, "Velmar warned Kessa.") == {("VEL", "KES", "160")}
    # "%": a compound acting on its own members; "with +": the target after the verb
    assert coded(folder, "Velmar and Kessa met in the capital on Friday.") == {
        ("VEL", "KES", "036"), ("KES", "VEL", "036")}
    assert coded(folder, "Velmar met with Ostria on Friday.") == {("VEL", "OST", "036")}


def test_parties_from_the_parse(folder: Path) -> None:
    assert coded(folder, "Velmar and Kessa condemned Ostria.") == {
        ("VEL", "OST", "111"), ("KES", "OST", "111")}
    assert coded(folder, "Velmar, Kessa and the North Isles condemned Ostria.") == {
        ("VEL", "OST", "111"), ("KES", "OST", "111"), ("NIA", "OST", "111"),
        ("NIB", "OST", "111")}
    assert coded(folder, "Kessa was condemned by Velmar.") == {("VEL", "KES", "111")}
    assert coded(folder, "Velmar said it would arrest Ostrian officials.") == {
        ("VEL", "OSTGOV", "173")}
    # no target outside the adverbial clause: nothing coded
    assert coded(folder, "Kessa postponed the talks after Ostria closed the border.") == set()


def test_dyads_discards_and_negation(folder: Path) -> None:
    assert coded(folder, "Velmar condemned the decision.") == set()
    assert coded(folder, "Velmar condemned the decision.", require_dyad=False) == {
        ("VEL", "---", "111")}
    assert coded(folder, "After the football match, Velmar condemned Ostria.") == set()
    assert coded(folder, "Velmar condemned Ostria.\n\nAn earthquake hit Kessa.") == set()
    events = casus.analyse("Velmar did not condemn Ostria.", published="2012-05-01",
                           dictionaries=[folder], verbs="instead")
    assert len(events) == 1 and events[0]["negated"] is True  # coded, and said to be negated
    assert events[0]["sentence"] == "Velmar did not condemn Ostria."


def test_beside_keeps_casus_events_for_other_verbs(folder: Path) -> None:
    text = ("Velmar condemned Ostria on Monday. Iraqi police arrested a militia commander "
            "in Basra on Tuesday.")
    beside = casus.analyse(text, published="2024-03-06", dictionaries=[folder])
    instead = casus.analyse(text, published="2024-03-06", dictionaries=[folder],
                            verbs="instead")
    triggers = [e["trigger"] for e in beside]
    assert triggers.count("condemned") == 1  # the dictionary's event, not a second one
    assert any(e["cameo"] == "111" and e["trigger"] == "condemned" for e in beside)
    assert any(e["trigger"] == "arrested" and (e["source"] or {}).get("code") == "IRQCOP"
               for e in beside)  # casus's dictionary codes Iraq: the verbs file codes ARREST
    # alone, the file knows no Iraq and no militia commander: "arrested" has no dyad
    assert [e["trigger"] for e in instead] == ["condemned"]


def test_code_rules() -> None:
    periods = [RolePeriod("HOB"), RolePeriod("HOBGOV", date(2010, 1, 1), date(2012, 1, 1)),
               RolePeriod("ORCHOB", date(2011, 1, 1), date(2011, 2, 1))]
    assert code_on(periods, date(2011, 1, 15)) == ["HOBGOV"]  # the first dated code in force
    assert code_on(periods, date(2015, 1, 1)) == ["HOB"]
    assert code_on([RolePeriod("ELR/GAL")], None) == ["ELR", "GAL"]
    assert compose("ARN", ["NGO~", "~GOV"]) == "NGOARNGOV"
    assert compose("USAGOV", ["~GOV"]) == "USAGOV"  # once
    assert compose("---", ["~EDU"]) == "---EDU"


def test_factory_in_a_users_own_pipeline(folder: Path, tmp_path: Path) -> None:
    import spacy

    from casus.config import Settings
    from casus.errors import ConfigError

    nlp = spacy.load(Settings.load().model)
    nlp.add_pipe("casus_petrarch_verbs", config={"dictionaries": [str(folder)],
                                                 "mode": "instead"})
    doc = nlp("Velmar and Kessa condemned Ostria.")
    assert sorted((e.source.code, e.target.code, e.cameo) for e in doc._.casus_events) == [
        ("KES", "OST", "111"), ("VEL", "OST", "111")]
    with pytest.raises(ConfigError):
        nlp.add_pipe("casus_petrarch_verbs", name="again",
                     config={"dictionaries": [str(folder)], "mode": "sometimes"})
    with pytest.raises(ConfigError, match="verbs.txt"):
        nlp.add_pipe("casus_petrarch_verbs", name="none",
                     config={"dictionaries": [str(tmp_path)]})


def test_cli_ingest_with_a_verbs_file(folder: Path, tmp_path: Path) -> None:
    import json

    from tests.conftest import run_casus

    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_text("Velmar harshly condemned Ostria on Monday.\n",
                                    encoding="utf-8")
    db = tmp_path / "db.duckdb"
    run_casus("ingest", str(articles), "--dictionaries", str(folder), "--verbs", "instead",
              db=db, check=True)
    events = [json.loads(x) for x in run_casus("events", "--format", "jsonl", db=db,
                                               check=True).stdout.splitlines()]
    assert [(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in events] == [
        ("VEL", "OST", "112")]
    assert events[0]["sentence"] == "Velmar harshly condemned Ostria on Monday."
    bad = run_casus("ingest", str(articles), "--dictionaries", str(folder), "--verbs",
                    "sometimes", db=tmp_path / "other.duckdb")
    assert bad.returncode == 2 and "verbs" in bad.stderr and len(bad.stderr.splitlines()) == 1
