"""`privacy-bot case ID [--json]`: one case with its facts and timeline."""

from __future__ import annotations

import argparse
import json
import sys

from bot.bootstrap import App
from bot.commands.case_render import case_detail
from bot.errors import NotFoundError
from bot.services.cases import case_json

NAME = "case"
HELP = "show one case (by number or name): facts, summary and timeline"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case", nargs="+", help="case number (e.g. 12) or a company/title")
    parser.add_argument("--json", action="store_true", help="print JSON (the contract shape)")


def run(args: argparse.Namespace, app: App) -> int:
    try:
        case = app.cases.get_case(" ".join(args.case))
    except NotFoundError as error:
        print(f"privacy-bot case: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(case_json(case), ensure_ascii=False, indent=2), file=app.out)
    else:
        print(case_detail(case), file=app.out)
    return 0
