"""Scripts and languages: which parts of a text casus can analyse.

casus analyses English. Fragments in other scripts (a Persian phrase left in a machine
translation) stay in the text, so offsets and evidence are faithful, but are reported
by ``foreign_spans`` so that no actor or event is taken from them.
"""

from __future__ import annotations

import re
import unicodedata

# Runs of letters outside the Latin script, with the spaces/punctuation between them.
_NON_LATIN_LETTER = r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]"
_RUN = re.compile(rf"{_NON_LATIN_LETTER}(?:[\s\W\d_]*?{_NON_LATIN_LETTER})*")


def _is_latin(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")


def foreign_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of text in non-Latin scripts."""
    return [(m.start(), m.end()) for m in _RUN.finditer(text)]


def detect_language(text: str) -> str:
    """'en' for Latin-script text; 'und' (undetermined) when most letters are in another
    script. A light check on purpose: a full language model costs ~200 MB per process,
    and casus's analysis is English-only either way."""
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    if not letters:
        return "und"
    latin = sum(1 for ch in letters if _is_latin(ch))
    return "en" if latin >= 0.5 * len(letters) else "und"
