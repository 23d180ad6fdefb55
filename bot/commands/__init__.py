"""The catalogue of command-line commands: one module per command, each with NAME,
HELP, add_arguments(parser) and run(args, app) -> exit code. A meta-test checks that
every command has help text and a test."""

from __future__ import annotations

import argparse
from importlib import import_module
from typing import Protocol

# Order is the order `privacy-bot --help` lists them in.
COMMAND_MODULES: tuple[str, ...] = (
    "run",
    "poll",
    "db",
    "classify",
    "train",
    "eval_classifier",
    "cases",
    "case",
    "ask",
    "search",
    "correct",
    "eval_cases",
)


class Command(Protocol):
    NAME: str
    HELP: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, app: object) -> int: ...


def load_commands() -> list[Command]:
    return [import_module(f"bot.commands.{name}") for name in COMMAND_MODULES]
