"""Interfaces the Slack-side services need from adapters: where messages go."""

from __future__ import annotations

from typing import Any, Protocol

Message = dict[str, Any]  # {"text": fallback, "blocks": [...]}


class Notifier(Protocol):
    """Posts one message and returns its ts (Slack's id for it), or replaces a posted
    message's content; both raise DeliveryError."""

    def post(
        self,
        channel: str,
        message: Message,
        *,
        thread_ts: str | None = None,
        broadcast: bool = False,
    ) -> str: ...

    def update(self, channel: str, ts: str, message: Message) -> None: ...
