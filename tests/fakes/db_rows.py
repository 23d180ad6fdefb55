"""Rows other parts own (feeds, stories, cases), inserted directly so Slack-side tests
can reference them without running the poller or the case linker."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.tables import CaseRow, FeedRow, StoryRow

T0 = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def add_feed(sessions: sessionmaker[Session], name: str = "courtwire") -> int:
    with sessions.begin() as session:
        row = FeedRow(name=name, url=f"https://{name}.example/feed", created_at=T0)
        session.add(row)
        session.flush()
        return row.id


def add_case(sessions: sessionmaker[Session], title: str = "LinkedIn: InMail and AI") -> int:
    with sessions.begin() as session:
        row = CaseRow(title=title, first_seen=T0, last_update=T0, stage="filed")
        session.add(row)
        session.flush()
        return row.id


def add_story(
    sessions: sessionmaker[Session],
    feed_id: int,
    title: str = "LinkedIn sued over InMail",
    case_id: int | None = None,
    summary: str = "A proposed class action says LinkedIn used messages to train AI.",
    *,
    outlet: str = "",
    url: str = "https://news.example/a",
    duplicate_of: int | None = None,
) -> int:
    with sessions.begin() as session:
        row = StoryRow(
            feed_id=feed_id,
            identity=f"id-{title}",
            title=title,
            summary=summary,
            url=url,
            outlet=outlet,
            duplicate_of_id=duplicate_of,
            fetched_at=T0,
            case_id=case_id,
            relevant=True,
        )
        session.add(row)
        session.flush()
        return row.id
