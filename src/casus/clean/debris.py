"""Removing page furniture: widget vocabulary anywhere, non-sentences at the head and
tail of a page, and repeats of the headline.

The vocabulary is data (``data/clean/debris.yaml``); the position rules are here. A
line is only ever removed whole when it is short or matches a widget pattern in full,
so real sentences survive.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

TERMINAL = ".!?…:;\"”’)»"
MAX_WIDGET_WORDS = 25
MAX_LABEL_WORDS = 6
MAX_SECTION_WORDS = 3
_DATE_SUFFIX = re.compile(
    r",\s*\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(\s+\d{4})?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], list[re.Pattern[str]]]:
    raw = resources.files("casus").joinpath("data/clean/debris.yaml").read_text("utf-8")
    data = yaml.safe_load(raw)
    whole = re.compile("|".join(f"(?:{p})" for p in data["lines"]), re.IGNORECASE)
    inline = [re.compile(p, re.IGNORECASE) for p in data["inline"]]
    return whole, inline


def is_widget(line: str) -> bool:
    """A whole line of page furniture ("Leave a Reply", "Share this:", "[ad_1]")."""
    if len(line.split()) > MAX_WIDGET_WORDS:
        return False
    whole, _ = _patterns()
    return whole.fullmatch(line.strip()) is not None


def strip_inline(line: str) -> str:
    _, inline = _patterns()
    for pattern in inline:
        line = pattern.sub("", line)
    return re.sub(r"[ \t]{2,}", " ", line).strip()


def is_sentence(line: str) -> bool:
    """Looks like running text: enough words, or ends like a sentence."""
    words = len(line.split())
    return words >= 12 or (words >= 4 and line.rstrip()[-1:] in TERMINAL)


def is_label(line: str) -> bool:
    """A short non-sentence: a section label, a byline stub, a button."""
    return len(line.split()) <= MAX_LABEL_WORDS and line.rstrip()[-1:] not in ".!?…\"”"


def headline_key(line: str) -> str:
    """A line compared as a headline: no date suffix (", 20 JUNE"), case or punctuation."""
    line = _DATE_SUFFIX.sub("", line.strip())
    return re.sub(r"\W+", " ", line).strip().lower()


def remove_debris(lines: list[str]) -> list[str]:
    """The article's lines without page furniture, in order."""
    kept = [strip_inline(x) for x in lines if not is_widget(x)]
    kept = [x for x in kept if x and not is_widget(x)]
    kept = _drop_repeated_headlines(kept)
    return _trim_edges(kept)


def _drop_repeated_headlines(lines: list[str]) -> list[str]:
    """Later repeats of a short line (a headline printed twice) go; a first line loses
    a trailing ", 20 JUNE"-style date stamp."""
    seen: set[str] = set()
    out = []
    for line in lines:
        short = len(line.split()) <= MAX_WIDGET_WORDS
        key = headline_key(line)
        if short and key in seen:
            continue
        if short:
            seen.add(key)
        out.append(line)
    if out:
        out[0] = _DATE_SUFFIX.sub("", out[0])
    return out


def _trim_edges(lines: list[str]) -> list[str]:
    """Section labels above the headline and every non-sentence after the last
    sentence go; headlines and in-body subheadings stay."""
    sentences = [i for i, x in enumerate(lines) if is_sentence(x)]
    if not sentences:
        return lines
    first, last = sentences[0], sentences[-1]
    head = [x for x in lines[:first] if not (is_label(x) and len(x.split()) <= MAX_SECTION_WORDS)]
    # After the last sentence come only widgets: related headlines, bylines, buttons.
    return head + lines[first:last + 1]
