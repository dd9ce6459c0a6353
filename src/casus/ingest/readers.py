"""One reader per input format, each turning a file into RawDocuments.

HTML goes through trafilatura (main text and metadata); JSONL yields one document per
line, and a bad line is an error for that line only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import dateparser
import trafilatura

from casus.errors import InputError, MalformedRecord, NoArticle
from casus.records import RawDocument

MIN_ARTICLE_CHARS = 40


def read_txt(path: Path, text: str, warnings: list[str]) -> Iterator[RawDocument]:
    yield RawDocument(doc_id=path.stem, origin=str(path), text=text, warnings=list(warnings))


def read_html(path: Path, text: str, warnings: list[str]) -> Iterator[RawDocument]:
    yield from_html(text, doc_id=path.stem, origin=str(path), warnings=list(warnings))


def from_html(html: str, doc_id: str, origin: str, warnings: list[str] | None = None,
              **meta: Any) -> RawDocument:
    """The article in a page; NoArticle when the page holds none (a menu, an error page)."""
    try:
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
        )
    except Exception as exc:  # noqa: BLE001 - a parser failure is this page's problem only
        raise NoArticle(f"unreadable HTML ({type(exc).__name__})", origin=origin) from None
    body = getattr(extracted, "text", None) or ""
    if len(body.strip()) < MIN_ARTICLE_CHARS:
        raise NoArticle("no article text in the page", origin=origin)
    published = meta.get("published") or _parse_date(getattr(extracted, "date", None))
    return RawDocument(
        doc_id=doc_id, origin=origin, text=body,
        title=meta.get("title") or getattr(extracted, "title", None),
        url=meta.get("url") or getattr(extracted, "url", None),
        source=meta.get("source") or getattr(extracted, "sitename", None),
        published=published, warnings=warnings or [],
    )


def read_jsonl(path: Path, text: str, warnings: list[str]) -> Iterator[RawDocument | InputError]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        origin = f"{path}:{n}"
        try:
            record = json.loads(line)
            yield from_record(record, default_id=f"{path.stem}:{n}", origin=origin,
                              warnings=warnings)
        except json.JSONDecodeError as exc:
            yield MalformedRecord(f"not valid JSON ({exc.msg} at column {exc.colno})",
                                  origin=origin)
        except InputError as exc:
            yield exc


def read_json(path: Path, text: str, warnings: list[str]) -> Iterator[RawDocument | InputError]:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        yield MalformedRecord(f"not valid JSON ({exc.msg} at line {exc.lineno})",
                              origin=str(path))
        return
    try:
        yield from_record(record, default_id=path.stem, origin=str(path), warnings=warnings)
    except InputError as exc:
        yield exc


def from_record(record: Any, default_id: str, origin: str,
                warnings: list[str]) -> RawDocument:
    """An article object: ``id``, ``text`` or ``html``, optional title/url/source/published."""
    if not isinstance(record, dict):
        raise MalformedRecord("expected a JSON object", origin=origin)
    doc_id = str(record.get("id") or default_id)
    notes = list(warnings)
    published = None
    if record.get("published"):
        published = _parse_date(str(record["published"]))
        if published is None:
            notes.append(f"unreadable 'published' value {str(record['published'])[:40]!r}; "
                         "ignored")
    meta: dict[str, Any] = {"title": _str(record.get("title")), "url": _str(record.get("url")),
                            "source": _str(record.get("source")), "published": published}
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return RawDocument(doc_id=doc_id, origin=origin, text=text, warnings=notes, **meta)
    if isinstance(html, str) and html.strip():
        return from_html(html, doc_id, origin, notes, **meta)
    raise MalformedRecord("no 'text' or 'html' field with content", origin=origin)


def _str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _parse_date(value: str | None) -> date | None:
    """A metadata date: ISO first, then dateparser (absolute dates only, no 'now')."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    parsed = dateparser.parse(value, languages=["en"],
                              settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                        "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if parsed else None
