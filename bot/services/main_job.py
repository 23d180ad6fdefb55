"""The main job behind `privacy-bot run`: a poll tick that stores, classifies, links and
queues, a delivery loop, and the daily digest, scheduled with APScheduler 3. Each piece
is a plain method, so `run --once`, `poll` and tests call the same code directly."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler

from bot.adapters.db.slack_store import SlackStore
from bot.adapters.db.story_store import StoryStore
from bot.services.deliver import DeliveryReport, DeliveryWorker
from bot.services.digest import DigestService
from bot.services.pipeline import Pipeline, ProcessedStory
from bot.services.poll import Poller, PollReport

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
RETRY_AFTER = timedelta(minutes=10)  # a story unclassified this long was left behind
# Slack retries an event for minutes, not days: older dedupe keys only take space.
EVENT_MEMORY = timedelta(days=2)


@dataclass(frozen=True)
class CycleReport:
    poll: PollReport
    processed: tuple[ProcessedStory, ...]

    @property
    def relevant(self) -> list[ProcessedStory]:
        return [p for p in self.processed if p.classification.relevant]


class MainJob:
    def __init__(
        self,
        poller: Poller,
        stories: StoryStore,
        pipeline: Pipeline,
        delivery: DeliveryWorker,
        digests: DigestService | None,
        slack_store: SlackStore,
        clock: Clock,
        *,
        tick_seconds: float = 60.0,
    ) -> None:
        self._poller, self._stories = poller, stories
        self._pipeline, self._delivery = pipeline, delivery
        self._digests, self._slack, self._clock = digests, slack_store, clock
        self._tick_seconds = tick_seconds
        self._lock = threading.Lock()  # one cycle at a time, whoever triggers it

    def poll_cycle(self, *, all_feeds: bool = False) -> CycleReport:
        """Poll (due feeds, or every enabled feed), then process what was new."""
        with self._lock:
            now = self._clock()
            report = self._poller.poll_all(now) if all_feeds else self._poller.poll_due(now)
            left_behind = self._stories.unprocessed(now - RETRY_AFTER)
            processed = self._pipeline.process(left_behind + report.new_stories, now)
            if self._digests is not None:
                self._digests.queue_due(now)
            self._slack.forget_events_before(now - EVENT_MEMORY)
            return CycleReport(report, tuple(processed))

    def deliver_until_idle(self, deadline: timedelta) -> DeliveryReport:
        """Deliver what is queued (at Slack's pace) until nothing is due or time is up;
        what remains stays queued for the next run."""
        total = DeliveryReport()
        until = self._clock() + deadline
        stop = threading.Event()
        while self._clock() < until:
            report = self._delivery.run_once()
            _add(total, report)
            if report.waiting == 0 and report.sent == 0 and report.retried == 0:
                break
            stop.wait(0.2)  # paced channels free up within about a second
        return total

    def start(self, stop: threading.Event) -> BackgroundScheduler:
        """Poll now and every tick, and deliver continuously until `stop` is set."""
        scheduler = BackgroundScheduler(
            timezone=UTC, job_defaults={"coalesce": True, "max_instances": 1}
        )
        scheduler.add_job(
            self._tick, "interval", seconds=self._tick_seconds, id="poll",
            next_run_time=datetime.now(UTC),
        )  # fmt: skip
        scheduler.start()
        threading.Thread(
            target=self._delivery.run_forever, args=(stop,), name="delivery", daemon=True
        ).start()
        return scheduler

    def _tick(self) -> None:
        report = self.poll_cycle()
        log.info(
            "poll tick feeds=%d new=%d relevant=%d errors=%d",
            len(report.poll.feeds), len(report.processed), len(report.relevant),
            len(report.poll.errors),
        )  # fmt: skip


def _add(total: DeliveryReport, report: DeliveryReport) -> None:
    total.sent += report.sent
    total.retried += report.retried
    total.dead += report.dead
    total.waiting = report.waiting
    total.errors += report.errors
