"""App Home: the cases the workspace tracks, with their latest development, and the
health of every feed. Published whenever a user opens the tab."""

from __future__ import annotations

from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.domain.models import Case
from bot.errors import NotFoundError
from bot.render.cards import render_home
from handlers.services import SlackServices


def register(app: App, services: SlackServices) -> None:
    def on_home_opened(event: dict[str, Any], client: WebClient) -> None:
        if event.get("tab", "home") == "home":
            client.views_publish(user_id=event["user"], view=home_view(services))

    app.event("app_home_opened")(on_home_opened)


def home_view(services: SlackServices) -> dict[str, Any]:
    return render_home(tracked_cases(services), services.feeds.list_feeds())


def tracked_cases(services: SlackServices) -> list[Case]:
    """Tracked cases, latest development first; a case deleted since is skipped."""
    cases = []
    for case_id in services.state.tracked_cases():
        try:
            cases.append(services.cases.get_case(str(case_id)))
        except NotFoundError:
            continue
    return sorted(
        cases, key=lambda c: c.last_update.isoformat() if c.last_update else "", reverse=True
    )
