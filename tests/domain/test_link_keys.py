"""The keys a case is looked up by: every party, and both sides of a caption."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.link import CaseProfile, StoredStory, StoryFacts, decide_link, story_profile
from bot.domain.link_keys import caption_names, case_lookup_keys
from bot.domain.models import CaseFacts, Entities, Money

DAY = datetime(2020, 5, 27, tzinfo=UTC)


def test_both_sides_of_a_caption_are_names() -> None:
    assert caption_names("Court revives Salazar v. NBA privacy claim") == ["Salazar", "NBA"]
    assert caption_names("Thomson Reuters v. Ross Intelligence goes to appeal") == [
        "Thomson Reuters",
        "Ross Intelligence",
    ]
    assert caption_names("In re Meta Pixel Healthcare Litigation") == []


def test_a_case_is_keyed_by_every_party_and_its_captions() -> None:
    facts = CaseFacts(
        "Ross: Thomson Reuters v. Ross Intelligence",
        defendants=("Ross Intelligence Inc.", "Instagram"),
        plaintiffs=("Jane Doe",),
    )
    keys = case_lookup_keys(facts, "ross intelligence", ["Doe vs. Acme Corp ruling"])
    assert keys == {"ross intelligence", "meta", "jane doe", "thomson reuters", "doe", "acme"}


def test_a_one_letter_primary_key_is_kept() -> None:
    assert case_lookup_keys(CaseFacts("X: Grok training", defendants=("X",)), "x") == {"x"}


def test_a_case_against_the_named_company_beats_one_naming_it_in_passing() -> None:
    settlement = Money("$85 million", "settlement", 85_000_000, "USD")
    sued = StoryFacts(
        "Arizona sues Google over location data tracking",
        "Arizona's attorney general sued Google over location tracking of phone users.",
        Entities(companies=("Google",), stage="filed"),
        ("privacy_action",),
        DAY,
    )
    zoom = StoryFacts(
        "Zoom to pay $85 million to settle user privacy lawsuit",
        "Zoom shared user data with Facebook, Google and LinkedIn, the users said.",
        Entities(companies=("Zoom", "Google"), money=(settlement,), stage="settlement"),
        ("privacy_action",),
        DAY,
    )
    story = StoryFacts(
        "Google to pay $85 million to settle Arizona privacy lawsuit",
        "Google will pay $85 million to settle Arizona's location tracking lawsuit.",
        Entities(companies=("Google",), money=(settlement,), stage="settlement"),
        ("privacy_action",),
        DAY + timedelta(days=900),
    )
    cases = [_profile(4, sued), _profile(5, zoom)]
    stored = [StoredStory(1, 4, "Reuters", sued), StoredStory(2, 5, "AP", zoom)]
    assert decide_link(story, cases, stored).case_id == 4


def _profile(case_id: int, story: StoryFacts) -> CaseProfile:
    entities = story.entities
    facts = CaseFacts(story.title, defendants=entities.companies, money=entities.money)
    return CaseProfile(case_id, facts, story_profile(story), DAY)
