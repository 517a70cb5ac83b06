"""Detection quality of the lexicon + specificity rule (no learned filter) on the
Arabic event GSR dev data (ASSAULT, PROTEST), type only.

The learned filter is trained on these sentences, so scoring it here would be
in-sample; its honest (cross-validated) figures come from ``hadath eval events``.
Skips when ../shared is absent. Floors are a little below the rule's figures
(ASSAULT F1 0.57, PROTEST F1 0.35 without actors), so a lexicon regression shows up.
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
    coder = EventCoder(event_filter=None)
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


@pytest.mark.parametrize(("kind", "floor"), [("ASSAULT", 0.54), ("PROTEST", 0.32)])
def test_gsr_f1(shared_dir, kind, floor):
    path = shared_dir / "data" / "arabic-event-gsr-dev" / f"{kind.lower()}_gsr.csv"
    if not path.exists():
        pytest.skip(f"{path} missing")
    precision, recall, f1 = _scores(path, kind)
    assert f1 >= floor, (precision, recall, f1)
