"""The packaged CAMEO ontology: complete, with Goldstein weights, QuadClass and PLOVER."""

from __future__ import annotations

from pathlib import Path

import pytest

from casus.events.ontology import UnknownCameoCode, is_code, lookup, table

REFERENCE = Path("/work/shared/reference/CAMEO.goldsteinscale.txt")


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference tables not available")
def test_ontology_has_every_reference_code_with_its_goldstein() -> None:
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()[1:]
    weights = dict(line.split("\t")[:2] for line in lines if line.strip())
    assert len(table()) == len(weights)
    for code, weight in weights.items():
        assert lookup(code).goldstein == pytest.approx(float(weight)), code


def test_ontology_visit_is_consult_visit_verbal_cooperation() -> None:
    entry = lookup("042")
    assert (entry.plover, entry.plover_mode, entry.quad_class, entry.root) == (
        "CONSULT",
        "visit",
        1,
        "04",
    )
    assert entry.label == "Make a visit"


def test_ontology_arrest_is_coerce_arrest() -> None:
    entry = lookup("173")
    assert (entry.plover, entry.plover_mode, entry.quad_class) == ("COERCE", "arrest", 4)


def test_ontology_military_force_is_material_conflict() -> None:
    assert lookup("190").quad_class == 4
    assert lookup("190").goldstein == -10.0


@pytest.mark.parametrize(
    "code, quad",
    [
        ("010", 1),
        ("057", 1),
        ("061", 2),
        ("0874", 2),
        ("090", 3),
        ("138", 3),
        ("141", 4),
        ("2042", 4),
    ],
)
def test_ontology_quad_class_follows_root(code: str, quad: int) -> None:
    assert lookup(code).quad_class == quad


def test_ontology_statements_and_appeals_have_no_plover() -> None:
    assert lookup("010").plover is None
    assert lookup("0256").plover is None
    assert lookup("020").plover_mode is None


def test_ontology_unknown_code_raises_clear_error() -> None:
    with pytest.raises(UnknownCameoCode, match="999"):
        lookup("999")
    assert not is_code("999")
    assert is_code(" 042 ")
