"""Test helpers for the cases area: stories written straight into the database (as
ingest would) and hand-built classifications."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.tables import FeedRow, StoryRow
from bot.domain.models import Classification, Entities, Money, Topic

T0 = datetime(2025, 1, 22, 15, 0, tzinfo=UTC)


def insert_story(
    sessions: sessionmaker[Session],
    title: str,
    summary: str,
    *,
    url: str = "",
    outlet: str = "Reuters",
    published: datetime | None = T0,
) -> int:
    with sessions.begin() as session:
        feed_id = session.scalar(select(FeedRow.id).where(FeedRow.name == "test-feed"))
        if feed_id is None:
            feed = FeedRow(name="test-feed", url="http://127.0.0.1/feed", created_at=T0)
            session.add(feed)
            session.flush()
            feed_id = feed.id
        row = StoryRow(
            feed_id=feed_id,
            identity=url or f"{title}|{published}",
            url=url,
            title=title,
            summary=summary,
            outlet=outlet,
            published_at=published,
            fetched_at=published or T0,
        )
        session.add(row)
        session.flush()
        return row.id


def judged(
    companies: tuple[str, ...] = (),
    *,
    laws: tuple[str, ...] = (),
    money: tuple[Money, ...] = (),
    courts: tuple[str, ...] = (),
    dockets: tuple[str, ...] = (),
    stage: str | None = None,
    topics: tuple[Topic, ...] = ("privacy_action",),
) -> Classification:
    entities = Entities(
        companies=companies,
        laws=laws,
        money=money,
        courts=courts,
        dockets=dockets,
        stage=stage,  # type: ignore[arg-type]
    )
    return Classification(True, 0.9, topics, ("test",), entities)
