"""Posts and edits messages through the Slack Web API and turns slack_sdk failures into
DeliveryError: retryable or not, and how long Slack asked us to wait."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web import SlackResponse

from bot.errors import DeliveryError
from bot.services.ports import Message

# Slack errors that a later attempt can cure without anyone changing the message.
# Auth errors are here on purpose: an operator fixes the token and the queue flows on,
# rather than every alert of the outage being marked dead.
_RETRYABLE = frozenset(
    {
        "ratelimited", "internal_error", "fatal_error", "service_unavailable",
        "request_timeout", "invalid_auth", "not_authed", "token_revoked", "account_inactive",
        "team_access_not_granted",
    }
)  # fmt: skip


class SlackNotifier:
    def __init__(self, client: WebClient) -> None:
        self._client = client

    def post(
        self,
        channel: str,
        message: Message,
        *,
        thread_ts: str | None = None,
        broadcast: bool = False,
    ) -> str:
        arguments: dict[str, Any] = dict(
            channel=channel,
            text=message.get("text", ""),
            blocks=message.get("blocks") or None,
            unfurl_links=False,  # the alert already shows the source; previews add noise
            unfurl_media=False,
        )
        if thread_ts:
            arguments.update(thread_ts=thread_ts, reply_broadcast=broadcast)
        response = _call(self._client.chat_postMessage, arguments)
        return str(response["ts"])

    def update(self, channel: str, ts: str, message: Message) -> None:
        """Replace a posted message's text and blocks (chat.update)."""
        arguments: dict[str, Any] = dict(
            channel=channel, ts=ts, text=message.get("text", ""), blocks=message.get("blocks")
        )
        _call(self._client.chat_update, arguments)


def _call(method: Callable[..., SlackResponse], arguments: dict[str, Any]) -> SlackResponse:
    try:
        return method(**arguments)
    except SlackApiError as error:
        raise _api_error(error) from error
    except (SlackClientError, OSError) as error:  # network: refused, reset, timeout
        raise DeliveryError(f"network error: {error}", retryable=True) from error


def _api_error(error: SlackApiError) -> DeliveryError:
    response = error.response
    status = response.status_code
    code = str(response.get("error", "") if isinstance(response.data, dict) else "") or str(status)
    if status == 429 or code == "ratelimited":
        return DeliveryError("ratelimited", retryable=True, retry_after=_retry_after(response))
    retryable = status >= 500 or code in _RETRYABLE
    return DeliveryError(f"{code} (HTTP {status})", retryable=retryable)


def _retry_after(response: Any) -> float:
    headers = {k.lower(): v for k, v in (response.headers or {}).items()}
    value = headers.get("retry-after")
    if isinstance(value, list):
        value = value[0] if value else None
    try:
        return max(1.0, float(value)) if value is not None else 1.0
    except ValueError:
        return 1.0
