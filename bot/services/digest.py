"""Digests: what moved in the last day or week, on demand (`/privacy digest`) and queued
daily (weekly on Mondays) for channels that asked, at a configurable hour (UTC)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol

from bot.adapters.db.slack_store import SlackStore
from bot.domain.models import Case
from bot.render.cards import render_digest


class CaseLister(Protocol):
    def list_cases(self, query: str | None, limit: int) -> Sequence[Case]: ...


PERIODS = {"day": timedelta(days=1), "week": timedelta(days=7)}
WEEKLY_ON = 0  # Monday
SCAN_LIMIT = 200  # cases read per digest; a digest shows the first 15 anyway


class DigestService:
    def __init__(self, cases: CaseLister, store: SlackStore, digest_hour_utc: int = 8) -> None:
        self._cases = cases
        self._store = store
        self._hour = digest_hour_utc

    def recent_cases(self, period: str, now: datetime) -> list[Case]:
        since = now - PERIODS[period]
        cases = self._cases.list_cases(None, SCAN_LIMIT)
        recent = [c for c in cases if c.last_update is not None and c.last_update >= since]
        return sorted(recent, key=lambda c: c.last_update or now, reverse=True)

    def render(self, period: str, now: datetime) -> dict[str, Any]:
        return render_digest(self.recent_cases(period, now), period, now)

    def queue_due(self, now: datetime) -> int:
        """Queue today's digests once the hour has come; safe to call on every tick
        (the outbox key holds the date, so a digest is queued once per channel)."""
        if now.hour < self._hour:
            return 0
        queued = 0
        for period in self._periods_due(now):
            key = f"digest:{period}:{now:%Y-%m-%d}"
            done = self._store.outbox.channels_with_key(key)
            waiting = [c for c in self._store.digest_channels(period) if c not in done]
            if not waiting:  # every tick after the hour lands here: skip the rendering
                continue
            payload = self.render(period, now)
            for channel in waiting:
                queued += self._store.outbox.enqueue(
                    channel=channel, dedupe_key=key, kind="digest", payload=payload, now=now
                )
        return queued

    def _periods_due(self, now: datetime) -> list[str]:
        return ["day", "week"] if now.weekday() == WEEKLY_ON else ["day"]
