"""Linking weighs the headline defendant: third parties named in passing do not make
two matters one."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.link_facts import StoryFacts, company_part
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
