"""Relevance, topics and the evidence shown to users, with the shipped model."""

from __future__ import annotations

import time

from bot.domain.classify import classify
from tests.domain.test_extract import SEED_SUMMARY, SEED_TITLE

AD_VIEWS_TITLE = (
    "LinkedIn agrees to pay $6.625 million to settle lawsuit over inflated video-ad views"
)
AD_VIEWS_SUMMARY = (
    "Advertisers claimed LinkedIn overcharged them by counting video ads as viewed when they "
    "played off-screen. LinkedIn denied wrongdoing."
)


def test_seed_story_is_relevant_with_both_topics_and_its_facts() -> None:
    result = classify(SEED_TITLE, SEED_SUMMARY)
    assert result.relevant and result.score >= 0.9
    assert result.topics == ("privacy_action", "ai_training")
    assert result.entities.companies == ("LinkedIn",)
    assert result.entities.courts == ("N.D. Cal.",)


def test_why_quotes_readable_evidence_not_hash_buckets() -> None:
    why = classify(SEED_TITLE, SEED_SUMMARY).why
    assert 1 <= len(why) <= 5
    assert any("Stored Communications Act" in line for line in why)
    assert all(":" in line and not line.split(":")[0].isdigit() for line in why)


def test_ad_views_settlement_is_not_relevant() -> None:
    result = classify(AD_VIEWS_TITLE, AD_VIEWS_SUMMARY)
    assert not result.relevant and result.topics == ()
    assert result.why


def test_keyword_poor_positive_is_relevant() -> None:
    result = classify(
        "Watchdog orders Worldcoin to delete iris scans",
        "The Bavarian data protection office told the company to erase iris codes it collected "
        "without a proper legal basis.",
    )
    assert result.relevant and "privacy_action" in result.topics


def test_breach_report_without_action_is_not_relevant() -> None:
    result = classify(
        "Hackers stole customer records in retailer breach",
        "The retailer said attackers accessed names and email addresses; it is notifying users.",
    )
    assert not result.relevant


def test_bad_input_gets_a_result_fast() -> None:
    started = time.perf_counter()
    for title, summary in [
        ("", ""),
        ("<script>x</script>&lt;b&gt;", "&#x1F600; \x00\x1b[31m"),
        ("La CNIL inflige une amende à Google", "Amende de 150 millions d'euros 🍪"),
        ("", "sued privacy " * 100_000),
    ]:
        result = classify(title, summary)
        assert 0.0 <= result.score <= 1.0
    assert time.perf_counter() - started < 5
