"""Pieces of the web app without a server: reader segments, uploads, discovery, CSV."""

from __future__ import annotations

import os

from casus.config import Settings
from casus.errors import UnsupportedFormat
from casus.records import RawDocument
from casus.web import discovery
from casus.web.export import csv_lines
from casus.web.ingest import doc_id_from_name, parse_upload
from casus.web.reader import segments, sentence_parts, trigger_span


def test_reader_segments_keep_every_character_and_mark_spans():
    text = "Iran <b>condemned</b> the strike on Iraq."
    mentions = [{"char_start": 0, "char_end": 4, "actor_id": "a" * 16, "name": "Iran"},
                {"char_start": text.index("Iraq"), "char_end": text.index("Iraq") + 4,
                 "actor_id": None, "name": None}]
    events = [{"event_id": "e1", "trigger": "condemned", "char_start": 0, "char_end": 40,
               "quad_class": 3}]
    segs = segments(text, mentions, events)
    assert "".join(s.text for s in segs) == text
    assert [s.text for s in segs if s.events] == ["condemned"]
    assert [s.text for s in segs if s.actor] == ["Iran", "Iraq"]
    assert next(s for s in segs if s.events).anchor == "e1"


def test_reader_trigger_found_as_a_whole_word_in_its_sentence():
    text = "They attacked. Then the attack on the base began."
    event = {"trigger": "attack", "char_start": 15, "char_end": len(text)}
    assert trigger_span(text, event) == (24, 30)
    assert trigger_span(text, {**event, "trigger_start": 24}) == (24, 30)
    assert sentence_parts({"sentence": "Iran condemned it", "trigger": "condemned"}) == (
        "Iran ", "condemned", " it")


def test_ingest_upload_names_only_become_ids():
    assert doc_id_from_name("../../etc/passwd.txt", 1) == "passwd"
    assert doc_id_from_name("C:\\temp\\a b.html", 1) == "a b"
    assert doc_id_from_name(None, 3) == "upload-3"
    settings = Settings.load()
    [doc] = parse_upload("../x/report.txt", b"Iraq and Iran met in Baghdad today.", 1, settings)
    assert isinstance(doc, RawDocument) and doc.doc_id == "report"
    [err] = parse_upload("evil.sh", b"rm -rf /", 1, settings)
    assert isinstance(err, UnsupportedFormat)
    two = parse_upload("b.jsonl", b'{"id": "a", "text": "x y z"}\nnot json\n', 1, settings)
    assert isinstance(two[0], RawDocument) and two[0].doc_id == "a"
    assert not isinstance(two[1], RawDocument)


def test_discovery_names_the_running_server(tmp_path):
    db = tmp_path / "x.duckdb"
    assert discovery.locked_hint(db) is None
    discovery.announce(db, "http://127.0.0.1:8123")
    info = discovery.running_server(db)
    assert info == {"pid": os.getpid(), "url": "http://127.0.0.1:8123"}
    assert "http://127.0.0.1:8123/api/ingest" in (discovery.locked_hint(db) or "")
    discovery.withdraw(db)
    assert discovery.running_server(db) is None


def test_export_csv_defuses_spreadsheet_formulas():
    record = {"event_id": "e", "sentence": "=HYPERLINK(\"http://x\")", "goldstein": -5.0,
              "source": {"text": "@cmd"}}
    text = "".join(csv_lines([record]))
    assert "'=HYPERLINK" in text and "'@cmd" in text and ",-5.0," in text
