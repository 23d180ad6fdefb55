"""Delivers the outbox to Slack at Slack's pace: about one message per second per channel,
Retry-After honoured per channel, server and network errors retried with backoff, nothing
dropped. A row is marked 'sending' before the post and 'sent' with its ts after, so a
restart reposts at most the one message that was in flight when the process died.
An 'update' row edits a posted alert (also reported by ...) once that alert has its ts."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.adapters.db.outbox_store import OutboxMessage
from bot.adapters.db.slack_store import SlackStore
from bot.errors import DeliveryError
from bot.render.blocks import with_also_reported
from bot.services.ports import Notifier

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    dead: int = 0
    waiting: int = 0  # due, but its channel is paced or its thread parent is not out yet
    updated: int = 0  # posted alerts edited (counted in sent too)
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Pacing:
    per_channel_seconds: float = 1.0  # chat.postMessage: about one per second per channel
    lease_seconds: float = 60.0  # a 'sending' row older than this was abandoned by a crash
    first_backoff_seconds: float = 5.0
    max_backoff_seconds: float = 900.0
    idle_seconds: float = 5.0  # how often the loop looks for rows another process queued


class DeliveryWorker:
    def __init__(
        self, store: SlackStore, notifier: Notifier, clock: Clock, pacing: Pacing | None = None
    ) -> None:
        self._store, self._outbox = store, store.outbox
        self._notifier = notifier
        self._clock = clock
        self._pacing = pacing or Pacing()
        self._ready_at: dict[str, datetime] = {}  # channel -> earliest next post

    def run_once(self, now: datetime | None = None, limit: int = 500) -> DeliveryReport:
        """Post every due row whose channel is ready; rows for busy channels wait."""
        report = DeliveryReport()
        for message in self._outbox.due(now or self._clock(), limit):
            self._deliver(message, self._clock(), report)
        return report

    def run_forever(self, stop: threading.Event) -> None:
        """The delivery loop for `run`: runs until `stop` is set (Ctrl-C sets it)."""
        while not stop.is_set():
            try:
                self.run_once()
            except Exception:  # a database hiccup must not end delivery; the row stays queued
                log.exception("delivery round failed; retrying")
            stop.wait(self._seconds_until_next())

    def _seconds_until_next(self) -> float:
        now, idle = self._clock(), self._pacing.idle_seconds
        due = self._outbox.next_due_at()
        if due is None:
            return idle
        wait = (due - now).total_seconds()
        if wait <= 0:  # due rows remain, so their channels are paced: wake when one frees
            paced = [(t - now).total_seconds() for t in self._ready_at.values() if t > now]
            wait = min(paced, default=self._pacing.per_channel_seconds)
        return max(0.01, min(idle, wait))

    def _deliver(self, message: OutboxMessage, now: datetime, report: DeliveryReport) -> None:
        if self._ready_at.get(message.channel, now) > now:
            report.waiting += 1
            return
        if message.kind == "update":
            self._deliver_update(message, now, report)
            return
        thread_ts = self._thread_for(message)
        if thread_ts is None and self._waits_for_parent(message):
            self._wait(message, now, report)
            return
        claim = self._outbox.mark_sending(message.id, now, self._pacing.lease_seconds)
        if claim is not None:  # None: another worker took it
            self._post(message, claim, thread_ts, now, report)

    def _wait(self, message: OutboxMessage, now: datetime, report: DeliveryReport) -> None:
        """Not yet: what this message needs (a parent's ts, a pace slot) is not there."""
        self._outbox.reschedule(message.id, now + self._pace)
        report.waiting += 1

    def _post(
        self,
        message: OutboxMessage,
        claim: int,
        thread_ts: str | None,
        now: datetime,
        report: DeliveryReport,
    ) -> None:
        broadcast = bool(message.payload.get("broadcast")) and thread_ts is not None
        try:
            ts = self._notifier.post(
                message.channel, message.payload, thread_ts=thread_ts, broadcast=broadcast
            )
        except DeliveryError as error:
            self._failed(message, claim, error, now, report)
            return
        self._outbox.mark_sent(message.id, ts, now, claim=claim)
        if thread_ts is None and message.case_id is not None:
            self._store.record_thread(message.case_id, message.channel, ts)
        self._ready_at[message.channel] = now + self._pace
        report.sent += 1

    def _deliver_update(
        self, message: OutboxMessage, now: datetime, report: DeliveryReport
    ) -> None:
        """Edit the story's alert in this channel once it has a ts; its content is read
        now, after the claim, so every copy stored before this moment is shown."""
        original = self._outbox.alert_for(message.story_id or 0, message.channel)
        if original is None or original.status == "dead":
            self._outbox.mark_dead(message.id, "the alert to update was never posted")
            report.dead += 1
            return
        if original.status != "sent" or not original.slack_ts:
            self._wait(message, now, report)
            return
        claim = self._outbox.mark_sending(message.id, now, self._pacing.lease_seconds)
        if claim is not None:  # None: another worker took it
            self._edit(message, claim, original, now, report)

    def _edit(
        self,
        message: OutboxMessage,
        claim: int,
        original: OutboxMessage,
        now: datetime,
        report: DeliveryReport,
    ) -> None:
        reports = self._store.other_reports(message.story_id or 0)
        edited = with_also_reported(original.payload, reports)
        try:
            self._notifier.update(message.channel, original.slack_ts or "", edited)
        except DeliveryError as error:
            self._failed(message, claim, error, now, report)
            return
        self._outbox.mark_sent(message.id, original.slack_ts or "", now, claim=claim)
        self._ready_at[message.channel] = now + self._pace
        report.sent += 1
        report.updated += 1

    def _failed(
        self,
        message: OutboxMessage,
        claim: int,
        error: DeliveryError,
        now: datetime,
        report: DeliveryReport,
    ) -> None:
        report.errors.append(f"{message.channel}: {error.reason}")
        if not error.retryable:
            log.warning("alert %s to %s is dead: %s", message.id, message.channel, error.reason)
            self._outbox.mark_dead(message.id, error.reason, claim=claim)
            report.dead += 1
            return
        delay = error.retry_after or self._backoff(message.attempts + 1)
        if error.retry_after:  # Slack's Retry-After holds for the whole channel
            self._ready_at[message.channel] = now + timedelta(seconds=error.retry_after)
        at = now + timedelta(seconds=delay)
        self._outbox.reschedule(message.id, at, error.reason, claim=claim)
        report.retried += 1

    def _thread_for(self, message: OutboxMessage) -> str | None:
        if message.kind != "follow_up" or message.case_id is None:
            return None
        return self._store.thread_ts(message.case_id, message.channel)

    def _waits_for_parent(self, message: OutboxMessage) -> bool:
        """A follow-up whose case's first message is still queued waits for it, so it
        lands in the thread; if that message died, the follow-up starts the thread."""
        if message.kind != "follow_up" or message.case_id is None:
            return False
        return self._outbox.parent_pending(message.case_id, message.channel)

    def _backoff(self, attempts: int) -> float:
        first, cap = self._pacing.first_backoff_seconds, self._pacing.max_backoff_seconds
        return float(min(cap, first * 2 ** max(0, attempts - 1)))

    @property
    def _pace(self) -> timedelta:
        return timedelta(seconds=self._pacing.per_channel_seconds)
