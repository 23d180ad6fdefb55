"""When to check a feed next: from its publishing rate, clamped, never sooner than the
server asks (TTL, Cache-Control max-age, Retry-After); errors back off and finally
disable the feed with the reason. Pure: dates and `now` are passed in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

MIN_INTERVAL_S = 5 * 60
MAX_INTERVAL_S = 6 * 60 * 60
# A server's own hints may push past MAX_INTERVAL_S, but a day is the most we wait.
MAX_HINT_S = 24 * 60 * 60
RATE_WINDOW = timedelta(days=7)
ERROR_BASE_S = 5 * 60
ERROR_CAP_S = 12 * 60 * 60
DISABLE_AFTER_ERRORS = 10
GONE_STATUSES = frozenset({410})


@dataclass(frozen=True, slots=True)
class ServerHints:
    """What the server said about how often to come back, in seconds."""

    ttl_s: float | None = None  # RSS <ttl>
    max_age_s: float | None = None  # Cache-Control: max-age
    retry_after_s: float | None = None  # Retry-After

    def floor_s(self) -> float:
        hints = [h for h in (self.ttl_s, self.max_age_s, self.retry_after_s) if h]
        return min(max(hints, default=0.0), MAX_HINT_S)


@dataclass(frozen=True, slots=True)
class ErrorOutcome:
    next_check_at: datetime
    disable_reason: str | None


def next_interval_s(
    dates: Iterable[datetime | None],
    now: datetime,
    *,
    configured_minutes: int | None = None,
    hints: ServerHints = ServerHints(),
) -> int:
    """Seconds until the next check: configured interval if any, else the publishing
    rate clamped to [5 min, 6 h]; never shorter than the server's hints."""
    base = configured_minutes * 60 if configured_minutes else rate_interval_s(dates, now)
    return int(max(base, hints.floor_s()))


def rate_interval_s(dates: Iterable[datetime | None], now: datetime) -> float:
    """Half the mean gap between entries of the last week, so a new entry waits on
    average a quarter of the gap; a quiet feed is checked every MAX_INTERVAL_S."""
    recent = [d for d in dates if d is not None and now - RATE_WINDOW <= d <= now]
    if not recent:
        return MAX_INTERVAL_S
    span_s = (now - min(recent)).total_seconds() or RATE_WINDOW.total_seconds()
    gap_s = max(span_s, 3600) / len(recent)
    return min(max(gap_s / 2, MIN_INTERVAL_S), MAX_INTERVAL_S)


def after_error(
    consecutive_errors: int,
    now: datetime,
    *,
    status: int | None = None,
    reason: str = "",
    retry_after_s: float | None = None,
) -> ErrorOutcome:
    """`consecutive_errors` counts this error too. Exponential backoff with a cap,
    Retry-After honoured; a 410, or too many errors in a row, disables the feed."""
    delay = min(ERROR_BASE_S * 2 ** max(consecutive_errors - 1, 0), ERROR_CAP_S)
    delay = max(delay, min(retry_after_s or 0, MAX_HINT_S))
    disable = None
    if status in GONE_STATUSES:
        disable = f"the server says the feed is gone (HTTP {status})"
    elif consecutive_errors >= DISABLE_AFTER_ERRORS:
        disable = f"disabled after {consecutive_errors} failed checks in a row; last: {reason}"
    return ErrorOutcome(now + timedelta(seconds=delay), disable)


def keep_interval_s(
    current_s: int | None, configured_minutes: int | None, hints: ServerHints = ServerHints()
) -> int:
    """After a 304 or an unchanged body: the interval found last time (there are no
    new dates to learn from), still never shorter than the server's hints."""
    base = configured_minutes * 60 if configured_minutes else (current_s or MAX_INTERVAL_S)
    return int(max(base, hints.floor_s()))
