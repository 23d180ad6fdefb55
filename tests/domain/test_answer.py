"""Answers come from the case's coverage with citations, or say the coverage lacks them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.answer import answer
from bot.domain.models import Case, CaseFacts, CaseStory, Money

FILED = CaseStory(
    1,
    "LinkedIn accused of using private messages to train AI",
    "A Premium customer filed a proposed class action in federal court in San Jose accusing "
    "LinkedIn of disclosing private InMail messages to third parties to train generative AI "
    "models. The suit seeks $1,000 per user for violations of the Stored Communications Act, "
    "plus damages for breach of contract. LinkedIn said the claims were false and without merit.",
    "https://www.reuters.example/linkedin-inmail",
    "Reuters",
    datetime(2025, 1, 22, tzinfo=UTC),
    "filed",
)
DROPPED = CaseStory(
    2,
    "Plaintiff drops LinkedIn AI privacy lawsuit",
    "The Premium user voluntarily dismissed the lawsuit after LinkedIn showed it had not used "
    "the messages for AI training.",
    "https://www.theverge.example/linkedin-dropped",
    "The Verge",
    datetime(2025, 2, 4, tzinfo=UTC),
    "dismissed",
)
CASE = Case(
    7,
    CaseFacts(
        "LinkedIn: InMail messages allegedly used to train AI",
        defendants=("LinkedIn",),
        court="N.D. Cal.",
        laws=("Stored Communications Act",),
        money=(Money("$1,000 per user", "statutory_damages", 1000, "USD", "user"),),
        stage="dismissed",
    ),
    (FILED, DROPPED),
)


@pytest.mark.parametrize(
    ("question", "expected", "source"),
    [
        ("How much in damages are the plaintiffs seeking?", "$1,000", FILED),
        ("Which court is this in?", "San Jose", FILED),
        ("What statutes are they suing under?", "Stored Communications Act", FILED),
        ("What did LinkedIn say about the claims?", "false", FILED),
        ("What is the current status?", "dismissed", DROPPED),
        ("When was the suit filed?", "January 2025", FILED),
        ("Who is being sued?", "LinkedIn", FILED),
        ("What does the lawsuit allege?", "InMail", FILED),
    ],
)
def test_answerable_questions_are_answered_with_the_source_cited(
    question: str, expected: str, source: CaseStory
) -> None:
    reply = answer(CASE, question)
    assert reply.answered, reply.text
    assert expected.lower() in reply.text.lower()
    assert source.url in {c.url for c in reply.citations}


@pytest.mark.parametrize(
    "question",
    ["Who is the judge?", "When is the trial scheduled?", "What fine did the regulator impose?"],
)
def test_questions_the_coverage_cannot_answer_are_declined(question: str) -> None:
    reply = answer(CASE, question)
    assert not reply.answered
    assert reply.text.startswith("The coverage of this case does not say")


def test_a_decline_shows_the_closest_sentences() -> None:
    reply = answer(CASE, "Who is the judge hearing the InMail suit?")
    assert not reply.answered and "Closest sentences" in reply.text and "InMail" in reply.text


FINED = CaseStory(
    3,
    "Regulator fines Shein 150 million euros over cookies",
    "The CNIL fined Shein EUR 150 million for placing advertising cookies without consent. "
    "Shein said it disagreed and would appeal.",
    "https://www.reuters.example/shein",
    "Reuters",
    datetime(2025, 9, 3, tzinfo=UTC),
    "fine_or_order",
)
FINE_CASE = Case(8, CaseFacts("Shein: fined over cookies", defendants=("Shein",)), (FINED,))


@pytest.mark.parametrize(
    "question",
    [
        "Has Shein appealed the fine?",  # it only said it would
        "Has the appeal been decided?",
        "Has Shein paid the fine?",
        "When will Shein pay?",
        "Which judge signed off on the order?",
        "How much are the plaintiffs seeking?",  # a fine is not a sum sought
        "Did a jury decide the case?",
    ],
)
def test_what_the_coverage_does_not_say_is_declined(question: str) -> None:
    assert not answer(FINE_CASE, question).answered


def test_a_planned_appeal_answers_whether_it_is_appealing() -> None:
    reply = answer(FINE_CASE, "Is Shein appealing?")
    assert reply.answered and "would appeal" in reply.text


def test_a_per_violation_rate_is_not_a_total() -> None:
    per_violation_only = CaseStory(
        4, "Verdict against Meta", "The verdict carries $5,000 per violation.", "u", "R", None
    )
    case = Case(9, CaseFacts("Meta verdict"), (per_violation_only,))
    assert not answer(case, "What is the total damages figure?").answered
    assert answer(FINE_CASE, "Has Shein been fined?").answered


def test_a_declined_question_sharing_no_words_still_shows_the_latest_coverage() -> None:
    from datetime import UTC, datetime

    from bot.domain.answer import answer
    from bot.domain.models import Case, CaseFacts, CaseStory

    older = CaseStory(
        1,
        "LinkedIn sued over InMail messages",
        "A suit was filed in San Jose.",
        "https://a.example/1",
        "Wire",
        datetime(2025, 1, 22, tzinfo=UTC),
    )
    newer = CaseStory(
        2,
        "LinkedIn suit dropped",
        "The plaintiff voluntarily dismissed the case.",
        "https://b.example/2",
        "Daily",
        datetime(2025, 1, 31, tzinfo=UTC),
    )
    case = Case(1, CaseFacts("LinkedIn: InMail", defendants=("LinkedIn",)), (older, newer))

    reply = answer(case, "Who is the judge?")

    assert not reply.answered
    assert "Latest coverage" in reply.text and "voluntarily dismissed" in reply.text
    assert [c.url for c in reply.citations] == ["https://b.example/2"]


def test_a_pending_approval_does_not_date_an_approval() -> None:
    pending = CaseStory(
        5,
        "Oracle to pay $115 million to settle privacy lawsuit",
        "The preliminary settlement requires a judge's approval.",
        "u",
        "Reuters",
        datetime(2024, 7, 19, tzinfo=UTC),
        "settlement",
    )
    case = Case(10, CaseFacts("Oracle settlement"), (pending,))
    assert not answer(case, "When was the settlement approved?").answered


def test_a_breach_rule_is_no_per_person_figure() -> None:
    penalty = CaseStory(
        6,
        "FTC fines GoodRx",
        "Under the Health Breach Notification Rule GoodRx will pay a $1.5 million civil penalty.",
        "u",
        "FTC",
        None,
        "fine_or_order",
    )
    case = Case(11, CaseFacts("GoodRx order"), (penalty,))
    assert not answer(case, "How much will each class member get?").answered


def test_a_question_about_a_breach_is_not_asking_for_a_per_person_sum() -> None:
    fined = CaseStory(
        5,
        "Gene-testing firm fined over data breach",
        "The watchdog fined the gene-testing firm 1.2 million pounds over a 2022 breach.",
        "https://news.example/fined",
        "News",
        None,
    )
    case = Case(10, CaseFacts("Gene-testing firm: breach fine"), (fined,))
    reply = answer(case, "What did the watchdog fine the firm over the breach?")
    assert reply.answered and "1.2 million pounds" in reply.text
