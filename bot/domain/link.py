"""Linking: does a new story join an existing case or open a new one? Facts first
(docket, defendant, court or regulator, laws, topic, time), text similarity second;
every decision carries a readable reason. Also spots near-identical wire copies."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from bot.domain.case_facts import companies_match, company_key
from bot.domain.models import CaseFacts, Entities, Topic
from bot.domain.textsim import content_terms, cosine, jaccard, words

JOIN_THRESHOLD = 0.5  # total evidence needed to join a case
DUPLICATE_THRESHOLD = 0.6  # word-set overlap of two stories that are one story reworded
PROFILE_TERMS = 80  # terms kept per case profile


@dataclass(frozen=True, slots=True)
class StoryFacts:
    """A new story as linking sees it."""

    title: str
    summary: str
    entities: Entities
    topics: tuple[Topic, ...] = ()
    published: datetime | None = None

    @property
    def text(self) -> str:
        return f"{self.title}. {self.summary}"


@dataclass(frozen=True, slots=True)
class CaseProfile:
    """A candidate case: its facts and a small term profile of its coverage."""

    case_id: int
    facts: CaseFacts
    terms: Mapping[str, float] = field(default_factory=dict)
    last_update: datetime | None = None


@dataclass(frozen=True, slots=True)
class StoredStory:
    """An already-linked story, for near-duplicate detection."""

    story_id: int
    case_id: int
    outlet: str
    title: str
    summary: str


@dataclass(frozen=True, slots=True)
class LinkDecision:
    case_id: int | None  # None: open a new case
    reason: str
    duplicate_of: int | None = None
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class _Evidence:
    score: float
    reasons: tuple[str, ...]
    excluded: str | None = None  # a fact that rules the case out


def decide_link(
    story: StoryFacts, candidates: Sequence[CaseProfile], stored: Sequence[StoredStory] = ()
) -> LinkDecision:
    """Pick the case the story belongs to, or None to open a new one."""
    duplicate = find_duplicate(story, stored)
    if duplicate is not None:
        outlet = duplicate.outlet or "another outlet"
        reason = f"near-identical to story {duplicate.story_id} ({outlet})"
        return LinkDecision(duplicate.case_id, reason, duplicate.story_id, 1.0)
    best: tuple[CaseProfile, _Evidence] | None = None
    for case in candidates:
        evidence = weigh(story, case)
        if evidence.excluded is None and (best is None or evidence.score > best[1].score):
            best = (case, evidence)
    if best is None or best[1].score < JOIN_THRESHOLD:
        score = best[1].score if best else 0.0
        return LinkDecision(None, _new_case_reason(best), score=score)
    case, evidence = best
    return LinkDecision(case.case_id, "; ".join(evidence.reasons), score=evidence.score)


def weigh(story: StoryFacts, case: CaseProfile) -> _Evidence:
    """How strongly the facts and the words say this story is about this case."""
    facts, entities = case.facts, story.entities
    if facts.docket and _norm_docket(facts.docket) in {_norm_docket(d) for d in entities.dockets}:
        return _Evidence(10.0, (f"same docket {facts.docket}",))
    if facts.docket and entities.dockets:
        return _Evidence(0.0, (), excluded=f"different docket ({facts.docket})")
    parts = [
        _company_part(entities, facts),
        _text_part(story, case),
        _law_part(entities, facts),
        _forum_part(entities, facts),
        _topic_part(story.topics, facts.topics),
        _time_part(story.published, case.last_update),
    ]
    score = sum(weight for weight, _ in parts)
    return _Evidence(score, tuple(reason for _, reason in parts if reason))


def _company_part(entities: Entities, facts: CaseFacts) -> tuple[float, str]:
    shared = companies_match(entities.companies, facts.defendants)
    if shared:
        return 0.3, f"same defendant {shared[0]}"
    if entities.companies and facts.defendants:
        return -0.25, ""
    return 0.0, ""


def _text_part(story: StoryFacts, case: CaseProfile) -> tuple[float, str]:
    similarity = cosine(story_profile(story), case.terms)
    shown = f"similar wording ({similarity:.2f})" if similarity >= 0.15 else ""
    return similarity, shown


def _law_part(entities: Entities, facts: CaseFacts) -> tuple[float, str]:
    shared = [law for law in entities.laws if law in facts.laws]
    if shared:
        return 0.1 * min(len(shared), 2), f"same law {shared[0]}"
    if entities.laws and facts.laws:
        return -0.1, ""
    return 0.0, ""


def _forum_part(entities: Entities, facts: CaseFacts) -> tuple[float, str]:
    ours = {f for f in (facts.court, facts.regulator) if f}
    theirs = {*entities.courts, *entities.regulators}
    if ours & theirs:
        return 0.1, f"same forum {sorted(ours & theirs)[0]}"
    if ours and theirs:
        return -0.15, ""
    return 0.0, ""


def _topic_part(story_topics: Sequence[Topic], case_topics: Sequence[Topic]) -> tuple[float, str]:
    if not story_topics or not case_topics:
        return 0.0, ""
    return (0.05, "") if set(story_topics) & set(case_topics) else (-0.1, "")


def _time_part(published: datetime | None, last_update: datetime | None) -> tuple[float, str]:
    if published is None or last_update is None:
        return 0.0, ""
    gap_days = abs((published - last_update).days)
    if gap_days > 730:
        return -0.3, ""
    return (-0.15, "") if gap_days > 365 else (0.0, "")


def _new_case_reason(best: tuple[CaseProfile, _Evidence] | None) -> str:
    if best is None:
        return "new case: no earlier case shares a defendant, docket or wording"
    case, evidence = best
    return (
        f"new case: closest was case {case.case_id} ({case.facts.title}) "
        f"with too little in common (score {evidence.score:.2f})"
    )


def _norm_docket(docket: str) -> str:
    return "".join(ch for ch in docket.lower() if ch.isalnum())


def story_profile(story: StoryFacts) -> dict[str, float]:
    """Term weights of one story; the title counts double because it names the matter."""
    profile: dict[str, float] = {}
    for term, count in content_terms(story.summary).items():
        profile[term] = profile.get(term, 0.0) + count
    for term, count in content_terms(story.title).items():
        profile[term] = profile.get(term, 0.0) + 2 * count
    return profile


def find_duplicate(story: StoryFacts, stored: Sequence[StoredStory]) -> StoredStory | None:
    """A stored story that is this one reworded by another outlet, if any."""
    mine = _word_set(story.title, story.summary)
    best, best_overlap = None, DUPLICATE_THRESHOLD
    for other in stored:
        overlap = jaccard(mine, _word_set(other.title, other.summary))
        if overlap >= best_overlap:
            best, best_overlap = other, overlap
    return best


def _word_set(title: str, summary: str) -> set[str]:
    return set(words(f"{title} {summary}"))


def candidate_keys(entities: Entities) -> list[str]:
    """Company keys to look candidate cases up by (a case stores its first defendant's)."""
    return sorted({company_key(c) for c in (*entities.companies, *entities.plaintiffs) if c})
