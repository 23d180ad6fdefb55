"""Sums a company pays to end a matter (a fine, a settlement) are one kind: two
different ones on one day are two matters (Ring's $5.8 million, Alexa's $25 million)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.link_case import case_conflict
from bot.domain.link_facts import StoryFacts, money_part
from bot.domain.models import Entities, Money, MoneyKind

DAY = datetime(2023, 5, 31, tzinfo=UTC)


def _paid(title: str, text: str, kind: MoneyKind, amount: float) -> StoryFacts:
    money = (Money(text, kind, amount, "USD"),)
    entities = Entities(companies=("Amazon",), regulators=("FTC",), money=money)
    return StoryFacts(title, "", entities, ("privacy_action",), DAY)


ALEXA = _paid("Amazon to pay $25 million over Alexa recordings", "$25 million", "fine", 25e6)
RING = _paid("Ring to pay $5.8 million over spying staff", "$5.8 million", "settlement", 5.8e6)


def test_a_fine_and_a_settlement_of_different_sums_point_at_two_matters() -> None:
    assert money_part(RING, ALEXA)[0] < 0
    assert case_conflict(RING, [ALEXA]) == (-0.3, "a different amount")


def test_a_verdict_and_a_later_smaller_settlement_do_not_conflict() -> None:
    verdict = _paid("Jury awards $228 million", "$228 million", "verdict", 228e6)
    deal = _paid("Rail firm settles for $75 million", "$75 million", "settlement", 75e6)
    assert money_part(deal, verdict)[0] >= 0
    assert case_conflict(deal, [verdict])[0] == 0
