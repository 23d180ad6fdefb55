"""Slack-side state per channel: case threads, subscriptions, tracked cases, mutes,
feedback kept for retraining, and the Slack events already answered."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.outbox_store import OutboxStore, insert_ignoring_conflicts
from bot.adapters.db.tables import (
    CaseMuteRow,
    CaseRow,
    CaseThreadRow,
    FeedbackRow,
    FeedMuteRow,
    FeedRow,
    ProcessedEventRow,
    StoryRow,
    SubscriptionRow,
    TrackRow,
)
from bot.domain.alerting import OtherReport, distinct_reports

_MAX_COPY_HOPS = 10  # a copy may point at another copy; chains are short, cycles impossible


class SlackStore:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self.outbox = OutboxStore(sessions)

    # -- case threads ------------------------------------------------------------------

    def record_thread(self, case_id: int, channel: str, thread_ts: str) -> None:
        """Remember the first message of a case in a channel; an existing thread stays."""
        values = dict(case_id=case_id, channel=channel, thread_ts=thread_ts)
        with self._sessions.begin() as session:
            insert_ignoring_conflicts(session, CaseThreadRow.__table__, values)

    def thread_ts(self, case_id: int, channel: str) -> str | None:
        query = select(CaseThreadRow.thread_ts).where(
            CaseThreadRow.case_id == case_id, CaseThreadRow.channel == channel
        )
        with self._sessions() as session:
            return session.scalar(query)

    def case_for_thread(self, channel: str, thread_ts: str) -> int | None:
        query = select(CaseThreadRow.case_id).where(
            CaseThreadRow.channel == channel, CaseThreadRow.thread_ts == thread_ts
        )
        with self._sessions() as session:
            return session.scalar(query)

    def case_channels(self, case_id: int) -> set[str]:
        """Channels that have this case's thread, or a queued first message for it."""
        query = select(CaseThreadRow.channel).where(CaseThreadRow.case_id == case_id)
        with self._sessions() as session:
            threads = set(session.scalars(query))
        return threads | self.outbox.channels_for_case(case_id)

    # -- subscriptions -----------------------------------------------------------------

    def subscribe(
        self, channel: str, topics: Sequence[str], user: str | None, now: datetime
    ) -> None:
        with self._sessions.begin() as session:
            row = session.scalar(select(SubscriptionRow).where(SubscriptionRow.channel == channel))
            if row is None:
                row = SubscriptionRow(channel=channel, created_by=user, created_at=now)
                session.add(row)
            row.topics = list(topics)

    def unsubscribe(self, channel: str) -> bool:
        return self._delete(SubscriptionRow, SubscriptionRow.channel == channel)

    def set_digest(self, channel: str, period: str | None, now: datetime) -> None:
        """Daily or weekly digest for a subscribed channel (subscribing it if needed)."""
        with self._sessions.begin() as session:
            row = session.scalar(select(SubscriptionRow).where(SubscriptionRow.channel == channel))
            if row is None:
                row = SubscriptionRow(channel=channel, topics=[], created_at=now)
                session.add(row)
            row.digest = period

    def subscriptions(self) -> dict[str, list[str]]:
        query = select(SubscriptionRow.channel, SubscriptionRow.topics)
        with self._sessions() as session:
            return {channel: list(topics or []) for channel, topics in session.execute(query)}

    def digest_channels(self, period: str) -> list[str]:
        query = select(SubscriptionRow.channel).where(SubscriptionRow.digest == period)
        with self._sessions() as session:
            return sorted(session.scalars(query))

    # -- tracking and mutes ------------------------------------------------------------

    def track(self, channel: str, case_id: int, user: str | None, now: datetime) -> bool:
        """Follow a case in a channel; False when it was already followed."""
        values = dict(channel=channel, case_id=case_id, by_user=user, created_at=now)
        with self._sessions.begin() as session:
            added = insert_ignoring_conflicts(session, TrackRow.__table__, values)
            session.execute(
                delete(CaseMuteRow).where(
                    CaseMuteRow.channel == channel, CaseMuteRow.case_id == case_id
                )
            )
            return added

    def untrack(self, channel: str, case_id: int) -> bool:
        return self._delete(TrackRow, TrackRow.channel == channel, TrackRow.case_id == case_id)

    def tracked_cases(self, channel: str | None = None) -> list[int]:
        query = select(TrackRow.case_id).distinct()
        if channel is not None:
            query = query.where(TrackRow.channel == channel)
        with self._sessions() as session:
            return sorted(session.scalars(query))

    def tracking_channels(self, case_id: int) -> set[str]:
        return self._channels(select(TrackRow.channel).where(TrackRow.case_id == case_id))

    def mute_case(self, channel: str, case_id: int, now: datetime) -> None:
        """'Not relevant': the case stops in this channel, and is no longer tracked there."""
        values = dict(channel=channel, case_id=case_id, created_at=now)
        with self._sessions.begin() as session:
            insert_ignoring_conflicts(session, CaseMuteRow.__table__, values)
            session.execute(
                delete(TrackRow).where(TrackRow.channel == channel, TrackRow.case_id == case_id)
            )

    def case_muted_channels(self, case_id: int) -> set[str]:
        return self._channels(select(CaseMuteRow.channel).where(CaseMuteRow.case_id == case_id))

    def mute_feed(self, channel: str, feed_id: int, now: datetime) -> None:
        values = dict(channel=channel, feed_id=feed_id, created_at=now)
        with self._sessions.begin() as session:
            insert_ignoring_conflicts(session, FeedMuteRow.__table__, values)

    def feed_muted_channels(self, feed_id: int) -> set[str]:
        return self._channels(select(FeedMuteRow.channel).where(FeedMuteRow.feed_id == feed_id))

    def feed_name(self, feed_id: int) -> str | None:
        with self._sessions() as session:
            return session.scalar(select(FeedRow.name).where(FeedRow.id == feed_id))

    def feed_id_of_story(self, story_id: int) -> int | None:
        with self._sessions() as session:
            return session.scalar(select(StoryRow.feed_id).where(StoryRow.id == story_id))

    # -- other outlets' copies ---------------------------------------------------------

    def original_story(self, story_id: int) -> int:
        """The story a chain of copies started from (the linker may point a copy at
        the closest earlier copy rather than at the alerted story)."""
        query = select(StoryRow.duplicate_of_id)
        with self._sessions() as session:
            for _ in range(_MAX_COPY_HOPS):
                parent = session.scalar(query.where(StoryRow.id == story_id))
                if parent is None:
                    return story_id
                story_id = parent
        return story_id

    def other_reports(self, story_id: int) -> list[OtherReport]:
        """Other outlets' copies of a story, copies of copies included, one per outlet."""
        label = func.coalesce(func.nullif(StoryRow.outlet, ""), FeedRow.name)
        query = select(StoryRow.id, label, StoryRow.url).join(
            FeedRow, FeedRow.id == StoryRow.feed_id
        )
        found: list[Any] = []
        with self._sessions() as session:
            own = session.execute(query.where(StoryRow.id == story_id)).first()
            frontier = [story_id]
            for _ in range(_MAX_COPY_HOPS):
                copies = query.where(StoryRow.duplicate_of_id.in_(frontier)).order_by(StoryRow.id)
                rows = session.execute(copies).all()
                found += rows
                frontier = [row[0] for row in rows]
                if not frontier:
                    break
        reports = [OtherReport(outlet=row[1] or "", url=row[2] or "") for row in found]
        return distinct_reports(reports, own[1] if own else "")

    # -- feedback and events -----------------------------------------------------------

    def record_feedback(
        self, *, story_id: int | None, case_id: int | None, channel: str, user: str,
        label: str, now: datetime,
    ) -> None:  # fmt: skip
        """Keep the story's text with the label, so the classifier can be retrained on it."""
        with self._sessions.begin() as session:
            story = session.get(StoryRow, story_id) if story_id is not None else None
            session.add(
                FeedbackRow(
                    story_id=story_id, case_id=case_id, channel=channel, user_id=user,
                    label=label, title=story.title if story else "",
                    summary=story.summary if story else "", created_at=now,
                )
            )  # fmt: skip

    def feedback(self) -> list[dict[str, Any]]:
        columns = (FeedbackRow.label, FeedbackRow.title, FeedbackRow.summary, FeedbackRow.case_id)
        with self._sessions() as session:
            rows = session.execute(select(*columns).order_by(FeedbackRow.id))
            return [dict(label=r[0], title=r[1], summary=r[2], case_id=r[3]) for r in rows]

    def first_time(self, key: str, now: datetime) -> bool:
        """True the first time an event key is seen: Slack sends one message twice (as
        app_mention and message) and retries deliveries it thinks were lost."""
        with self._sessions.begin() as session:
            return insert_ignoring_conflicts(
                session, ProcessedEventRow.__table__, dict(key=key[:200], created_at=now)
            )

    def forget_events_before(self, cutoff: datetime) -> int:
        with self._sessions.begin() as session:
            result = session.execute(
                delete(ProcessedEventRow).where(ProcessedEventRow.created_at < cutoff)
            )
            return int(getattr(result, "rowcount", 0) or 0)

    # -- numbers -----------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        counted = {
            "stories": select(func.count()).select_from(StoryRow),
            "relevant_stories": select(func.count()).where(StoryRow.relevant.is_(True)),
            "cases": select(func.count()).select_from(CaseRow),
            "feeds": select(func.count()).select_from(FeedRow),
            "subscribed_channels": select(func.count()).select_from(SubscriptionRow),
            "tracked_cases": select(func.count()).select_from(TrackRow),
        }
        with self._sessions() as session:
            numbers = {name: int(session.scalar(query) or 0) for name, query in counted.items()}
        outbox = {f"alerts_{status}": n for status, n in self.outbox.counts().items()}
        return numbers | outbox

    def _channels(self, query: Any) -> set[str]:
        with self._sessions() as session:
            return set(session.scalars(query))

    def _delete(self, table: Any, *where: Any) -> bool:
        with self._sessions.begin() as session:
            result = session.execute(delete(table).where(*where))
            return bool(getattr(result, "rowcount", 0))
