"""The CAMEO event ontology: labels, Goldstein weights, QuadClass and PLOVER type/mode.

Read from the package's own ``data/ontology/cameo.tsv`` (written by
``scripts/build_ontology.py`` from the reference tables), so coding never depends on
files outside the package. Every coded event takes its label and weights from here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from casus.errors import UnknownCameoCode

QUAD_CLASS_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code with everything an event record needs from the ontology."""

    code: str
    root: str
    label: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None


@lru_cache(maxsize=1)
def table() -> dict[str, CameoCode]:
    """All CAMEO codes by code string, read once per process."""
    source = resources.files("casus").joinpath("data/ontology/cameo.tsv")
    codes: dict[str, CameoCode] = {}
    with source.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            codes[row["code"]] = CameoCode(
                code=row["code"],
                root=row["code"][:2],
                label=row["label"],
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover=row["plover"] or None,
                plover_mode=row["plover_mode"] or None,
            )
    return codes


def lookup(code: str) -> CameoCode:
    """The ontology entry for ``code`` ('042', '0874', '19'); raises UnknownCameoCode."""
    entry = table().get(str(code).strip())
    if entry is None:
        raise UnknownCameoCode(f"unknown CAMEO event code {code!r}")
    return entry


def is_code(code: str) -> bool:
    """Whether ``code`` is in the CAMEO table (for validating lexicons)."""
    return str(code).strip() in table()
