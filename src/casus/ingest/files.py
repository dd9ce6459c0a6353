"""Finding input files and reading their bytes as text, safely.

Every problem becomes an ``InputError`` for that one file; nothing here raises past
the caller's loop. Sizes are checked before reading, so a huge file costs nothing.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from casus.config import Settings
from casus.errors import (
    BinaryInput,
    EmptyInput,
    InputError,
    TooLarge,
    UndecodableInput,
    UnsupportedFormat,
)

SUFFIXES = {".txt", ".html", ".htm", ".jsonl", ".json"}
GLOB_CHARS = set("*?[")
# Magic numbers of compressed or binary containers that are sometimes misnamed .html.
MAGIC = (b"\x1f\x8b", b"PK\x03\x04", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"%PDF", b"\x89PNG",
         b"\xff\xd8\xff", b"GIF8", b"Rar!")
CONTROL_OK = {"\t", "\n", "\r", "\f", "\x0b"}


def expand(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files named, found in folders (recursively, sorted) or matched by globs.

    Inside a folder walk, hidden files and files of other kinds (README.md, licences)
    are passed over quietly; named explicitly, an unsupported file is an error.
    """
    for raw in paths:
        text = str(raw)
        path = Path(text)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                yield path
            else:
                yield UnsupportedFormat(f"unsupported file type '{path.suffix}'", origin=text)
        elif GLOB_CHARS & set(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield InputError("no file matches this pattern", origin=text)
            for match in matches:
                yield from expand([match]) if Path(match).is_dir() else _keep(Path(match))
        else:
            yield InputError("no such file or folder", origin=text)


def _keep(path: Path) -> Iterator[Path]:
    if path.is_file() and path.suffix.lower() in SUFFIXES:
        yield path


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if any(part.startswith(".") for part in relative):
            continue
        yield from _keep(path)


def read_text(path: Path, settings: Settings) -> tuple[str, list[str]]:
    """The file's text and any warnings; raises an InputError naming the problem."""
    origin = str(path)
    size = path.stat().st_size
    if size > settings.max_document_bytes:
        raise TooLarge(f"file is {size:,} bytes, over the limit of "
                       f"{settings.max_document_bytes:,}", origin=origin)
    data = path.read_bytes()
    if not data.strip():
        raise EmptyInput("empty file", origin=origin)
    text, warnings = decode(data, origin)
    if not text.strip():
        raise EmptyInput("no text in file", origin=origin)
    return text, warnings


def decode(data: bytes, origin: str) -> tuple[str, list[str]]:
    """UTF-8 when it is; else the detected legacy encoding, with a warning; binary refused."""
    if data.startswith(MAGIC) or b"\x00" in data[:65536]:
        raise BinaryInput("binary or compressed data, not text", origin=origin)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text, encoding = _decode_legacy(data, origin)
        _refuse_binary(text, origin)
        return text, [f"not UTF-8; decoded as {encoding}"]
    _refuse_binary(text, origin)
    return text, []


def _decode_legacy(data: bytes, origin: str) -> tuple[str, str]:
    """The likeliest legacy encoding. Among equally good guesses cp1252 wins: news text
    that is not UTF-8 is overwhelmingly Western, and short samples tie (a French line
    reads as well in cp1250, which turns 'à' into 'ŕ')."""
    matches = list(from_bytes(data[:200_000]))
    if matches:
        best = matches[0]
        tied = [m.encoding for m in matches
                if m.chaos == best.chaos and m.coherence == best.coherence]
        encoding = "cp1252" if "cp1252" in tied else best.encoding
        if encoding not in {"utf_8", "ascii"}:
            try:
                return data.decode(encoding), encoding
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise UndecodableInput("text is neither UTF-8 nor a known encoding",
                               origin=origin) from None


def _refuse_binary(text: str, origin: str) -> None:
    sample = text[:65536]
    control = sum(1 for ch in sample if ch < " " and ch not in CONTROL_OK)
    if control > max(8, len(sample) // 50):
        raise BinaryInput("binary data, not text", origin=origin)
