"""The dashboard's JSON endpoints and pages over a store made by processing the bundled sample
(plus two short dated articles of our own): values, filters, and 4xx (never 5xx) on bad parameters."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from hadath.api.app import create_app  # noqa: E402
from hadath.api.dashboard_api import segments, timeline  # noqa: E402
from hadath.api.pages import mount_dashboard, render_page  # noqa: E402
from hadath.model import Actor, Document, Event, Location, Mention, Sentence  # noqa: E402
from hadath.store.schema import migrate  # noqa: E402
from hadath.store.sqlite import EventFilter  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "hadath" / "data" / "sample"

OUTLET_A, OUTLET_B = "وكالة الاختبار", "صحيفة المثال"


def _span(text: str, part: str, whole: bool = True) -> tuple[int, int]:
    """Offsets of the first ``part`` in ``text`` (as a whole word unless ``whole`` is False)."""
    found = re.search(rf"(?<!\w){re.escape(part)}(?!\w)" if whole else re.escape(part), text)
    assert found, part
    return found.span()


def _coded(doc_id: str, title: str, day: str, outlet: str, text: str, actors: list[tuple],
           places: list[tuple], events: list[tuple], removed: tuple[str, ...] = ()) -> Document:
    """A hand-coded Document (own text): actors (words, name, code, sector), places (words, name,
    ISO3, lat, lon), events (id, type, trigger word, actor words, recipient words, place words)."""
    coded = {w: Actor(*_span(text, w), w, name, code, sector) for w, name, code, sector in actors}
    located = {
        w: Location(w, *_span(text, w), name, iso, None, lat, lon) for w, name, iso, lat, lon in places
    }
    cuts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"] + [len(text) + 1]
    sentences = tuple(
        Sentence(a, b - 1, text[a : b - 1], (), n)
        for n, (a, b) in enumerate(zip(cuts, cuts[1:], strict=False))
    )
    made = []
    for event_id, kind, trigger, actor, recipient, place in events:
        t0, t1 = _span(text, trigger, whole=False)  # a trigger may carry a clitic (واتهمت)
        sentence = next(x for x in sentences if x.start <= t0 < x.end)
        made.append(Event(
            event_id, doc_id, kind, sentence.start, sentence.end, sentence.text, t0, t1, trigger,
            actor=(coded[actor],), recipient=(coded[recipient],) if recipient else (), date=day,
            event_loc=located.get(place), confidence=0.9, coder="test",
        ))  # fmt: skip
    mentions = tuple(Mention(a.start, a.end, a.entity_text, "ORG") for a in coded.values())
    return Document(doc_id, text, f"test:{doc_id}", title, None, day, outlet, None, 0, removed, sentences,
                    mentions, tuple(coded.values()), tuple(located.values()), tuple(made), None)  # fmt: skip


def dated_documents() -> list[Document]:
    """Two short dated articles written for these tests, coded by hand: the bundled sample has no
    dates, and hand coding keeps these checks independent of the coder's current output."""
    gaza = "قصفت القوات الإسرائيلية مدينة غزة صباح الاثنين.\nواتهمت حركة حماس إسرائيل بارتكاب مجزرة."
    cairo = ("استقبل وزير الخارجية المصري في القاهرة نظيره الأردني.\n"
             "ووقعت مصر اتفاقية مع الأردن للتعاون في مجال الطاقة.")  # fmt: skip
    return [
        _coded("test-gaza", "قصف في غزة", "2024-03-04", OUTLET_A, gaza,
               [("القوات الإسرائيلية", "Israel forces", "ISR", "MIL"), ("غزة", "Gaza", "PSE", None),
                ("حركة حماس", "Hamas", "PSE", "REB"), ("إسرائيل", "Israel", "ISR", "GOV")],
               [("غزة", "Gaza", "PSE", 31.50161, 34.46672)],
               [("t-assault", "ASSAULT", "قصفت", "القوات الإسرائيلية", "غزة", "غزة"),
                ("t-accuse", "ACCUSE", "اتهمت", "حركة حماس", "إسرائيل", None)],
               removed=("تابعونا على فيسبوك",)),
        _coded("test-cairo", "وزير الخارجية المصري يستقبل نظيره الأردني", "2024-03-06", OUTLET_B, cairo,
               [("وزير الخارجية المصري", "Egyptian foreign minister", "EGY", "GOV"),
                ("نظيره الأردني", "Jordanian foreign minister", "JOR", "GOV"),
                ("مصر", "Egypt", "EGY", "GOV"), ("الأردن", "Jordan", "JOR", "GOV")],
               [("القاهرة", "Cairo", "EGY", 30.06263, 31.24967)],
               [("t-consult", "CONSULT", "استقبل", "وزير الخارجية المصري", "نظيره الأردني", "القاهرة"),
                ("t-agree", "AGREE", "وقعت", "مصر", "الأردن", None)]),
    ]  # fmt: skip


def build_web_store(folder: Path) -> str:
    """A store made by ``hadath process`` over the bundled sample, plus :func:`dated_documents`."""
    from hadath.runner import process
    from hadath.settings import load_settings
    from hadath.store.sqlite import SQLiteStore

    db = folder / "web.db"
    settings = load_settings(use_default_file=False, env={}, overrides={"workers": 1})
    with SQLiteStore(str(db)) as store:
        process([str(SAMPLE)], settings, store, progress=False)
        for doc in dated_documents():
            store.add_document(doc)
    return str(db)


def dashboard_app(db: str):
    app = create_app(db)
    mount_dashboard(app, db)
    return app


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return build_web_store(tmp_path_factory.mktemp("dash"))


@pytest.fixture(scope="module")
def client(db):
    return TestClient(dashboard_app(db))


def ok(response) -> dict:
    assert response.status_code == 200, response.text
    return response.json()


MARCH = {"date_from": "2024-03-01", "date_to": "2024-03-31"}  # the hand-coded documents only


def test_facets_list_types_outlets_and_named_codes(client):
    facets = ok(client.get("/api/facets"))
    types = {f["value"]: f["count"] for f in facets["event_types"]}
    assert types["ASSAULT"] >= 1 and types["CONSULT"] >= 1
    assert {OUTLET_A, OUTLET_B} <= {o["value"] for o in facets["outlets"]}
    egy = next(c for c in facets["codes"] if c["value"] == "EGY")
    assert egy["en"] == "Egypt" and egy["ar"] == "مصر"
    assert facets["dates"]["max"] >= "2024-03-06"


def test_timeline_counts_days_with_gaps_filled_and_undated_apart(client):
    data = ok(client.get("/api/timeline", params=MARCH))
    assert data["interval"] == "day" and data["buckets"] == ["2024-03-04", "2024-03-05", "2024-03-06"]
    assert data["series"]["ASSAULT"] == [1, 0, 0] and data["series"]["CONSULT"] == [0, 0, 1]
    assert data["total"] == 4 and data["undated"] == {}
    everything = ok(client.get("/api/timeline"))
    assert sum(everything["undated"].values()) > 0  # the bundled sample carries no dates
    assert everything["total"] == sum(map(sum, everything["series"].values())) + sum(
        everything["undated"].values()
    )
    quads = ok(client.get("/api/timeline", params={**MARCH, "by": "quad_class"}))
    assert quads["series"] == {"1": [0, 0, 2], "3": [1, 0, 0], "4": [1, 0, 0]}
    none = ok(client.get("/api/timeline", params={"event": "ASSAULT", "date_from": "2024-03-05"}))
    assert none["total"] == 0 and none["buckets"] == []


def test_timeline_counts_months_over_long_spans(tmp_path):
    conn = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    migrate(conn)
    for i, day in enumerate(("2010-01-05", "2010-01-20", "2020-06-01", "2020-13-01")):
        conn.execute("INSERT INTO events (id, doc_id, date, event, quad_class, record) VALUES (?,?,?,?,?,?)",
                     (f"e{i}", "d", day, "AGREE", 1, "{}"))  # fmt: skip
    data = timeline(conn, EventFilter(), "event")
    assert data["interval"] == "month" and data["buckets"] == ["2010-01", "2020-06"]
    assert data["series"]["AGREE"] == [2, 1] and data["undated"] == {"AGREE": 1}  # 2020-13-01 is no day


def test_network_edges_go_from_actor_to_recipient_with_tone(client):
    data = ok(client.get("/api/network", params=MARCH))
    edges = {(e["source"], e["target"]): e for e in data["edges"]}
    assert set(edges) == {("ISR", "PSE"), ("PSE", "ISR"), ("EGY", "JOR")}
    assert edges[("ISR", "PSE")]["tone"] == "conflict" and edges[("ISR", "PSE")]["by_quad"]["4"] == 1
    assert edges[("EGY", "JOR")] | {"by_quad": None} == {
        "source": "EGY", "target": "JOR", "weight": 2, "by_quad": None, "cooperation": 2, "conflict": 0,
        "tone": "cooperation",
    }  # fmt: skip
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["EGY"]["ar"] == "مصر" and nodes["EGY"]["events"] == 2
    assert set(nodes) == {"EGY", "JOR", "ISR", "PSE"}
    conflict = ok(client.get("/api/network", params={"quad_class": 4}))
    assert ("ISR", "PSE") in {(e["source"], e["target"]) for e in conflict["edges"]}
    assert all(e["tone"] == "conflict" for e in conflict["edges"])
    assert ok(client.get("/api/network", params={"min_weight": 100_000}))["edges"] == []
    assert len(ok(client.get("/api/network", params={"max_nodes": 2}))["nodes"]) == 2


def test_map_gives_countries_with_iso_numeric_ids_and_located_places(client):
    data = ok(client.get("/api/map", params=MARCH))
    assert [(c["code"], c["numeric"], c["events"]) for c in data["countries"]] == [
        ("EGY", "818", 1), ("PSE", "275", 1)
    ]
    assert data["countries"][0]["ar"] == "مصر"
    assert {(p["name"], p["text"], p["country"]) for p in data["places"]} == {
        ("Gaza", "غزة", "PSE"), ("Cairo", "القاهرة", "EGY")
    }
    conflict = ok(client.get("/api/map", params={**MARCH, "quad_class": 4}))
    assert [c["code"] for c in conflict["countries"]] == ["PSE"]
    assert ok(client.get("/api/map"))["countries"]  # the sample's places count too


def test_article_cuts_the_text_into_highlighted_segments(client):
    doc = ok(client.get("/api/articles/test-gaza"))
    text = dated_documents()[0].text
    assert ["".join(seg["t"] for seg in p) for p in doc["paragraphs"]] == text.split("\n")
    triggers = {s["event_id"]: s for s in doc["spans"] if s["layer"] == "trigger"}
    assert {e["id"] for e in doc["events"]} == set(triggers) == {"t-assault", "t-accuse"}
    assert triggers["t-accuse"]["text"] == "اتهمت" and triggers["t-accuse"]["label"] == "ACCUSE"
    first = doc["paragraphs"][0][0]
    assert first["t"] == "قصفت" and [doc["spans"][i]["layer"] for i in first["s"]] == ["trigger"]
    forces = next(seg for seg in doc["paragraphs"][0] if seg["t"] == "القوات الإسرائيلية")
    actor = next(doc["spans"][i] for i in forces["s"] if doc["spans"][i]["layer"] == "actor")
    assert (actor["name"], actor["code"], actor["sector"]) == ("Israel forces", "ISR", "MIL")
    assert doc["events"][0]["event_loc"]["name"] == "Gaza"
    assert doc["removed"] is None and doc["removed_count"] == 1
    with_lines = ok(client.get("/api/articles/test-gaza", params={"boilerplate": "true"}))
    assert with_lines["removed"] == ["تابعونا على فيسبوك"]


def test_segments_split_overlapping_spans():
    spans = [{"start": 0, "end": 4}, {"start": 2, "end": 6}]
    assert segments("abcdef\ng", spans) == [
        [{"t": "ab", "s": [0]}, {"t": "cd", "s": [0, 1]}, {"t": "ef", "s": [1]}], [{"t": "g", "s": []}]
    ]


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/timeline", {"by": "actor"}, 422),
        ("/api/timeline", {"date_from": "2024-03-06", "date_to": "2024-03-01"}, 400),
        ("/api/timeline", {"date_from": "yesterday"}, 422),
        ("/api/timeline", {"quad_class": 5}, 422),
        ("/api/network", {"max_nodes": 1}, 422),
        ("/api/network", {"min_weight": 0}, 422),
        ("/api/network", {"event": "DROP TABLE"}, 422),
        ("/api/map", {"actor": "X" * 65}, 422),
        ("/api/articles/nosuchdoc", {}, 404),
        ("/api/articles/" + "x" * 129, {}, 422),
        ("/api/articles/abc", {"boilerplate": "maybe"}, 422),
    ],
)
def test_bad_parameters_get_a_4xx_with_a_message(client, path, params, status):
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    assert response.json()["error"]


def test_pages_are_served_with_bilingual_navigation(client):
    for path in ("/", "/events", "/timeline", "/network", "/map", "/article/abc"):
        response = client.get(path)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
        assert "الخط الزمني" in response.text and "Timeline" in response.text
    assert 'id="filters"' in client.get("/").text  # the dashboard replaced the plain page at /
    assert client.get("/static/js/common.js").status_code == 200
    assert client.get("/article/" + "x" * 200).status_code == 422


def test_chart_pages_say_how_to_build_missing_libraries():
    page = render_page("timeline", missing=["d3.min.js"])
    assert "vendor-missing" in page and "python -m hadath.api.build_web" in page
    assert "/static/vendor/d3.min.js" not in page
    assert "/static/vendor/d3.min.js" in render_page("timeline", missing=[])
    assert "vendor-missing" not in render_page("events", missing=["d3.min.js"])


@pytest.mark.slow
def test_schema_fuzz_of_the_dashboard_endpoints_gets_no_server_error(db):
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_asgi("/openapi.json", dashboard_app(db))
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if not operation.path.startswith(("/api/timeline", "/api/network", "/api/map", "/api/articles",
                                          "/api/facets")):  # fmt: skip
            continue

        @given(case=operation.as_strategy())
        @settings(max_examples=10, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case):
            response = case.call()
            assert response.status_code < 500, f"{case.formatted_path} {case.query}: {response.text}"

        check()
        checked.append(operation.path)
    assert len(checked) == 5
