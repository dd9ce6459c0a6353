"""API latency on a database of synthetic events (default 1,000,000).

Builds the database with DuckDB SQL (schema from casus.store, rows shaped like real
records), serves it with the real app under uvicorn on 127.0.0.1, and times each route
over HTTP with varied parameters. The baseline, measured in the same run on the same
file, is a bare DuckDB ``SELECT count(*) FROM events``; ratios are route p95 / baseline
p95. Ends with one summary line.

    .venv/bin/python benchmarks/api_latency.py [--events 1000000] [--requests 60]
"""

from __future__ import annotations

import argparse
import http.client
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import uvicorn

from casus.events.ontology import table
from casus.store import Store
from casus.web import create_app

COUNTRIES = ["IRQ", "IRN", "USA", "SYR", "ISR", "LBN", "YEM", "SAU", "TUR", "RUS", "UKR",
             "SDN", "MLI", "FRA", "COD", "RWA", "COL", "MMR", "CHN", "GBR", "EGY", "JOR",
             "QAT", "ARE", "PSE", "AFG", "PAK", "IND", "NGA", "ETH"]
ROLES = ["", "GOV", "MIL", "REB", "OPP", "COP", "LEG", "MED"]


def build(path: Path, n_events: int, per_doc: int = 10, n_actors: int = 600) -> None:
    """Synthetic documents, mentions and events, generated inside DuckDB in seconds."""
    with Store(path) as store:
        con = store.con
        codes = [(c.code, c.root, c.label, c.goldstein, c.quad_class, c.plover, c.plover_mode)
                 for c in table().values() if len(c.code) >= 3]
        con.execute("CREATE TEMP TABLE codes(k INT, code VARCHAR, root VARCHAR, label VARCHAR, "
                    "g DOUBLE, quad INT, plover VARCHAR, mode VARCHAR)")
        con.executemany("INSERT INTO codes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [(i, *c) for i, c in enumerate(codes)])
        con.execute(
            "CREATE TEMP TABLE actors AS SELECT i AS k, substr(md5('actor' || i), 1, 16) AS id, "
            "'Actor ' || i AS name, ?[1 + i % ?] AS country, ?[1 + (i // 7) % ?] AS role "
            "FROM range(?) t(i)", [COUNTRIES, len(COUNTRIES), ROLES, len(ROLES), n_actors])
        con.execute(
            "CREATE TEMP TABLE places AS SELECT i AS k, 'Place ' || i AS name, "
            "?[1 + i % ?] AS country, 10 + (i * 7.3) % 40 AS lat, -80 + (i * 13.7) % 160 AS lon "
            "FROM range(200) t(i)", [COUNTRIES, len(COUNTRIES)])
        n_docs = max(1, n_events // per_doc)
        con.execute(
            "INSERT INTO documents SELECT 'doc-' || i, 'Synthetic report ' || i, 'bench', NULL, "
            "DATE '2015-01-01' + CAST(i % 3650 AS INT), 'metadata', 'en', "
            "'Actor ' || (i % ?) || ' met Actor ' || ((i * 7) % ?) || ' in Place ' || (i % 200) "
            "|| '. Talks were held.', md5(i::VARCHAR), md5(i::VARCHAR), 'bench', ? "
            "FROM range(?) t(i)", [n_actors, n_actors, per_doc, n_docs])
        con.execute(
            "INSERT INTO mentions SELECT 'doc-' || d, m, a.name, 0, 7, 'ORG', a.id, a.name, "
            "'ORG', a.country || a.role, a.country, nullif(a.role, ''), true "
            "FROM range(?) t(d), range(4) u(m), actors a WHERE a.k = (d * 31 + m * 17) % ?",
            [n_docs, n_actors])
        con.execute(_EVENTS_SQL, [n_actors, n_actors, len(codes), per_doc, n_events])


_EVENTS_SQL = """
INSERT INTO events
WITH e AS (
  SELECT i, 'doc-' || (i // ?4) AS doc_id, i % ?4 AS sent,
         hash(i * 3) % ?1 AS sk, hash(i * 5 + 1) % ?2 AS tk, hash(i * 11) % ?3 AS ck,
         CASE WHEN hash(i * 13) % 10 = 0 THEN NULL
              ELSE DATE '2015-01-01' + CAST(hash(i * 17) % 3650 AS INT) END AS d,
         hash(i * 19) % 33 = 0 AS neg, CASE WHEN hash(i * 23) % 3 = 0
              THEN CAST(hash(i * 29) % 200 AS INT) END AS pk
  FROM range(?5) t(i))
SELECT md5('event' || i)[1:16], doc_id, sent, sent * 40, sent * 40 + 39, c.code, c.root,
  c.plover, c.quad, c.g, s.id, s.country || s.role, s.country, s.name, t.id,
  t.country || t.role, t.country, t.name, d, neg, 'asserted',
  json_object('event_id', md5('event' || i)[1:16], 'doc_id', doc_id,
    'sentence', s.name || ' and ' || t.name || ' (' || c.label || ').',
    'sentence_index', sent, 'char_start', sent * 40, 'char_end', sent * 40 + 39,
    'cameo', c.code, 'cameo_root', c.root, 'cameo_label', c.label, 'plover', c.plover,
    'plover_mode', c.mode, 'quad_class', c.quad, 'goldstein', c.g,
    'source', json_object('text', s.name, 'actor_id', s.id, 'name', s.name,
      'code', s.country || s.role, 'country', s.country, 'role', nullif(s.role, '')),
    'target', json_object('text', t.name, 'actor_id', t.id, 'name', t.name,
      'code', t.country || t.role, 'country', t.country, 'role', nullif(t.role, '')),
    'trigger', 'met', 'date', d, 'date_precision', CASE WHEN d IS NULL THEN NULL ELSE 'day' END,
    'date_text', NULL,
    'location', CASE WHEN p.k IS NULL THEN NULL ELSE json_object('name', p.name,
      'country', p.country, 'lat', p.lat, 'lon', p.lon, 'geonameid', p.k) END,
    'negated', neg, 'modality', 'asserted', 'attribution', NULL, 'confidence', 0.7)
FROM e JOIN actors s ON s.k = e.sk JOIN actors t ON t.k = e.tk JOIN codes c ON c.k = e.ck
LEFT JOIN places p ON p.k = e.pk
"""


def routes(rng: random.Random, actor_ids: list[str], doc_ids: list[str]) -> dict[str, object]:
    """Each route with a generator of varied, realistic parameters."""
    def day(first: int = 2015) -> str:
        return f"{rng.randint(first, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

    def events() -> str:
        choice = rng.choice([
            {}, {"actor": rng.choice(actor_ids)}, {"actor": f"Actor {rng.randint(0, 599)}"},
            {"code": rng.choice(["04", "19", "042", "173", "11"])},
            {"since": day()}, {"country": rng.choice(COUNTRIES)},
            {"root": rng.choice(["01", "04", "18", "19"]), "since": "2019-01-01"},
            {"sort": "goldstein", "order": rng.choice(["asc", "desc"])},
            {"offset": rng.randint(0, 100_000)},
        ])
        return "/api/events?" + urlencode(choice)

    return {
        "/api/events (mixed filters)": events,
        "/api/events?actor=<id>": lambda: "/api/events?actor=" + rng.choice(actor_ids),
        "/api/events?actor=<name>": lambda: f"/api/events?actor=Actor+{rng.randint(0, 599)}",
        "/api/events?code&since&until": lambda: "/api/events?" + urlencode(
            {"code": rng.choice(["04", "19", "173"]), "since": "2018-01-01",
             "until": day(2019)}),
        "/api/docs/{doc_id}": lambda: "/api/docs/" + rng.choice(doc_ids),
        "/api/actors?q=": lambda: f"/api/actors?q=actor+{rng.randint(0, 599)}",
        "/api/timeline": lambda: "/api/timeline?" + urlencode(
            {"unit": rng.choice(["day", "week", "month"]),
             "stack": rng.choice(["quad", "root"]), "country": rng.choice(COUNTRIES)}),
        "/api/network": lambda: "/api/network?" + urlencode({"since": day()}),
        "/api/map": lambda: "/api/map?" + urlencode({"root": rng.choice(["04", "19"])}),
    }


def timed(fn, n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--port", type=int, default=8931)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="casus-bench-"))
    db = folder / "bench.duckdb"
    started = time.perf_counter()
    build(db, args.events)
    print(f"built {args.events:,} synthetic events in {time.perf_counter() - started:.1f}s "
          f"({db.stat().st_size / 1e6:.0f} MB)")
    app = create_app(db)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=args.port,
                                           log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        return run(app, args)
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def run(app, args) -> int:
    with app.state.db.read() as con:
        actor_ids = [r[0] for r in con.execute(
            "SELECT DISTINCT source_actor_id FROM events LIMIT 600").fetchall()]
        doc_ids = [r[0] for r in con.execute(
            "SELECT doc_id FROM documents USING SAMPLE 200 ROWS").fetchall()]

    def baseline() -> None:
        with app.state.db.read() as con:
            con.execute("SELECT count(*) FROM events").fetchall()

    base = timed(baseline, args.requests)
    conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=120)
    rng = random.Random(7)
    results: dict[str, list[float]] = {}
    for name, make in routes(rng, actor_ids, doc_ids).items():
        def call(make=make, name=name) -> None:
            conn.request("GET", make())
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"{name}: HTTP {response.status}")
        timed(call, 3)  # warm the route
        results[name] = timed(call, args.requests)
    base95 = p(base, 95)
    print(f"{'route':32} {'p50 ms':>8} {'p95 ms':>8} {'ratio p95/baseline':>20}")
    print(f"{'baseline: duckdb count(*)':32} {p(base, 50):8.1f} {base95:8.1f} {1:20.1f}")
    for name, values in results.items():
        print(f"{name:32} {p(values, 50):8.1f} {p(values, 95):8.1f} "
              f"{p(values, 95) / base95:20.1f}")
    event_routes = [v for k, v in results.items() if k.startswith("/api/events")]
    worst = max(p(v, 95) for v in event_routes)
    print(f"ratio api_events_p95/duckdb_count: {worst / base95:.1f} (api events p95 "
          f"{worst:.1f} ms, duckdb count p95 {base95:.2f} ms, {args.events:,} events)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
