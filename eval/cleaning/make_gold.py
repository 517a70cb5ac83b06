"""Build eval/cleaning/gold.jsonl: the cleaning gold set (run from the repository root).

SaudiNewsNet text must not enter the repository, so each SaudiNewsNet item is stored as
a reference (zip, url, sha1 of ``content``) plus must-keep / must-drop snippets given as
character offsets into the raw ``content`` with the sha1 of each snippet;
``hadath.clean.evaluate`` rebuilds the snippets from ../shared at run time.

The choices below were made by reading each article: ``keep`` lists line numbers (of
``content.split("\\n")``) of real article prose, ``drop`` the boilerplate lines. When fewer
than three lines are kept, word windows (start, middle, end) of the longest kept line are
added. Seeds (project fixtures) carry their snippet text directly.

    .venv/bin/python eval/cleaning/make_gold.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

# (zip, url, keep line numbers, drop line numbers, what the item tests)
SPEC: list[tuple[str, str, list[int], list[int], str]] = [
    ("2015-07-24.zip", "http://www.3alyoum.com/news/local/a/شاهد-القصة-الكاملة-لمعلمة-تبوك-من-رفض/",
     [2, 3, 6], [1], "reporter dateline credit"),
    ("2015-07-24.zip", "http://www.3alyoum.com/news/local/a/وزارة-العمل-يحق-لليمنيين-بعد-تصحيح-أوض/",
     [1, 2, 4], [0], "desk dateline credit"),
    ("2015-07-24.zip", "http://www.3alyoum.com/news/pol/a/علي-عبدالله-صالح-ينهار-ويعلن-مبادرة-لل/",
     [1, 2], [0], "desk dateline credit, two paragraphs"),
    ("2015-07-24.zip", "http://aawsat.com/home/article/413651/عبد-الرحمن-الراشد/انقلاب-«داعش»-على-الأتراك",
     [0, 1, 5, 7], [8], "columnist e-mail footer; short question paragraph"),
    ("2015-07-24.zip", "http://aawsat.com/home/article/413686/كينان-مالك/بريطانيا-قبلية-جديدة-وخطيرة",
     [0, 6, 12], [14], "wire-service credit footer"),
    ("2015-07-24.zip", "http://aawsat.com/home/article/413691/د-حسن-محمد-صندقجي/النظافة-الصحية-لمياه-الشواطئ-ورمالها",
     [0, 4, 7], [10], "e-mail footer"),
    ("2015-07-24.zip", "http://www.aleqt.com/2015/07/24/article_975870.html",
     [0, 1, 3], [], "clean article"),
    ("2015-07-24.zip", "http://www.al-madina.com/node/620817/جدة-التاريخية-وعبق-الذكريات.html",
     [0, 2, 4], [6], "SMS reader-contact footer"),
    ("2015-07-24.zip", "http://www.al-madina.com/node/620818/صحافة-ترجل-الكبار.html",
     [0, 2, 3], [5], "SMS reader-contact footer"),
    ("2015-07-24.zip", "http://www.al-madina.com/node/620819/المحاسبةُ.html",
     [0, 3, 16, 47], [49], "column in short verse-like lines; contact footer"),
    ("2015-07-24.zip", "http://www.alriyadh.com/1029628",
     [0], [1], "writer contact line"),
    ("2015-07-24.zip", "http://www.alwatan.com.sa/Local/News_Detail.aspx?ArticleID=229951&CategoryID=5",
     [0, 1, 3, 4], [], "clean article"),
    ("2015-07-24.zip", "http://www.alweeam.com.sa/349096/الفارسة-العنود-تجتاز-القدرة-والتحمل-و/",
     [0, 1, 2], [4], "self-link footer"),
    ("2015-07-24.zip", "http://www.alweeam.com.sa/349097/هبوط-طائرتين-سعوديتين-تقلان-مستلزمات/",
     [0, 3, 4], [5], "self-link footer"),
    ("2015-07-24.zip", "http://www.okaz.com.sa/new/Issues/20150724/Con20150724785404.htm",
     [0, 1, 2], [3], "star separator"),
    ("2015-07-24.zip", "http://www.okaz.com.sa/new/Issues/20150724/Con20150724785431.htm",
     [0, 1, 2], [4], "trailing author name line"),
    ("2015-07-24.zip", "http://sabq.org/IBCgde",
     [0, 1, 2, 3], [], "clean article with inline dateline"),
    ("2015-07-25.zip", "http://www.aleqt.com/2015/07/25/article_975988.html",
     [3, 6, 9, 12], [1, 4, 7], "section separators"),
    ("2015-07-25.zip", "http://www.al-jazirah.com/2015/20150725/ec7.htm",
     [0, 1, 2], [3], "run-together 'other articles by the writer' list"),
    ("2015-07-25.zip", "http://www.al-jazirah.com/2015/20150725/du8.htm",
     [0, 4, 5], [6], "run-together 'other articles by the writer' list"),
    ("2015-07-25.zip", "http://www.alriyadh.com/992138",
     [7, 20, 37, 41, 50], [], "dialogue lines 'name: words' and a repeated verse must stay"),
    ("2015-07-25.zip", "http://www.alwatan.com.sa/Articles/Detail.aspx?ArticleId=27120",
     [3, 18, 21, 23], [], "poem with a refrain must stay"),
    ("2015-07-25.zip", "http://www.okaz.com.sa/new/Issues/20150725/Con20150725785572.htm",
     [0], [1], "trailing reader name and place"),
    ("2015-07-27.zip", "http://www.alyaum.com/article/4080350",
     [0, 1, 3], [5], "trailing reporter name"),
    ("2015-07-31.zip", "http://www.alwatan.com.sa/Discussion/News_Detail.aspx?ArticleID=230496&CategoryID=8",
     [2, 5, 10], [0, 1], "author name and place at the top"),
    ("2015-08-01.zip", "http://www.alyaum.com/article/4081212",
     [1, 2, 5, 17], [0], "desk dateline; two-word subheads stay"),
    ("2015-07-24.zip", "http://www.alriyadh.com/1067544",
     [0, 1, 3, 6], [], "clean article"),
    ("2015-08-10.zip", "http://www.spa.gov.sa/details.php?id=1386900",
     [1, 2], [3, 4], "wire end marker and time stamp"),
    ("2015-08-10.zip", "http://www.spa.gov.sa/details.php?id=1386899",
     [1, 4, 6], [7, 8], "wire end marker and time stamp"),
    ("2015-08-11.zip", "http://www.arriyadiyah.com/node/907081/اخبار/الاتحاديون-يرحبون-بمونتاري",
     [2], [0], "place and reporter credit"),
    # Held out: picked at random (seed 7) from 2015-08-03..11 after the rules above were written.
    ("2015-08-08.zip", "http://www.alyaum.com/article/4082494",
     [0, 7, 13], [], "poem in short lines, all kept"),
    ("2015-08-06.zip", "http://www.al-jazirah.com/2015/20150806/ln4.htm",
     [1, 3, 4], [], "clean article"),
    ("2015-08-10.zip", "http://www.aleqt.com/2015/08/10/article_980369.html",
     [0, 1, 3], [], "clean article"),
    ("2015-08-03.zip", "http://www.okaz.com.sa/new/Issues/20150803/Con20150803787130.htm",
     [0, 5, 7, 9], [], "closing verse after a 'last line' subhead stays"),
    ("2015-08-09.zip", "http://www.alwatan.com.sa/Culture/News_Detail.aspx?ArticleID=231435&CategoryID=7",
     [0, 2, 3], [], "clean article"),
    ("2015-08-04.zip", "http://aawsat.com/home/article/421756/زيارة-ملكية",
     [0, 1, 3], [], "clean article"),
    ("2015-08-06.zip", "http://www.okaz.com.sa/new/Issues/20150806/Con20150806787855.htm",
     [0, 2, 5, 6], [8, 9, 10], "SMS footer broken over three lines"),
    ("2015-08-06.zip", "http://www.al-madina.com/node/623105/مجابهة-التحطيم-بالإرادة-والتصميم.html",
     [0, 3, 5, 6], [8, 9, 10, 11, 12, 13, 14], "handle, e-mail and SMS footer over seven lines"),
    ("2015-08-04.zip", "http://www.okaz.com.sa/new/Issues/20150804/Con20150804787420.htm",
     [0, 6, 13], [15, 17], "e-mail and SMS footer"),
    ("2015-08-04.zip", "http://www.okaz.com.sa/new/Issues/20150804/Con20150804787423.htm",
     [0, 3, 6], [8, 10, 11], "web address and SMS footer"),
]

SEEDS = [
    {
        "id": "seed-000",
        "kind": "seed",
        "file": "000_b276405d31010498.txt",
        "documents": 2,
        "note": "second full article after 'إقرأ أيضاً', teaser line and related list",
        "keep": [
            {"text": "قالت الولايات المتحدة، إنها لا تزال تأمل في التوصل لحل دبلوماسي", "doc": 0},
            {"text": "عزل الرئيس محمد بازوم من السلطة", "doc": 0},
            {"text": "أسفرت زيارة نولاند عن تقليص احتمالات الحل العسكري", "doc": 0},
            {"text": "وقعت الولايات المتحدة الأمريكية اتفاقيات مع طاجيكستان", "doc": 1},
            {"text": "التقى الرئيس الطاجيكي إمام علي رحمون", "doc": 1},
            {"text": "وتظل الولايات المتحدة وطاجيكستان ملتزمتين بالدفع بشراكتهما الأمنية القوية.", "doc": 1},
        ],
        "drop": [
            {"text": "المصدر: صحيفة عاجل"},
            {"text": "كلمات دلالية:"},
            {"text": "إقرأ أيضاً"},
            {"text": "مقالات مشابهة"},
            {"text": "كارني: كندا تتوقع استئناف المحادثات التجارية"},
            {"text": "الرئيس الشرع يصل إلى الولايات المتحدة الأمريكية في زيارة رسمية"},
            {"text": "عطل طائرة يربك زيارة وزير خارجية ألمانيا إلى كولومبيا"},
        ],
    },
    {
        "id": "seed-004",
        "kind": "seed",
        "file": "004_5598de805fd80989.txt",
        "documents": 1,
        "note": "repeated title lines, ad shortcodes, trailing byline",
        "keep": [
            {"text": "وتقول الولايات المتحدة إنها تعمل مع المجموعة الاقتصادية لدول غرب أفريقيا", "doc": 0},
            {"text": "أعلن ذلك وزير الخارجية الأمريكي أنتوني بلينكن", "doc": 0},
            {"text": "وأضاف أن الولايات المتحدة تقدم الدعم أيضًا من خلال الدبلوماسية", "doc": 0},
        ],
        "drop": [
            {"text": "شركاء الولايات المتحدة مع المجموعة الاقتصادية لدول غرب أفريقيا لتعزيز الأمن الإقليمي"},
            {"text": "[ad_1]"},
            {"text": "[ad_2]"},
            {"text": "دومينيكا نوابوفو"},
        ],
    },
]


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def line_spans(content: str) -> list[tuple[int, int]]:
    """(start, end) of each stripped line of ``content.split("\\n")``."""
    spans, pos = [], 0
    for line in content.split("\n"):
        lead = len(line) - len(line.lstrip())
        spans.append((pos + lead, pos + len(line.rstrip())))
        pos += len(line) + 1
    return spans


def word_windows(content: str, start: int, end: int, size: int = 8) -> list[tuple[int, int]]:
    """Start, middle and end windows of ``size`` words inside ``content[start:end]``."""
    words, pos = [], start
    for word in content[start:end].split():
        s = content.index(word, pos)
        words.append((s, s + len(word)))
        pos = s + len(word)
    picks = [0, max(0, len(words) // 2 - size // 2), max(0, len(words) - size)]
    return sorted({(words[i][0], words[min(i + size, len(words)) - 1][1]) for i in picks})


def snippet(content: str, start: int, end: int) -> dict:
    return {"start": start, "end": end, "sha1": sha1(content[start:end])}


def find_article(shared: Path, zip_name: str, url: str) -> dict:
    path = shared / "data" / "saudinewsnet" / "dataset" / zip_name
    with zipfile.ZipFile(path) as zf:
        for member in zf.namelist():
            for article in json.loads(zf.read(member)):
                if article["url"] == url:
                    return article
    raise SystemExit(f"{url} not found in {path}; check the SPEC entry")


def snn_item(number: int, shared: Path, entry: tuple) -> dict:
    zip_name, url, keep, drop, note = entry
    article = find_article(shared, zip_name, url)
    content = article["content"]
    spans = line_spans(content)
    keep_spans = [spans[i] for i in keep]
    if len(keep_spans) < 3:
        longest = max(keep_spans, key=lambda s: s[1] - s[0])
        keep_spans = sorted(set(keep_spans) | set(word_windows(content, *longest)))
    return {
        "id": f"snn-{number:02d}",
        "kind": "saudinewsnet",
        "zip": zip_name,
        "url": url,
        "outlet": article["source"],
        "content_sha1": sha1(content),
        "note": note,
        "keep": [snippet(content, *s) for s in keep_spans],
        "drop": [snippet(content, *spans[i]) for i in drop],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    items = list(SEEDS) + [snn_item(n, args.shared, e) for n, e in enumerate(SPEC, 1)]
    with (HERE / "gold.jsonl").open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"wrote {len(items)} items to {HERE / 'gold.jsonl'}")


if __name__ == "__main__":
    main()
