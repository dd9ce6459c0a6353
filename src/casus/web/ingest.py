"""Ingest through the running server: uploaded articles, one writer, analysis in a worker.

Requests never name files on the server: they carry the article content (an uploaded
file or a JSON record), which is parsed by the same readers ``casus ingest`` uses.
Jobs go through one queue to one writer thread, so there is only ever one writer; the
spaCy analysis runs in a child process so page requests are not starved of the GIL
while a batch is analysed. Each document still commits in its own transaction, so
readers see a document whole or not at all.
"""

from __future__ import annotations

import itertools
import multiprocessing
import queue
import re
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Literal

from casus.clean import clean_document
from casus.config import Settings
from casus.errors import InputError, TooLarge, UnsupportedFormat
from casus.ingest.files import decode
from casus.ingest.html import from_html
from casus.ingest.jsonl import from_record, load_json
from casus.records import Document, RawDocument
from casus.web.database import CursorStore, Database

if TYPE_CHECKING:
    from casus.analysis import Analyser, Analysis

# casus.analysis (spaCy and the model) is imported only when an ingest runs, in the worker.
Status = Literal["queued", "running", "done", "failed"]
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
_ANALYSER: Analyser | None = None


def _init_worker(settings: Settings) -> None:
    from casus.analysis import Analyser

    global _ANALYSER
    _ANALYSER = Analyser(settings)


def _analyse(documents: list[Document]) -> tuple[list[Analysis], list[str]]:
    """The batch's analyses, and one line per document the pipeline failed on."""
    from casus.batch import BatchReport, refuse

    assert _ANALYSER is not None, "worker started without its initializer"
    report = BatchReport()
    analyses = list(_ANALYSER.analyse(documents, on_error=refuse(report, lambda line: None)))
    return analyses, report.problems


def doc_id_from_name(filename: str | None, n: int) -> str:
    """A document id from an upload's file name, like ``casus ingest`` takes the stem.

    The name only ever becomes an id string; nothing is written under it.
    """
    stem = PurePath((filename or "").replace("\\", "/")).stem
    stem = re.sub(r"[\x00-\x1f\x7f]", "", stem).strip()
    return stem[:200] or f"upload-{n}"


def parse_upload(filename: str | None, data: bytes, n: int, settings: Settings
                 ) -> list[RawDocument | InputError]:
    """An uploaded file's articles, read by its suffix as ``casus ingest`` reads files."""
    origin = f"upload:{doc_id_from_name(filename, n)}"
    suffix = PurePath((filename or "").lower()).suffix or ".txt"
    if suffix not in UPLOAD_SUFFIXES:
        return [UnsupportedFormat(f"unsupported file type '{suffix}'", origin=origin)]
    if suffix != ".jsonl" and len(data) > settings.max_document_bytes:
        return [TooLarge(f"upload is {len(data):,} bytes, over the limit of "
                         f"{settings.max_document_bytes:,}", origin=origin)]
    try:
        text, warnings = decode(data, origin)
        doc_id = doc_id_from_name(filename, n)
        if suffix in (".html", ".htm"):
            return [from_html(text, doc_id, origin, warnings)]
        if suffix == ".txt":
            return [RawDocument(doc_id=doc_id, origin=origin, text=text, warnings=warnings)]
        return parse_records(text, origin, doc_id, jsonl=suffix == ".jsonl")
    except InputError as exc:
        return [exc]


def parse_records(text: str, origin: str, default_id: str, *, jsonl: bool
                  ) -> list[RawDocument | InputError]:
    out: list[RawDocument | InputError] = []
    lines = enumerate(text.splitlines(), 1) if jsonl else [(0, text)]
    for n, line in lines:
        if not line.strip():
            continue
        where = f"{origin}:{n}" if jsonl else origin
        try:
            record = load_json(line, where, lambda exc: f"at column {exc.colno}")
            out.append(from_record(record, f"{default_id}:{n}" if jsonl else default_id, where))
        except InputError as exc:
            out.append(exc)
    return out


@dataclass
class Job:
    """One ingest request and what became of it."""

    job_id: str
    items: list[RawDocument | InputError]
    status: Status = "queued"
    stored: int = 0
    unchanged: int = 0
    rejected: int = 0
    events: int = 0
    doc_ids: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    submitted: float = field(default_factory=time.time)
    finished: float | None = None
    done: threading.Event = field(default_factory=threading.Event, repr=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "job_id": self.job_id, "status": self.status, "stored": self.stored,
            "unchanged": self.unchanged, "rejected": self.rejected, "events": self.events,
            "doc_ids": self.doc_ids, "problems": self.problems,
        }


class IngestService:
    """A queue of jobs, one writer thread, and one analysis process started on demand."""

    def __init__(self, db: Database, settings: Settings, *, keep_jobs: int = 200) -> None:
        self.db = db
        self.settings = settings
        self.jobs: dict[str, Job] = {}
        self.keep_jobs = keep_jobs
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._ids = itertools.count(1)
        self._pool: ProcessPoolExecutor | None = None
        self._thread = threading.Thread(target=self._run, name="casus-writer", daemon=True)
        self._thread.start()

    def submit(self, items: Iterable[RawDocument | InputError]) -> Job:
        job = Job(job_id=f"job-{next(self._ids)}", items=list(items))
        self.jobs[job.job_id] = job
        for old in list(self.jobs)[: max(0, len(self.jobs) - self.keep_jobs)]:
            if self.jobs[old].done.is_set():
                del self.jobs[old]
        self._queue.put(job)
        return job

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=30)
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def _analyse(self, documents: list[Document]) -> tuple[list[Analysis], list[str]]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker, initargs=(self.settings,))
        return self._pool.submit(_analyse, documents).result()

    def _run(self) -> None:
        while (job := self._queue.get()) is not None:
            job.status = "running"
            try:
                self._process(job)
                job.status = "done"
            except Exception as exc:  # noqa: BLE001 - the job fails, the server goes on
                job.status = "failed"
                job.problems.append(f"ingest failed: {type(exc).__name__}: {exc}")
            finally:
                job.finished = time.time()
                job.done.set()

    def _process(self, job: Job) -> None:
        from casus.analysis import fingerprint
        from casus.batch import warn

        store = self.db.writer()
        store.dictionaries = self.settings.dictionary_folders
        try:
            fresh: list[tuple[Document, str]] = []
            for item in job.items:
                doc = self._clean(item, job)
                if doc is None:
                    continue
                fp = fingerprint(doc, self.settings)
                if store.fingerprint(doc.doc_id) == fp:
                    job.unchanged += 1
                    job.doc_ids.append(doc.doc_id)
                    continue
                fresh.append((doc, fp))
            prints = {doc.doc_id: fp for doc, fp in fresh}
            for start in range(0, len(fresh), self.settings.batch_size):
                batch = [doc for doc, _ in fresh[start:start + self.settings.batch_size]]
                analyses, failures = self._analyse(batch)
                job.rejected += len(failures)
                job.problems += failures
                for analysis in analyses:
                    warn(analysis, job.problems.append)
                    self._write(store, analysis, prints[analysis.document.doc_id], job)
        finally:
            store.con.close()

    def _write(self, store: CursorStore, analysis: Analysis, fp: str, job: Job) -> None:
        doc = analysis.document
        store.write(doc, fp, analysis.sentences, analysis.mentions, analysis.events)
        self.db.committed()
        job.stored += 1
        job.events += doc.n_events
        job.doc_ids.append(doc.doc_id)

    def _clean(self, item: RawDocument | InputError, job: Job) -> Document | None:
        if isinstance(item, RawDocument):
            try:
                job.problems += [f"{item.origin}: {w}" for w in item.warnings]
                return clean_document(item)
            except InputError as exc:
                exc.origin = exc.origin or item.origin
                item = exc
        job.rejected += 1
        job.problems.append(f"error {item.code}: {item.one_line()}")
        return None


def parse_articles(records: list[dict[str, Any]]) -> list[RawDocument | InputError]:
    """Article objects from a JSON body, read as a ``.jsonl`` line would be."""
    out: list[RawDocument | InputError] = []
    for n, record in enumerate(records, 1):
        try:
            out.append(from_record(record, default_id=f"article-{n}", origin=f"body:{n}"))
        except InputError as exc:
            out.append(exc)
    return out
