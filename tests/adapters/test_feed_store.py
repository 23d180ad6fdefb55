"""FeedStore on SQLite and PostgreSQL: config sync, Slack feeds, leases, outcomes."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import Engine

from bot.adapters.db.engine import make_session_factory
from bot.adapters.db.feed_store import FeedStore
from bot.domain.models import FeedConfig
from tests.conftest import FakeClock


def _store(engine: Engine) -> FeedStore:
    return FeedStore(make_session_factory(engine))


def _feeds(count: int) -> list[FeedConfig]:
    return [FeedConfig(name=f"feed-{i}", url=f"http://127.0.0.1/{i}.xml") for i in range(count)]


def test_sync_config_inserts_updates_and_disables_removed_feeds(
    engine: Engine, clock: FakeClock
) -> None:
    store = _store(engine)
    store.sync_config(_feeds(3), clock.now)
    store.sync_config(
        [FeedConfig(name="feed-0", url="http://127.0.0.1/new.xml", tags=("court",))], clock.now
    )
    feeds = {feed.name: feed for feed in store.list_feeds()}
    assert feeds["feed-0"].url == "http://127.0.0.1/new.xml"
    assert feeds["feed-0"].tags == ("court",)
    assert not feeds["feed-1"].enabled
    assert feeds["feed-1"].disabled_reason == "removed from the feeds file"
    store.sync_config(_feeds(2), clock.now)
    assert store.get("feed-1") is not None and store.get("feed-1").enabled  # type: ignore[union-attr]


def test_sync_config_never_touches_slack_added_feeds(engine: Engine, clock: FakeClock) -> None:
    store = _store(engine)
    added = store.add_feed("slack-feed", "https://example.com/rss", "U123", clock.now)
    store.sync_config(_feeds(1), clock.now)
    assert added.trusted is False
    assert store.get("slack-feed") == added
    assert store.remove_feed("slack-feed") is True
    assert store.remove_feed("slack-feed") is False
    assert store.get("slack-feed") is None


def test_claim_due_leases_each_feed_once_until_the_lease_expires(
    engine: Engine, clock: FakeClock
) -> None:
    store = _store(engine)
    store.sync_config(_feeds(3), clock.now)
    first = store.claim_due(clock.now, "a", limit=2, lease_seconds=60)
    second = store.claim_due(clock.now, "b", limit=10, lease_seconds=60)
    assert len(first) == 2 and len(second) == 1
    assert not {f.id for f in first} & {f.id for f in second}
    assert store.claim_due(clock.now, "c") == []
    clock.advance(seconds=61)
    assert len(store.claim_due(clock.now, "c")) == 3


def test_two_owners_claiming_concurrently_never_get_the_same_feed(
    engine: Engine, clock: FakeClock
) -> None:
    store = _store(engine)
    store.sync_config(_feeds(60), clock.now)
    barrier = threading.Barrier(4)
    claims: dict[str, list[int]] = {}

    def claim(owner: str) -> None:
        barrier.wait(timeout=10)
        ids: list[int] = []
        while batch := store.claim_due(clock.now, owner, limit=5):
            ids += [feed.id for feed in batch]
        claims[owner] = ids

    threads = [threading.Thread(target=claim, args=(f"owner-{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    everything = [feed_id for ids in claims.values() for feed_id in ids]
    assert len(claims) == 4
    assert sorted(everything) == sorted(set(everything))
    assert len(everything) == 60


def test_success_schedules_the_next_check_and_clears_errors(
    engine: Engine, clock: FakeClock
) -> None:
    store = _store(engine)
    store.sync_config(_feeds(1), clock.now)
    (feed,) = store.claim_due(clock.now, "a")
    assert feed.first_poll
    store.record_error(
        feed.id, now=clock.now, reason="HTTP 500", status=500, next_check_at=clock.now
    )
    (feed,) = store.claim_due(clock.now, "a")
    assert feed.consecutive_errors == 1 and feed.last_error == "HTTP 500"
    later = clock.now + timedelta(minutes=30)
    store.record_success(
        feed.id,
        now=clock.now,
        status=200,
        next_check_at=later,
        interval_s=1800,
        etag='"v1"',
        last_modified=None,
        body_hash="abc",
        title="Feed title",
    )
    state = store.get("feed-0")
    assert state is not None
    assert (state.consecutive_errors, state.last_error, state.etag) == (0, None, '"v1"')
    assert state.next_check_at == later and state.last_success_at == clock.now
    assert not state.first_poll and state.title == "Feed title"
    assert store.claim_due(clock.now, "a") == []


def test_not_modified_keeps_validators(engine: Engine, clock: FakeClock) -> None:
    store = _store(engine)
    store.sync_config(_feeds(1), clock.now)
    (feed,) = store.claim_due(clock.now, "a")
    later = clock.now + timedelta(hours=1)
    store.record_success(
        feed.id,
        now=clock.now,
        status=200,
        next_check_at=clock.now,
        interval_s=60,
        etag='"v1"',
        last_modified="Tue, 01 Nov 2026 00:00:00 GMT",
        body_hash="abc",
    )
    store.record_not_modified(feed.id, now=clock.now, next_check_at=later, interval_s=3600)
    state = store.get("feed-0")
    assert state is not None
    assert state.etag == '"v1"' and state.last_status == 304 and state.next_check_at == later


def test_error_with_disable_reason_turns_the_feed_off(engine: Engine, clock: FakeClock) -> None:
    store = _store(engine)
    store.sync_config(_feeds(1), clock.now)
    (feed,) = store.claim_due(clock.now, "a")
    store.record_error(
        feed.id,
        now=clock.now,
        reason="HTTP 410 Gone",
        status=410,
        next_check_at=clock.now,
        disable_reason="the feed is gone (HTTP 410)",
    )
    state = store.get("feed-0")
    assert state is not None and not state.enabled
    assert state.disabled_reason == "the feed is gone (HTTP 410)"
    assert store.claim_all(clock.now, "a") == []
