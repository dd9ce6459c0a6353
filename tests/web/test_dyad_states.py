"""The dyad view shows the relationship's state changes with their evidence."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest

from casus.records import stable_id

pytestmark = pytest.mark.browser
FACTIONS, US_GOV = stable_id("agent", "IRQREB"), stable_id("agent", "USAGOV")


def test_api_dyad_has_states(seeds_server: Any) -> None:
    url = f"{seeds_server.url}/api/dyad?a={FACTIONS}&b={US_GOV}"
    with urllib.request.urlopen(url, timeout=30) as response:
        data = json.loads(response.read())
    truce = [s for s in data["states"] if s["track"] == "truce"]
    assert truce[0]["state"] == "declared" and truce[0]["date"] == "2024-02-01"
    assert "truth" in truce[0]["evidence"][0]["sentence"]  # the MT rendering of "truce"


def test_dyad_page_lists_state_changes(seeds_server: Any, page: Any) -> None:
    page.page.goto(f"{seeds_server.url}/dyad?a={FACTIONS}&b={US_GOV}")
    item = page.page.locator("#dyad-states li[data-track=truce][data-state=declared]")
    item.wait_for()
    assert "2024-02-01" in item.inner_text()
    page.shot("dyad-states")
    item.locator("a.evidence").first.click()
    page.page.wait_for_url("**/documents/001_*#ev-*")
    assert page.problems == []
