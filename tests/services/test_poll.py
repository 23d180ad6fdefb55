"""Poller end to end: a real local HTTP server, real SQLite, the real fetcher."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from bot.adapters.db.engine import make_session_factory
from bot.adapters.db.feed_store import FeedStore
from bot.adapters.db.story_store import StoryStore
from bot.adapters.fetch import FetchResult, HttpFetcher
from bot.domain.models import FeedConfig
from bot.services.feeds_config import load_feeds
from bot.services.poll import Poller
from tests.conftest import FakeClock
from tests.support.feed_server import FeedServer, Route, rss

SAMPLE_FEEDS = Path(__file__).resolve().parents[2] / "samples" / "feeds.yaml"


def _date(clock: FakeClock, days: float) -> str:
    return (clock.now - timedelta(days=days)).strftime("%a, %d %b %Y %H:%M:%S +0000")


def _items(clock: FakeClock, prefix: str) -> list[dict[str, str]]:
    return [
        {"title": f"{prefix} recent", "guid": f"{prefix}-1", "pubDate": _date(clock, 1)},
        {"title": f"{prefix} old", "guid": f"{prefix}-2", "pubDate": _date(clock, 30)},
    ]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


@pytest.fixture
def stores(sqlite_engine: Engine) -> tuple[FeedStore, StoryStore]:
    sessions = make_session_factory(sqlite_engine)
    return FeedStore(sessions), StoryStore(sessions)


def _poller(stores: tuple[FeedStore, StoryStore], **options: object) -> Poller:
    fetcher = HttpFetcher(connect_timeout=1, read_timeout=1, deadline_s=2)
    return Poller(stores[0], stores[1], fetcher, backfill_days=7, owner="test", **options)  # type: ignore[arg-type]


def test_first_poll_stores_stories_and_backfills_old_ones(
    server: FeedServer, stores: tuple[FeedStore, StoryStore], clock: FakeClock
) -> None:
    url = server.add("/a", body=rss(_items(clock, "a"), title="Desk A"), etag='"1"')
    stores[0].sync_config([FeedConfig(name="A", url=url)], clock.now)
    report = _poller(stores).poll_all(clock.now)
    (feed,) = report.feeds
    assert (feed.name, feed.status, feed.error, feed.http_status) == ("A", "ok", None, 200)
    assert {n.story.title: n.backfill for n in report.new_stories} == {
        "a recent": False,
        "a old": True,
    }
    assert report.new_stories[0].story.outlet == "Desk A"


def test_second_poll_of_unchanged_feeds_is_conditional_and_stores_nothing(
    server: FeedServer, stores: tuple[FeedStore, StoryStore], clock: FakeClock
) -> None:
    modified = "Wed, 25 Nov 2026 08:00:00 GMT"
    etag_url = server.add("/etag", body=rss(_items(clock, "e")), etag='"v1"')
    date_url = server.add("/date", body=rss(_items(clock, "d")), last_modified=modified)
    plain_url = server.add("/plain", body=rss(_items(clock, "p")))
    stores[0].sync_config(
        [
            FeedConfig(name="etag", url=etag_url),
            FeedConfig(name="date", url=date_url),
            FeedConfig(name="plain", url=plain_url),
        ],
        clock.now,
    )
    poller = _poller(stores)
    assert len(poller.poll_all(clock.now).new_stories) == 6
    clock.advance(hours=7)
    second = poller.poll_all(clock.now)
    assert second.new_stories == []
    assert {f.name: f.status for f in second.feeds} == {
        "etag": "not_modified",
        "date": "not_modified",
        "plain": "unchanged",
    }
    assert server.seen("/etag")[-1].headers["if-none-match"] == '"v1"'
    assert server.seen("/date")[-1].headers["if-modified-since"] == modified


def test_changed_feed_yields_only_the_new_entry(
    server: FeedServer, stores: tuple[FeedStore, StoryStore], clock: FakeClock
) -> None:
    items = _items(clock, "c")
    url = server.add("/c", body=rss(items))
    stores[0].sync_config([FeedConfig(name="C", url=url)], clock.now)
    poller = _poller(stores)
    poller.poll_all(clock.now)
    server.add("/c", body=rss([{"title": "c newest", "guid": "c-3"}, *items]))
    report = poller.poll_all(clock.now)
    assert [(n.story.title, n.backfill) for n in report.new_stories] == [("c newest", False)]


def test_poll_due_skips_feeds_until_their_next_check(
    server: FeedServer, stores: tuple[FeedStore, StoryStore], clock: FakeClock
) -> None:
    url = server.add("/a", body=rss(_items(clock, "a"), extra="<ttl>60</ttl>"))
    stores[0].sync_config([FeedConfig(name="A", url=url)], clock.now)
    poller = _poller(stores)
    assert len(poller.poll_due(clock.now).feeds) == 1
    assert poller.poll_due(clock.now).feeds == ()
    state = stores[0].get("A")
    assert state is not None and state.current_interval_s is not None
    assert state.current_interval_s >= 3600  # never sooner than the feed's <ttl>
    clock.advance(seconds=state.current_interval_s)
    assert len(poller.poll_due(clock.now).feeds) == 1


def test_no_more_than_per_host_fetches_run_at_once(
    server: FeedServer, stores: tuple[FeedStore, StoryStore], clock: FakeClock
) -> None:
    feeds = []
    for n in range(6):
        url = server.add(f"/{n}", Route(body=rss([{"guid": str(n)}]), stall_s=0.15))
        feeds.append(FeedConfig(name=str(n), url=url))
    stores[0].sync_config(feeds, clock.now)
    report = _poller(stores, max_workers=6, per_host=2).poll_all(clock.now)
    assert [f.status for f in report.feeds] == ["ok"] * 6
    assert server.max_in_flight == 2


def test_parsing_in_a_process_pool_gives_the_same_stories(
    server: FeedServer, stores: tuple[FeedStore, StoryStore], clock: FakeClock
) -> None:
    url = server.add("/a", body=rss(_items(clock, "a")))
    stores[0].sync_config([FeedConfig(name="A", url=url)], clock.now)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        report = _poller(stores, parse_executor=pool).poll_all(clock.now)
    assert sorted(n.story.title for n in report.new_stories) == ["a old", "a recent"]


def test_offline_sample_polls_from_disk_and_alerts_on_recent_items(
    stores: tuple[FeedStore, StoryStore], clock: FakeClock
) -> None:
    stores[0].sync_config(load_feeds(SAMPLE_FEEDS), clock.now)
    poller = _poller(stores)
    report = poller.poll_all(clock.now)
    assert [f.status for f in report.feeds] == ["ok"] * 4
    alerts = {n.story.title for n in report.new_stories if not n.backfill}
    backfilled = {n.story.title for n in report.new_stories if n.backfill}
    assert len(report.new_stories) == 29 and len(backfilled) == 3
    assert any("Premium users' private messages" in title for title in alerts)
    assert any("$6.625 million" in title for title in alerts)  # new; classifying is later
    assert poller.poll_all(clock.now).new_stories == []


class _FirstFetchOutlivesTheLease:
    """The real fetcher, except that the first fetch "takes" 601 s on the clock, and
    another process polls meanwhile."""

    def __init__(self, clock: FakeClock, meanwhile: Callable[[], object]) -> None:
        self._fetcher = HttpFetcher(connect_timeout=1, read_timeout=1, deadline_s=2)
        self._clock, self._meanwhile, self._first = clock, meanwhile, True

    def fetch(self, url: str, **options: Any) -> FetchResult:
        if self._first:
            self._first = False
            self._clock.advance(seconds=601)
            self._meanwhile()
        return self._fetcher.fetch(url, **options)


def test_a_feed_whose_lease_ran_out_in_the_batch_is_not_fetched_twice(
    server: FeedServer, engine: Engine, clock: FakeClock
) -> None:
    sessions = make_session_factory(engine)
    feeds, stories = FeedStore(sessions), StoryStore(sessions)
    urls = [server.add(f"/{n}", body=rss(_items(clock, n))) for n in ("a", "b")]
    feeds.sync_config(
        [FeedConfig(name=n, url=u) for n, u in zip("ab", urls, strict=True)], clock.now
    )
    other = Poller(feeds, stories, HttpFetcher(), backfill_days=7, owner="other", clock=clock)
    slow = _FirstFetchOutlivesTheLease(clock, lambda: other.poll_due(clock.now))
    poller = Poller(feeds, stories, slow, backfill_days=7, owner="slow", max_workers=1, clock=clock)

    report = poller.poll_due(clock.now)

    assert len(server.seen("/b")) == 1  # "other" took b while it waited behind a
    assert [feed.name for feed in report.feeds] == ["a"]
