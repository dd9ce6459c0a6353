"""Transliteration-aware name keys: make romanisation variants of one name collide.

News in English spells Arabic and Persian names many ways: "Mustafa al-Kadhimi",
"Al-Kazemi", "Al Kazemi", "Kazemi"; "Qaani", "Ghaani", "Qa'ani"; "Muhandis",
"Mohandes". Instead of listing every variant, :func:`name_key` maps each spelling to a
coarse phonetic key by rules that undo the usual transliteration choices:

* case and diacritics are dropped (NFKD), apostrophes/ayn/hamza marks disappear;
* the article ``al-``/``el-``/``ul-`` (and its assimilated forms ``ad-``, ``ar-``,
  ``as-``, ``ash-``... when hyphenated) is dropped; ``Abdul``/``Abdel``/``Abd al-``
  become one prefix ``abd``;
* consonant classes: ``kh``/``q``/``gh``/``c``/``ck`` → ``k``; ``dh``/``z``/``zh``/
  ``th``/``d`` → ``d`` (Iraqi/Persian ``Kazemi`` = Arabic ``Kadhimi``; ``Riyadh`` =
  ``Riyad``); ``sh`` → ``x``; ``ph`` → ``f``; ``v`` → ``w``; ``dt`` → ``t``; doubled
  consonants are single;
* vowels: a word-initial vowel keeps its class (a / i for e,i / u for o,u), every
  vowel group inside a word becomes one ``e`` (the vowels that romanisations disagree
  on most: Muhammad/Mohammed, Hizballah/Hezbollah), a final i/y/ee becomes ``i`` and a
  final u/ou/o becomes ``u`` (the nisba of ``Sudani`` is kept, so it differs from
  ``Sudan``); a final ``a``/``ah``/``e``/``eh`` is dropped (ta marbuta: Nujaba/Nujabaa,
  Zadeh);
* words are joined without spaces, so "Khatib-Zadeh" = "Khatibzadeh".

The key is lossy on purpose. Known collisions are names that differ only in their
inner vowels (Hussein/Hassan); :func:`same_name` separates those by also comparing the
vowels, and callers that need certainty use the dictionary.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

#: same_name() at or above this: the same name spelled differently.
SAME_NAME = 0.9
#: same_name() at or above this: probably the same (use with other evidence).
LIKELY_SAME = 0.85

_APOSTROPHES = "'’‘ʿʾ`´ʼ′"
_ARTICLES = {"al", "el", "ul", "il", "ol"}
# Assimilated articles (sun letters) only count when hyphenated: "as" is English.
_SUN_ARTICLES = {"ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an", "ed", "er", "es",
                 "en", "et", "ez", "ud", "ur", "us", "un", "ut", "uz"}
_TITLES = {
    "general", "gen", "lieutenant", "lt", "colonel", "col", "major", "maj", "brigadier",
    "commander", "admiral", "sheikh", "shaikh", "sheik", "sayyid", "sayed", "seyed",
    "sayyed", "seyyed", "mr", "mrs", "ms", "dr", "prof", "president", "minister",
    "prime", "premier", "ayatollah", "imam", "hajj", "haj", "mullah", "king", "prince",
    "emir", "sultan", "crown", "judge", "sen", "senator", "rep", "ambassador", "former",
    "foreign", "defense", "defence", "interior", "deputy", "secretary", "spokesman",
    "chief", "leader", "field", "marshal", "retired", "cleric", "mp", "speaker",
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CONSONANT_RULES: tuple[tuple[str, str], ...] = (
    ("sch", "x"), ("sh", "x"), ("ch", "C"), ("kh", "k"), ("gh", "k"), ("ck", "k"),
    ("dh", "d"), ("zh", "d"), ("th", "d"), ("dj", "j"), ("ph", "f"),
    ("q", "k"), ("c", "k"), ("z", "d"), ("v", "w"), ("dt", "t"),
)
_VOWELS = set("aeiouy")


def _fold(text: str) -> str:
    """Lowercase, strip diacritics and apostrophe-like marks (they carry no letter)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = (ch for ch in decomposed if not unicodedata.combining(ch) and ch not in _APOSTROPHES)
    return "".join(kept)


def _words(text: str) -> list[str]:
    """Split a name into words, dropping articles ("al-", "Al ", hyphenated "as-")."""
    folded = _fold(text)
    words: list[str] = []
    for match in _WORD.finditer(folded):
        word = match.group()
        hyphenated = folded[match.end():match.end() + 1] == "-"
        if word in _ARTICLES or (hyphenated and word in _SUN_ARTICLES):
            continue
        words.append(word)
    return words


def _vowel_group(group: str, initial: bool, final: bool) -> str:
    if initial:
        return {"a": "a", "e": "i", "i": "i", "o": "u", "u": "u", "y": "y"}[group[0]]
    if final:
        if set(group) <= set("ae"):
            return ""  # -a, -aa, -e (ta marbuta, alif): Nujaba = Nujabaa
        return "u" if group[-1] in "ouw" else "i"
    return "e"


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The key of one word (already folded, article-free): see the module docstring."""
    w = word.lower()
    if w.endswith("h") and len(w) > 2 and w[-2] in "ae":
        w = w[:-1]  # ta marbuta: -ah, -eh
    for old, new in _CONSONANT_RULES:
        w = w.replace(old, new)
    out: list[str] = []
    i = 0
    while i < len(w):
        ch = w[i]
        is_vowel = ch in _VOWELS and not (ch == "y" and i == 0 and len(w) > 1
                                          and w[1] in "aeiou")
        if not is_vowel:
            if not out or out[-1] != ch:
                out.append(ch)
            i += 1
            continue
        j = i
        while j < len(w) and w[j] in _VOWELS:
            j += 1
        out.append(_vowel_group(w[i:j], initial=i == 0, final=j == len(w)))
        i = j
    key = "".join(out)
    if key.startswith("abdel") and len(key) > 5:
        key = "abd" + key[5:]
    elif key == "abdel":
        key = "abd"
    return key


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A key shared by romanisation variants of a name ("Al-Kazemi" = "al-Kadhimi").

    Titles are not removed here (use :func:`surname_keys` for partial names); the
    result has no spaces, so word splits do not matter ("Khatib-Zadeh").
    """
    return "".join(word_key(w) for w in _words(text))


def _name_words(text: str) -> list[str]:
    words = _words(text)
    while words and words[0] in _TITLES:
        words = words[1:]
    return words


@lru_cache(maxsize=65536)
def surname_keys(text: str) -> tuple[str, ...]:
    """Keys under which a partial mention of this name may appear in the same text.

    For "Prime Minister Mustafa al-Kadhimi": the last word ("Kazemi" finds it), the
    last two words joined ("Khatib Zadeh" = "Khatibzadeh") and a kunya with its next
    word ("Abu Mahdi"). Titles are skipped. Single-word names give their own key.
    """
    words = _name_words(text)
    keys: list[str] = []
    if not words:
        return ()
    keys.append(word_key(words[-1]))
    if len(words) >= 2:
        keys.append(word_key(words[-2]) + word_key(words[-1]))
    for i, w in enumerate(words[:-1]):
        if word_key(w) in {"abu", "um", "ibn", "bin"}:
            keys.append(word_key(w) + word_key(words[i + 1]))
    return tuple(dict.fromkeys(k for k in keys if len(k) >= 3))


def _vowel_form(text: str) -> str:
    """A finer form: consonant classes as in the key, but vowel classes kept.

    Used only to tell names whose keys collide but whose vowels disagree (Hussein and
    Hassan), not to match.
    """
    words = []
    for word in _words(text):
        for old, new in _CONSONANT_RULES:
            word = word.replace(old, new)
        for old, new in (("ou", "u"), ("oo", "u"), ("o", "u"), ("ee", "i"), ("ei", "i"),
                         ("ai", "i"), ("ay", "i"), ("ey", "i"), ("e", "i"), ("y", "i"),
                         ("aa", "a")):
            word = word.replace(old, new)
        words.append(word)
    return re.sub(r"(.)\1", r"\1", "".join(words))


def vowels_agree(a: str, b: str) -> bool:
    """Whether two spellings with the same key also broadly agree on their vowels."""
    return fuzz.ratio(_vowel_form(a), _vowel_form(b)) >= 70


def same_name(a: str, b: str) -> float:
    """How likely two spellings name the same person or group, 0..1.

    1.0 when the keys are equal and the vowels broadly agree; 0.8 when only the
    consonants agree (Hussein/Hassan); otherwise the normalised Levenshtein similarity
    of the keys (one edit in a short key already falls below :data:`LIKELY_SAME`).
    Compare with :data:`SAME_NAME` and :data:`LIKELY_SAME`.
    """
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0 if vowels_agree(a, b) else 0.8
    score = Levenshtein.normalized_similarity(ka, kb)
    if ka[0] != kb[0]:
        score -= 0.1  # names rarely vary in their first sound
    return max(score, 0.0)
