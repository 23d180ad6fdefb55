"""`privacy-bot db upgrade`: apply database migrations (also done on every start)."""

from __future__ import annotations

import argparse

from bot.adapters.db.engine import upgrade_schema
from bot.bootstrap import App
from bot.settings import redact_url

NAME = "db"
HELP = "database maintenance: `db upgrade` applies migrations"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["upgrade"], help="what to do")


def run(args: argparse.Namespace, app: App) -> int:
    upgrade_schema(app.engine)
    print(f"database is up to date: {redact_url(app.settings.database_url)}", file=app.out)
    return 0
