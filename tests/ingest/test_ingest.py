"""Reading inputs: formats, ids, and every kind of bad file as one error."""

from __future__ import annotations

import gzip
import json
from datetime import date

from casus.config import Settings
from casus.errors import (
    BinaryInput,
    EmptyInput,
    InputError,
    MalformedRecord,
    NoArticle,
    TooLarge,
    UnsupportedFormat,
)
from casus.ingest import iter_inputs
from casus.records import RawDocument
from tests.conftest import OFFICIAL, SEEDS

PAGE = """<html><head><title>Army and rebels agree truce | Example News</title>
<meta property="article:published_time" content="2023-09-14T08:00:00Z"></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/about">About</a></nav>
<div class="share">Share on Facebook | Tweet | Email</div>
<article><h1>Army and rebels agree truce</h1>
<p>The army and the rebel alliance agreed on Wednesday to a seven-day truce in the north,
mediators said, after a week of fighting around the regional capital.</p>
<p>Both sides said they would allow aid convoys to reach the besieged districts, and the
mediators called on their commanders to meet again next week to extend the pause.</p>
</article>
<aside><h3>Related Articles</h3><ul><li><a href="/a">Floods hit the south</a></li></ul></aside>
<div id="comments"><h3>Leave a Reply</h3><form>Name * Email * Website</form></div>
<footer>© 2023 Example News. All rights reserved.</footer></body></html>"""


def _items(*paths, settings=None):
    return list(iter_inputs([str(p) for p in paths], settings))


def test_ingest_seed_ids_are_file_names():
    docs = [d for d in _items(SEEDS) if isinstance(d, RawDocument)]
    assert [d.doc_id for d in docs] == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_ingest_official_jsonl_gives_71_documents_with_their_ids():
    docs = _items(*sorted(OFFICIAL.glob("*.jsonl")))
    assert len(docs) == 71 and all(isinstance(d, RawDocument) for d in docs)
    assert all(d.doc_id.split("-")[0] in {"centcom", "uk", "us"} for d in docs)
    assert all(d.source and d.url and d.title for d in docs)


def test_ingest_html_keeps_article_and_metadata(tmp_path):
    (tmp_path / "truce.html").write_text(PAGE)
    (doc,) = _items(tmp_path / "truce.html")
    assert doc.doc_id == "truce" and doc.published == date(2023, 9, 14)
    assert "seven-day truce" in doc.text and "aid convoys" in doc.text
    for debris in ("Related Articles", "Leave a Reply", "All rights reserved", "Tweet"):
        assert debris not in doc.text


def test_ingest_bad_files_are_one_error_each_and_the_rest_goes_on(tmp_path):
    (tmp_path / "a_empty.txt").write_text("  \n\n")
    (tmp_path / "b_binary.txt").write_bytes(bytes(range(256)) * 3)
    (tmp_path / "c_zip.html").write_bytes(gzip.compress(b"<html>" * 500))
    (tmp_path / "d_big.txt").write_text("word " * 400)
    (tmp_path / "e_menu.html").write_text("<html><body><nav>Home | News</nav></body></html>")
    (tmp_path / "f_batch.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Troops shelled the town."}) + "\n{oops\n"
        + json.dumps(["not", "an", "object"]) + "\n" + json.dumps({"id": "x2"}) + "\n")
    (tmp_path / "g_good.txt").write_text("Police arrested three protesters on Monday.")
    (tmp_path / "notes.md").write_text("not an input, skipped quietly in a folder walk")
    items = _items(tmp_path, settings=Settings.load(max_document_bytes=1000))
    kinds = [type(i) for i in items]
    assert kinds == [EmptyInput, BinaryInput, BinaryInput, TooLarge, NoArticle, RawDocument,
                     MalformedRecord, MalformedRecord, MalformedRecord, RawDocument]
    for item in items:
        if isinstance(item, InputError):
            line = item.one_line()
            assert "\n" not in line and str(tmp_path) in line
    assert items[6].origin.endswith("f_batch.jsonl:2")


def test_ingest_latin1_is_decoded_with_a_warning(tmp_path):
    (tmp_path / "fr.txt").write_bytes("Le président a reçu l'émissaire à Bamako.".encode("latin-1"))
    (doc,) = _items(tmp_path / "fr.txt")
    assert doc.text == "Le président a reçu l'émissaire à Bamako."
    assert len(doc.warnings) == 1 and "not UTF-8" in doc.warnings[0]


def test_ingest_named_unsupported_or_missing_file_is_an_error(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    (unsupported,) = _items(tmp_path / "x.pdf")
    (missing,) = _items(tmp_path / "nope.txt")
    assert isinstance(unsupported, UnsupportedFormat) and isinstance(missing, InputError)


def test_ingest_jsonl_fields_and_published_dates(tmp_path):
    record = {"id": "r1", "text": "Rebels seized the airport.", "title": "T", "url": "u",
              "source": "S", "published": "2022-03-01"}
    bad_date = {"id": "r2", "text": "Rebels seized the port.", "published": "someday"}
    (tmp_path / "b.jsonl").write_text(json.dumps(record) + "\n" + json.dumps(bad_date) + "\n")
    first, second = _items(tmp_path / "b.jsonl")
    assert (first.doc_id, first.title, first.url, first.source) == ("r1", "T", "u", "S")
    assert first.published == date(2022, 3, 1)
    assert second.published is None and "published" in second.warnings[0]
