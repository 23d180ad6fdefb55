"""The stage a case has reached: the headline's most advanced event, with tense and the
actor (court or regulator) taken into account."""

from __future__ import annotations

import pytest

from bot.domain.facts import find_stage


@pytest.mark.parametrize(
    ("title", "summary", "stage"),
    [
        ("Appeals court revives suit over viewing data", "", "appeal"),
        ("Supreme Court blocks class claim over tracking", "", "appeal"),
        ("Tribunal backs regulator, overturning earlier decision", "", "appeal"),
        ("Company mounts challenge to record fine in High Court", "", "appeal"),
        ("Voice assistant users may proceed as a class, judge rules", "", "class_certification"),
        ("Judge lets publishers' suit against chatbot maker proceed", "", "motion_to_dismiss"),
        ("Consumer group's class action over data use goes ahead", "", "motion_to_dismiss"),
        (
            "Judge denies the company's bid to end a lawsuit over screen recording",
            "",
            "motion_to_dismiss",
        ),
        ("App maker must face trial over private browsing, judge says", "", "ruling"),
        ("Top court sides with activist over ad targeting", "", "ruling"),
        ("User drops AI-training lawsuit over private messages", "", "dismissed"),
        ("Carmaker agrees to stop selling trip logs", "", "settlement"),
        ("Retail chain must stop scanning shoppers' faces, regulator says", "", "fine_or_order"),
        ("Regulator rules facial search firm must delete a man's photos", "", "fine_or_order"),
        ("Watchdog tells chatbot maker to answer within 20 days", "", "investigation"),
        ("Authority says it is assessing the AI training plan", "", "investigation"),
    ],
)
def test_headline_event_decides_the_stage(title: str, summary: str, stage: str) -> None:
    assert find_stage(title, summary) == stage


def test_a_court_ordering_deletion_is_a_ruling() -> None:
    assert find_stage("Kenyan court orders iris project to wipe scans", "") == "ruling"


def test_a_regulator_ordering_deletion_is_an_order() -> None:
    assert find_stage("Watchdog orders iris project to delete scans", "") == "fine_or_order"


def test_asking_a_court_for_an_order_is_a_filing() -> None:
    summary = "The regulator sought an urgent High Court order to suspend the processing."
    assert find_stage("Regulator goes to court over chatbot training", summary) == "filed"


def test_a_possible_fine_is_not_a_fine() -> None:
    assert find_stage("App could face fines of up to 4% of turnover", "") is None


def test_plans_to_appeal_is_not_an_appeal() -> None:
    assert find_stage("Meta fined EUR 200 million, plans to appeal", "") == "fine_or_order"


def test_rejected_request_for_an_injunction_is_a_ruling() -> None:
    summary = "The court rejected the group's request for an interim injunction."
    assert find_stage("Court won't stop AI training on posts", summary) == "ruling"


def test_abbreviation_does_not_end_the_first_sentence() -> None:
    summary = "The agency ordered Honda Motor Co. to pay $632,500. It also said more."
    assert find_stage("Agency says carmaker made opting out hard", summary) == "fine_or_order"


def test_headline_without_a_stage_falls_back_to_the_summary() -> None:
    assert find_stage("What the ruling means", "") == "ruling"
    assert find_stage("Privacy news roundup", "Acme was sued on Monday.") == "filed"


@pytest.mark.parametrize(
    "title",
    [
        "Judge denies dismissal of retailer's chat-recording suit",
        "Court refused to dismiss the pixel claims against the hospital",
        "Judge denied a motion to dismiss the face-scan case",
    ],
)
def test_a_refusal_to_dismiss_is_the_motion_stage_not_dismissed(title: str) -> None:
    assert find_stage(title, "") == "motion_to_dismiss"


def test_a_granted_dismissal_is_dismissed() -> None:
    assert find_stage("Judge grants dismissal of app maker's tracking suit", "") == "dismissed"


@pytest.mark.parametrize(
    "title",
    [
        "Judge OKs $40M photo-app deal",
        "Face-search firm's deal with class wins final OK",
        "Toy maker pays $3M to end regulator's kids' data case",
    ],
)
def test_a_title_only_settlement_has_the_settlement_stage(title: str) -> None:
    assert find_stage(title, "") == "settlement"


def test_a_licensing_deal_is_no_settlement() -> None:
    assert find_stage("Chatbot maker signs licensing deal with newspaper group", "") is None


@pytest.mark.parametrize(
    "title",
    ["Regulator blocks chatbot app", "State penalizes insurers over leaked license numbers"],
)
def test_blocking_and_penalizing_are_orders(title: str) -> None:
    assert find_stage(title, "") == "fine_or_order"


def test_a_headline_reports_its_main_clause_not_what_came_before() -> None:
    assert find_stage("Railway settles scan case for $5M after jury verdict was tossed", "") == (
        "settlement"
    )


def test_refusing_to_block_while_the_case_proceeds_is_a_ruling() -> None:
    assert find_stage(
        "Judge refuses to block lab from training on lyrics while case proceeds", ""
    ) == ("ruling")


def test_a_privacy_group_filing_a_complaint_is_a_complaint() -> None:
    assert find_stage("Privacy group files complaint over chatbot's false answers", "") == (
        "complaint"
    )


def test_a_proposed_order_is_an_order() -> None:
    assert find_stage("", "Under proposed orders, the broker may not sell location data.") == (
        "fine_or_order"
    )
