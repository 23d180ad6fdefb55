"""`privacy-bot ask CASE_ID "question" [--json]`: the answer a thread question gets."""

from __future__ import annotations

import argparse
import json
import sys

from bot.bootstrap import App
from bot.commands.case_render import answer_text
from bot.errors import NotFoundError

NAME = "ask"
HELP = "ask a question about a case; answers cite their sources, or say coverage lacks it"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case", help="case number (e.g. 12) or a company/title")
    parser.add_argument(
        "question", nargs="+", help="the question, e.g. 'How much are they seeking?'"
    )
    parser.add_argument("--json", action="store_true", help="print {answer, answered, citations}")


def run(args: argparse.Namespace, app: App) -> int:
    try:
        reply = app.cases.ask(args.case, " ".join(args.question))
    except NotFoundError as error:
        print(f"privacy-bot ask: {error}", file=sys.stderr)
        return 1
    if args.json:
        citations = [{"url": c.url, "title": c.title, "outlet": c.outlet} for c in reply.citations]
        body = {"answer": reply.text, "answered": reply.answered, "citations": citations}
        print(json.dumps(body, ensure_ascii=False, indent=2), file=app.out)
    else:
        print(answer_text(reply), file=app.out)
    return 0
