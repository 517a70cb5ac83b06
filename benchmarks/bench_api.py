"""API and dashboard response times with 100,000 events in the store.

    .venv/bin/python benchmarks/bench_api.py --events 100000

Codes real articles first (the first ``--seed-articles`` SaudiNewsNet articles, or the
bundled sample when ``../shared`` is absent), then multiplies their events into a store
of ``--events`` rows: each copy keeps a real event's type, mode, codes, sentence and
PLOVER record but gets a new id, a date spread over a year and, one copy in two, another
real actor/recipient pair.  Every URL below is then requested ``--repeat`` times through
the ASGI app (in process, no network) and the median and worst times are printed beside
the target (<= 300 ms a page).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "saudinewsnet" / "dataset"
TARGET_MS = 300.0

URLS = [
    "/api/events",
    "/api/events?offset=5000",
    "/api/events?event=ASSAULT&date_from=2015-03-01&date_to=2015-06-30",
    "/api/events?quad_class=4&country=YEM",
    "/api/events?actor=SAU&recipient=YEM",
    "/api/events?outlet={outlet}",
    "/api/search?q=الحوثيين",
    "/api/search?q=وزير الخارجية",
    "/api/documents",
    "/api/documents/{doc_id}",
    "/api/actors",
    "/api/stats",
    "/",
]
# Dashboard pages and their data endpoints, measured when the app serves them (404 = not built).
OPTIONAL_URLS = [
    "/events", "/article/{doc_id}", "/timeline", "/network", "/map",
    "/api/timeline", "/api/network", "/api/map", "/api/facets", "/api/articles/{doc_id}",
]


def seed_store(db: str, n_articles: int) -> None:
    """Code real articles into ``db`` with the default pipeline."""
    from hadath.runner import make_reader, process
    from hadath.settings import Settings
    from hadath.store import SQLiteStore

    settings = Settings(workers=2, progress=False)
    if DATA.is_dir() and any(DATA.glob("*.zip")):
        paths = [str(p) for p in sorted(DATA.glob("*.zip"))]
    else:
        print(f"(no SaudiNewsNet in {DATA}: seeding from the bundled sample)")
        paths = [str(ROOT / "hadath" / "data" / "sample")]
    read = make_reader(settings)
    with SQLiteStore(db) as store:
        process(paths, settings, store, reader=lambda p: itertools.islice(read(p), n_articles))


def multiply(db: str, target: int, rng: random.Random) -> int:
    """Copy the stored events until there are ``target``; returns the count."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.row_factory = sqlite3.Row
    events = [dict(r) for r in conn.execute("SELECT rowid AS _rid, * FROM events")]
    if not events:
        raise SystemExit("the seed articles gave no events; nothing to multiply")
    roles: dict[str, list[tuple]] = {}
    for row in conn.execute("SELECT event_id, role, code, sector FROM event_actors"):
        roles.setdefault(row[0], []).append(tuple(row)[1:])
    pairs = [(e["actor_code"], e["recipient_code"]) for e in events]
    start = date(2015, 1, 1)
    columns = [c for c in events[0] if c != "_rid"]
    conn.execute("BEGIN")
    have = len(events)
    for n in range(have, target):
        event = dict(events[n % len(events)])
        event.pop("_rid")
        old_id = event["id"]
        event["id"] = f"{old_id}-x{n}"
        event["date"] = (start + timedelta(days=rng.randrange(365))).isoformat()
        actor_roles = roles.get(old_id, [])
        if n % 2:
            actor, recipient = rng.choice(pairs)
            event["actor_code"], event["recipient_code"] = actor, recipient
            actor_roles = [("actor", actor, None), ("recipient", recipient, None)]
        record = json.loads(event["record"])
        record.update(id=event["id"], event_date=event["date"])
        event["record"] = json.dumps(record, ensure_ascii=False)
        conn.execute(
            f"INSERT INTO events ({','.join(columns)}) VALUES ({','.join('?' * len(columns))})",
            [event[c] for c in columns],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO event_actors (event_id, role, code, sector) VALUES (?, ?, ?, ?)",
            [(event["id"], *r) for r in actor_roles if r[1]],
        )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    count = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    conn.close()
    return count


def time_urls(db: str, repeat: int) -> list[tuple[str, int, float, float]]:
    """(url, status, median ms, worst ms) for every URL the app serves."""
    from fastapi.testclient import TestClient

    from hadath.api.app import create_app

    conn = sqlite3.connect(db)
    doc_id, outlet = conn.execute(
        "SELECT d.doc_id, d.outlet FROM documents d JOIN events e ON e.doc_id = d.doc_id LIMIT 1"
    ).fetchone()
    conn.close()
    client = TestClient(create_app(db))
    out = []
    for template in URLS + OPTIONAL_URLS:
        url = template.format(doc_id=doc_id, outlet=outlet or "")
        status = client.get(url).status_code  # warm-up, and is it served?
        if template in OPTIONAL_URLS and status == 404:
            continue
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        out.append((url, status, statistics.median(times), max(times)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000, help="events in the store (default 100000)")
    parser.add_argument("--seed-articles", type=int, default=300, help="real articles to code first")
    parser.add_argument("--repeat", type=int, default=5, help="requests per URL (default 5)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        started = time.perf_counter()
        seed_store(db, args.seed_articles)
        count = multiply(db, args.events, random.Random(13))
        print(f"store: {count} events from {args.seed_articles} coded articles "
              f"({time.perf_counter() - started:.0f} s to build)")  # fmt: skip
        results = time_urls(db, args.repeat)
    print(f"{'url':<64}{'status':>7}{'median ms':>11}{'worst ms':>10}")
    slow = 0
    for url, status, median, worst in results:
        flag = "" if worst <= TARGET_MS else "  SLOW"
        slow += bool(flag)
        print(f"{url:<64}{status:>7}{median:>11.1f}{worst:>10.1f}{flag}")
    print(f"{len(results) - slow}/{len(results)} URLs within {TARGET_MS:.0f} ms at worst")
    return 0


if __name__ == "__main__":
    sys.exit(main())
