"""The Slack outbox: alerts queued once per channel and key, claimed with a lease, marked
'sending' before the post and 'sent' with Slack's ts after it. Unsent rows are never deleted;
a permanent failure marks the row 'dead' with its reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.tables import OutboxRow


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    id: int
    channel: str
    dedupe_key: str
    kind: str  # new_case | follow_up | update | digest
    case_id: int | None
    story_id: int | None
    payload: dict[str, Any]
    status: str
    attempts: int
    slack_ts: str | None = None
    last_error: str | None = None


def story_key(story_id: int) -> str:
    """The dedupe key of a story's alert (new case or follow-up) in a channel."""
    return f"story:{story_id}"


def insert_ignoring_conflicts(session: Session, table: Any, values: dict[str, Any]) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING on both databases; True when a row was added."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    key = list(table.primary_key.columns)[0]
    statement = insert(table).values(**values).on_conflict_do_nothing().returning(key)
    return session.execute(statement).first() is not None


class OutboxStore:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def enqueue(
        self,
        *,
        channel: str,
        dedupe_key: str,
        kind: str,
        payload: dict[str, Any],
        now: datetime,
        case_id: int | None = None,
        story_id: int | None = None,
    ) -> bool:
        """Queue a message; False when this channel already has one with this key."""
        values = dict(
            channel=channel, dedupe_key=dedupe_key, kind=kind, case_id=case_id,
            story_id=story_id, payload=payload, status="pending", attempts=0,
            next_attempt_at=now, created_at=now,
        )  # fmt: skip
        with self._sessions.begin() as session:
            return insert_ignoring_conflicts(session, OutboxRow.__table__, values)

    def due(self, now: datetime, limit: int = 500) -> list[OutboxMessage]:
        """Pending rows whose time has come, and 'sending' rows whose lease ran out (the
        process died mid-post), oldest first."""
        query = select(OutboxRow).where(_claimable(now)).order_by(OutboxRow.id).limit(limit)
        with self._sessions() as session:
            return [_message(row) for row in session.scalars(query)]

    def mark_sending(self, message_id: int, now: datetime, lease_seconds: float = 60) -> int | None:
        """Take the row for one post and return the claim (its attempt number) to pass
        to the outcome; None when another worker holds it or it is done."""
        statement = (
            update(OutboxRow)
            .where(OutboxRow.id == message_id, _claimable(now))
            .values(
                status="sending",
                claimed_until=now + timedelta(seconds=lease_seconds),
                attempts=OutboxRow.attempts + 1,
            )
            .returning(OutboxRow.attempts)
        )
        with self._sessions.begin() as session:
            return session.scalar(statement)

    # `claim` is the attempt number mark_sending gave this worker. With it, an outcome
    # counts only while the claim still stands: a worker whose lease ran out mid-post
    # must not undo what the worker that took the row over has recorded since.

    def mark_sent(self, message_id: int, ts: str, now: datetime, claim: int | None = None) -> None:
        values = dict(status="sent", slack_ts=ts, sent_at=now, claimed_until=None, last_error=None)
        self._update(_held(message_id, claim), values)

    def reschedule(
        self, message_id: int, at: datetime, error: str | None = None, claim: int | None = None
    ) -> None:
        """Back to pending until `at` (a retry after an error, or a wait for a parent)."""
        values: dict[str, Any] = dict(status="pending", next_attempt_at=at, claimed_until=None)
        if error is not None:
            values["last_error"] = error[:1000]
        self._update(_held(message_id, claim), values)

    def mark_dead(self, message_id: int, reason: str, claim: int | None = None) -> None:
        values = dict(status="dead", last_error=reason[:1000], claimed_until=None)
        self._update(_held(message_id, claim), values)

    def next_due_at(self) -> datetime | None:
        """When the next pending row is due (the delivery loop sleeps until then)."""
        pending = func.min(OutboxRow.next_attempt_at)
        leases = func.min(OutboxRow.claimed_until)
        with self._sessions() as session:
            first = session.scalar(select(pending).where(OutboxRow.status == "pending"))
            stuck = session.scalar(select(leases).where(OutboxRow.status == "sending"))
        times = [t for t in (first, stuck) if t is not None]
        return min(times) if times else None

    def parent_pending(self, case_id: int, channel: str) -> bool:
        """True while the case's first message to this channel is not yet posted."""
        query = select(OutboxRow.id).where(
            OutboxRow.case_id == case_id,
            OutboxRow.channel == channel,
            OutboxRow.kind == "new_case",
            OutboxRow.status.in_(("pending", "sending")),
        )
        with self._sessions() as session:
            return session.scalar(query.limit(1)) is not None

    def alerted_channels(self, story_id: int) -> set[str]:
        """Channels whose alert for this story was, or will be, posted."""
        query = select(OutboxRow.channel).where(
            OutboxRow.story_id == story_id,
            OutboxRow.dedupe_key == story_key(story_id),
            OutboxRow.status != "dead",
        )
        with self._sessions() as session:
            return set(session.scalars(query))

    def channels_with_key(self, dedupe_key: str) -> set[str]:
        """Channels that already have a message under this key, in any state."""
        query = select(OutboxRow.channel).where(OutboxRow.dedupe_key == dedupe_key)
        with self._sessions() as session:
            return set(session.scalars(query))

    def alert_for(self, story_id: int, channel: str) -> OutboxMessage | None:
        """This story's alert in this channel, whatever its state (it holds the ts)."""
        query = select(OutboxRow).where(
            OutboxRow.channel == channel, OutboxRow.dedupe_key == story_key(story_id)
        )
        with self._sessions() as session:
            row = session.scalar(query)
            return _message(row) if row else None

    def update_queued(self, story_id: int, channel: str) -> bool:
        """True while an edit of this story's alert waits unclaimed: it is rendered when
        it is sent, so a newer copy is shown by it and needs no row of its own."""
        query = select(OutboxRow.id).where(
            OutboxRow.story_id == story_id,
            OutboxRow.channel == channel,
            OutboxRow.kind == "update",
            OutboxRow.status == "pending",
        )
        with self._sessions() as session:
            return session.scalar(query.limit(1)) is not None

    def channels_for_case(self, case_id: int) -> set[str]:
        """Channels with a message about this case that was, or will be, delivered."""
        query = select(OutboxRow.channel).where(
            OutboxRow.case_id == case_id, OutboxRow.status != "dead"
        )
        with self._sessions() as session:
            return set(session.scalars(query.distinct()))

    def counts(self) -> dict[str, int]:
        query = select(OutboxRow.status, func.count()).group_by(OutboxRow.status)
        with self._sessions() as session:
            found = {status: int(n) for status, n in session.execute(query)}
        return {s: found.get(s, 0) for s in ("pending", "sending", "sent", "dead")}

    def dead(self, limit: int = 20) -> list[OutboxMessage]:
        query = select(OutboxRow).where(OutboxRow.status == "dead").order_by(OutboxRow.id.desc())
        with self._sessions() as session:
            return [_message(row) for row in session.scalars(query.limit(limit))]

    def get(self, message_id: int) -> OutboxMessage | None:
        with self._sessions() as session:
            row = session.get(OutboxRow, message_id)
            return _message(row) if row else None

    def _update(self, where: Any, values: dict[str, Any]) -> bool:
        with self._sessions.begin() as session:
            result = session.execute(update(OutboxRow).where(where).values(**values))
            return bool(getattr(result, "rowcount", 0) == 1)


def _held(message_id: int, claim: int | None) -> Any:
    if claim is None:
        return OutboxRow.id == message_id
    return and_(
        OutboxRow.id == message_id, OutboxRow.status == "sending", OutboxRow.attempts == claim
    )


def _claimable(now: datetime) -> Any:
    pending = and_(OutboxRow.status == "pending", OutboxRow.next_attempt_at <= now)
    abandoned = and_(OutboxRow.status == "sending", OutboxRow.claimed_until < now)
    return or_(pending, abandoned)


def _message(row: OutboxRow) -> OutboxMessage:
    return OutboxMessage(
        id=row.id,
        channel=row.channel,
        dedupe_key=row.dedupe_key,
        kind=row.kind,
        case_id=row.case_id,
        story_id=row.story_id,
        payload=dict(row.payload or {}),
        status=row.status,
        attempts=row.attempts or 0,
        slack_ts=row.slack_ts,
        last_error=row.last_error,
    )
