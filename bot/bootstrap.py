"""The composition root: builds the running app from settings. Tests build the same
app with fakes (a clock, an HTTP transport, a Slack API URL) passed in as arguments."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import TextIO

import httpx
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.engine import make_engine, make_session_factory, upgrade_schema
from bot.settings import Settings

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class App:
    """Everything a command or a Slack handler needs, built once."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock = utc_now
    http_transport: httpx.BaseTransport | None = None  # tests inject a local transport
    out: TextIO = field(default_factory=lambda: sys.stdout)

    # Services are built on first use so a command only pays for what it touches.
    # -- services: add one cached_property per service below this line --

    @cached_property
    def _placeholder(self) -> None:  # keeps the section non-empty until services land
        return None


def build_app(
    settings: Settings,
    *,
    clock: Clock = utc_now,
    http_transport: httpx.BaseTransport | None = None,
    out: TextIO | None = None,
    migrate: bool = True,
) -> App:
    engine = make_engine(settings.database_url)
    if migrate:
        upgrade_schema(engine)
    return App(
        settings=settings,
        engine=engine,
        sessions=make_session_factory(engine),
        clock=clock,
        http_transport=http_transport,
        out=out or sys.stdout,
    )
