"""schedule: adaptive intervals, server hints as floors, backoff and disabling."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.schedule import (
    DISABLE_AFTER_ERRORS,
    MAX_INTERVAL_S,
    MIN_INTERVAL_S,
    ServerHints,
    after_error,
    keep_interval_s,
    next_interval_s,
)

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def _every(hours: float, count: int) -> list[datetime | None]:
    return [NOW - timedelta(hours=hours * n) for n in range(count)]


def test_busy_feed_is_checked_often_and_quiet_feed_rarely() -> None:
    busy = next_interval_s(_every(0.1, 100), NOW)
    daily = next_interval_s(_every(24, 7), NOW)
    assert busy == MIN_INTERVAL_S
    assert MIN_INTERVAL_S < daily <= MAX_INTERVAL_S
    assert next_interval_s([], NOW) == MAX_INTERVAL_S
    assert next_interval_s([None, NOW - timedelta(days=90)], NOW) == MAX_INTERVAL_S


def test_configured_interval_is_used_but_never_below_server_hints() -> None:
    assert next_interval_s(_every(0.25, 100), NOW, configured_minutes=30) == 1800
    hints = ServerHints(ttl_s=7200)
    assert next_interval_s(_every(0.25, 100), NOW, configured_minutes=30, hints=hints) == 7200
    assert next_interval_s([], NOW, hints=ServerHints(max_age_s=10 * 3600)) == 10 * 3600
    assert next_interval_s([], NOW, hints=ServerHints(retry_after_s=10**9)) == 24 * 3600


def test_unchanged_feed_keeps_its_interval() -> None:
    assert keep_interval_s(900, None) == 900
    assert keep_interval_s(900, None, ServerHints(max_age_s=3600)) == 3600
    assert keep_interval_s(None, 20) == 1200


def test_errors_back_off_exponentially_with_a_cap() -> None:
    delays = [(after_error(n, NOW).next_check_at - NOW).total_seconds() for n in range(1, 9)]
    assert delays[:3] == [300, 600, 1200]
    assert delays == sorted(delays) and delays[-1] <= 12 * 3600


def test_retry_after_is_honoured() -> None:
    outcome = after_error(1, NOW, status=429, retry_after_s=7200)
    assert outcome.next_check_at == NOW + timedelta(hours=2) and outcome.disable_reason is None


def test_gone_or_too_many_errors_disables_with_the_reason() -> None:
    assert "410" in (after_error(1, NOW, status=410).disable_reason or "")
    below = after_error(DISABLE_AFTER_ERRORS - 1, NOW, reason="HTTP 500")
    at = after_error(DISABLE_AFTER_ERRORS, NOW, reason="HTTP 500")
    assert below.disable_reason is None
    assert at.disable_reason and "HTTP 500" in at.disable_reason
