"""Queues the Slack messages a linked story deserves: asks the store who listens, lets the
pure planner decide, renders each alert once and puts it in the outbox. Another outlet's
copy of an alerted story queues an edit of that alert instead ("also reported by")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.adapters.db.outbox_store import story_key
from bot.adapters.db.slack_store import SlackStore
from bot.domain.alerting import Audience, LinkFacts, PlannedAlert, plan_alerts, plan_updates
from bot.domain.models import Case, Classification, Story
from bot.render.blocks import render_alert
from bot.settings import Settings

CONSOLE_CHANNEL = "console"


class LinkOutcomeLike(Protocol):
    """The fields of CaseService's LinkOutcome that alerting reads."""

    @property
    def case_id(self) -> int: ...
    @property
    def created(self) -> bool: ...
    @property
    def stage_changed(self) -> bool: ...
    @property
    def stage(self) -> str | None: ...
    @property
    def duplicate_of(self) -> int | None: ...


@dataclass(frozen=True)
class LinkedStory:
    """One stored story after classification and linking: everything an alert shows."""

    story_id: int
    story: Story
    classification: Classification
    case: Case
    outcome: LinkOutcomeLike
    backfill: bool = False


def alert_channel_for(settings: Settings) -> str | None:
    """SLACK_ALERT_CHANNEL, or the terminal in console mode."""
    if settings.slack_mode == "console":
        return settings.slack_alert_channel or CONSOLE_CHANNEL
    return settings.slack_alert_channel


def queue_alerts(
    store: SlackStore, linked: LinkedStory, now: datetime, *, alert_channel: str | None
) -> list[PlannedAlert]:
    """Put this story's alerts in the outbox; returns the ones newly queued."""
    facts = _facts(linked.outcome)
    if facts.duplicate_of is not None and not linked.backfill:
        return queue_also_reported(store, linked, facts.duplicate_of, now)
    feed_id = store.feed_id_of_story(linked.story_id)
    audience = _audience(store, facts.case_id, feed_id, alert_channel)
    plan = plan_alerts(facts, linked.classification.topics, audience, backfill=linked.backfill)
    return [alert for alert in plan if _enqueue(store, linked, alert, feed_id, now)]


def queue_also_reported(
    store: SlackStore, linked: LinkedStory, duplicate_of: int, now: datetime
) -> list[PlannedAlert]:
    """Queue an edit of the original alert in each channel that got it. The edit is
    rendered at delivery from the stored copies, so one queued edit covers every copy
    that arrives before it is sent; it waits for the original's ts if that is queued."""
    original = store.original_story(duplicate_of)
    alerted = store.outbox.alerted_channels(original)
    plan = plan_updates(alerted, store.case_muted_channels(linked.case.id))
    return [u for u in plan if _enqueue_update(store, u.channel, original, linked, now)]


def _enqueue_update(
    store: SlackStore, channel: str, original: int, linked: LinkedStory, now: datetime
) -> bool:
    if store.outbox.update_queued(original, channel):
        return False  # the edit already queued will show this copy too
    return store.outbox.enqueue(
        channel=channel,
        dedupe_key=f"update:{story_key(original)}:{linked.story_id}",
        kind="update",
        payload={"copy": linked.story_id},
        now=now,
        case_id=linked.case.id,
        story_id=original,
    )


def _facts(outcome: LinkOutcomeLike) -> LinkFacts:
    return LinkFacts(
        case_id=outcome.case_id,
        created=outcome.created,
        stage_changed=outcome.stage_changed,
        stage=outcome.stage,
        duplicate_of=outcome.duplicate_of,
    )


def _audience(
    store: SlackStore, case_id: int, feed_id: int | None, alert_channel: str | None
) -> Audience:
    return Audience(
        alert_channel=alert_channel,
        subscriptions=store.subscriptions(),
        case_muted=store.case_muted_channels(case_id),
        feed_muted=store.feed_muted_channels(feed_id) if feed_id is not None else set(),
        case_channels=store.case_channels(case_id),
        tracking=store.tracking_channels(case_id),
    )


def _enqueue(
    store: SlackStore, linked: LinkedStory, alert: PlannedAlert, feed_id: int | None, now: datetime
) -> bool:
    payload = render_alert(
        linked.case,
        linked.story,
        linked.classification,
        story_id=linked.story_id,
        feed_id=feed_id,
        follow_up=alert.kind == "follow_up",
    )
    payload["broadcast"] = alert.broadcast
    return store.outbox.enqueue(
        channel=alert.channel,
        dedupe_key=story_key(linked.story_id),
        kind=alert.kind,
        payload=payload,
        now=now,
        case_id=linked.case.id,
        story_id=linked.story_id,
    )
