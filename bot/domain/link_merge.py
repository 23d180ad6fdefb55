"""The second pass of linking: a story that joins one case may be as strongly tied to
another (the same docket; or the same lead defendant, named plaintiff and law), which
shows the two cases are one matter opened twice. Pure: the service does the merging."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.case_facts import companies_match
from bot.domain.link_case import case_conflict, named_plaintiffs
from bot.domain.link_evidence import CaseProfile, StoredStory
from bot.domain.link_facts import StoryFacts, company_part, forum_part, money_part

LEAD_DEFENDANT = 0.3  # company_part's weight when the lead defendants agree


def also_tied(
    story: StoryFacts,
    chosen: CaseProfile,
    cases: Sequence[CaseProfile],
    stored: Sequence[StoredStory],
) -> tuple[tuple[int, str], ...]:
    """Other cases the story is as strongly tied to as to the one it joins, with why;
    none unless its tie to the chosen case is itself that strong."""
    if _tie(story, chosen, stored) is None:
        return ()
    tied = ((case.case_id, _tie(story, case, stored)) for case in cases if case != chosen)
    return tuple((case_id, why) for case_id, why in tied if why)


def _tie(story: StoryFacts, case: CaseProfile, stored: Sequence[StoredStory]) -> str | None:
    others = [s.facts for s in stored if s.case_id == case.case_id]
    return strong_tie(story, case.facts.docket, others, case.facts.laws)


def strong_tie(
    story: StoryFacts, docket: str | None, others: Sequence[StoryFacts], laws: Sequence[str]
) -> str | None:
    """Why the story certainly belongs to a case (its docket, or its defendant, plaintiff
    and law together, with nothing against), or None."""
    if docket and _norm(docket) in {_norm(d) for d in story.entities.dockets}:
        return f"same docket {docket}"
    if not others or case_conflict(story, others)[0] < 0:
        return None
    law = next((x for x in story.entities.laws if x in laws), None)
    plaintiff = companies_match(
        named_plaintiffs(story), [p for o in others for p in named_plaintiffs(o)]
    )
    lead = [o for o in others if company_part(story, o)[0] >= LEAD_DEFENDANT and _agrees(story, o)]
    if law and plaintiff and lead:
        return f"same defendant, plaintiff {plaintiff[0]} and law {law}"
    return None


def _agrees(story: StoryFacts, other: StoryFacts) -> bool:
    """No other court or regulator, and no other amount of the same kind: Getty's UK
    claim and its US suit share parties and law but not the court."""
    a, b = story.entities, other.entities
    return forum_part(a, b)[0] >= 0 and money_part(story, other)[0] >= 0


def _norm(docket: str) -> str:
    return "".join(ch for ch in docket.lower() if ch.isalnum())
