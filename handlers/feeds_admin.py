"""`/privacy feeds`: list feeds with their health; admins add and remove feeds. A URL
typed in Slack is untrusted: only public http(s) addresses are accepted."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bot.errors import UnsafeURLError
from bot.render.blocks import Message
from bot.render.cards import render_feeds, render_text
from handlers.services import SlackServices


def run_feeds(action: str, argument: str, user: str, services: SlackServices) -> Message:
    if action == "list":
        return render_feeds(services.feeds.list_feeds())
    if user not in services.admin_user_ids:
        return render_text("Only admins (ADMIN_USER_IDS) can add or remove feeds.")
    if action == "add":
        return _add(argument, user, services)
    return _remove(argument, services)


def _add(url: str, user: str, services: SlackServices) -> Message:
    try:
        services.check_url(url)
    except UnsafeURLError as error:
        return render_text(f"Refused {url}: {error.reason}")
    name = feed_name_for(url)
    try:
        services.feeds.add_feed(name, url, user, services.clock())
    except ValueError as error:  # the name is taken
        return render_text(f"Not added: {error}")
    return render_text(f"Added feed {name} ({url}); it is polled from the next tick.")


def _remove(name: str, services: SlackServices) -> Message:
    if services.feeds.remove_feed(name):
        return render_text(f"Removed feed {name} and its stories.")
    return render_text(f"No feed is named {name}. `/privacy feeds` lists them.")


def feed_name_for(url: str) -> str:
    """A readable, stable name from the URL: host plus path, e.g. `example.com-rss`."""
    parts = urlsplit(url)
    host = (parts.hostname or "feed").removeprefix("www.")
    path = re.sub(r"[^a-z0-9]+", "-", parts.path.lower()).strip("-")
    return f"{host}-{path}"[:190].strip("-") if path else host
