"""Feeds and their fetch state in the database: config sync, Slack-added feeds, health,
and leases so several processes sharing one database never poll the same feed at once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.tables import FeedRow
from bot.domain.models import FeedConfig

_REMOVED_FROM_FILE = "removed from the feeds file"


@dataclass(frozen=True, slots=True)
class FeedState:
    """A feed with its fetch state and health, as plain data."""

    id: int
    name: str
    url: str
    tags: tuple[str, ...]
    interval_minutes: int | None
    trusted: bool
    added_by: str | None
    title: str | None
    enabled: bool
    disabled_reason: str | None
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    next_check_at: datetime | None
    last_checked_at: datetime | None
    last_success_at: datetime | None
    first_polled_at: datetime | None
    consecutive_errors: int
    last_error: str | None
    last_status: int | None
    current_interval_s: int | None

    @property
    def first_poll(self) -> bool:
        """True until the feed has been fetched once: its entries then go to backfill."""
        return self.first_polled_at is None


class FeedStore:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # -- configuration ---------------------------------------------------------------

    def sync_config(self, feeds: Sequence[FeedConfig], now: datetime) -> None:
        """Make the trusted feeds match the feeds file. Feeds gone from the file are
        disabled (their stories stay); feeds added from Slack are never touched."""
        by_name = {feed.name: feed for feed in feeds}
        with self._sessions.begin() as session:
            rows = {row.name: row for row in session.scalars(select(FeedRow))}
            for feed in feeds:
                row = rows.get(feed.name)
                if row is None:
                    session.add(_new_row(feed, now, added_by=None))
                elif row.trusted:
                    _apply_config(row, feed)
            for row in rows.values():
                if row.trusted and row.name not in by_name and row.enabled:
                    row.enabled, row.disabled_reason = False, _REMOVED_FROM_FILE

    def add_feed(self, name: str, url: str, added_by: str | None, now: datetime) -> FeedState:
        """Add an untrusted feed (from Slack). Raises ValueError when the name is taken."""
        with self._sessions.begin() as session:
            if session.scalar(select(FeedRow.id).where(FeedRow.name == name)) is not None:
                raise ValueError(f"a feed named {name!r} already exists")
            row = _new_row(FeedConfig(name=name, url=url, trusted=False), now, added_by)
            session.add(row)
            session.flush()
            return _state(row)

    def remove_feed(self, name: str) -> bool:
        """Delete a feed and its stories; False when no feed has that name."""
        with self._sessions.begin() as session:
            row = session.scalar(select(FeedRow).where(FeedRow.name == name))
            if row is None:
                return False
            session.delete(row)
            return True

    def list_feeds(self) -> list[FeedState]:
        with self._sessions() as session:
            return [_state(row) for row in session.scalars(select(FeedRow).order_by(FeedRow.name))]

    def get(self, name: str) -> FeedState | None:
        with self._sessions() as session:
            row = session.scalar(select(FeedRow).where(FeedRow.name == name))
            return _state(row) if row else None

    def get_by_id(self, feed_id: int) -> FeedState | None:
        with self._sessions() as session:
            row = session.get(FeedRow, feed_id)
            return _state(row) if row else None

    # -- leases ----------------------------------------------------------------------

    def claim_due(
        self, now: datetime, owner: str, limit: int = 100, lease_seconds: int = 300
    ) -> list[FeedState]:
        """Lease up to `limit` enabled feeds that are due. PostgreSQL skips rows another
        process has locked; the guarded UPDATE keeps SQLite (one writer) just as safe."""
        return self._claim(_due_filter(now), now, owner, limit, lease_seconds)

    def claim_all(
        self, now: datetime, owner: str, limit: int = 100_000, lease_seconds: int = 300
    ) -> list[FeedState]:
        """Lease every enabled feed nobody else holds, due or not (`poll` now)."""
        return self._claim((), now, owner, limit, lease_seconds)

    def renew_lease(self, feed_id: int, owner: str, now: datetime, lease_seconds: int) -> bool:
        """Extend this owner's lease; False when another process took the feed after the
        lease ran out (or finished it), so this one must not fetch it."""
        until = now + timedelta(seconds=lease_seconds)
        with self._sessions.begin() as session:
            result = session.execute(
                update(FeedRow)
                .where(FeedRow.id == feed_id, FeedRow.lease_owner == owner)
                .values(lease_until=until)
            )
            return bool(getattr(result, "rowcount", 0) == 1)

    def release(self, feed_id: int, owner: str) -> None:
        with self._sessions.begin() as session:
            session.execute(
                update(FeedRow)
                .where(FeedRow.id == feed_id, FeedRow.lease_owner == owner)
                .values(lease_owner=None, lease_until=None)
            )

    def _claim(
        self,
        extra: Iterable[ColumnElement[bool]],
        now: datetime,
        owner: str,
        limit: int,
        lease_s: int,
    ) -> list[FeedState]:
        until = now + timedelta(seconds=lease_s)
        free = or_(FeedRow.lease_until.is_(None), FeedRow.lease_until < now)
        with self._sessions.begin() as session:
            query = (
                select(FeedRow.id)
                .where(FeedRow.enabled.is_(True), free, *extra)
                .order_by(FeedRow.next_check_at.is_not(None), FeedRow.next_check_at, FeedRow.id)
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
            ids = list(session.scalars(query))
            if not ids:
                return []
            claimed = session.scalars(
                update(FeedRow)
                .where(FeedRow.id.in_(ids), free)
                .values(lease_owner=owner, lease_until=until)
                .returning(FeedRow.id)
            ).all()
        with self._sessions() as session:
            mine = select(FeedRow).where(FeedRow.id.in_(claimed)).order_by(FeedRow.id)
            return [_state(row) for row in session.scalars(mine)]

    # -- outcomes --------------------------------------------------------------------

    def record_success(
        self,
        feed_id: int,
        *,
        now: datetime,
        status: int,
        next_check_at: datetime,
        interval_s: int,
        etag: str | None,
        last_modified: str | None,
        body_hash: str | None,
        title: str | None = None,
    ) -> None:
        """A fetch that returned a feed (parsed or with an unchanged body)."""
        values: dict[str, object] = dict(
            etag=etag, last_modified=last_modified, body_hash=body_hash, last_status=status
        )
        if title:
            values["title"] = title
        self._finish(feed_id, now, next_check_at, interval_s, values)

    def record_not_modified(
        self, feed_id: int, *, now: datetime, next_check_at: datetime, interval_s: int
    ) -> None:
        """A 304: the validators stay as they are."""
        self._finish(feed_id, now, next_check_at, interval_s, dict(last_status=304))

    def record_error(
        self,
        feed_id: int,
        *,
        now: datetime,
        reason: str,
        status: int | None,
        next_check_at: datetime,
        disable_reason: str | None = None,
    ) -> None:
        """A failed fetch or parse; `disable_reason` turns the feed off with that reason."""
        values: dict[str, object] = dict(
            consecutive_errors=FeedRow.consecutive_errors + 1,
            last_error=reason[:1000],
            last_status=status,
            last_checked_at=now,
            next_check_at=next_check_at,
            lease_owner=None,
            lease_until=None,
        )
        if disable_reason:
            values.update(enabled=False, disabled_reason=disable_reason[:1000])
        with self._sessions.begin() as session:
            session.execute(update(FeedRow).where(FeedRow.id == feed_id).values(**values))

    def _finish(
        self,
        feed_id: int,
        now: datetime,
        next_check_at: datetime,
        interval_s: int,
        values: dict[str, object],
    ) -> None:
        with self._sessions.begin() as session:
            row = session.get(FeedRow, feed_id)
            if row is None:  # removed from Slack while it was being fetched
                return
            for key, value in values.items():
                setattr(row, key, value)
            row.first_polled_at = row.first_polled_at or now
            row.last_checked_at = row.last_success_at = now
            row.next_check_at, row.current_interval_s = next_check_at, interval_s
            row.consecutive_errors, row.last_error = 0, None
            row.lease_owner, row.lease_until = None, None


def _due_filter(now: datetime) -> tuple[ColumnElement[bool], ...]:
    return (or_(FeedRow.next_check_at.is_(None), FeedRow.next_check_at <= now),)


def _new_row(feed: FeedConfig, now: datetime, added_by: str | None) -> FeedRow:
    row = FeedRow(
        name=feed.name,
        trusted=feed.trusted,
        added_by=added_by,
        enabled=True,
        consecutive_errors=0,
        created_at=now,
    )
    _apply_config(row, feed)
    return row


def _apply_config(row: FeedRow, feed: FeedConfig) -> None:
    if row.url != feed.url:  # a new address starts over: old validators and errors go
        row.etag = row.last_modified = row.body_hash = row.last_error = None
        row.consecutive_errors, row.enabled, row.disabled_reason = 0, True, None
    row.url, row.tags, row.interval_minutes = feed.url, list(feed.tags), feed.interval_minutes
    if not row.enabled and row.disabled_reason == _REMOVED_FROM_FILE:
        row.enabled, row.disabled_reason = True, None


def _state(row: FeedRow) -> FeedState:
    return FeedState(
        id=row.id,
        name=row.name,
        url=row.url,
        tags=tuple(row.tags or ()),
        interval_minutes=row.interval_minutes,
        trusted=row.trusted,
        added_by=row.added_by,
        title=row.title,
        enabled=row.enabled,
        disabled_reason=row.disabled_reason,
        etag=row.etag,
        last_modified=row.last_modified,
        body_hash=row.body_hash,
        next_check_at=row.next_check_at,
        last_checked_at=row.last_checked_at,
        last_success_at=row.last_success_at,
        first_polled_at=row.first_polled_at,
        consecutive_errors=row.consecutive_errors or 0,
        last_error=row.last_error,
        last_status=row.last_status,
        current_interval_s=row.current_interval_s,
    )
