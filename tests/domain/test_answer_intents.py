"""Lawyers' phrasings reach the intent that can answer them."""

from __future__ import annotations

import re

import pytest

from bot.domain.answer_intents import INTENTS, detect_intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("What's the settlement figure in the Plaid case?", "money"),
        ("What's at stake for Oracle in dollars?", "money"),
        ("How much will class counsel take in fees?", "money"),
        ("Which court is hearing the FTC's case?", "forum"),
        ("Where did Meta appeal the decision?", "forum"),
        ("Where does it stand now?", "status"),
        ("Who is the presiding judge?", "judge"),
        ("Who approved the settlement in the end?", "judge"),
        ("What rule did the company violate?", "laws"),
        ("Which earlier order did Twitter break?", "laws"),
        ("What did the court do with the order?", "ruling"),
        ("What did Google change after the sanction?", "agreed"),
        ("Which platforms received the users' data?", "allegation"),
    ],
)
def test_a_phrasing_reaches_its_intent(question: str, intent: str) -> None:
    found = detect_intent(question)
    assert found is not None and found.name == intent


def _evidence(name: str) -> list[re.Pattern[str]]:
    return [i.evidence for i in INTENTS if i.name == name]


def test_a_count_may_name_what_it_counts_a_word_or_two_later() -> None:
    (count,) = _evidence("count")
    assert count.search("data of about 533 million Facebook users was scraped")
    assert not count.search("sued for $5 billion over tracking users")


def test_an_approval_or_an_entered_order_is_a_ruling() -> None:
    (ruling,) = _evidence("ruling")
    assert ruling.search("Judge approves order banning health data sharing")
    assert ruling.search("A federal judge entered the stipulated order")
