"""Linking: does a new story join an existing case or open a new one? Facts first
(docket, defendant, court or regulator, laws, money, topic, time), text similarity
second; every decision carries a readable reason. Also spots near-identical copies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.case_facts import company_key, name_keys
from bot.domain.link_duplicate import DUPLICATE_THRESHOLD, find_duplicate
from bot.domain.link_evidence import (
    JOIN_THRESHOLD,
    MIN_WORDING,
    PROFILE_TERMS,
    CaseProfile,
    Evidence,
    StoredStory,
    case_idf,
    story_profile,
    weigh_case,
    weigh_pair,
)
from bot.domain.link_facts import StoryFacts
from bot.domain.link_merge import also_tied
from bot.domain.link_rules import joins, prefer_same_party, sole_matter, unnamed_follow_up

__all__ = [
    "DUPLICATE_THRESHOLD",
    "JOIN_THRESHOLD",
    "MIN_WORDING",
    "PROFILE_TERMS",
    "CaseProfile",
    "Evidence",
    "LinkDecision",
    "StoredStory",
    "StoryFacts",
    "candidate_keys",
    "case_idf",
    "decide_link",
    "find_duplicate",
    "story_profile",
    "weigh_case",
    "weigh_pair",
]


@dataclass(frozen=True, slots=True)
class LinkDecision:
    case_id: int | None  # None: open a new case
    reason: str
    duplicate_of: int | None = None
    score: float = 0.0
    merge: tuple[tuple[int, str], ...] = ()  # other cases as strongly tied: one matter


def decide_link(
    story: StoryFacts, candidates: Sequence[CaseProfile], stored: Sequence[StoredStory] = ()
) -> LinkDecision:
    """Pick the case the story belongs to, or None to open a new one."""
    duplicate = find_duplicate(story, stored)
    if duplicate is not None:
        outlet = duplicate.outlet or "another outlet"
        reason = f"near-identical to story {duplicate.story_id} ({outlet})"
        return LinkDecision(duplicate.case_id, reason, duplicate.story_id, 1.0)
    idf = case_idf(candidates, stored)
    scored = [(case, weigh_case(story, case, stored, idf)) for case in candidates]
    eligible = [(case, ev) for case, ev in scored if not ev.excluded]
    best = prefer_same_party(max(eligible, key=lambda pair: pair[1].score, default=None), eligible)
    if best is not None and not joins(best[1]):
        best = sole_matter(story, eligible) or unnamed_follow_up(story, eligible) or best
    if best is None or not joins(best[1]):
        return LinkDecision(None, _new_case_reason(best), score=best[1].score if best else 0.0)
    case, evidence = best
    merge = also_tied(story, case, [c for c, _ in eligible], stored)
    return LinkDecision(case.case_id, "; ".join(evidence.reasons), None, evidence.score, merge)


def _new_case_reason(best: tuple[CaseProfile, Evidence] | None) -> str:
    if best is None:
        return "new case: no earlier case shares a defendant, docket or wording"
    case, evidence = best
    return (
        f"new case: closest was case {case.case_id} ({case.facts.title}) "
        f"with too little in common (score {evidence.score:.2f})"
    )


def candidate_keys(story: StoryFacts) -> list[str]:
    """Keys to look candidate cases up by: the story's company names, and the proper
    names in its title (a case stores its first defendant's key, or its title's first)."""
    entities = story.entities
    keys = {company_key(c) for c in (*entities.companies, *entities.plaintiffs) if c}
    return sorted(keys | set(name_keys(story.title)))
