"""Store.events/docs/actors as DataFrames; keyword filters; the schema-1 upgrade."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from casus.errors import UsageError
from casus.store import Store
from casus.store.frames import ACTOR_COLUMNS, DOC_COLUMNS, EVENT_COLUMNS


@pytest.mark.slow
def test_frames_from_the_seeds(seeds_db: Path) -> None:
    with Store(seeds_db, read_only=True) as store:
        events = store.events()
        assert list(events.columns) == list(EVENT_COLUMNS)
        assert len(events) == store.count_events() > 0
        assert pd.api.types.is_datetime64_any_dtype(events["date"])
        assert not events["negated"].any()
        with_negated = store.events(include_negated=True)
        assert with_negated["negated"].any()
        since = store.events(since="2024-01-01")
        assert (since["date"] >= pd.Timestamp("2024-01-01")).all() and len(since) > 0
        assert len(store.events(limit=3)) == 3
        docs = store.docs()
        assert list(docs.columns) == list(DOC_COLUMNS) and len(docs) == 5
        actors = store.actors()
        assert list(actors.columns) == list(ACTOR_COLUMNS)
        assert (actors["n_mentions"] >= 1).all()
        assert actors["aliases"].map(len).min() >= 1


def test_empty_frames_have_columns(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.duckdb") as store:
        assert list(store.events().columns) == list(EVENT_COLUMNS)
        assert list(store.docs().columns) == list(DOC_COLUMNS)
        assert list(store.actors().columns) == list(ACTOR_COLUMNS)


def test_bad_filters_are_usage_errors(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.duckdb") as store:
        with pytest.raises(UsageError, match="unknown event filter acter"):
            store.events(acter="Iran")
        with pytest.raises(UsageError, match="since must be a date"):
            store.events(since="last week")


V1_EVENTS = """CREATE TABLE events (event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL,
 sentence_index INTEGER NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
 cameo VARCHAR NOT NULL, cameo_root VARCHAR NOT NULL, plover VARCHAR,
 quad_class INTEGER NOT NULL, goldstein DOUBLE NOT NULL, source_actor_id VARCHAR,
 source_code VARCHAR, source_country VARCHAR, source_text VARCHAR, target_actor_id VARCHAR,
 target_code VARCHAR, target_country VARCHAR, target_text VARCHAR, date DATE,
 negated BOOLEAN NOT NULL, modality VARCHAR NOT NULL, record JSON NOT NULL,
 PRIMARY KEY (event_id));
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_date ON events (date);
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
INSERT INTO meta VALUES ('schema_version', '1');"""


def test_a_schema_1_database_is_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute(V1_EVENTS)
    record = {"event_id": "e1", "doc_id": "d1", "cameo": "042", "date": None}
    con.execute("INSERT INTO events VALUES ('e1', 'd1', 0, 0, 10, '042', '04', 'CONSULT', 1, "
                "1.9, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, "
                "'asserted', ?)", [json.dumps(record)])
    con.close()
    with Store(db) as store:
        (event,) = store.iter_events()
        assert event["dataset"] == "casus" and event["cameo"] == "042"
        assert store.con.execute("SELECT dataset FROM events").fetchall() == [("casus",)]
        assert store.con.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [("2",)]
    with Store(db) as store:  # opening again is a no-op
        assert store.count_events() == 1
