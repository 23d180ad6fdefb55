"""Linking weighs the headline defendant: third parties named in passing do not make
two matters one."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.domain.link_facts import StoryFacts, company_part
from bot.domain.link_lookup import looks_up_by_wording, lookup_words
from bot.domain.models import Entities

MARCH = datetime(2023, 3, 2, tzinfo=UTC)


def _story(title: str, *companies: str) -> StoryFacts:
    return StoryFacts(title, "", Entities(companies=companies), ("privacy_action",), MARCH)


def test_sharing_only_a_third_party_counts_against_the_pair() -> None:
    betterhelp = _story("FTC bans BetterHelp from sharing data", "BetterHelp", "Facebook", "Snap")
    goodrx = _story("FTC bars GoodRx from sharing health data", "GoodRx", "Facebook", "Google")
    weight, _ = company_part(betterhelp, goodrx)
    assert weight < 0


def test_the_headline_defendant_named_second_on_the_other_side_still_agrees() -> None:
    first = _story("Getty sues Stability AI", "Getty Images", "Stability AI")
    second = _story("Stability AI wins against Getty", "Stability AI", "Getty Images")
    weight, reason = company_part(first, second)
    assert weight > 0 and "Stability AI" in reason


def test_only_a_story_naming_no_company_looks_its_case_up_by_wording() -> None:
    unnamed = _story("Judge tosses FTC's location data case, for now")
    assert looks_up_by_wording(unnamed)
    assert "location" in lookup_words(unnamed)
    assert not looks_up_by_wording(_story("Kochava loses bid to dismiss", "Kochava"))


def test_a_fresh_suit_never_looks_an_old_case_up_by_wording() -> None:
    suit = _story("Burger chain sued over fingerprint scans")
    filed = replace(suit, entities=Entities(stage="filed"))
    assert not looks_up_by_wording(filed)
