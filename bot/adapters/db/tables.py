"""The database schema as SQLAlchemy 2 typed models. Alembic migrations under
`migrations/` create exactly this schema (a test compares the two)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out. SQLite stores no zone and hands back naive
    values; this puts UTC back on read, so no store has to remember to."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is None:
            return value
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON}


class FeedRow(Base):
    """A feed and its fetch state (miniflux-style: the scheduler only asks what is due)."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    url: Mapped[str] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    interval_minutes: Mapped[int | None] = mapped_column(Integer)  # configured, if any
    trusted: Mapped[bool] = mapped_column(Boolean, default=True)  # False: added from Slack
    added_by: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(Text)  # the feed's own title
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    body_hash: Mapped[str | None] = mapped_column(String(64))
    next_check_at: Mapped[datetime | None] = mapped_column(index=True)
    last_checked_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    first_polled_at: Mapped[datetime | None]  # None: the next poll is the backfill poll
    consecutive_errors: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_status: Mapped[int | None] = mapped_column(Integer)
    current_interval_s: Mapped[int | None] = mapped_column(Integer)
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None]
    created_at: Mapped[datetime]


class StoryRow(Base):
    __tablename__ = "stories"
    __table_args__ = (
        UniqueConstraint("feed_id", "identity", name="uq_story_feed_identity"),
        Index("ix_stories_published", "published_at"),
        Index("ix_stories_fingerprint", "fingerprint"),
        Index("ix_stories_duplicate_of", "duplicate_of_id"),  # "also reported by" counts
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    identity: Mapped[str] = mapped_column(String(300))
    guid: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    outlet: Mapped[str] = mapped_column(Text, default="")
    published_at: Mapped[datetime | None]
    fetched_at: Mapped[datetime]
    # near-duplicate detection across outlets ("also reported by")
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id"))
    # classification
    relevant: Mapped[bool | None] = mapped_column(Boolean, index=True)
    score: Mapped[float | None] = mapped_column(Float)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    why: Mapped[list[str]] = mapped_column(JSON, default=list)
    entities: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # linking
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), index=True
    )
    link_reason: Mapped[str | None] = mapped_column(Text)
    backfill: Mapped[bool] = mapped_column(Boolean, default=False)  # stored silently


class CaseRow(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    defendants: Mapped[list[str]] = mapped_column(JSON, default=list)
    plaintiffs: Mapped[list[str]] = mapped_column(JSON, default=list)
    court: Mapped[str | None] = mapped_column(Text)
    regulator: Mapped[str | None] = mapped_column(Text)
    docket: Mapped[str | None] = mapped_column(String(200), index=True)
    laws: Mapped[list[str]] = mapped_column(JSON, default=list)
    money: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    stage: Mapped[str | None] = mapped_column(String(40))
    stage_history: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    first_seen: Mapped[datetime]
    last_update: Mapped[datetime] = mapped_column(index=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    # the first defendant, lowercased: candidate lookup when linking
    primary_key_name: Mapped[str | None] = mapped_column(String(200), index=True)
    # the case's heaviest distinctive terms (term -> weight): text similarity when linking
    terms: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class CaseKeyRow(Base):
    """Every party's key of a case (defendants, plaintiffs, both sides of its caption):
    a story naming any of them finds the case however long it has been quiet."""

    __tablename__ = "case_keys"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)


class CaseCorrectionRow(Base):
    """An operator's correction (merge, split, move) that later linking must respect."""

    __tablename__ = "case_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # merge | split | move
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    from_case_id: Mapped[int | None] = mapped_column(Integer)
    to_case_id: Mapped[int | None] = mapped_column(Integer)
    by_user: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]


class OutboxRow(Base):
    """An alert waiting for (or done with) delivery: one row per channel and message."""

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("channel", "dedupe_key", name="uq_outbox_channel_key"),
        Index("ix_outbox_due", "status", "next_attempt_at"),
        Index("ix_outbox_story", "story_id"),  # a story's alerts, to update them later
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(64))
    dedupe_key: Mapped[str] = mapped_column(String(200))  # e.g. "story:42"
    kind: Mapped[str] = mapped_column(String(30))  # new_case | follow_up | update | digest
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"))
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending|sending|sent|dead
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    claimed_until: Mapped[datetime | None]
    slack_ts: Mapped[str | None] = mapped_column(String(40))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class CaseThreadRow(Base):
    """Where a case's thread lives in a channel, so follow-ups go into it."""

    __tablename__ = "case_threads"
    __table_args__ = (UniqueConstraint("case_id", "channel", name="uq_case_thread"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(64))
    thread_ts: Mapped[str] = mapped_column(String(40), index=True)


class SubscriptionRow(Base):
    __tablename__ = "subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(64), unique=True)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)  # empty: all topics
    digest: Mapped[str | None] = mapped_column(String(10))  # None | day | week
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]


class TrackRow(Base):
    __tablename__ = "tracks"
    __table_args__ = (UniqueConstraint("channel", "case_id", name="uq_track"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    by_user: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]


class CaseMuteRow(Base):
    """'Not relevant' on a case: stop that case in that channel."""

    __tablename__ = "case_mutes"
    __table_args__ = (UniqueConstraint("channel", "case_id", name="uq_case_mute"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    created_at: Mapped[datetime]


class FeedMuteRow(Base):
    __tablename__ = "feed_mutes"
    __table_args__ = (UniqueConstraint("channel", "feed_id", name="uq_feed_mute"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(64))
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    created_at: Mapped[datetime]


class FeedbackRow(Base):
    """User feedback kept for retraining the classifier."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"))
    channel: Mapped[str | None] = mapped_column(String(64))
    user_id: Mapped[str | None] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(30))  # not_relevant | relevant
    title: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]


class ProcessedEventRow(Base):
    """Slack events already answered: one message arrives as app_mention and message,
    and Slack retries deliveries."""

    __tablename__ = "processed_events"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(index=True)
