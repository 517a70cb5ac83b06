"""``hadath actors`` and ``hadath explain-actor`` (hadath.actors.commands) through click's runner,
and the functions behind them (hadath.actors.explain, hadath.actors.listing)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from hadath.actors import ActorCoder
from hadath.actors.commands import actors, explain_actor
from hadath.actors.explain import explain_actor as explain
from hadath.actors.explain import rule_of
from hadath.actors.listing import actor_counts
from hadath.events import EventCoder
from hadath.model import Document
from hadath.ner.lexicon import LexiconRecognizer
from hadath.pipeline import Pipeline, Segmenter
from hadath.store import SQLiteStore

TEXTS = (
    "أطلقت الشرطة التركية الغاز المسيل للدموع على المتظاهرين في إسطنبول.",
    "هاجمت حركة الشباب قاعدة للجيش الكيني.\nوقالت الشرطة الكينية إن المهاجمين فروا.",
    "اعتقلت الشرطة التركية عشرات المحتجين في أنقرة.",
)


@pytest.fixture(scope="module")
def coder() -> ActorCoder:
    return ActorCoder()


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder) -> str:
    pipeline = Pipeline([Segmenter(), LexiconRecognizer(coder.kb), coder, EventCoder()])
    path = str(tmp_path_factory.mktemp("actors") / "h.db")
    with SQLiteStore(path) as store:
        for i, text in enumerate(TEXTS):
            store.add_document(
                pipeline(Document(doc_id=f"d{i}", text=text, source=f"s{i}", date="2015-07-21"))
            )
    return path


def test_actors_commands_lists_actors_with_counts(db):
    result = CliRunner().invoke(actors, ["--db", db])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:5] == ["code", "sector", "kind", "mentions", "docs"]
    police = next(line for line in lines if line.startswith("TUR") and "COP" in line)
    assert police.split()[3:5] == ["2", "2"]  # two mentions in two documents
    assert "Turkey security forces" in police


def test_actors_commands_filters_by_type_and_code_and_writes_json(db):
    result = CliRunner().invoke(actors, ["--db", db, "--type", "group", "--json"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(r["kind"] == "GROUP" for r in rows)
    assert {(r["code"], r["sector"], r["name"]) for r in rows} == {("SOM", "REB", "al-Shabaab")}
    one = CliRunner().invoke(actors, ["--db", db, "--code", "ken", "--limit", "1", "--json"])
    rows = [json.loads(line) for line in one.output.splitlines()]
    assert len(rows) == 1 and rows[0]["code"] == "KEN"


def test_actors_commands_counts_events_by_code_and_sector(db):
    with SQLiteStore(db) as store:
        rows = actor_counts(store.conn)
        events = store.conn.execute("SELECT COUNT(*) FROM event_actors WHERE role = 'actor'").fetchone()[0]
    assert sum(r.mentions for r in rows) >= 6
    by_key = {(r.code, r.sector): r for r in rows}
    assert by_key[("TUR", "COP")].documents == 2
    # each (code, sector) row repeats the events of that code: no more sources than event actors
    assert max(r.as_source for r in rows) <= events


def test_actors_commands_missing_database_says_what_to_do(tmp_path):
    result = CliRunner().invoke(actors, ["--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert "hadath process" in result.output


def test_actors_commands_explain_person_by_date():
    result = CliRunner().invoke(
        explain_actor, ["قال وزير الخارجية الأمريكي جون كيري إن الاتفاق جيد", "--date", "2015-07-21"]
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "per:kerry" in out and "John Kerry" in out  # the KB entry matched
    assert "→ USA GOV" in out
    assert "known person, office held on the date" in out
    assert "2013-02-01" in out  # the term chosen by the date


def test_actors_commands_explain_country_option_codes_unqualified_roles():
    result = CliRunner().invoke(explain_actor, ["قال الجيش إنه سيطر على المدينة", "--country", "ner"])
    assert result.exit_code == 0, result.output
    assert "→ NER MIL" in result.output and "given with --country" in result.output
    assert "document country for an unqualified role" in result.output
    bad = CliRunner().invoke(explain_actor, ["الجيش", "--country", "XXX"])
    assert bad.exit_code != 0 and "ISO3" in bad.output
    assert CliRunner().invoke(explain_actor, ["الجيش", "--date", "2023/01/01"]).exit_code != 0


def test_actors_commands_explain_json_has_mentions_and_rule():
    result = CliRunner().invoke(explain_actor, ["قال جيش النيجر إنه صد هجوما", "--json"])
    data = json.loads(result.output)
    assert data["actors"][0]["code"] == "NER" and data["actors"][0]["sector"] == "MIL"
    assert data["actors"][0]["rule"].startswith("idafa with a country")
    assert {m["kind"] for m in data["mentions"]} >= {"role", "country"}


def test_actors_commands_explain_function_rules(coder):
    ambiguous = explain("وقال الجيش النيجري إنه صد الهجوم", coder=coder)
    mention = next(m for m in ambiguous.mentions if m.kind == "nisba")
    assert "nis:NER" in mention.others or mention.key == "nis:NER"
    assert ambiguous.actors[0].rule.startswith("title + nisba")
    linked = explain(
        "قال وزير الخارجية الكيني جورج موراغا إن الحوار مستمر. وأضاف موراغا أنه متفائل.", coder=coder
    )
    rules = [a.rule for a in linked.actors]
    assert rules[0].startswith("title apposition") and rules[-1] == "surname link to an earlier mention"
    capital = explain("ندد الكرملين بالعقوبات", coder=coder)
    assert (capital.actors[0].code, capital.actors[0].rule) == ("RUS", rule_of("seat as metonym"))
    nothing = explain("ذهب إلى السوق", coder=coder)
    assert nothing.actors == () and "(none" in nothing.to_text()
