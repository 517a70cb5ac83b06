"""The dashboard: plain HTML pages and small JS modules served next to the JSON API.

Pages: ``/`` and ``/events`` (events table with filters), ``/article/{doc_id}`` (the article reader),
``/timeline``, ``/network`` and ``/map``.  They read the JSON API (``/api/events``) and the dashboard
endpoints of :mod:`hadath.api.dashboard_api`.  The chart libraries (d3, topojson-client, world-atlas
geometry) come from npm through ``python -m hadath.api.build_web``; when they were not built, the
chart pages say so and the table and reader still work.

>>> sorted(PAGES)
['article', 'events', 'map', 'network', 'timeline']
>>> "vendor-missing" in render_page("map", missing=["d3.min.js"])
True
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from hadath.api.build_web import VENDOR_FILES, missing_vendor_files
from hadath.api.dashboard_api import dashboard_router

__all__ = ["PAGES", "mount_dashboard", "render_page"]

STATIC_DIR = Path(__file__).resolve().parent / "static"
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"

# page -> (English title, Arabic title, needs the chart libraries)
PAGES: dict[str, tuple[str, str, bool]] = {
    "events": ("Events", "الأحداث", False),
    "article": ("Article", "المقال", False),
    "timeline": ("Timeline", "الخط الزمني", True),
    "network": ("Actor network", "شبكة الفاعلين", True),
    "map": ("Map", "الخريطة", True),
}
_NAV = ("events", "timeline", "network", "map")
_BUILD = "python -m hadath.api.build_web"


def _nav(current: str) -> str:
    links = []
    for name in _NAV:
        en, ar, _ = PAGES[name]
        here = ' aria-current="page"' if name == current else ""
        links.append(f'<a href="/{name}"{here}><span lang="en">{en}</span> '
                     f'<span lang="ar" dir="rtl">{ar}</span></a>')  # fmt: skip
    return "".join(links)


def _vendor(needs: bool, missing: list[str]) -> str:
    if not needs:
        return ""
    if missing:
        return (
            '<div class="notice" id="vendor-missing" role="alert"><span lang="en">The chart libraries were '
            f"not built ({html.escape(', '.join(missing))} missing): run <code>{_BUILD}</code> and reload."
            '</span> <span lang="ar" dir="rtl">لم تُبنَ مكتبات الرسوم: شغّل الأمر أعلاه ثم أعد تحميل الصفحة.'
            "</span></div>"
        )
    return "".join(
        f'<script src="/static/vendor/{name}"></script>' for name in VENDOR_FILES if name.endswith(".js")
    )


def render_page(name: str, missing: list[str] | None = None) -> str:
    """The HTML of page ``name`` (``missing``: vendor files absent; default: look on disk)."""
    en, ar, needs = PAGES[name]
    missing = missing_vendor_files() if missing is None else missing
    page = (TEMPLATE_DIR / "base.html").read_text(encoding="utf-8")
    body = (TEMPLATE_DIR / f"{name}.html").read_text(encoding="utf-8")
    for key, value in (
        ("{{body}}", body), ("{{title}}", f"{en} · {ar}"), ("{{nav}}", _nav(name)),
        ("{{vendor}}", _vendor(needs, missing)), ("{{page}}", name),
    ):  # fmt: skip
        page = page.replace(key, value)
    return page


def _drop_root_page(app: FastAPI) -> None:
    """Remove a plain ``GET /`` page the app may define, so that ``/`` is the dashboard."""
    app.router.routes[:] = [
        r for r in app.router.routes
        if not (isinstance(r, APIRoute) and r.path == "/" and "GET" in r.methods)
    ]  # fmt: skip


def mount_dashboard(app: FastAPI, db_path: str | None = None) -> None:
    """Add the dashboard pages and ``/static`` to ``app``; with ``db_path`` also the dashboard's
    JSON endpoints (:func:`hadath.api.dashboard_api.dashboard_router`) over that store."""
    _drop_root_page(app)
    if db_path is not None:
        app.include_router(dashboard_router(db_path))
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    def page(name: str):
        def handler() -> HTMLResponse:
            return HTMLResponse(render_page(name))

        handler.__name__ = f"page_{name}"
        return handler

    app.add_api_route("/", page("events"), methods=["GET"], include_in_schema=False)
    for name in _NAV:
        app.add_api_route(f"/{name}", page(name), methods=["GET"], include_in_schema=False)

    @app.get("/article/{doc_id}", include_in_schema=False)
    def article_page(doc_id: Annotated[str, PathParam(min_length=1, max_length=128)]) -> HTMLResponse:
        return HTMLResponse(render_page("article"))
