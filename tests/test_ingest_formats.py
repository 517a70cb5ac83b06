"""Each input format read through the public API ``hadath.ingest.read_paths``.

All inputs are built here from short sentences written for these tests.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from hadath.ingest import IngestOptions, read_paths
from hadath.model import RawDocument, Rejection

PARA1 = "أعلنت وزارة الخارجية اليوم عن زيارة رسمية للوزير إلى العاصمة لبحث العلاقات الثنائية بين البلدين."
PARA2 = "وقال المتحدث باسم الوزارة إن المحادثات ستتناول ملفات التعاون الاقتصادي والأمني في المنطقة."
ARTICLE_HTML = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>زيارة رسمية لوزير الخارجية - صحيفة الاختبار</title>
<meta property="og:site_name" content="صحيفة الاختبار">
<meta property="og:title" content="زيارة رسمية لوزير الخارجية">
<meta property="article:published_time" content="2023-08-04T10:00:00+03:00">
<meta name="author" content="أحمد محمود علي">
</head><body>
<nav><a href="/">الرئيسية</a> | <a href="/sport">رياضة</a></nav>
<article><h1>زيارة رسمية لوزير الخارجية</h1><p>{PARA1}</p><p>{PARA2}</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def read_all(*paths: object, **options: object) -> list[RawDocument | Rejection]:
    opts = IngestOptions(**options) if options else None
    return list(read_paths([str(p) for p in paths], opts))


def docs_of(items: list[RawDocument | Rejection]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def rejections_of(items: list[RawDocument | Rejection]) -> list[Rejection]:
    return [i for i in items if isinstance(i, Rejection)]


def test_ingest_text_file_is_one_document(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(f"{PARA1}\n\n{PARA2}\n", encoding="utf-8")
    items = read_all(path)
    assert len(items) == 1
    doc = items[0]
    assert isinstance(doc, RawDocument)
    assert doc.source == str(path)
    assert doc.format == "text"
    assert PARA1 in doc.content and PARA2 in doc.content
    assert doc.content.index(PARA1) < doc.content.index(PARA2)


def test_ingest_html_extracts_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    (doc,) = read_all(path)
    assert isinstance(doc, RawDocument), doc
    assert doc.format == "html"
    assert doc.source == str(path)
    assert PARA1 in doc.content and PARA2 in doc.content
    # paragraphs stay on separate lines
    lines = doc.content.splitlines()
    assert PARA1 in lines and PARA2 in lines
    assert "جميع الحقوق محفوظة" not in doc.content
    assert doc.title and "زيارة رسمية لوزير الخارجية" in doc.title
    assert doc.date == "2023-08-04"
    assert doc.outlet == "صحيفة الاختبار"


def test_ingest_json_array_maps_fields_and_dates(tmp_path: Path) -> None:
    records = [
        {"source": "spa", "url": "http://example.org/1", "date_extracted": "2015-07-21 02:51:35",
         "title": "عنوان أول", "author": "محرر", "content": PARA1},
        {"title": "عنوان ثان", "text": PARA2, "published": "Tue, 21 Jul 2015 08:00:00 GMT"},
        {"title": "عنوان ثالث", "body": PARA1, "date": "2015-07-22"},
    ]
    path = tmp_path / "day.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    items = read_all(path)
    assert [i.source for i in items] == [f"{path}#0", f"{path}#1", f"{path}#2"]
    first, second, third = docs_of(items)
    assert first.content == PARA1
    assert (first.title, first.url, first.date, first.outlet, first.author) == (
        "عنوان أول", "http://example.org/1", "2015-07-21", "spa", "محرر")
    assert second.content == PARA2 and second.date == "2015-07-21"
    assert third.content == PARA1 and third.date == "2015-07-22"


def test_ingest_jsonl_reads_each_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"title": f"خبر {n}", "content": PARA1, "date": "2024-01-0" + str(n + 1)},
                        ensure_ascii=False) for n in range(3)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = docs_of(read_all(path))
    assert [d.title for d in docs] == ["خبر 0", "خبر 1", "خبر 2"]
    assert [d.date for d in docs] == ["2024-01-01", "2024-01-02", "2024-01-03"]
    assert [d.source for d in docs] == [f"{path}#0", f"{path}#1", f"{path}#2"]


def test_ingest_zip_of_json_array_like_saudinewsnet(tmp_path: Path) -> None:
    records = [{"source": "okaz", "url": f"http://example.org/{n}", "date_extracted": "2015-07-23 10:00:00",
                "title": f"عنوان {n}", "author": "", "content": PARA2} for n in range(2)]
    path = tmp_path / "2015-07-23.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("2015-07-23.json", json.dumps(records, ensure_ascii=False))
    docs = docs_of(read_all(path))
    assert [d.source for d in docs] == [f"{path}!2015-07-23.json#0", f"{path}!2015-07-23.json#1"]
    assert all(d.date == "2015-07-23" and d.outlet == "okaz" and d.content == PARA2 for d in docs)


def test_ingest_zip_members_of_several_formats(tmp_path: Path) -> None:
    path = tmp_path / "mixed.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("b/page.html", ARTICLE_HTML)
        archive.writestr("a.txt", PARA1)
    docs = docs_of(read_all(path))
    assert [d.source for d in docs] == [f"{path}!a.txt", f"{path}!b/page.html"]
    assert [d.format for d in docs] == ["text", "html"]


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>وكالة الاختبار</title><link>http://example.org/</link>
<item><title>الخبر الأول</title><link>http://example.org/a</link>
<pubDate>Fri, 04 Aug 2023 09:30:00 GMT</pubDate><author>desk@example.org (مكتب الأخبار)</author>
<description><![CDATA[<p>{PARA1}</p><p>{PARA2}</p>]]></description></item>
<item><title>الخبر الثاني</title><link>http://example.org/b</link>
<pubDate>Sat, 05 Aug 2023 09:30:00 GMT</pubDate><description>{PARA2}</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>موقع أتوم</title><id>urn:x</id>
<updated>2023-08-04T00:00:00Z</updated>
<entry><title>مدخل</title><link href="http://example.org/atom/1"/><id>urn:1</id>
<updated>2023-08-06T12:00:00Z</updated><author><name>كاتب</name></author>
<content type="html">&lt;p&gt;{PARA1}&lt;/p&gt;&lt;p&gt;{PARA2}&lt;/p&gt;</content></entry></feed>"""


def test_ingest_rss_file_gives_one_document_per_entry(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    docs = docs_of(read_all(path))
    assert len(docs) == 2
    first, second = docs
    assert first.format == "rss"
    assert first.source == f"{path}#0" and second.source == f"{path}#1"
    assert (first.title, first.url, first.date) == ("الخبر الأول", "http://example.org/a", "2023-08-04")
    assert first.content.splitlines() == [PARA1, PARA2]  # HTML stripped, paragraphs kept
    assert second.date == "2023-08-05"


def test_ingest_atom_file_with_html_content(tmp_path: Path) -> None:
    path = tmp_path / "site.atom"
    path.write_text(ATOM, encoding="utf-8")
    (doc,) = docs_of(read_all(path))
    assert doc.url == "http://example.org/atom/1"
    assert doc.date == "2023-08-06"
    assert doc.author == "كاتب"
    assert doc.content.splitlines() == [PARA1, PARA2]


def make_warc(pages: list[tuple[str, bytes, str]], gzip: bool = True, extra: bool = True) -> bytes:
    """A WARC with a request record and a response per page (url, body, content type)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, body, content_type in pages:
        if extra:
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                           warc_headers_dict={"WARC-Date": "2022-03-04T05:06:07Z"})
        writer.write_record(record)
    return buffer.getvalue()


PLAIN_PAGE = f"<html><body><article><p>{PARA1}</p><p>{PARA2}</p></article></body></html>"


@pytest.mark.parametrize("gzip", [True, False])
def test_ingest_warc_reads_html_responses_only(tmp_path: Path, gzip: bool) -> None:
    data = make_warc([
        ("http://example.org/a", ARTICLE_HTML.encode(), "text/html; charset=utf-8"),
        ("http://example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        ("http://example.org/b", PLAIN_PAGE.encode(), "text/html"),
    ], gzip=gzip)
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(data)
    items = read_all(path)
    assert rejections_of(items) == []
    docs = docs_of(items)
    assert [d.url for d in docs] == ["http://example.org/a", "http://example.org/b"]
    assert all(d.source.startswith(f"{path}#") for d in docs)
    assert len({d.source for d in docs}) == 2
    assert docs[0].date == "2023-08-04"  # the page's own date wins
    assert docs[1].date == "2022-03-04"  # else WARC-Date
    assert PARA1 in docs[1].content


def test_ingest_folder_recursion_is_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for rel in ("b.txt", "a/z.txt", "a/c/d.txt", "c.txt", ".hidden.txt", ".git/x.txt", "a/.secret.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{PARA1} {rel}", encoding="utf-8")
    sources = [i.source for i in read_all(tmp_path)]
    rels = [str(Path(s).relative_to(tmp_path)) for s in sources]
    assert rels in (["a/c/d.txt", "a/z.txt", "b.txt", "c.txt"], ["a/z.txt", "a/c/d.txt", "b.txt", "c.txt"])
    assert sources == [i.source for i in read_all(tmp_path)]  # deterministic


def test_ingest_paths_keep_their_order_and_mix_formats(tmp_path: Path) -> None:
    text = tmp_path / "z.txt"
    text.write_text(PARA1, encoding="utf-8")
    page = tmp_path / "a.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    items = read_all(text, page)
    assert [i.source for i in items] == [str(text), str(page)]


def test_ingest_markup_in_txt_and_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "saved_page.txt"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    feed = tmp_path / "feed"
    feed.write_text(RSS, encoding="utf-8")
    items = read_all(page, feed)
    assert [getattr(i, "format", None) for i in items] == ["html", "rss", "rss"]
    assert "<p>" not in items[0].content


def test_ingest_json_shapes_and_date_spellings(tmp_path: Path) -> None:
    single = tmp_path / "a_single.json"
    record = {"title": "واحد", "content": PARA1, "date": "21/07/2015"}
    single.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    wrapped = tmp_path / "b_wrapped.json"
    wrapped.write_text(json.dumps({"articles": [{"content": PARA2, "source": {"id": "t", "name": "Test News"},
                                                 "date": 1437440000}]}), encoding="utf-8")
    lines = tmp_path / "c_lines.json"  # JSON Lines saved with a .json name
    lines.write_text(json.dumps({"content": PARA1}) + "\n" + json.dumps({"content": PARA2}) + "\n",
                     encoding="utf-8")
    docs = docs_of(read_all(tmp_path))
    assert [d.source for d in docs] == [str(single), f"{wrapped}#0", f"{lines}#0", f"{lines}#1"]
    assert docs[0].date == "2015-07-21" and docs[0].title == "واحد"
    assert docs[1].date == "2015-07-21" and docs[1].outlet == "Test News"
    assert [d.content for d in docs[2:]] == [PARA1, PARA2]


def test_ingest_gzipped_jsonl_and_html_are_read_by_inner_name(tmp_path: Path) -> None:
    import gzip

    lines = tmp_path / "a.jsonl.gz"
    record = {"title": "خبر", "content": PARA1, "publishedAt": "2020-01-02T03:04:05Z"}
    lines.write_bytes(gzip.compress((json.dumps(record, ensure_ascii=False) + "\n").encode()))
    page = tmp_path / "b.html.gz"
    page.write_bytes(gzip.compress(ARTICLE_HTML.encode()))
    docs = docs_of(read_all(lines, page))
    assert [(d.source, d.format) for d in docs] == [(f"{lines}#0", "jsonl"), (str(page), "html")]
    assert docs[0].date == "2020-01-02" and docs[0].content == PARA1
    assert PARA2 in docs[1].content


def test_ingest_zip_skips_hidden_members_and_limits_member_size(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("__MACOSX/._a.txt", "x")
        archive.writestr(".DS_Store", "x")
        archive.writestr("a.txt", PARA1)
        archive.writestr("b.txt", PARA1 * 40)
    items = read_all(path, max_bytes=2000)
    assert [i.source for i in items] == [f"{path}!a.txt", f"{path}!b.txt"]
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[1], Rejection) and items[1].reason == "too_large"
