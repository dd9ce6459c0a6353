"""Grouping reports into fused events: blocked, complete-link, deterministic.

Reports are compared only inside a block (CAMEO root, modality group, the two parties'
countries), in a fixed order, and a report joins the first earlier group it is
compatible with as a whole (complete link), so a chain of near-misses never merges two
events that do not match each other. The same reports always give the same fused events
and ids, whatever order they were stored in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from casus.events.ontology import lookup
from casus.fusion.compat import (
    GENERIC_MATCH_ROOTS,
    Report,
    compatible,
    date_interval,
    is_generic,
)
from casus.fusion.referents import with_referents
from casus.records import stable_id

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
MODALITY_RANK = ("asserted", "reported", "future", "conditional", "hypothetical")


@dataclass(frozen=True)
class FusionSettings:
    """How far apart two reports of one event may be."""

    window_days: int = 14   # an undated report is about the days before its article's date
    max_km: float = 50.0    # two located reports of one event are this close at most


def block_key(report: Report, doer: str | None = None) -> tuple[str, ...]:
    """Root, modality group and the parties' countries; ``doer`` stands in for the
    source's country where the article ties the report to other doers (below)."""
    source, target = report.parties
    return (_block_root(report), report.group, doer or (source or {}).get("country") or "-",
            (target or {}).get("country") or "-")


def _one_word_doers(reports: list[Report]) -> dict[str, str]:
    """"shelling by the regime and militias like Hezbollah": one word coded once per
    doer, of several countries; all its codings share one block (the first country), so
    that compat.one_trigger can join them."""
    by_word: dict[tuple[str, Any], list[Report]] = defaultdict(list)
    for report in reports:
        start = report.record.get("trigger_start")
        if start is not None:
            by_word[(report.doc_id, start)].append(report)
    doers: dict[str, str] = {}
    for same in by_word.values():
        countries = sorted({(r.parties[0] or {}).get("country") or "-" for r in same})
        if len(countries) > 1:
            doers.update({r.event_id: countries[0] for r in same})
    return doers


VIOLENCE_BLOCK = "18-20"


def _block_root(report: Report) -> str:
    """Violence is one block (an attack and a terrorist attack may be one act: see
    compat.UNSPECIFIED_VIOLENCE); other roots block alone."""
    root = report.code[:2]
    return VIOLENCE_BLOCK if root in GENERIC_MATCH_ROOTS else root


def _doers(reports: list[Report]) -> dict[tuple[str, ...], str]:
    """For a report naming no doer, the one doer's country its own article gives the
    same kind of act on the same target ("an attack on the station" ... "the attack,
    for which Daesh claimed responsibility"): it is blocked with those reports, so the
    compatibility tests can decide. Never across articles."""
    seen: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for report in reports:
        source, target = report.parties
        if source is not None and source.get("country"):
            seen[(report.doc_id, *_kind(report))].add(source["country"])
    return {key: next(iter(countries)) for key, countries in seen.items()
            if len(countries) == 1}


def _kind(report: Report) -> tuple[str, ...]:
    target = report.parties[1]
    return _block_root(report), report.group, (target or {}).get("country") or "-"


def _order(report: Report, settings: FusionSettings) -> tuple[Any, ...]:
    interval = date_interval(report, settings.window_days)
    return (interval[0] if interval else date.max, report.doc_id,
            report.record.get("sentence_index") or 0, report.event_id)


def group_reports(reports: Iterable[Report], settings: FusionSettings | None = None
                  ) -> list[list[Report]]:
    """Reports grouped by the event they report, each group in report order."""
    settings = settings or FusionSettings()
    blocks: dict[tuple[str, ...], list[Report]] = defaultdict(list)
    reports = list(with_referents(reports))
    doers, one_word = _doers(reports), _one_word_doers(reports)
    for report in reports:
        doer = one_word.get(report.event_id)
        if doer is None and report.parties[0] is None:
            doer = doers.get((report.doc_id, *_kind(report)))
        blocks[block_key(report, doer)].append(report)
    groups: list[list[Report]] = []
    for key in sorted(blocks):
        found: list[list[Report]] = []
        for report in sorted(blocks[key], key=lambda r: _order(r, settings)):
            home = next((g for g in found if all(
                compatible(report, other, settings.window_days, settings.max_km) for other in g)),
                None)
            if home is None:
                found.append([report])
            else:
                home.append(report)
        groups.extend(found)
    return groups


def fuse(reports: Iterable[Report], settings: FusionSettings | None = None
         ) -> list[dict[str, Any]]:
    """Fused event records, one per group of reports."""
    return [fused_record(group) for group in group_reports(reports, settings)]


def _best_party(parties: list[dict[str, Any] | None]) -> dict[str, Any] | None:
    """A named actor over a generic one; the most often reported, then the first."""
    present = [p for p in parties if p]
    if not present:
        return None
    named = [p for p in present if not is_generic(p)] or present
    counts = Counter(p.get("actor_id") for p in named)
    return max(named, key=lambda p: counts[p.get("actor_id")])


def fused_record(group: list[Report]) -> dict[str, Any]:
    asserted = [r for r in group if not r.record.get("negated")]
    denied = [r for r in group if r.record.get("negated")]
    basis = asserted or group
    codes = Counter(r.code for r in basis)
    code = max(codes, key=lambda c: (len(c), codes[c], -ord(c[-1])))
    entry = lookup(code)
    dated = [r for r in basis if r.record.get("date")]
    dated.sort(key=lambda r: (PRECISION_RANK.get(r.record.get("date_precision") or "day", 0),
                              r.record["date"]))
    located = [r.record["location"] for r in basis if (r.record.get("location") or {}).get("lat")]
    located.sort(key=lambda loc: loc.get("geonameid") is None)
    published = sorted({r.published for r in group if r.published})
    outlets = {r.outlet or r.doc_id for r in group}
    ids = sorted(r.event_id for r in group)
    return {
        "fused_id": stable_id("fused", *ids),
        "cameo": entry.code, "cameo_root": entry.root, "cameo_label": entry.label,
        "plover": entry.plover, "plover_mode": entry.plover_mode,
        "quad_class": entry.quad_class, "goldstein": entry.goldstein,
        "source": _best_party([r.parties[0] for r in basis]),
        "target": _best_party([r.parties[1] for r in basis]),
        "date": dated[0].record["date"] if dated else None,
        "date_precision": dated[0].record.get("date_precision") if dated else None,
        "location": located[0] if located else None,
        "modality": min((r.record.get("modality") or "asserted" for r in basis),
                        key=lambda m: MODALITY_RANK.index(m) if m in MODALITY_RANK else 9),
        "negated": not asserted,
        "contested": bool(asserted and denied),
        "n_reports": len(group),
        "n_documents": len({r.doc_id for r in group}),
        "n_sources": len(outlets),
        "estimated_window": None if dated else written_within(group),
        "first_reported": published[0].isoformat() if published else None,
        "last_reported": published[-1].isoformat() if published else None,
        "datasets": sorted({r.record.get("dataset") or "casus" for r in group}),
        "reports": [_report(r) for r in group],
    }


def written_within(group: list[Report]) -> dict[str, Any] | None:
    """For an undated event reported only by undated articles: the window all of them
    were written in (the event happened by then), with the phrases that bound it."""
    windows = [r.window for r in group]
    if not windows or any(w is None or r.published is not None
                          for w, r in zip(windows, group, strict=True)):
        return None
    start = max(w["start"] for w in windows if w)
    end = min(w["end"] for w in windows if w)
    if start > end:
        return None
    evidence = [p for w in windows if w for p in w["evidence"]]
    return {"start": start, "end": end, "evidence": list(dict.fromkeys(evidence))}


def _report(report: Report) -> dict[str, Any]:
    record = report.record
    return {
        "event_id": report.event_id, "doc_id": report.doc_id,
        "dataset": record.get("dataset") or "casus",
        "sentence": record.get("sentence"), "sentence_index": record.get("sentence_index"),
        "char_start": record.get("char_start"), "char_end": record.get("char_end"),
        "cameo": record.get("cameo"), "negated": bool(record.get("negated")),
        "modality": record.get("modality"), "attribution": record.get("attribution"),
        "outlet": report.outlet,
        "published": report.published.isoformat() if report.published else None,
        "url": record.get("url"),
    }
