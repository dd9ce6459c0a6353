"""Build ``src/casus/data/ontology/cameo.tsv`` from the CAMEO and PLOVER reference files.

Run once when the reference files change; the package reads only the TSV it writes, so
casus never depends on where the reference files live. Facts only are carried over:
code, label, Goldstein weight, QuadClass (derived from the root) and the PLOVER
type and mode of the 2021 CAMEO→PLOVER table (01x and 02x have no PLOVER entry).

    python scripts/build_ontology.py /work/shared/reference
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "casus" / "data" / "ontology" / "cameo.tsv"
HEADER = ("code", "label", "goldstein", "quad_class", "plover", "plover_mode")
_PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([^#]*)")


def quad_class(code: str) -> int:
    """QuadClass from the two-digit root: verbal/material cooperation, verbal/material conflict."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def read_two_columns(path: Path) -> dict[str, str]:
    """A tab-separated reference file with a header line, as ``{code: value}``."""
    rows: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0].strip():
                rows[parts[0].strip()] = parts[1].strip()
    return rows


def read_plover(path: Path) -> dict[str, tuple[str, str]]:
    """``{cameo_code: (plover_type, mode)}``; the first line for a code wins."""
    mapping: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _PLOVER_LINE.match(line.strip())
        if not match:
            continue
        fields = [f.strip() for f in match.group(2).split(",")]
        plover = fields[0]
        mode = fields[1] if len(fields) > 1 else ""
        mapping.setdefault(match.group(1), (plover, mode))
    return mapping


def tidy_label(label: str) -> str:
    """Root labels are upper case in the source table; write them in sentence case."""
    return label.capitalize() if label.isupper() else label


def build(reference: Path) -> list[tuple[str, ...]]:
    labels = read_two_columns(reference / "CAMEO.eventcodes.txt")
    weights = read_two_columns(reference / "CAMEO.goldsteinscale.txt")
    plover = read_plover(reference / "CAMEO2PLOVER-2021.txt")
    missing = sorted(set(labels) - set(weights))
    if missing:
        raise SystemExit(f"no Goldstein weight for CAMEO codes: {', '.join(missing)}")
    rows = []
    for code, label in labels.items():
        ptype, mode = plover.get(code, ("", ""))
        rows.append((code, tidy_label(label), weights[code], str(quad_class(code)), ptype, mode))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path, help="folder with the CAMEO/PLOVER reference files")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows = build(args.reference)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    print(f"wrote {len(rows)} CAMEO codes to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
