"""The dev-set evaluation: matching on small synthetic events, the gold file's shape, and
(with ../shared) that every gold offset still points into the cleaned text and an oracle
scores 1.0."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from hadath.evaluate.devset import (
    DEVSET_FLOORS,
    GOLD_PATH,
    LEVELS,
    Coded,
    DevArticle,
    GoldEvent,
    _coded_pair,
    evaluate_devset,
    load_gold,
    match,
    print_devset,
    score_coded,
)
from hadath.events.ontology import QUAD
from hadath.model import Actor, Document, Event
from hadath.pipeline import Pipeline, Segmenter

SHARED = Path(__file__).resolve().parents[2] / "shared"
S1, S2 = ("gold", 0), ("gold", 100)


@pytest.fixture(scope="module")
def shared_dir() -> Path:
    if not (SHARED / "data" / "saudinewsnet" / "dataset").is_dir():
        pytest.skip("../shared/data/saudinewsnet is absent (no shared data beside the clone)")
    return SHARED


def test_evaluate_devset_strict_needs_type_actor_and_recipient():
    gold = [Coded(S1, "ASSAULT", "AFG REB", "AFG CVL")]
    assert match(gold, [Coded(S1, "ASSAULT", "AFG REB", "AFG CVL")], LEVELS["strict"]).tp == 1
    for wrong in (Coded(S1, "ASSAULT", "AFG REB", "None None"), Coded(S1, "ASSAULT", "AFG GOV", "AFG CVL"),
                  Coded(S1, "PROTEST", "AFG REB", "AFG CVL")):
        counts = match(gold, [wrong], LEVELS["strict"])
        assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_evaluate_devset_loose_levels():
    gold = [Coded(S1, "ASSAULT", "AFG REB", "AFG CVL")]
    other_sector = [Coded(S1, "ASSAULT", "AFG GOV", "None None")]
    assert match(gold, other_sector, LEVELS["type"]).tp == 1
    assert match(gold, other_sector, LEVELS["actor country"]).tp == 1
    assert match(gold, [Coded(S1, "ASSAULT", "PAK REB")], LEVELS["actor country"]).tp == 0


def test_evaluate_devset_matches_within_the_sentence_only():
    counts = match([Coded(S1, "CONSULT")], [Coded(S2, "CONSULT")], LEVELS["type"])
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_evaluate_devset_each_gold_event_matched_once():
    twice = match([Coded(S1, "ACCUSE")], [Coded(S1, "ACCUSE"), Coded(S1, "ACCUSE")], LEVELS["type"])
    assert (twice.tp, twice.fp, twice.fn) == (1, 1, 0)
    two_gold = match([Coded(S1, "ACCUSE"), Coded(S1, "ACCUSE")], [Coded(S1, "ACCUSE")], LEVELS["type"])
    assert (two_gold.tp, two_gold.fp, two_gold.fn) == (1, 0, 1)


def test_evaluate_devset_scores_overall_and_per_type():
    gold = [Coded(S1, "ASSAULT", "TUR MIL", "TUR REB"), Coded(S2, "REQUEST", "IRQ GOV", "TUR REB")]
    pred = [Coded(S1, "ASSAULT", "TUR MIL", "TUR REB", negated=True), Coded(S2, "ACCUSE", "IRQ GOV")]
    score = score_coded([(gold, pred)])
    strict = score.overall["strict"]
    assert (strict.tp, strict.fp, strict.fn) == (1, 1, 1)
    assert score.by_type["ASSAULT"]["strict"].f1 == 1.0
    assert score.by_type["REQUEST"]["strict"].recall == 0.0
    assert score.by_type["ACCUSE"]["strict"].fp == 1
    assert score.gold_events == 2 and score.articles == 1
    assert score.flags_agree == 0  # the one strict match disagrees on `negated`


def _actor(code: str, sector: str | None) -> Actor:
    return Actor(0, 1, "x", None, code, sector)


def test_evaluate_devset_predicted_events_fall_into_the_gold_sentence_of_their_trigger():
    gold_event = GoldEvent(10, 50, "sha", 12, 15, "ASSAULT", actor="TUR MIL", recipient="TUR REB")
    article = DevArticle("a1", "z.zip", "u", "okaz", "sha", 0, (gold_event,))

    def event(trigger_start: int, sentence_start: int) -> Event:
        return Event(id="e", doc_id="d", event="ASSAULT", sentence_start=sentence_start, sentence_end=60,
                     text="", trigger_start=trigger_start, trigger_end=trigger_start + 3, event_text="",
                     actor=(_actor("TUR", "MIL"),), recipient=(_actor("TUR", "REB"),))

    gold, pred = _coded_pair(article, [event(30, 5), event(55, 50)])
    assert gold == [Coded(("gold", 10), "ASSAULT", "TUR MIL", "TUR REB")]
    assert [p.sentence for p in pred] == [("gold", 10), ("pred", 50)]
    assert pred[0].actor == "TUR MIL" and pred[0].recipient == "TUR REB"


def test_evaluate_devset_gold_file_size_and_shape():
    articles = load_gold()
    events = [e for a in articles for e in a.events]
    assert len(articles) >= 40 and len(events) >= 300
    assert len({a.outlet for a in articles}) >= 5
    assert len({(a.zip, a.url) for a in articles}) == len(articles)
    assert all(e.event in QUAD for e in events)
    assert all(e.sentence_start <= e.trigger_start < e.trigger_end <= e.sentence_end for e in events)
    for line in GOLD_PATH.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert "text" not in rec and "sentence_text" not in rec  # offsets and hashes only


def test_evaluate_devset_floors_are_pinned():
    assert set(DEVSET_FLOORS) <= set(LEVELS)
    assert all(0.0 < floor < 1.0 for floor in DEVSET_FLOORS.values())


class _Oracle:
    """A component that codes exactly the gold events of the article it is given."""

    name = "oracle"

    def __init__(self) -> None:
        self.by_url = {a.url: a for a in load_gold()}

    def __call__(self, doc: Document) -> Document:
        def party(text: str) -> tuple[Actor, ...]:
            code, sector = (None if part == "None" else part for part in text.split())
            return () if code is None and sector is None else (Actor(0, 1, "x", None, code, sector),)

        events = tuple(
            Event(id=str(n), doc_id=doc.doc_id, event=g.event, sentence_start=g.sentence_start,
                  sentence_end=g.sentence_end, text="", trigger_start=g.trigger_start,
                  trigger_end=g.trigger_end, event_text="", actor=party(g.actor),
                  recipient=party(g.recipient), negated=g.negated, hypothetical=g.hypothetical)
            for n, g in enumerate(self.by_url[doc.url].events)
        )
        return dataclasses.replace(doc, events=events)


def test_evaluate_devset_oracle_scores_one_and_offsets_are_current(shared_dir):
    score = evaluate_devset(Pipeline([Segmenter(), _Oracle()]), shared_dir)
    assert score.skipped == []  # every article found, every sentence checksum still matches
    assert score.overall["strict"].f1 == 1.0
    assert score.flags_agree == score.gold_events


def test_evaluate_devset_prints_table_and_reports_floor_failures(shared_dir, capsys):
    failures = print_devset(Pipeline([Segmenter()]), shared_dir)  # codes nothing
    out = capsys.readouterr().out
    assert "Development set" in out and "ASSAULT" in out and "all" in out
    assert any("strict event F1 0.000" in f for f in failures)
