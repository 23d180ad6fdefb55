"""Fetched bytes into stories: parse, then normalize every entry. A plain top-level
function over picklable data, so the poller can run it in a process pool and use
every core for feedparser's pure-Python work."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from bot.adapters.parse import parse_feed
from bot.domain.models import Story
from bot.domain.normalize import normalize_entry, rejection_reason


@dataclass(frozen=True, slots=True)
class IngestResult:
    title: str
    ttl_minutes: int | None
    stories: tuple[Story, ...]
    warning: str | None = None
    rejected: tuple[str, ...] = ()  # one reason per entry that did not become a story


def ingest_feed(
    body: bytes, headers: Mapping[str, str], url: str, feed_name: str, now: datetime
) -> IngestResult:
    """Raises ParseError when the bytes hold no usable feed."""
    parsed = parse_feed(body, headers, url)
    outlet = parsed.title or urlsplit(url).hostname or feed_name
    stories: list[Story] = []
    rejected: list[str] = []
    seen: set[str] = set()
    for number, entry in enumerate(parsed.entries, start=1):
        story = normalize_entry(entry, feed_name=feed_name, outlet=outlet, now=now)
        reason = rejection_reason(story, seen)
        if reason is None:
            seen.add(story.identity)
            stories.append(story)
        else:
            rejected.append(f"entry {number}: {reason}")
    return IngestResult(
        parsed.title, parsed.ttl_minutes, tuple(stories), parsed.warning, tuple(rejected)
    )
