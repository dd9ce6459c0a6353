"""Whitespace and broken lines: scrapers split sentences across lines and paragraphs.

A block is joined to the next when it cannot end a sentence: it ends with a comma or
a lower-case function word ("in the" / "meantime, the"), or it lacks terminal
punctuation and the next block starts in lower case. Headings (short, capitalised,
after a finished sentence) stay on their own.
"""

from __future__ import annotations

import re
import statistics
import unicodedata

# Unicode spaces, NBSP and tabs become one space; zero-widths and soft hyphens go.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Control characters are never text (a stray NUL, a C1 byte from a wrong decoding) and
# would make the XML exports invalid: they go too.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_MULTI_SPACE = re.compile(r" {2,}")
TERMINAL = (".", "!", "?", "…", '"', "”", "’", ")", "]", "»", ":", ";")
CONTINUING = (",", "-", "–", "—", "&")
FUNCTION_WORDS = frozenset("""
a an the of in on at to for from by with about into onto over under between among
through during after before since until and or but nor as than that which who whom
whose while if because although though when where whether this these those its their
his her our your my is are was were be been being has have had will would shall
should can could may might must not
""".split())
MAX_HEADING_WORDS = 6
SOFT_WRAP_MIN = 50  # a line this long that stops mid-sentence was wrapped, not ended
WRAP_MAX_WIDTH = 100  # hard-wrapped text keeps its lines at most this long


def normalise(text: str) -> str:
    """NFC, one kind of space and newline, no zero-width or control characters, no
    trailing blanks.

    Only whitespace changes: quotes, dashes and letters stay as the source wrote them.
    """
    text = _NEWLINES.sub("\n", unicodedata.normalize("NFC", text))
    text = _CONTROL.sub("", _ZERO_WIDTH.sub("", _SPACES.sub(" ", text)))
    return "\n".join(_MULTI_SPACE.sub(" ", line).strip() for line in text.split("\n"))


def wrap_width(text: str) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None when it was not.

    Wrapped text has many long-ish lines of nearly the same length, none much longer;
    scraped text has one line per paragraph, of every length.
    """
    long = [len(x) for x in text.split("\n") if len(x) >= 40]
    if len(long) < 4 or max(long) > WRAP_MAX_WIDTH:
        return None
    width = max(long)
    near = sum(1 for n in long if n >= width - 20)
    return width if near >= 0.6 * len(long) and statistics.median(long) >= 50 else None


def blocks(text: str) -> list[str]:
    """Every non-empty line is a block (scraped text marks paragraphs either way),
    except that hard-wrapped lines inside a paragraph are put back together: a long
    line that stops mid-sentence, or in wrapped text a full-width line, goes on in
    the next line. Short lines (widgets, headings) are never glued to neighbours."""
    width = wrap_width(text)
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
        full = width is not None and len(line) >= width - 25
        wrapped = full or (len(line) >= SOFT_WRAP_MIN and not line.endswith(TERMINAL)
                           and not line.endswith(CONTINUING))  # rejoin() joins those
    return out


def _ends_in_function_word(block: str) -> bool:
    """Ends with a lower-case article, preposition, conjunction or auxiliary: such a
    word cannot end a sentence. Capitalised ("in May", "Plan A") it can end a heading."""
    words = block.split()
    if not words:
        return False
    last = words[-1].strip("\"'“”‘’(")
    return last.islower() and last in FUNCTION_WORDS


def continues(block: str, following: str, after_sentence: bool = False) -> bool:
    """Does ``block`` break off mid-sentence, to go on in ``following``?

    ``after_sentence``: the block before ``block`` ended a sentence, so a short
    capitalised ``block`` is a subheading, not the start of a broken sentence.
    """
    if block.endswith(TERMINAL):
        return False
    if block.endswith(CONTINUING) or _ends_in_function_word(block):
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
