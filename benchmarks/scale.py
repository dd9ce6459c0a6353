"""Scale-out benchmark: documents/s with 1 and 2 workers, and peak memory per worker.

Builds a corpus of N documents (default 20,000) by repeating the real articles of
../shared/corpus under new ids (a JSONL file in a temporary folder), then runs
``run_dataset`` over it with 1 worker and with 2 workers (``--engine``: local processes
by default, or a Dask LocalCluster), sampling the resident memory of every worker
process. Both runs are in this process's lifetime, so the ratio compares like with like
on this machine. Ends with one summary line:

    ratio 2 workers/1 worker: 1.82 (1w 5.1 docs/s, 2w 9.3 docs/s, 20000 docs, local,
    peak RSS/worker 410 MB)

    .venv/bin/python benchmarks/scale.py [--docs 20000] [--engine local|dask]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
from pathlib import Path

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
    """Samples the RSS of every child process (the workers) while a run lasts."""

    def __init__(self, interval: float = 0.5) -> None:
        self.interval = interval
        self.peak = 0
        self.samples: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            for child in me.children(recursive=True):
                try:
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                self.peak = max(self.peak, rss)
                self.samples.append(rss)
            time.sleep(self.interval)

    def __enter__(self) -> PeakWorkerMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run(corpus: Path, out: Path, workers: int, engine: str) -> tuple[float, int, int]:
    from casus.distributed import run_dataset

    with PeakWorkerMemory() as memory:
        started = time.perf_counter()
        report = run_dataset([corpus], out, engine=engine, workers=workers)
        elapsed = time.perf_counter() - started
    return report.stored / elapsed, memory.peak, report.stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = build_corpus(folder, args.docs)
        one, mem1, n1 = run(corpus, folder / "one", 1, args.engine)
        print(f"1 worker: {one:.2f} docs/s ({n1} docs), peak worker RSS {mem1 / 2**20:.0f} MB")
        two, mem2, n2 = run(corpus, folder / "two", 2, args.engine)
        print(f"2 workers: {two:.2f} docs/s ({n2} docs), peak worker RSS {mem2 / 2**20:.0f} MB")
    print(f"ratio 2 workers/1 worker: {two / one:.2f} (1w {one:.2f} docs/s, 2w {two:.2f} "
          f"docs/s, {args.docs} docs, {args.engine}, peak RSS/worker "
          f"{max(mem1, mem2) / 2**20:.0f} MB)")


if __name__ == "__main__":
    main()
