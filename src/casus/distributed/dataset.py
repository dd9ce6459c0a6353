"""Reading a Parquet dataset through DuckDB as if it were a casus database.

An in-memory DuckDB gets one view per store table over that table's Parquet files
(``read_parquet`` with hive partitions). Each view selects the store's columns by name
and casts them to the store's types, so the ``month`` partition column is gone and the
JSON ``record`` is JSON again: every query in casus.store works on it unchanged. A
table with no files yet (a dataset with no events) is a view with the same columns and
no rows. Views are bound at query time, so nothing is read until a query asks; the
file list is fixed when the connection is made.

The manifest is the commit log: a view shows a row only if its file is the part the
manifest names for its document. So a reader never sees a part a killed run wrote but
did not record, nor the older copy of a changed document that the run had not yet
dropped: between a crash and the next run the dataset reads as of its last commit.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from casus.distributed.manifest import NAME, Manifest
from casus.distributed.parquet import TABLES, part_name
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
    committed: set[str] | None = None
    if (folder / NAME).exists():
        visible = Manifest.load(folder, compact=False).visible()
        committed = set(visible.values())
        con.execute("CREATE TABLE _visible (doc_id VARCHAR PRIMARY KEY, part VARCHAR)")
        con.execute("INSERT INTO _visible SELECT unnest(?), unnest(?)",
                    [list(visible), list(visible.values())])
    for table, columns in TABLES.items():
        con.execute(f"CREATE VIEW {table} AS {_select(folder, table, columns, committed)}")
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', ?), ('dataset', ?)",
                [DATASET_SCHEMA_VERSION, str(folder.resolve())])
    return con


def _select(folder: Path, table: str, columns: Sequence[tuple[str, str]],
            committed: set[str] | None) -> str:
    """The query behind a table's view; ``table`` and ``columns`` are our constants.

    ``committed``: the parts the manifest names. Only their files are read (a file a
    killed run left is never even opened), and of those only the rows of the part
    that holds each document's latest copy. A dataset without a manifest (copied from
    elsewhere) is read whole.
    """
    files = sorted((folder / table).glob("month=*/part-*.parquet"))
    if committed is not None:
        names = {part_name(part) for part in committed}
        files = [f for f in files if f.name in names]
    if not files:
        typed = ", ".join(f"CAST(NULL AS {sql}) AS {name}" for name, sql in columns)
        return f"SELECT {typed} WHERE false"
    listed = "[" + ", ".join(_quote(str(f)) for f in files) + "]"
    typed = ", ".join(f"CAST(t.{name} AS {sql}) AS {name}" for name, sql in columns)
    source = (f"read_parquet({listed}, hive_partitioning = true, union_by_name = true, "
              "filename = true) AS t")
    if committed is None:
        return f"SELECT {typed} FROM {source}"
    return (f"SELECT {typed} FROM {source} SEMI JOIN _visible AS v ON t.doc_id = v.doc_id "
            f"AND ends_with(t.filename, {_quote(os.sep + 'part-')} || v.part || '.parquet')")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def open_dataset(out_dir: str | Path) -> Store:
    """A read-only ``casus.store.Store`` over the dataset at ``out_dir``."""
    from casus.store import Store

    return Store.from_dataset(out_dir)
