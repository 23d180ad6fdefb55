"""Delivery through the real slack-sdk client against the fake Slack API: pacing per
channel, Retry-After, 5xx retries, dead rows, threads, and a kill in the middle."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.adapters.db.engine import make_session_factory
from bot.adapters.db.slack_store import SlackStore
from bot.adapters.slack_notifier import SlackNotifier
from bot.errors import DeliveryError
from bot.services.deliver import DeliveryWorker
from bot.services.ports import Message
from tests.conftest import FakeClock
from tests.fakes.db_rows import T0, add_case
from tests.fakes.fake_slack_api import FakeSlackApi, rate_limited, server_error, slack_error


@pytest.fixture
def api() -> Iterator[FakeSlackApi]:
    with FakeSlackApi() as fake:
        yield fake


@pytest.fixture
def store(sqlite_engine: Engine) -> SlackStore:
    return SlackStore(make_session_factory(sqlite_engine))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


def worker(store: SlackStore, api: FakeSlackApi, clock: FakeClock) -> DeliveryWorker:
    client = WebClient(token="xoxb-test", base_url=api.url, retry_handlers=[])
    return DeliveryWorker(store, SlackNotifier(client), clock)


def queue(
    store: SlackStore,
    channel: str,
    key: str,
    kind: str = "new_case",
    case_id: int | None = None,
    **payload: object,
) -> None:
    body = {"text": f"alert {key}", "blocks": [], **payload}
    store.outbox.enqueue(
        channel=channel, dedupe_key=key, kind=kind, payload=body, now=T0, case_id=case_id
    )


def posted(api: FakeSlackApi) -> list[tuple[str, str]]:
    return [(c.params["channel"], c.params["text"]) for c in api.calls_to("chat.postMessage")]


def test_posts_at_most_one_message_per_second_per_channel(store, api, clock) -> None:
    for key in ("a", "b", "c"):
        queue(store, "C1", key)
    queue(store, "C2", "d")
    delivery = worker(store, api, clock)
    report = delivery.run_once()
    assert report.sent == 2 and report.waiting == 2
    assert posted(api) == [("C1", "alert a"), ("C2", "alert d")]
    delivery.run_once()
    assert len(posted(api)) == 2, "the clock has not moved: C1 must wait"
    clock.advance(seconds=1)
    delivery.run_once()
    clock.advance(seconds=1)
    delivery.run_once()
    assert posted(api)[2:] == [("C1", "alert b"), ("C1", "alert c")]


def test_429_is_honoured_for_the_whole_channel(store, api, clock) -> None:
    queue(store, "C1", "a")
    queue(store, "C1", "b")
    api.script("chat.postMessage", rate_limited(30))
    delivery = worker(store, api, clock)
    report = delivery.run_once()
    assert report.retried == 1 and report.sent == 0
    clock.advance(seconds=29)
    delivery.run_once()
    assert len(api.calls_to("chat.postMessage")) == 1, "nothing may be posted during Retry-After"
    clock.advance(seconds=2)
    delivery.run_once()
    clock.advance(seconds=1)
    delivery.run_once()
    assert [text for _, text in posted(api)] == ["alert a", "alert a", "alert b"]
    assert store.outbox.counts()["sent"] == 2


def test_server_errors_are_retried_with_backoff_and_never_dropped(store, api, clock) -> None:
    queue(store, "C1", "a")
    api.script("chat.postMessage", server_error(503), server_error(500), server_error(502))
    delivery = worker(store, api, clock)
    for _ in range(3):
        assert delivery.run_once().retried == 1
        clock.advance(seconds=60)
    assert delivery.run_once().sent == 1
    assert store.outbox.counts() == {"pending": 0, "sending": 0, "sent": 1, "dead": 0}


def test_a_missing_channel_marks_the_alert_dead_with_the_reason(store, api, clock) -> None:
    queue(store, "C_GONE", "a")
    api.script("chat.postMessage", slack_error("channel_not_found"))
    report = worker(store, api, clock).run_once()
    assert report.dead == 1
    [dead] = store.outbox.dead()
    assert "channel_not_found" in (dead.last_error or "")
    assert store.stats()["alerts_dead"] == 1


def test_follow_ups_thread_under_the_first_message_and_wait_for_it(store, api, clock) -> None:
    case_id = add_case(store._sessions)
    queue(store, "C1", "first", case_id=case_id)
    queue(store, "C1", "update", kind="follow_up", case_id=case_id, broadcast=True)
    delivery = worker(store, api, clock)
    delivery.run_once()
    clock.advance(seconds=1)
    delivery.run_once()
    first, update = api.calls_to("chat.postMessage")
    assert "thread_ts" not in first.params
    assert update.params["thread_ts"] == store.thread_ts(case_id, "C1")
    assert update.params["reply_broadcast"] is True


def test_a_follow_up_waits_while_its_parent_is_rate_limited(store, api, clock) -> None:
    case_id = add_case(store._sessions)
    queue(store, "C1", "first", case_id=case_id)
    queue(store, "C1", "update", kind="follow_up", case_id=case_id)
    api.script("chat.postMessage", rate_limited(5))
    delivery = worker(store, api, clock)
    delivery.run_once()
    clock.advance(seconds=6)
    delivery.run_once()
    clock.advance(seconds=1)
    delivery.run_once()
    texts = [text for _, text in posted(api)]
    assert texts == ["alert first", "alert first", "alert update"]
    assert api.calls_to("chat.postMessage")[-1].params["thread_ts"]


def test_restart_after_a_kill_reposts_only_the_message_in_flight(store, api, clock) -> None:
    for key in ("sent-before", "in-flight", "never-tried"):
        queue(store, "C1", key)
    sent, in_flight, _ = store.outbox.due(T0)
    store.outbox.mark_sending(sent.id, T0)
    store.outbox.mark_sent(sent.id, "1.1", T0)
    store.outbox.mark_sending(in_flight.id, T0, lease_seconds=60)  # then the process died
    restarted = worker(store, api, clock)
    restarted.run_once()
    assert posted(api) == [("C1", "alert never-tried")], "the lease of the killed post holds"
    clock.advance(seconds=61)
    restarted.run_once()
    assert [text for _, text in posted(api)] == ["alert never-tried", "alert in-flight"]
    assert store.outbox.counts()["sent"] == 3


class _TimesOutAfterTheLease:
    """A post that hangs past the lease (another worker takes the row over and posts
    it meanwhile), then fails as a timeout would."""

    def __init__(self, clock: FakeClock, meanwhile: DeliveryWorker) -> None:
        self._clock, self._meanwhile = clock, meanwhile

    def post(self, channel: str, message: Message, **options: Any) -> str:
        self._clock.advance(seconds=61)
        self._meanwhile.run_once()
        raise DeliveryError("network error: timed out", retryable=True)

    def update(self, channel: str, ts: str, message: Message) -> None:
        raise AssertionError("no edits here")


def test_a_worker_whose_lease_ran_out_does_not_undo_the_post_of_the_one_that_took_over(
    store, api, clock
) -> None:
    queue(store, "C1", "a")
    slow = DeliveryWorker(store, _TimesOutAfterTheLease(clock, worker(store, api, clock)), clock)

    slow.run_once()
    clock.advance(minutes=30)
    worker(store, api, clock).run_once()

    assert posted(api) == [("C1", "alert a")]
    assert store.outbox.counts()["sent"] == 1
