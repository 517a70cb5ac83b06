"""Cleaning quality against the gold pages in ``eval/cleaning/gold.jsonl``.

Keep-recall is the share of must-keep snippets found in the cleaned documents
(in the right document where the gold names one); drop-rate is the share of
must-drop snippets absent from all of them.  SaudiNewsNet items are references
(zip, url, offsets, sha1): their text is read from ``../shared`` at run time, and
they are skipped with a message when it is absent.  Build the gold with
``eval/cleaning/make_gold.py``.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from hadath.clean.cleaner import clean
from hadath.clean.text import split_lines
from hadath.model import Document, RawDocument, Rejection

__all__ = [
    "FLOOR_KEEP",
    "FLOOR_DROP",
    "GOLD_PATH",
    "CleaningReport",
    "ItemScore",
    "evaluate_cleaning",
    "run_cleaning_eval",
    "score_item",
]

FLOOR_KEEP = 0.97  # measured 1.000 on the 42-item gold (2026-11-22), minus a margin
FLOOR_DROP = 0.97  # measured 1.000 on the 42-item gold (2026-11-22), minus a margin
ROOT = Path(__file__).resolve().parents[2]
GOLD_PATH = ROOT / "eval" / "cleaning" / "gold.jsonl"
SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data" / "sample"


@dataclass(frozen=True)
class ItemScore:
    """Hits per gold item; ``docs_ok`` is False when the document count differs."""

    item_id: str
    keep_hit: int
    keep_total: int
    drop_hit: int
    drop_total: int
    docs_ok: bool = True
    detail: str = ""


def _flat(text: str) -> str:
    return " ".join(split_lines(text))


def score_item(docs: list[Document] | Rejection, item: dict, keep: list[dict], drop: list[dict]) -> ItemScore:
    """Score cleaned ``docs`` against snippets ``keep`` ({text, doc?}) and ``drop`` ({text})."""
    texts = [] if isinstance(docs, Rejection) else [d.text for d in docs]
    missed = []
    keep_hit = 0
    for snip in keep:
        target = _flat(snip["text"])
        pool = texts if snip.get("doc") is None else texts[snip["doc"] : snip["doc"] + 1]
        if any(target in text for text in pool):
            keep_hit += 1
        else:
            missed.append(f"lost: {target[:50]}")
    drop_hit = 0
    for snip in drop:
        target = _flat(snip["text"])
        if any(target in text for text in texts):
            missed.append(f"kept: {target[:50]}")
        else:
            drop_hit += 1
    expected = item.get("documents")
    docs_ok = expected is None or expected == len(texts)
    if not docs_ok:
        missed.append(f"{len(texts)} documents, expected {expected}")
    if isinstance(docs, Rejection):
        missed.append(f"rejected: {docs.reason}")
    return ItemScore(item["id"], keep_hit, len(keep), drop_hit, len(drop), docs_ok, "; ".join(missed))


def _resolve_shared(shared_dir: Path | None) -> Path | None:
    """The folder holding ``saudinewsnet/`` (accepts ../shared or ../shared/data)."""
    base = shared_dir or ROOT.parent / "shared"
    for candidate in (base / "data", base):
        if (candidate / "saudinewsnet" / "dataset").is_dir():
            return candidate
    return None


class _Articles:
    """SaudiNewsNet articles by (zip, url), each zip read once."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.by_zip: dict[str, dict[str, dict]] = {}

    def get(self, zip_name: str, url: str) -> dict | None:
        if zip_name not in self.by_zip:
            index: dict[str, dict] = {}
            with zipfile.ZipFile(self.data_dir / "saudinewsnet" / "dataset" / zip_name) as zf:
                for member in zf.namelist():
                    for article in json.loads(zf.read(member)):
                        index[article["url"]] = article
            self.by_zip[zip_name] = index
        return self.by_zip[zip_name].get(url)


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _snn_score(item: dict, articles: _Articles) -> ItemScore | str:
    """Score one SaudiNewsNet reference, or say why it cannot be scored."""
    article = articles.get(item["zip"], item["url"])
    if article is None or _sha1(article["content"]) != item["content_sha1"]:
        return f"{item['id']}: article missing or changed in {item['zip']}; rebuild the gold"
    content = article["content"]

    def rebuild(spans: list[dict]) -> list[dict] | None:
        out = []
        for span in spans:
            text = content[span["start"] : span["end"]]
            if _sha1(text) != span["sha1"]:
                return None
            out.append({"text": text})
        return out

    keep, drop = rebuild(item["keep"]), rebuild(item["drop"])
    if keep is None or drop is None:
        return f"{item['id']}: snippet checksum mismatch; rebuild the gold"
    raw = RawDocument(
        source=item["url"],
        content=content,
        title=article.get("title") or None,
        url=item["url"],
        date=(article.get("date_extracted") or "")[:10] or None,
        outlet=article.get("source"),
    )
    return score_item(clean(raw), item, keep, drop)


def _seed_score(item: dict) -> ItemScore:
    path = SAMPLE_DIR / item["file"]
    raw = RawDocument(source=str(path), content=path.read_text(encoding="utf-8"))
    return score_item(clean(raw), item, item["keep"], item["drop"])


def _print_row(score: ItemScore, label: str) -> None:
    keep = score.keep_hit / score.keep_total if score.keep_total else 1.0
    drop = score.drop_hit / score.drop_total if score.drop_total else 1.0
    line = f"{score.item_id:9} {label:12} keep {score.keep_hit}/{score.keep_total} ({keep:.2f})"
    line += f"  drop {score.drop_hit}/{score.drop_total} ({drop:.2f})"
    print(line + (f"  ! {score.detail}" if score.detail else ""))


def _load_gold(gold: Path) -> list[dict]:
    with gold.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _rate(hit: int, total: int) -> float:
    return hit / total if total else 1.0


@dataclass(frozen=True)
class CleaningReport:
    """Scores of a gold run: per item (``scores``), and what could not be scored.

    ``messages`` holds one line per skipped item (missing article, checksum
    mismatch, or SaudiNewsNet absent).
    """

    scores: tuple[ItemScore, ...]
    labels: tuple[str, ...] = ()
    skipped: int = 0
    messages: tuple[str, ...] = ()

    def _pick(self, prefix: str | None) -> list[ItemScore]:
        return [s for s in self.scores if prefix is None or s.item_id.startswith(prefix)]

    def keep_recall(self, prefix: str | None = None) -> float:
        """Share of must-keep snippets found (items whose id starts with ``prefix``)."""
        picked = self._pick(prefix)
        return _rate(sum(s.keep_hit for s in picked), sum(s.keep_total for s in picked))

    def drop_rate(self, prefix: str | None = None) -> float:
        """Share of must-drop snippets absent from the cleaned documents."""
        picked = self._pick(prefix)
        return _rate(sum(s.drop_hit for s in picked), sum(s.drop_total for s in picked))

    @property
    def wrong_document_count(self) -> tuple[str, ...]:
        return tuple(s.item_id for s in self.scores if not s.docs_ok)


def evaluate_cleaning(gold_dir: Path | None = None, shared_dir: Path | None = None) -> CleaningReport:
    """Clean every gold page and score it (``gold_dir`` holds ``gold.jsonl``).

    SaudiNewsNet items are skipped, with a message, when ``shared_dir`` (../shared
    or ../shared/data) has no ``saudinewsnet/dataset``.
    """
    gold = gold_dir or GOLD_PATH
    if gold.is_dir():
        gold = gold / "gold.jsonl"
    if not gold.exists():
        return CleaningReport((), messages=(f"no gold at {gold}; run from a source checkout",))
    data_dir = _resolve_shared(shared_dir)
    articles = _Articles(data_dir) if data_dir else None
    scores: list[ItemScore] = []
    labels: list[str] = []
    messages: list[str] = []
    skipped = 0
    for item in _load_gold(gold):
        if item["kind"] != "seed" and articles is None:
            skipped += 1
            continue
        result = _seed_score(item) if item["kind"] == "seed" else _snn_score(item, articles)
        if isinstance(result, str):
            messages.append(result)
            skipped += 1
            continue
        scores.append(result)
        labels.append(item.get("outlet", "seed"))
    if articles is None and skipped:
        where = shared_dir or ROOT.parent / "shared"
        messages.append(f"SaudiNewsNet not found under {where}: skipped {skipped} items")
    return CleaningReport(tuple(scores), tuple(labels), skipped, tuple(messages))


def run_cleaning_eval(
    shared_dir: Path | None = None,
    floor: float | None = None,
    floor_drop: float | None = None,
    gold: Path = GOLD_PATH,
    floor_keep: float | None = None,
) -> int:
    """Print per-article and overall scores; 0 when the floors are met, else 1.

    ``floor`` (the CLI's ``--floor``) applies to both keep-recall and drop-rate;
    ``floor_keep``/``floor_drop`` set them one by one; the defaults are pinned.
    """
    floor_keep = floor_keep if floor_keep is not None else floor if floor is not None else FLOOR_KEEP
    floor_drop = floor_drop if floor_drop is not None else floor if floor is not None else FLOOR_DROP
    if not gold.exists():
        print(f"cleaning eval skipped: no gold at {gold} (run from a source checkout)")
        return 0
    report = evaluate_cleaning(gold, shared_dir)
    for score, label in zip(report.scores, report.labels, strict=True):
        _print_row(score, label)
    for message in report.messages:
        print(message)
    return _summary(report, floor_keep, floor_drop)


def _summary(report: CleaningReport, floor_keep: float, floor_drop: float) -> int:
    keep, drop = report.keep_recall(), report.drop_rate()
    print(f"overall: {len(report.scores)} items, keep-recall {keep:.3f} (floor {floor_keep:.2f}),"
          f" drop-rate {drop:.3f} (floor {floor_drop:.2f})")
    if any(s.item_id.startswith("seed") for s in report.scores):
        seed_keep, seed_drop = report.keep_recall("seed"), report.drop_rate("seed")
        print(f"seeds: keep-recall {seed_keep:.3f}, drop-rate {seed_drop:.3f}")
    bad_docs = report.wrong_document_count
    if bad_docs:
        print(f"wrong document count: {', '.join(bad_docs)}")
    return 0 if keep >= floor_keep and drop >= floor_drop and not bad_docs else 1
