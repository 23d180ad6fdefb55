"""Another outlet's copy of an alerted story edits that alert ("Also reported by N") through
the outbox, with the real slack-sdk client against the fake Slack API: one edit for many
copies, never before the alert has its ts, retried after 429, never in a muted channel."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.adapters.db.engine import make_session_factory
from bot.adapters.db.slack_store import SlackStore
from bot.adapters.slack_notifier import SlackNotifier
from bot.domain.models import Case, CaseFacts, Classification, Story
from bot.services.alerts import LinkedStory, queue_alerts
from bot.services.deliver import DeliveryWorker
from tests.conftest import FakeClock
from tests.fakes.db_rows import T0, add_case, add_feed, add_story
from tests.fakes.fake_slack_api import Call, FakeSlackApi, rate_limited, slack_error

ALERTS = "C_ALERTS"


@dataclass(frozen=True)
class Outcome:
    case_id: int
    created: bool
    stage_changed: bool = False
    stage: str | None = None
    duplicate_of: int | None = None


@pytest.fixture
def api() -> Iterator[FakeSlackApi]:
    with FakeSlackApi() as fake:
        yield fake


@pytest.fixture
def store(engine: Engine) -> SlackStore:
    return SlackStore(make_session_factory(engine))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


@pytest.fixture
def delivery(store: SlackStore, api: FakeSlackApi, clock: FakeClock) -> DeliveryWorker:
    client = WebClient(token="xoxb-test", base_url=api.url, retry_handlers=[])
    return DeliveryWorker(store, SlackNotifier(client), clock)


class Newsroom:
    """Stories stored as the poller and linker would leave them, then queued."""

    def __init__(self, store: SlackStore) -> None:
        self.store = store
        self.case_id = add_case(store._sessions)

    def report(self, outlet: str, url: str, duplicate_of: int | None = None) -> int:
        feed_id = add_feed(self.store._sessions, f"feed-{outlet[:20]}-{url[-8:]}")
        story_id = add_story(
            self.store._sessions,
            feed_id,
            title=f"LinkedIn sued ({url})",
            case_id=self.case_id,
            outlet=outlet,
            url=url,
            duplicate_of=duplicate_of,
        )
        story = Story(f"id-{url}", "wire", "LinkedIn sued", "s", url, T0, outlet)
        outcome = Outcome(self.case_id, created=duplicate_of is None, duplicate_of=duplicate_of)
        linked = LinkedStory(
            story_id,
            story,
            Classification(True, 0.9, ("ai_training",), ("AI training",)),
            Case(id=self.case_id, facts=CaseFacts(title="LinkedIn: InMail")),
            outcome,
        )
        queue_alerts(self.store, linked, T0, alert_channel=ALERTS)
        return story_id


def also_reported(call: Call) -> str:
    [line] = [b for b in call.params["blocks"] if b.get("block_id") == "also_reported"]
    return str(line["elements"][0]["text"])


def drain(delivery: DeliveryWorker, clock: FakeClock, rounds: int = 4) -> None:
    for _ in range(rounds):
        delivery.run_once()
        clock.advance(seconds=1)


def test_two_outlets_copies_edit_the_alert_once_to_say_also_reported_by_2(
    store, api, clock, delivery
) -> None:
    news = Newsroom(store)
    original = news.report("Reuters", "https://reuters.example/li")
    drain(delivery, clock)
    first = news.report("AP <!channel>", "https://ap.example/li?a=1", duplicate_of=original)
    news.report("Le Monde", "https://lemonde.example/li", duplicate_of=first)  # copy of a copy
    drain(delivery, clock)
    assert len(api.calls_to("chat.postMessage")) == 1
    [edit] = api.calls_to("chat.update")
    alert = store.outbox.alert_for(original, ALERTS)
    assert edit.params["channel"] == ALERTS and edit.params["ts"] == (alert and alert.slack_ts)
    line = also_reported(edit)
    assert line.startswith("Also reported by 2: ")
    assert "<https://ap.example/li?a=1|AP &lt;!channel&gt;>" in line and "<!channel>" not in line
    assert "<https://lemonde.example/li|Le Monde>" in line
    assert json.dumps(edit.params["blocks"]).count("track_case") == 1, "buttons kept"


def test_a_later_copy_edits_the_alert_again_with_the_new_count(store, api, clock, delivery) -> None:
    news = Newsroom(store)
    original = news.report("Reuters", "https://reuters.example/li")
    news.report("AP", "https://ap.example/li", duplicate_of=original)
    drain(delivery, clock)
    news.report("BBC", "https://bbc.example/li", duplicate_of=original)
    drain(delivery, clock)
    edits = api.calls_to("chat.update")
    assert [also_reported(e).split(":")[0] for e in edits] == [
        "Also reported by 1",
        "Also reported by 2",
    ]
    assert edits[0].params["ts"] == edits[1].params["ts"]


def test_a_copy_of_a_still_queued_alert_waits_for_its_ts(store, api, clock, delivery) -> None:
    news = Newsroom(store)
    original = news.report("Reuters", "https://reuters.example/li")
    alert = store.outbox.alert_for(original, ALERTS)
    assert alert is not None
    store.outbox.mark_sending(alert.id, T0)  # another process is posting it right now
    news.report("AP", "https://ap.example/li", duplicate_of=original)
    report = delivery.run_once()
    assert report.waiting == 1 and api.calls_to("chat.update") == []
    store.outbox.mark_sent(alert.id, "1700000000.424242", T0)
    clock.advance(seconds=2)
    assert delivery.run_once().updated == 1
    [edit] = api.calls_to("chat.update")
    assert edit.params["ts"] == "1700000000.424242"


def test_an_alert_and_its_copy_queued_together_post_then_edit(store, api, clock, delivery) -> None:
    news = Newsroom(store)
    original = news.report("Reuters", "https://reuters.example/li")
    news.report("AP", "https://ap.example/li", duplicate_of=original)
    drain(delivery, clock)
    assert [c.method for c in api.calls if c.method.startswith("chat.")] == [
        "chat.postMessage",
        "chat.update",
    ]
    assert store.outbox.counts() == {"pending": 0, "sending": 0, "sent": 2, "dead": 0}


def test_a_rate_limited_edit_is_retried_after_retry_after(store, api, clock, delivery) -> None:
    news = Newsroom(store)
    original = news.report("Reuters", "https://reuters.example/li")
    drain(delivery, clock)
    news.report("AP", "https://ap.example/li", duplicate_of=original)
    api.script("chat.update", rate_limited(5))
    assert delivery.run_once().retried == 1
    clock.advance(seconds=4)
    assert delivery.run_once().updated == 0, "Retry-After holds"
    clock.advance(seconds=2)
    assert delivery.run_once().updated == 1
    assert len(api.calls_to("chat.update")) == 2
    assert store.outbox.counts()["pending"] == 0


def test_copies_before_the_edit_is_sent_share_one_queued_edit(store, clock) -> None:
    news = Newsroom(store)
    original = news.report("Reuters", "https://reuters.example/li")
    news.report("AP", "https://ap.example/li", duplicate_of=original)
    news.report("BBC", "https://bbc.example/li", duplicate_of=original)
    kinds = [m.kind for m in store.outbox.due(T0)]
    assert kinds == ["new_case", "update"]


def test_an_outlet_is_counted_once_and_the_alerts_own_outlet_not_at_all(store) -> None:
    news = Newsroom(store)
    original = news.report("Reuters", "https://reuters.example/li")
    news.report("reuters", "https://reuters.example/li-tech", duplicate_of=original)
    news.report("AP", "https://ap.example/li", duplicate_of=original)
    news.report("AP", "https://ap.example/li-2", duplicate_of=original)
    assert [r.outlet for r in store.other_reports(original)] == ["AP"]


def test_no_edit_where_the_case_was_marked_not_relevant(store, api, clock, delivery) -> None:
    news = Newsroom(store)
    original = news.report("Reuters", "https://reuters.example/li")
    drain(delivery, clock)
    store.mute_case(ALERTS, news.case_id, T0)
    news.report("AP", "https://ap.example/li", duplicate_of=original)
    drain(delivery, clock)
    assert api.calls_to("chat.update") == []


def test_a_copy_of_an_alert_that_died_is_not_edited(store, api, clock, delivery) -> None:
    news = Newsroom(store)
    original = news.report("Reuters", "https://reuters.example/li")
    news.report("AP", "https://ap.example/li", duplicate_of=original)
    api.script("chat.postMessage", slack_error("channel_not_found"))
    drain(delivery, clock)
    assert api.calls_to("chat.update") == []
    assert store.outbox.counts()["dead"] == 2
