"""PLOVER JSON Lines: the event record the PLOVER manual's "Data Fields" chapter describes.

Required fields ``id``, ``date``, ``actor``, ``event``; optional ones filled where casus
knows them: ``recipient``, ``mode``, ``context`` (the manual's auxiliary modes
``future``/``hypothetical``/``negation`` go there), ``event_loc`` (the manual's location
object), ``event_text`` (the trigger), ``quad_code``, ``event_scale`` (the Goldstein
score), ``text`` with ``text_info`` (sentence and offsets) and ``cite_info``. Fields the
manual invites providers to add: ``cameo`` and ``dataset``.
"""

from __future__ import annotations

from typing import Any

from casus import __version__

AUXILIARY = {"future": "future", "hypothetical": "hypothetical", "conditional": "hypothetical"}


def entity(party: dict[str, Any] | None) -> list[dict[str, Any]]:
    """A casus party as a list of one PLOVER entity object (empty when there is none)."""
    if not party:
        return []
    item = {
        "code": party.get("country"),
        "sector": party.get("role"),
        "entity_text": party.get("text"),
        "identifier_id": party.get("actor_id"),
        "identifier_text": party.get("name"),
    }
    return [{k: v for k, v in item.items() if v is not None}]


def location(loc: dict[str, Any] | None) -> dict[str, Any] | None:
    if not loc:
        return None
    item = {
        "extracted_place": loc.get("name"), "resolved_place": loc.get("name"),
        "geonameid": loc.get("geonameid"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "country_code": loc.get("country"),
        "resolution": (4 if loc.get("geonameid") else 1) if loc.get("lat") is not None
        else None,
    }
    return {k: v for k, v in item.items() if v is not None}


def record(event: dict[str, Any], doc: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """A casus event as a PLOVER record, or None when its CAMEO code has no PLOVER type."""
    if not event.get("plover"):
        return None
    doc = doc or {}
    context = []
    if event.get("negated"):
        context.append("negation")
    if event.get("modality") in AUXILIARY:
        context.append(AUXILIARY[event["modality"]])
    out: dict[str, Any] = {
        "id": event["event_id"],
        "date": event.get("date"),
        "actor": entity(event.get("source")),
        "recipient": entity(event.get("target")),
        "event": [event["plover"]],
        "mode": [event["plover_mode"]] if event.get("plover_mode") else [],
        "context": context,
        "event_loc": location(event.get("location")),
        "event_text": [event["trigger"]] if event.get("trigger") else [],
        "quad_code": event.get("quad_class"),
        "event_scale": event.get("goldstein"),
        "text": event.get("sentence"),
        "text_info": {"sequence": event.get("sentence_index"), "start": event.get("char_start"),
                      "end": event.get("char_end")},
        "cite_info": {
            "corpus": event.get("dataset") or "casus",
            "citation": event.get("doc_id"),
            "url": doc.get("url") or event.get("url"),
            "title": doc.get("title"),
            "language": doc.get("language"),
            "publication": doc.get("source"),
            "coder": f"casus {__version__}",
            "codebook": "CAMEO 1.1b3 mapped to PLOVER (CAMEO2PLOVER 2021)",
        },
        "cameo": event.get("cameo"),
        "dataset": event.get("dataset") or "casus",
    }
    return out
