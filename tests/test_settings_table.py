"""Settings: one documented table, loaded defaults < file < environment < flags."""

from __future__ import annotations

import dataclasses

import pytest

from hadath.settings import SETTINGS, Settings, SettingsError, load_settings, settings_table


def test_settings_every_setting_has_help_text():
    for setting in SETTINGS:
        assert len(setting.help.strip()) >= 15, f"setting {setting.name!r} needs a help text"


def test_settings_table_and_dataclass_agree():
    fields = {f.name: f.default for f in dataclasses.fields(Settings)}
    assert fields == {s.name: s.default for s in SETTINGS}
    for s in SETTINGS:
        assert isinstance(s.default, s.type), s.name
    assert [row[0] for row in settings_table()] == list(fields)


def test_settings_layers_file_then_env_then_flags(tmp_path):
    config = tmp_path / "h.toml"
    config.write_text('db = "file.db"\nworkers = 2\nbatch_size = 7\n', encoding="utf-8")
    s = load_settings(config, env={"HADATH_WORKERS": "3", "HADATH_PROGRESS": "off"}, overrides={"workers": 4})
    assert (s.db, s.batch_size, s.workers, s.progress) == ("file.db", 7, 4, False)
    s = load_settings(config, env={"HADATH_WORKERS": "3"}, overrides={"workers": None})
    assert s.workers == 3


def test_settings_yaml_file_and_hadath_table(tmp_path):
    yaml_file = tmp_path / "h.yaml"
    yaml_file.write_text("hadath:\n  max_bytes: 1000\n  use_crf: false\n", encoding="utf-8")
    s = load_settings(yaml_file, env={})
    assert (s.max_bytes, s.use_crf) == (1000, False)


def test_settings_default_file_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_settings(env={}).db == "hadath.db"
    (tmp_path / "hadath.toml").write_text('db = "here.db"\n', encoding="utf-8")
    assert load_settings(env={}).db == "here.db"


@pytest.mark.parametrize(
    ("text", "env", "message"),
    [
        ("wrkers = 2\n", {}, "unknown setting(s) wrkers"),
        ("workers = 'many'\n", {}, "expected int"),
        ("", {"HADATH_PROGRESS": "perhaps"}, "from the environment: expected bool"),
        ("workers = 0\n", {}, "workers must be at least 1"),
        ("workers = [\n", {}, "is not valid"),
        ("log_level = 'LOUD'\n", {}, "log_level must be one of"),
    ],
)
def test_settings_bad_values_say_which_and_where(tmp_path, text, env, message):
    config = tmp_path / "h.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_settings(config, env=env)


def test_settings_missing_config_file_is_an_error(tmp_path):
    with pytest.raises(SettingsError, match="cannot read settings file"):
        load_settings(tmp_path / "nope.toml", env={})
