"""The pipeline after polling: classify, link, queue; a failure on one story loses nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, func, select

from bot.adapters.db.engine import make_session_factory
from bot.adapters.db.feed_store import FeedStore
from bot.adapters.db.slack_store import SlackStore
from bot.adapters.db.story_store import NewStory, StoryStore
from bot.adapters.db.tables import OutboxRow
from bot.domain.classify import classify
from bot.domain.models import Classification, FeedConfig, Story
from bot.services.cases import CaseService
from bot.services.pipeline import Pipeline

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def story(identity: str, title: str, summary: str) -> Story:
    return Story(identity, "Wire", title, summary, f"https://news.example/{identity}", NOW)


INMAIL = story(
    "inmail",
    "LinkedIn sued for allegedly disclosing Premium users' InMail messages to train AI",
    "A proposed class action in federal court in San Jose seeks $1,000 per user under the "
    "Stored Communications Act.",
)
OTHER = story(
    "fine",
    "CNIL fines retailer EUR 40 million over advertising cookies",
    "France's data protection authority said the retailer placed cookies without consent.",
)


def stored(engine: Engine, *stories: Story) -> tuple[StoryStore, list[NewStory]]:
    sessions = make_session_factory(engine)
    feeds = FeedStore(sessions)
    feeds.sync_config([FeedConfig("Wire", "https://news.example/rss")], NOW)
    feed = feeds.get("Wire")
    assert feed is not None
    store = StoryStore(sessions)
    return store, store.insert_new(feed.id, list(stories), NOW)


def pipeline(engine: Engine, judge: object = classify) -> Pipeline:
    sessions = make_session_factory(engine)
    return Pipeline(
        judge,  # type: ignore[arg-type]
        CaseService(sessions, lambda: NOW),
        SlackStore(sessions),
        alert_channel="C_ALERTS",
    )


def outbox_size(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(OutboxRow)).scalar_one())


def test_relevant_story_opens_a_case_and_queues_one_alert(sqlite_engine: Engine) -> None:
    _, new = stored(sqlite_engine, INMAIL)

    [result] = pipeline(sqlite_engine).process(new, NOW)

    assert result.classification.relevant
    assert result.outcome is not None and result.outcome.created
    assert result.alerts_queued == 1 and outbox_size(sqlite_engine) == 1


def test_a_failing_story_does_not_stop_the_others_and_is_retried_later(
    sqlite_engine: Engine,
) -> None:
    store, new = stored(sqlite_engine, INMAIL, OTHER)
    calls: list[str] = []

    def flaky(title: str, summary: str) -> Classification:
        calls.append(title)
        if "InMail" in title and calls.count(title) == 1:
            raise RuntimeError("model file unreadable")
        return classify(title, summary)

    first = pipeline(sqlite_engine, flaky).process(new, NOW)
    assert [p.story.identity for p in first] == ["fine"]

    left = store.unprocessed(stored_before=NOW + timedelta(minutes=1))
    assert [n.story.identity for n in left] == ["inmail"]
    second = pipeline(sqlite_engine, flaky).process(left, NOW)
    assert [p.story.identity for p in second] == ["inmail"]
    assert store.unprocessed(stored_before=NOW + timedelta(minutes=1)) == []
    assert outbox_size(sqlite_engine) == 2
