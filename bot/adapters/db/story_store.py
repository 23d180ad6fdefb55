"""Ingest of normalized stories: only entries whose (feed, identity) is new are stored,
in bulk, safe against duplicates inside one feed and against other processes racing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.tables import FeedRow, StoryRow
from bot.domain.models import Story

_CHUNK = 500  # identities per IN (...) query: well under every driver's parameter limit


@dataclass(frozen=True, slots=True)
class NewStory:
    story_id: int
    feed_id: int
    story: Story
    backfill: bool  # from a feed's first poll and older than the window: stored silently


class StoryStore:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def insert_new(
        self,
        feed_id: int,
        stories: Sequence[Story],
        now: datetime,
        backfill_cutoff: datetime | None = None,
    ) -> list[NewStory]:
        """Store the stories this feed has not had before; return them in feed order.
        With `backfill_cutoff` (a feed's first poll), stories published before it, or
        undated, are marked backfill."""
        unique = _first_of_each(stories)
        with self._sessions.begin() as session:
            known = self._known(session, feed_id, [s.identity for s in unique])
            fresh = [story for story in unique if story.identity not in known]
            if not fresh:
                return []
            rows = [
                _row(feed_id, story, now, _is_backfill(story, backfill_cutoff)) for story in fresh
            ]
            ids = self._insert(session, rows)
        return [
            NewStory(ids[story.identity], feed_id, story, bool(row["backfill"]))
            for story, row in zip(fresh, rows, strict=True)
            if story.identity in ids
        ]

    def get(self, story_id: int) -> Story | None:
        query = (
            select(StoryRow, FeedRow.name)
            .join(FeedRow, FeedRow.id == StoryRow.feed_id)
            .where(StoryRow.id == story_id)
        )
        with self._sessions() as session:
            found = session.execute(query).first()
            return _story(found[0], found[1]) if found else None

    def unprocessed(self, stored_before: datetime, limit: int = 500) -> list[NewStory]:
        """Stories stored but never classified: the process that stored them died or
        failed on them. Only older ones, so a poller still working on its batch is not
        raced (a race would be harmless anyway: linking and queueing are idempotent)."""
        query = (
            select(StoryRow, FeedRow.name)
            .join(FeedRow, FeedRow.id == StoryRow.feed_id)
            .where(StoryRow.relevant.is_(None), StoryRow.fetched_at < stored_before)
            .order_by(StoryRow.id)
            .limit(limit)
        )
        with self._sessions() as session:
            return [
                NewStory(row.id, row.feed_id, _story(row, name), row.backfill)
                for row, name in session.execute(query)
            ]

    def _known(self, session: Session, feed_id: int, identities: list[str]) -> set[str]:
        known: set[str] = set()
        for start in range(0, len(identities), _CHUNK):
            chunk = identities[start : start + _CHUNK]
            query = select(StoryRow.identity).where(
                StoryRow.feed_id == feed_id, StoryRow.identity.in_(chunk)
            )
            known.update(session.scalars(query))
        return known

    def _insert(self, session: Session, rows: list[dict[str, Any]]) -> dict[str, int]:
        """INSERT ... ON CONFLICT DO NOTHING: a process that stored the same entry a
        moment ago wins, and this one simply gets fewer new stories back."""
        dialect = session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = (
            insert(StoryRow)
            .on_conflict_do_nothing(index_elements=["feed_id", "identity"])
            .returning(StoryRow.id, StoryRow.identity)
        )
        result = session.execute(statement, rows)
        return {identity: story_id for story_id, identity in result.all()}


def _first_of_each(stories: Sequence[Story]) -> list[Story]:
    """A feed that repeats a GUID keeps its first entry (feeds list newest first)."""
    seen: set[str] = set()
    unique = []
    for story in stories:
        if story.identity not in seen:
            seen.add(story.identity)
            unique.append(story)
    return unique


def _is_backfill(story: Story, cutoff: datetime | None) -> bool:
    if cutoff is None:
        return False
    return story.published is None or story.published < cutoff


def _row(feed_id: int, story: Story, now: datetime, backfill: bool) -> dict[str, Any]:
    return {
        "feed_id": feed_id,
        "identity": story.identity,
        "guid": story.guid or None,
        "url": story.url,
        "title": story.title,
        "summary": story.summary,
        "outlet": story.outlet,
        "published_at": story.published,
        "fetched_at": now,
        "backfill": backfill,
        "topics": [],
        "why": [],
        "entities": {},
    }


def _story(row: StoryRow, feed_name: str) -> Story:
    return Story(
        identity=row.identity,
        feed_name=feed_name,
        title=row.title,
        summary=row.summary,
        url=row.url,
        published=row.published_at,
        outlet=row.outlet,
        guid=row.guid or "",
    )
