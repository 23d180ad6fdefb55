"""`privacy-bot correct merge A B | split CASE STORY_ID... | move STORY_ID CASE`:
an operator's fix to case grouping; later stories respect it."""

from __future__ import annotations

import argparse
import sys

from bot.bootstrap import App
from bot.commands.case_render import case_line
from bot.domain.models import Case
from bot.errors import NotFoundError

NAME = "correct"
HELP = "fix case grouping: `merge A B`, `split CASE STORY_ID...`, `move STORY_ID CASE`"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["merge", "split", "move"], help="what to do")
    parser.add_argument("ids", nargs="+", type=int, help="case and story numbers")


def run(args: argparse.Namespace, app: App) -> int:
    try:
        case = _apply(app, args.action, args.ids)
    except (NotFoundError, ValueError) as error:
        print(f"privacy-bot correct: {error}", file=sys.stderr)
        return 1
    print(f"{args.action} done: {case_line(case)}", file=app.out)
    return 0


def _apply(app: App, action: str, ids: list[int]) -> Case:
    if action == "merge" and len(ids) == 2:
        return app.cases.merge(ids[0], ids[1])
    if action == "move" and len(ids) == 2:
        return app.cases.move(ids[0], ids[1])
    if action == "split" and len(ids) >= 2:
        return app.cases.split(ids[0], ids[1:])
    raise ValueError(f"usage: {HELP}")
