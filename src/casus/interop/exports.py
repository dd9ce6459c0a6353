"""``casus export``: the stored events in formats other tools read.

Every export reads one filtered stream of event records (negated events only when asked
for, like every count and graph), writes to a temporary file beside the target and
renames it into place, so an interrupted export never leaves half a file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from casus.errors import UsageError
from casus.interop import acled, gdelt, geojson, network, plover
from casus.store.frames import EVENT_COLUMNS, flat_event

if TYPE_CHECKING:
    from casus.store import EventFilter, Store

EXPORT_FORMATS = ("plover", "gdelt", "acled", "csv", "parquet", "graphml", "gexf", "geojson")
BINARY = ("parquet", "graphml", "gexf")  # need a file; the rest may go to stdout
SUFFIX = {"plover": ".jsonl", "gdelt": ".export.tsv", "acled": ".csv", "csv": ".csv",
          "parquet": ".parquet", "graphml": ".graphml", "gexf": ".gexf",
          "geojson": ".geojson"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class ExportReport:
    """How many events went out, and why the others did not."""

    fmt: str
    path: str
    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        left = "; ".join(f"{n} {why}" for why, n in self.skipped.most_common())
        return (f"{self.written} {'edges' if self.fmt in ('graphml', 'gexf') else 'events'} "
                f"→ {self.path}" + (f" (left out: {left})" if left else ""))


def _cell(value: Any) -> Any:
    """Text a spreadsheet would run as a formula is quoted: article text is hostile."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@contextmanager
def _output(path: str | None, binary: bool = False) -> Iterator[tuple[IO[Any] | None, str]]:
    """A text stream (or, for binary formats, a temp path) renamed to ``path`` on success."""
    if path in (None, "-"):
        if binary:
            raise UsageError("this format needs --out FILE")
        yield sys.stdout, "-"
        return
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"--out {path} is a folder; give a file name")
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        if binary:
            yield None, str(tmp)
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as handle:
                yield handle, str(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def export_events(store: Store, fmt: str, out: str | Path | None = None,
                  flt: EventFilter | None = None, *, fused: bool = True,
                  **filters: Any) -> ExportReport:
    """Write the events matching the filters (as ``Store.events``) to ``out`` in ``fmt``.

    By default one row per real-world event (fused reports, docs/fusion.md) with its
    report, document and source counts; ``fused=False`` writes one row per report.

    >>> export_events(store, "gdelt", "events.tsv", since="2024-01-01")  # doctest: +SKIP
    """
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format '{fmt}'; use one of {', '.join(EXPORT_FORMATS)}")
    records: Iterable[dict[str, Any]]
    if fused:
        from casus.fusion import fused_events

        negated = bool(filters.pop("include_negated", False) or (flt and flt.include_negated))
        records = (as_event_record(f) for f in fused_events(
            store, flt, include_negated=negated, **filters))
    else:
        records = store.iter_events(flt, **filters)
    report = ExportReport(fmt, str(out) if out not in (None, "-") else "stdout")
    docs = store.doc_meta() if fmt in ("plover", "gdelt", "acled") else {}
    with _output(None if out is None else str(out), fmt in BINARY) as (handle, tmp):
        if fmt == "parquet":
            _parquet(records, tmp, report)
        elif fmt in ("graphml", "gexf"):
            graph = network.build_graph(_counted(records, report))
            network.write_graph(graph, tmp, fmt)
            report.written = graph.number_of_edges()
        else:
            assert handle is not None
            for chunk in text_chunks(fmt, records, docs, report):
                handle.write(chunk)
    return report


def as_event_record(fused: dict[str, Any]) -> dict[str, Any]:
    """A fused event in the event-record shape every exporter reads: its first report's
    sentence and offsets as evidence, its report counts as GDELT's mention counts."""
    first = fused["reports"][0]
    return {
        "event_id": fused["fused_id"], "dataset": "+".join(fused["datasets"]),
        "doc_id": first["doc_id"], "sentence": first["sentence"],
        "sentence_index": first["sentence_index"], "char_start": first["char_start"],
        "char_end": first["char_end"],
        **{k: fused[k] for k in ("cameo", "cameo_root", "cameo_label", "plover", "plover_mode",
                                 "quad_class", "goldstein", "source", "target", "date",
                                 "date_precision", "location", "negated", "modality")},
        "trigger": None, "trigger_start": None, "date_text": None,
        "attribution": first.get("attribution"), "confidence": None, "url": first.get("url"),
        "num_mentions": fused["n_reports"], "num_sources": fused["n_sources"],
        "num_articles": fused["n_documents"],
        "reports": [r["event_id"] for r in fused["reports"]],
    }


def _counted(records: Iterable[dict[str, Any]], report: ExportReport
             ) -> Iterator[dict[str, Any]]:
    for record in records:
        if not record.get("source") or not record.get("target"):
            report.skipped["events without both parties"] += 1
        yield record


TEXT_FORMATS = ("plover", "gdelt", "acled", "csv", "geojson")


def text_chunks(fmt: str, records: Iterable[dict[str, Any]],
                docs: dict[str, dict[str, Any]], report: ExportReport) -> Iterator[str]:
    """A text export as a stream of chunks: written to a file here, streamed by the API."""
    if fmt == "gdelt":
        rows = (gdelt.event_row(r, docs.get(r["doc_id"])) for r in records)
        for line in gdelt.write_rows(rows):
            report.written += 1
            yield line
    elif fmt == "plover":
        for r in records:
            item = plover.record(r, docs.get(r["doc_id"]))
            if item is None:
                report.skipped["with no PLOVER category"] += 1
                continue
            report.written += 1
            yield json.dumps(item, ensure_ascii=False) + "\n"
    elif fmt == "geojson":
        def located() -> Iterator[dict[str, Any]]:
            for r in records:
                item = geojson.feature(r)
                if item is None:
                    report.skipped["without coordinates"] += 1
                    continue
                report.written += 1
                yield item
        yield from geojson.write_features(located())
    elif fmt in ("csv", "acled"):
        yield from _csv(fmt, records, docs, report)
    else:
        raise UsageError(f"'{fmt}' is not a text format")


def _csv(fmt: str, records: Iterable[dict[str, Any]], docs: dict[str, dict[str, Any]],
         report: ExportReport, every: int = 500) -> Iterator[str]:
    columns = acled.COLUMNS if fmt == "acled" else EVENT_COLUMNS
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns))
    writer.writeheader()
    for r in records:
        row = acled.event_row(r, docs.get(r["doc_id"])) if fmt == "acled" else flat_event(r)
        if row is None:
            report.skipped["events of a kind ACLED does not code (diplomacy, statements...)"] += 1
            continue
        writer.writerow({k: _cell(v) for k, v in row.items()})
        report.written += 1
        if report.written % every == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _parquet(records: Iterable[dict[str, Any]], path: str, report: ExportReport,
             chunk: int = 10_000) -> None:
    """Flat event columns with real types, written in row groups of ``chunk`` events."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = _parquet_types()
    schema = pa.schema([(c, types.get(c, pa.string())) for c in EVENT_COLUMNS])
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(flat_event(record))
            if len(batch) == chunk:
                writer.write_table(pa.Table.from_pylist(_typed(batch), schema))
                report.written += len(batch)
                batch = []
        if batch or report.written == 0:
            writer.write_table(pa.Table.from_pylist(_typed(batch), schema))
            report.written += len(batch)


def _typed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from datetime import date

    for row in rows:
        if row["date"]:
            row["date"] = date.fromisoformat(row["date"])
    return rows


def _parquet_types() -> dict[str, Any]:
    import pyarrow as pa

    ints = ("quad_class", "sentence_index", "char_start", "char_end", "trigger_start",
            "n_reports", "n_documents")
    floats = ("goldstein", "location_lat", "location_lon", "confidence")
    types: dict[str, Any] = {c: pa.int32() for c in ints}
    types.update({c: pa.float64() for c in floats})
    types.update({"location_geonameid": pa.int64(), "negated": pa.bool_(),
                  "attribution_quoted": pa.bool_(), "date": pa.date32()})
    return types
