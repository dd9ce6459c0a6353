"""Reading PETRARCH/TABARI dictionaries into casus's dictionary model.

Decades of event-data work live in these files; reading them lets users bring theirs.
The formats (PETRARCH's documentation, and the files under ``../shared/eval/petrarch``):

- actors: ``NAME_WITH_UNDERSCORES [CODE]`` opens an entry, ``+SYNONYM`` lines add
  names, tab-indented ``[CODE date-date]`` / ``[CODE < date]`` / ``[CODE > date]`` /
  ``[CODE]`` lines give dated codes (dates ``YYYYMMDD`` or ``YYMMDD``). ``#`` starts a
  comment, ``<!-- ... -->`` blocks are comments too.
- agents: ``NAME {PLURALS} [~CODE]``, ``!SET! = A, B`` substitution sets used as
  ``CONGRESS!PERSON!``; the code's first three letters after ``~`` are the role.
- discards: ``PHRASE`` rules out a sentence, ``+PHRASE`` a whole story.
- verbs: ``&SYNSET`` blocks of ``+WORD``; ``--- VERB [CODE] ---`` blocks with verb
  forms and ``- pre * post [CODE]`` patterns. Read into :class:`VerbBlock`; compiled and
  matched by ``casus.events.verbpatterns`` for the ``casus_petrarch_verbs`` component.

Hand-written because no maintained Python library reads these formats (PETRARCH2 reads
them inside its coder, bound to its Treebank pipeline).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from casus.actors.roles import ROLE_TYPES, RolePeriod
from casus.errors import DictionaryError

if TYPE_CHECKING:
    from casus.actors.dictionary import ActorDictionary

_COMMENT_BLOCK = re.compile(r"<!--.*?-->", re.DOTALL)
_CODE = re.compile(r"\[([^\]]*)\]")
_PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "del", "la", "van", "von", "der", "da"}


def read_text(path: Path) -> str:
    """The file as text: UTF-8, else Latin-1 (older TABARI files are Latin-1)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return _COMMENT_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(read_text(path).splitlines(), 1):
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            yield number, line


def phrase(token: str) -> str:
    """``PRESIDENT_GEORGE_W._BUSH`` -> ``President George W. Bush``."""
    words = [w for w in re.split(r"[_\s]+", token.strip().strip("_")) if w]
    out: list[str] = []
    for word in words:
        parts = [p[:1].upper() + p[1:].lower() for p in word.split("-")]
        if out and parts[0].lower() in _PARTICLES:  # "al-Maliki", "bin Laden" (not first)
            parts[0] = parts[0].lower()
        out.append("-".join(parts))
    return " ".join(out)


def _date(text: str) -> date:
    digits = text.strip()
    if len(digits) == 6:  # YYMMDD: PETRARCH's pivot puts 30-99 in the 1900s
        year = int(digits[:2])
        digits = f"{1900 + year if year >= 30 else 2000 + year}{digits[2:]}"
    if len(digits) != 8 or not digits.isdigit():
        raise ValueError(f"not a PETRARCH date: {text!r}")
    return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))


def parse_code_block(block: str) -> RolePeriod | None:
    """``IRQGOV 20060520-20140908`` / ``HOB < 950601`` / ``IRQ`` -> a RolePeriod.

    ``---`` and other placeholders (no code) give None.
    """
    text = block.strip()
    if not text or not text[0].isalnum():
        return None
    code, _, rest = text.partition(" ")
    code, rest = code.upper(), rest.strip()
    if not rest:
        return RolePeriod(code)
    if rest.startswith("<"):
        return RolePeriod(code, None, _date(rest[1:]) - timedelta(days=1))
    if rest.startswith(">"):
        return RolePeriod(code, _date(rest[1:]) + timedelta(days=1), None)
    start, _, end = rest.partition("-")
    return RolePeriod(code, _date(start), _date(end))


@dataclass
class ActorRecord:
    """One entry of an actors file, as written."""

    names: list[str]
    periods: list[RolePeriod] = field(default_factory=list)
    line: int = 0


def _add_periods(record: ActorRecord, text: str, number: int, problems: list[str]) -> None:
    for block in _CODE.findall(text):
        try:
            period = parse_code_block(block)
        except ValueError as exc:  # real files have typos ("9008223"): skip that period
            problems.append(f"line {number}: [{block}] skipped: {exc}")
            continue
        if period is not None:
            record.periods.append(period)


def read_actors(path: Path, problems: list[str] | None = None) -> list[ActorRecord]:
    """Every entry of a PETRARCH actors file. A malformed date skips that one dated code
    (noted in ``problems``); a line that fits no form raises DictionaryError."""
    problems = problems if problems is not None else []
    records: list[ActorRecord] = []
    current: ActorRecord | None = None
    for number, line in _lines(path):
        try:
            stripped = line.strip()
            if line[0] in " \t" and stripped.startswith("["):
                if current is None:
                    raise ValueError("a code line before any actor")
                _add_periods(current, stripped, number, problems)
            elif stripped.startswith("+"):
                if current is None:
                    raise ValueError("a synonym before any actor")
                name = _CODE.sub("", stripped[1:]).strip()
                if name:
                    current.names.append(name)
            else:
                name = _CODE.split(stripped)[0].strip()
                current = ActorRecord([name], line=number)
                records.append(current)
                _add_periods(current, stripped, number, problems)
        except ValueError as exc:
            raise DictionaryError(f"line {number}: {exc}", origin=str(path)) from None
    return [r for r in records if r.names[0]]


def read_agent_codes(path: Path, problems: list[str] | None = None) -> list[tuple[str, str]]:
    """(phrase, code as written) for every agent form, singular and plural: ``~GOV`` is
    added after an actor's code, ``NGO~`` before it. ``{A B}`` lists the plurals, ``{}``
    says there is none, no braces asks for the regular plural.
    A line without a readable ``[~CODE]`` (real files have "[~ENV}") is skipped and noted."""
    problems = problems if problems is not None else []
    sets: dict[str, list[str]] = {}
    out: list[tuple[str, str]] = []
    for number, line in _lines(path):
        stripped = line.strip()
        if "=" in stripped and stripped.startswith("!"):
            name, _, values = stripped.partition("=")
            sets[name.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        codes = _CODE.findall(stripped)
        if not codes or "~" not in codes[-1]:
            problems.append(f"line {number}: no [~CODE]: {stripped[:60]!r} skipped")
            continue
        code = codes[-1].replace(" ", "").upper()
        head = _CODE.split(stripped)[0]
        plural = re.search(r"\{([^}]*)\}", head)
        name = re.sub(r"\{[^}]*\}", "", head).strip()
        forms = [name]
        forms += plural.group(1).split() if plural is not None else [_regular_plural(name)]
        for form in forms:
            out += [(expanded, code) for expanded in _expand(form, sets)]
    return out


def _regular_plural(name: str) -> str:
    if name.endswith("Y") and name[-2:-1] not in tuple("AEIOU"):
        return name[:-1] + "IES"
    return name + ("ES" if name.endswith(("S", "X", "CH", "SH")) else "S")


def read_agents(path: Path, problems: list[str] | None = None) -> dict[str, str]:
    """Agent phrases (lower case, singular and plural) -> CAMEO role (the code's first
    three letters); codes that are no CAMEO role (religions, ethnicities) are left out."""
    agents: dict[str, str] = {}
    for form, code in read_agent_codes(path, problems):
        role = code.strip("~")[:3]
        if role in ROLE_TYPES:
            agents.setdefault(phrase(form).lower(), role)
    return agents


def _expand(form: str, sets: dict[str, list[str]]) -> list[str]:
    match = re.search(r"![A-Z]+!", form)
    if not match:
        return [form]
    return [e for value in sets.get(match.group(0), [])
            for e in _expand(form.replace(match.group(0), value, 1), sets)]


def read_discards(path: Path) -> tuple[set[str], set[str]]:
    """(sentence-level, story-level) discard phrases, lower case."""
    sentence: set[str] = set()
    story: set[str] = set()
    for _, line in _lines(path):
        text = line.strip()
        target = story if text.startswith("+") else sentence
        target.add(phrase(text.lstrip("+")).lower())
    return sentence, story


@dataclass
class VerbPattern:
    before: list[str]
    after: list[str]
    code: str


@dataclass
class VerbBlock:
    """One ``--- VERB [CODE] ---`` block: its forms and patterns."""

    verb: str
    code: str
    forms: list[str] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


def read_verbs(path: Path) -> tuple[dict[str, list[str]], list[VerbBlock]]:
    """Synsets (``&NAME`` -> words) and verb blocks of a PETRARCH verbs file."""
    synsets: dict[str, list[str]] = {}
    blocks: list[VerbBlock] = []
    synset: str | None = None
    for number, line in _lines(path):
        text = line.strip()
        header = re.match(r"^-{3}\s*(\S+)\s*\[([^\]]*)\]\s*-{3}", text)
        if header:
            synset = None
            blocks.append(VerbBlock(phrase(header.group(1)).lower(), header.group(2).strip()))
        elif text.startswith("&"):
            synset = text.split()[0]
            synsets[synset] = []
        elif text.startswith("- "):
            if not blocks:
                raise DictionaryError(f"line {number}: a pattern before any verb",
                                      origin=str(path))
            codes = _CODE.findall(text)
            body = _CODE.split(text[2:])[0]
            before, _, after = body.partition("*")
            blocks[-1].patterns.append(VerbPattern(before.split(), after.split(),
                                                   codes[-1].strip() if codes else ""))
        elif text.startswith("+") and synset is not None:
            synsets[synset].append(text[1:].strip())
        elif blocks and synset is None:
            blocks[-1].forms.append(_CODE.split(text)[0].strip())
    return synsets, blocks


def load_petrarch_folder(dic: ActorDictionary, folder: Path) -> list[str]:
    """Add a folder's PETRARCH actors, agents and discards to ``dic``; returns the
    problems met (skipped typos), each naming its file and line."""
    problems: list[str] = []
    for path in sorted(folder.glob("*.actors.txt")):
        mine: list[str] = []
        add_actors(dic, path, mine)
        problems += [f"{path.name}: {p}" for p in mine]
    for path in sorted(folder.glob("*.agents.txt")):
        mine = []
        agents = read_agents(path, mine)
        problems += [f"{path.name}: {p}" for p in mine]
        for form, role in agents.items():
            dic.agents.setdefault(form, (role, False))
    for path in sorted(folder.glob("*.discards.txt")):
        sentence, story = read_discards(path)
        dic.discard_sentence |= sentence
        dic.discard_story |= story
    dic.problems += problems
    return problems


def add_actors(dic: ActorDictionary, path: Path, problems: list[str] | None = None) -> int:
    """Add an actors file's entries; returns how many. A bare country code already in
    the dictionary only adds its names to that country (one identity per country)."""
    from casus.actors.dictionary import Entry
    from casus.actors.names import name_key

    added = 0
    stem = path.name.split(".")[0].lower()
    for record in read_actors(path, problems):
        names = list(dict.fromkeys(phrase(n) for n in record.names if phrase(n)))
        if not names:
            continue
        codes = {p.code for p in record.periods}
        if len(codes) == 1 and (code := next(iter(codes))) in dic.entries and all(
                p.start is None and p.end is None for p in record.periods):
            country = dic.entries[code]
            dic.add_forms(country, [(n, "name") for n in names])
            continue
        known = dic.lookup(names[0])
        if known is not None and not known.entry_id.startswith(f"{stem}:"):
            same = dic.entries[known.entry_id]
            if same.kind == "actor" and name_key(same.name) == name_key(names[0]):
                # casus already knows this actor: one identity, the other file's names
                dic.add_forms(same, [(n, "name") for n in names])
                continue
        base = f"{stem}:{name_key(names[0]) or record.line}"
        entry_id, n = base, 1
        while entry_id in dic.entries:
            n += 1
            entry_id = f"{base}-{n}"
        kind_type = "GPE" if codes and all(len(c) == 3 for c in codes) else "ORG"
        dic.add(Entry(id=entry_id, name=names[0], type=kind_type, roles=tuple(record.periods),
                      aliases=tuple(names[1:])))
        added += 1
    return added
