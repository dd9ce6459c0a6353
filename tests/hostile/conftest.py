"""Hostile-input fixtures: a tally of how many inputs each fuzz test tried, printed at
the end of the run (``pytest tests/hostile``) so the numbers can be quoted."""

from __future__ import annotations

from collections import Counter

import pytest

TRIED: Counter[str] = Counter()


@pytest.fixture(scope="session")
def tried() -> Counter[str]:
    """Tests add one per input they try: ``tried["readers.random_bytes.txt"] += 1``."""
    return TRIED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TRIED:
        return
    terminalreporter.section("hostile inputs tried")
    for name, count in sorted(TRIED.items()):
        terminalreporter.write_line(f"{name}: {count}")
