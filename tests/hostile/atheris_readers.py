"""Coverage-guided fuzzing (atheris, libFuzzer) of what ``casus ingest`` does before the NLP.

Run as a program, not collected by pytest: ``python tests/hostile/atheris_readers.py
-runs=3000 -seed=1 CORPUS_DIR``. The first byte of each input picks the file type; the
rest is the file. An input passes when reading, decoding, extracting and cleaning give
documents or one-line errors; any exception is a crash, which libFuzzer reports with
the input that caused it (and a non-zero exit). casus's modules are instrumented so
libFuzzer steers towards inputs that reach new branches.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["casus"]):
    from casus.batch import BatchReport, iter_documents
    from casus.config import Settings

SUFFIXES = (".txt", ".html", ".json", ".jsonl")
FOLDER = Path(tempfile.mkdtemp(prefix="casus-atheris-"))
SETTINGS = Settings.load()


def one_input(data: bytes) -> None:
    if not data:
        return
    path = FOLDER / f"input{SUFFIXES[data[0] % len(SUFFIXES)]}"
    path.write_bytes(data[1:])
    report, lines = BatchReport(), []
    for doc in iter_documents([str(path)], SETTINGS, report, lines.append):
        if not doc.text.strip():
            raise AssertionError("an empty document got through")
    for line in lines:
        if "\n" in line or "\r" in line:
            raise AssertionError(f"a problem line is not one line: {line!r}")
    path.unlink()


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
