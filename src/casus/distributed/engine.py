"""Running ingest at scale: inputs in bounded batches to Dask workers or local processes.

The driver reads and cleans inputs (one bad file is reported and skipped, as in
``casus ingest``), skips documents whose fingerprint the dataset already holds, and
keeps at most ``2 x workers`` batches in flight, so memory stays flat whatever the
corpus size. Workers analyse and write Parquet; the driver records each finished part
in the manifest. Re-running processes only new or changed documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from casus.analysis import fingerprint
from casus.batch import BatchReport, iter_documents
from casus.config import Settings
from casus.distributed.manifest import Manifest
from casus.distributed.parquet import drop_documents
from casus.distributed.worker import BatchResult, process_batch
from casus.errors import UsageError
from casus.records import Document

ENGINES = ("local", "dask")
OnProblem = Callable[[str], None]


def run_dataset(
    paths: Iterable[str | Path],
    out: str | Path,
    settings: Settings | None = None,
    *,
    engine: str = "local",
    workers: int = 2,
    scheduler: str | None = None,
    batch_docs: int | None = None,
    on_problem: OnProblem = lambda line: None,
    on_batch: Callable[[BatchResult], None] = lambda result: None,
) -> BatchReport:
    """Analyse ``paths`` into the Parquet dataset at ``out``; returns what happened."""
    if engine not in ENGINES:
        raise UsageError(f"unknown --engine '{engine}'; use one of {', '.join(ENGINES)}")
    settings = settings or Settings.load()
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    manifest = Manifest.load(root)
    _remove_leftovers(root, manifest)
    report = BatchReport()
    held = manifest.documents()
    size = batch_docs or max(settings.batch_size * 2, 4)

    def batches() -> Iterator[list[Document]]:
        batch: list[Document] = []
        seen: set[str] = set()
        for doc in iter_documents(paths, settings, report, on_problem):
            if held.get(doc.doc_id, ("",))[0] == fingerprint(doc, settings):
                report.unchanged += 1
                continue
            if doc.doc_id in seen:
                on_problem(f"{doc.origin}: duplicate id '{doc.doc_id}'; it replaces the "
                           "earlier document with that id")
                batch = [d for d in batch if d.doc_id != doc.doc_id]
            seen.add(doc.doc_id)
            batch.append(doc)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    with _executor(engine, workers, scheduler) as submit:
        for result in _bounded(submit, batches(), settings, str(root), 2 * max(workers, 1)):
            manifest.record(result.part, result.docs)
            report.stored += len(result.docs)
            report.events += result.events
            on_batch(result)
    for part, doc_ids in manifest.stale().items():  # older copies of changed documents
        drop_documents(root, part, doc_ids)
        manifest.record(part, {d: fp for d, fp in manifest.parts[part].items()
                               if d not in doc_ids})
    return report


def _bounded(submit: Callable[..., Future[Any]], batches: Iterator[list[Document]],
             settings: Settings, root: str, limit: int) -> Iterator[BatchResult]:
    pending: set[Future[Any]] = set()
    for batch in batches:
        pending.add(submit(process_batch, batch, settings, root))
        if len(pending) >= limit:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield future.result()


@contextmanager
def _executor(engine: str, workers: int, scheduler: str | None
              ) -> Iterator[Callable[..., Future[Any]]]:
    if engine == "local":  # worker processes, even one: the driver only reads and records
        with ProcessPoolExecutor(max_workers=max(workers, 1)) as pool:
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


def _dask_submit(client: Any) -> Callable[..., Future[Any]]:
    """Dask futures behave like concurrent.futures ones for ``wait``: wrap them."""

    def submit(fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        dask_future = client.submit(fn, *args, pure=False)

        def done(f: Any) -> None:
            try:
                future.set_result(f.result())
            except BaseException as exc:  # noqa: BLE001 - handed to the driver
                future.set_exception(exc)

        dask_future.add_done_callback(done)
        return future

    return submit


def _remove_leftovers(root: Path, manifest: Manifest) -> None:
    """Part files the manifest does not name were being written when a run stopped."""
    known = set(manifest.parts)
    for path in root.glob("*/month=*/*"):
        part = path.name.removeprefix("part-").removesuffix(".parquet")
        if path.name.startswith(".") or part not in known:
            path.unlink()
