"""feedparser's own 2,106 test feeds, served from a local HTTP server and polled through
the real poller: nothing crashes, a feed that fails says why, and every entry a feed has
becomes a story or is skipped with a reason. Skipped when the shared corpus is absent
(a user's clone has no ../shared)."""

from __future__ import annotations

import functools
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import feedparser
import pytest
from sqlalchemy import Engine

from bot.adapters.db.engine import make_session_factory
from bot.adapters.db.feed_store import FeedStore
from bot.adapters.db.story_store import StoryStore
from bot.adapters.fetch import HttpFetcher
from bot.domain.models import FeedConfig
from bot.services.poll import Poller, PollReport

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "feed-corpus" / "feedparser"
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared feed corpus is not here")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """2,106 access lines would drown the test output."""


@pytest.fixture(scope="module")
def corpus_url() -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(CORPUS))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def polled(corpus_url: str, tmp_path_factory: pytest.TempPathFactory) -> PollReport:
    from bot.adapters.db.engine import make_engine, upgrade_schema

    engine: Engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'bot.db'}")
    upgrade_schema(engine)
    sessions = make_session_factory(engine)
    feeds = FeedStore(sessions)
    files = sorted(path.name for path in CORPUS.glob("*.xml"))
    feeds.sync_config([FeedConfig(name, f"{corpus_url}/{name}") for name in files], NOW)
    poller = Poller(
        feeds, StoryStore(sessions), HttpFetcher(deadline_s=10), backfill_days=7, owner="test",
        per_host=8,
    )  # fmt: skip
    return poller.poll_all(NOW)


def test_every_corpus_feed_is_polled_and_a_failure_says_why(polled: PollReport) -> None:
    statuses = Counter(report.status for report in polled.feeds)
    assert len(polled.feeds) == len(list(CORPUS.glob("*.xml"))) > 2000
    assert all(report.error for report in polled.feeds if report.status == "error")
    assert statuses["error"] < 0.02 * len(polled.feeds), statuses


def test_every_entry_becomes_a_story_or_is_skipped_with_a_reason(polled: PollReport) -> None:
    unaccounted = []
    for report in polled.feeds:
        if report.status != "ok":
            continue
        entries = len(feedparser.parse((CORPUS / report.name).read_bytes()).entries)
        if len(report.new) + len(report.rejected) != entries:
            unaccounted.append((report.name, entries, len(report.new), report.rejected))
    assert unaccounted == []
    # Many of feedparser's tests give entries only an id or an author: skipped, not stories.
    assert sum(len(report.new) for report in polled.feeds) > 500
