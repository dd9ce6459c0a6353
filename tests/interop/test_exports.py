"""Each export read back by a standard reader for its format, checked for counts and fields."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import duckdb
import networkx as nx
import pandas as pd
import pytest

from casus.interop import EXPORT_FORMATS, export_events
from casus.interop.gdelt import COLUMNS
from casus.store import EventFilter, Store
from casus.store.frames import EVENT_COLUMNS
from tests.conftest import run_casus

# GDELT 2.0 event table, in the order of GDELT's codebook (written out independently of
# casus.interop.gdelt so a wrong order there fails here).
GDELT_2_COLUMNS = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name
Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name
Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode
EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles
AvgTone Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code
Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID Actor2Geo_Type
Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat
Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode
ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL""".split()
ACLED_COLUMNS = """event_id_cnty event_date year time_precision disorder_type event_type
sub_event_type actor1 assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction
civilian_targeting iso region country admin1 admin2 admin3 location latitude longitude
geo_precision source source_scale notes fatalities tags timestamp""".split()
ACLED_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians",
               "Protests", "Riots", "Strategic developments"}
PLOVER_CATEGORIES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                     "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                     "MOBILIZE", "COERCE", "ASSAULT"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def store(seeds_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    copy = tmp_path_factory.mktemp("export") / "seeds.duckdb"
    shutil.copy(seeds_db, copy)
    with Store(copy, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def records(store: Store) -> list[dict]:
    found = list(store.iter_events())
    assert len(found) > 30
    return found


def test_gdelt_has_gdelt_2_columns_in_order(store: Store, records: list[dict],
                                            tmp_path: Path) -> None:
    assert list(COLUMNS) == GDELT_2_COLUMNS and len(COLUMNS) == 61
    out = tmp_path / "events.export.CSV"
    report = export_events(store, "gdelt", out, fused=False)
    df = pd.read_csv(out, sep="\t", header=None, names=GDELT_2_COLUMNS, dtype={"EventCode": str,
                     "EventBaseCode": str, "EventRootCode": str})
    assert len(df) == report.written == len(records)
    assert df["GLOBALEVENTID"].is_unique and df["GLOBALEVENTID"].dtype == "int64"
    by_code = {r["event_id"]: r for r in records}
    assert sorted(df["EventCode"]) == sorted(r["cameo"] for r in by_code.values())
    assert (df["EventRootCode"] == df["EventCode"].str[:2]).all()
    dated = df[df["SQLDATE"].notna()]
    assert len(dated) == sum(1 for r in records if r["date"])
    assert set(df["QuadClass"]) <= {1, 2, 3, 4}
    located = df[df["ActionGeo_Lat"].notna()]
    assert len(located) == sum(1 for r in records if (r["location"] or {}).get("lat"))
    assert "IZ" in set(located["ActionGeo_CountryCode"])  # FIPS 10-4: Iraq is IZ, not IQ
    assert located["ActionGeo_CountryCode"].str.len().eq(2).all()
    # DuckDB reads it too, with the same row count
    n = duckdb.sql(f"SELECT count(*) FROM read_csv('{out}', delim='\t', header=false)")
    assert n.fetchall() == [(len(records),)]


def test_acled_csv(store: Store, records: list[dict], tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    report = export_events(store, "acled", out, fused=False)
    df = pd.read_csv(out, dtype=str)
    assert list(df.columns) == ACLED_COLUMNS
    assert len(df) == report.written > 0
    assert report.written + sum(report.skipped.values()) == len(records)
    assert set(df["event_type"]) <= ACLED_TYPES
    sentences = {r["event_id"]: r["sentence"] for r in records}
    for _, row in df.iterrows():
        assert row["notes"] == sentences[row["event_id_cnty"]]
    violent = df[df["event_type"].isin(["Battles", "Explosions/Remote violence"])]
    assert not violent.empty


def test_plover_jsonl(store: Store, records: list[dict], tmp_path: Path) -> None:
    out = tmp_path / "plover.jsonl"
    report = export_events(store, "plover", out, fused=False)
    items = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(items) == report.written > 0
    for item in items:
        assert {"id", "date", "actor", "event"} <= set(item)  # the manual's required fields
        assert set(item["event"]) <= PLOVER_CATEGORIES
        assert isinstance(item["actor"], list) and isinstance(item["recipient"], list)
        assert item["text"] and item["text_info"]["start"] < item["text_info"]["end"]
        for entity in item["actor"] + item["recipient"]:
            assert set(entity) <= {"code", "sector", "entity_text", "identifier_id",
                                   "identifier_text"}
    assert {i["id"] for i in items} <= {r["event_id"] for r in records}


def test_plain_csv_and_parquet(store: Store, records: list[dict], tmp_path: Path) -> None:
    export_events(store, "csv", tmp_path / "events.csv", fused=False)
    export_events(store, "parquet", tmp_path / "events.parquet", fused=False)
    from_csv = pd.read_csv(tmp_path / "events.csv", dtype={"cameo": str})
    from_parquet = pd.read_parquet(tmp_path / "events.parquet")
    assert list(from_csv.columns) == list(from_parquet.columns) == list(EVENT_COLUMNS)
    assert len(from_csv) == len(from_parquet) == len(records)
    assert sorted(from_parquet["cameo"]) == sorted(from_csv["cameo"])
    types = {row[0]: row[1] for row in duckdb.sql(
        f"DESCRIBE SELECT * FROM read_parquet('{tmp_path / 'events.parquet'}')").fetchall()}
    assert types["date"] == "DATE" and types["goldstein"] == "DOUBLE"
    assert types["negated"] == "BOOLEAN"
    counted = duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'events.parquet'}'").fetchall()
    assert counted == [(len(records),)]


def test_graph_files_read_back_with_networkx(store: Store, records: list[dict],
                                             tmp_path: Path) -> None:
    pairs = {(r["source"]["actor_id"], r["target"]["actor_id"]) for r in records
             if r["source"] and r["target"] and r["source"]["actor_id"]
             and r["target"]["actor_id"] and r["source"]["actor_id"] != r["target"]["actor_id"]}
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"actors.{fmt}"
        report = export_events(store, fmt, out, fused=False)
        graph = read(out)
        assert graph.is_directed()
        assert graph.number_of_edges() == report.written == len(pairs)
        weights = sum(d["events"] for _, _, d in graph.edges(data=True))
        assert weights == sum(1 for r in records if r["source"] and r["target"]
                              and (r["source"]["actor_id"], r["target"]["actor_id"]) in pairs)
        labels = {d.get("label") for _, d in graph.nodes(data=True)}
        assert None not in labels


def test_geojson(store: Store, records: list[dict], tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    report = export_events(store, "geojson", out, fused=False)
    data = json.loads(out.read_text("utf-8"))
    assert data["type"] == "FeatureCollection"
    located = [r for r in records if (r["location"] or {}).get("lat") is not None]
    assert len(data["features"]) == report.written == len(located) > 0
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["location_lat"] == lat


def test_filters_and_negated(store: Store, tmp_path: Path) -> None:
    everything = len(list(store.iter_events(include_negated=True)))
    asserted = len(list(store.iter_events()))
    assert everything > asserted  # the seeds have negated events
    report = export_events(store, "csv", tmp_path / "a.csv", fused=False,
                           include_negated=True)
    assert report.written == everything
    report = export_events(store, "csv", tmp_path / "b.csv", EventFilter(code="04"),
                           fused=False)
    df = pd.read_csv(tmp_path / "b.csv", dtype={"cameo": str})
    assert report.written == len(df) > 0 and df["cameo"].str.startswith("04").all()


def test_fused_export_counts_reports_sources_and_documents(store: Store, records: list[dict],
                                                          tmp_path: Path) -> None:
    """By default one row per real-world event, GDELT's mention counts filled from fusion."""
    from casus.fusion import fused_events

    fused = fused_events(store)
    out = tmp_path / "fused.export.CSV"
    report = export_events(store, "gdelt", out)
    df = pd.read_csv(out, sep="\t", header=None, names=GDELT_2_COLUMNS)
    assert len(df) == report.written == len(fused) < len(records)
    # every asserted report is in one fused event; a denial counts where it joined them
    denials = sum(1 for f in fused for r in f["reports"] if r.get("negated"))
    assert df["NumMentions"].sum() == sum(f["n_reports"] for f in fused) \
        == len(records) + denials
    assert (df["NumMentions"] > 1).any() and (df["NumArticles"] <= df["NumMentions"]).all()
    frame = pd.read_csv(tmp_path / "x.csv") if export_events(
        store, "csv", tmp_path / "x.csv").written else None
    assert frame is not None and frame["n_reports"].sum() == len(records) + denials


def test_cli_export_every_format(seeds_db: Path, tmp_path: Path) -> None:
    for fmt in EXPORT_FORMATS:
        out = tmp_path / f"out.{fmt}"
        proc = run_casus("export", "--format", fmt, "--out", str(out), db=seeds_db)
        assert proc.returncode == 0, proc.stderr
        assert out.stat().st_size > 0 and "exported" in proc.stderr
    assert list(tmp_path.glob(".*.tmp")) == []  # no temporary files left behind
    proc = run_casus("export", "--format", "gdelt", db=seeds_db)  # text formats: stdout
    rows = list(csv.reader(proc.stdout.splitlines(), delimiter="\t"))
    assert rows and all(len(r) == 61 for r in rows)
    proc = run_casus("export", "--format", "parquet", db=seeds_db)
    assert proc.returncode == 2 and "--out" in proc.stderr
    proc = run_casus("export", "--format", "xlsx", "--out", str(tmp_path / "x"), db=seeds_db)
    assert proc.returncode == 2 and "unknown export format" in proc.stderr


def test_hostile_cells_are_quoted_for_spreadsheets(tmp_path: Path) -> None:
    from casus.interop.exports import _cell

    assert _cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert _cell("-1") == "'-1" and _cell("Baghdad") == "Baghdad" and _cell(3) == 3
