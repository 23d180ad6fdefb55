"""Turning one feed's fetch outcome into its stored state: validators, body hash, the
next check (publishing rate and server hints), or an error with backoff and, past the
threshold, the feed disabled with the reason."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from bot.adapters.db.feed_store import FeedState, FeedStore
from bot.adapters.db.story_store import NewStory
from bot.adapters.fetch import FetchResult
from bot.domain.schedule import ServerHints, after_error, keep_interval_s, next_interval_s
from bot.errors import FetchError, UnsafeURLError
from bot.services.ingest import IngestResult

# ok: parsed (new stories or not); unchanged: same body as last time, not parsed;
# not_modified: HTTP 304; error: failed, retried later; disabled: failed for good.
Status = Literal["ok", "unchanged", "not_modified", "error", "disabled"]


@dataclass(frozen=True, slots=True)
class FeedOutcome:
    status: Status
    new: Sequence[NewStory] = ()
    error: str | None = None
    http_status: int | None = None
    rejected: Sequence[str] = ()  # entries that did not become stories, with the reason


def record_fetched(
    feeds: FeedStore,
    feed: FeedState,
    now: datetime,
    result: FetchResult,
    body_hash: str | None,
    ingested: IngestResult | None,
    new: Sequence[NewStory],
) -> FeedOutcome:
    """`ingested` is None when the body was not parsed (304 or an unchanged body)."""
    interval = _interval(feed, now, result, ingested)
    next_check = now + timedelta(seconds=interval)
    if result.not_modified:
        feeds.record_not_modified(feed.id, now=now, next_check_at=next_check, interval_s=interval)
        return FeedOutcome("not_modified", http_status=304)
    feeds.record_success(
        feed.id,
        now=now,
        status=result.status,
        next_check_at=next_check,
        interval_s=interval,
        etag=result.etag,
        last_modified=result.last_modified,
        body_hash=body_hash,
        title=ingested.title if ingested else None,
    )
    rejected = ingested.rejected if ingested else ()
    status: Status = "ok" if ingested else "unchanged"
    return FeedOutcome(status, new, http_status=result.status, rejected=rejected)


def _interval(
    feed: FeedState, now: datetime, result: FetchResult, ingested: IngestResult | None
) -> int:
    ttl = ingested.ttl_minutes if ingested else None
    hints = ServerHints(
        ttl_s=ttl * 60 if ttl else None,
        max_age_s=result.max_age_s,
        retry_after_s=result.retry_after_s,
    )
    if ingested is None:
        return keep_interval_s(feed.current_interval_s, feed.interval_minutes, hints)
    dates = [story.published for story in ingested.stories]
    return next_interval_s(dates, now, configured_minutes=feed.interval_minutes, hints=hints)


def record_failure(
    feeds: FeedStore, feed: FeedState, now: datetime, error: Exception
) -> FeedOutcome:
    reason = _reason(error)
    status = error.status if isinstance(error, FetchError) else None
    retry_after = error.retry_after if isinstance(error, FetchError) else None
    decision = after_error(
        feed.consecutive_errors + 1, now, status=status, reason=reason, retry_after_s=retry_after
    )
    disable = decision.disable_reason
    if isinstance(error, UnsafeURLError):  # retrying will not make the address public
        disable = f"refused for safety: {reason}"
    feeds.record_error(
        feed.id,
        now=now,
        reason=reason,
        status=status,
        next_check_at=decision.next_check_at,
        disable_reason=disable,
    )
    return FeedOutcome("disabled" if disable else "error", error=reason, http_status=status)


def _reason(error: Exception) -> str:
    if isinstance(error, FetchError):
        return error.reason
    if type(error).__module__.startswith("bot."):
        return str(error)
    return f"internal error ({type(error).__name__}); see the log"
