"""Printing records as JSON Lines, CSV or a Rich table."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

FORMATS = ("jsonl", "csv", "table")

# Columns a person wants to see first, per record kind, in the table view.
TABLE_COLUMNS = {
    "event": ("date", "cameo", "cameo_label", "source.name", "target.name", "modality",
              "negated", "doc_id", "sentence"),
    "doc": ("doc_id", "published", "published_from", "title", "n_events"),
    "actor": ("name", "code", "type", "aliases", "in_dictionary"),
    "suggestion": ("score", "keep.name", "merge.name", "merge.documents", "command"),
    "correction": ("seq", "kind", "actor_id", "merged_id", "mention", "new_actor_id", "name"),
    "change": ("date", "track", "previous", "state", "cameo", "source", "target"),
    "fused": ("date", "cameo", "cameo_label", "source.name", "target.name", "n_reports",
              "n_documents", "contested", "first_reported"),
}


def default_format(stream: TextIO = sys.stdout) -> str:
    return "table" if stream.isatty() else "jsonl"


def flatten(record: dict[str, Any], prefix: str = "", sep: str = ".") -> dict[str, Any]:
    """Nested records to flat columns (``source.code``); lists become JSON text."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}{sep}", sep))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def write_records(
    records: Iterable[dict[str, Any]],
    fmt: str,
    kind: str,
    stream: TextIO = sys.stdout,
) -> int:
    """Write records; returns how many. ``jsonl`` writes JSON Lines and nothing else."""
    if fmt == "jsonl":
        n = 0
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "csv":
        return _write_csv(records, stream)
    return _write_table(list(records), TABLE_COLUMNS[kind], stream)


def _write_csv(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    writer: csv.DictWriter | None = None
    n = 0
    for record in records:
        n += 1
        flat = flatten(record)
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flat)
    return n


def _cell(value: Any, width: int = 80) -> Text:
    """A plain Text cell: article text must never be read as Rich markup."""
    if value is None:
        return Text("")
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return Text(text if len(text) <= width else text[: width - 1] + "…")


def _write_table(records: list[dict[str, Any]], columns: Sequence[str], stream: TextIO) -> int:
    table = Table(show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for record in records:
        flat = flatten(record)
        table.add_row(*(_cell(flat.get(c)) for c in columns))
    Console(file=stream, highlight=False).print(table)
    return len(records)
