"""Parquet files of one batch: the store's four tables, split by publication month.

Columns and types are the store's own (``casus.store.writes``), so a dataset read back
through DuckDB has exactly a casus database's tables. Files are written to a temporary
name and renamed, so a crash never leaves half a file under a real name.

Layout: ``ROOT/<table>/month=YYYY-MM/part-<part>.parquet`` (``month=undated`` for a
document with no publication date); a part's rows for one month are in one file.
"""

from __future__ import annotations

import os
import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from casus.store.writes import (
    DOC_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    SENTENCE_COLUMNS,
    WINDOW_COLUMNS,
)

TABLES: dict[str, Sequence[tuple[str, str]]] = {
    "documents": DOC_COLUMNS, "sentences": SENTENCE_COLUMNS,
    "mentions": MENTION_COLUMNS, "events": EVENT_COLUMNS, "document_dates": WINDOW_COLUMNS,
}
# DuckDB's JSON is text in Parquet; the dataset's views cast it back.
_ARROW = {"VARCHAR": pa.string(), "JSON": pa.string(), "INTEGER": pa.int32(),
          "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.date32()}
UNDATED = "undated"


def schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW[sql]) for name, sql in TABLES[table]])


def month_of(published: date | None) -> str:
    return published.strftime("%Y-%m") if published else UNDATED


def part_name(part: str) -> str:
    return f"part-{part}.parquet"


def part_files(root: Path, part: str) -> list[Path]:
    return sorted(root.glob(f"*/month=*/{part_name(part)}"))


def write_part(root: Path, part: str, rows: dict[str, list[tuple[Any, ...]]],
               months: dict[str, str]) -> list[Path]:
    """Write one batch's rows; ``months`` maps doc_id -> partition. Returns the files."""
    written = []
    for table, table_rows in rows.items():
        doc_index = [name for name, _ in TABLES[table]].index("doc_id")
        by_month: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for row in table_rows:
            by_month[months[row[doc_index]]].append(row)
        for month, month_rows in sorted(by_month.items()):
            target = root / table / f"month={month}" / part_name(part)
            columns = list(zip(*month_rows, strict=True))
            arrays = [pa.array(list(col), type=f.type)
                      for col, f in zip(columns, schema(table), strict=True)]
            _write_atomically(pa.Table.from_arrays(arrays, schema=schema(table)), target)
            written.append(target)
    return written


def drop_documents(root: Path, part: str, doc_ids: set[str]) -> None:
    """Rewrite a part's files without these documents (a changed or duplicate one)."""
    for path in part_files(root, part):
        table = pq.ParquetFile(path).read()  # the file alone: no hive column added
        keep = pa.array([d not in doc_ids for d in table.column("doc_id").to_pylist()])
        if keep.true_count == len(keep):
            continue
        if keep.true_count == 0:
            path.unlink()
        else:
            _write_atomically(table.filter(keep), path)


def remove_leftovers(root: Path, known: set[str]) -> None:
    """Files of parts the manifest does not name were being written when a run stopped."""
    for path in root.glob("*/month=*/*"):
        part = path.name.removeprefix("part-").removesuffix(".parquet")
        if path.is_file() and (path.name.startswith(".") or part not in known):
            path.unlink()


def _write_atomically(table: pa.Table, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, target)
