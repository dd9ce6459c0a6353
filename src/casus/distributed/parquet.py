"""Parquet files of one batch: the store's four tables, split by publication month.

Columns and types are the store's own (``casus.store.writes``), so a dataset read back
through DuckDB has exactly a casus database's tables. Files are written to a temporary
name and renamed, so a crash never leaves half a file.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from casus.store.writes import DOC_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS, SENTENCE_COLUMNS

TABLES: dict[str, Sequence[tuple[str, str]]] = {
    "documents": DOC_COLUMNS, "sentences": SENTENCE_COLUMNS,
    "mentions": MENTION_COLUMNS, "events": EVENT_COLUMNS,
}
_ARROW = {"VARCHAR": pa.string(), "JSON": pa.string(), "INTEGER": pa.int32(),
          "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.date32()}
UNDATED = "undated"


def schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW[sql]) for name, sql in TABLES[table]])


def month_of(published: Any) -> str:
    return published.strftime("%Y-%m") if published else UNDATED


def part_files(root: Path, part: str) -> list[Path]:
    return sorted(root.glob(f"*/month=*/part-{part}.parquet"))


def write_part(root: Path, part: str, rows: dict[str, list[tuple[Any, ...]]],
               months: dict[str, str]) -> list[Path]:
    """Write one batch's rows; ``months`` maps doc_id -> partition. Returns the files."""
    written = []
    for table, table_rows in rows.items():
        by_month: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for row in table_rows:
            by_month[months[row[_doc_index(table)]]].append(row)
        for month, month_rows in by_month.items():
            folder = root / table / f"month={month}"
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"part-{part}.parquet"
            tmp = folder / f".part-{part}.{os.getpid()}.tmp"
            columns = list(zip(*month_rows, strict=True))
            arrays = [pa.array(list(col), type=field.type)
                      for col, field in zip(columns, schema(table), strict=True)]
            pq.write_table(pa.Table.from_arrays(arrays, schema=schema(table)), tmp)
            os.replace(tmp, target)
            written.append(target)
    return written


def _doc_index(table: str) -> int:
    return [name for name, _ in TABLES[table]].index("doc_id")


def drop_documents(root: Path, part: str, doc_ids: set[str]) -> None:
    """Rewrite a part's files without these documents (a changed or moved document)."""
    for path in part_files(root, part):
        table = pq.read_table(path)
        keep = [d not in doc_ids for d in table.column("doc_id").to_pylist()]
        if all(keep):
            continue
        kept = table.filter(pa.array(keep))
        if kept.num_rows == 0:
            path.unlink()
            continue
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        pq.write_table(kept, tmp)
        os.replace(tmp, path)
