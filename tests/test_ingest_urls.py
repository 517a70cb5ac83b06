"""http(s) inputs: feeds and pages fetched from a local test server (no outside network)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

from hadath.ingest import IngestOptions, read_paths
from hadath.model import RawDocument, Rejection

TEXT = "أعلن المجلس البلدي عن افتتاح مكتبة عامة جديدة في وسط المدينة الأسبوع المقبل."
RSS = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>بلدية الاختبار</title>'
    "<item><title>مكتبة جديدة</title><link>http://example.org/lib</link>"
    f"<pubDate>Mon, 07 Aug 2023 08:00:00 GMT</pubDate><description>&lt;p&gt;{TEXT}&lt;/p&gt;</description>"
    "</item></channel></rss>"
)
PAGE = (
    f"<html><head><title>مكتبة</title></head><body><article><p>{TEXT}</p><p>{TEXT}</p></article>"
    "</body></html>"
)
ROUTES = {
    "/feed": ("application/rss+xml; charset=utf-8", RSS.encode()),
    "/page": ("text/html; charset=windows-1256", PAGE.encode("cp1256")),
}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        route = ROUTES.get(self.path)
        if route is None:
            self.send_error(404)
            return
        content_type, body = route
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def read_url(url: str) -> list[RawDocument | Rejection]:
    return list(read_paths([url], IngestOptions(timeout_s=5)))


def test_ingest_urls_feed_entries_become_documents(server: str) -> None:
    (doc,) = read_url(f"{server}/feed")
    assert isinstance(doc, RawDocument), doc
    assert doc.format == "rss"
    assert doc.source.startswith(f"{server}/feed")
    expected = ("مكتبة جديدة", "http://example.org/lib", "2023-08-07", TEXT)
    assert (doc.title, doc.url, doc.date, doc.content) == expected


def test_ingest_urls_html_page_uses_header_charset(server: str) -> None:
    (doc,) = read_url(f"{server}/page")
    assert isinstance(doc, RawDocument), doc
    assert doc.content.splitlines() == [TEXT, TEXT] or doc.content.splitlines() == [TEXT]
    assert doc.url == f"{server}/page"


def test_ingest_urls_http_error_is_fetch_failed(server: str) -> None:
    (rejection,) = read_url(f"{server}/missing")
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "fetch_failed" and "404" in rejection.detail
