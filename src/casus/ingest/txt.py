"""Plain-text articles: the whole file is one article, its id the file name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from casus.config import Settings
from casus.ingest.files import read_text
from casus.records import RawDocument


def read_txt(path: Path, settings: Settings) -> Iterator[RawDocument]:
    """One RawDocument; datelines and titles are found later, by cleaning."""
    text, warnings = read_text(path, settings)
    yield RawDocument(doc_id=path.stem, origin=str(path), text=text, warnings=warnings)
