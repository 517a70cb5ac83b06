"""Office-holders of the Arab League members, Iran, Turkey and Israel since 2000.

Checks the person tables (``persons.tsv`` + ``persons/*.tsv``) parse with valid, ordered dates and
unique ids; that for each of the 25 countries the heads of state and the foreign ministers cover
2000-01-01..today without unexplained gaps; and that real dated sentences are coded by the office
held on the document date.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hadath.actors.kb import LEXICON_DIR, Term, load_default
from hadath.model import Document
from hadath.pipeline import Pipeline, build_pipeline

OWN_FILE = LEXICON_DIR / "persons" / "arab_iran_turkey_israel.tsv"
COUNTRIES = (
    "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM IRN TUR ISR"
).split()
OFFICES = ("HOS", "HOG", "FM", "DM")
START = "2000-01-01"
MAX_GAP = 200  # days: caretaker and acting periods
# Facts after this date are beyond what the table could verify: a gap opening later is not an error.
HORIZON = "2025-06-30"
# Countries whose foreign ministers are not compiled yet (see the report / README of the table).
FM_NOT_COMPILED = {"COM", "MRT", "SOM"}
# Gaps that are facts (vacancies, no office) or known holes in the table; each (start, end) is a range
# inside which a gap is accepted.
KNOWN_GAPS: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("IRQ", "HOS"): [("2003-04-09", "2004-06-01")],  # occupation: Coalition Provisional Authority
    ("LBN", "HOS"): [("2014-05-25", "2016-10-31"), ("2022-10-30", "2025-01-09")],  # vacancies
    ("SOM", "HOS"): [("2000-01-01", "2000-08-27")],  # no central government before Arta
    ("PSE", "FM"): [("2000-01-01", "2003-04-30")],  # no PNA foreign ministry before the first cabinet
    ("SDN", "FM"): [("2018-04-19", "2019-09-08"), ("2020-07-09", "2021-02-08"), ("2021-10-25", "9999")],
    ("YEM", "FM"): [("2000-01-01", "2001-04-04"), ("2014-11-09", "2020-12-18")],
    ("KWT", "FM"): [("2022-08-01", "9999")],  # successors of Ahmad Nasser not compiled
    ("DJI", "FM"): [("2025-02-15", "9999")],  # successor of Mahmoud Ali Youssouf not compiled
    ("LBY", "FM"): [("2011-03-30", "2021-03-15"), ("2023-08-27", "9999")],  # rival governments
}
# Rows of persons.tsv written before terms named their office: the offices they held (general
# knowledge), used only while the row itself names no office.
LEGACY: dict[str, list[tuple[str, str, str, str]]] = {
    "tebboune": [("DZA", "HOS", "2019-12-19", "")],
    "saied": [("TUN", "HOS", "2019-10-23", "")],
    "burhan": [("SDN", "HOS", "2019-04-12", "")],
    "assad": [("SYR", "HOS", "2000-07-17", "2024-12-08")],
    "sharaa": [("SYR", "HOS", "2024-12-08", "")],
    "abdullah_ii": [("JOR", "HOS", "1999-02-07", "")],
    "tamim": [("QAT", "HOS", "2013-06-25", "")],
    "mbz": [("ARE", "HOS", "2022-05-14", "")],
    "hadi": [("YEM", "HOS", "2012-02-25", "2022-04-07")],
    "khamenei": [("IRN", "HOS", "1989-06-04", "")],
    "king_salman": [("SAU", "HOS", "2015-01-23", "")],
    "sisi": [("EGY", "HOS", "2014-06-08", "")],
    "abbas": [("PSE", "HOS", "2005-01-15", "")],
    "erdogan": [("TUR", "HOS", "2014-08-28", "")],
    "netanyahu": [
        ("ISR", "FM", "2002-11-06", "2003-02-28"),
        ("ISR", "FM", "2012-12-18", "2013-11-11"),
        ("ISR", "FM", "2015-05-14", "2019-02-17"),
    ],
    "fidan": [("TUR", "FM", "2023-06-04", "")],
    "shoukry": [("EGY", "FM", "2014-06-17", "2024-07-03")],
    "aboul_gheit": [("EGY", "FM", "2004-07-14", "2011-03-06")],
    "zarif": [("IRN", "FM", "2013-08-15", "2021-08-25")],
    "araghchi": [("IRN", "FM", "2024-08-21", "")],
    "saud_al_faisal": [("SAU", "FM", "1975-10-13", "2015-04-29")],
    "jubeir": [("SAU", "FM", "2015-04-29", "2018-12-27")],
    "faisal_bin_farhan": [("SAU", "FM", "2019-10-23", "")],
}


def _person_rows() -> list[tuple[str, list[str]]]:
    """(file name, cells) of every person row in persons.tsv and persons/*.tsv."""
    paths = [LEXICON_DIR / "persons.tsv", *sorted((LEXICON_DIR / "persons").glob("*.tsv"))]
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                rows.append((path.name, line.split("\t")))
    return rows


def _valid(day: str) -> bool:
    try:
        date.fromisoformat(day)
    except ValueError:
        return False
    return len(day) == 10


def _spans(country: str, office: str) -> list[tuple[str, str]]:
    """Dated spans of ``office`` in ``country`` from the KB (legacy rows via LEGACY)."""
    kb = load_default()
    out = []
    for entry in kb.entries.values():
        if entry.kind != "person":
            continue
        pid = entry.id.removeprefix("per:")
        named = [t for t in entry.terms if t.office in OFFICES]
        if named:
            out += [(t.start, t.end) for t in named if t.code == country and t.office == office]
        else:
            out += [(s, e) for c, o, s, e in LEGACY.get(pid, []) if c == country and o == office]
    return out


def _gaps(spans: list[tuple[str, str]], until: str) -> list[tuple[str, str]]:
    """Uncovered stretches of START..until, given (start, end) spans ("" end = open)."""
    gaps, cursor = [], START
    for start, end in sorted(spans):
        end = end or "9999"
        if start > cursor:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < until:
        gaps.append((cursor, until))
    return [(a, min(b, until)) for a, b in gaps if a < until]


def _accepted(country: str, office: str, gap: tuple[str, str]) -> bool:
    start, end = gap
    days = (date.fromisoformat(end) - date.fromisoformat(start)).days
    if days <= MAX_GAP or start >= HORIZON:
        return True
    return any(lo <= start and end <= hi for lo, hi in KNOWN_GAPS.get((country, office), []))


def test_every_person_row_parses_with_valid_ordered_dates():
    problems = []
    for name, cells in _person_rows():
        if len(cells) != 5:
            problems.append((name, cells[0], "want 5 tab-separated columns"))
            continue
        for term in cells[4].split(";"):
            parts = term.split(":")
            if len(parts) < 4 or not parts[0] or not parts[1]:
                problems.append((name, cells[0], term))
                continue
            start, end = parts[2], parts[3]
            if (start and not _valid(start)) or (end and not _valid(end)) or (start and end and start >= end):
                problems.append((name, cells[0], term))
    assert not problems


def test_person_ids_are_unique_across_all_person_files():
    seen: dict[str, str] = {}
    clashes = []
    for name, cells in _person_rows():
        if cells[0] in seen:
            clashes.append((cells[0], seen[cells[0]], name))
        seen[cells[0]] = name
    assert not clashes


def test_own_rows_name_an_office_a_start_and_a_source():
    text = OWN_FILE.read_text(encoding="utf-8")
    assert "source: own" in text
    kb = load_default()
    own = [line.split("\t")[0] for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert len(own) >= 350
    for pid in own:
        entry = kb.entries[f"per:{pid}"]
        assert all(t.start and t.office for t in entry.terms), pid


def test_legacy_offices_name_existing_persons():
    kb = load_default()
    assert all(f"per:{pid}" in kb.entries for pid in LEGACY)


@pytest.mark.parametrize("country", COUNTRIES)
def test_heads_of_state_cover_2000_to_today(country):
    spans = _spans(country, "HOS")
    assert spans, f"no head of state for {country}"
    gaps = _gaps(spans, date.today().isoformat())
    assert [g for g in gaps if not _accepted(country, "HOS", g)] == []


@pytest.mark.parametrize("country", [c for c in COUNTRIES if c not in FM_NOT_COMPILED])
def test_foreign_ministers_cover_2000_to_today(country):
    spans = _spans(country, "FM")
    assert spans, f"no foreign minister for {country}"
    gaps = _gaps(spans, date.today().isoformat())
    assert [g for g in gaps if not _accepted(country, "FM", g)] == []


def test_gap_finder_reports_uncovered_stretches():
    spans = [("1999-01-01", "2005-01-01"), ("2005-03-01", "")]
    assert _gaps(spans, "2026-01-01") == [("2005-01-01", "2005-03-01")]
    assert _gaps([("2001-01-01", "2002-01-01")], "2003-01-01") == [
        ("2000-01-01", "2001-01-01"),
        ("2002-01-01", "2003-01-01"),
    ]
    assert Term("X", None, "2000-01-01", "2000-02-01").covers("2000-01-31")
    assert (date(2000, 1, 1) + timedelta(days=MAX_GAP)).isoformat() < "2000-08-01"


# (text, document date, actor text, code, sector): real offices, phrased as Arabic news writes them.
CASES = [
    ("قال الرئيس الجزائري عبد العزيز بوتفليقة إن بلاده تدعم الحوار.", "2010-05-01", "بوتفليقة", "DZA", "GOV"),
    ("استقبل الرئيس عبدالعزيز بوتفليقة وفدا فرنسيا.", "2012-03-04", "بوتفليقة", "DZA", "GOV"),
    (
        "أكد وزير الخارجية رمطان لعمامرة دعم الجزائر للحل السياسي في ليبيا.",
        "2015-03-01",
        "لعمامرة",
        "DZA",
        "GOV",
    ),
    ("رفض الرئيس العراقي صدام حسين عودة المفتشين.", "2002-09-15", "صدام حسين", "IRQ", "GOV"),
    ("أعلن الحاكم المدني الأمريكي بول بريمر حل الجيش العراقي.", "2003-05-23", "بول بريمر", "USA", "GOV"),
    ("استقبل الرئيس جلال طالباني السفير الإيراني في بغداد.", "2008-04-02", "جلال طالباني", "IRQ", "GOV"),
    ("قال حمد بن جاسم إن قطر تدعم المبادرة العربية.", "2010-06-01", "حمد بن جاسم", "QAT", "GOV"),
    ("ألقى الرئيس محمد مرسي خطابا أمام أنصاره في القاهرة.", "2013-01-20", "محمد مرسي", "EGY", "GOV"),
    ("أصدر المشير محمد حسين طنطاوي إعلانا دستوريا جديدا.", "2011-05-10", "طنطاوي", "EGY", "MIL"),
    ("هاجم معمر القذافي الدول الغربية في خطاب طويل.", "2010-02-25", "معمر القذافي", "LBY", "GOV"),
    (
        "وصل رئيس المكتب السياسي لحركة حماس إسماعيل هنية إلى الدوحة.",
        "2020-01-05",
        "إسماعيل هنية",
        "PSE",
        "REB",
    ),
    ("أدى رئيس الوزراء إسماعيل هنية اليمين أمام الرئيس.", "2006-03-29", "إسماعيل هنية", "PSE", "GOV"),
    ("قال رئيس الوزراء الإسرائيلي إيهود أولمرت إن الحرب ستستمر.", "2006-07-20", "أولمرت", "ISR", "GOV"),
    ("زار وزير الخارجية التركي أحمد داود أوغلو دمشق.", "2011-08-09", "أحمد داود أوغلو", "TUR", "GOV"),
    ("هاجم الرئيس الإيراني محمود أحمدي نجاد العقوبات الغربية.", "2009-06-20", "أحمدي نجاد", "IRN", "GOV"),
    (
        "قال وزير الخارجية السوري وليد المعلم إن دمشق لن تقبل التدخل.",
        "2015-10-01",
        "وليد المعلم",
        "SYR",
        "GOV",
    ),
    ("هدد مهدي المشاط باستهداف المنشآت النفطية.", "2020-03-01", "مهدي المشاط", "YEM", "REB"),
    ("وصل الرئيس الصومالي محمد عبد الله فرماجو إلى نيروبي.", "2018-04-01", "فرماجو", "SOM", "GOV"),
    ("قاد محمد ولد عبد العزيز الانقلاب على الرئيس.", "2008-10-01", "محمد ولد عبد العزيز", "MRT", "MIL"),
    ("فاز محمد ولد عبد العزيز بولاية ثانية.", "2014-06-22", "محمد ولد عبد العزيز", "MRT", "GOV"),
    ("قال رئيس الحكومة المغربية عبد الإله بنكيران إن الإصلاح مستمر.", "2013-05-01", "بنكيران", "MAR", "GOV"),
    ("تفقد قائد الجيش العماد جوزيف عون الوحدات في الجنوب.", "2020-06-01", "جوزيف عون", "LBN", "MIL"),
    ("استقبل الرئيس جوزيف عون وزير الخارجية الفرنسي.", "2025-03-01", "جوزيف عون", "LBN", "GOV"),
    ("قال محمود علي يوسف إن المفوضية ستدعم السودان.", "2025-06-01", "محمود علي يوسف", "IGO", None),
    ("التقى وزير الخارجية محمود علي يوسف نظيره الإثيوبي.", "2015-04-01", "محمود علي يوسف", "DJI", "GOV"),
    (
        "قال الأمين العام للجامعة العربية عمرو موسى إن القمة ستعقد في موعدها.",
        "2005-03-01",
        "عمرو موسى",
        "IGO",
        None,
    ),
    ("قال الرئيس الفلسطيني ياسر عرفات إنه لن يغادر رام الله.", "2002-04-01", "ياسر عرفات", "PSE", "GOV"),
    (
        "استقبل الملك عبد الله بن عبد العزيز الرئيس الأمريكي في الرياض.",
        "2009-06-03",
        "عبد الله بن عبد العزيز",
        "SAU",
        "GOV",
    ),
    ("أعلن وزير الدفاع موشيه يعالون استمرار العملية.", "2014-07-20", "موشيه يعالون", "ISR", "GOV"),
    (
        "قال وزير الخارجية الأردني أيمن الصفدي إن عمان ترفض التهجير.",
        "2024-01-10",
        "أيمن الصفدي",
        "JOR",
        "GOV",
    ),
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline(use_crf=False)


def _code(pipeline: Pipeline, text: str, day: str, actor_text: str) -> tuple[str | None, str | None, str]:
    doc = pipeline(Document(doc_id="case", text=text, source="case", date=day))
    found = [a for a in doc.actors if actor_text in a.entity_text]
    assert found, [(a.entity_text, a.code, a.sector) for a in doc.actors]
    actor = min(found, key=lambda a: len(a.entity_text))
    return actor.code, actor.sector, actor.why


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}-{c[2]}-{c[1]}" for i, c in enumerate(CASES)])
def test_officeholder_coded_by_office_on_document_date(pipeline, case):
    text, day, actor_text, code, sector = case
    got_code, got_sector, why = _code(pipeline, text, day, actor_text)
    assert (got_code, got_sector) == (code, sector), why


def test_aboul_gheit_as_egyptian_foreign_minister(pipeline):
    text = "قال وزير الخارجية أحمد أبو الغيط إن القاهرة ترفض التدخل."
    assert _code(pipeline, text, "2010-05-01", "أحمد أبو الغيط")[:2] == ("EGY", "GOV")
