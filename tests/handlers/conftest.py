"""A running bot for handler tests: the real bolt app in HTTP mode behind waitress on a
free local port, the real WebClient pointed at the fake Slack API, a real SQLite store."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.engine import make_engine, make_session_factory, upgrade_schema
from bot.adapters.db.feed_store import FeedStore
from bot.adapters.db.slack_store import SlackStore
from bot.adapters.urlguard import check_public_url
from bot.domain.models import Case, CaseFacts, CaseStory
from bot.services.digest import DigestService
from bot.services.slack_app import HttpServer, build_bolt_app, serve
from bot.settings import Settings
from handlers.services import SlackServices
from tests.conftest import FakeClock
from tests.fakes.db_rows import add_case, add_feed
from tests.fakes.fake_cases import FakeCaseService
from tests.fakes.fake_slack_api import Call, FakeSlackApi
from tests.fakes.slack_requests import SECRET, SlackSender

ADMIN = "UADMIN"
PUBLIC_HOSTS = {"news.example": ["93.184.216.34"], "internal.example": ["10.0.0.5"]}


def fake_resolve(host: str, port: int) -> list[str]:
    if host not in PUBLIC_HOSTS:
        raise OSError("Name or service not known")
    return PUBLIC_HOSTS[host]


@dataclass
class RunningBot:
    api: FakeSlackApi
    slack: SlackSender
    store: SlackStore
    feeds: FeedStore
    cases: Any  # FakeCaseService, or the real CaseService
    clock: FakeClock
    seed_case: Case | None  # the fake service's LinkedIn case; None for an empty real one
    feed_id: int
    _replies: itertools.count[int]
    sessions: sessionmaker[Session]

    @property
    def linkedin(self) -> Case:
        assert self.seed_case is not None, "this bot was built without the seed case"
        return self.seed_case

    def command(self, text: str, user: str = "U1", channel: str = "C1") -> Call:
        """Run /privacy and wait for its reply through response_url."""
        name = f"cmd{next(self._replies)}"
        response = self.slack.command(text, self.api.response_url(name), user=user, channel=channel)
        assert response.status_code == 200, response.text
        [reply] = self.api.wait_for("response_url", where=lambda c: c.path.endswith("/" + name))
        return reply

    def click(self, action_id: str, value: str, channel: str = "C1") -> Call:
        name = f"click{next(self._replies)}"
        response = self.slack.click(action_id, value, self.api.response_url(name), channel=channel)
        assert response.status_code == 200, response.text
        [reply] = self.api.wait_for("response_url", where=lambda c: c.path.endswith("/" + name))
        return reply


def linkedin_case(case_id: int) -> Case:
    story = CaseStory(
        story_id=1,
        title="LinkedIn sued over InMail <!channel>",
        url="https://news.example/li",
        summary="A proposed class action says LinkedIn disclosed InMail messages to train AI.",
        outlet="Reuters",
        published=datetime(2025, 1, 22, tzinfo=UTC),
        stage="filed",
    )
    facts = CaseFacts(
        title="LinkedIn: InMail messages used to train AI",
        defendants=("LinkedIn",),
        court="N.D. Cal.",
        laws=("Stored Communications Act",),
        stage="filed",
    )
    return Case(
        id=case_id, facts=facts, stories=(story,), last_update=datetime(2026, 11, 27, tzinfo=UTC)
    )


def make_services(
    settings: Settings, store: SlackStore, feeds: FeedStore, cases: Any, clock: FakeClock
) -> SlackServices:
    return SlackServices(
        cases=cases,
        feeds=feeds,
        state=store,
        clock=clock,
        admin_user_ids=settings.admin_user_ids,
        check_url=lambda url: check_public_url(url, resolve=fake_resolve),
        digest=DigestService(cases, store),
    )


@contextmanager
def running_bot(
    tmp_path: Path, make_cases: Callable[[sessionmaker[Session], FakeClock], Any]
) -> Iterator[RunningBot]:
    """The bot in HTTP mode over a fresh SQLite file; `make_cases` builds the case queries."""
    engine = make_engine(f"sqlite:///{tmp_path / 'bot.db'}")
    upgrade_schema(engine)
    sessions = make_session_factory(engine)
    clock = FakeClock(datetime(2026, 11, 27, 12, 0, tzinfo=UTC))
    store, feeds, cases = SlackStore(sessions), FeedStore(sessions), make_cases(sessions, clock)
    with FakeSlackApi() as api:
        settings = Settings(
            slack_bot_token="xoxb-test",
            slack_signing_secret=SECRET,
            slack_api_url=api.url,
            admin_user_ids=frozenset({ADMIN}),
        )
        services = make_services(settings, store, feeds, cases, clock)
        server = serve(settings, build_bolt_app(settings, services), host="127.0.0.1", port=0)
        assert isinstance(server, HttpServer)
        sender = SlackSender(f"http://127.0.0.1:{server.port}")
        try:
            linkedin = next(iter(cases.list_cases(None, 1)), None)
            yield RunningBot(
                api,
                sender,
                store,
                feeds,
                cases,
                clock,
                linkedin,
                add_feed(sessions),
                itertools.count(1),
                sessions,
            )
        finally:
            sender.http.close()
            server.stop()
            engine.dispose()


def _fake_cases(sessions: sessionmaker[Session], clock: FakeClock) -> FakeCaseService:
    return FakeCaseService([linkedin_case(add_case(sessions))])


@pytest.fixture
def bot(tmp_path: Path) -> Iterator[RunningBot]:
    with running_bot(tmp_path, _fake_cases) as running:
        yield running
