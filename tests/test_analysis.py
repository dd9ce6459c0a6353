"""The Analyser's stream: a document the pipeline fails on is refused alone, in order."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from casus.analysis import Analyser
from casus.batch import BatchReport, run_extract
from casus.config import Settings
from casus.nlp.pipeline import add_casus_components, load_model
from casus.records import Document

pytestmark = pytest.mark.slow

MARKER = "Zxqvbrt"  # a made-up word no article contains


@Language.component("casus_test_fails_on_marker")
def fails_on_marker(doc: Doc) -> Doc:
    if MARKER in doc.text:
        raise RuntimeError("component blew up")
    return doc


TEXTS = [
    "Kenyan police arrested two opposition leaders in Nairobi on Sunday.",
    "Turkish jets struck Kurdish positions in northern Iraq on Friday.",
    f"Protesters marched in Caracas on Friday. {MARKER}.",
    "The Egyptian foreign minister met his Sudanese counterpart in Cairo on Monday.",
    f"The army of {MARKER} shelled the border town again on Tuesday morning.",
    "Russian forces shelled Kharkiv overnight.",
]


def documents() -> list[Document]:
    return [Document(doc_id=f"d{i}", text=text, origin=f"d{i}.txt",
                     published=date(2024, 3, 6)) for i, text in enumerate(TEXTS)]


@pytest.fixture(scope="module")
def analysers() -> tuple[Analyser, Analyser]:
    settings = Settings.load(batch_size=2)
    clean, failing = Analyser(settings), Analyser(settings)
    failing.nlp = add_casus_components(load_model(settings.model), settings)  # not the cached one
    failing.nlp.add_pipe("casus_test_fails_on_marker", before="casus_events")
    return clean, failing


def test_failing_document_is_refused_and_the_rest_come_out_in_order(analysers):
    clean, failing = analysers
    refused: list[tuple[str, str]] = []
    out = list(failing.analyse(documents(),
                               on_error=lambda d, exc: refused.append((d.doc_id, str(exc)))))
    assert refused == [("d2", "component blew up"), ("d4", "component blew up")]
    assert [a.document.doc_id for a in out] == ["d0", "d1", "d3", "d5"]
    expected = {a.document.doc_id: [e.event_id for e in a.events]
                for a in clean.analyse(documents())}
    assert all([e.event_id for e in a.events] == expected[a.document.doc_id] for a in out)
    assert sum(len(a.events) for a in out) > 0


def test_without_on_error_the_failure_is_raised(analysers):
    _, failing = analysers
    with pytest.raises(RuntimeError, match="component blew up"):
        list(failing.analyse(documents()))


def test_a_failing_source_raises_its_own_error(analysers):
    clean, _ = analysers

    def source():
        yield documents()[0]
        raise KeyError("the reader broke")

    with pytest.raises(KeyError, match="the reader broke"):
        list(clean.analyse(source(), on_error=lambda d, exc: None))


def test_batch_rejects_the_failing_file_with_e109(analysers, tmp_path):
    _, failing = analysers
    for i, text in enumerate(TEXTS):
        (tmp_path / f"d{i}.txt").write_text(text, encoding="utf-8")
    report, lines = BatchReport(), []
    out = list(run_extract([tmp_path], failing.settings, on_problem=lines.append,
                           analyser=failing, report=report))
    assert sorted(a.document.doc_id for a in out) == ["d0", "d1", "d3", "d5"]
    assert report.rejected == 2 and report.exit_code == 1
    e109 = [line for line in lines if line.startswith("error E109")]
    assert len(e109) == 2 and all("component blew up" in line for line in e109)
    assert all("\n" not in line for line in lines)


def test_event_cap_is_a_warning_not_silence():
    capped = Analyser(Settings.load(max_events_per_document=1))
    text = ("Kenyan police arrested two opposition leaders in Nairobi on Sunday. "
            "Turkish jets struck Kurdish positions in northern Iraq on Friday.")
    (analysis,) = capped.analyse([Document(doc_id="c", text=text, origin="c.txt",
                                           published=date(2024, 3, 6))])
    assert len(analysis.events) == 1
    assert analysis.warnings and "max_events_per_document" in analysis.warnings[0]
