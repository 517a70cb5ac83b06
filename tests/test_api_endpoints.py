"""The read-only JSON API: every endpoint, filters, pagination and bad parameters (4xx, never 5xx)."""

from __future__ import annotations

import json
import sqlite3

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from hadath.api.app import create_app  # noqa: E402
from hadath.arabic import normalize  # noqa: E402
from hadath.arabic.search import index_keys  # noqa: E402
from hadath.store.schema import migrate  # noqa: E402

EVENTS = [
    ("e1", "d1", "2024-01-02", "CONSULT", 1, "USA", "EGY", "EGY", "التقى الوزير الأمريكي نظيره"),
    ("e2", "d1", "2024-01-03", "ASSAULT", 4, "ISR", "PSE", "PSE", "قصفت القوات الإسرائيلية غزة"),
    ("e3", "d2", "2024-01-03", "ACCUSE", 3, "PSE", "ISR", "PSE", "اتهمت حماس إسرائيل"),
]


def build_api_db(path) -> str:
    """A small store with two documents and the EVENTS above, written with plain SQL."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn)
    for doc_id, outlet in (("d1", "Al Ahram"), ("d2", "Al Jazeera")):
        conn.execute(
            "INSERT INTO documents (doc_id, source, title, outlet, date, text, added_at)"
            " VALUES (?,?,?,?,?,?,?)",
            (doc_id, "x", "عنوان", outlet, "2024-01-03", "نص المقال", "now"),
        )
    for eid, doc, day, ev, quad, actor, rec, country, sent in EVENTS:
        conn.execute(
            "INSERT INTO events (id, doc_id, date, event, quad_class, actor_code, recipient_code,"
            " loc_country, text_norm, search_keys, record) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (eid, doc, day, ev, quad, actor, rec, country, normalize(sent), " ".join(index_keys(sent)),
             json.dumps({"id": eid})),
        )
        conn.execute("INSERT INTO event_actors VALUES (?, 'actor', ?, NULL)", (eid, actor))
        conn.execute("INSERT INTO event_actors VALUES (?, 'recipient', ?, NULL)", (eid, rec))
    conn.close()
    return str(path)


@pytest.fixture()
def client(tmp_path):
    return TestClient(create_app(build_api_db(tmp_path / "t.db")))


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return sorted(e["id"] for e in response.json()["items"])


def test_events_filters(client):
    assert ids(client.get("/api/events")) == ["e1", "e2", "e3"]
    assert ids(client.get("/api/events", params={"quad_class": 4})) == ["e2"]
    assert ids(client.get("/api/events", params={"actor": "PSE"})) == ["e3"]
    assert ids(client.get("/api/events", params={"recipient": "PSE"})) == ["e2"]
    assert ids(client.get("/api/events", params={"date_from": "2024-01-03"})) == ["e2", "e3"]
    assert ids(client.get("/api/events", params={"outlet": "Al Jazeera"})) == ["e3"]
    assert ids(client.get("/api/events", params={"country": "EGY", "event": "CONSULT"})) == ["e1"]


def test_events_pagination(client):
    page = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert page["total"] == 3 and len(page["items"]) == 1


def test_search_normalises_arabic(client):
    assert ids(client.get("/api/search", params={"q": "الامريكي"})) == ["e1"]
    assert ids(client.get("/api/search", params={"q": "غزّة"})) == ["e2"]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("أمريكية", ["e1"]),  # ta marbuta, hamza and the article differ from the text
        ("وقوات", ["e2"]),  # a conjunction on the query, the article in the text
        ("قوات اسرائيلي", ["e2"]),  # every word must match
        ("قوات أمريكية", []),
        ("إسرائيل", ["e2", "e3"]),  # the noun finds its nisba (الإسرائيلية) too
        ("حماس،", ["e3"]),  # punctuation is not a word
        ("قصف", ["e2"]),  # the verb's stem finds قصفت
    ],
)
def test_search_strips_clitics_and_stems(client, q, expected):
    assert ids(client.get("/api/search", params={"q": q})) == expected
    assert ids(client.get("/api/events", params={"q": q})) == expected


@pytest.mark.parametrize(
    "url",
    ["/api/events?quad_class=9", "/api/events?date_from=yesterday", "/api/events?limit=0",
     "/api/events?date_from=2024-02-01&date_to=2024-01-01", "/api/search", "/api/documents?offset=-1"],
)
def test_bad_parameters_are_4xx_with_message(client, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500
    assert response.json()["error"]


def test_documents_actors_stats_and_page(client):
    assert client.get("/api/documents").json()["total"] == 2
    doc = client.get("/api/documents/d1").json()
    assert sorted(e["id"] for e in doc["events"]) == ["e1", "e2"]
    assert client.get("/api/documents/nope").status_code == 404
    actors = {a["code"]: a["events"] for a in client.get("/api/actors").json()["items"]}
    assert actors["PSE"] == 2
    stats = client.get("/api/stats").json()
    assert stats["events"] == 3 and stats["by_quad_class"]["4"] == 1
    assert "/api/events" in client.get("/openapi.json").json()["paths"]
    page = client.get("/")
    assert page.status_code == 200 and "<form id=\"filters\"" in page.text  # the dashboard's events page
