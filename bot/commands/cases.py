"""`privacy-bot cases [--json] [QUERY]`: tracked cases, most recently updated first."""

from __future__ import annotations

import argparse
import json

from bot.bootstrap import App
from bot.commands.case_render import case_line
from bot.services.cases import case_json

NAME = "cases"
HELP = "list tracked cases (newest activity first); QUERY filters by company or title"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="*", help="company or words of the case title")
    parser.add_argument("--json", action="store_true", help="print JSON (the contract shape)")
    parser.add_argument("--limit", type=int, default=50, help="at most this many cases")


def run(args: argparse.Namespace, app: App) -> int:
    cases = app.cases.list_cases(" ".join(args.query) or None, args.limit)
    if args.json:
        print(json.dumps([case_json(c) for c in cases], ensure_ascii=False, indent=2), file=app.out)
    elif not cases:
        print("no cases yet" if not args.query else "no case matches", file=app.out)
    else:
        print("\n".join(case_line(c) for c in cases), file=app.out)
    return 0
