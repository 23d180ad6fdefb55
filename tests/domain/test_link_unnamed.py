"""A story naming no company joins a case on its wording only when no law, regulator,
amount or earlier decision of the case says it is another matter of the same kind."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.domain.link import CaseProfile, StoredStory, StoryFacts, decide_link
from bot.domain.link_case import decided_before
from bot.domain.models import CaseFacts, Entities, Money

BIPA = "Illinois Biometric Information Privacy Act"
SIX_FLAGS_RULING = StoryFacts(
    "Illinois Supreme Court rules against Six Flags in fingerprint case",
    "A teenager's season-pass fingerprint was taken without consent; no proof of harm is "
    "needed to sue, the justices held.",
    Entities(companies=("Six Flags",), laws=(BIPA,), stage="appeal"),
    ("privacy_action",),
    datetime(2019, 1, 25, tzinfo=UTC),
)
TOP_COURT_AGAIN = StoryFacts(
    "Illinois top court says each biometric scan is a separate violation",
    "The state's top court ruled that each fingerprint scan is a biometric privacy violation "
    "under the Illinois biometric law.",
    Entities(laws=(BIPA,), stage="appeal"),
    ("privacy_action",),
    datetime(2023, 2, 17, tzinfo=UTC),
)
DEAL = StoryFacts(
    "Videoconferencing company's privacy deal gets final approval from judge",
    "A judge granted final approval to the privacy settlement over meeting data shared with "
    "third parties.",
    Entities(
        companies=("Zoom",),
        money=(Money("$85 million", "settlement", 85_000_000, "USD"),),
        stage="settlement",
    ),
    ("privacy_action",),
    datetime(2022, 4, 22, tzinfo=UTC),
)


def _case(case_id: int, facts: StoryFacts) -> tuple[list[CaseProfile], list[StoredStory]]:
    entities = facts.entities
    profile = CaseFacts(facts.title, defendants=entities.companies, laws=entities.laws)
    case = CaseProfile(case_id, profile, {}, facts.published, facts.published)
    return [case], [StoredStory(case_id * 10, case_id, "Reuters", facts)]


def test_a_decision_the_case_already_had_years_before_is_another_matters() -> None:
    assert decided_before(TOP_COURT_AGAIN, [SIX_FLAGS_RULING])
    cases, stored = _case(1, SIX_FLAGS_RULING)
    assert decide_link(TOP_COURT_AGAIN, cases, stored).case_id is None


def test_the_same_decision_reported_within_days_is_not_a_repeat() -> None:
    days_later = replace(TOP_COURT_AGAIN, published=datetime(2019, 1, 28, tzinfo=UTC))
    assert not decided_before(days_later, [SIX_FLAGS_RULING])
    cases, stored = _case(1, SIX_FLAGS_RULING)
    assert decide_link(days_later, cases, stored).case_id == 1


def test_a_repeated_decision_sharing_the_cases_sum_is_a_later_step() -> None:
    # Preliminary then final approval of one $58 million deal: the same sum ties them.
    deal = Money("$58 million", "settlement", 58_000_000, "USD")
    first = replace(DEAL, entities=Entities(money=(deal,), stage="settlement"))
    final = replace(first, published=datetime(2023, 4, 22, tzinfo=UTC))
    assert not decided_before(final, [first])


def test_an_unnamed_story_with_another_sum_of_the_same_kind_opens_its_own_case() -> None:
    other_deal = Money("$58M", "settlement", 58_000_000, "USD")
    described = StoryFacts(
        "Bank data aggregator's privacy deal gets final approval from judge",
        "A judge granted final approval to the privacy settlement over bank data.",
        Entities(money=(other_deal,), stage="settlement"),
        ("privacy_action",),
        datetime(2022, 7, 21, tzinfo=UTC),
    )
    cases, stored = _case(1, DEAL)
    assert decide_link(described, cases, stored).case_id is None
    same_sum = replace(described, entities=DEAL.entities, published=DEAL.published)
    assert decide_link(same_sum, cases, stored).case_id == 1


def _quiet_case(case_id: int, facts: StoryFacts, last: datetime) -> CaseProfile:
    entities = facts.entities
    profile = CaseFacts(facts.title, defendants=entities.companies, laws=entities.laws)
    return CaseProfile(case_id, profile, {}, last, last)


def test_an_unnamed_explainer_follows_the_case_in_the_news_days_before() -> None:
    fine = StoryFacts(
        "State privacy agency fines carmaker Hoshi over consumer request process",
        "The agency said the carmaker demanded too much information before honouring "
        "opt-out requests and must change its process.",
        Entities(companies=("Hoshi",), stage="fine_or_order"),
        ("privacy_action",),
        datetime(2025, 3, 12, tzinfo=UTC),
    )
    older = StoryFacts(
        "Regulator orders retailer Kaufco to change its consumer request process",
        "The regulator said the retailer's opt-out requests process was too hard to use.",
        Entities(companies=("Kaufco",), stage="fine_or_order"),
        ("privacy_action",),
        datetime(2024, 6, 1, tzinfo=UTC),
    )
    explainer = StoryFacts(
        "What the privacy order requires of the Japanese carmaker",
        "The carmaker must simplify its opt-out requests process and stop demanding extra "
        "information from consumers.",
        Entities(),
        ("privacy_action",),
        datetime(2025, 3, 14, tzinfo=UTC),
    )
    assert fine.published is not None and older.published is not None
    cases = [_quiet_case(1, fine, fine.published), _quiet_case(2, older, older.published)]
    stored = [StoredStory(10, 1, "Reuters", fine), StoredStory(20, 2, "AP", older)]
    decision = decide_link(explainer, cases, stored)
    assert decision.case_id == 1
    assert "in the news days before" in decision.reason
    months_later = replace(explainer, published=datetime(2025, 9, 14, tzinfo=UTC))
    assert "days before" not in decide_link(months_later, cases, stored).reason
