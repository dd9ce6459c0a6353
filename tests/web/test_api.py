"""The HTTP API in-process (no browser): contract routes, validation, one error shape,
security rules, exports, and agreement with the store's own queries."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from casus.errors import UsageError
from casus.store import Store
from casus.web import create_app
from casus.web.serve import check_bind
from tests.conftest import run_casus

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def db_copy(seeds_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("api") / "seeds.duckdb"
    shutil.copy(seeds_db, target)
    return target


@pytest.fixture(scope="module")
def client(db_copy: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db_copy)) as c:
        yield c


def assert_error_shape(response, status: int) -> None:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and "\n" not in body["error"]["message"]
    assert body["error"]["message"] and "Traceback" not in body["error"]["message"]


@pytest.mark.parametrize("url,status", [
    ("/api/events?since=2024-13-01", 422), ("/api/events?limit=0", 422),
    ("/api/events?limit=100000", 422), ("/api/events?offset=-1", 422),
    ("/api/events?code=04x", 422), ("/api/events?country=iraq", 422),
    ("/api/events?quad=5", 422), ("/api/events?sort=event_id;drop", 422),
    ("/api/events?acter=Iran", 422), ("/api/events?since=2024-02-01&until=2024-01-01", 422),
    ("/api/actors?limit=abc", 422), ("/api/timeline?unit=year", 422),
    ("/api/timeline?stack=actor", 422), ("/api/network?max_edges=0", 422),
    ("/api/dyad?a=1&b=2", 422), ("/api/dyad", 422), ("/api/export?format=xml", 422),
    ("/api/docs/no-such-doc", 404), ("/api/events/nope", 404), ("/api/actors/nope", 404),
    ("/api/ingest/job-999", 404), ("/api/nothing", 404), ("/static/../../etc/passwd", 404),
])
def test_api_every_error_has_one_json_shape(client, url, status):
    assert_error_shape(client.get(url), status)


def test_api_wrong_method_and_bad_body_share_the_shape(client):
    assert_error_shape(client.delete("/api/events"), 405)
    assert_error_shape(client.post("/api/ingest/articles", json={"articles": []}), 422)
    assert_error_shape(client.post("/api/ingest", data={"x": "y"}), 422)


def test_api_contract_routes_agree_with_the_store(client, db_copy):
    assert client.get("/healthz").json() == {"ok": True}
    with Store(db_copy.with_name("peek.duckdb"), read_only=False):
        pass
    body = client.get("/api/events?limit=1000").json()
    assert body["total"] == len(body["events"])
    coded = client.get("/api/events?code=04&limit=1000").json()
    assert 0 < coded["total"] < body["total"]
    assert all(e["cameo"].startswith("04") for e in coded["events"])
    listed = json.loads("[" + ",".join(run_casus(
        "events", "--code", "04", "--format", "jsonl", db=_snapshot(db_copy)).stdout
        .splitlines()) + "]")
    assert {e["event_id"] for e in listed} == {e["event_id"] for e in coded["events"]}
    doc_id = body["events"][0]["doc_id"]
    doc = client.get(f"/api/docs/{doc_id}").json()
    assert doc["doc_id"] == doc_id and doc["text"] and doc["events"]
    actors = client.get("/api/actors?q=iran").json()
    assert actors["total"] >= 1 and all(
        "iran" in " ".join([a["name"], *a["aliases"], a["code"] or ""]).lower()
        for a in actors["actors"])


def _snapshot(db: Path) -> Path:
    """The server holds the file; the CLI reads a copy (the point of the lock)."""
    copy = db.with_name("cli-copy.duckdb")
    shutil.copy(db, copy)
    return copy


def test_api_filters_narrow_and_combine(client):
    total = client.get("/api/events").json()["total"]
    iran = client.get("/api/events?country=IRN&limit=1000").json()
    assert 0 < iran["total"] < total
    assert all("IRN" in ((e["source"] or {}).get("country"), (e["target"] or {}).get("country"))
               for e in iran["events"])
    negated = client.get("/api/events?include_negated=true").json()["total"]
    assert negated >= total
    dated = client.get("/api/events?since=2024-01-01&limit=1000").json()["events"]
    assert dated and all(e["date"] >= "2024-01-01" for e in dated)
    by_score = client.get("/api/events?sort=goldstein&order=desc&limit=1000").json()["events"]
    assert [e["goldstein"] for e in by_score] == sorted(
        (e["goldstein"] for e in by_score), reverse=True)


def test_api_views_add_up(client):
    everything = client.get("/api/events?limit=1000").json()["events"]
    dated = sum(1 for e in everything if e["date"])
    line = client.get("/api/timeline?unit=week&stack=root").json()
    assert sum(b["total"] for b in line["buckets"]) == dated
    assert line["undated"] == len(everything) - dated
    net = client.get("/api/network?max_edges=2000").json()
    pairs = sum(1 for e in everything if e["source"] and e["target"]
                and e["source"]["actor_id"] and e["target"]["actor_id"]
                and e["source"]["actor_id"] != e["target"]["actor_id"])
    assert sum(e["events"] for e in net["edges"]) == pairs
    located = sum(1 for e in everything if e["location"] and e["location"]["lat"] is not None)
    assert sum(p["events"] for p in client.get("/api/map").json()["points"]) == located
    edge = net["edges"][0]
    one = client.get(f"/api/dyad?a={edge['source']}&b={edge['target']}").json()["events"]
    other = client.get(f"/api/dyad?a={edge['target']}&b={edge['source']}").json()["events"]
    assert [e["event_id"] for e in one] == [e["event_id"] for e in other]
    assert len(one) >= edge["events"]


def test_api_export_is_the_current_view(client):
    view = client.get("/api/events?root=04&limit=1000").json()
    jsonl = client.get("/api/export?root=04&format=jsonl").text.splitlines()
    assert [json.loads(x)["event_id"] for x in jsonl] == [e["event_id"] for e in view["events"]]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export?root=04&format=csv").text)))
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in view["events"]]
    assert all(r["cameo_root"] == "04" for r in rows)


def test_api_pages_escape_and_validate(client):
    page = client.get("/events?actor=<script>alert(1)</script>",
                      headers={"accept": "text/html"})
    assert page.status_code == 200 and "<script>alert(1)" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    bad = client.get("/events?since=yesterday", headers={"accept": "text/html"})
    assert bad.status_code == 422 and "since" in bad.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_api_loopback_only_without_a_token(client):
    assert_error_shape(client.get("/healthz", headers={"host": "evil.example:8000"}), 403)
    assert client.get("/healthz", headers={"host": "127.0.0.1:8000"}).status_code == 200


def test_api_refuses_cross_site_posts(client):
    response = client.post("/api/ingest/articles", json={"articles": [{"text": "x"}]},
                           headers={"origin": "http://evil.example"})
    assert_error_shape(response, 403)


def test_api_token_is_checked_on_every_request(db_copy, tmp_path):
    db = tmp_path / "token.duckdb"
    shutil.copy(db_copy, db)
    with TestClient(create_app(db, token=TOKEN), follow_redirects=False) as c:
        for url in ("/healthz", "/api/events", "/events", "/static/css/casus.css", "/docs",
                    "/openapi.json"):
            assert_error_shape(c.get(url), 401)
        assert c.get("/healthz", headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert_error_shape(c.get("/healthz", headers={"authorization": "Bearer wrong"}), 401)
        assert c.get("/api/events", headers={"x-casus-token": TOKEN}).status_code == 200
        login = c.get(f"/events?root=04&token={TOKEN}")
        assert login.status_code == 303 and login.headers["location"] == "/events?root=04"
        assert "httponly" in login.headers["set-cookie"].lower()
        assert c.get("/events?root=04", headers={"host": "10.0.0.5:8000"}).status_code == 200


def test_serve_refuses_a_public_address_without_a_token():
    with pytest.raises(UsageError):
        check_bind("0.0.0.0", None)
    check_bind("127.0.0.1", None)
    check_bind("0.0.0.0", TOKEN)
    proc = run_casus("serve", "--host", "0.0.0.0", "--port", "8765",
                     env={"CASUS_TOKEN": ""})
    assert proc.returncode == 2 and "--token" in proc.stderr
