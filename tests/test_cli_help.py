"""Snapshot tests of ``--help`` for every command, so that a change to the command line is seen
in review. The help is rendered 80 columns wide whatever the terminal: Click's CliRunner fixes
the width, and ``COLUMNS`` is set as well so that nothing reads the real terminal.

After changing an option on purpose, regenerate the snapshots and review the diff:

    CLAIMKIT_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_cli_help.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit.cli import app

SNAPSHOTS = Path(__file__).parent / "snapshots" / "help"
UPDATE = bool(os.environ.get("CLAIMKIT_UPDATE_SNAPSHOTS"))
COMMANDS = [
    (),
    ("extract",),
    ("validate",),
    ("eval",),
    ("export",),
    ("render",),
    ("train",),
    ("doccano",),
    ("doccano", "serve"),
    ("doccano", "push"),
    ("doccano", "pull"),
    ("doccano", "diff"),
    ("doccano", "agreement"),
]


def render_help(*command: str, flag: str = "--help") -> str:
    result = CliRunner().invoke(app, [*command, flag], env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "claimkit")
def test_help_snapshot(command: tuple[str, ...]) -> None:
    text = render_help(*command)
    path = SNAPSHOTS / f"{'_'.join(('claimkit', *command))}.txt"
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path.name} was missing and has been written: review and commit it")
    assert text == path.read_text(encoding="utf-8"), (
        f"help of {' '.join(command) or 'claimkit'} changed: see the docstring"
    )
    assert max(map(len, text.splitlines())) <= 80


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "claimkit")
def test_dash_h_is_help(command: tuple[str, ...]) -> None:
    assert render_help(*command, flag="-h") == render_help(*command)


def test_every_command_has_a_snapshot() -> None:
    """A new command gets a snapshot too: the list above covers every command of the app."""
    import typer.main

    def walk(group, prefix=()):
        for name, cmd in group.commands.items():
            yield (*prefix, name)
            if hasattr(cmd, "commands"):
                yield from walk(cmd, (*prefix, name))

    assert set(walk(typer.main.get_command(app))) == set(COMMANDS) - {()}
