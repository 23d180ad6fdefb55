"""Meta-tests over the command catalogue: every command has help text and a test."""

from __future__ import annotations

from pathlib import Path

from bot.commands import load_commands

TESTS = Path(__file__).resolve().parent


def test_every_command_has_help_text() -> None:
    for command in load_commands():
        assert command.HELP.strip(), f"{command.NAME} has no help text"


def test_every_command_is_exercised_by_a_test() -> None:
    test_text = "\n".join(
        p.read_text() for p in TESTS.rglob("test_*.py") if p.name != Path(__file__).name
    )
    for command in load_commands():
        name = command.NAME
        assert f'"{name}"' in test_text, f"no test calls the `{name}` command"
