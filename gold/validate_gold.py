"""Check the gold event files and print counts.

    python gold/validate_gold.py [--codes CAMEO_CODES_FILE] [--corpus DIR ...] [GOLD.jsonl ...]

Checks, per line: valid JSON; every required field present and typed; ``cameo`` is a
CAMEO event code (from the codes file: the project's ``cameo.tsv`` by default, or a
``CAMEO.eventcodes.txt``-style file given with ``--codes``); ``cameo_root`` equals
``cameo[:2]``; countries are three upper-case letters or null; ``date`` is
``YYYY-MM-DD`` or null; ``modality`` is one of the five values; ``evidence`` is at most
12 words and, when the document can be found, occurs in the document's text after
whitespace is collapsed. Documents are looked up in ``src/casus/sample``, in
``../shared/corpus/seeds`` and ``../shared/corpus/official`` when they sit beside the
checkout, and in every folder given with ``--corpus`` (``--seeds`` is the old name).

Exit status 0 when every line passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "src" / "casus" / "sample"
DEFAULT_CODES = ROOT / "src" / "casus" / "data" / "ontology" / "cameo.tsv"
GOLD_FILES = [ROOT / "gold" / name for name in ("sample.jsonl", "seeds.jsonl", "official.jsonl")]
SHARED_CORPUS = [ROOT.parent / "shared" / "corpus" / name for name in ("seeds", "official")]

REQUIRED = {
    "doc_id": str,
    "evidence": str,
    "cameo": str,
    "cameo_root": str,
    "source_country": (str, type(None)),
    "target_country": (str, type(None)),
    "source": (str, type(None)),
    "target": (str, type(None)),
    "date": (str, type(None)),
    "negated": bool,
    "modality": str,
}
MODALITIES = {"asserted", "future", "hypothetical", "conditional", "reported"}
PRECISIONS = {"day", "month", "year"}
COUNTRY = re.compile(r"^[A-Z]{3}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load_codes(path: Path) -> set[str]:
    codes = set()
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        code = line.split("\t", 1)[0].strip()
        if code.isdigit():
            codes.add(code)
    return codes


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def html_text(raw: str) -> str:
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
    return html.unescape(re.sub(r"<[^>]+>", " ", raw))


def load_documents(folders: list[Path]) -> dict[str, str]:
    docs: dict[str, str] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix == ".txt" and path.name != "README.txt":
                docs[path.stem] = path.read_text(encoding="utf-8")
            elif path.suffix in {".html", ".htm"}:
                docs[path.stem] = html_text(path.read_text(encoding="utf-8"))
            elif path.suffix == ".jsonl":
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        obj = json.loads(line)
                        docs[obj["id"]] = obj.get("text") or html_text(obj.get("html", ""))
    return {k: normalise(v) for k, v in docs.items()}


def check_line(obj: object, codes: set[str], docs: dict[str, str]) -> list[str]:
    if not isinstance(obj, dict):
        return ["not a JSON object"]
    errors = []
    for key, typ in REQUIRED.items():
        if key not in obj:
            errors.append(f"missing {key}")
        elif not isinstance(obj[key], typ):
            errors.append(f"{key} has the wrong type")
    if errors:
        return errors
    cameo = obj["cameo"]
    if cameo not in codes:
        errors.append(f"unknown CAMEO code {cameo!r}")
    if len(cameo) < 3:
        errors.append(f"cameo {cameo!r} is a root, not an event code")
    if obj["cameo_root"] != cameo[:2]:
        errors.append(f"cameo_root {obj['cameo_root']!r} != cameo[:2]")
    for key in ("source_country", "target_country"):
        if obj[key] is not None and not COUNTRY.match(obj[key]):
            errors.append(f"{key} {obj[key]!r} is not a 3-letter code")
    if obj["date"] is not None and not DATE.match(obj["date"]):
        errors.append(f"date {obj['date']!r} is not YYYY-MM-DD")
    if "date_precision" in obj and obj["date_precision"] not in PRECISIONS:
        errors.append(f"date_precision {obj['date_precision']!r}")
    if obj["modality"] not in MODALITIES:
        errors.append(f"modality {obj['modality']!r}")
    if len(obj["evidence"].split()) > 12:
        errors.append("evidence longer than 12 words")
    text = docs.get(obj["doc_id"])
    if text is not None and normalise(obj["evidence"]) not in text:
        errors.append(f"evidence not found in {obj['doc_id']}: {obj['evidence']!r}")
    return errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--codes", type=Path, default=DEFAULT_CODES)
    parser.add_argument("--corpus", "--seeds", type=Path, action="append", default=[],
                        help="a folder of documents the evidence is looked up in")
    args = parser.parse_args(argv)

    codes = load_codes(args.codes)
    folders = [SAMPLE_DIR, *SHARED_CORPUS, *args.corpus]
    docs = load_documents(folders)
    failed = 0
    for gold in args.files or GOLD_FILES:
        per_doc: Counter[str] = Counter()
        per_root: Counter[str] = Counter()
        guards = 0
        unseen: set[str] = set()
        for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{gold.name}:{n}: invalid JSON ({exc})", file=sys.stderr)
                failed += 1
                continue
            errors = check_line(obj, codes, docs)
            for err in errors:
                print(f"{gold.name}:{n}: {err}", file=sys.stderr)
            failed += bool(errors)
            if errors:
                continue
            per_doc[obj["doc_id"]] += 1
            per_root[obj["cameo_root"]] += 1
            guards += obj["negated"] or obj["modality"] != "asserted"
            if obj["doc_id"] not in docs:
                unseen.add(obj["doc_id"])
        total = sum(per_doc.values())
        print(f"{gold.name}: {total} events in {len(per_doc)} documents "
              f"({total - guards} asserted, {guards} negated/non-asserted)")
        for doc, count in sorted(per_doc.items()):
            print(f"  {doc}: {count}")
        print("  per root: " + ", ".join(f"{r}:{c}" for r, c in sorted(per_root.items())))
        if unseen:
            print(f"  (evidence not checked, document not found: {', '.join(sorted(unseen))})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
