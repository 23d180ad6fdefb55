"""The composition root: builds the running app from settings. Tests build the same
app with fakes (a clock, an HTTP transport, a Slack API URL) passed in as arguments."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import TextIO

import httpx
from slack_sdk import WebClient
from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.console_notifier import ConsoleNotifier
from bot.adapters.db.engine import make_engine, make_session_factory, upgrade_schema
from bot.adapters.db.feed_store import FeedStore
from bot.adapters.db.slack_store import SlackStore
from bot.adapters.db.story_store import StoryStore
from bot.adapters.fetch import HttpFetcher
from bot.adapters.slack_notifier import SlackNotifier
from bot.domain.classify import classify
from bot.services.alerts import alert_channel_for
from bot.services.cases import CaseService
from bot.services.deliver import DeliveryWorker, Pacing
from bot.services.digest import DigestService
from bot.services.feeds_config import load_feeds
from bot.services.main_job import MainJob
from bot.services.pipeline import Pipeline
from bot.services.poll import Poller
from bot.services.ports import Notifier
from bot.services.slack_app import Running, build_bolt_app, serve
from bot.settings import Settings
from handlers.services import SlackServices

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
    # feedparser is pure Python: a long-running poller parses on every core.
    parse_executor: Executor | None = None
    out: TextIO = field(default_factory=lambda: sys.stdout)

    # Services are built on first use so a command only pays for what it touches.
    # -- services: add one cached_property per service below this line --

    @cached_property
    def feed_store(self) -> FeedStore:
        return FeedStore(self.sessions)

    @cached_property
    def story_store(self) -> StoryStore:
        return StoryStore(self.sessions)

    @cached_property
    def slack_store(self) -> SlackStore:
        return SlackStore(self.sessions)

    @cached_property
    def cases(self) -> CaseService:
        return CaseService(self.sessions, self.clock)

    @cached_property
    def poller(self) -> Poller:
        return Poller(
            self.feed_store,
            self.story_store,
            HttpFetcher(transport=self.http_transport),
            backfill_days=self.settings.backfill_days,
            owner=f"{socket.gethostname()}:{os.getpid()}",
            parse_executor=self.parse_executor,
            clock=self.clock,
        )

    @cached_property
    def pipeline(self) -> Pipeline:
        return Pipeline(
            classify,
            self.cases,
            self.slack_store,
            alert_channel=alert_channel_for(self.settings),
        )

    @cached_property
    def notifier(self) -> Notifier:
        if self.settings.slack_mode == "console":
            return ConsoleNotifier(self.out)
        return SlackNotifier(self.slack_client)

    @cached_property
    def slack_client(self) -> WebClient:
        # Well under the outbox's 60 s claim, so a hung post ends before another worker
        # may take the row over (slack_sdk's default is 30 s, plus a retry).
        return WebClient(
            token=self.settings.slack_bot_token, base_url=self.settings.slack_api_url, timeout=15
        )

    @cached_property
    def delivery(self) -> DeliveryWorker:
        # The terminal has no rate limit; Slack gets about one message a second a channel.
        console = self.settings.slack_mode == "console"
        pacing = Pacing(per_channel_seconds=0.0) if console else Pacing()
        return DeliveryWorker(self.slack_store, self.notifier, self.clock, pacing)

    @cached_property
    def digests(self) -> DigestService:
        return DigestService(self.cases, self.slack_store, self.settings.digest_hour_utc)

    @cached_property
    def main_job(self) -> MainJob:
        return MainJob(
            self.poller,
            self.story_store,
            self.pipeline,
            self.delivery,
            self.digests,
            self.slack_store,
            self.clock,
        )

    @cached_property
    def slack_services(self) -> SlackServices:
        return SlackServices(
            cases=self.cases,
            feeds=self.feed_store,
            state=self.slack_store,
            clock=self.clock,
            admin_user_ids=self.settings.admin_user_ids,
            digest=self.digests,
            db_ok=self.database_ok,
        )

    def database_ok(self) -> bool:
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except SQLAlchemyError:
            return False

    def start_slack_listener(self) -> Running:
        """Socket Mode, HTTP on $PORT, or nothing (console and post-only modes); returns
        at once."""
        if self.settings.slack_mode in ("console", "post_only"):
            return serve(self.settings, None)
        bolt_app = build_bolt_app(self.settings, self.slack_services, self.slack_client)
        return serve(self.settings, bolt_app, db_ok=self.database_ok)

    def sync_feeds(self) -> int:
        """Load FEEDS_FILE into the database; returns how many feeds it names."""
        feeds = load_feeds(self.settings.feeds_file)
        self.feed_store.sync_config(feeds, self.clock())
        return len(feeds)


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
