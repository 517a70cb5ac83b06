"""FastAPI application: read-only JSON API (OpenAPI at /openapi.json) and the dashboard (hadath.api.pages)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from hadath.api import queries
from hadath.store.sqlite import EventFilter

__all__ = ["create_app"]

Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Code = Annotated[str | None, Query(max_length=64)]


def _bad_request(_: Request, exc: Exception) -> JSONResponse:
    """Every 4xx has the same shape: ``{"error": message, "detail": [...]}``."""
    if isinstance(exc, StarletteHTTPException):
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)
    if isinstance(exc, RequestValidationError):
        detail = [
            {"param": ".".join(map(str, e.get("loc", ())[1:])), "error": e.get("msg")} for e in exc.errors()
        ]
        return JSONResponse({"error": "invalid parameters", "detail": detail}, status_code=422)
    return JSONResponse({"error": str(exc)}, status_code=400)


def create_app(db_path: str) -> FastAPI:
    """Build the app over the SQLite store at ``db_path`` (opened read-only)."""
    if not Path(db_path).is_file():
        raise FileNotFoundError(
            f"no Hadath database at {db_path}; run `hadath process PATH --db FILE` first or pass --db"
        )
    app = FastAPI(title="Hadath", version="0.1.0", description="Arabic political events in PLOVER")
    conn = queries.connect(db_path)
    app.add_exception_handler(RequestValidationError, _bad_request)
    app.add_exception_handler(ValueError, _bad_request)
    app.add_exception_handler(StarletteHTTPException, _bad_request)
    app.add_exception_handler(sqlite3.Error, lambda r, e: JSONResponse({"error": str(e)}, status_code=503))

    def event_query(date_from, date_to, event, quad_class, actor, recipient, country, outlet, q):
        if date_from and date_to and date_from > date_to:
            raise ValueError("date_from is after date_to; swap them")
        return EventFilter(
            date_from=date_from.isoformat() if date_from else None,
            date_to=date_to.isoformat() if date_to else None,
            types=(event,) if event else (), quad_class=quad_class, actor=actor, recipient=recipient,
            country=country, outlet=outlet, text=q,
        )

    @app.get("/api/events")
    def events(
        date_from: date | None = None, date_to: date | None = None, event: Code = None,
        quad_class: Annotated[int | None, Query(ge=1, le=4)] = None, actor: Code = None,
        recipient: Code = None, country: Code = None, outlet: Code = None,
        q: Annotated[str | None, Query(max_length=200)] = None, limit: Limit = 50, offset: Offset = 0,
    ) -> dict[str, Any]:
        query = event_query(date_from, date_to, event, quad_class, actor, recipient, country, outlet, q)
        return queries.list_events(conn, query, limit, offset)

    @app.get("/api/search")
    def search(q: Annotated[str, Query(min_length=1, max_length=200)], limit: Limit = 50,
               offset: Offset = 0) -> dict[str, Any]:
        return queries.list_events(conn, EventFilter(text=q), limit, offset)

    @app.get("/api/documents")
    def documents(outlet: Code = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return queries.list_documents(conn, outlet, limit, offset)

    @app.get("/api/documents/{doc_id}")
    def document(doc_id: Annotated[str, PathParam(max_length=128)]) -> dict[str, Any]:
        doc = queries.get_document(conn, doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r}; list ids at /api/documents")
        return doc

    @app.get("/api/actors")
    def actors(limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        return queries.list_actors(conn, limit, offset)

    @app.get("/api/stats")
    def stats() -> dict[str, Any]:
        return queries.stats(conn)

    from hadath.api.pages import mount_dashboard

    mount_dashboard(app, db_path)
    return app
