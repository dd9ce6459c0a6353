"""casus: sourced, queryable event data from conflict and diplomacy reporting.

The public API is small; heavy modules (spaCy, DuckDB) load on first use.

    >>> import casus
    >>> events = casus.analyse("Iraqi police arrested a militia commander in Basra on "
    ...                        "Monday.", published="2024-03-06")      # doctest: +SKIP
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["analyse", "Store", "load_pipeline", "__version__"]

if TYPE_CHECKING:
    from spacy.language import Language

    from casus.store import Store


def analyse(
    text_or_path: str | Path,
    *,
    published: date | str | None = None,
    doc_id: str = "text",
    dictionaries: list[str | Path] | None = None,
    verbs: str | None = None,
    require_dyad: bool | None = None,
) -> list[dict[str, Any]]:
    """Event records (CONTRACT.md shape) for an article given as text or as a file path.

    ``published`` anchors relative dates ("last Friday"); without it and without a
    dateline they stay undated. A path is read like ``casus ingest`` reads it.
    ``dictionaries``: extra dictionary folders (casus YAML or PETRARCH files), used
    beside the built-in ones, like ``casus ingest --dictionaries``. When a folder has a
    PETRARCH verbs file, ``verbs`` says whether its events come ``"beside"`` casus's
    (default) or ``"instead"`` of them, and ``require_dyad=False`` keeps its one-sided
    events (docs/dictionaries.md).
    """
    from casus.errors import InputError
    from casus.ingest import iter_inputs
    from casus.records import RawDocument

    if isinstance(published, str):
        published = date.fromisoformat(published)
    if isinstance(text_or_path, Path) or _names_a_file(text_or_path):
        items = list(iter_inputs([text_or_path]))
        for item in items:
            if isinstance(item, InputError):
                raise item
    else:
        items = [RawDocument(doc_id=doc_id, origin=doc_id, text=str(text_or_path),
                             published=published)]
    raws = [i for i in items if isinstance(i, RawDocument)]
    for raw in raws:
        raw.published = raw.published or published
    options = {"verbs": verbs,
               "require_dyad": None if require_dyad is None else ("yes" if require_dyad else "no")}
    return [e.to_dict() for a in _analyse_raw(raws, dictionaries, **options) for e in a.events]


def _names_a_file(text: str) -> bool:
    """Whether a string given to ``analyse`` is a path to a file rather than text. A
    sentence longer than a file name may be is text, not an error (ENAMETOOLONG)."""
    if len(text) >= 4096 or "\n" in text:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # too long for a file name, or a NUL byte
        return False


def _analyse_raw(raws: list[Any], dictionaries: list[str | Path] | None = None,
                 **options: Any) -> Any:
    """Clean and analyse already-read documents (``options``: other settings)."""
    import os

    from casus.analysis import Analyser
    from casus.clean import clean_document
    from casus.config import Settings

    settings = Settings.load(dictionaries=os.pathsep.join(map(str, dictionaries))
                             if dictionaries else None, **options)
    return Analyser(settings).analyse(clean_document(r) for r in raws)


def load_pipeline() -> Language:
    """The configured spaCy pipeline with casus's components."""
    from casus.nlp.pipeline import load_pipeline as _load

    return _load()


def __getattr__(name: str) -> Any:
    if name == "Store":
        from casus.store import Store

        return Store
    raise AttributeError(name)
