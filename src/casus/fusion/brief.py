"""A short, sourced briefing of what changed since a date: each line cites its evidence.

Built from fused events (one line per real-world event, however many reports), so the
reader checks each line against the sentence it names: document id, sentence number
and the sentence itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from casus.fusion.states import Change, party_matches, timeline

ESCALATION_ROOTS = ("18", "19", "20")


def _name(party: dict[str, Any] | None) -> str:
    return str((party or {}).get("name") or (party or {}).get("text") or "someone")


def _cite(event: dict[str, Any]) -> str:
    first = event["reports"][0]
    more = len(event["reports"]) - 1
    quote = " ".join((first.get("sentence") or "").split())
    if len(quote) > 220:
        quote = quote[:219] + "…"
    extra = f"; {more} more report{'s' if more > 1 else ''}" if more else ""
    return f'[{first["doc_id"]} #{first["sentence_index"]}{extra}] "{quote}"'


def _line(event: dict[str, Any]) -> str:
    when = event["date"] or "undated"
    what = event["cameo_label"].split(",")[0].lower()
    target = f" → {_name(event['target'])}" if event.get("target") else ""
    flags = " (contested)" if event.get("contested") else ""
    if event.get("modality") == "future":
        flags += " (announced)"
    return f"- {when}: {_name(event['source'])}{target}: {what}{flags}. {_cite(event)}"


def _in_window(event: dict[str, Any], day: date) -> bool:
    marker = event.get("date") or event.get("first_reported")
    return bool(marker) and str(marker) >= day.isoformat()


def brief(fused: Iterable[dict[str, Any]], since: date, actor: str | None = None,
          limit: int = 15) -> list[str]:
    """Markdown lines: new events, escalations and relationship changes since ``since``."""
    events = [e for e in fused if not e.get("negated")
              and e.get("modality") in ("asserted", "reported", "future")
              and (actor is None or party_matches(e.get("source"), actor)
                   or party_matches(e.get("target"), actor))]
    recent = [e for e in events if _in_window(e, since)]
    lines = [f"# What changed since {since.isoformat()}"
             + (f" involving {actor}" if actor else ""), ""]
    escalations = sorted((e for e in recent if e["cameo_root"] in ESCALATION_ROOTS),
                         key=lambda e: (e["goldstein"], e["date"] or ""))
    lines += ["## Escalations", ""] + ([_line(e) for e in escalations[:limit]] or ["- none"])
    changes = _state_changes(events, since)
    lines += ["", "## Relationship changes", ""]
    lines += [f"- {_when(c)}: {_dyad(c)}: {c.track} {c.previous or 'none'} → {c.state}. "
              f"{_cite(c.event)}" for c in changes[:limit]] or ["- none"]
    others = sorted((e for e in recent if e["cameo_root"] not in ESCALATION_ROOTS),
                    key=lambda e: (-e["n_reports"], e["date"] or "", e["fused_id"]))
    lines += ["", "## Other new events", ""] + ([_line(e) for e in others[:limit]] or ["- none"])
    lines += ["", f"{len(recent)} events since {since.isoformat()} "
                  f"({sum(e['n_reports'] for e in recent)} reports)."]
    return lines


def _when(change: Change) -> str:
    """The change's date, or its undated article's estimated window and why."""
    if change.window is None:
        return change.date
    return (f"{change.window['start']}..{change.window['end']} (estimated: "
            f"{'; '.join(change.window['evidence'])})")


def _dyad(change: Change) -> str:
    return f"{_name(change.event.get('source'))} – {_name(change.event.get('target'))}"


def _state_changes(events: list[dict[str, Any]], since: date) -> list[Change]:
    """State changes since ``since`` for every dyad (parties by actor id)."""
    dyads: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        source, target = event.get("source"), event.get("target")
        if not source or not target:
            continue
        key = tuple(sorted((str(source.get("actor_id") or source.get("code")),
                            str(target.get("actor_id") or target.get("code")))))
        dyads[key].append(event)  # type: ignore[index]
    changes = [c for group in dyads.values() for c in timeline(group).changes
               if c.date >= since.isoformat()]
    return sorted(changes, key=lambda c: (c.date, c.track))
