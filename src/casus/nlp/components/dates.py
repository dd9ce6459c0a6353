"""spaCy component ``casus_dates``: date expressions in a Doc, resolved against its own date.

The work is done by plain functions in ``casus.dates``; this module only gathers the
expressions from spaCy's DATE/TIME entities (merging the pieces spaCy splits apart:
"last night" + "Wednesday", "tomorrow" + "(July 23rd)") and finds the verb tense
that places year-less dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from casus.dates.anchor import (
    DateMention,
    infer_year_hint,
    is_date_like,
    is_duration,
    lexical_direction,
    resolve_expression,
    split_date_list,
)
from casus.dates.tense import verb_direction
from casus.dates.window import document_window
from casus.nlp.extensions import register_extensions

# What may stand between two entities that are one expression: "last night, Wednesday",
# "last Friday night", "Sunday, on June 16".
# Same line only: a date closing one paragraph is not part of one opening the next.
_JOIN_GAP = re.compile(r"[ \t\u00a0]*(?:,[ \t\u00a0]*(?:on[ \t\u00a0]+)?|on[ \t\u00a0]+)?")
_OPEN_PAREN_GAP = re.compile(r"[ \t\u00a0]*\([ \t\u00a0]*")
# An untagged bracketed date right after an entity: "tomorrow (July 23rd)".
_PAREN_AFTER = re.compile(r"\s*\(([^()\n]{1,40})\)")
_CLOSE_PAREN = re.compile(r"\s*\)")
_DATEISH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\b(?:19|20)\d\d\b"
    r"|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b",
    re.IGNORECASE,
)
_TRIM = " \t\r\n,;:.\u00a0"


@dataclass
class _Group:
    start: int
    end: int
    has_date: bool


class DateResolver:
    """Sets ``doc._.casus_dates``: one ``DateMention`` per date expression, by position."""

    def __init__(self, name: str, date_labels: list[str], time_labels: list[str]) -> None:
        self.name = name
        self.date_labels = frozenset(date_labels)
        self.time_labels = frozenset(time_labels)

    def __call__(self, doc: Doc) -> Doc:
        anchor = doc._.casus_published
        if isinstance(anchor, dt.datetime):
            anchor = anchor.date()
        if not isinstance(anchor, dt.date):
            anchor = None  # never fall back to the processing day
        text = doc.text  # built anew on each access: once per doc, not once per date
        hint = infer_year_hint(text) if anchor is None else None
        mentions: list[DateMention] = []
        for group in self._groups(doc, text):
            mentions.extend(self._mentions(doc, text, group, anchor, hint))
        doc._.casus_dates = sorted(mentions, key=lambda m: m.char_start)
        doc._.casus_date_window = document_window(doc) if anchor is None else None
        return doc

    def _groups(self, doc: Doc, text: str) -> list[_Group]:
        """DATE/TIME entities, adjacent pieces merged, brackets closed, durations dropped."""
        groups: list[_Group] = []
        for ent in doc.ents:
            is_date = ent.label_ in self.date_labels
            if not is_date and ent.label_ not in self.time_labels:
                continue
            if is_duration(ent.text):
                continue
            prev = groups[-1] if groups else None
            gap = text[prev.end : ent.start_char] if prev else ""
            joinable = prev and (prev.has_date or is_date)
            if prev and joinable and (_JOIN_GAP.fullmatch(gap) or _OPEN_PAREN_GAP.fullmatch(gap)):
                prev.end, prev.has_date = ent.end_char, prev.has_date or is_date
            else:
                groups.append(_Group(ent.start_char, ent.end_char, is_date))
        for group in groups:
            _close_brackets(text, group)
        return groups

    def _mentions(
        self, doc: Doc, doc_text: str, group: _Group, anchor: dt.date | None, hint: int | None
    ) -> list[DateMention]:
        text = doc_text[group.start : group.end]
        start = group.start + len(text) - len(text.lstrip(_TRIM))
        text = text.strip(_TRIM)
        span = doc.char_span(start, start + len(text), alignment_mode="expand")
        direction = lexical_direction(text) or (verb_direction(span) if span else None)
        out = []
        for s, e, resolvable in split_date_list(text):
            day, precision = resolve_expression(resolvable, anchor, direction, hint)
            if day is None and not is_date_like(resolvable):
                continue  # "No. 4203", "8 p.m.": numbers and clock times, not dates
            out.append(DateMention(text[s:e], start + s, start + e, day, precision, direction))
        return out


def _close_brackets(text: str, group: _Group) -> None:
    """Take in "(July 23rd)" after an entity, or the ")" spaCy left outside it."""
    inside = text[group.start : group.end]
    if inside.count("(") > inside.count(")"):
        if m := _CLOSE_PAREN.match(text, group.end):
            group.end = m.end()
        return
    m = _PAREN_AFTER.match(text, group.end)
    if m and _DATEISH.search(m.group(1)):
        group.end, group.has_date = m.end(), True


@Language.factory(
    "casus_dates",
    default_config={"date_labels": ["DATE"], "time_labels": ["TIME"]},
    requires=["doc.ents"],
    assigns=["doc._.casus_dates"],
)
def make_date_resolver(
    nlp: Language, name: str, date_labels: list[str], time_labels: list[str]
) -> DateResolver:
    """casus.DateResolver.v1: resolve DATE/TIME entities against ``doc._.casus_published``.

    Reads ``doc._.casus_published`` (the article's own date, or None) and sets
    ``doc._.casus_dates``. With no article date, relative expressions stay unresolved;
    year-less absolute dates use ``infer_year_hint`` over the text.
    """
    register_extensions()
    return DateResolver(name, date_labels, time_labels)
