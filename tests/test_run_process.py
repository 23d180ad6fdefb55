"""`privacy-bot run` as an operator runs it: a real process that polls at start, prints
alerts in console mode, and stops cleanly on Ctrl-C (SIGINT) and on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from bot.adapters.db.tables import OutboxRow
from tests.support.feed_server import FeedServer
from tests.test_main_job import INMAIL, environment, rss


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


def wait_for_output(process: subprocess.Popen[str], needle: str, seconds: float) -> str:
    """Read lines until `needle` shows up or the deadline passes."""
    assert process.stdout is not None
    seen: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        if needle in line:
            return "".join(seen)
    raise AssertionError(f"{needle!r} not printed within {seconds}s:\n{''.join(seen)}")


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_run_polls_at_start_prints_the_alert_and_stops_cleanly(
    tmp_path: Path, server: FeedServer, stop_signal: int
) -> None:
    url = server.add("/feed.xml", body=rss([INMAIL], datetime.now(UTC) - timedelta(hours=1)))
    with running_bot(environment(tmp_path, server, {"Legal Wire": url})) as process:
        printed = wait_for_output(process, "Stored Communications Act", 60)
        assert "mode: console" in printed
        process.send_signal(stop_signal)
        assert process.wait(timeout=30) == 0


@contextmanager
def running_bot(settings: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    """`python -m bot run` with these settings and no Slack credentials from the caller's
    environment; killed at the end if a test left it running."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")} | settings
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_http_mode_starts_and_queues_alerts_while_slack_is_unreachable(
    tmp_path: Path, server: FeedServer
) -> None:
    url = server.add("/feed.xml", body=rss([INMAIL], datetime.now(UTC) - timedelta(hours=1)))
    port, dead_slack = free_port(), free_port()  # nothing listens on `dead_slack`
    settings = environment(tmp_path, server, {"Legal Wire": url}) | {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": "secret",
        "SLACK_API_URL": f"http://127.0.0.1:{dead_slack}/api/",
        "SLACK_ALERT_CHANNEL": "C0ALERTS",
        "PORT": str(port),
    }
    with running_bot(settings) as process:
        wait_for_output(process, "is running", 60)
        health = wait_for_health(port, 30)
        assert health == {"ok": True, "db": "ok"}
        assert wait_for_queued_alert(tmp_path / "bot.db", 30) == "pending"
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0


def wait_for_health(port: int, seconds: float) -> dict[str, object]:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as reply:
                return dict(json.loads(reply.read()))
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.1)  # polling a server that is starting up; bounded by the deadline


def wait_for_queued_alert(db: Path, seconds: float) -> str:
    engine = create_engine(f"sqlite:///{db}")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with engine.connect() as connection:
            status = connection.execute(select(OutboxRow.status)).scalar()
        if status is not None:
            return str(status)
        time.sleep(0.1)  # the poll tick runs in the other process; bounded by the deadline
    raise AssertionError("no alert was queued")
