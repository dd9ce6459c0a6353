"""Hostile files through every reader and the cleaner: a document or ONE error line each.

Hypothesis generates structured inputs; atheris (libFuzzer, coverage-guided, in a
subprocess: atheris_readers.py) mutates real ones. Each runs a fixed, seeded number of
inputs, so CI is repeatable; the counts are printed
in the "hostile inputs tried" summary. Reading goes through ``batch.iter_documents``,
the exact path ``casus ingest`` takes before the NLP: read, decode, extract, clean.
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import time
import tracemalloc
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casus.batch import BatchReport, iter_documents
from casus.config import Settings
from casus.ingest.files import decode
from casus.records import Document
from tests.conftest import SEEDS

SUFFIXES = (".txt", ".html", ".json", ".jsonl")
SECONDS = 10.0  # per input, generous: the slowest real case here takes well under 1 s
FUZZ = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
ARTICLE = (SEEDS / "004_e03c588a3ee11681.txt").read_text("utf-8")
PARAGRAPH = ("The army and the rebel alliance agreed on Wednesday to a seven-day truce in "
             "the north, mediators in Côte d’Ivoire said, after a week of “heavy” fighting.")


def outcomes(path: Path, config: Settings | None = None
             ) -> tuple[list[Document], list[str], BatchReport]:
    """Documents and error lines for one input, in bounded time; any other exception
    propagates and fails the test."""
    report, lines = BatchReport(), []
    started = time.monotonic()
    docs = list(iter_documents([str(path)], config or Settings.load(), report, lines.append))
    assert time.monotonic() - started < SECONDS, f"{path.name} took too long"
    return docs, report.problems, report


def assert_one_outcome(path: Path, docs: list[Document], problems: list[str]) -> None:
    """A single-article file gives one document or one clear error line, never both."""
    assert len(docs) + len(problems) == 1, (docs, problems)
    for line in problems:
        assert_clear(line, path)
    for doc in docs:
        assert_sound(doc)


def assert_clear(line: str, path: Path) -> None:
    """``error E1xx: <path>[:line]: what went wrong (what to do)`` on one line."""
    assert "\n" not in line and "\r" not in line, line
    assert line.startswith("error E1"), line
    assert str(path) in line, line


def assert_sound(doc: Document) -> None:
    """What the store, the fingerprint and the XML exports will need of the text."""
    assert doc.text.strip() and doc.text == doc.text.strip()
    doc.text.encode("utf-8")  # no lone surrogates
    (doc.title or "").encode("utf-8")
    assert not any(ch < " " and ch != "\n" for ch in doc.text), repr(doc.text[:200])
    assert "\n\n\n" not in doc.text


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


# -- random bytes ---------------------------------------------------------------------
@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(data=st.binary(max_size=3000))
def test_readers_random_bytes(folder: Path, tried: Counter[str], suffix: str, data: bytes
                              ) -> None:
    tried[f"readers.random_bytes{suffix}"] += 1
    path = folder / f"random{suffix}"
    path.write_bytes(data)
    docs, problems, _ = outcomes(path)
    if suffix == ".jsonl":
        assert docs or problems
        assert len(docs) + len(problems) <= data.count(b"\n") + 1
        for line in problems:
            assert_clear(line, path)
    else:
        assert_one_outcome(path, docs, problems)


# -- text in any encoding, cut anywhere, encodings mixed ------------------------------
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "cp1251", "koi8-r",
             "shift_jis", "gb18030", "iso-8859-7", "mac_roman")
WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
PROSE = st.lists(st.one_of(st.just(PARAGRAPH), WORDS), min_size=1, max_size=6).map(" ".join)


@st.composite
def encoded(draw: st.DrawFn) -> bytes:
    """Text in one or more encodings, perhaps cut short mid-character."""
    parts = draw(st.lists(st.tuples(PROSE, st.sampled_from(ENCODINGS)), min_size=1,
                          max_size=3))
    data = b"".join(text.encode(enc, errors="replace") for text, enc in parts)
    cut = draw(st.integers(min_value=0, max_value=8))
    return data[: len(data) - cut] if cut else data


@pytest.mark.parametrize("suffix", [".txt", ".html"])
@FUZZ
@given(data=encoded())
def test_readers_any_encoding_truncated_or_mixed(folder: Path, tried: Counter[str],
                                                 suffix: str, data: bytes) -> None:
    tried[f"readers.encodings{suffix}"] += 1
    path = folder / f"encoded{suffix}"
    path.write_bytes(data)
    docs, problems, _ = outcomes(path)
    assert_one_outcome(path, docs, problems)


@FUZZ
@given(text=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
                    max_size=300).map(lambda t: PARAGRAPH + " " + t),
       cut=st.integers(min_value=1, max_value=3))
def test_readers_truncated_utf8_loses_only_its_last_character(tried: Counter[str], text: str,
                                                              cut: int) -> None:
    """A download cut inside a character must not turn the article into mojibake."""
    tried["readers.truncated_utf8"] += 1
    data = text.encode("utf-8")
    data = data[: len(data) - cut]
    decoded, warnings = decode(data, "cut.txt")
    assert text.startswith(decoded)
    assert len(decoded) >= len(text) - cut
    assert len(warnings) <= 1


@FUZZ
@given(utf8=st.lists(st.sampled_from(["Côte d’Ivoire", "São Tomé", "“quoted”", "Zürich"]),
                     max_size=4),
       legacy=st.sampled_from(["Le président a visité Paris.", "Noël à Genève", "café"]))
def test_readers_utf8_with_stray_cp1252_keeps_both(tried: Counter[str], utf8: list[str],
                                                  legacy: str) -> None:
    """Feeds pasted together: when UTF-8 characters outnumber the stray bytes, the UTF-8
    stays UTF-8 and the cp1252 part reads right. (At the very end of a file a lone lead
    byte is taken for a cut-off UTF-8 character instead, so the test keeps it inside.)"""
    tried["readers.mixed_utf8_cp1252"] += 1
    head, tail = PARAGRAPH, " ".join(utf8) or "end"
    data = f"{head} ".encode() + legacy.encode("cp1252") + f" {tail}".encode()
    decoded, warnings = decode(data, "mixed.txt")
    assert decoded == f"{head} {legacy} {tail}"
    assert warnings and "cp1252" in warnings[0]


# -- article files with bytes spliced in ----------------------------------------------
@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A real article with random bytes overwritten, inserted or cut out."""
    data = bytearray(ARTICLE.encode("utf-8"))
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        at = draw(st.integers(min_value=0, max_value=len(data)))
        junk = draw(st.binary(min_size=1, max_size=40))
        kind = draw(st.sampled_from(["insert", "overwrite", "delete"]))
        if kind == "insert":
            data[at:at] = junk
        elif kind == "overwrite":
            data[at:at + len(junk)] = junk
        else:
            del data[at:at + len(junk) * 20]
    return bytes(data)


@pytest.mark.parametrize("suffix", [".txt", ".html"])
@FUZZ
@given(data=mutated())
def test_readers_mutated_article(folder: Path, tried: Counter[str], suffix: str, data: bytes
                                 ) -> None:
    tried[f"readers.mutated_article{suffix}"] += 1
    path = folder / f"mutated{suffix}"
    path.write_bytes(data)
    docs, problems, _ = outcomes(path)
    assert_one_outcome(path, docs, problems)


# -- JSON records of every shape ------------------------------------------------------
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=60)  # lone surrogates too
JSON_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), ANY_TEXT)
JSON_VALUE = st.recursive(JSON_SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(ANY_TEXT, inner, max_size=4)), max_leaves=12)
FIELD_VALUE = st.one_of(JSON_VALUE, st.just(PARAGRAPH), st.just(f"<p>{PARAGRAPH}</p>"),
                        st.sampled_from(["2024-06-20", "20 June 2024", "yesterday",
                                         "9999-99-99", "1718841600", "0000-00-00"]))
RECORD = st.dictionaries(
    st.sampled_from(["id", "text", "html", "title", "url", "source", "published", "extra"]),
    FIELD_VALUE, max_size=7)


def dump(value: object, ascii_only: bool) -> bytes:
    """JSON as a scraper might write it: escaped, or raw UTF-8 (even half surrogates)."""
    text = json.dumps(value, ensure_ascii=ascii_only, allow_nan=True)
    return text.encode("utf-8", errors="surrogatepass")


@FUZZ
@given(record=st.one_of(RECORD, JSON_VALUE), ascii_only=st.booleans())
def test_readers_json_any_record(folder: Path, tried: Counter[str], record: object,
                                 ascii_only: bool) -> None:
    tried["readers.json_records"] += 1
    path = folder / "record.json"
    path.write_bytes(dump(record, ascii_only))
    docs, problems, _ = outcomes(path)
    assert_one_outcome(path, docs, problems)


@FUZZ
@given(records=st.lists(st.one_of(RECORD, JSON_VALUE, st.binary(max_size=50)), min_size=1,
                        max_size=6), ascii_only=st.booleans())
def test_readers_jsonl_bad_lines_do_not_stop_good_ones(folder: Path, tried: Counter[str],
                                                      records: list[object], ascii_only: bool
                                                      ) -> None:
    tried["readers.jsonl_lines"] += 1
    good = {"id": "good", "text": PARAGRAPH}
    lines = [r.replace(b"\n", b" ") if isinstance(r, bytes) else dump(r, ascii_only)
             for r in records]
    path = folder / "records.jsonl"
    path.write_bytes(b"\n".join([*lines, dump(good, True)]) + b"\n")
    docs, problems, _ = outcomes(path)
    if problems[:1] and problems[0].startswith(f"error E102: {path}: "):  # the whole file
        assert not docs and len(problems) == 1
    else:  # the last line survives whatever came before
        assert "good" in [d.doc_id for d in docs]
    assert len(docs) + len(problems) <= len(lines) + 1
    for line in problems:
        assert_clear(line, path)
    for doc in docs:
        assert_sound(doc)


# -- HTML of every shape --------------------------------------------------------------
TAGS = ("div", "p", "span", "article", "main", "section", "table", "tr", "td", "ul", "li",
        "script", "style", "nav", "footer", "h1", "a", "b", "br", "template", "svg", "math",
        "iframe", "noscript", "select", "textarea", "title", "head", "body", "html")
TEXT_BITS = st.one_of(
    st.just(PARAGRAPH), ANY_TEXT.map(lambda t: t.replace("<", "&lt;")),
    st.sampled_from(["&#0;", "&#xD800;", "&#99999999;", "&#x1F600;", "&nbsp;", "&bogus;",
                     "<!-- c -->", "<![CDATA[x]]>", "<!DOCTYPE html>", "<?xml version='1.0'?>",
                     "\x00", "</div>", "<p", "<a href='javascript:alert(1)'>x</a>"]))


def element(tag: str, children: list[str], closed: bool, attrs: str) -> str:
    inner = "".join(children)
    return f"<{tag}{attrs}>{inner}" + (f"</{tag}>" if closed else "")


HTML = st.recursive(TEXT_BITS, lambda inner: st.builds(
    element, st.sampled_from(TAGS), st.lists(inner, max_size=4), st.booleans(),
    st.sampled_from(["", " class='article'", " id=content", " lang=ar dir=rtl",
                     " style='display:none'", ' data-x="' + "x" * 500 + '"'])),
    max_leaves=25)


@FUZZ
@given(page=HTML, encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_readers_html_any_structure(folder: Path, tried: Counter[str], page: str,
                                    encoding: str) -> None:
    tried["readers.html_structures"] += 1
    path = folder / "page.html"
    path.write_bytes(page.encode(encoding, errors="surrogatepass" if encoding == "utf-8"
                                 else "replace"))
    docs, problems, _ = outcomes(path)
    assert_one_outcome(path, docs, problems)


# -- the named hostile files ----------------------------------------------------------
def _zip(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


PAGE = f"<html><body><article><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>"
HOSTILE: dict[str, tuple[bytes, str]] = {
    # name: (content, expected outcome: "doc" or an error code)
    "gzip-renamed.html": (gzip.compress(PAGE.encode()), "E102"),
    "zip-renamed.html": (_zip("page.html", PAGE.encode()), "E102"),
    "nul-bytes.txt": (PARAGRAPH.encode() + b"\x00\x00" + PARAGRAPH.encode(), "E102"),
    "nul-escape.json": (json.dumps({"text": PARAGRAPH + "\u0000\u0007 done."}).encode(), "doc"),
    "pdf-renamed.txt": (b"%PDF-1.7\n" + bytes(range(256)) * 4, "E102"),
    "elf-renamed.jsonl": (b"\x7fELF" + bytes(range(256)) * 4, "E102"),
    "utf16.jsonl": (json.dumps({"text": PARAGRAPH}).encode("utf-16"), "E103"),
    "deep-divs.html": (b"<html><body>" + b"<div>" * 100_000 + PARAGRAPH.encode()
                       + b"</div>" * 100_000 + b"</body></html>", "any"),
    "deep-divs-unclosed.html": (b"<html><body>" + b"<div>" * 100_000 + PARAGRAPH.encode(),
                                "any"),
    "deep-json.json": (b"[" * 100_000 + b"]" * 100_000, "E105"),
    "deep-json.jsonl": (b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n", "E105"),
    "deep-html-in.jsonl": (json.dumps({"id": "deep", "html": "<div>" * 50_000 + PARAGRAPH})
                           .encode() + b"\n", "any"),
    "huge-int.json": (b'{"text": "' + PARAGRAPH.encode() + b'", "id": ' + b"9" * 5000 + b"}",
                      "E105"),
    "lone-surrogate.json": (b'{"id": "s\\udc00", "title": "\\ud800", "text": "\\ud83d '
                            + PARAGRAPH.encode() + b'"}', "doc"),
    "utf16-odd-length.txt": (("\ufeff" + PARAGRAPH).encode("utf-16-le") + b"\x00", "E102"),
    "utf16-bom.txt": (PARAGRAPH.encode("utf-16"), "doc"),
    "bom-only.txt": (b"\xef\xbb\xbf", "E101"),
    "whitespace.txt": (b" \n\t\r\n\x0c" * 1000, "E101"),
    "newlines.txt": (b"\n" * 1_000_000, "E101"),
    "carriage-returns.txt": (b"\r" * 500_000 + PARAGRAPH.encode(), "doc"),
    "truncated-utf8.txt": (PARAGRAPH.encode()[:-2], "doc"),
    "one-mb-line.txt": ((PARAGRAPH + " ").encode() * 7_000, "E108"),
    "one-mb-word.txt": (b"a" * 1_000_000, "E101"),
    "one-mb-line.jsonl": (json.dumps({"text": (PARAGRAPH + " ") * 7_000}).encode(), "E108"),
    "empty-object.json": (b"{}", "E105"),
    "array.json": (b"[1, 2, 3]", "E105"),
    "nan.json": (b'{"text": "' + PARAGRAPH.encode() + b'", "published": NaN}', "doc"),
    "only-controls.txt": (bytes(range(1, 9)) * 200, "E102"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_readers_named_hostile_file(tmp_path: Path, tried: Counter[str], name: str) -> None:
    tried["readers.named_files"] += 1
    data, expected = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(data)
    docs, problems, _ = outcomes(path)
    assert_one_outcome(path, docs, problems)
    if expected == "doc":
        assert docs, problems
    elif expected != "any":
        assert problems and problems[0].startswith(f"error {expected}:"), problems


def test_readers_surrogates_and_controls_never_reach_the_text(tmp_path: Path) -> None:
    path = tmp_path / "lone-surrogate.json"
    path.write_bytes(HOSTILE["lone-surrogate.json"][0])
    (doc,), _, _ = outcomes(path)
    assert doc.doc_id == "s\ufffd" and doc.title == "\ufffd"
    path = tmp_path / "nul-escape.json"
    path.write_bytes(HOSTILE["nul-escape.json"][0])
    (doc,), _, _ = outcomes(path)
    assert doc.text.endswith("fighting. done.")


# -- a 100 MB file: refused by size, quickly, without being read ----------------------
@pytest.mark.parametrize("suffix", [".txt", ".html", ".json", ".jsonl"])
def test_readers_100mb_file_is_refused_quickly_in_bounded_memory(
        tmp_path: Path, tried: Counter[str], suffix: str) -> None:
    tried["readers.100mb_files"] += 1
    path = tmp_path / f"huge{suffix}"
    block = (PARAGRAPH + " ").encode() * 4096  # ~0.7 MB, one line: the worst case for JSONL
    with path.open("wb") as handle:
        while handle.tell() < 100 * 1024 * 1024:
            handle.write(block)
    assert path.stat().st_size >= 100 * 1024 * 1024
    limit = Settings.load(max_document_bytes=20_000_000)
    tracemalloc.start()
    try:
        started = time.monotonic()
        docs, problems, _ = outcomes(path, limit)
        elapsed = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not docs and len(problems) == 1, problems
    assert problems[0].startswith("error E104:") and "over the limit" in problems[0]
    assert elapsed < 5.0
    # never the file, nor its one line: sizes are checked before anything is read
    # (JSONL measures a line a megabyte at a time)
    assert peak < 4 * 1024 * 1024, f"peak {peak:,} bytes"


# -- in a batch: the hostile files are reported, everything else is stored -----------
@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("hostile-batch")
    for name, (data, _) in HOSTILE.items():
        (corpus / name).write_bytes(data)
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        (corpus / seed.name).write_bytes(seed.read_bytes())
    return corpus


def expected_outcomes(corpus: Path) -> tuple[set[str], int]:
    """Doc ids that must be stored, and how many inputs were read at all (for 'any')."""
    must = {p.stem for p in corpus.glob("00*.txt")}
    must |= {Path(name).stem for name, (_, kind) in HOSTILE.items() if kind == "doc"}
    must = {"s\ufffd" if m == "lone-surrogate" else m for m in must}
    return must, len(HOSTILE) + 2


def check_batch(corpus: Path, stored: set[str], errors: list[str], rejected: int) -> None:
    must, total = expected_outcomes(corpus)
    assert must <= stored, must - stored
    assert len(errors) == rejected
    for name, (_, kind) in HOSTILE.items():
        lines = [x for x in errors if f"{corpus / name}:" in x]
        if kind not in ("doc", "any"):
            assert len(lines) == 1 and lines[0].startswith(f"error {kind}:"), (name, lines)
        for line in lines:
            assert_clear(line, corpus / name)
    assert len(stored) + rejected == total  # every input accounted for, once


@pytest.mark.slow
def test_readers_hostile_files_in_run_ingest(hostile_corpus: Path, tmp_path: Path) -> None:
    from casus.batch import run_ingest
    from casus.store import Store

    lines: list[str] = []
    with Store(tmp_path / "batch.duckdb") as store:
        report = run_ingest([hostile_corpus], store, on_problem=lines.append)
        stored = {r[0] for r in store.con.execute("SELECT doc_id FROM documents").fetchall()}
    assert report.exit_code == 1 and report.stored == len(stored)
    check_batch(hostile_corpus, stored, [x for x in lines if x.startswith("error ")],
                report.rejected)


@pytest.mark.slow
def test_readers_hostile_files_in_the_cli(hostile_corpus: Path, tmp_path: Path) -> None:
    import duckdb

    from tests.conftest import run_casus

    db = tmp_path / "cli.duckdb"
    proc = run_casus("ingest", str(hostile_corpus), db=db)
    assert proc.returncode == 1, proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        stored = {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()}
    errors = [x for x in proc.stderr.splitlines() if x.startswith("error ")]
    summary = proc.stderr.strip().splitlines()[-1]
    assert f"{len(stored)} stored" in summary and f"{len(errors)} rejected" in summary
    check_batch(hostile_corpus, stored, errors, len(errors))


ATHERIS_RUNS = 20_000


@pytest.mark.slow
def test_readers_atheris_coverage_guided(tmp_path: Path, tried: Counter[str]) -> None:
    """libFuzzer mutating real article text, JSON and HTML through the readers."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = {"txt": b"\x00" + ARTICLE[:3000].encode(),
             "html": b"\x01<html><body><article><p>" + PARAGRAPH.encode() + b"</p></article>",
             "json": b"\x02" + json.dumps({"id": "a", "text": PARAGRAPH}).encode(),
             "jsonl": b"\x03" + json.dumps({"text": PARAGRAPH, "published": "2024-01-02"}
                                           ).encode() + b"\n{\"html\": \"<p>x</p>\"}\n"}
    for name, data in seeds.items():
        (corpus / name).write_bytes(data)
    harness = Path(__file__).with_name("atheris_readers.py")
    proc = subprocess.run([sys.executable, str(harness), f"-runs={ATHERIS_RUNS}", "-seed=1",
                           "-timeout=10", "-rss_limit_mb=3000", "-max_len=65536", str(corpus)],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"Done {ATHERIS_RUNS} runs" in proc.stderr, proc.stderr[-1000:]
    tried["readers.atheris_runs"] += ATHERIS_RUNS
