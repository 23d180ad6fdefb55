"""`privacy-bot poll`: poll every enabled feed now; print what was new and relevant.
Alerts are queued; whichever `run` is up delivers them."""

from __future__ import annotations

import argparse

from bot.bootstrap import App
from bot.services.cycle_text import describe_cycle

NAME = "poll"
HELP = "poll every enabled feed once now and print what was new and what was relevant"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--due-only", action="store_true", help="poll only the feeds whose next check is due"
    )


def run(args: argparse.Namespace, app: App) -> int:
    app.sync_feeds()
    report = app.main_job.poll_cycle(all_feeds=not args.due_only)
    print("\n".join(describe_cycle(report)), file=app.out)
    return 0
