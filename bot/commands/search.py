"""`privacy-bot search QUERY`: full-text search over stored stories, ranked, with snippets."""

from __future__ import annotations

import argparse
import json

from bot.bootstrap import App
from bot.commands.case_render import hits_text

NAME = "search"
HELP = "full-text search over stored stories (all words must match), best first"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", help="words to look for")
    parser.add_argument("--limit", type=int, default=10, help="at most this many stories")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, app: App) -> int:
    hits = app.cases.search(" ".join(args.query), args.limit)
    if args.json:
        rows = [
            {
                "story_id": h.story_id,
                "title": h.title,
                "url": h.url,
                "outlet": h.outlet,
                "published": h.published.isoformat() if h.published else None,
                "case_id": h.case_id,
                "snippet": h.snippet,
            }
            for h in hits
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2), file=app.out)
    else:
        print(hits_text(hits), file=app.out)
    return 0
