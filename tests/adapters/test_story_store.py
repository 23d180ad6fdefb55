"""StoryStore.insert_new on SQLite and PostgreSQL: only new entries, backfill marking,
duplicates inside one batch, and two processes racing over the same feed."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, func, select

from bot.adapters.db.engine import make_session_factory
from bot.adapters.db.feed_store import FeedStore
from bot.adapters.db.story_store import StoryStore
from bot.adapters.db.tables import StoryRow
from bot.domain.models import FeedConfig, Story

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def _story(identity: str, days_old: float | None = 0) -> Story:
    published = None if days_old is None else NOW - timedelta(days=days_old)
    return Story(
        identity=identity,
        feed_name="f",
        title=f"Title {identity}",
        summary="Summary",
        url=f"https://example.com/{identity}",
        published=published,
        outlet="Example",
        guid=identity,
    )


def _setup(engine: Engine) -> tuple[StoryStore, int]:
    sessions = make_session_factory(engine)
    feeds = FeedStore(sessions)
    feeds.sync_config([FeedConfig(name="f", url="http://127.0.0.1/f")], NOW)
    feed = feeds.get("f")
    assert feed is not None
    return StoryStore(sessions), feed.id


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(StoryRow)) or 0)


def test_only_new_identities_are_stored_and_returned(engine: Engine) -> None:
    store, feed_id = _setup(engine)
    first = store.insert_new(feed_id, [_story("a"), _story("b")], NOW)
    second = store.insert_new(feed_id, [_story("b"), _story("c")], NOW)
    assert [n.story.identity for n in first] == ["a", "b"]
    assert [n.story.identity for n in second] == ["c"]
    assert _count(engine) == 3
    stored = store.get(second[0].story_id)
    assert stored is not None and stored.title == "Title c" and stored.published == NOW


def test_duplicate_guid_in_one_feed_is_stored_once(engine: Engine) -> None:
    store, feed_id = _setup(engine)
    new = store.insert_new(feed_id, [_story("a"), _story("a"), _story("b")], NOW)
    assert [n.story.identity for n in new] == ["a", "b"]
    assert _count(engine) == 2


def test_first_poll_marks_old_and_undated_stories_as_backfill(engine: Engine) -> None:
    store, feed_id = _setup(engine)
    stories = [_story("recent", 1), _story("old", 30), _story("undated", None)]
    new = store.insert_new(feed_id, stories, NOW, backfill_cutoff=NOW - timedelta(days=7))
    assert {n.story.identity: n.backfill for n in new} == {
        "recent": False,
        "old": True,
        "undated": True,
    }


def test_racing_inserts_store_each_story_once(engine: Engine) -> None:
    store, feed_id = _setup(engine)
    batch = [_story(str(i)) for i in range(200)]
    barrier = threading.Barrier(3)
    results: list[int] = []

    def insert() -> None:
        barrier.wait(timeout=10)
        results.append(len(store.insert_new(feed_id, batch, NOW)))

    threads = [threading.Thread(target=insert) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sum(results) == 200 and _count(engine) == 200
