"""Shared fixtures: the real corpus beside the checkout, and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
OFFICIAL = SHARED / "corpus" / "official"


def run_casus(*args: str, db: Path | None = None, check: bool = False,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``casus`` command in a subprocess, as a user or a script would."""
    argv = [sys.executable, "-m", "casus.cli", *args]
    if db is not None:
        argv += ["--db", str(db)]
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    proc = subprocess.run(argv, capture_output=True, text=True, env=full_env, timeout=900)
    if check and proc.returncode != 0:
        raise AssertionError(f"casus {' '.join(args)} exited {proc.returncode}:\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built from the five seed articles by ``casus ingest``."""
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    run_casus("ingest", str(SEEDS), db=db, check=True)
    return db
