"""Hostile article text stays text in a real browser, and browsing during an ingest
sees no errors and then the new documents."""

from __future__ import annotations

import json
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import pytest

from casus.config import SAMPLE_DIR

pytestmark = pytest.mark.browser

PAYLOAD_HTML = "\n".join([
    "<!doctype html><html><head>",
    '<title>Border talks &lt;img src=x onerror="window.__pwned=1"&gt;</title></head>',
    "<body><nav>Home | World | Contact</nav><article>",
    "<h1>Iran and Iraq hold border talks",
    '&lt;script&gt;window.__pwned=2;document.title="pwned"&lt;/script&gt;</h1>',
    "<p>Iranian officials met Iraqi leaders in Baghdad on Monday, June 3, 2024, to discuss",
    'border security. &lt;script&gt;window.__pwned=3;alert("xss")&lt;/script&gt; The talks',
    "were described as constructive by both delegations.</p>",
    "<p>Iraq condemned the attack on its border post",
    '<img src="x" onerror="window.__pwned=4"> and a link',
    '<a href="javascript:window.__pwned=5">javascript:window.__pwned=5</a> was shared by the',
    "Iraqi foreign ministry.</p>",
    "<p>The Iraqi prime minister said &lt;img src=x onerror=window.__pwned=6&gt; that Iran",
    "would help rebuild the crossing &lt;svg onload=window.__pwned=7&gt;&lt;/svg&gt; before",
    "the end of the month.</p>",
    "</article></body></html>",
])

PAYLOAD_RECORD = {
    "id": "payload-jsonl <b>x</b>",
    "title": "<img src=x onerror=\"window.__pwned=8\"> Iraq news",
    "url": "javascript:window.__pwned=9",
    "source": "<script>window.__pwned=10</script>",
    "published": "2024-06-04",
    "text": ("Iraqi police arrested a militia commander in Basra on Tuesday. "
             "<script>window.__pwned=11;document.title='pwned'</script> "
             "Iran condemned the arrest \" onmouseover=\"window.__pwned=12\" and said "
             "<a href='javascript:window.__pwned=13'>it</a> would protest to Baghdad."),
}


def post_files(url: str, files: list[tuple[str, bytes]], wait: float = 600) -> dict[str, Any]:
    """A multipart POST with the standard library, as a script would send it."""
    boundary = uuid.uuid4().hex
    body = b""
    for name, data in files:
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; "
                 f"filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                 ).encode() + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    request = urllib.request.Request(
        f"{url}/api/ingest?wait={wait}", data=body, method="POST",
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(request, timeout=wait + 30) as response:
        return json.loads(response.read())


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.loads(response.read())


def assert_inert(page: Any) -> None:
    p = page.page
    assert p.evaluate("typeof window.__pwned") == "undefined"
    assert p.title() != "pwned" and p.title().endswith(" · casus")  # title never rewritten
    assert page.dialogs == []
    assert p.locator("main script, main img, main svg[onload], main [onerror]").count() == 0
    assert p.locator("a[href^='javascript:' i]").count() == 0


def test_security_hostile_article_renders_as_inert_text(fresh_server, page):
    job = post_files(fresh_server.url, [
        ("border-talks.html", PAYLOAD_HTML.encode()),
        ("batch.jsonl", json.dumps(PAYLOAD_RECORD).encode() + b"\n"),
    ])
    assert job["status"] == "done" and job["stored"] == 2, job
    for doc_id in job["doc_ids"]:
        page.page.goto(f"{fresh_server.url}/documents/{urllib.request.quote(doc_id, safe='')}")
        page.page.wait_for_timeout(300)
        text = page.page.locator("#doctext").inner_text()
        assert "<script>" in text or "<img" in text  # shown as the words they are
        assert_inert(page)
        page.shot(f"xss-{doc_id[:12].replace(' ', '_').replace('<', '').replace('>', '')}")
        for link in page.page.locator("#doctext a").all()[:5]:
            link.hover()
        assert_inert(page)
    for path in ("/documents", "/events?include_negated=true", "/network", "/map", "/"):
        page.page.goto(fresh_server.url + path)
        page.page.wait_for_timeout(400)
        assert_inert(page)
    assert page.problems == []


def test_security_browsing_during_an_ingest_sees_no_errors_then_new_results(
        fresh_server, page):
    before = get_json(f"{fresh_server.url}/api/status")
    files = [(p.name, p.read_bytes()) for p in sorted(Path(SAMPLE_DIR).iterdir())
             if p.suffix in (".txt", ".html", ".jsonl")]
    job = post_files(fresh_server.url, files, wait=0)
    totals: list[int] = []
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        for path in ("/events", "/network", "/timeline", "/documents"):
            response = page.page.goto(fresh_server.url + path)
            assert response is not None and response.status == 200
        page.page.goto(fresh_server.url + "/events")
        totals.append(int(page.page.locator("#total").inner_text().replace(",", "")))
        api = get_json(f"{fresh_server.url}/api/events?limit=1000")
        assert api["total"] == len(api["events"])  # count and page from one snapshot
        state = get_json(f"{fresh_server.url}/api/ingest/{job['job_id']}")
        if state["status"] in ("done", "failed"):
            break
    assert state["status"] == "done", state
    assert totals == sorted(totals)  # never goes back while documents commit
    page.page.goto(fresh_server.url + "/events")
    after = int(page.page.locator("#total").inner_text().replace(",", ""))
    assert after > before["events"]
    page.page.goto(fresh_server.url + "/documents?limit=100")
    listed = page.page.locator("table.docs").inner_text()
    assert all(doc_id in listed for doc_id in state["doc_ids"])
    page.shot("after-ingest")
    assert page.problems == []
