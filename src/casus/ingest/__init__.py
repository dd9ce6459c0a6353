"""Reading inputs: files, folders and globs of .txt, .html/.htm, .jsonl and .json.

``iter_inputs`` yields a ``RawDocument`` per article and an ``InputError`` per problem,
so a caller's loop decides what to report and one bad file never stops a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from casus.config import Settings
from casus.errors import InputError
from casus.ingest.files import expand
from casus.ingest.html import from_html, read_html
from casus.ingest.jsonl import from_record, read_json, read_jsonl
from casus.ingest.txt import read_txt
from casus.records import RawDocument

__all__ = ["from_html", "from_record", "iter_inputs"]

Reader = Callable[[Path, Settings], Iterator[RawDocument | InputError]]
READERS: dict[str, Reader] = {
    ".txt": read_txt, ".html": read_html, ".htm": read_html,
    ".jsonl": read_jsonl, ".json": read_json,
}


def iter_inputs(
    paths: Iterable[str | Path], settings: Settings | None = None
) -> Iterator[RawDocument | InputError]:
    """Every article in ``paths``, in a stable order, and every problem, one per input."""
    settings = settings or Settings.load()
    for item in expand(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from _read(item, settings)


def _read(path: Path, settings: Settings) -> Iterator[RawDocument | InputError]:
    """The reader's output; an error raised part-way ends this file only."""
    try:
        yield from READERS[path.suffix.lower()](path, settings)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(f"cannot read the file ({exc.strerror or exc})", origin=str(path))
    except MemoryError:
        yield InputError("not enough memory to read the file", origin=str(path))
