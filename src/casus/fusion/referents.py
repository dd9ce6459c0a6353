"""Definite reference inside one article: "sent a delegation to Iran" ... "the
delegation, which went to Tehran" ... "the Iraqi delegation" are one delegation.

A party written with an indefinite article introduces a thing; a later party written
with a definite one and the same head noun refers back to the latest such introduction.
Every report of the introducing sentence, and every report that refers back, carries
the referent, and two undated reports of one article that share one are anchored to the
same happening (casus.fusion.compat.shared_anchor). Proper names are left to actor
identity; this is for common nouns only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from casus.fusion.compat import Report

INDEFINITE = frozenset({"a", "an"})
DEFINITE = frozenset({"the", "this", "that"})


def _head(text: str) -> tuple[str, str] | None:
    """(article, head noun) of a common-noun phrase ("the Iraqi delegation")."""
    words = [w.strip(".,;:\"'“”‘’()") for w in text.split()]
    words = [w for w in words if w]
    if len(words) < 2 or words[0].lower() not in INDEFINITE | DEFINITE:
        return None
    head = words[-1]
    if not head.isalpha() or head[0].isupper():
        return None  # a name ("the Quds Force") is actor identity's business
    return words[0].lower(), head.lower()


def with_referents(reports: Iterable[Report]) -> list[Report]:
    """The reports, each with the referents its article's earlier sentences gave it."""
    out = list(reports)
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, report in enumerate(out):
        if report.record.get("sentence_index") is not None:
            by_doc[report.doc_id].append(i)
    for doc_id, indexes in by_doc.items():
        indexes.sort(key=lambda i: (out[i].record["sentence_index"], out[i].event_id))
        introduced: dict[str, int] = {}  # head → sentence of its latest introduction
        per_sentence: dict[int, set[str]] = defaultdict(set)
        for i in indexes:
            sentence = out[i].record["sentence_index"]
            for party in out[i].parties:
                found = _head((party or {}).get("text") or "")
                if found is None:
                    continue
                article, head = found
                if article in INDEFINITE:
                    introduced[head] = sentence
                    per_sentence[sentence].add(f"{doc_id}|{head}|{sentence}")
                elif head in introduced:
                    per_sentence[sentence].add(f"{doc_id}|{head}|{introduced[head]}")
        for i in indexes:
            keys = per_sentence.get(out[i].record["sentence_index"])
            if keys:
                out[i] = replace(out[i], referents=frozenset(keys))
    return out
