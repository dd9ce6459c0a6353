"""Article records: ``.jsonl`` (one object a line) and ``.json`` (one object).

A record is ``id``, ``text`` or ``html``, and optional ``title``, ``url``, ``source``,
``published``. JSONL files are read line by line, so a corpus file may be far larger
than one document: the size limit applies to each line, and a bad line is an error
for that line only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from casus.config import Settings
from casus.errors import EmptyInput, InputError, MalformedRecord, TooLarge
from casus.ingest.dates import parse_published
from casus.ingest.files import SNIFF_BYTES, decode, read_text, sniff_binary
from casus.ingest.html import from_html
from casus.records import RawDocument


def read_jsonl(path: Path, settings: Settings) -> Iterator[RawDocument | InputError]:
    """One RawDocument per good line, one InputError per bad line (``path:LINE``)."""
    limit = settings.max_document_bytes
    with path.open("rb") as handle:
        sniff_binary(handle.read(SNIFF_BYTES), str(path))
        handle.seek(0)
        count = 0
        for n, data in enumerate(handle, 1):
            origin = f"{path}:{n}"
            if len(data) > limit:
                yield TooLarge(f"line is {len(data):,} bytes, over the limit of {limit:,}",
                               origin=origin)
                continue
            if not data.strip():
                continue
            count += 1
            yield from _line(data, n, path, origin)
    if count == 0:
        yield EmptyInput("empty file", origin=str(path))


def _line(data: bytes, n: int, path: Path, origin: str) -> Iterator[RawDocument | InputError]:
    try:
        text, warnings = decode(data, origin)
        record = json.loads(text)
        yield from_record(record, default_id=f"{path.stem}:{n}", origin=origin,
                          warnings=warnings)
    except json.JSONDecodeError as exc:
        yield MalformedRecord(f"not valid JSON ({exc.msg} at column {exc.colno})",
                              origin=origin)
    except InputError as exc:
        yield exc


def read_json(path: Path, settings: Settings) -> Iterator[RawDocument | InputError]:
    """A ``.json`` file holding one article object."""
    text, warnings = read_text(path, settings)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        yield MalformedRecord(f"not valid JSON ({exc.msg} at line {exc.lineno})",
                              origin=str(path))
        return
    yield from_record(record, default_id=path.stem, origin=str(path), warnings=warnings)


def from_record(record: Any, default_id: str, origin: str,
                warnings: list[str] | None = None) -> RawDocument:
    """An article object as a RawDocument; MalformedRecord when it is not one."""
    if not isinstance(record, dict):
        kind = type(record).__name__
        raise MalformedRecord(f"expected a JSON object, found {kind}", origin=origin)
    notes = list(warnings or [])
    published, note = parse_published(record.get("published"))
    if note:
        notes.append(note)
    raw_id = record.get("id")
    meta: dict[str, Any] = {
        "title": _str(record.get("title")), "url": _str(record.get("url")),
        "source": _str(record.get("source")), "published": published,
    }
    doc_id = str(raw_id).strip() if _str(raw_id) else default_id
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return RawDocument(doc_id=doc_id, origin=origin, text=text, warnings=notes, **meta)
    if isinstance(html, str) and html.strip():
        return from_html(html, doc_id, origin, notes, **meta)
    raise MalformedRecord("no 'text' or 'html' field with content", origin=origin)


def _str(value: Any) -> str | None:
    """A metadata value as text; empty and non-scalar values count as absent."""
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None
