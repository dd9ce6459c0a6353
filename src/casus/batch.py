"""Batches: read, clean, analyse and store many inputs; one bad input never stops the rest.

The CLI and the Python API both call these; they report through callbacks and never
exit the process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from casus.analysis import Analyser, Analysis, fingerprint
from casus.clean import clean_document
from casus.config import Settings
from casus.errors import AnalysisFailed, InputError
from casus.ingest import iter_inputs
from casus.records import Document
from casus.store import Store

OnProblem = Callable[[str], None]


@dataclass
class BatchReport:
    """What happened to each input, for the summary line and the exit code."""

    stored: int = 0
    unchanged: int = 0
    rejected: int = 0
    events: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.rejected else 0


def iter_documents(
    paths: Iterable[str | Path],
    settings: Settings,
    report: BatchReport,
    on_problem: OnProblem,
) -> Iterator[Document]:
    """Readable, cleaned documents; every rejected input becomes one reported line."""
    for item in iter_inputs(paths, settings):
        if isinstance(item, InputError):
            _reject(item, report, on_problem)
            continue
        try:
            document = clean_document(item)
        except InputError as exc:
            exc.origin = exc.origin or item.origin
            _reject(exc, report, on_problem)
            continue
        for warning in item.warnings:
            on_problem(f"{item.origin}: {warning}")
        yield document


def _reject(exc: InputError, report: BatchReport, on_problem: OnProblem) -> None:
    line = f"error {exc.code}: {exc.one_line()}"
    report.rejected += 1
    report.problems.append(line)
    on_problem(line)


def refuse(report: BatchReport, on_problem: OnProblem
           ) -> Callable[[Document, Exception], None]:
    """``Analyser.analyse``'s ``on_error``: a document the pipeline fails on is rejected
    like unreadable input, one line naming it, and the batch goes on."""
    def on_error(document: Document, exc: Exception) -> None:
        reason = f"analysis failed ({type(exc).__name__}: {exc})"
        _reject(AnalysisFailed(reason[:300], origin=document.origin), report, on_problem)
    return on_error


def warn(analysis: Analysis, on_problem: OnProblem) -> None:
    for warning in analysis.warnings:
        on_problem(f"{analysis.document.origin}: {warning}")


def run_ingest(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings | None = None,
    *,
    on_problem: OnProblem = lambda line: None,
    on_document: Callable[[Analysis | None], None] = lambda analysis: None,
    analyser: Analyser | None = None,
) -> BatchReport:
    """Ingest inputs into ``store``; unchanged documents are skipped before any NLP runs."""
    settings = settings or Settings.load()
    report = BatchReport()
    fingerprints: dict[str, str] = {}

    def changed() -> Iterator[Document]:
        for document in iter_documents(paths, settings, report, on_problem):
            fp = fingerprint(document, settings)
            if store.fingerprint(document.doc_id) == fp:
                report.unchanged += 1
                on_document(None)
                continue
            if document.doc_id in fingerprints:
                on_problem(f"{document.origin}: duplicate id '{document.doc_id}'; it replaces "
                           "the earlier document with that id")
            fingerprints[document.doc_id] = fp
            yield document

    analyser = analyser or Analyser(settings)
    store.dictionaries = settings.dictionary_folders  # merged actors take their dated codes from it
    for analysis in analyser.analyse(changed(), on_error=refuse(report, on_problem)):
        warn(analysis, on_problem)
        doc = analysis.document
        store.write(doc, fingerprints[doc.doc_id], analysis.sentences, analysis.mentions,
                    analysis.events)
        report.stored += 1
        report.events += doc.n_events
        on_document(analysis)
    return report


def run_extract(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    on_problem: OnProblem = lambda line: None,
    analyser: Analyser | None = None,
    report: BatchReport | None = None,
) -> Iterator[Analysis]:
    """The same analysis as ``run_ingest`` without a database."""
    settings = settings or Settings.load()
    report = report if report is not None else BatchReport()
    analyser = analyser or Analyser(settings)
    documents = iter_documents(paths, settings, report, on_problem)
    for analysis in analyser.analyse(documents, on_error=refuse(report, on_problem)):
        warn(analysis, on_problem)
        report.stored += 1
        report.events += analysis.document.n_events
        yield analysis
