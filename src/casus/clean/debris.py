"""Removing page furniture: widget vocabulary anywhere, non-sentences at the head and
tail of a page, and repeats of the headline.

The vocabulary is data (``data/clean/debris.yaml``); the position rules are here. A
line is only ever removed whole, when it matches a widget pattern in full or is a
short non-sentence at the page's edges, so real sentences survive.
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
MAX_HEADLINE_WORDS = 25
HEAD_LINES = 4  # a headline is repeated from the first few lines of a page
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
    """A line without the markers scrapers leave inside it (ad slots, link stubs)."""
    _, inline = _patterns()
    for pattern in inline:
        line = pattern.sub("", line)
    return re.sub(r" {2,}", " ", line).strip()


def is_sentence(line: str) -> bool:
    """Looks like running text: enough words, or ends like a sentence."""
    words = len(line.split())
    return words >= 12 or (words >= 4 and line.rstrip()[-1:] in TERMINAL)


def is_body(line: str) -> bool:
    """Running text rather than a headline: a sentence ending in a full stop (inside
    closing quotes or not), or longer than any headline. A question or a sentence-length
    line without a stop at the top of a page is taken for its headline."""
    if len(line.split()) > MAX_HEADLINE_WORDS:
        return True
    return is_sentence(line) and line.rstrip("”\"’)»").endswith((".", ":", ";"))


def is_label(line: str) -> bool:
    """A short non-sentence: a section label, a byline stub, a button."""
    return len(line.split()) <= MAX_LABEL_WORDS and line.rstrip()[-1:] not in ".!?…\"”"


def headline_key(line: str) -> str:
    """A line compared as a headline: no date suffix (", 20 JUNE"), case or punctuation."""
    line = _DATE_SUFFIX.sub("", line.strip())
    return re.sub(r"\W+", " ", line).strip().lower()


def remove_debris(lines: list[str], title: str | None = None) -> list[str]:
    """The article's lines without page furniture, in order.

    ``title`` (from metadata) is a headline too: its repeats in the body go.
    """
    kept = [strip_inline(x) for x in lines if not is_widget(x)]
    kept = [x for x in kept if x and not is_widget(x)]
    kept = drop_repeated_headlines(kept, title)
    return _trim_edges(kept)


def _headline_keys(lines: list[str], title: str | None) -> set[str]:
    """Keys of what may be a headline: the title, and short non-sentences (or
    questions) at the top of the page, before its first real sentence."""
    keys = {headline_key(title)} if title else set()
    for line in lines[:HEAD_LINES]:
        if is_body(line):
            break
        keys.add(headline_key(line))
    keys.discard("")
    return keys


def drop_repeated_headlines(lines: list[str], title: str | None = None) -> list[str]:
    """Later repeats of the headline go (also with a ", 20 JUNE"-style stamp); its
    first appearance loses that stamp."""
    keys = _headline_keys(lines, title)
    seen: set[str] = set()
    out = []
    for line in lines:
        key = headline_key(line)
        if key in keys:
            if key in seen:
                continue
            seen.add(key)
            line = _DATE_SUFFIX.sub("", line)
        out.append(line)
    return out


def _trim_edges(lines: list[str]) -> list[str]:
    """Section labels above the headline and every non-sentence after the last
    sentence go; headlines and in-body subheadings stay."""
    sentences = [i for i, x in enumerate(lines) if is_sentence(x)]
    if not sentences:
        return lines
    last = sentences[-1]
    first = next((i for i in sentences if is_body(lines[i])), sentences[0])
    # Above the body, the longest line is the headline; other short labels are
    # section names, bylines and breadcrumbs.
    headline = max(lines[:first], key=lambda x: len(x.split()), default=None)
    head = [x for x in lines[:first] if x is headline
            or not (is_label(x) and len(x.split()) <= MAX_SECTION_WORDS)]
    # After the last sentence come only widgets: related headlines, bylines, buttons.
    return head + lines[first:last + 1]
