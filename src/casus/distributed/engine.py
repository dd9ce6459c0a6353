"""Running ingest at scale: inputs in bounded batches to Dask workers or local processes.

The driver reads and cleans inputs (one bad file is reported and skipped, as in
``casus ingest``), skips documents whose fingerprint the dataset already holds, and
keeps at most ``2 x workers`` batches in flight, so its memory stays flat whatever the
corpus size. Workers analyse and write Parquet; the driver records each finished part
in the manifest and, when a part replaces older copies of its documents, rewrites the
older parts without them. Re-running processes only new or changed documents.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from casus.analysis import fingerprint
from casus.batch import BatchReport, iter_documents
from casus.config import Settings
from casus.distributed.manifest import Manifest
from casus.distributed.parquet import drop_documents, remove_leftovers
from casus.distributed.worker import Batch, BatchResult, part_id, process_batch
from casus.errors import UsageError
from casus.records import Document

ENGINES = ("local", "dask")
OnProblem = Callable[[str], None]
Submit = Callable[..., "Future[BatchResult]"]


def run_dataset(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    settings: Settings | None = None,
    *,
    engine: str = "local",
    workers: int = 2,
    scheduler: str | None = None,
    batch_docs: int | None = None,
    on_problem: OnProblem = lambda line: None,
    on_batch: Callable[[BatchResult], None] = lambda result: None,
) -> BatchReport:
    """Analyse ``paths`` into the Parquet dataset at ``out_dir``; returns what happened.

    ``engine`` is "local" (worker processes on this machine) or "dask" (a LocalCluster
    of ``workers`` processes, or the cluster at ``scheduler``). ``batch_docs`` documents
    go to a worker at a time (default ``settings.batch_size * 8``).
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown --engine '{engine}'; use one of {', '.join(ENGINES)}")
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    settings = settings or Settings.load()
    root = Path(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    manifest = Manifest.load(root)
    remove_leftovers(root, set(manifest.parts))
    _settle(root, manifest, manifest.stale())  # a run that stopped half-way through
    report = BatchReport()
    size = batch_docs or max(settings.batch_size * 8, 1)
    batches = _batches(paths, settings, manifest, report, on_problem, size)
    with _executor(engine, workers, scheduler) as submit:
        for result in _bounded(submit, batches, settings, str(root), 2 * workers):
            _settle(root, manifest, manifest.record(result.part, result.seq, result.docs))
            report.stored += len(result.docs)
            report.events += result.events
            report.rejected += result.rejected
            for line in result.problems:
                report.problems.append(line)
                on_problem(line)
            on_batch(result)
    return report


def _batches(paths: Iterable[str | Path], settings: Settings, manifest: Manifest,
             report: BatchReport, on_problem: OnProblem, size: int) -> Iterator[Batch]:
    """New or changed documents in batches of ``size``, numbered in input order."""
    seq = manifest.next_seq
    batch: dict[str, Document] = {}
    fingerprints: dict[str, str] = {}
    this_run: dict[str, str] = {}  # doc_id -> fingerprint, for duplicate ids
    for doc in iter_documents(paths, settings, report, on_problem):
        fp = fingerprint(doc, settings)
        if this_run.get(doc.doc_id, manifest.fingerprint(doc.doc_id)) == fp:
            report.unchanged += 1
            continue
        if doc.doc_id in this_run:
            on_problem(f"{doc.origin}: duplicate id '{doc.doc_id}'; it replaces the "
                       "earlier document with that id")
            batch.pop(doc.doc_id, None)  # in a batch already sent, the manifest decides
        this_run[doc.doc_id] = fp
        batch[doc.doc_id] = doc
        fingerprints[doc.doc_id] = fp
        if len(batch) >= size:
            yield _batch(batch, fingerprints, seq)
            seq, batch, fingerprints = seq + 1, {}, {}
    if batch:
        yield _batch(batch, fingerprints, seq)


def _batch(docs: dict[str, Document], fingerprints: dict[str, str], seq: int) -> Batch:
    fps = {doc_id: fingerprints[doc_id] for doc_id in docs}
    return Batch(part_id(fps), seq, list(docs.values()), fps)


def _settle(root: Path, manifest: Manifest, stale: dict[str, set[str]]) -> None:
    """Rewrite parts without the documents a later part replaced, then log them."""
    for part, doc_ids in stale.items():
        drop_documents(root, part, doc_ids)
        entry = manifest.parts[part]
        manifest.record(part, entry.seq, {d: fp for d, fp in entry.docs.items()
                                          if d not in doc_ids})


def _bounded(submit: Submit, batches: Iterator[Batch], settings: Settings, root: str,
             limit: int) -> Iterator[BatchResult]:
    """Results as they finish, with at most ``limit`` batches submitted and unfinished."""
    pending: set[Future[BatchResult]] = set()
    for batch in batches:
        pending.add(submit(process_batch, batch, settings, root))
        while len(pending) >= limit:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield future.result()


@contextmanager
def _executor(engine: str, workers: int, scheduler: str | None) -> Iterator[Submit]:
    if engine == "local":  # worker processes, even one: the driver only reads and records
        # spawn, not fork: the driver may hold threads (a web server, a progress bar)
        # and a forked copy of a large parent would blur each worker's memory.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            yield pool.submit
        return
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield _dask_submit(client)
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield _dask_submit(client)


def _dask_submit(client: Any) -> Submit:
    """Dask futures as concurrent.futures ones, so one ``wait`` loop serves both."""

    def submit(fn: Callable[..., BatchResult], *args: Any) -> Future[BatchResult]:
        future: Future[BatchResult] = Future()
        dask_future = client.submit(fn, *args, pure=False)

        def done(finished: Any) -> None:
            try:
                future.set_result(finished.result())
            except BaseException as exc:  # noqa: BLE001 - handed to the driver
                future.set_exception(exc)

        dask_future.add_done_callback(done)
        return future

    return submit
