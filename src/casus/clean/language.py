"""Scripts and languages: which parts of a text casus can analyse.

casus analyses English. Fragments in other scripts (a Persian phrase left in a machine
translation) stay in the text, so offsets and evidence are faithful, but are reported
by ``foreign_spans`` so that no actor or event is taken from them.

Language identification is kept light on purpose: a full model (lingua) costs ~200 MB
per process and the analysis is English-only either way. The script of the letters
and a handful of very common words per language are enough to tell English from
"not English", which is all the pipeline needs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Runs of letters outside the Latin script, with the spaces/punctuation between them.
_NON_LATIN_LETTER = r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]"
_RUN = re.compile(rf"{_NON_LATIN_LETTER}(?:[\s\W\d_]*?{_NON_LATIN_LETTER})*")
_WORD = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 20_000

# Unicode script (first word of a character's name) -> the language usually written in it.
SCRIPTS = {"ARABIC": "ar", "CYRILLIC": "ru", "HEBREW": "he", "CJK": "zh", "HIRAGANA": "ja",
           "KATAKANA": "ja", "HANGUL": "ko", "GREEK": "el", "DEVANAGARI": "hi", "THAI": "th",
           "ARMENIAN": "hy", "GEORGIAN": "ka", "ETHIOPIC": "am", "BENGALI": "bn",
           "TAMIL": "ta", "MYANMAR": "my", "KHMER": "km"}
# Letters only Persian (and Urdu/Pashto) add to the Arabic alphabet.
PERSIAN_LETTERS = set("پچژگکی")
# The most frequent short words of Latin-script languages a news feed may carry.
STOPWORDS = {
    "en": "the of and to in is that for on with was as by said it from are were has".split(),
    "fr": "le la les des et est une dans du que pour sur pas au qui avec sont".split(),
    "es": "el la los las del y en que por una con para es se al como fue".split(),
    "pt": "o a os as do da dos das em que uma para com não foi ao pelo".split(),
    "de": "der die und das ist nicht mit den von sich des auf eine für dem".split(),
    "it": "il la di che è e un per non una sono del della con gli nel".split(),
    "tr": "ve bir bu için ile da de olarak olan çok daha gibi ancak".split(),
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada".split(),
}


def foreign_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of text in non-Latin scripts."""
    return [(m.start(), m.end()) for m in _RUN.finditer(text)]


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def detect_language(text: str) -> str:
    """An ISO 639-1 code: 'en' unless most letters are in another script or most of the
    common words belong to another language; 'und' when it cannot tell."""
    sample = text[:SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return "und"
    scripts = Counter(_script(ch) for ch in letters)
    script, count = scripts.most_common(1)[0]
    if script != "LATIN" and count > 0.5 * len(letters):
        if script == "ARABIC" and PERSIAN_LETTERS & set(sample):
            return "fa"
        return SCRIPTS.get(script, "und")
    return _latin_language(sample)


def _latin_language(sample: str) -> str:
    """The Latin-script language whose commonest words occur most often."""
    words = Counter(w.lower() for w in _WORD.findall(sample))
    scores = {lang: sum(words[w] for w in common) for lang, common in STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] == 0:
        return "en"  # too short to tell; casus reads English
    return "en" if scores["en"] >= 0.5 * scores[best] else best
