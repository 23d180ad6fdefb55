"""A follow-up told in other words joins its matter when the same defendant and the
same regulator or sum tie them; a shared law or court alone does not."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.link import CaseProfile, StoredStory, StoryFacts, decide_link
from bot.domain.link_facts import title_names
from bot.domain.models import CaseFacts, Entities, Money

FEB = datetime(2024, 2, 1, tzinfo=UTC)
MAR = datetime(2024, 3, 1, tzinfo=UTC)

PENALTY = StoryFacts(
    "Pharmacy coupon app Acmerx to pay $2 million penalty to the FTC",
    "The Federal Trade Commission said Acmerx passed prescription details to advertisers "
    "and agreed to a civil penalty of $2 million.",
    Entities(
        companies=("Acmerx",),
        regulators=("FTC",),
        money=(Money("$2 million", "fine", 2_000_000, "USD"),),
        stage="fine_or_order",
    ),
    ("privacy_action",),
    FEB,
)


def _case(facts: StoryFacts) -> CaseProfile:
    entities = facts.entities
    return CaseProfile(
        7, CaseFacts(facts.title, defendants=entities.companies), {}, facts.published, FEB
    )


def _decide(story: StoryFacts) -> int | None:
    stored = [StoredStory(1, 7, "Reuters", PENALTY)]
    return decide_link(story, [_case(PENALTY)], stored).case_id


def test_follow_up_sharing_the_defendant_and_regulator_joins_despite_other_words() -> None:
    letter = StoryFacts(
        "Acmerx writes to customers about regulator's complaint",
        "Acmerx sent notices to its customers explaining what the FTC alleged.",
        Entities(companies=("Acmerx",), regulators=("FTC",)),
        ("privacy_action",),
        MAR,
    )
    assert _decide(letter) == 7


def test_follow_up_sharing_only_the_defendant_and_a_law_opens_its_own_case() -> None:
    other_suit = StoryFacts(
        "Acmerx customers bring wiretap claims in Illinois",
        "Shoppers say the website recorded their sessions for marketing partners.",
        Entities(companies=("Acmerx",), laws=("Wiretap Act",), courts=("N.D. Ill.",)),
        ("privacy_action",),
        MAR,
    )
    assert _decide(other_suit) is None


def test_story_describing_the_company_joins_the_only_case_with_its_sum() -> None:
    approval = StoryFacts(
        "Discount card business's $2 million deal gets signed off",
        "Refund checks could arrive later this year, lawyers told customers.",
        Entities(money=(Money("$2 million", "fine", 2_000_000, "USD"),), stage="fine_or_order"),
        ("privacy_action",),
        MAR,
    )
    decision = decide_link(approval, [_case(PENALTY)], [StoredStory(1, 7, "Reuters", PENALTY)])
    assert decision.case_id == 7
    assert "the only case with the same amount" in decision.reason


def test_a_title_opening_with_a_description_names_no_party() -> None:
    assert title_names("Database firm settles privacy suit") == []
    assert title_names("Acmerx settles privacy suit with Globex") == ["globex"]
    assert title_names("Acme Health settles privacy suit")[0] == "acme health"
