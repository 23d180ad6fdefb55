"""The Slack app manifest matches what the bot serves and listens to."""

from __future__ import annotations

from pathlib import Path

import yaml

from handlers.actions import BUTTONS

ROOT = Path(__file__).resolve().parents[2]


def test_manifest_routes_everything_to_slack_events() -> None:
    manifest = yaml.safe_load((ROOT / "manifest.yml").read_text())
    [command] = manifest["features"]["slash_commands"]
    settings = manifest["settings"]
    assert command["command"] == "/privacy"
    urls = [
        command["url"],
        settings["event_subscriptions"]["request_url"],
        settings["interactivity"]["request_url"],
    ]
    assert all(url.endswith("/slack/events") for url in urls)
    assert set(settings["event_subscriptions"]["bot_events"]) >= {
        "app_mention",
        "message.channels",
        "message.groups",
        "app_home_opened",
    }
    assert {"chat:write", "commands", "app_mentions:read"} <= set(
        manifest["oauth_config"]["scopes"]["bot"]
    )
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert settings["socket_mode_enabled"] is False


def test_every_alert_button_has_a_listener() -> None:
    assert set(BUTTONS) == {"track_case", "not_relevant", "mute_source"}
