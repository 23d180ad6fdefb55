"""The stage from wording without the usual words: a top court reinstating a fine, claims
moving forward against several defendants, a regulator telling a firm it broke the law, and
a judgment ordered after a jury's finding."""

from __future__ import annotations

from bot.domain.facts import find_stage


def test_a_higher_court_reinstating_a_decision_is_an_appeal() -> None:
    assert find_stage("Court reinstates fine on telecom over call records", "") == "appeal"


def test_claims_against_several_defendants_moving_forward_survive_dismissal() -> None:
    title = "Authors' claims against Nvidia, Databricks and Mosaic can go forward"
    assert find_stage(title, "") == "motion_to_dismiss"


def test_a_regulator_finding_a_law_broken_or_ordering_a_stop_is_an_order() -> None:
    assert find_stage("Watchdog says grocer's loyalty scheme broke the law", "") == (
        "fine_or_order"
    )
    summary = "The commissioner ordered the clinic not to keep the recordings."
    assert find_stage("Clinic recorded patients", summary) == "fine_or_order"


def test_ordered_to_pay_after_a_jury_finding_is_a_verdict() -> None:
    summary = "Jurors found the chain captured staff fingerprints; the judge entered judgment."
    assert find_stage("Chain ordered to pay $12 million to workers", summary) == "verdict"
    regulator = "The watchdog said the chain had no consent."
    assert find_stage("Chain ordered to pay $12 million", regulator) == "fine_or_order"
