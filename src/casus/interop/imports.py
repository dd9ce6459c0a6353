"""``casus import``: another dataset's events into the store, beside casus's own.

Imported events get the CONTRACT.md event shape so every filter, count, export and
view works on them, plus ``dataset`` ('gdelt', 'acled'), ``external_id`` (the dataset's
own id) and, where the dataset has them, ``url`` and its extra numbers. They have no
sentence of ours: ``sentence`` is ACLED's notes or null, offsets are null.

Parties are resolved through casus's actor dictionary where it knows the name (so
"IRAQ" in GDELT and "Iraq" in an article are one actor id); otherwise the dataset's
own country and role give a generic agent, as casus does for "Iraqi forces".

A file is one unit: its events are replaced together in one transaction, so importing
the same file again changes nothing, and an event the dataset re-publishes in a later
file (same id) is kept once.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casus.actors.dictionary import default_dictionary
from casus.actors.resolve import agent_ref, name_ref, resolve_actor_text
from casus.actors.roles import parse_code
from casus.errors import InputError, UnknownCameoCode, UsageError
from casus.events.ontology import lookup
from casus.interop import acled, gdelt
from casus.interop.countries import iso3_of_name, iso3_of_numeric
from casus.records import stable_id
from casus.store.writes import EVENT_COLUMNS, insert_rows, record_row

if TYPE_CHECKING:
    from casus.store import Store

IMPORT_DATASETS = ("gdelt", "acled")
CHUNK = 5000
MAX_PROBLEMS = 20
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_OF = re.compile(r"^(?P<what>.+?)\s+of\s+(?P<whose>.+)$", re.IGNORECASE)


@dataclass
class ImportReport:
    dataset: str
    path: str
    imported: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        left = "; ".join(f"{n} {why}" for why, n in self.skipped.most_common(5))
        return (f"{self.imported} {self.dataset} events from {self.path}"
                + (f" (skipped: {left})" if left else ""))


def import_file(store: Store, path: str | Path, dataset: str) -> ImportReport:
    """Import one GDELT 2.0 event file or ACLED CSV export into ``store``.

    >>> import_file(store, "20240115.export.CSV", "gdelt").imported  # doctest: +SKIP
    """
    if dataset not in IMPORT_DATASETS:
        raise UsageError(f"unknown dataset '{dataset}'; use one of {', '.join(IMPORT_DATASETS)}")
    source = Path(path)
    if not source.is_file():
        raise InputError("no such file", origin=str(path))
    report = ImportReport(dataset, str(path))
    doc_id = f"{dataset}:{source.name}"
    reader = _gdelt_records if dataset == "gdelt" else _acled_records
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM events WHERE doc_id = ? AND dataset = ?", [doc_id, dataset])
        batch: dict[str, tuple[Any, ...]] = {}
        for record in reader(source, doc_id, report):
            batch[record["event_id"]] = record_row(record)
            if len(batch) >= CHUNK:
                insert_rows(con, "events", EVENT_COLUMNS, list(batch.values()), replace=True)
                report.imported += len(batch)
                batch = {}
        insert_rows(con, "events", EVENT_COLUMNS, list(batch.values()), replace=True)
        report.imported += len(batch)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return report


def _problem(report: ImportReport, why: str, line: str) -> None:
    report.skipped[why] += 1
    if len(report.problems) < MAX_PROBLEMS:
        report.problems.append(line)


def _open(path: Path) -> Any:
    try:
        return open(path, encoding="utf-8", errors="replace", newline="")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", origin=str(path)) from None


def _coded(code: str, report: ImportReport, where: str) -> Any:
    try:
        return lookup(code)
    except UnknownCameoCode:
        _problem(report, "with an unknown CAMEO code", f"{where}: unknown CAMEO code {code!r}")
        return None


def party(name: str | None, country: str | None, role: str | None, on: date | None,
          ) -> dict[str, Any] | None:
    """A dataset's actor as a casus party: the dictionary's actor, else a generic agent."""
    name = (name or "").strip() or None
    if name is None and country is None and role is None:
        return None
    if name:
        ref = resolve_actor_text(name, on)
        if ref is not None and ref.type == "AGENT" and ref.country is None:
            role = ref.role or role  # "MILITIA" with the dataset's country: IRQREB
        elif ref is not None and ref.type == "GPE" and role:
            country = ref.country or country  # "UNITED STATES" coded USAMIL: the military
        elif ref is not None and (country is None or ref.country == country):
            return ref.to_dict()
    ref = agent_ref(name or "", country, role, default_dictionary())
    if ref is None and name:
        ref = name_ref(name, name, None)
    return ref.to_dict() if ref else None


def _base(record_id: str, dataset: str, native_id: str, doc_id: str, entry: Any) -> dict:
    return {
        "event_id": record_id, "dataset": dataset, "external_id": native_id,
        "doc_id": doc_id, "sentence": None, "sentence_index": None, "char_start": None,
        "char_end": None, "cameo": entry.code, "cameo_root": entry.root,
        "cameo_label": entry.label, "plover": entry.plover, "plover_mode": entry.plover_mode,
        "quad_class": entry.quad_class, "goldstein": entry.goldstein,
    }


# -- GDELT --------------------------------------------------------------------------------
def _gdelt_records(path: Path, doc_id: str, report: ImportReport) -> Iterator[dict[str, Any]]:
    with _open(path) as handle:
        for row in gdelt.read_rows(handle, str(path)):
            if isinstance(row, str):
                _problem(report, "malformed lines", row)
                continue
            where = f"{path}: event {row['GLOBALEVENTID']}"
            entry = _coded(row["EventCode"], report, where)
            if entry is None:
                continue
            try:
                day: date | None = date(int(row["SQLDATE"][:4]), int(row["SQLDATE"][4:6]),
                                        int(row["SQLDATE"][6:8]))
            except ValueError:
                day = None
            record = _base(stable_id("gdelt", row["GLOBALEVENTID"]), "gdelt",
                           row["GLOBALEVENTID"], doc_id, entry)
            record.update({
                "quad_class": _int(row["QuadClass"]) or entry.quad_class,
                "goldstein": _float(row["GoldsteinScale"], entry.goldstein),
                "source": _gdelt_party(row, "Actor1", day),
                "target": _gdelt_party(row, "Actor2", day),
                "trigger": None, "trigger_start": None,
                "date": day.isoformat() if day else None,
                "date_precision": "day" if day else None, "date_text": None,
                "location": gdelt.geo_location(row), "negated": False, "modality": "asserted",
                "attribution": None, "confidence": None,
                "url": row["SOURCEURL"] or None,
                "num_mentions": _int(row["NumMentions"]),
                "num_sources": _int(row["NumSources"]),
                "num_articles": _int(row["NumArticles"]),
                "avg_tone": _float(row["AvgTone"], None),
            })
            yield record


def _gdelt_party(row: dict[str, str], side: str, on: date | None) -> dict[str, Any] | None:
    code = row[f"{side}Code"] or None
    country = row[f"{side}CountryCode"] or row[f"{side}KnownGroupCode"] or None
    role = row[f"{side}Type1Code"] or parse_code(code)[1]
    result = party(row[f"{side}Name"], country, role, on)
    if result is not None:
        result["text"] = row[f"{side}Name"] or code
        result["external_code"] = code
    return result


# -- ACLED --------------------------------------------------------------------------------
def _acled_records(path: Path, doc_id: str, report: ImportReport) -> Iterator[dict[str, Any]]:
    with _open(path) as handle:
        reader = csv.DictReader(handle)
        missing = {"event_id_cnty", "event_date", "sub_event_type", "actor1"} - set(
            reader.fieldnames or [])
        if missing:
            raise InputError(f"not an ACLED export: no column {', '.join(sorted(missing))}",
                             origin=str(path))
        for number, row in enumerate(reader, 2):
            where = f"{path}:{number}"
            code = acled.import_code(row.get("sub_event_type") or "")
            if code is None:
                _problem(report, "ACLED event types with no CAMEO counterpart",
                         f"{where}: sub-event type {row.get('sub_event_type')!r}")
                continue
            entry = _coded(code, report, where)
            day = acled.parse_date(row.get("event_date") or "")
            if entry is None:
                continue
            if day is None:
                _problem(report, "rows with an unreadable date",
                         f"{where}: event_date {row.get('event_date')!r}")
                continue
            country = iso3_of_numeric(row.get("iso")) or iso3_of_name(row.get("country"))
            record = _base(stable_id("acled", row["event_id_cnty"]), "acled",
                           row["event_id_cnty"], doc_id, entry)
            precision = {"1": "day", "2": "month", "3": "month"}.get(
                (row.get("time_precision") or "1").strip(), "day")
            record.update({
                "sentence": (row.get("notes") or "").strip() or None,
                "source": _acled_party(row.get("actor1"), row.get("inter1"), day),
                "target": _acled_party(row.get("actor2"), row.get("inter2"), day),
                "trigger": None, "trigger_start": None,
                "date": day.isoformat(), "date_precision": precision, "date_text": None,
                "location": _acled_location(row, country), "negated": False,
                "modality": "asserted", "attribution": None, "confidence": None,
                "url": None, "outlet": (row.get("source") or "").strip() or None,
                "fatalities": _int(row.get("fatalities") or ""),
                "acled_event_type": row.get("event_type"),
                "acled_sub_event_type": row.get("sub_event_type"),
            })
            yield record


def _acled_party(name: str | None, inter: str | None, on: date | None
                 ) -> dict[str, Any] | None:
    """An ACLED actor name ("Military Forces of Iraq (2022-)", "Protesters (Iraq)").

    A name casus's dictionary knows (a group, a person) is that actor. Otherwise the
    country comes from the name itself ("... of Iraq", "(Iraq)") - never from where the
    event happened - and the role from its words ("Military Forces" -> MIL), else from
    ACLED's actor category.
    """
    written = (name or "").strip()
    if not written:
        return None
    plain = _PARENTHESES.sub("", written).strip()
    match = _OF.match(plain)
    what, whose = (match["what"], match["whose"]) if match else (plain, None)
    ref = resolve_actor_text(plain, on)
    result: dict[str, Any] | None
    if ref is not None and ref.type != "AGENT" and not match:
        result = ref.to_dict()
    else:
        country = _country_in(whose) or _country_in(_parenthesised(written))
        role = _role_in(what) or acled.inter_role(inter or "")
        agent = agent_ref(written, country, role, default_dictionary())
        result = agent.to_dict() if agent else party(plain, None, None, on)
    if result is not None:
        result["text"] = written
    return result


def _parenthesised(name: str) -> str | None:
    found = re.findall(r"\(([^)]*)\)", name)
    return next((f for f in found if not any(c.isdigit() for c in f)), None)


def _country_in(text: str | None) -> str | None:
    """A country named in a text: by name, else through the actor dictionary."""
    if not text:
        return None
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    found = iso3_of_name(text)
    if found:
        return found
    ref = resolve_actor_text(text)
    return ref.country if ref is not None and ref.type == "GPE" else None


def _role_in(words: str) -> str | None:
    """The CAMEO role a phrase's words name ("Police Forces" -> COP), via the dictionary."""
    agents = default_dictionary().agents
    low = words.lower().strip()
    if low in agents:
        return agents[low][0]  # type: ignore[no-any-return]
    for word in low.split():
        if word in agents:
            return agents[word][0]  # type: ignore[no-any-return]
    return None


def _acled_location(row: dict[str, str], country: str | None) -> dict[str, Any] | None:
    try:
        lat, lon = float(row.get("latitude") or ""), float(row.get("longitude") or "")
    except ValueError:
        return None
    return {"name": (row.get("location") or "").strip() or None, "country": country,
            "lat": lat, "lon": lon, "geonameid": None}


def _int(value: str) -> int | None:
    try:
        return int(float(value))
    except ValueError:
        return None


def _float(value: str, default: float | None) -> float | None:
    try:
        return float(value)
    except ValueError:
        return default
