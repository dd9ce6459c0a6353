"""Reading a Parquet dataset through DuckDB as if it were a casus database.

An in-memory DuckDB gets one view per store table over that table's Parquet files
(``read_parquet`` with hive partitions). Each view selects the store's columns by name
and casts them to the store's types, so the ``month`` partition column is gone and the
JSON ``record`` is JSON again: every query in casus.store works on it unchanged. A
table with no files yet (a dataset with no events) is a view with the same columns and
no rows. Views are bound at query time, so nothing is read until a query asks.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from casus.distributed.parquet import TABLES
from casus.errors import StoreError

if TYPE_CHECKING:
    from casus.store import Store

DATASET_SCHEMA_VERSION = "2"  # the store schema whose tables the views reproduce


def connect_dataset(out_dir: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory connection with views documents, sentences, mentions, events, meta."""
    folder = Path(out_dir)
    if not folder.is_dir():
        raise StoreError("no Parquet dataset here; write one with casus ingest --engine "
                         "... --out DIR", origin=str(folder))
    con = duckdb.connect(":memory:")
    for table, columns in TABLES.items():
        con.execute(f"CREATE VIEW {table} AS {_select(folder, table, columns)}")
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', ?), ('dataset', ?)",
                [DATASET_SCHEMA_VERSION, str(folder.resolve())])
    return con


def _select(folder: Path, table: str, columns: Sequence[tuple[str, str]]) -> str:
    """The query behind a table's view; ``table`` and ``columns`` are our constants."""
    if not any((folder / table).glob("month=*/part-*.parquet")):
        typed = ", ".join(f"CAST(NULL AS {sql}) AS {name}" for name, sql in columns)
        return f"SELECT {typed} WHERE false"
    pattern = _quote(str(folder / table / "month=*" / "part-*.parquet"))
    typed = ", ".join(f"CAST({name} AS {sql}) AS {name}" for name, sql in columns)
    return (f"SELECT {typed} FROM read_parquet({pattern}, hive_partitioning = true, "
            "union_by_name = true)")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def open_dataset(out_dir: str | Path) -> Store:
    """A read-only ``casus.store.Store`` over the dataset at ``out_dir``."""
    from casus.store import Store

    return Store.from_dataset(out_dir)
