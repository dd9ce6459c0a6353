"""Throughput of the full casus analysis against bare spaCy, same model, corpus and run.

Both sides process the same cleaned texts (the seed articles repeated under new ids to
at least --docs documents). The bare side is ``nlp.pipe`` of the model alone; the casus
side is cleaning + the model + casus's components + building every record. The two are
interleaved in rounds so that machine noise hits both alike; the last line is the ratio.

    .venv/bin/python benchmarks/throughput.py [--docs 200] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import spacy

from casus.analysis import Analyser
from casus.clean import clean_document
from casus.config import Settings
from casus.ingest import iter_inputs
from casus.records import RawDocument

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"


def corpus(n_docs: int) -> list[RawDocument]:
    seeds = [r for r in iter_inputs([SEEDS]) if isinstance(r, RawDocument)]
    if not seeds:
        sys.exit(f"no seed articles found in {SEEDS}")
    out = []
    for i in range(n_docs):
        seed = seeds[i % len(seeds)]
        out.append(RawDocument(doc_id=f"{seed.doc_id}-{i}", origin=seed.origin, text=seed.text,
                               published=seed.published))
    return out


def time_bare(nlp: spacy.Language, texts: list[str], batch_size: int) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def time_casus(analyser: Analyser, raws: list[RawDocument]) -> tuple[float, int]:
    started = time.perf_counter()
    n_events = 0
    for analysis in analyser.analyse(clean_document(r) for r in raws):
        n_events += len([json.dumps(e.to_dict()) for e in analysis.events])
    return time.perf_counter() - started, n_events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    settings = Settings.load()
    raws = corpus(args.docs)
    texts = [clean_document(r).text for r in raws]
    words = sum(len(t.split()) for t in texts)
    bare_nlp = spacy.load(settings.model)
    analyser = Analyser(settings)
    time_bare(bare_nlp, texts[:10], settings.batch_size)  # warm both up
    time_casus(analyser, raws[:10])

    bare_best = casus_best = float("inf")
    for r in range(args.rounds):
        bare = time_bare(bare_nlp, texts, settings.batch_size)
        cas, n_events = time_casus(analyser, raws)
        bare_best, casus_best = min(bare_best, bare), min(casus_best, cas)
        print(f"round {r + 1}: spacy {bare:.1f}s, casus {cas:.1f}s, {n_events} events")
    n = len(texts)
    print(f"corpus: {n} docs, {words} words; model {settings.model}; "
          f"batch {settings.batch_size}; best of {args.rounds} rounds")
    print(f"spacy {words / bare_best:,.0f} words/s, casus {words / casus_best:,.0f} words/s")
    print(f"ratio casus/spacy: {bare_best / casus_best:.2f} "
          f"(casus {n / casus_best:.1f} docs/s, spacy {n / bare_best:.1f} docs/s, {n} docs)")


if __name__ == "__main__":
    main()
