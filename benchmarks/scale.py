"""Scale-out benchmark: documents/s with 1 and 2 workers, and peak memory per worker.

Builds a corpus of N documents (default 20,000) by repeating the real articles of
../shared/corpus under new ids (a JSONL file in a temporary folder), then runs
``run_dataset`` over it with 1 worker and with 2 workers (``--engine``: local processes
by default, or a Dask LocalCluster), sampling the resident memory of every worker
process. Both runs are in this process's lifetime, so the ratio compares like with like
on this machine. Each run also prints the cores it used and the cores other processes
used meanwhile: on a shared machine the second number says when a ratio is not the
engine's. Ends with one summary line:

    ratio 2 workers/1 worker: 1.82 (1w 5.1 docs/s, 2w 9.3 docs/s, 20000 docs, local,
    peak RSS/worker 410 MB)

    .venv/bin/python benchmarks/scale.py [--docs 20000] [--engine local|dask]
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def real_articles() -> list[dict]:
    """The shared corpus's articles as JSONL objects (text and metadata)."""
    articles = []
    for path in sorted((CORPUS / "seeds").glob("*.txt")):
        articles.append({"id": path.stem, "text": path.read_text("utf-8")})
    for path in sorted((CORPUS / "official").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                articles.append(json.loads(line))
    return articles


def build_corpus(folder: Path, n: int) -> Path:
    articles = real_articles()
    path = folder / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(n):
            article = dict(articles[i % len(articles)])
            article["id"] = f"bench-{i:06d}"
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


class PeakWorkerMemory:
    """Samples the RSS of every child process (the workers) while a run lasts.

    ``halves`` gives the peak over all workers in the first and the second half of the
    run: equal within noise when a worker's memory is flat over the corpus.
    """

    def __init__(self, interval: float = 0.5) -> None:
        self.interval = interval
        self.samples: list[tuple[float, int]] = []  # (time, rss) of one worker
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            now = time.perf_counter()
            for child in me.children(recursive=True):
                try:
                    self.samples.append((now, child.memory_info().rss))
                except psutil.Error:
                    continue
            time.sleep(self.interval)

    @property
    def peak(self) -> int:
        return max((rss for _, rss in self.samples), default=0)

    def halves(self) -> tuple[int, int]:
        if not self.samples:
            return 0, 0
        middle = (self.samples[0][0] + self.samples[-1][0]) / 2
        first = max((rss for t, rss in self.samples if t <= middle), default=0)
        second = max((rss for t, rss in self.samples if t > middle), default=0)
        return first, second

    def __enter__(self) -> PeakWorkerMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run(corpus: Path, out: Path, workers: int, engine: str) -> dict[str, float]:
    """One run over ``corpus``: end-to-end and steady-state docs/s, worker memory."""
    from casus.distributed import run_dataset

    first: list[tuple[float, int]] = []  # when the first batch came back, and its size

    def on_batch(result: Any) -> None:
        if not first:
            first.append((time.perf_counter(), len(result.docs)))

    busy, ours = machine_busy(), cpu_used()
    with PeakWorkerMemory() as memory:
        started = time.perf_counter()
        report = run_dataset([corpus], out, engine=engine, workers=workers, on_batch=on_batch)
        ended = time.perf_counter()
    busy, ours = machine_busy() - busy, cpu_used() - ours
    warm, warm_docs = first[0] if first else (started, 0)
    early, late = memory.halves()
    seconds = ended - started
    return {"docs": report.stored, "rate": report.stored / seconds,
            "steady": (report.stored - warm_docs) / max(ended - warm, 1e-9),
            "seconds": seconds, "peak": memory.peak / 2**20,
            "early": early / 2**20, "late": late / 2**20,
            "ours": ours / seconds, "others": max(busy - ours, 0.0) / seconds}


def machine_busy() -> float:
    """CPU seconds the whole machine has been busy (all processes, all cores)."""
    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


def cpu_used() -> float:
    """CPU seconds of this process and its finished children (the workers, once joined)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def describe(label: str, r: dict[str, float]) -> str:
    return (f"{label}: {r['rate']:.2f} docs/s end to end ({r['docs']:.0f} docs in "
            f"{r['seconds']:.0f} s), {r['steady']:.2f} docs/s after the first batch; "
            f"peak worker RSS {r['peak']:.0f} MB (first half {r['early']:.0f} MB, "
            f"second half {r['late']:.0f} MB); cores used: this run {r['ours']:.2f}, "
            f"other processes {r['others']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = build_corpus(folder, args.docs)
        one = run(corpus, folder / "one", 1, args.engine)
        print(describe("1 worker", one), flush=True)
        two = run(corpus, folder / "two", 2, args.engine)
        print(describe("2 workers", two), flush=True)
    print(f"ratio 2 workers/1 worker: {two['rate'] / one['rate']:.2f} (1w {one['rate']:.2f} "
          f"docs/s, 2w {two['rate']:.2f} docs/s, {args.docs} docs, {args.engine}, "
          f"peak RSS/worker {max(one['peak'], two['peak']):.0f} MB)")


if __name__ == "__main__":
    main()
