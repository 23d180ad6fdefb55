"""HTTP mode: Slack requests are verified exactly as Slack signs them; health answers."""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

import httpx

from tests.fakes.slack_requests import sign
from tests.handlers.conftest import RunningBot

BODY = urlencode({"command": "/privacy", "text": "help", "user_id": "U1", "channel_id": "C1"})
FORM = "application/x-www-form-urlencoded"


def test_unsigned_requests_are_refused(bot: RunningBot) -> None:
    response = bot.slack.http.post(bot.slack.url, content=BODY, headers={"Content-Type": FORM})
    assert response.status_code == 401


def test_forged_signatures_are_refused(bot: RunningBot) -> None:
    forged = sign(BODY, int(time.time()), secret="not-the-secret")
    assert bot.slack.post(BODY, FORM, signature=forged).status_code == 401


def test_requests_older_than_five_minutes_are_refused(bot: RunningBot) -> None:
    assert bot.slack.post(BODY, FORM, timestamp=int(time.time()) - 301).status_code == 401
    assert bot.api.calls_to("response_url") == []


def test_url_verification_echoes_the_challenge(bot: RunningBot) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "t"})
    response = bot.slack.post(body, "application/json")
    assert response.status_code == 200 and "abc123" in response.text


def test_healthz_reports_the_database(bot: RunningBot) -> None:
    base = bot.slack.url.removesuffix("/slack/events")
    response = httpx.get(base + "/healthz")
    assert response.status_code == 200 and response.json() == {"ok": True, "db": "ok"}
    assert httpx.get(base + "/nowhere").status_code == 404
