"""Every Hadath setting, listed once with its default, type and help text.

Settings are loaded in layers, later ones winning: the defaults below <
a TOML or YAML file (``hadath.toml`` in the working directory, or the file
given with ``--config``) < environment variables ``HADATH_<NAME>`` <
command-line flags.  The result is a frozen :class:`Settings` passed
explicitly to whatever needs it.

>>> s = load_settings(env={"HADATH_WORKERS": "2"}, overrides={"db": "x.db"}, use_default_file=False)
>>> (s.db, s.workers, s.batch_size)
('x.db', 2, 100)
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["SETTINGS", "Setting", "Settings", "SettingsError", "load_settings", "settings_table"]

DEFAULT_FILE = "hadath.toml"
ENV_PREFIX = "HADATH_"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    type: type
    help: str


# THE table.  Add a setting here and to ``Settings`` below (a test keeps them in step).
SETTINGS: tuple[Setting, ...] = (
    Setting("db", "hadath.db", str, "SQLite database file the results are stored in."),
    Setting("batch_size", 100, int, "Inputs processed between two database commits (1 = commit each)."),
    Setting("max_bytes", 50_000_000, int, "Inputs larger than this many bytes are rejected (too_large)."),
    Setting("workers", 1, int, "Processes that clean and code documents in parallel (the parent stores)."),
    Setting("progress", True, bool, "Show a progress bar on stderr while processing."),
    Setting("use_crf", True, bool, "Use the trained CRF name tagger when its model is installed."),
    Setting("log_level", "WARNING", str, "Logging level: DEBUG, INFO, WARNING or ERROR."),
)


@dataclass(frozen=True)
class Settings:
    db: str = "hadath.db"
    batch_size: int = 100
    max_bytes: int = 50_000_000
    workers: int = 1
    progress: bool = True
    use_crf: bool = True
    log_level: str = "WARNING"


class SettingsError(ValueError):
    """A setting could not be read; the message names it and says where it came from."""


_BY_NAME = {s.name: s for s in SETTINGS}
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def _convert(setting: Setting, value: Any, origin: str) -> Any:
    """``value`` (from a file, the environment or a flag) as the setting's type."""
    if setting.type is bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE or text in _FALSE:
            return text in _TRUE
    elif setting.type is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        try:
            return int(str(value).strip().replace("_", ""))
        except ValueError:
            pass
    elif isinstance(value, str | int | float):
        return str(value)
    raise SettingsError(
        f"setting {setting.name!r} from {origin}: expected {setting.type.__name__}, got {value!r}; "
        "see `hadath settings` for the accepted values"
    )


def _check(settings: Settings) -> Settings:
    if settings.workers < 1:
        raise SettingsError(f"workers must be at least 1, got {settings.workers}")
    if settings.batch_size < 1:
        raise SettingsError(f"batch_size must be at least 1, got {settings.batch_size}")
    if settings.max_bytes < 1:
        raise SettingsError(f"max_bytes must be positive, got {settings.max_bytes}")
    if settings.log_level.upper() not in _LOG_LEVELS:
        raise SettingsError(f"log_level must be one of {', '.join(_LOG_LEVELS)}, got {settings.log_level!r}")
    return settings


def read_settings_file(path: Path) -> dict[str, Any]:
    """The settings in a TOML (``.toml``) or YAML (``.yaml``/``.yml``) file.

    The values may sit at the top level or under a ``[hadath]`` table.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise SettingsError(f"cannot read settings file {path}: {err.strerror}") from err
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(text) or {}
        else:
            data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError) as err:
        raise SettingsError(f"settings file {path} is not valid: {err}") from err
    if not isinstance(data, dict):
        raise SettingsError(f"settings file {path} must hold a table of name = value")
    data = data.get("hadath", data)
    unknown = sorted(set(data) - set(_BY_NAME))
    if unknown:
        raise SettingsError(
            f"settings file {path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(_BY_NAME)}"
        )
    return data


def load_settings(
    config: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
    use_default_file: bool = True,
) -> Settings:
    """Defaults < settings file < ``HADATH_*`` environment < ``overrides`` (CLI flags).

    ``overrides`` values of ``None`` mean "flag not given" and are ignored.
    """
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    layers: list[tuple[str, Mapping[str, Any]]] = []
    path = Path(config) if config else (Path(DEFAULT_FILE) if use_default_file else None)
    if path is not None and (config or path.exists()):
        layers.append((str(path), read_settings_file(path)))
    env = os.environ if env is None else env
    env_values = {
        s.name: env[ENV_PREFIX + s.name.upper()] for s in SETTINGS if ENV_PREFIX + s.name.upper() in env
    }
    layers.append(("the environment", env_values))
    layers.append(("the command line", {k: v for k, v in (overrides or {}).items() if v is not None}))
    for origin, layer in layers:
        for name, value in layer.items():
            if name not in _BY_NAME:
                raise SettingsError(f"unknown setting {name!r} from {origin}")
            values[name] = _convert(_BY_NAME[name], value, origin)
    return _check(Settings(**values))


def settings_table(settings: Settings | None = None) -> list[tuple[str, str, str, str]]:
    """Rows (name, type, value, help) for ``hadath settings``; value is the current one."""
    current = dataclasses.asdict(settings or Settings())
    return [(s.name, s.type.__name__, repr(current[s.name]), s.help) for s in SETTINGS]
