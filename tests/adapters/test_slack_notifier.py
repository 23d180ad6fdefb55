"""SlackNotifier through the real slack-sdk WebClient against the fake Slack API."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient

from bot.adapters.slack_notifier import SlackNotifier
from bot.errors import DeliveryError
from tests.fakes.fake_slack_api import FakeSlackApi, rate_limited, server_error, slack_error

MESSAGE = {
    "text": "New case: LinkedIn",
    "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "x"}}],
}


@pytest.fixture
def api() -> Iterator[FakeSlackApi]:
    with FakeSlackApi() as fake:
        yield fake


def notifier(api: FakeSlackApi) -> SlackNotifier:
    return SlackNotifier(WebClient(token="xoxb-test", base_url=api.url, retry_handlers=[]))


def test_posts_a_message_and_returns_its_ts(api: FakeSlackApi) -> None:
    ts = notifier(api).post("C1", MESSAGE)
    [call] = api.calls_to("chat.postMessage")
    assert ts.startswith("1700000000.")
    assert call.params["channel"] == "C1" and call.params["blocks"] == MESSAGE["blocks"]
    assert call.headers["Authorization"] == "Bearer xoxb-test"


def test_thread_replies_carry_thread_ts_and_broadcast(api: FakeSlackApi) -> None:
    notifier(api).post("C1", MESSAGE, thread_ts="1.2", broadcast=True)
    [call] = api.calls_to("chat.postMessage")
    assert call.params["thread_ts"] == "1.2" and call.params["reply_broadcast"] is True


def test_update_replaces_a_posted_message_by_its_ts(api: FakeSlackApi) -> None:
    notifier(api).update("C1", "1700000000.000001", MESSAGE)
    [call] = api.calls_to("chat.update")
    assert (call.params["channel"], call.params["ts"]) == ("C1", "1700000000.000001")
    assert call.params["blocks"] == MESSAGE["blocks"] and call.params["text"] == MESSAGE["text"]


def test_an_update_of_a_deleted_message_is_permanent(api: FakeSlackApi) -> None:
    api.script("chat.update", slack_error("message_not_found"))
    with pytest.raises(DeliveryError) as caught:
        notifier(api).update("C1", "1.2", MESSAGE)
    assert not caught.value.retryable and "message_not_found" in caught.value.reason


def test_429_becomes_a_retryable_error_with_retry_after(api: FakeSlackApi) -> None:
    api.script("chat.postMessage", rate_limited(7))
    with pytest.raises(DeliveryError) as caught:
        notifier(api).post("C1", MESSAGE)
    assert caught.value.retryable and caught.value.retry_after == 7


def test_server_errors_are_retryable(api: FakeSlackApi) -> None:
    api.script("chat.postMessage", server_error(502))
    with pytest.raises(DeliveryError) as caught:
        notifier(api).post("C1", MESSAGE)
    assert caught.value.retryable and caught.value.retry_after is None


def test_a_missing_channel_is_permanent(api: FakeSlackApi) -> None:
    api.script("chat.postMessage", slack_error("channel_not_found"))
    with pytest.raises(DeliveryError) as caught:
        notifier(api).post("C1", MESSAGE)
    assert not caught.value.retryable and "channel_not_found" in caught.value.reason


def test_network_errors_are_retryable() -> None:
    dead_end = WebClient(token="xoxb-test", base_url="http://127.0.0.1:9/api/", retry_handlers=[])
    with pytest.raises(DeliveryError) as caught:
        SlackNotifier(dead_end).post("C1", MESSAGE)
    assert caught.value.retryable
