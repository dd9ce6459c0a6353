"""GDELT and ACLED files (small ones written for these tests) imported beside casus events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casus.actors.resolve import resolve_actor_text
from casus.errors import InputError, UsageError
from casus.interop import import_file
from casus.interop.acled import parse_date
from casus.store import Store
from tests.conftest import run_casus

DATA = Path(__file__).parent / "data"
GDELT = DATA / "gdelt-sample.export.CSV"
ACLED = DATA / "acled-sample.csv"


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "casus.duckdb") as opened:
        yield opened


def by_external_id(store: Store, dataset: str) -> dict[str, dict]:
    return {e["external_id"]: e for e in store.iter_events(dataset=dataset)}


def test_gdelt_rows_become_events(store: Store) -> None:
    report = import_file(store, GDELT, "gdelt")
    assert report.imported == 4
    assert report.skipped == {"malformed lines": 1, "with an unknown CAMEO code": 1}
    assert any(":4:" in p for p in report.problems)
    events = by_external_id(store, "gdelt")
    strike = events["1150000001"]
    assert strike["dataset"] == "gdelt" and strike["cameo"] == "195"
    assert strike["date"] == "2024-01-15" and strike["goldstein"] == -10.0
    assert strike["quad_class"] == 4 and strike["num_mentions"] == 4
    assert strike["url"] == "https://news.example.org/2024/01/15/strike"
    assert strike["location"]["country"] == "IRQ"  # FIPS IZ back to ISO alpha-3
    assert strike["location"]["lat"] == pytest.approx(33.3406)
    assert strike["source"]["code"] == "USAMIL" and strike["source"]["text"] == "UNITED STATES"
    assert strike["target"]["code"] == "IRQREB"  # "MILITIA" + the row's country
    assert strike["sentence"] is None and strike["char_start"] is None


def test_gdelt_actors_share_casus_ids(store: Store) -> None:
    """GDELT's actors are the ones casus resolves the same words to in an article."""
    import_file(store, GDELT, "gdelt")
    events = by_external_id(store, "gdelt")
    iraq, government = resolve_actor_text("Iraq"), resolve_actor_text("the Iraqi government")
    assert iraq is not None and government is not None
    assert events["1150000003"]["target"]["actor_id"] == iraq.actor_id  # BAGHDAD, IRQ
    assert events["1150000002"]["source"]["actor_id"] == government.actor_id  # IRAQ, IRQGOV
    assert events["1150000002"]["source"]["code"] == "IRQGOV"
    assert store.events(actor=iraq.actor_id, dataset="gdelt").shape[0] == 1


def test_reimport_changes_nothing(store: Store) -> None:
    import_file(store, GDELT, "gdelt")
    first = sorted(json.dumps(e, sort_keys=True) for e in store.iter_events())
    import_file(store, GDELT, "gdelt")
    again = sorted(json.dumps(e, sort_keys=True) for e in store.iter_events())
    assert first == again and len(again) == 4


def test_acled_rows_become_events(store: Store) -> None:
    report = import_file(store, ACLED, "acled")
    assert report.imported == 4
    assert report.skipped == {"ACLED event types with no CAMEO counterpart": 1,
                              "rows with an unreadable date": 1}
    events = by_external_id(store, "acled")
    drone, clash = events["IRQ90001"], events["IRQ90003"]
    assert drone["cameo"] == "195" and drone["date"] == "2024-01-14"
    assert drone["sentence"].startswith("On 14 January 2024, a drone struck")
    assert drone["source"]["code"] == "USAMIL"  # from the name, not the event's country
    assert drone["target"]["name"] == "Kata'ib Hezbollah"  # casus's dictionary actor
    assert clash["date"] == "2024-01-15"  # '15 January 2024', an older ACLED date form
    assert clash["source"]["code"] == "IRQMIL" and clash["target"]["name"] == "Islamic State"
    protest = events["IRQ90002"]
    assert protest["cameo"] == "141" and protest["source"]["code"] == "IRQCVL"
    assert protest["target"] is None and protest["fatalities"] == 0
    assert events["SYR90006"]["source"]["code"] == "SYRCOP"


def test_acled_date_forms() -> None:
    assert str(parse_date("2024-01-15")) == str(parse_date("15 January 2024")) == "2024-01-15"
    assert parse_date("January") is None


def test_bad_files(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        import_file(store, ACLED, "icews")
    with pytest.raises(InputError, match="no such file"):
        import_file(store, tmp_path / "missing.csv", "acled")
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an ACLED export"):
        import_file(store, wrong, "acled")
    assert store.count_events() == 0


def test_imported_events_are_kept_apart_from_our_own(store: Store) -> None:
    import_file(store, GDELT, "gdelt")
    import_file(store, ACLED, "acled")
    frame = store.events()
    assert frame.groupby("dataset").size().to_dict() == {"acled": 4, "gdelt": 4}
    assert store.events(dataset="casus").empty
    assert store.count_events(dataset="acled", code="19") == 2  # drone strike, clash


@pytest.mark.slow
def test_cli_import_then_events_by_dataset(seeds_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "seeds.duckdb"
    db.write_bytes(seeds_db.read_bytes())
    proc = run_casus("import", "--dataset", "gdelt", str(GDELT), db=db)
    assert proc.returncode == 1  # one malformed line, reported; the rest imported
    assert "imported 4 gdelt events" in proc.stderr and ":4: 3 tab-separated" in proc.stderr
    proc = run_casus("events", "--dataset", "gdelt", "--format", "jsonl", db=db, check=True)
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert len(lines) == 4 and {e["dataset"] for e in lines} == {"gdelt"}
    proc = run_casus("events", "--format", "jsonl", db=db, check=True)
    datasets = {json.loads(x)["dataset"] for x in proc.stdout.splitlines()}
    assert datasets == {"casus", "gdelt"}
    proc = run_casus("import", "--dataset", "acled", str(tmp_path / "nope.csv"), db=db)
    assert proc.returncode == 1 and "no such file" in proc.stderr
