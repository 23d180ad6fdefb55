"""Who gets which message about a linked story: a pure decision over plain data
(the channels that want alerts, their topics and mutes, and where a case's thread lives),
and which outlets an alert lists as "also reported by"."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

# Stages that change what a case means to a lawyer: such a follow-up is also shown in the
# channel (reply_broadcast), not only in the thread.
BROADCAST_STAGES = frozenset({"settlement", "dismissed", "fine_or_order", "verdict", "ruling"})

AlertKind = Literal["new_case", "follow_up", "update"]  # update: edit a posted alert


@dataclass(frozen=True, slots=True)
class LinkFacts:
    """What linking decided about one story (the parts of LinkOutcome alerting reads)."""

    case_id: int
    created: bool
    stage_changed: bool = False
    stage: str | None = None
    duplicate_of: int | None = None


@dataclass(frozen=True, slots=True)
class Audience:
    """Everything known about the channels, for one story's case and feed."""

    alert_channel: str | None
    subscriptions: Mapping[str, Collection[str]]  # channel -> topics (empty: all topics)
    case_muted: Collection[str]  # channels that said "Not relevant" to this case
    feed_muted: Collection[str]  # channels that muted this story's feed
    case_channels: Collection[str]  # channels that have (or are about to have) the thread
    tracking: Collection[str]  # channels that track this case


@dataclass(frozen=True, slots=True)
class PlannedAlert:
    channel: str
    kind: AlertKind
    broadcast: bool = False


def plan_alerts(
    link: LinkFacts, topics: Collection[str], audience: Audience, *, backfill: bool
) -> list[PlannedAlert]:
    """The messages one story should produce, one per channel, in channel order."""
    if backfill or link.duplicate_of is not None:
        return []  # stored silently, or another outlet's copy of a story already alerted
    wanting = _channels_wanting(topics, audience)
    if link.created:
        return [PlannedAlert(channel, "new_case") for channel in sorted(wanting)]
    broadcast = link.stage_changed and (link.stage or "") in BROADCAST_STAGES
    followers = (set(audience.case_channels) & wanting) | set(audience.tracking)
    followers -= set(audience.case_muted) | set(audience.feed_muted)
    return [PlannedAlert(channel, "follow_up", broadcast) for channel in sorted(followers)]


def topics_match(wanted: Collection[str], topics: Collection[str]) -> bool:
    """An empty subscription means every topic."""
    return not wanted or bool(set(wanted) & set(topics))


def _channels_wanting(topics: Collection[str], audience: Audience) -> set[str]:
    channels = {audience.alert_channel} if audience.alert_channel else set()
    channels |= {c for c, wanted in audience.subscriptions.items() if topics_match(wanted, topics)}
    return channels - set(audience.case_muted) - set(audience.feed_muted)


@dataclass(frozen=True, slots=True)
class OtherReport:
    """Another outlet's copy of an alerted story: shown as a link on the alert."""

    outlet: str
    url: str


def plan_updates(alerted: Collection[str], case_muted: Collection[str]) -> list[PlannedAlert]:
    """A copy of an alerted story edits that alert in every channel that got it, except
    channels that said the case is not relevant to them."""
    return [PlannedAlert(c, "update") for c in sorted(set(alerted) - set(case_muted))]


def distinct_reports(copies: Sequence[OtherReport], original_outlet: str) -> list[OtherReport]:
    """One entry per outlet, first copy wins; the alert's own outlet is not "another"
    (one outlet's story often arrives through two of its feeds)."""
    seen = {original_outlet.strip().casefold()}
    kept = []
    for copy in copies:
        key = copy.outlet.strip().casefold()
        if key and key not in seen:
            seen.add(key)
            kept.append(copy)
    return kept
