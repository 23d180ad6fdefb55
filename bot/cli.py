"""The `privacy-bot` command line: parses arguments, builds the app, runs one command."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence

from bot.bootstrap import App, build_app
from bot.commands import load_commands
from bot.errors import ConfigError
from bot.settings import configure_logging, load_settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="privacy-bot",
        description="Privacy and legal news for Slack: polls feeds, tracks cases, answers.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in load_commands():
        command_parser = sub.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        command.add_arguments(command_parser)
        command_parser.set_defaults(handler=command)
    return parser


def main(
    argv: Sequence[str] | None = None,
    env: Mapping[str, str] | None = None,
    app: App | None = None,
) -> int:
    args = build_parser().parse_args(argv)
    try:
        # Commands such as `classify` work on stdin alone and need no database.
        if app is None and getattr(args.handler, "NEEDS_APP", True):
            settings = load_settings(os.environ if env is None else env)
            configure_logging(settings)
            app = build_app(settings)
    except ConfigError as error:
        print(f"privacy-bot: configuration error: {error}", file=sys.stderr)
        return 2
    try:
        return int(args.handler.run(args, app))
    except ConfigError as error:  # e.g. a typo in FEEDS_FILE: one clear line, no traceback
        print(f"privacy-bot: configuration error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return 130
