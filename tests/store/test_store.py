"""The DuckDB store, on records built by hand (no model needed)."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from casus.errors import StoreError
from casus.records import ActorRef, Document, Event, Mention, Sentence
from casus.store import EventFilter, Store

TEXT = "Militia leaders met in Basra on Monday. They did not attack the base."


def _event(doc_id: str, cameo: str = "040", negated: bool = False,
           day: date | None = date(2023, 5, 1), target: str = "Basra") -> Event:
    return Event(
        doc_id=doc_id, sentence=TEXT[:39], sentence_index=0, char_start=0, char_end=39,
        cameo=cameo, cameo_root=cameo[:2], cameo_label="Consult", plover="CONSULT",
        plover_mode=None, quad_class=1, goldstein=1.0,
        source=ActorRef("Militia leaders", actor_id="a1", name="Militias", code="IRQREB",
                        country="IRQ", role="REB"),
        target=ActorRef(target, actor_id="a2", name="Iraq", code="IRQ", country="IRQ"),
        trigger="met", trigger_start=16, date=day, date_precision="day", negated=negated,
    )


def _write(store: Store, doc_id: str, events: list[Event], text: str = TEXT) -> Document:
    doc = Document(doc_id=doc_id, text=text, published=date(2023, 5, 2))
    doc.n_events = len(events)
    mentions = [Mention("Basra", 4, 5, 23, 28, ActorRef("Basra", actor_id="a2", name="Iraq",
                                                         code="IRQ", country="IRQ"), "GPE", True)]
    store.write(doc, "fp-" + doc.sha256, [Sentence(0, 0, 39, TEXT[:39])], mentions, events)
    return doc


def test_store_roundtrip_contract_fields(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        _write(store, "d1", [_event("d1")])
        (record,) = list(store.iter_events())
        assert record["source"]["code"] == "IRQREB"
        assert record["date"] == "2023-05-01"
        (doc,) = list(store.iter_docs())
        assert doc["text"] == TEXT and doc["published"] == "2023-05-02"
        assert len(doc["sha256"]) == 64


def test_store_replace_document_is_atomic_and_leaves_no_duplicates(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        _write(store, "d1", [_event("d1"), _event("d1", "190", target="base")])
        _write(store, "d1", [_event("d1")])
        assert store.counts()["events"] == 1
        assert store.counts()["documents"] == 1


def test_store_failed_write_keeps_previous_version(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        _write(store, "d1", [_event("d1")])
        bad = _event("d1")
        bad.cameo = None  # type: ignore[assignment]  # NOT NULL violation mid-write
        with pytest.raises(duckdb.Error):
            _write(store, "d1", [bad])
        assert store.counts() == {"documents": 1, "sentences": 1, "mentions": 1, "events": 1}


def test_store_filters_and_negated_excluded_by_default(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        _write(store, "d1", [_event("d1"), _event("d1", "190", negated=True, target="base")])
        _write(store, "d2", [_event("d2", "173", day=date(2024, 1, 5))])
        assert store.count_events() == 2
        assert store.count_events(EventFilter(include_negated=True)) == 3
        assert [e["cameo"] for e in store.iter_events(EventFilter(code="17"))] == ["173"]
        assert store.count_events(EventFilter(since=date(2024, 1, 1))) == 1
        assert store.count_events(EventFilter(doc="d1")) == 1
        assert store.count_events(EventFilter(actor="irqreb")) == 2
        assert store.count_events(EventFilter(actor="'; DROP TABLE events; --")) == 0
        assert store.counts()["events"] == 3


def test_store_actors_list_every_surface_form(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        _write(store, "d1", [])
        (actor,) = list(store.iter_actors())
        assert actor["mentions"] == [{"text": "Basra", "doc_id": "d1", "count": 1}]
        assert actor["name"] == "Iraq" and actor["in_dictionary"] is True


def test_store_read_only_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="casus ingest"):
        Store(tmp_path / "missing.duckdb", read_only=True)
