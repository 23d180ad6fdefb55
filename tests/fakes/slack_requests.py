"""Requests as Slack sends them to /slack/events: signed with the signing secret exactly
as Slack signs (v0 HMAC-SHA256 over "v0:{timestamp}:{body}"), as form or JSON bodies."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from typing import Any
from urllib.parse import urlencode

import httpx

from tests.fakes.fake_slack_api import TEAM_ID

SECRET = "test-signing-secret"
_ids = itertools.count(1)


def sign(body: str, timestamp: int, secret: str = SECRET) -> str:
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


class SlackSender:
    """Posts to a running bot's /slack/events like Slack does."""

    def __init__(self, base_url: str, secret: str = SECRET) -> None:
        self.url = base_url.rstrip("/") + "/slack/events"
        self.secret = secret
        self.http = httpx.Client(timeout=10)

    def post(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        signature: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        stamp = int(time.time()) if timestamp is None else timestamp
        sent = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": str(stamp),
            "X-Slack-Signature": signature
            if signature is not None
            else sign(body, stamp, self.secret),
            **(headers or {}),
        }
        return self.http.post(self.url, content=body.encode(), headers=sent)

    def command(
        self, text: str, response_url: str, user: str = "U1", channel: str = "C1"
    ) -> httpx.Response:
        form = {
            "token": "legacy",
            "team_id": TEAM_ID,
            "team_domain": "fake",
            "channel_id": channel,
            "channel_name": "privacy",
            "user_id": user,
            "user_name": "lawyer",
            "command": "/privacy",
            "text": text,
            "api_app_id": "A1",
            "response_url": response_url,
            "trigger_id": "1.2.3",
        }
        return self.post(urlencode(form), "application/x-www-form-urlencoded")

    def event(self, event: dict[str, Any], headers: dict[str, str] | None = None) -> httpx.Response:
        envelope = {
            "token": "legacy",
            "team_id": TEAM_ID,
            "api_app_id": "A1",
            "type": "event_callback",
            "event": event,
            "event_id": f"Ev{next(_ids)}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": "UBOT", "is_bot": True}],
        }
        return self.post(json.dumps(envelope), "application/json", headers=headers)

    def click(
        self, action_id: str, value: str, response_url: str, channel: str = "C1", user: str = "U1"
    ) -> httpx.Response:
        payload = {
            "type": "block_actions",
            "team": {"id": TEAM_ID},
            "user": {"id": user},
            "api_app_id": "A1",
            "channel": {"id": channel},
            "container": {"type": "message"},
            "message": {"ts": "1700000000.000001", "text": "alert"},
            "response_url": response_url,
            "trigger_id": "1.2.3",
            "actions": [
                {
                    "type": "button",
                    "action_id": action_id,
                    "block_id": "b",
                    "value": value,
                    "action_ts": "1700000001.0",
                }
            ],
        }
        return self.post(
            urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
        )
