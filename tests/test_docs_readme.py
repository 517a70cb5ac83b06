"""The README's two set-up commands are the ones CI and users run."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _setup_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return [line.strip() for line in section.splitlines() if line.startswith("    python3 -m venv")]


def test_docs_readme_has_exactly_two_setup_commands():
    commands = _setup_commands()
    assert len(commands) == 2
    assert "hadath process hadath/data/sample" in commands[0]
    assert "pytest" in commands[1]


def test_docs_ci_runs_the_readme_test_command():
    script = ROOT / ".ci" / "run"
    extracted = subprocess.run(
        ["bash", "-c", re.search(r"^TEST_COMMAND=\$\((.*)\)$", script.read_text(), re.M).group(1)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert extracted == _setup_commands()[1]


def test_docs_cli_reference_matches_help():
    from hadath.cli import cli_reference

    text = (ROOT / "docs" / "CLI.md").read_text(encoding="utf-8")
    assert text.split("\n\n", 2)[2] == cli_reference(), "regenerate docs/CLI.md (see its first lines)"
