"""A later development joins the one matter against its defendant that no fact rules
out: a US settlement is not the Canadian regulator's probe, so the US suit is the match."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.link import CaseProfile, StoredStory, decide_link
from bot.domain.link_facts import StoryFacts
from bot.domain.models import CaseFacts, Entities, Money


def _story(title: str, entities: Entities, month: int) -> StoryFacts:
    return StoryFacts(
        title, "", entities, ("privacy_action",), datetime(2024, month, 1, tzinfo=UTC)
    )


SUIT = _story(
    "Borrowers sue Lendly over shared loan files",
    Entities(companies=("Lendly",), courts=("N.D. Cal.",), stage="filed"),
    2,
)
PROBE = _story(
    "Canada's privacy commissioner opens probe into Lendly",
    Entities(companies=("Lendly",), regulators=("OPC Canada",), stage="investigation"),
    3,
)
DEAL = _story(
    "Lendly agrees to a $12 million payout",
    Entities(
        companies=("Lendly",),
        courts=("N.D. Cal.",),
        money=(Money("$12 million", "settlement", 12e6, "USD"),),
        stage="settlement",
    ),
    11,
)


def _case(case_id: int, story: StoryFacts) -> CaseProfile:
    facts = CaseFacts(title=story.title, defendants=("Lendly",), topics=story.topics)
    return CaseProfile(case_id, facts, first_seen=story.published)


def test_a_development_joins_the_only_matter_no_fact_rules_out() -> None:
    cases = [_case(1, SUIT), _case(2, PROBE)]
    stored = [StoredStory(10, 1, "Reuters", SUIT), StoredStory(11, 2, "CBC", PROBE)]
    decision = decide_link(DEAL, cases, stored)
    assert decision.case_id == 1
    assert "only matter against this defendant" in decision.reason


def test_with_both_matters_open_to_it_the_development_is_not_guessed() -> None:
    other = _story(
        "Second borrower suit against Lendly",
        Entities(companies=("Lendly",), courts=("N.D. Cal.",), stage="filed"),
        4,
    )
    cases = [_case(1, SUIT), _case(2, other)]
    stored = [StoredStory(10, 1, "Reuters", SUIT), StoredStory(11, 2, "AP", other)]
    assert decide_link(DEAL, cases, stored).case_id is None
