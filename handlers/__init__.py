"""Slack listeners, grouped by kind; each module has register(app, services)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from slack_bolt import App

    from handlers.services import SlackServices


def register_all(app: App, services: SlackServices) -> None:
    """Wire every listener module to the bolt app (imported here, not at package import)."""
    from handlers import actions, commands, events, home

    for module in (commands, events, actions, home):
        module.register(app, services)
