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
  ``Riyad``); ``x`` → ``ks`` (Alexei = Aleksei); ``sh`` → ``x``; ``ph`` → ``f``;
  ``v`` → ``w``; ``dt`` → ``t``; doubled consonants are single; a word-initial ``ye``
  is ``e`` (Cyrillic Е: Yevgeny = Evgeny); ``y`` before a vowel after a consonant is a
  consonant (Kenya), after a vowel part of it (Haniya);
* vowels: a word-initial vowel keeps its class (a / i for e,i / u for o,u), every
  vowel group inside a word becomes one ``e`` (the vowels that romanisations disagree
  on most: Muhammad/Mohammed, Hizballah/Hezbollah), a final i/y/ee becomes ``i`` and a
  final u/ou/o becomes ``u`` (the nisba of ``Sudani`` is kept, so it differs from
  ``Sudan``); a final ``a``/``ah``/``e``/``eh`` is dropped (ta marbuta: Nujaba/Nujabaa,
  Zadeh);
* words are joined without spaces, so "Khatib-Zadeh" = "Khatibzadeh".

The key is lossy on purpose. Known collisions are names that differ only in their
vowels (Hussein/Hassan, Bashir/Bashar); :func:`same_name` separates those by the vowel
of the last syllable, and also matches what one key cannot: words run together
(Amirabdollahian), a vowel dropped (Zawahri), a final -eh that is a syllable (Saleh).
Its threshold is measured on ``gold/name_pairs.tsv`` (docs/gold.md).
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
    ("x", "ks"), ("sch", "x"), ("sh", "x"), ("ch", "C"), ("kh", "k"), ("gh", "k"), ("ck", "k"),
    ("dh", "d"), ("zh", "d"), ("th", "d"), ("dj", "j"), ("ph", "f"),
    ("q", "k"), ("c", "k"), ("z", "d"), ("v", "w"), ("dt", "t"),
)
_VOWELS = set("aeiouy")


# Latin letters Unicode does not decompose into a base letter and a mark (Turkish
# dotless i, Polish l, Nordic o, Vietnamese/Serbian d): folded by hand.
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d",
                               "ħ": "h", "þ": "th", "æ": "ae", "œ": "oe"})


def _fold(text: str) -> str:
    """Lowercase, strip diacritics and apostrophe-like marks (they carry no letter)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED))
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
def word_key(word: str, ta_marbuta: bool = True) -> str:
    """The key of one word (already folded, article-free): see the module docstring.

    ``ta_marbuta=False`` keeps a final -ah/-eh as a syllable: "Saleh" is then "Salih",
    not "Sal" (same_name tries both readings).
    """
    w = word.lower()
    if w.startswith("ye") and len(w) > 3:
        w = w[1:]  # Cyrillic Е: Yevgeny = Evgeny, Yerevan = Erevan
    if ta_marbuta and w.endswith("h") and len(w) > 2 and w[-2] in "ae":
        w = w[:-1]  # ta marbuta: -ah, -eh
    for old, new in _CONSONANT_RULES:
        w = w.replace(old, new)
    out: list[str] = []
    i = 0
    while i < len(w):
        ch = w[i]
        # y before a vowel is a consonant at the start or after a consonant (Yahya,
        # Kenya), a vowel elsewhere (Haniya, Zelenskyy)
        glide = ch == "y" and i + 1 < len(w) and w[i + 1] in "aeou" and (
            i == 0 or w[i - 1] not in _VOWELS) or (ch == "y" and i == 0 and len(w) > 1
                                                  and w[1] in "aeiou")
        is_vowel = ch in _VOWELS and not glide
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


_FAMILY_FIRST = re.compile(r"(?:^|\s)([A-Z][a-z]+)\s+[A-Z][a-z]+-[a-z]+$")


def surname_word(text: str) -> str:
    """The word of a full name that is its surname, as written: the last one, or the
    first of a Korean name written family name first ("Ban" of "Ban Ki-moon")."""
    family_first = _FAMILY_FIRST.search(text.strip())
    words = text.split()
    return family_first.group(1) if family_first else (words[-1] if words else "")


@lru_cache(maxsize=65536)
def surname_keys(text: str) -> tuple[str, ...]:
    """Keys under which a partial mention of this name may appear in the same text.

    For "Prime Minister Mustafa al-Kadhimi": the last word ("Kazemi" finds it), the
    last two words joined ("Khatib Zadeh" = "Khatibzadeh") and a kunya with its next
    word ("Abu Mahdi"). Titles are skipped. Single-word names give their own key.
    A Korean name written family name first, given name hyphenated ("Ban Ki-moon",
    "Kim Jong-un") has its first word as the surname.
    """
    family_first = _FAMILY_FIRST.search(text.strip())
    if family_first:
        key = word_key(_fold(family_first.group(1)))
        return (key,) if len(key) >= 3 else ()
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


_ARTICLE_WORD = re.compile(r"(?:^|\s)(?:al|el|ul|il|ol)[-\s]")


def has_article(text: str) -> bool:
    """Whether a name carries an Arabic article ("Al-Sinek", "Mustafa al-Kadhimi")."""
    return bool(_ARTICLE_WORD.search(_fold(text)))


def short_keys(text: str) -> tuple[str, ...]:
    """Keys of the shorter names a fuller one is cut to in the same text: its leading
    words ("Abu Layth" of "Abu Layth al-Tamimi"; every prefix of two words or more that
    leaves a word out), and first and last name without the middle ("Luis Díaz" of
    "Luis Manuel Díaz")."""
    words = _name_words(text)
    keys = [name_key(" ".join(words[:n])) for n in range(2, len(words))]
    if len(words) >= 3 and words[0] not in {"abu", "um", "umm", "ibn", "bin", "abd"}:
        keys.append(name_key(f"{words[0]} {words[-1]}"))
    return tuple(keys)


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


_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_QUALITY = {"a": "a", "i": "i", "y": "i", "o": "u", "u": "u"}
_ABD = re.compile(r"^abd[aeiou]l")  # Abdul/Abdel/Abdal = Abd al-


def _stressed(word: str) -> set[frozenset[str]]:
    """The qualities the word's last inner vowel may have ("e" may be a or i).

    Romanisations disagree freely on short, unstressed vowels (Hezbollah/Hizballah,
    Tikriti/Takriti, Abdullah/Abdallah) but hardly on the long vowel of the last
    syllable: Bashir is not Bashar, Hussein is not Hassan. A word-final vowel (the
    nisba of "Soleimani") is not that vowel; a one-syllable word's only vowel is. A
    final h may be silent (Nusrah = Nusra), so a word ending in vowel + h has two
    readings.
    """
    groups = list(_VOWEL_GROUP.finditer(word))
    inner = [g for g in groups if g.end() < len(word)] or groups
    readings = [inner]
    if groups and len(word) - groups[-1].end() == 1 and word.endswith("h"):
        readings.append(groups[:-1] or groups)
    out = set()
    for reading in readings:
        if not reading:
            out.add(frozenset("aiu"))
            continue
        qualities = {_QUALITY[ch] for ch in reading[-1].group() if ch != "e"}
        out.add(frozenset(qualities) or frozenset("ai"))
    return out


def _word_vowels_agree(x: str, y: str) -> bool:
    x, y = _ABD.sub("abd", x), _ABD.sub("abd", y)
    nx, ny = len(_VOWEL_GROUP.findall(x)), len(_VOWEL_GROUP.findall(y))
    if abs(nx - ny) == 1:
        # A final -a read as ta marbuta (Hamza/Hamz) still leaves the stressed vowel
        # before it to compare: Aruba is not Arab.
        longer, shorter = (x, y) if nx > ny else (y, x)
        if longer.endswith("a") and not longer.endswith(("aa", "ia", "ya")):
            x, y, nx = longer[:-1], shorter, ny
    if nx != ny:
        return True  # a word that lost or gained a vowel (Zawahiri/Zawahri): no alignment
    return any(p & q for p in _stressed(x) for q in _stressed(y))


def vowels_agree(a: str, b: str) -> bool:
    """Whether two spellings with the same key also agree on their stressed vowels."""
    wa, wb = _words(a), _words(b)
    if len(wa) == len(wb):
        return all(_word_vowels_agree(x, y) for x, y in zip(wa, wb, strict=True))
    return fuzz.ratio(_vowel_form(a), _vowel_form(b)) >= 70


def _is_initial(folded: str, match: re.Match[str]) -> bool:
    return len(match.group()) == 1 and folded[match.end():match.end() + 1] == "."


@lru_cache(maxsize=65536)
def _readings(text: str) -> tuple[tuple[str, ...], ...]:
    """The name's possible keys, each as a tuple of word keys: with and without the
    ta marbuta rule, and with all words run together ("Amir-Abdollahian" =
    "Amirabdollahian", "Ansar Allah" = "Ansarullah"). Initials ("J.") are left out."""
    folded = _fold(text)
    initials = {m.group() for m in _WORD.finditer(folded) if _is_initial(folded, m)}
    words = [w for w in _words(text) if w not in initials]
    if not words:
        return ()
    out: dict[tuple[str, ...], None] = {}
    for rule in (True, False):
        out[tuple(word_key(w, rule) for w in words)] = None
        out[(word_key("".join(words), rule),)] = None
    return tuple(r for r in out if "".join(r))


def _skeleton(key: str) -> str:
    """The consonants of a key, with its first vowel and a final i/u kept (Sudan is not
    Sudani): vowels dropped or added inside a name (Zawahiri/Zawahri) do not count."""
    inner = re.sub(r"[aeiouy]", "", key[1:-1])
    return key[:1] + inner + (key[-1] if len(key) > 1 else "")


def same_name(a: str, b: str) -> float:
    """How likely two spellings name the same person or group, 0..1.

    1.0 when some reading of each has the same key and the vowels agree; 0.9 when only
    the vowels inside the name differ in number (Zawahiri/Zawahri); 0.8 when the keys
    agree but the vowels do not (Hussein/Hassan); otherwise the normalised Levenshtein
    similarity of the keys, lowered when the first sound differs, and capped below
    :data:`LIKELY_SAME` when a whole word differs (Ahmad Massoud/Ahmad Shah Massoud;
    Abu al-Hasan al-Hashimi/Abu al-Hussein al-Husseini). The thresholds
    :data:`SAME_NAME` and :data:`LIKELY_SAME` were chosen on ``gold/name_pairs.tsv``.
    """
    ra, rb = _readings(a), _readings(b)
    if not ra or not rb:
        return 0.0
    joined_a = {"".join(r) for r in ra}
    joined_b = {"".join(r) for r in rb}
    agree = vowels_agree(a, b)
    if joined_a & joined_b:
        return 1.0 if agree else 0.8
    if {_skeleton(k) for k in joined_a} & {_skeleton(k) for k in joined_b} and \
            min(len(k) for k in joined_a | joined_b) >= 5:
        return SAME_NAME if agree else 0.8
    best = 0.0
    for x in ra:
        for y in rb:
            kx, ky = "".join(x), "".join(y)
            score = Levenshtein.normalized_similarity(kx, ky)
            if kx[0] != ky[0]:
                score -= 0.1  # names rarely vary in their first sound
            if len(x) != len(y) or any(
                    Levenshtein.normalized_similarity(wx, wy) < 0.7
                    for wx, wy in zip(x, y, strict=True)) or not vowels_agree(a, b):
                score = min(score, LIKELY_SAME - 0.05)  # a whole word differs
            best = max(best, score)
    return max(best, 0.0)
