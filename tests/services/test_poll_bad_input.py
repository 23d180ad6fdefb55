"""Every kind of broken feed, through the real HTTP path in one poll cycle: each is
recorded as that feed's error with a readable reason and the good feed still works."""

from __future__ import annotations

import gzip
import os
import socket
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from bot.adapters.db.engine import make_engine, make_session_factory, upgrade_schema
from bot.adapters.db.feed_store import FeedStore
from bot.adapters.db.story_store import StoryStore
from bot.adapters.fetch import HttpFetcher
from bot.domain.models import FeedConfig
from bot.domain.schedule import DISABLE_AFTER_ERRORS
from bot.services.poll import Poller, PollReport
from tests.adapters.test_parse import BILLION_LAUGHS, xxe
from tests.conftest import FakeClock
from tests.support.feed_server import FeedServer, Route, rss

SECRET = "XXE-SECRET-6f1d2"
GOOD = rss([{"title": "Good story", "guid": "good-1"}])
ERRORS = {
    "stall": "timed out",
    "drip": "too slow",
    "huge": "larger than",
    "bomb": "larger than",
    "loop": "redirect loop",
    "missing": "HTTP 404",
    "busy": "HTTP 429",
    "broken": "HTTP 500",
    "html": "HTML page, not a feed",
    "invalid": "not a readable feed",
    "empty": "empty body",
    "noise": "not",
}


@pytest.fixture(scope="module")
def shared_server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


def _routes(server: FeedServer, tmp_path: Path, clock: FakeClock) -> dict[str, str]:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    future = (clock.now + timedelta(days=300)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    mixed = "<rss version='2.0'><channel><title>Mixed</title><item><guid>m1</guid><title>Café "
    mixed_body = mixed.encode() + "Société".encode("latin-1") + b"</title></item></channel></rss>"
    dupes = [{"guid": "same", "title": "One"}, {"guid": "same", "title": "Two"}]
    bare = [{"description": "No guid, link or date here"}, {"title": "Only a title"}]
    routes = {
        "good": Route(body=GOOD),
        "stall": Route(body=GOOD, stall_s=5),
        "drip": Route(body=GOOD, drip_s=0.4),
        "huge": Route(body=b"<rss>" + b"x" * 300_000),
        "bomb": Route(body=gzip.compress(b" " * 30_000_000), headers={"Content-Encoding": "gzip"}),
        "loop": Route(status=302, headers={"Location": "/loop"}),
        "missing": Route(status=404),
        "gone": Route(status=410),
        "busy": Route(status=429, headers={"Retry-After": "7200"}),
        "broken": Route(status=500),
        "html": Route(body=b"<!doctype html><html><body>Welcome</body></html>"),
        "invalid": Route(body=b"<rss><channel><title>unclosed <b></channel"),
        "empty": Route(body=b""),
        "noise": Route(body=os.urandom(4096)),
        "laughs": Route(body=BILLION_LAUGHS),
        "xxe": Route(body=xxe(secret)),
        "mixed": Route(body=mixed_body),
        "dupes": Route(body=rss(dupes)),
        "bare": Route(body=rss(bare)),
        "future": Route(body=rss([{"guid": "f1", "title": "From the future", "pubDate": future}])),
    }  # fmt: skip
    urls = {name: server.add(f"/{name}", route) for name, route in routes.items()}
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        urls["refused"] = f"http://127.0.0.1:{probe.getsockname()[1]}/feed"
    return urls


def _poll(
    sqlite_engine: Engine, urls: dict[str, str], clock: FakeClock
) -> tuple[PollReport, FeedStore]:
    sessions = make_session_factory(sqlite_engine)
    feeds = FeedStore(sessions)
    feeds.sync_config([FeedConfig(name=name, url=url) for name, url in urls.items()], clock.now)
    fetcher = HttpFetcher(connect_timeout=1, read_timeout=0.5, deadline_s=1, max_bytes=200_000)
    poller = Poller(
        feeds, StoryStore(sessions), fetcher, backfill_days=7, owner="t", max_workers=24
    )
    return poller.poll_all(clock.now), feeds


@pytest.fixture(scope="module")
def cycle_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('db') / 'bot.db'}")
    upgrade_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def cycle(
    shared_server: FeedServer, cycle_engine: Engine, tmp_path_factory: pytest.TempPathFactory
) -> tuple[PollReport, FeedStore]:
    """One poll over every broken feed, shared by the tests that read its outcome."""
    clock = FakeClock()
    urls = _routes(shared_server, tmp_path_factory.mktemp("files"), clock)
    return _poll(cycle_engine, urls, clock)


def test_each_broken_feed_is_its_own_error_with_a_readable_reason(
    cycle: tuple[PollReport, FeedStore],
) -> None:
    report, feeds = cycle
    by_name = {feed.name: feed for feed in report.feeds}
    for name, reason in ERRORS.items():
        assert by_name[name].status == "error", name
        assert reason in (by_name[name].error or ""), (name, by_name[name].error)
        state = feeds.get(name)
        assert state is not None and state.consecutive_errors == 1 and state.last_error
    assert "could not connect" in (by_name["refused"].error or "")
    assert [n.story.title for n in by_name["good"].new] == ["Good story"]


def test_gone_feed_is_disabled_and_429_waits_for_retry_after(
    cycle: tuple[PollReport, FeedStore], clock: FakeClock
) -> None:
    _, feeds = cycle
    gone, busy = feeds.get("gone"), feeds.get("busy")
    assert gone is not None and not gone.enabled and "410" in (gone.disabled_reason or "")
    assert busy is not None and busy.next_check_at is not None
    assert busy.next_check_at >= clock.now + timedelta(seconds=7200)


def test_hostile_xml_is_harmless(cycle: tuple[PollReport, FeedStore], cycle_engine: Engine) -> None:
    report, _ = cycle
    by_name = {feed.name: feed for feed in report.feeds}
    assert all(len(n.story.title) < 200 for n in by_name["laughs"].new)
    with cycle_engine.connect() as conn:
        dump = " ".join(str(row) for row in conn.execute(text("SELECT * FROM stories")))
    assert SECRET not in dump


def test_odd_but_valid_entries_become_stories(
    cycle: tuple[PollReport, FeedStore], clock: FakeClock
) -> None:
    report, _ = cycle
    by_name = {feed.name: feed for feed in report.feeds}
    assert [n.story.title for n in by_name["dupes"].new] == ["One"]
    bare = [n.story for n in by_name["bare"].new]
    assert len(bare) == 2 and len({story.identity for story in bare}) == 2
    (future,) = by_name["future"].new
    assert future.story.published == clock.now
    (mixed,) = by_name["mixed"].new
    assert mixed.story.title.startswith("Café ")


def test_repeated_failures_back_off_then_disable_the_feed(
    server: FeedServer, sqlite_engine: Engine, clock: FakeClock
) -> None:
    url = server.add("/broken", status=500)
    sessions = make_session_factory(sqlite_engine)
    feeds = FeedStore(sessions)
    feeds.sync_config([FeedConfig(name="broken", url=url)], clock.now)
    poller = Poller(feeds, StoryStore(sessions), HttpFetcher(), backfill_days=7, owner="t")
    delays = []
    for _ in range(DISABLE_AFTER_ERRORS):
        (report,) = poller.poll_due(clock.now).feeds
        state = feeds.get("broken")
        assert state is not None and state.next_check_at is not None
        delays.append(state.next_check_at - clock.now)
        clock.now = state.next_check_at
    assert delays == sorted(delays) and delays[1] == 2 * delays[0]
    assert report.status == "disabled"
    state = feeds.get("broken")
    assert state is not None and state.disabled_reason and "HTTP 500" in state.disabled_reason
    assert poller.poll_due(clock.now + timedelta(days=30)).feeds == ()
