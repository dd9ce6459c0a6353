"""Finding input files and reading their bytes as text, safely.

Every problem becomes an ``InputError`` for that one file; nothing here raises past
the caller's loop. Sizes are checked (``os.stat``) before reading, so a huge file
costs nothing.
"""

from __future__ import annotations

import codecs
import glob
import re
from collections.abc import Iterable, Iterator
from functools import cache
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
         b"\xff\xd8\xff", b"GIF8", b"Rar!", b"\x28\xb5\x2f\xfd", b"\x7fELF", b"\xd0\xcf\x11\xe0")
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
CONTROL_OK = {"\t", "\n", "\r", "\f", "\x0b"}
CONTROL_BYTES = bytes(b for b in range(32) if chr(b) not in CONTROL_OK)
SNIFF_BYTES = 65536
# ``surrogateescape`` turns each byte UTF-8 cannot read into U+DC80..U+DCFF.
ESCAPED = re.compile("[\udc80-\udcff]")
ESCAPED_TAIL = re.compile("[\udc80-\udcff]{1,3}$")
PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"
MULTIBYTE = re.compile("[^\x00-\x7f\udc80-\udcff]")  # characters UTF-8 read correctly


def expand(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files named, found in folders (recursively, sorted) or matched by globs, each once.

    Inside a folder walk, hidden files and files of other kinds (README.md, licences)
    are passed over quietly; named explicitly, an unsupported file is an error.
    """
    seen: set[Path] = set()
    for item in _expand(paths):
        if isinstance(item, Path):
            key = item.resolve()
            if key in seen:
                continue
            seen.add(key)
        yield item


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
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
                found = Path(match)
                yield from _walk(found) if found.is_dir() else _keep(found)
        else:
            yield InputError("no such file or folder", origin=text)


def _keep(path: Path) -> Iterator[Path]:
    if path.is_file() and path.suffix.lower() in SUFFIXES and not path.name.startswith("."):
        yield path


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if any(part.startswith(".") for part in relative):
            continue
        yield from _keep(path)


def check_size(path: Path, settings: Settings) -> int:
    """The file's size; TooLarge before a byte is read when it is over the limit."""
    size = path.stat().st_size
    if size > settings.max_document_bytes:
        raise TooLarge(f"file is {size:,} bytes, over the limit of "
                       f"{settings.max_document_bytes:,}", origin=str(path))
    return size


def read_text(path: Path, settings: Settings) -> tuple[str, list[str]]:
    """The file's text and any warnings; raises an InputError naming the problem."""
    origin = str(path)
    check_size(path, settings)
    data = path.read_bytes()
    if not data.strip():
        raise EmptyInput("empty file", origin=origin)
    text, warnings = decode(data, origin)
    if not text.strip():
        raise EmptyInput("no text in the file", origin=origin)
    return text, warnings


def sniff_binary(data: bytes, origin: str) -> None:
    """BinaryInput for archives, images, executables and anything with NUL bytes."""
    if data.startswith(UTF16_BOMS):
        return
    if data.startswith(MAGIC) or b"\x00" in data[:SNIFF_BYTES]:
        raise BinaryInput("binary or compressed data, not text", origin=origin)


def sniff_container(data: bytes, origin: str) -> None:
    """BinaryInput for a file that is not text as a whole (an archive, or mostly control
    bytes), where one NUL byte only spoils its own JSONL line."""
    if data.startswith(MAGIC) or _controls(data) > max(8, len(data) // 50):
        raise BinaryInput("binary or compressed data, not text", origin=origin)


def _controls(data: bytes) -> int:
    return len(data) - len(data.translate(None, CONTROL_BYTES))


def decode(data: bytes, origin: str) -> tuple[str, list[str]]:
    """UTF-8 when it is; else UTF-16 by its BOM or the detected legacy encoding, with a
    warning; binary data refused."""
    sniff_binary(data, origin)
    if data.startswith(UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise BinaryInput("binary data, not text", origin=origin) from None
        _refuse_binary(text, origin)
        return text, ["not UTF-8; decoded as UTF-16"]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text, warning = decode_broken_utf8(data, origin)
        _refuse_binary(text, origin)
        return text, [warning]
    _refuse_binary(text, origin)
    return text, []


def decode_broken_utf8(data: bytes, origin: str) -> tuple[str, str]:
    """Text that is not valid UTF-8, and a warning saying how it was read.

    Three cases. UTF-8 cut off inside its last character (a truncated download) loses
    only that character. UTF-8 with a few stray legacy bytes (feeds pasted together)
    keeps its UTF-8 and reads each stray byte as cp1252. Anything else is a legacy
    encoding, detected. Reading a whole UTF-8 article as cp1252 (or cp932) because of
    one bad byte would garble every accented letter and quote in it.
    """
    text = data.decode("utf-8", "surrogateescape").removeprefix("\ufeff")
    stray = ESCAPED.findall(text)
    utf8 = len(MULTIBYTE.findall(text))  # evidence: characters UTF-8 did read
    tail = ESCAPED_TAIL.search(text)
    if utf8 and tail is not None and len(stray) == tail.end() - tail.start():
        try:
            data[len(data) - len(stray):].decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.reason == "unexpected end of data":
                return text[:tail.start()], "UTF-8 cut off inside its last character; dropped"
    if utf8 >= len(stray):
        text = ESCAPED.sub(lambda m: _legacy_byte(ord(m.group()) - 0xDC00), text)
        return text, f"mostly UTF-8; {len(stray):,} stray bytes decoded as cp1252"
    text, encoding = decode_legacy(data, origin)
    return text, f"not UTF-8; decoded as {encoding}"


@cache
def _ascii_compatible(encoding: str) -> bool:
    try:
        return PRINTABLE_ASCII.decode(encoding) == PRINTABLE_ASCII.decode("ascii")
    except (UnicodeDecodeError, LookupError):
        return False


def _legacy_byte(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


def decode_legacy(data: bytes, origin: str) -> tuple[str, str]:
    """The likeliest legacy encoding. Among equally good guesses cp1252 wins: news text
    that is not UTF-8 is overwhelmingly Western, and short samples tie (a French line
    reads as well in cp1250, which turns 'à' into 'ŕ')."""
    # Only encodings that read ASCII as ASCII: on a short sample charset_normalizer may
    # guess EBCDIC (cp037) or BOM-less UTF-16, which turn plain English into noise.
    matches = [m for m in from_bytes(data[:200_000]) if _ascii_compatible(m.encoding)]
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
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte, so nothing is lost.
        return data.decode("latin-1"), "latin-1"


def _refuse_binary(text: str, origin: str) -> None:
    """Decoded text that is mostly control characters was never text."""
    sample = text[:SNIFF_BYTES]
    control = sum(1 for ch in sample if ch < " " and ch not in CONTROL_OK)
    if control > max(8, len(sample) // 50):
        raise BinaryInput("binary data, not text", origin=origin)
    if "\ufffd" in sample and sample.count("\ufffd") > max(8, len(sample) // 20):
        raise UndecodableInput("text is full of undecodable characters", origin=origin)
