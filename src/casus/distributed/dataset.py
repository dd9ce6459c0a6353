"""Reading a Parquet dataset through DuckDB as if it were a casus database.

An in-memory DuckDB gets the store's schema, then each table that has files becomes a
view over them (``read_parquet`` with hive partitions; the ``month`` partition column
is dropped so the columns are exactly the store's). Every query in casus.store works
on it unchanged; nothing is loaded until a query asks.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from casus.distributed.parquet import TABLES
from casus.errors import StoreError

if TYPE_CHECKING:
    from casus.store import Store

_INDEXES = {"events": ("events_doc", "events_cameo", "events_date", "events_source",
                       "events_target", "events_dataset"),
            "mentions": ("mentions_actor",)}


def connect_dataset(root: str | Path) -> duckdb.DuckDBPyConnection:
    folder = Path(root)
    if not folder.is_dir():
        raise StoreError("no Parquet dataset here; write one with casus ingest --engine "
                         "... --out DIR", origin=str(folder))
    con = duckdb.connect(":memory:")
    con.execute(resources.files("casus.store").joinpath("schema.sql").read_text("utf-8"))
    for table in TABLES:
        if not any((folder / table).glob("month=*/part-*.parquet")):
            continue  # no files yet: the empty table stands
        for index in _INDEXES.get(table, ()):
            con.execute(f"DROP INDEX IF EXISTS {index}")
        con.execute(f"DROP TABLE {table}")
        pattern = str(folder / table / "month=*" / "part-*.parquet").replace("'", "''")
        con.execute(f"CREATE VIEW {table} AS SELECT * EXCLUDE (month) FROM read_parquet("
                    f"'{pattern}', hive_partitioning = true, union_by_name = true)")
    return con


def open_dataset(root: str | Path) -> Store:
    """A read-only ``casus.store.Store`` over the dataset at ``root``."""
    from casus.store import Store

    return Store.from_dataset(root)
