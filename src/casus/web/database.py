"""The server owns the database: one read-write DuckDB connection, reads on cursors.

DuckDB lets one process write a file. If the web app opened it read-only, any ingest
would have to wait for it to close, and an ingest holding it would lock the app out
("database is locked" on a user's screen). So the server opens the file read-write once
and does everything through it: each request reads on a fresh cursor inside one read
transaction (a snapshot: its count and its page agree even while a document commits),
and ingests are written by a single writer thread on its own cursor (``ingest.py``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from casus.store import Store


class CursorStore(Store):
    """A ``Store`` over a cursor of the server's connection, for the writer thread.

    ``run_ingest``-style code writes through ``Store`` methods; this gives it one that
    shares the server's database instance instead of opening the locked file again.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:  # noqa: D107
        self.path = path
        self.con = con


class Database:
    """The open store plus cursors for readers and for the one writer."""

    def __init__(self, path: str | Path, store: Store | None = None) -> None:
        self.path = str(path)
        # a new file is created and migrated; a Parquet dataset comes as a read-only store
        self.store = store or Store(self.path, read_only=False)
        self.read_only = store is not None
        self._lock = threading.Lock()
        self.generation = 0  # bumped after every committed document, for clients to poll

    @classmethod
    def from_dataset(cls, root: str | Path) -> Database:
        """Serve a Parquet dataset (casus ingest --engine ... --out DIR): reads only."""
        return cls(root, Store.from_dataset(root))

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        with self._lock:  # cursor creation touches the parent connection's state
            return self.store.con.cursor()

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor in a read transaction: every query in it sees the same snapshot."""
        cur = self._cursor()
        try:
            cur.execute("BEGIN TRANSACTION")
            yield cur
        finally:
            try:
                cur.execute("ROLLBACK")
            finally:
                cur.close()

    def writer(self) -> CursorStore:
        return CursorStore(self._cursor(), self.path)

    def committed(self) -> None:
        with self._lock:
            self.generation += 1

    def close(self) -> None:
        self.store.close()
