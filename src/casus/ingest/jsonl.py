"""Article records: ``.jsonl`` (one object a line) and ``.json`` (one object).

A record is ``id``, ``text`` or ``html``, and optional ``title``, ``url``, ``source``,
``published``. JSONL files are read line by line, so a corpus file may be far larger
than one document: the size limit applies to each line, and a bad line is an error
for that line only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from casus.config import Settings
from casus.errors import EmptyInput, InputError, MalformedRecord, TooLarge, UndecodableInput
from casus.ingest.dates import parse_published
from casus.ingest.files import SNIFF_BYTES, UTF16_BOMS, decode, read_text, sniff_container
from casus.ingest.html import from_html
from casus.records import RawDocument

# JSON may escape half a surrogate pair ("\ud800"), which no UTF-8 text can hold: the
# store, the fingerprint and every export would fail on it.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
CHUNK = 1 << 20  # lines are measured this much at a time


def read_jsonl(path: Path, settings: Settings) -> Iterator[RawDocument | InputError]:
    """One RawDocument per good line, one InputError per bad line (``path:LINE``)."""
    limit = settings.max_document_bytes
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
        if head.startswith(UTF16_BOMS):
            raise UndecodableInput("JSONL in UTF-16 cannot be read line by line",
                                   origin=str(path))
        sniff_container(head, str(path))
        handle.seek(0)
        count = 0
        for n, (data, size) in enumerate(_lines(handle, limit), 1):
            origin = f"{path}:{n}"
            if size > limit:
                count += 1
                yield TooLarge(f"line is {size:,} bytes, over the limit of {limit:,}",
                               origin=origin)
                continue
            if not data.strip():
                continue
            count += 1
            yield from _line(data, n, path, origin)
    if count == 0:
        yield EmptyInput("empty file", origin=str(path))


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[bytes, int]]:
    """Each line without its newline, and its size. A line is measured in chunks before
    it is read whole, so a line over ``limit`` (its bytes come back empty) costs one
    chunk of memory however long it is."""
    while True:
        start, size, ended = handle.tell(), 0, False
        while chunk := handle.readline(CHUNK):
            size += len(chunk)
            if chunk.endswith(b"\n"):
                ended = True
                break
        if size == 0:
            return
        length = size - ended
        if length > limit:
            yield b"", length
            continue
        handle.seek(start)
        yield handle.read(size)[:length], length


def _line(data: bytes, n: int, path: Path, origin: str) -> Iterator[RawDocument | InputError]:
    try:
        text, warnings = decode(data, origin)
        record = load_json(text, origin, where=lambda e: f"at column {e.colno}")
        yield from_record(record, default_id=f"{path.stem}:{n}", origin=origin,
                          warnings=warnings)
    except InputError as exc:
        yield exc


def read_json(path: Path, settings: Settings) -> Iterator[RawDocument | InputError]:
    """A ``.json`` file holding one article object."""
    text, warnings = read_text(path, settings)
    record = load_json(text, str(path), where=lambda e: f"at line {e.lineno}")
    yield from_record(record, default_id=path.stem, origin=str(path), warnings=warnings)


def load_json(text: str, origin: str,
              where: Callable[[json.JSONDecodeError], str] = lambda e: f"at line {e.lineno}"
              ) -> Any:
    """``json.loads`` whose every failure is one MalformedRecord: bad syntax, nesting too
    deep for the parser ("[[[[..." overflows the stack) and integers too long to convert
    (Python refuses over 4,300 digits)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"not valid JSON ({exc.msg} {where(exc)})", origin=origin) from None
    except RecursionError:
        raise MalformedRecord("not valid JSON (nested too deeply)", origin=origin) from None
    except ValueError:  # the only other failure: int() refusing a 4,300+ digit number
        raise MalformedRecord("not valid JSON (a number too long to read)",
                              origin=origin) from None


def from_record(record: Any, default_id: str, origin: str,
                warnings: list[str] | None = None) -> RawDocument:
    """An article object as a RawDocument; MalformedRecord when it is not one."""
    if not isinstance(record, dict):
        kind = type(record).__name__
        raise MalformedRecord(f"expected a JSON object, found {kind}", origin=origin)
    record = {key: _scrub(value) for key, value in record.items()}
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


def _scrub(value: Any) -> Any:
    """A string without lone surrogates (each becomes U+FFFD); other values as they are."""
    return LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def _str(value: Any) -> str | None:
    """A metadata value as text; empty and non-scalar values count as absent."""
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None
