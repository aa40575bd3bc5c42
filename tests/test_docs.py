"""The README documents every command and option the CLI has."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from factcheck.cli import app

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
GROUP = typer.main.get_command(app)
COMMANDS = sorted(GROUP.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", COMMANDS)
def test_docs_readme_shows_every_command(command: str) -> None:
    assert f"factcheck {command}" in README


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (name, opt)
        for name in COMMANDS
        for param in GROUP.commands[name].params  # type: ignore[attr-defined]
        for opt in param.opts
        if opt.startswith("--") and opt != "--help"
    ],
)
def test_docs_readme_documents_every_option(command: str, option: str) -> None:
    assert f"`{option}`" in README, f"{command} {option} is not in README.md"
