"""The alert buttons: Track, Not relevant (feedback for retraining; the case stops in this
channel) and Mute source. Each confirms what it did, visible only to the user."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.render.cards import render_text
from handlers.services import SlackServices

ButtonRunner = Callable[[dict[str, int], str, str, SlackServices], str]


def register(app: App, services: SlackServices) -> None:
    for action_id, runner in BUTTONS.items():
        app.action(action_id)(_listener(runner, services))


def _listener(runner: ButtonRunner, services: SlackServices) -> Callable[..., None]:
    def on_click(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        ids = _ids(action.get("value", ""))
        channel, user = body["channel"]["id"], body["user"]["id"]
        confirmation = runner(ids, channel, user, services)
        respond(**render_text(confirmation), response_type="ephemeral", replace_original=False)

    return on_click


def _ids(value: str) -> dict[str, int]:
    try:
        parsed = json.loads(value)
    except ValueError:
        return {}
    return (
        {k: int(v) for k, v in parsed.items() if isinstance(v, int)}
        if isinstance(parsed, dict)
        else {}
    )


def track(ids: dict[str, int], channel: str, user: str, services: SlackServices) -> str:
    if "case" not in ids:
        return "This alert has no case to track."
    services.state.track(channel, ids["case"], user, services.clock())
    return f"Tracking case #{ids['case']} in this channel: its updates will be posted here."


def not_relevant(ids: dict[str, int], channel: str, user: str, services: SlackServices) -> str:
    now = services.clock()
    services.state.record_feedback(
        story_id=ids.get("story"), case_id=ids.get("case"), channel=channel, user=user,
        label="not_relevant", now=now,
    )  # fmt: skip
    if "case" in ids:
        services.state.mute_case(channel, ids["case"], now)
    case = ids.get("case", "?")
    return f"Thanks: noted as not relevant. Case #{case} will not be posted here again."


def mute_source(ids: dict[str, int], channel: str, user: str, services: SlackServices) -> str:
    if "feed" not in ids:
        return "This alert has no source to mute."
    services.state.mute_feed(channel, ids["feed"], services.clock())
    name = services.state.feed_name(ids["feed"]) or f"feed {ids['feed']}"
    return f"Muted {name} in this channel."


BUTTONS: dict[str, ButtonRunner] = {
    "track_case": track,
    "not_relevant": not_relevant,
    "mute_source": mute_source,
}
