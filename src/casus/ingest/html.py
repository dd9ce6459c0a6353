"""HTML pages: trafilatura finds the article and its metadata.

trafilatura drops navigation, share bars, comment forms and footers by the page's
structure, which no line-based rule can see; cleaning then handles what is left.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import trafilatura

from casus.config import Settings
from casus.errors import NoArticle
from casus.ingest.dates import parse_published
from casus.ingest.files import read_text
from casus.records import RawDocument

MIN_ARTICLE_CHARS = 40
# Only dates the page states for itself: htmldate's extensive search would read a
# footer's "© 2021" as 2021-01-01 and date the article by it.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(path: Path, settings: Settings) -> Iterator[RawDocument]:
    html, warnings = read_text(path, settings)
    yield from_html(html, doc_id=path.stem, origin=str(path), warnings=warnings)


def from_html(html: str, doc_id: str, origin: str, warnings: list[str] | None = None,
              **meta: Any) -> RawDocument:
    """The article in a page; NoArticle when the page holds none (a menu, an error page).

    ``meta`` (title, url, source, published from a JSONL record) wins over the page's.
    """
    extracted = _extract(html, origin)
    body = getattr(extracted, "text", None) or ""
    if len(body.strip()) < MIN_ARTICLE_CHARS:
        raise NoArticle("no article text in the page", origin=origin)
    published: date | None = meta.get("published")
    if published is None:
        published, _ = parse_published(getattr(extracted, "date", None))
    return RawDocument(
        doc_id=doc_id, origin=origin, text=body,
        title=meta.get("title") or getattr(extracted, "title", None),
        url=meta.get("url") or getattr(extracted, "url", None),
        source=meta.get("source") or getattr(extracted, "sitename", None),
        published=published, warnings=list(warnings or []),
    )


def _extract(html: str, origin: str) -> Any:
    try:
        return trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params=DATE_PARAMS,
        )
    except Exception as exc:  # noqa: BLE001 - a parser failure is this page's problem only
        raise NoArticle(f"unreadable HTML ({type(exc).__name__})", origin=origin) from None
