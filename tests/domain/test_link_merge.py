"""The second pass: a story joining one case is as strongly tied to another (the same
docket; or the same lead defendant, named plaintiff and law): the two are one matter."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.domain.link import CaseProfile, StoredStory, StoryFacts, decide_link
from bot.domain.link_merge import strong_tie
from bot.domain.models import CaseFacts, Entities

CFAA = "Computer Fraud and Abuse Act"
FILED = StoryFacts(
    "Getty Images sues Stability AI in Delaware over 12 million photos",
    "The stock photo company accused the AI firm of copying its images.",
    Entities(
        companies=("Stability AI",), plaintiffs=("Getty Images",), laws=(CFAA,), courts=("D. Del.",)
    ),
    ("ai_training",),
    datetime(2023, 2, 6, tzinfo=UTC),
)
LATER = replace(
    FILED,
    title="Getty Images and Stability AI argue over transfer of photo suit",
    published=datetime(2023, 9, 1, tzinfo=UTC),
)


def _case(case_id: int, facts: StoryFacts, docket: str | None = None) -> CaseProfile:
    entities = facts.entities
    record = CaseFacts(
        facts.title, defendants=entities.companies, laws=entities.laws, docket=docket
    )
    return CaseProfile(case_id, record, {}, facts.published, facts.published)


def test_the_same_docket_ties_a_story_to_a_case() -> None:
    docketed = replace(FILED, entities=replace(FILED.entities, dockets=("1:23-cv-135",)))
    assert strong_tie(docketed, "1:23-CV-135", [], ()) == "same docket 1:23-CV-135"


def test_defendant_plaintiff_and_law_together_tie_but_another_court_does_not() -> None:
    assert strong_tie(LATER, None, [FILED], (CFAA,)) is not None
    no_law = replace(LATER, entities=replace(LATER.entities, laws=()))
    assert strong_tie(no_law, None, [FILED], (CFAA,)) is None
    london = replace(LATER, entities=replace(LATER.entities, courts=("High Court London",)))
    assert strong_tie(london, None, [FILED], (CFAA,)) is None


def test_a_story_joining_one_case_names_the_other_it_is_as_strongly_tied_to() -> None:
    cases = [_case(1, FILED), _case(2, FILED)]
    stored = [StoredStory(10, 1, "Reuters", FILED), StoredStory(20, 2, "AP", FILED)]
    decision = decide_link(LATER, cases, stored)
    assert decision.case_id == 1
    assert [case_id for case_id, _ in decision.merge] == [2]
    assert "plaintiff Getty Images" in decision.merge[0][1]
