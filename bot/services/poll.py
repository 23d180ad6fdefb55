"""One poll cycle: lease the feeds that are due, fetch them with bounded concurrency
(and at most `per_host` at a time per host), parse changed bodies, store new stories,
and record each feed's outcome and next check. One feed's failure is that feed's error."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol
from urllib.parse import urlsplit

from bot.adapters.db.feed_store import FeedState, FeedStore
from bot.adapters.db.story_store import NewStory, StoryStore
from bot.adapters.fetch import FetchResult
from bot.errors import BotError
from bot.services.ingest import IngestResult, ingest_feed
from bot.services.poll_outcome import FeedOutcome, Status, record_failure, record_fetched

log = logging.getLogger("bot.poll")
Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Fetcher(Protocol):
    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        trusted: bool = True,
    ) -> FetchResult: ...


@dataclass(frozen=True, slots=True)
class FeedReport:
    name: str
    status: Status
    new: tuple[NewStory, ...] = ()
    error: str | None = None
    duration_s: float = 0.0
    http_status: int | None = None
    rejected: tuple[str, ...] = ()  # entries that did not become stories, with the reason


@dataclass(frozen=True, slots=True)
class PollReport:
    feeds: tuple[FeedReport, ...] = ()

    @property
    def new_stories(self) -> list[NewStory]:
        return [story for feed in self.feeds for story in feed.new]

    @property
    def errors(self) -> list[FeedReport]:
        return [feed for feed in self.feeds if feed.error]


@dataclass
class _HostLimits:
    """A semaphore per host so one slow site never gets more than `per_host` fetches."""

    per_host: int
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _hosts: dict[str, threading.BoundedSemaphore] = field(default_factory=dict)

    def for_url(self, url: str) -> threading.BoundedSemaphore:
        host = (urlsplit(url).hostname or "local").lower()
        with self._lock:
            if host not in self._hosts:
                self._hosts[host] = threading.BoundedSemaphore(self.per_host)
            return self._hosts[host]


class Poller:
    def __init__(
        self,
        feeds: FeedStore,
        stories: StoryStore,
        fetcher: Fetcher,
        *,
        backfill_days: int,
        owner: str,
        max_workers: int = 8,
        per_host: int = 2,
        parse_executor: Executor | None = None,
        lease_seconds: int = 600,
        batch_size: int = 500,
        clock: Clock = _utc_now,
    ) -> None:
        """`parse_executor`: e.g. a ProcessPoolExecutor to parse on every core; None
        parses in the fetching threads. `clock` tells how long a claimed feed waited."""
        self._feeds, self._stories, self._fetcher = feeds, stories, fetcher
        self._backfill = timedelta(days=backfill_days)
        self._owner, self._workers = owner, max_workers
        self._hosts = _HostLimits(per_host)
        self._parse_executor = parse_executor
        self._lease_s, self._batch = lease_seconds, batch_size
        self._clock = clock

    def poll_due(self, now: datetime) -> PollReport:
        """Poll every feed that is due and not leased by another process."""
        reports: list[FeedReport] = []
        # A polled feed's next check lies in the future, so the loop ends once every due
        # feed has been handed out; the bound guards against a store that keeps them due.
        for _ in range(1000):
            batch = self._feeds.claim_due(now, self._owner, self._batch, self._lease_s)
            if not batch:
                break
            reports += self._poll_batch(batch, now)
        return PollReport(tuple(reports))

    def poll_all(self, now: datetime) -> PollReport:
        """Poll every enabled feed now, due or not (the `poll` command)."""
        batch = self._feeds.claim_all(now, self._owner, lease_seconds=self._lease_s)
        return PollReport(tuple(self._poll_batch(batch, now)))

    def _poll_batch(self, batch: list[FeedState], now: datetime) -> list[FeedReport]:
        workers = max(1, min(self._workers, len(batch)))
        with ThreadPoolExecutor(workers, thread_name_prefix="poll") as pool:
            reports = pool.map(lambda feed: self._poll_one(feed, now), batch)
            return [report for report in reports if report is not None]

    def _still_mine(self, feed: FeedState, claimed_at: datetime) -> bool:
        """A feed late in a big batch (slow hosts ahead of it) may wait past its lease,
        and another process may then take it: renew before fetching once half the lease
        is gone, and skip the feed when it is no longer ours."""
        current = self._clock()
        if current - claimed_at < timedelta(seconds=self._lease_s / 2):
            return True
        return self._feeds.renew_lease(feed.id, self._owner, current, self._lease_s)

    def _poll_one(self, feed: FeedState, now: datetime) -> FeedReport | None:
        if not self._still_mine(feed, now):
            log.info("skipped feed=%r: its lease ran out and another process took it", feed.name)
            return None
        started = time.monotonic()
        try:
            outcome = self._fetch_and_store(feed, now)
        except BotError as error:
            outcome = record_failure(self._feeds, feed, now, error)
        except Exception as error:  # a bug must cost one feed, not the cycle; logged below
            log.exception("poll failed unexpectedly feed=%s", feed.name)
            outcome = record_failure(self._feeds, feed, now, error)
        report = FeedReport(
            feed.name,
            outcome.status,
            tuple(outcome.new),
            outcome.error,
            time.monotonic() - started,
            outcome.http_status,
            tuple(outcome.rejected),
        )
        _log_fetch(report)
        return report

    def _fetch_and_store(self, feed: FeedState, now: datetime) -> FeedOutcome:
        with self._hosts.for_url(feed.url):
            result = self._fetcher.fetch(
                feed.url, etag=feed.etag, last_modified=feed.last_modified, trusted=feed.trusted
            )
        body_hash = hashlib.sha256(result.body).hexdigest() if not result.not_modified else None
        if result.not_modified or body_hash == feed.body_hash:
            return record_fetched(self._feeds, feed, now, result, body_hash, None, [])
        ingested = self._ingest(feed, result, now)
        cutoff = now - self._backfill if feed.first_poll else None
        new = self._stories.insert_new(feed.id, list(ingested.stories), now, cutoff)
        return record_fetched(self._feeds, feed, now, result, body_hash, ingested, new)

    def _ingest(self, feed: FeedState, result: FetchResult, now: datetime) -> IngestResult:
        args = (result.body, result.headers, result.final_url, feed.name, now)
        if self._parse_executor is None:
            return ingest_feed(*args)
        return self._parse_executor.submit(ingest_feed, *args).result()


def _log_fetch(report: FeedReport) -> None:
    """One line per fetch, key=value so log tools can split it; never the URL, which
    may carry a token."""
    log.info(
        "fetch feed=%r status=%s http=%s new=%d rejected=%d duration_ms=%d%s",
        report.name,
        report.status,
        report.http_status if report.http_status is not None else "-",
        len(report.new),
        len(report.rejected),
        report.duration_s * 1000,
        f" error={report.error!r}" if report.error else "",
    )
