"""hadath.actors.misses: the causes guessed for gold slots the actor coder misses, and the command."""

from __future__ import annotations

from click.testing import CliRunner

from hadath.actors.commands import actor_misses
from hadath.actors.misses import CAUSES, SlotMiss, cause, count_causes


def test_actors_misses_cause_rules_on_written_sentences():
    assert cause("SAU MIL", "أعلنت قيادة قوات التحالف هدنة", ()) == "coalition (التحالف)"
    assert cause("TUR REB", "واعتبر الحزب هذا القصف عدوانا", ()).startswith("group anaphora")
    assert cause("None REB", "خطف مسلحون موظفا", ("مسلحون=None UAF",)) == "gunmen or attackers"
    found = ("البيت=USA None",)
    assert cause("USA GOV", "قال البيت الأبيض إن", found) == "wrong or missing sector (country found)"
    assert cause("FRA GOV", "قال الوزير إن", ("الوزير=BEL GOV",)) == "wrong country (sector found)"
    assert cause("FRA GOV", "قال إن", ()) == "no actor of that code"


def test_actors_misses_every_slot_gets_a_cause():
    assert CAUSES[-1][0] == "no actor of that code"
    golds = ("USA GOV", "None CVL")
    misses = [SlotMiss("dev", "a@0", "actor", g, "نص", (), cause(g, "نص", ())) for g in golds]
    counts = count_causes(misses)
    assert sum(counts.values()) == 2 and counts[("dev", "unnamed victims without country in the gold")] == 1


def test_actors_misses_command_says_where_the_data_should_be(tmp_path):
    result = CliRunner().invoke(actor_misses, ["--shared", str(tmp_path / "nowhere")])
    assert result.exit_code != 0
    assert "--shared" in result.output
