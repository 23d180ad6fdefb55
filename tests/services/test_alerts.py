"""queue_alerts: which channels get what, never twice, nothing for backfill; copies of
alerted stories are in test_also_reported."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.engine import make_session_factory
from bot.adapters.db.slack_store import SlackStore
from bot.domain.models import Case, CaseFacts, Classification, Story
from bot.services.alerts import LinkedStory, alert_channel_for, queue_alerts
from bot.settings import Settings
from tests.fakes.db_rows import T0, add_case, add_feed, add_story


@dataclass(frozen=True)
class Outcome:
    case_id: int
    created: bool
    stage_changed: bool = False
    stage: str | None = None
    duplicate_of: int | None = None


@pytest.fixture
def sessions(sqlite_engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(sqlite_engine)


def linked(
    sessions: sessionmaker[Session], title: str = "LinkedIn sued", **outcome: object
) -> LinkedStory:
    feed_id = add_feed(sessions, f"feed-{title}")
    case_id = int(outcome.pop("case_id", 0)) or add_case(sessions)  # type: ignore[call-overload]
    story_id = add_story(sessions, feed_id, title=title, case_id=case_id)
    story = Story(
        identity=title,
        feed_name="wire",
        title=title,
        summary="s",
        url="https://a.example",
        published=T0,
    )
    return LinkedStory(
        story_id=story_id,
        story=story,
        classification=Classification(True, 0.9, ("ai_training",), ("AI training",)),
        case=Case(id=case_id, facts=CaseFacts(title="LinkedIn: InMail")),
        outcome=Outcome(case_id=case_id, **outcome),  # type: ignore[arg-type]
    )


def test_new_case_is_queued_for_the_alert_channel_and_subscribers(sessions) -> None:
    store = SlackStore(sessions)
    store.subscribe("C_AI", ["ai_training"], None, T0)
    store.subscribe("C_PRIV", ["privacy_action"], None, T0)
    queued = queue_alerts(store, linked(sessions, created=True), T0, alert_channel="C_ALERTS")
    assert [(a.channel, a.kind) for a in queued] == [("C_AI", "new_case"), ("C_ALERTS", "new_case")]
    assert {m.payload["text"].startswith("New case") for m in store.outbox.due(T0)} == {True}


def test_the_same_story_is_never_queued_twice(sessions) -> None:
    store = SlackStore(sessions)
    story = linked(sessions, created=True)
    queue_alerts(store, story, T0, alert_channel="C_ALERTS")
    assert queue_alerts(store, story, T0, alert_channel="C_ALERTS") == []
    assert len(store.outbox.due(T0)) == 1


def test_follow_up_goes_to_the_thread_channels_and_broadcasts_a_settlement(sessions) -> None:
    store = SlackStore(sessions)
    first = linked(sessions, "LinkedIn sued", created=True)
    queue_alerts(store, first, T0, alert_channel="C_ALERTS")
    store.track("C_TEAM", first.case.id, "U1", T0)
    later = linked(
        sessions,
        "LinkedIn settles",
        case_id=first.case.id,
        created=False,
        stage_changed=True,
        stage="settlement",
    )
    queued = queue_alerts(store, later, T0, alert_channel="C_ALERTS")
    assert [(a.channel, a.kind, a.broadcast) for a in queued] == [
        ("C_ALERTS", "follow_up", True),
        ("C_TEAM", "follow_up", True),
    ]


def test_backfill_and_copies_of_a_story_never_alerted_queue_nothing(sessions) -> None:
    store = SlackStore(sessions)
    silent = linked(sessions, "old story", created=True)
    silent = LinkedStory(**{**silent.__dict__, "backfill": True})
    assert queue_alerts(store, silent, T0, alert_channel="C_ALERTS") == []
    copy = linked(sessions, "copy", created=False, duplicate_of=1)
    assert queue_alerts(store, copy, T0, alert_channel="C_ALERTS") == []


def test_muted_feed_and_not_relevant_case_stop_alerts_in_that_channel(sessions) -> None:
    store = SlackStore(sessions)
    story = linked(sessions, created=True)
    store.mute_feed("C_ALERTS", store.feed_id_of_story(story.story_id) or 0, T0)
    assert queue_alerts(store, story, T0, alert_channel="C_ALERTS") == []


def test_console_mode_alerts_go_to_the_console_channel() -> None:
    assert alert_channel_for(Settings()) == "console"
    assert alert_channel_for(Settings(slack_bot_token="xoxb-1", slack_signing_secret="s")) is None
