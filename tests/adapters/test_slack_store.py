"""Slack-side storage on SQLite and PostgreSQL: the outbox never queues an alert twice,
leases survive a crash, and channel state (threads, tracks, mutes, events) round-trips."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.slack_store import SlackStore
from tests.fakes.db_rows import T0, add_case, add_feed, add_story


def _store(session_factory: sessionmaker[Session]) -> SlackStore:
    return SlackStore(session_factory)


def test_same_alert_is_never_queued_twice_per_channel(session_factory) -> None:
    outbox = _store(session_factory).outbox
    first = outbox.enqueue(channel="C1", dedupe_key="story:1", kind="new_case", payload={}, now=T0)
    again = outbox.enqueue(channel="C1", dedupe_key="story:1", kind="new_case", payload={}, now=T0)
    other = outbox.enqueue(channel="C2", dedupe_key="story:1", kind="new_case", payload={}, now=T0)
    assert (first, again, other) == (True, False, True)
    assert [m.channel for m in outbox.due(T0)] == ["C1", "C2"]


def test_a_claimed_row_is_not_due_until_its_lease_expires(session_factory) -> None:
    outbox = _store(session_factory).outbox
    outbox.enqueue(channel="C1", dedupe_key="k", kind="new_case", payload={"text": "x"}, now=T0)
    [message] = outbox.due(T0)
    assert outbox.mark_sending(message.id, T0, lease_seconds=60)
    assert not outbox.mark_sending(message.id, T0), "a second worker must not take it"
    assert outbox.due(T0 + timedelta(seconds=30)) == []
    [again] = outbox.due(T0 + timedelta(seconds=61))  # the worker died mid-post
    assert again.id == message.id and again.attempts == 1


def test_sent_rows_keep_their_ts_and_are_not_due(session_factory) -> None:
    outbox = _store(session_factory).outbox
    outbox.enqueue(channel="C1", dedupe_key="k", kind="new_case", payload={}, now=T0)
    [message] = outbox.due(T0)
    outbox.mark_sending(message.id, T0)
    outbox.mark_sent(message.id, "1700000000.000100", T0)
    assert outbox.due(T0 + timedelta(hours=1)) == []
    assert outbox.get(message.id).slack_ts == "1700000000.000100"  # type: ignore[union-attr]
    assert outbox.counts()["sent"] == 1


def test_rescheduled_and_dead_rows(session_factory) -> None:
    outbox = _store(session_factory).outbox
    for key in ("a", "b"):
        outbox.enqueue(channel="C1", dedupe_key=key, kind="new_case", payload={}, now=T0)
    first, second = outbox.due(T0)
    outbox.reschedule(first.id, T0 + timedelta(seconds=30), "ratelimited")
    outbox.mark_dead(second.id, "channel_not_found")
    assert outbox.due(T0) == []
    assert outbox.next_due_at() == T0 + timedelta(seconds=30)
    assert [m.last_error for m in outbox.dead()] == ["channel_not_found"]
    assert outbox.counts() == {"pending": 1, "sending": 0, "sent": 0, "dead": 1}


def test_threads_are_found_by_case_and_by_ts(session_factory) -> None:
    store = _store(session_factory)
    case_id = add_case(session_factory)
    store.record_thread(case_id, "C1", "111.1")
    store.record_thread(case_id, "C1", "222.2")  # the first thread stays
    assert store.thread_ts(case_id, "C1") == "111.1"
    assert store.case_for_thread("C1", "111.1") == case_id
    assert store.case_for_thread("C2", "111.1") is None
    store.outbox.enqueue(
        channel="C9", dedupe_key="x", kind="new_case", payload={}, now=T0, case_id=case_id
    )
    assert store.case_channels(case_id) == {"C1", "C9"}
    assert store.outbox.parent_pending(case_id, "C9")


def test_subscriptions_and_digests(session_factory) -> None:
    store = _store(session_factory)
    store.subscribe("C1", ["ai_training"], "U1", T0)
    store.subscribe("C1", [], "U1", T0)
    store.set_digest("C2", "week", T0)
    assert store.subscriptions() == {"C1": [], "C2": []}
    assert store.digest_channels("week") == ["C2"]
    assert store.unsubscribe("C1") and not store.unsubscribe("C1")


def test_not_relevant_mutes_the_case_and_stops_tracking_it(session_factory) -> None:
    store = _store(session_factory)
    case_id = add_case(session_factory)
    assert store.track("C1", case_id, "U1", T0)
    assert not store.track("C1", case_id, "U1", T0)
    assert store.tracking_channels(case_id) == {"C1"}
    store.mute_case("C1", case_id, T0)
    assert store.case_muted_channels(case_id) == {"C1"}
    assert store.tracked_cases("C1") == []


def test_feed_mutes_and_feedback_keep_the_story_text(session_factory) -> None:
    store = _store(session_factory)
    feed_id = add_feed(session_factory)
    case_id = add_case(session_factory)
    story_id = add_story(session_factory, feed_id, case_id=case_id)
    store.mute_feed("C1", feed_id, T0)
    store.mute_feed("C1", feed_id, T0)
    assert store.feed_muted_channels(feed_id) == {"C1"}
    assert store.feed_id_of_story(story_id) == feed_id
    assert store.feed_name(feed_id) == "courtwire"
    store.record_feedback(
        story_id=story_id, case_id=case_id, channel="C1", user="U1", label="not_relevant", now=T0
    )
    [row] = store.feedback()
    assert row["label"] == "not_relevant" and row["title"] == "LinkedIn sued over InMail"


def test_each_event_is_processed_once(session_factory) -> None:
    store = _store(session_factory)
    assert store.first_time("C1:123.4", T0)
    assert not store.first_time("C1:123.4", T0)
    assert store.forget_events_before(T0 + timedelta(days=1)) == 1
    assert store.first_time("C1:123.4", T0)


def test_stats_count_storage_and_delivery(session_factory) -> None:
    store = _store(session_factory)
    add_story(session_factory, add_feed(session_factory))
    stats = store.stats()
    assert stats["stories"] == 1 and stats["feeds"] == 1 and stats["alerts_pending"] == 0
