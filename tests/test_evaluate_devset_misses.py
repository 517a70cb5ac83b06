"""The dev-set error listing: each strict error of a sentence with what differs."""

from __future__ import annotations

from hadath.evaluate.devset import Coded, sentence_misses

S = ("gold", 0)


def test_matched_events_are_no_error():
    gold = [Coded(S, "CONSULT", "USA GOV", "QAT GOV")]
    assert sentence_misses(gold, list(gold)) == []


def test_causes_name_the_slot_that_differs():
    gold = [Coded(S, "ASSAULT", "TUR MIL", "TUR REB"), Coded(S, "REQUEST", "IRQ GOV", "TUR REB"),
            Coded(S, "PROTEST", "IRQ CVL")]
    pred = [Coded(S, "ASSAULT", "TUR MIL", "TUR CVL"), Coded(S, "REQUEST", "None None", "TUR REB"),
            Coded(S, "ACCUSE", "USA GOV")]
    causes = [(g.event if g else None, p.event if p else None, c) for g, p, c in sentence_misses(gold, pred)]
    assert causes == [("ASSAULT", "ASSAULT", "recipient wrong"), ("REQUEST", "REQUEST", "actor missing"),
                      ("PROTEST", None, "type missed"), (None, "ACCUSE", "no gold event")]


def test_prediction_with_the_right_actor_is_preferred():
    gold = [Coded(S, "ASSAULT", "ISR MIL", "PSE REB")]
    pred = [Coded(S, "ASSAULT", "None None", "PSE REB"), Coded(S, "ASSAULT", "ISR MIL")]
    (first, second) = sentence_misses(gold, pred)
    assert first[1] == pred[1] and first[2] == "recipient missing"
    assert second == (None, pred[0], "no gold event")
