"""``hadath explain``: the Explanation record and the click command (CliRunner)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from hadath.events import EventCoder
from hadath.events.coder import Candidate
from hadath.events.commands import explain as explain_command
from hadath.events.explain import _verdict, explain, format_explanation
from hadath.events.lexicon import Trigger
from hadath.model import Actor, Event
from hadath.pipeline import Pipeline, Segmenter, build_pipeline

ATTACK = "قتل مسلحون عشرة أشخاص في هجوم."
ZARIF = "التقى وزير الخارجية الإيراني محمد جواد ظريف نظيره الكويتي في الكويت أمس."


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline()


def test_events_explain_lists_triggers_with_verdicts():
    ex = explain(ATTACK, date="2023-08-01", pipeline=Pipeline([Segmenter(), EventCoder()]))
    first = ex.triggers[0]
    assert (first.text, first.type, first.coded) == ("قتل", "ASSAULT", True)
    assert first.verdict.startswith("coded")
    assert ex.events[0]["event"] == "ASSAULT" and ex.events[0]["dead"] == 10
    assert ATTACK[first.start : first.end] == "قتل"


def test_events_explain_every_coded_trigger_is_an_event_and_others_say_why(pipeline):
    ex = explain(ZARIF + " " + ATTACK, date="2015-08-01", pipeline=pipeline)
    starts = {(e["trigger"]["start"], e["event"]) for e in ex.events}
    for t in ex.triggers:
        assert t.coded == ((t.start, t.type) in starts)
        assert t.verdict.startswith("coded") if t.coded else t.verdict.startswith(("not coded", "merged"))
        assert t.reasons  # the coder's own reasons are kept


def test_events_explain_shows_mentions_and_actors(pipeline):
    ex = explain(ZARIF, date="2015-08-01", pipeline=pipeline)
    assert any(m.text == "محمد جواد ظريف" and m.label == "PER" for m in ex.mentions)
    zarif = next(a for a in ex.actors if "ظريف" in a.text)
    assert (zarif.code, zarif.sector) == ("IRN", "GOV") and zarif.why
    assert ex.events and ex.events[0]["event"] == "CONSULT"


def test_events_explain_country_option_sets_the_document_country(pipeline):
    assert explain(ATTACK, country="YEM", pipeline=pipeline).country == "YEM"


def _candidate(coded: bool, reasons: tuple[str, ...]) -> Candidate:
    return Candidate(0, 0, 0, Trigger(id="kill", type="ASSAULT", words=("قتل",)), coded, reasons)


def _event(**flags: bool) -> Event:
    actor = Actor(0, 3, "x", None, "AFG", "REB")
    return Event(id="e", doc_id="d", event="ASSAULT", sentence_start=0, sentence_end=9, text="",
                 trigger_start=0, trigger_end=3, event_text="", actor=(actor,), **flags)


def test_events_explain_verdict_names_flags_and_missing_parties():
    assert _verdict(_candidate(True, ()), [_event(negated=True)], 0) == "coded (negated, no recipient)"
    hypo = _verdict(_candidate(True, ()), [_event(hypothetical=True)], 0)
    assert hypo == "coded (hypothetical, no recipient)"
    why = "not coded: too little evidence of a specific event"
    assert _verdict(_candidate(False, ("trigger ASSAULT/kill", why)), [], 0) == why


@pytest.fixture()
def shared_pipeline(pipeline, monkeypatch):
    """Let the command reuse the module's pipeline instead of building its own (speed)."""
    monkeypatch.setattr("hadath.pipeline.build_pipeline", lambda: pipeline)


def test_events_explain_command_prints_every_section(shared_pipeline):
    result = CliRunner().invoke(explain_command, [ZARIF, "--date", "2015-08-01"])
    assert result.exit_code == 0, result.output
    for heading in ("mentions (", "actors (", "triggers considered (", "events ("):
        assert heading in result.output
    assert "IRN GOV" in result.output and "CONSULT" in result.output


def test_events_explain_command_json_is_one_object(shared_pipeline):
    args = [ATTACK, "--json", "--date", "2023-08-01", "--country", "afg"]
    result = CliRunner().invoke(explain_command, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["country"] == "AFG" and data["date"] == "2023-08-01"
    assert {"mentions", "actors", "triggers", "events"} <= set(data)


@pytest.mark.parametrize("args, message", [
    (["--date", "21/07/2015"], "YYYY-MM-DD"),
    (["--country", "Yemen"], "alpha-3"),
])
def test_events_explain_command_rejects_bad_options(args, message):
    result = CliRunner().invoke(explain_command, [ATTACK, *args])
    assert result.exit_code == 2 and message in result.output


def test_events_explain_command_rejects_an_empty_sentence():
    result = CliRunner().invoke(explain_command, ["  "])
    assert result.exit_code == 2 and "empty" in result.output


def test_events_explain_format_verbose_keeps_all_reasons():
    ex = explain(ATTACK, date="2023-08-01", pipeline=Pipeline([Segmenter(), EventCoder()]))
    short, full = format_explanation(ex), format_explanation(ex, verbose=True)
    assert len(full) > len(short)
    assert any(line.strip().startswith("- trigger ASSAULT") for line in full)
