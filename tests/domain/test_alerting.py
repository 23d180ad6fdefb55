"""Who gets which message about a linked story."""

from __future__ import annotations

from bot.domain.alerting import Audience, LinkFacts, PlannedAlert, plan_alerts


def audience(**overrides: object) -> Audience:
    values: dict[str, object] = dict(
        alert_channel="C_ALERTS",
        subscriptions={},
        case_muted=(),
        feed_muted=(),
        case_channels=(),
        tracking=(),
    )
    values.update(overrides)
    return Audience(**values)  # type: ignore[arg-type]


NEW = LinkFacts(case_id=1, created=True)
FOLLOW = LinkFacts(case_id=1, created=False)


def test_a_new_case_goes_to_the_alert_channel_and_matching_subscribers() -> None:
    subs = {"C_AI": ["ai_training"], "C_ALL": [], "C_PRIV": ["privacy_action"]}
    plan = plan_alerts(NEW, ["ai_training"], audience(subscriptions=subs), backfill=False)
    assert [p.channel for p in plan] == ["C_AI", "C_ALERTS", "C_ALL"]
    assert {p.kind for p in plan} == {"new_case"}


def test_muted_case_or_feed_channels_get_nothing() -> None:
    subs: dict[str, list[str]] = {"C1": [], "C2": []}
    plan = plan_alerts(
        NEW,
        ["ai_training"],
        audience(subscriptions=subs, case_muted={"C1"}, feed_muted={"C2"}),
        backfill=False,
    )
    assert [p.channel for p in plan] == ["C_ALERTS"]


def test_backfill_and_duplicates_are_silent() -> None:
    assert plan_alerts(NEW, ["ai_training"], audience(), backfill=True) == []
    copy = LinkFacts(case_id=1, created=False, duplicate_of=7)
    assert (
        plan_alerts(copy, ["ai_training"], audience(case_channels={"C_ALERTS"}), backfill=False)
        == []
    )


def test_a_follow_up_goes_to_channels_with_the_thread_and_tracking_channels() -> None:
    seen = audience(case_channels={"C_ALERTS"}, tracking={"C_TEAM"})
    plan = plan_alerts(FOLLOW, ["privacy_action"], seen, backfill=False)
    assert plan == [PlannedAlert("C_ALERTS", "follow_up"), PlannedAlert("C_TEAM", "follow_up")]


def test_a_settlement_is_broadcast_to_the_channel() -> None:
    settled = LinkFacts(case_id=1, created=False, stage_changed=True, stage="settlement")
    plan = plan_alerts(
        settled, ["privacy_action"], audience(case_channels={"C_ALERTS"}), backfill=False
    )
    assert plan == [PlannedAlert("C_ALERTS", "follow_up", broadcast=True)]
    motion = LinkFacts(case_id=1, created=False, stage_changed=True, stage="motion_to_dismiss")
    [quiet] = plan_alerts(
        motion, ["privacy_action"], audience(case_channels={"C_ALERTS"}), backfill=False
    )
    assert not quiet.broadcast
