"""Detection quality on the Arabic event GSR dev data (ASSAULT, PROTEST), type only.

Skips when ../shared is absent. Floors are a little below the figures measured
when the lexicons were written (ASSAULT F1 0.51, PROTEST F1 0.33), so a
regression shows up without making the test brittle.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from hadath.arabic.tokens import split_sentences
from hadath.events import EventCoder
from hadath.model import Document


@pytest.fixture(scope="module")
def shared_dir() -> Path:
    path = Path(__file__).resolve().parents[2] / "shared"
    if not path.is_dir():
        pytest.skip("../shared is absent; the GSR check needs /work/shared/data")
    return path


def _scores(path: Path, kind: str) -> tuple[float, float, float]:
    coder = EventCoder()
    tp = fp = fn = 0
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["label"] == "ambiguous":
                continue
            text = row["text"].replace("\n", " ")
            doc = Document(doc_id="g", text=text, source="gsr", sentences=split_sentences(text))
            pred = any(e.event == kind for e in coder(doc).events)
            gold = row["label"] == "yes"
            tp += pred and gold
            fp += pred and not gold
            fn += gold and not pred
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


@pytest.mark.parametrize(("kind", "floor"), [("ASSAULT", 0.45), ("PROTEST", 0.25)])
def test_gsr_f1(shared_dir, kind, floor):
    path = shared_dir / "data" / "arabic-event-gsr-dev" / f"{kind.lower()}_gsr.csv"
    if not path.exists():
        pytest.skip(f"{path} missing")
    precision, recall, f1 = _scores(path, kind)
    assert f1 >= floor, (precision, recall, f1)
