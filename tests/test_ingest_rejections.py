"""Bad input becomes a Rejection value with a reason code; the other inputs go on."""

from __future__ import annotations

import gzip
import io
import json
import socket
import zipfile
from pathlib import Path

import pytest

from hadath.ingest import IngestOptions, read_paths
from hadath.model import RawDocument, Rejection

TEXT = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية خلال العام المقبل."
PAGE = f"<html><body><article><p>{TEXT}</p><p>{TEXT}</p></article></body></html>"


def read_all(*paths: object, options: IngestOptions | None = None) -> list[RawDocument | Rejection]:
    return list(read_paths([str(p) for p in paths], options))


def reasons(items: list[RawDocument | Rejection]) -> list[str | None]:
    return [i.reason if isinstance(i, Rejection) else None for i in items]


def only_rejection(items: list[RawDocument | Rejection], reason: str) -> Rejection:
    assert len(items) == 1, items
    (item,) = items
    assert isinstance(item, Rejection), item
    assert item.reason == reason, item
    assert item.detail, "a rejection must say what to do"
    return item


def test_ingest_missing_path_is_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "a.txt"
    rejection = only_rejection(read_all(missing), "not_found")
    assert rejection.source == str(missing)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_ingest_empty_text_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    only_rejection(read_all(path), "empty")


@pytest.mark.parametrize("content", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(200),
    b"\x7fELF\x02\x01\x01\x00" + bytes(64) + b"\x03\x00>\x00\x01\x00\x00\x00",
    bytes(range(1, 9)) * 100,
])
def test_ingest_binary_renamed_txt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "renamed.txt"
    path.write_bytes(content)
    only_rejection(read_all(path), "binary")


def test_ingest_too_large_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(TEXT * 50, encoding="utf-8")
    rejection = only_rejection(read_all(path, options=IngestOptions(max_bytes=1000)), "too_large")
    assert rejection.source == str(path)
    assert IngestOptions().max_bytes == 50_000_000


def test_ingest_undecodable_bytes(tmp_path: Path) -> None:
    # A UTF-8 byte-order mark promises UTF-8, but the bytes are not UTF-8.
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "نص".encode() + b"\xff\xfe\xc3\x28" * 50)
    only_rejection(read_all(path), "undecodable")


def test_ingest_html_without_article(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text("<html><head><title>x</title></head><body><nav><a href='/'>a</a></nav></body></html>",
                    encoding="utf-8")
    only_rejection(read_all(path), "no_article")


def test_ingest_unknown_extension_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"\x01\x02 some table \x03")
    only_rejection(read_all(path), "unsupported")


def test_ingest_json_record_without_content_is_empty_and_rest_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    records = [{"title": "أ", "content": TEXT}, {"title": "ب", "content": "  "},
               {"title": "ج", "content": TEXT}]
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    items = read_all(path)
    assert reasons(items) == [None, "empty", None]
    assert items[1].source == f"{path}#1"


def test_ingest_broken_jsonl_line_is_parse_error_with_line_number(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    good = json.dumps({"title": "أ", "content": TEXT}, ensure_ascii=False)
    path.write_text(f"{good}\n{{\"title\": \"broken\n{good}\n", encoding="utf-8")
    items = read_all(path)
    assert reasons(items) == [None, "parse_error", None]
    assert "2" in items[1].detail  # the line number
    assert isinstance(items[2], RawDocument) and items[2].content == TEXT


def test_ingest_broken_json_array_is_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('[{"title": "x", "content": "نص"},\n{"title": ', encoding="utf-8")
    rejection = only_rejection(read_all(path), "parse_error")
    assert "line" in rejection.detail


def warc_bytes(count: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for n in range(count):
        # Distinct text per page so the gzip members do not shrink to nothing.
        body = f"<html><body><article><p>{TEXT} {n} {'ا' * n}</p><p>{TEXT}</p></article></body></html>"
        content_type = [("Content-Type", "text/html; charset=utf-8")]
        headers = StatusAndHeaders("200 OK", content_type, protocol="HTTP/1.1")
        record = writer.create_warc_record(f"http://example.org/{n}", "response",
                                           payload=io.BytesIO(body.encode()), http_headers=headers)
        writer.write_record(record)
    return buffer.getvalue()


@pytest.mark.parametrize("cut", [0.95, 0.5])
def test_ingest_truncated_warc_gz_yields_pages_then_truncated(tmp_path: Path, cut: float) -> None:
    data = warc_bytes(4)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: int(len(data) * cut)])
    items = read_all(path)
    assert reasons(items)[-1] == "truncated"
    assert reasons(items).count("truncated") == 1
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert 1 <= len(docs) < 4
    assert [d.url for d in docs] == [f"http://example.org/{n}" for n in range(len(docs))]


def test_ingest_warc_cut_in_first_header_is_truncated(tmp_path: Path) -> None:
    path = tmp_path / "head.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: resp")
    items = read_all(path)
    assert reasons(items) == ["truncated"]


def test_ingest_truncated_zip_is_truncated(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("day.json", json.dumps([{"content": TEXT}] * 50, ensure_ascii=False))
    path = tmp_path / "day.zip"
    path.write_bytes(buffer.getvalue()[:-40])
    items = read_all(path)
    assert "truncated" in reasons(items)
    assert all(isinstance(i, RawDocument) or i.reason == "truncated" for i in items)


def test_ingest_truncated_gzip_json_is_rejected(tmp_path: Path) -> None:
    data = gzip.compress(json.dumps([{"content": TEXT}] * 20, ensure_ascii=False).encode())
    path = tmp_path / "articles.json.gz"
    path.write_bytes(data[: len(data) // 2])
    items = read_all(path)
    assert items and all(isinstance(i, Rejection) for i in items)
    assert reasons(items) == ["truncated"]


def test_ingest_truncated_jsonl_gz_yields_lines_then_truncated(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"title": f"خبر {n} {'ب' * n}", "content": f"{TEXT} {n}"}, ensure_ascii=False)
                    + "\n" for n in range(200))
    data = gzip.compress(lines.encode())
    path = tmp_path / "articles.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = read_all(path)
    assert reasons(items)[-1] == "truncated"
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert 0 < len(docs) < 200
    assert [d.source for d in docs] == [f"{path}#{n}" for n in range(len(docs))]


def test_ingest_warc_without_html_pages_is_empty(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("http://example.org/a.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG"), http_headers=headers))
    path = tmp_path / "images.warc.gz"
    path.write_bytes(buffer.getvalue())
    rejection = only_rejection(read_all(path), "empty")
    assert rejection.source == str(path)


def test_ingest_broken_feed_is_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.rss"
    path.write_text("<?xml version='1.0'?><rss><channel><item><title>x</ti", encoding="utf-8")
    items = read_all(path)
    assert items and set(reasons(items)) == {"parse_error"}


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_ingest_url_that_fails_is_fetch_failed() -> None:
    url = f"http://127.0.0.1:{closed_port()}/feed.xml"
    rejection = only_rejection(read_all(url, options=IngestOptions(timeout_s=2)), "fetch_failed")
    assert rejection.source == url


def test_ingest_folder_with_bad_files_yields_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "1_good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "2_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "3_empty.txt").write_bytes(b"")
    (tmp_path / "4_bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "5_page.html").write_text(PAGE, encoding="utf-8")
    items = read_all(tmp_path)
    assert reasons(items) == [None, "binary", "empty", "parse_error", None]
    assert [Path(i.source).name for i in items] == ["1_good.txt", "2_image.txt", "3_empty.txt",
                                                    "4_bad.json", "5_page.html"]
