"""JSON endpoints the dashboard pages need beyond the core API: facets, timeline, actor network,
map and the annotated article (text cut into highlighted segments).

>>> code_names("EGY")["en"], code_names("EGY")["numeric"], code_names("RUS")["en"]
('Egypt', '818', 'Russia')
>>> code_names("IGO")["en"]
'intergovernmental organisation'
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_left
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache
from threading import Lock, Thread
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi import Path as PathParam

from hadath.api import queries
from hadath.store.sqlite import EventFilter

__all__ = ["code_names", "dashboard_router", "event_filters", "segments"]

Code = Annotated[str | None, Query(max_length=64, description="a code such as USA, IGO or an outlet")]
_MAX_DAYS = 1000  # longer spans are counted per month

# PLOVER actor codes that are not countries (source: PLOVER manual, own wording)
_SPECIAL = {
    "IGO": ("intergovernmental organisation", "منظمة حكومية دولية"),
    "UNO": ("United Nations", "الأمم المتحدة"),
    "EUR": ("European Union", "الاتحاد الأوروبي"),
    "NGO": ("non-governmental organisation", "منظمة غير حكومية"),
    "MNC": ("multinational company", "شركة متعددة الجنسيات"),
}


@lru_cache(maxsize=4096)
def code_names(code: str) -> dict[str, str | None]:
    """English and Arabic name of an actor/country code, and its ISO numeric id (for the map)."""
    import pycountry
    from babel import Locale

    if code in _SPECIAL:
        en, ar = _SPECIAL[code]
        return {"code": code, "en": en, "ar": ar, "numeric": None}
    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    if country is None:
        return {"code": code, "en": code, "ar": None, "numeric": None}
    ar = Locale("ar").territories.get(country.alpha_2)
    name = Locale("en").territories.get(country.alpha_2) or getattr(country, "common_name", country.name)
    return {"code": code, "en": name, "ar": ar, "numeric": country.numeric}


def event_filters(
    date_from: Annotated[date | None, Query(description="first day, YYYY-MM-DD")] = None,
    date_to: Annotated[date | None, Query(description="last day, YYYY-MM-DD")] = None,
    event: Annotated[str | None, Query(max_length=32, pattern=r"^[A-Za-z_]+$")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    actor: Code = None,
    recipient: Code = None,
    country: Code = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    q: Annotated[str | None, Query(max_length=200, description="words of the evidence sentence")] = None,
) -> EventFilter:
    """The filters of /api/events as a dependency (a 400 says what to fix)."""
    if date_from and date_to and date_from > date_to:
        raise HTTPException(400, "date_from is after date_to; swap them")
    return EventFilter(
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
        types=(event.upper(),) if event else (), quad_class=quad_class, actor=actor or None,
        recipient=recipient or None, country=country or None, outlet=outlet or None, text=q or None,
    )


Filters = Annotated[EventFilter, Depends(event_filters)]


def _where(filters: EventFilter, *extra: str) -> tuple[str, list[Any]]:
    where, args = filters.where()
    clauses = [where.removeprefix(" WHERE ")] if where else []
    clauses.extend(extra)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def _from(filters: EventFilter) -> str:
    """The events table, joined to documents only when a filter needs them (faster counts)."""
    joined = " FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id"
    return joined if filters.outlet else " FROM events e"


def facets(conn: sqlite3.Connection) -> dict[str, Any]:
    """Values the filter controls offer: event types, outlets, actor codes, event countries."""
    pairs = lambda sql: [{"value": v, "count": n} for v, n in conn.execute(sql) if v]  # noqa: E731
    codes = pairs(
        "SELECT code, COUNT(DISTINCT event_id) FROM event_actors WHERE code IS NOT NULL "
        "GROUP BY code ORDER BY 2 DESC, 1 LIMIT 300"
    )
    countries = pairs(
        "SELECT loc_country, COUNT(*) FROM events WHERE loc_country IS NOT NULL GROUP BY 1 ORDER BY 2 DESC"
    )
    for item in codes + countries:
        item.update({k: v for k, v in code_names(item["value"]).items() if k in ("en", "ar")})
    dates = conn.execute("SELECT MIN(date), MAX(date) FROM events WHERE date IS NOT NULL").fetchone()
    return {
        "event_types": pairs("SELECT event, COUNT(*) FROM events GROUP BY event ORDER BY 2 DESC, 1"),
        "outlets": pairs(
            "SELECT outlet, COUNT(*) FROM documents WHERE outlet IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
        ),
        "codes": codes,
        "countries": countries,
        "dates": {"min": dates[0], "max": dates[1]},
    }


def _days(first: str, last: str) -> list[str] | None:
    """Every day from ``first`` to ``last``, or None when the span is too long for daily bars."""
    a, b = date.fromisoformat(first), date.fromisoformat(last)
    if (b - a).days > _MAX_DAYS:
        return None
    return [(a + timedelta(days=i)).isoformat() for i in range((b - a).days + 1)]


def timeline(conn: sqlite3.Connection, filters: EventFilter, by: str) -> dict[str, Any]:
    """Events per day (per month over long spans) and per type or quad class; undated apart."""
    key = "e.event" if by == "event" else "e.quad_class"
    where, args = _where(filters)
    rows = conn.execute(
        f"SELECT CASE WHEN length(e.date) = 10 THEN e.date END AS day, {key} AS k, COUNT(*)"
        f"{_from(filters)}{where} GROUP BY 1, 2", args,
    ).fetchall()
    counts: dict[str, dict[str, int]] = {}
    undated: dict[str, int] = {}
    for day, k, n in rows:
        if day is None or not _valid_day(day):
            undated[str(k)] = undated.get(str(k), 0) + n
        else:
            counts.setdefault(day, {})[str(k)] = n
    interval, buckets = "day", sorted(counts)
    if buckets and (days := _days(buckets[0], buckets[-1])) is not None:
        buckets = days
    elif buckets:
        interval = "month"
        monthly: dict[str, dict[str, int]] = {}
        for day, by_key in counts.items():
            into = monthly.setdefault(day[:7], {})
            for k, n in by_key.items():
                into[k] = into.get(k, 0) + n
        counts, buckets = monthly, sorted(monthly)
    keys = sorted({k for c in counts.values() for k in c} | set(undated))
    return {
        "by": by, "interval": interval, "buckets": buckets, "keys": keys,
        "series": {k: [counts.get(b, {}).get(k, 0) for b in buckets] for k in keys},
        "undated": undated, "total": sum(n for _, _, n in rows),
    }  # fmt: skip


def _valid_day(day: str) -> bool:
    try:
        date.fromisoformat(day)
    except ValueError:
        return False
    return True


def network(
    conn: sqlite3.Connection, filters: EventFilter, max_nodes: int, min_weight: int
) -> dict[str, Any]:
    """Who acts on whom: one edge per (actor code, recipient code) with event counts per quad class."""
    where, args = _where(filters, "a.code IS NOT NULL", "r.code IS NOT NULL")
    rows = conn.execute(
        f"SELECT a.code, r.code, e.quad_class, COUNT(DISTINCT e.id){_from(filters)} "
        "JOIN event_actors a ON a.event_id = e.id AND a.role = 'actor' "
        f"JOIN event_actors r ON r.event_id = e.id AND r.role = 'recipient'{where} GROUP BY 1, 2, 3",
        args,
    ).fetchall()
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for source, target, quad, n in rows:
        edge = edges.setdefault((source, target), {"source": source, "target": target, "weight": 0,
                                                    "by_quad": {"1": 0, "2": 0, "3": 0, "4": 0}})
        edge["weight"] += n
        if quad:
            edge["by_quad"][str(quad)] += n
    kept = [e for e in edges.values() if e["weight"] >= min_weight]
    degree: dict[str, int] = {}
    for e in kept:
        degree[e["source"]] = degree.get(e["source"], 0) + e["weight"]
        degree[e["target"]] = degree.get(e["target"], 0) + e["weight"]
    top = set(sorted(degree, key=lambda c: (-degree[c], c))[:max_nodes])
    kept = [e for e in kept if e["source"] in top and e["target"] in top]
    for e in kept:
        coop, conflict = e["by_quad"]["1"] + e["by_quad"]["2"], e["by_quad"]["3"] + e["by_quad"]["4"]
        e["cooperation"], e["conflict"] = coop, conflict
        e["tone"] = "conflict" if conflict > coop else "cooperation" if coop > conflict else "mixed"
    nodes = [code_names(c) | {"id": c, "events": degree[c]} for c in sorted(top, key=lambda c: -degree[c])]
    return {"nodes": nodes, "edges": sorted(kept, key=lambda e: -e["weight"])}


def event_map(conn: sqlite3.Connection, filters: EventFilter) -> dict[str, Any]:
    """Events per country of their place (for shading) and per located place (for dots)."""
    where, args = _where(filters, "e.loc_country IS NOT NULL")
    per_country: dict[str, int] = {}
    places: dict[tuple[Any, ...], dict[str, Any]] = {}
    for country, loc, n in conn.execute(
        f"SELECT e.loc_country, json_extract(e.record, '$.event_loc'), COUNT(*){_from(filters)}{where} "
        "GROUP BY 1, 2", args,
    ):  # fmt: skip
        per_country[country] = per_country.get(country, 0) + n
        place = json.loads(loc) if isinstance(loc, str) else None
        if not place or not all(isinstance(place.get(k), int | float) for k in ("lat", "lon")):
            continue
        key = (place.get("name"), country, place["lat"], place["lon"])
        found = places.setdefault(key, {"name": place.get("name"), "text": place.get("text"),
                                        "country": country, "lat": place["lat"], "lon": place["lon"],
                                        "events": 0})  # fmt: skip
        found["events"] += n
    return {
        "countries": [
            code_names(c) | {"events": n} for c, n in sorted(per_country.items(), key=lambda x: (-x[1], x[0]))
        ],
        "places": sorted(places.values(), key=lambda p: -p["events"])[:500],
    }


def _spans(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Highlightable spans: entities (mention, actor, location layers) and event triggers."""
    spans = [
        {"layer": e["layer"], "start": e["start"], "end": e["end"], "text": e["text"], "label": e["label"],
         "code": e["code"], "sector": e["sector"], "name": e["name"]}
        for e in doc["entities"]
    ]  # fmt: skip
    for ev in doc["events"]:
        trigger = (ev["record"] or {}).get("trigger") or {}
        if isinstance(trigger.get("start"), int) and isinstance(trigger.get("end"), int):
            spans.append({"layer": "trigger", "start": trigger["start"], "end": trigger["end"],
                          "text": ev["record"].get("event_text"), "label": ev["event"], "code": None,
                          "sector": None, "name": None, "event_id": ev["id"], "quad_class": ev["quad_class"]})
    n = len(doc["text"])
    return [s for s in spans if 0 <= s["start"] < s["end"] <= n]


def segments(text: str, spans: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """``text`` cut into paragraphs (at newlines) of segments ``{"t": text, "s": [span indices]}``.

    >>> segments("ab c\\nd", [{"start": 1, "end": 4}])
    [[{'t': 'a', 's': []}, {'t': 'b c', 's': [0]}], [{'t': 'd', 's': []}]]
    """
    cuts = {0, len(text)} | {i for i, ch in enumerate(text) if ch == "\n"} | {
        i + 1 for i, ch in enumerate(text) if ch == "\n"}
    for s in spans:
        cuts |= {s["start"], s["end"]}
    bounds = sorted(cuts)
    covering: list[list[int]] = [[] for _ in bounds]  # spans over the piece bounds[k]..bounds[k+1]
    for i, s in enumerate(spans):
        for k in range(bisect_left(bounds, s["start"]), bisect_left(bounds, s["end"])):
            covering[k].append(i)
    paragraphs: list[list[dict[str, Any]]] = [[]]
    for k, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)):
        piece = text[a:b]
        if piece == "\n":
            paragraphs.append([])
            continue
        paragraphs[-1].append({"t": piece, "s": covering[k]})
    return [p for p in paragraphs if p]


def article(conn: sqlite3.Connection, doc_id: str, boilerplate: bool) -> dict[str, Any] | None:
    """The document with its text in highlighted segments, its events, and (on request) the
    boilerplate lines cleaning removed."""
    doc = queries.get_document(conn, doc_id)
    if doc is None:
        return None
    spans = _spans(doc)
    events = []
    for ev in doc["events"]:
        record = ev["record"] or {}
        events.append({
            "id": ev["id"], "event": ev["event"], "quad_class": ev["quad_class"],
            "trigger": record.get("trigger"), "event_text": record.get("event_text"),
            "sentence": record.get("text"), "date": record.get("date"), "mode": record.get("mode", []),
            "actor": record.get("actor", []), "recipient": record.get("recipient", []),
            "event_loc": record.get("event_loc"), "negated": record.get("negated"),
            "hypothetical": record.get("hypothetical"), "confidence": record.get("confidence"),
        })  # fmt: skip
    events.sort(key=lambda e: ((e["trigger"] or {}).get("start") or 0, e["id"]))
    removed = doc.get("removed") or []
    return {
        **{k: doc.get(k) for k in ("doc_id", "title", "outlet", "author", "date", "url", "country", "part")},
        "spans": spans, "paragraphs": segments(doc["text"], spans), "events": events,
        "removed_count": len(removed), "removed": removed if boilerplate else None,
    }  # fmt: skip


class _Cache:
    """Answers of the aggregate endpoints, kept until the store changes (another connection,
    such as a running ``hadath process``, commits: SQLite's ``PRAGMA data_version`` moves)."""

    def __init__(self, conn: sqlite3.Connection, size: int = 256):
        self.conn, self.size = conn, size
        self.version: int | None = None
        self.answers: dict[tuple[Any, ...], Any] = {}
        self.lock = Lock()

    def get(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        with self.lock:
            version = self.conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self.version:
                self.version, self.answers = version, {}
            if key not in self.answers:
                if len(self.answers) >= self.size:
                    self.answers.pop(next(iter(self.answers)))
                self.answers[key] = compute()
            return self.answers[key]


def _warm(cache: _Cache, conn: sqlite3.Connection) -> None:
    """Fill the cache with the unfiltered views in a background thread (server start-up), so
    that the first visit to each page does not wait for a full scan of a large store."""

    def run() -> None:
        everything = event_filters()
        for key, compute in (
            (("facets",), lambda: facets(conn)),
            (("timeline", everything, "event"), lambda: timeline(conn, everything, "event")),
            (("network", everything, 60, 1), lambda: network(conn, everything, 60, 1)),
            (("map", everything), lambda: event_map(conn, everything)),
        ):
            try:
                cache.get(key, compute)
            except sqlite3.Error:  # a store being migrated or locked: the requests will say so
                return

    Thread(target=run, name="hadath-dashboard-warm", daemon=True).start()


def dashboard_router(db_path: str) -> APIRouter:
    """The dashboard's endpoints over the store at ``db_path`` (opened read-only)."""
    conn = queries.connect(db_path)
    cache = _Cache(conn)
    router = APIRouter(prefix="/api", tags=["dashboard"], on_startup=[lambda: _warm(cache, conn)])

    @router.get("/facets")
    def get_facets() -> dict[str, Any]:
        """Values for the filter controls (types, outlets, actor codes, countries, date range)."""
        return cache.get(("facets",), lambda: facets(conn))

    @router.get("/timeline")
    def get_timeline(
        filters: Filters, by: Annotated[str, Query(pattern="^(event|quad_class)$")] = "event"
    ) -> dict[str, Any]:
        """Events per day by type (``by=event``) or quad class; undated events counted apart."""
        return cache.get(("timeline", filters, by), lambda: timeline(conn, filters, by))

    @router.get("/network")
    def get_network(
        filters: Filters, max_nodes: Annotated[int, Query(ge=2, le=300)] = 60,
        min_weight: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    ) -> dict[str, Any]:
        """Actor network: nodes are codes, an edge counts events of its actor on its recipient."""
        return cache.get(
            ("network", filters, max_nodes, min_weight), lambda: network(conn, filters, max_nodes, min_weight)
        )

    @router.get("/map")
    def get_map(filters: Filters) -> dict[str, Any]:
        """Events per country of their place (with ISO numeric ids) and per located place."""
        return cache.get(("map", filters), lambda: event_map(conn, filters))

    @router.get("/articles/{doc_id}")
    def get_article(
        doc_id: Annotated[str, PathParam(min_length=1, max_length=128)],
        boilerplate: bool = False,
    ) -> dict[str, Any]:
        """A document cut into highlight segments with its events; ``boilerplate=true`` adds the
        lines cleaning removed."""
        found = article(conn, doc_id, boilerplate)
        if found is None:
            raise HTTPException(404, f"no document {doc_id!r}; list ids at /api/documents")
        return found

    return router
