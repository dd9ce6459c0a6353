"""Whitespace and broken lines: scrapers split sentences across lines and paragraphs.

A block is joined to the next when it cannot end a sentence: it ends with a comma or
a function word ("in the" / "meantime, the"), or it lacks terminal punctuation and the
next block starts in lower case. Headings (short, capitalised, followed by a capital)
stay on their own.
"""

from __future__ import annotations

import re
import unicodedata

# Unicode spaces, NBSP and zero-widths: normalised so offsets and matching are sane.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_MULTI_SPACE = re.compile(r" {2,}")
TERMINAL = ('.', '!', '?', '…', '"', '”', '’', ')', ']', '»', ':', ';')
FUNCTION_WORDS = frozenset("""
a an the of in on at to for from by with about into onto over under between among
through during after before since until and or but nor as than that which who whom
whose while if because although though when where whether this these those its their
his her our your my is are was were be been being has have had will would shall
should can could may might must not no
""".split())


def normalise(text: str) -> str:
    """NFC, one kind of space and newline, no zero-width characters, no trailing blanks."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", _SPACES.sub(" ", text))
    return "\n".join(_MULTI_SPACE.sub(" ", line).strip() for line in text.split("\n"))


SOFT_WRAP_MIN = 50  # a line this long that stops mid-sentence was wrapped, not ended


def blocks(text: str) -> list[str]:
    """Every non-empty line is a block (scraped text marks paragraphs either way),
    except that hard-wrapped lines inside a paragraph are put back together: a long
    line that stops mid-sentence goes on in the next line. Short lines (widgets,
    headings) are never glued to their neighbours here."""
    out: list[str] = []
    wrapped = False
    for line in text.split("\n"):
        if not line:
            wrapped = False
            continue
        if wrapped and out:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        wrapped = len(line) >= SOFT_WRAP_MIN and not line.endswith(TERMINAL) and not (
            line.endswith((",", "-", "–", "—")))  # those are joined by rejoin() anyway
    return out


def _last_word(block: str) -> str:
    words = block.split()
    return words[-1].lower().strip("\"'“”‘’(") if words else ""


MAX_HEADING_WORDS = 6


def continues(block: str, following: str, after_sentence: bool = False) -> bool:
    """Does ``block`` break off mid-sentence, to go on in ``following``?

    ``after_sentence``: the block before ``block`` ended a sentence, so a short
    capitalised ``block`` is a subheading, not the start of a broken sentence.
    """
    if block.endswith(TERMINAL):
        return False
    if block.endswith((",", "-", "–", "—")) or _last_word(block) in FUNCTION_WORDS:
        return True
    if after_sentence and block[:1].isupper() and len(block.split()) <= MAX_HEADING_WORDS:
        return False
    return following[:1].islower()


def rejoin(parts: list[str]) -> list[str]:
    """Blocks with mid-sentence breaks joined back into paragraphs."""
    out: list[str] = []
    heading_ok: list[bool] = []  # could this paragraph still be a subheading?
    for block in parts:
        if out and continues(out[-1], block, heading_ok[-1]):
            out[-1] = f"{out[-1]} {block}"
            heading_ok[-1] = False
        else:
            heading_ok.append(not out or out[-1].endswith(TERMINAL))
            out.append(block)
    return out
