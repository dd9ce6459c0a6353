"""Actors that may be one, for an analyst to confirm with ``casus actors merge``.

Within a document, spellings that ``same_name`` joins are linked automatically; across
documents only the transliteration key joins them, because that is where namesakes
meet ("two men named Qais"). Spellings that differ beyond the key and never share a
document ("Zawahiri" in one report, "Zawahri" in another) are therefore proposed, with
their evidence, rather than merged: the analyst decides, and the decision is kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations
from typing import Any

from casus.actors.names import SAME_NAME, name_key, same_name

NAMED_TYPES = frozenset({"PERSON", "ORG"})


def _candidate(actor: dict[str, Any]) -> bool:
    """A named actor outside the dictionary: agents and countries have codes, not names."""
    return (not actor.get("in_dictionary") and actor.get("type") in NAMED_TYPES
            and bool(actor.get("name")))


def _summary(actor: dict[str, Any]) -> dict[str, Any]:
    docs = sorted({m["doc_id"] for m in actor.get("mentions", [])})
    return {"actor_id": actor["actor_id"], "name": actor["name"], "type": actor["type"],
            "forms": actor.get("aliases", []), "documents": docs,
            "mentions": sum(m["count"] for m in actor.get("mentions", []))}


def _score(a: dict[str, Any], b: dict[str, Any]) -> float:
    """The best ``same_name`` between any form of one and any form of the other."""
    forms_a = {a["name"], *a.get("aliases", [])}
    forms_b = {b["name"], *b.get("aliases", [])}
    return max(same_name(x, y) for x in forms_a for y in forms_b)


def suggest_merges(actors: Iterable[dict[str, Any]], *, threshold: float = SAME_NAME,
                   exclude: frozenset[str] = frozenset()) -> Iterator[dict[str, Any]]:
    """Pairs of actor records (CONTRACT.md shape) that are likely one actor, best first.

    Compared only within a type and a first sound (``same_name`` is below the threshold
    when first sounds differ), so a large store is not compared pair by pair. Actors in
    ``exclude`` (split out by an analyst) are never proposed again.
    """
    blocks: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for actor in actors:
        if _candidate(actor) and actor["actor_id"] not in exclude:
            blocks[(actor["type"], name_key(actor["name"])[:1])].append(actor)
    found = []
    for block in blocks.values():
        for a, b in combinations(sorted(block, key=lambda r: r["actor_id"]), 2):
            score = _score(a, b)
            if score >= threshold:
                found.append((score, a, b))
    found.sort(key=lambda f: (-f[0], f[1]["actor_id"], f[2]["actor_id"]))
    for score, a, b in found:
        kept, folded = sorted((a, b), key=_keep_first)
        yield {"score": round(score, 3), "keep": _summary(kept), "merge": _summary(folded),
               "command": f"casus actors merge {kept['actor_id']} {folded['actor_id']}"}


def _keep_first(actor: dict[str, Any]) -> tuple[int, str]:
    """The better-attested actor is proposed as the one kept."""
    return (-sum(m["count"] for m in actor.get("mentions", [])), actor["actor_id"])
