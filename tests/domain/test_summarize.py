"""Extractive summaries keep the sentences a lawyer needs, in the text's own words."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.models import Case, CaseFacts, CaseStory
from bot.domain.summarize import summarize_case, summarize_story
from bot.domain.textsim import split_sentences

FILED = (
    "A Premium customer filed a proposed class action in federal court in San Jose on "
    "Tuesday. The weather in the city was mild. The suit accuses LinkedIn of disclosing "
    "private InMail messages to train AI. LinkedIn said the claims were false."
)


def test_story_summary_picks_the_legal_sentences_in_order() -> None:
    summary = summarize_story("LinkedIn sued", FILED)
    assert summary.startswith("A Premium customer filed")
    assert "accuses LinkedIn" in summary
    assert "weather" not in summary


def test_story_without_summary_falls_back_to_its_title() -> None:
    assert summarize_story("Court fines Acme", "") == "Court fines Acme"


def test_sentences_do_not_break_at_court_abbreviations() -> None:
    text = "The suit was filed in the N.D. Cal. court. Acme Inc. denied it."
    assert split_sentences(text) == [
        "The suit was filed in the N.D. Cal. court.",
        "Acme Inc. denied it.",
    ]


def test_case_summary_tells_what_it_is_and_the_latest_development() -> None:
    def story(i: int, title: str, summary: str, month: int) -> CaseStory:
        return CaseStory(
            i,
            title,
            summary,
            f"https://x.example/{i}",
            "Reuters",
            datetime(2025, month, 1, tzinfo=UTC),
        )

    case = Case(
        1,
        CaseFacts("LinkedIn: InMail AI suit"),
        (
            story(1, "LinkedIn sued", FILED, 1),
            story(
                2,
                "Suit dropped",
                "The plaintiff voluntarily dismissed the lawsuit against LinkedIn.",
                2,
            ),
        ),
    )
    summary = summarize_case(case)
    assert "filed a proposed class action" in summary
    assert summary.endswith("voluntarily dismissed the lawsuit against LinkedIn.")
    assert len(split_sentences(summary)) <= 3
