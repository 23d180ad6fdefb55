"""Socket Mode through bot.services.slack_app.serve: the real bolt app and slack-sdk's
built-in Socket Mode client open a connection with the app-level token, then acknowledge
the envelopes a fake Socket Mode endpoint pushes, answer them through the fake Web API
and response_url, and leave cleanly when stopped."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.adapters.db.engine import make_engine, make_session_factory, upgrade_schema
from bot.adapters.db.feed_store import FeedStore
from bot.adapters.db.slack_store import SlackStore
from bot.services.slack_app import Running, SocketModeConnection, build_bolt_app, serve
from bot.settings import Settings
from tests.conftest import FakeClock
from tests.fakes.db_rows import add_case
from tests.fakes.fake_cases import FakeCaseService
from tests.fakes.fake_slack_api import TEAM_ID, FakeSlackApi
from tests.fakes.fake_socket_mode import APP_ID, FakeSocketMode
from tests.handlers.conftest import linkedin_case, make_services

APP_TOKEN = "xapp-1-A1-123-fake"


@dataclass
class SocketBot:
    api: FakeSlackApi
    socket: FakeSocketMode
    store: SlackStore
    server: Running
    opened_with: str  # the Authorization header of apps.connections.open


@contextmanager
def socket_mode_bot(path: Path) -> Iterator[SocketBot]:
    """The bot in Socket Mode over a fresh SQLite file, connected to a fake endpoint."""
    engine = make_engine(f"sqlite:///{path / 'bot.db'}")
    upgrade_schema(engine)
    sessions = make_session_factory(engine)
    clock = FakeClock(datetime(2026, 11, 27, 12, 0, tzinfo=UTC))
    store, cases = SlackStore(sessions), FakeCaseService([linkedin_case(add_case(sessions))])
    with FakeSlackApi() as api, FakeSocketMode() as socket:
        api.socket_url = socket.url
        settings = Settings(
            slack_bot_token="xoxb-test", slack_app_token=APP_TOKEN, slack_api_url=api.url
        )
        services = make_services(settings, store, FeedStore(sessions), cases, clock)
        server = serve(settings, build_bolt_app(settings, services))
        try:
            socket.wait_connected()
            [opened] = api.calls_to("apps.connections.open")
            yield SocketBot(api, socket, store, server, opened.headers["Authorization"])
        finally:
            server.stop()
            engine.dispose()


@pytest.fixture(scope="module")
def connected(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SocketBot]:
    # One connection for the module: slack-sdk's client takes up to its 3 s receive
    # timeout to close, so a connection per test would triple the file's run time.
    with socket_mode_bot(tmp_path_factory.mktemp("socket")) as bot:
        yield bot


@pytest.fixture
def socket_bot(connected: SocketBot) -> SocketBot:
    connected.api.clear()
    return connected


def slash_command(text: str, response_url: str) -> dict[str, object]:
    """A slash command's payload as Socket Mode delivers it: the HTTP form, as JSON."""
    return {
        "token": "legacy",
        "team_id": TEAM_ID,
        "team_domain": "fake",
        "channel_id": "C1",
        "channel_name": "privacy",
        "user_id": "U1",
        "user_name": "lawyer",
        "command": "/privacy",
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": "1.2.3",
    }


def test_socket_mode_connects_with_the_app_level_token(socket_bot: SocketBot) -> None:
    assert isinstance(socket_bot.server, SocketModeConnection)
    socket_bot.socket.wait_connected()
    assert socket_bot.opened_with == f"Bearer {APP_TOKEN}"


def test_a_slash_command_is_acknowledged_then_answered(socket_bot: SocketBot) -> None:
    respond_to = socket_bot.api.response_url("help")
    envelope_id = socket_bot.socket.send(
        "slash_commands", slash_command("help", respond_to), accepts_response=True
    )
    ack = socket_bot.socket.wait_for_ack(envelope_id)
    assert ack["envelope_id"] == envelope_id
    [reply] = socket_bot.api.wait_for("response_url", where=lambda c: c.path.endswith("/help"))
    assert "/privacy" in json.dumps(reply.params) and reply.params["response_type"] == "ephemeral"


def test_a_command_that_does_work_answers_after_the_ack(socket_bot: SocketBot) -> None:
    respond_to = socket_bot.api.response_url("track")
    envelope_id = socket_bot.socket.send("slash_commands", slash_command("track 1", respond_to))
    socket_bot.socket.wait_for_ack(envelope_id)
    [reply] = socket_bot.api.wait_for("response_url", where=lambda c: c.path.endswith("/track"))
    assert "tracking" in json.dumps(reply.params).lower()
    assert socket_bot.store.tracked_cases("C1") == [1]


def test_a_mention_event_is_acknowledged_and_answered_in_its_thread(
    socket_bot: SocketBot,
) -> None:
    event = {
        "type": "app_mention",
        "channel": "C1",
        "user": "U1",
        "ts": "1700000100.000001",
        "text": "<@UBOT> what is the LinkedIn case about?",
    }
    payload = {
        "token": "legacy",
        "team_id": TEAM_ID,
        "api_app_id": APP_ID,
        "type": "event_callback",
        "event": event,
        "event_id": "EvSocket1",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM_ID, "user_id": "UBOT", "is_bot": True}],
    }
    envelope_id = socket_bot.socket.send("events_api", payload)
    socket_bot.socket.wait_for_ack(envelope_id)
    [answer] = socket_bot.api.wait_for("chat.postMessage")
    assert answer.params["channel"] == "C1" and answer.params["thread_ts"] == event["ts"]


def test_a_refresh_request_reconnects_and_commands_keep_working(socket_bot: SocketBot) -> None:
    before = socket_bot.socket.sessions
    socket_bot.socket.ask_to_reconnect()
    # the SDK swaps sessions only once the old socket's 3 s receive timeout lets it go
    socket_bot.socket.wait_until(
        lambda: socket_bot.socket.sessions > before, "a new connection", timeout=10
    )
    socket_bot.api.wait_for("apps.connections.open")
    respond_to = socket_bot.api.response_url("again")
    envelope_id = socket_bot.socket.send("slash_commands", slash_command("help", respond_to))
    socket_bot.socket.wait_for_ack(envelope_id, timeout=10)
    socket_bot.api.wait_for("response_url", timeout=10, where=lambda c: c.path.endswith("/again"))


def test_stop_closes_the_socket_within_the_clients_receive_timeout(tmp_path: Path) -> None:
    with socket_mode_bot(tmp_path) as bot:
        bot.socket.wait_connected()
        started = time.monotonic()
        bot.server.stop()
        bot.socket.wait_disconnected()
        assert time.monotonic() - started < 4.5  # the SDK's receive timeout is 3 s
