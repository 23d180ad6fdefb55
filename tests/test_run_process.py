"""`privacy-bot run` as an operator runs it: a real process that polls at start, prints
alerts in console mode, and stops cleanly on Ctrl-C (SIGINT) and on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

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
    env = {**os.environ, **environment(tmp_path, server, {"Legal Wire": url})}
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
        env.pop(name, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        printed = wait_for_output(process, "Stored Communications Act", 60)
        assert "mode: console" in printed
        process.send_signal(stop_signal)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
