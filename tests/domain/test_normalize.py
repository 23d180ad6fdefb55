"""normalize: identities, canonical URLs, clean text and dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from bot.domain.models import Story
from bot.domain.normalize import RawEntry, canonical_url, clean_text, normalize_entry

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def _story(**fields: Any) -> Story:
    return normalize_entry(RawEntry(**fields), feed_name="f", outlet="Desk", now=NOW)


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://News.Example.COM:443/a/b?utm_source=rss&id=7#top", "https://news.example.com/a/b?id=7"),
        ("http://x.org/p?b=2&a=1&fbclid=Z&gclid=Y&mc_cid=1", "http://x.org/p?a=1&b=2"),
        ("http://x.org:8080", "http://x.org:8080/"),
        ("javascript:alert(1)", ""),
        ("not a url", ""),
        ("http://[::1", ""),
    ],
)  # fmt: skip
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_identity_prefers_guid_then_link_then_title_and_date() -> None:
    assert _story(guid="abc", link="http://x.org/1").identity == "guid:abc"
    assert _story(link="http://x.org/1?utm_medium=x").identity == "url:http://x.org/1"
    by_title = _story(title="Same", published=NOW)
    assert by_title.identity.startswith("hash:")
    assert by_title.identity == _story(title="Same", published=NOW).identity
    assert by_title.identity != _story(title="Same", published=NOW - timedelta(days=1)).identity


def test_very_long_guid_is_hashed_to_fit() -> None:
    identity = _story(guid="g" * 5000).identity
    assert len(identity) <= 300 and identity.startswith("guid:")


def test_text_is_plain_clean_and_capped() -> None:
    html = "<p>Fine&nbsp;of <b>&euro;1.2bn</b></p>\x00<script>evil()</script>  next\u200bword"
    assert clean_text(html, 100) == "Fine of €1.2bn nextword"
    long = clean_text("word " * 2000, 100)
    assert len(long) <= 100 and long.endswith("…")


def test_times_are_utc_and_future_dates_are_clamped() -> None:
    plus_two = timezone(timedelta(hours=2))
    assert _story(published=datetime(2026, 11, 1, 12, 0, tzinfo=plus_two)).published == datetime(
        2026, 11, 1, 10, 0, tzinfo=UTC
    )
    assert _story(published=NOW + timedelta(days=400)).published == NOW
    assert _story(updated=NOW - timedelta(hours=1)).published == NOW - timedelta(hours=1)
    assert _story(title="no date").published is None


def test_an_entry_with_no_title_summary_or_link_is_skipped_with_a_reason() -> None:
    from bot.domain.models import Story
    from bot.domain.normalize import rejection_reason

    empty = Story("guid:1", "feed", "", "", "", None)
    assert rejection_reason(empty, set()) == "no title, summary or link"


def test_a_repeated_identity_is_skipped_with_a_reason() -> None:
    from bot.domain.models import Story
    from bot.domain.normalize import rejection_reason

    story = Story("guid:1", "feed", "Title", "", "", None)
    assert rejection_reason(story, set()) is None
    assert rejection_reason(story, {"guid:1"}) == "repeats an earlier entry's identity"
