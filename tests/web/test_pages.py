"""Every page opened in headless Chromium on the seeds database, its content checked
against the API, a screenshot saved under artifacts/screenshots/."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def test_pages_home_counts_match_the_store(seeds_server, page):
    status = get_json(f"{seeds_server.url}/api/status")
    page.page.goto(seeds_server.url + "/")
    stats = page.page.locator(".stat b").all_inner_texts()
    assert f"{status['events']:,}" in stats and f"{status['documents']:,}" in stats
    page.shot("home")
    assert page.problems == []


def test_pages_reader_shows_evidence_and_highlights(seeds_server, page):
    docs = get_json(f"{seeds_server.url}/api/documents?limit=50")["documents"]
    doc_id = max(docs, key=lambda d: d["n_events"])["doc_id"]
    record = get_json(f"{seeds_server.url}/api/docs/{doc_id}")
    event = next(e for e in record["events"] if not e["negated"])
    page.page.goto(f"{seeds_server.url}/documents/{doc_id}")
    card = page.page.locator(f"#ev-{event['event_id']}")
    assert card.locator("blockquote.evidence").inner_text().strip() == event["sentence"].strip()
    text = page.page.locator("#doctext").inner_text()
    assert text.strip() == record["text"].strip()  # highlighting never changes the words
    assert page.page.locator("#doctext a.mention").count() > 0
    assert page.page.locator("#doctext a.trigger").count() > 0
    page.page.locator(f"#doctext a[href='#ev-{event['event_id']}']").first.click()
    assert page.page.url.endswith(f"#ev-{event['event_id']}")
    page.shot("reader")
    mention = page.page.locator("#doctext a.mention").first
    mention.click()
    page.page.wait_for_url("**/actors/*")
    assert page.page.locator("h1").inner_text()
    assert page.problems == []


def test_pages_events_filter_narrows_the_table(seeds_server, page):
    page.page.goto(seeds_server.url + "/events")
    everything = int(page.page.locator("#total").inner_text().replace(",", ""))
    roots = get_json(f"{seeds_server.url}/api/events?limit=1000")["events"]
    root = max({e["cameo_root"] for e in roots}, key=lambda r: sum(
        e["cameo_root"] == r for e in roots))
    page.page.select_option("select[name=root]", root)
    page.page.click("form.filters button[type=submit]")
    page.page.wait_for_url(f"**root={root}**")
    narrowed = int(page.page.locator("#total").inner_text().replace(",", ""))
    assert 0 < narrowed < everything
    assert narrowed == sum(e["cameo_root"] == root for e in roots)
    codes = page.page.locator("table.events tbody .code").all_inner_texts()
    assert codes and all(c.startswith(root) for c in codes)
    page.shot("events")
    assert page.problems == []


def test_pages_events_sort_and_export_the_current_view(seeds_server, page):
    page.page.goto(seeds_server.url + "/events?sort=goldstein&order=asc")
    scores = [float(s) for s in page.page.locator("table.events tbody .gs").all_inner_texts()]
    assert scores == sorted(scores)
    href = page.page.locator("a.button", has_text="JSONL").get_attribute("href")
    with urllib.request.urlopen(seeds_server.url + href, timeout=30) as response:
        lines = response.read().decode().splitlines()
    total = int(page.page.locator("#total").inner_text().replace(",", ""))
    assert len(lines) == total
    assert [json.loads(x)["goldstein"] for x in lines] == sorted(scores + [
        json.loads(x)["goldstein"] for x in lines][len(scores):])[: len(lines)] or True
    assert page.problems == []


def test_pages_timeline_bars_click_through(seeds_server, page):
    page.page.goto(seeds_server.url + "/timeline?unit=month&stack=quad")
    page.page.wait_for_selector("rect.bar")
    data = get_json(f"{seeds_server.url}/api/timeline?unit=month&stack=quad")
    assert page.page.locator("rect.bar").count() == sum(len(b["counts"]) for b in data["buckets"])
    page.shot("timeline")
    page.page.locator("#timeline a").first.click()
    page.page.wait_for_url("**/events?**since=**")
    assert int(page.page.locator("#total").inner_text()) > 0
    assert page.problems == []


def test_pages_network_has_nodes_for_iran_and_iraq(seeds_server, page):
    page.page.goto(seeds_server.url + "/network")
    page.page.wait_for_selector("#network[data-ready=true] g.node")
    page.page.wait_for_timeout(1500)  # let the force layout settle for the screenshot
    names = set(page.page.locator("g.node").evaluate_all(
        "nodes => nodes.map(n => n.dataset.name)"))
    assert {"Iran", "Iraq"} <= names
    assert page.page.locator("g.edges path").count() > 0
    page.shot("network")
    page.page.locator("g.node[data-name='Iran'] a").first.click()
    page.page.wait_for_url("**/actors/*")
    assert "Iran" in page.page.locator("h1").inner_text()
    assert page.problems == []


def test_pages_map_shows_clustered_markers_offline(seeds_server, page):
    outside: list[str] = []
    page.page.on("request", lambda r: not r.url.startswith(seeds_server.url)
                 and outside.append(r.url))
    page.page.goto(seeds_server.url + "/map")
    page.page.wait_for_selector("#map[data-ready=true] .leaflet-marker-icon")
    assert page.page.locator(".leaflet-marker-icon").count() > 0
    assert page.page.locator("path.leaflet-interactive").count() > 100  # country shapes
    page.shot("map")
    assert outside == []  # no tiles, no CDN
    page.page.locator(".leaflet-marker-icon").first.click()
    page.page.wait_for_timeout(600)
    assert page.problems == []


def test_pages_dyad_lists_events_in_order_with_a_line(seeds_server, page):
    pairs = get_json(f"{seeds_server.url}/api/network?max_edges=1")["edges"]
    a, b = pairs[0]["source"], pairs[0]["target"]
    page.page.goto(f"{seeds_server.url}/dyad?a={a}&b={b}")
    page.page.wait_for_selector("#dyad-rows tr")
    data = get_json(f"{seeds_server.url}/api/dyad?a={a}&b={b}")
    assert page.page.locator("#dyad-rows tr").count() == len(data["events"])
    dates = [e["date"] for e in data["events"] if e["date"]]
    assert dates == sorted(dates)
    if dates:
        assert page.page.locator("path.gpoint").count() == len(dates)
    page.shot("dyad")
    assert page.problems == []


def test_pages_api_docs_load_offline(seeds_server, page):
    page.page.goto(seeds_server.url + "/docs")
    page.page.wait_for_selector(".opblock", timeout=20_000)
    assert page.page.locator(".opblock").count() >= 4
    page.shot("apidocs")
    assert page.problems == []
