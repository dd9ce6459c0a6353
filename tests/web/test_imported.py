"""Imported GDELT/ACLED events in the web app, beside casus's own (issue 10 acceptance)."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from casus.interop import import_file
from casus.store import Store
from tests.web.conftest import LiveServer, copy_db

DATA = Path(__file__).parents[1] / "interop" / "data"

pytestmark = pytest.mark.browser


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def mixed_server(seeds_db: Path, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[LiveServer]:
    db = copy_db(seeds_db, tmp_path_factory.mktemp("web-mixed"))
    with Store(db) as store:
        import_file(store, DATA / "gdelt-sample.export.CSV", "gdelt")
        import_file(store, DATA / "acled-sample.csv", "acled")
    with LiveServer(db) as server:
        yield server


def test_api_filters_by_dataset(mixed_server: LiveServer) -> None:
    gdelt = get_json(f"{mixed_server.url}/api/events?dataset=gdelt")
    assert gdelt["total"] == 4 and {e["dataset"] for e in gdelt["events"]} == {"gdelt"}
    everything = get_json(f"{mixed_server.url}/api/events?limit=1000")
    assert {e["dataset"] for e in everything["events"]} == {"casus", "gdelt", "acled"}
    line = get_json(f"{mixed_server.url}/api/timeline?unit=month&stack=dataset")
    assert set(line["keys"]) == {"casus", "gdelt", "acled"}
    january = next(b for b in line["buckets"] if b["start"] == "2024-01-01")
    assert january["counts"]["gdelt"] == 4 and january["counts"]["acled"] == 4


def test_timeline_shows_imported_beside_casus(mixed_server: LiveServer, page: Any) -> None:
    page.page.goto(mixed_server.url + "/timeline?unit=month&stack=dataset&since=2020-01-01")
    page.page.wait_for_selector("rect.bar")
    legend = page.page.locator("#legend").inner_text()
    assert "casus" in legend and "gdelt" in legend and "acled" in legend
    assert page.page.locator("select[name=dataset] option").count() == 4  # all + 3
    page.shot("timeline-datasets")
    gdelt_bar = page.page.locator("#timeline a[href*='dataset=gdelt']").first
    gdelt_bar.click()
    page.page.wait_for_url("**/events?**dataset=gdelt**")
    assert int(page.page.locator("#total").inner_text()) == 4
    rows = page.page.locator("tr[data-event]")
    assert rows.count() == 4
    assert page.page.locator("a[href='https://news.example.org/2024/01/15/strike']").count() == 1
    assert page.problems == []


def test_api_export_streams_the_interop_formats(mixed_server: LiveServer) -> None:
    base = f"{mixed_server.url}/api/export?dataset=acled&format="
    with urllib.request.urlopen(base + "gdelt", timeout=30) as response:
        rows = response.read().decode("utf-8").splitlines()
        assert response.headers["Content-Type"].startswith("text/tab-separated-values")
    assert len(rows) == 4 and all(len(r.split("\t")) == 61 for r in rows)
    geo = get_json(base + "geojson")
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 4
    with urllib.request.urlopen(base + "plover", timeout=30) as response:
        items = [json.loads(x) for x in response.read().decode("utf-8").splitlines()]
    assert {i["dataset"] for i in items} == {"acled"} and len(items) == 4
    with urllib.request.urlopen(base + "acled", timeout=30) as response:
        lines = response.read().decode("utf-8").splitlines()
    assert lines[0].startswith("event_id_cnty,event_date") and len(lines) == 5
