"""Linking's evidence: the types a decision weighs, and how strongly facts and words
say a story belongs with one candidate case (docket, parties, law, forum, money, topic,
time, then distinctive wording)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from types import MappingProxyType

from bot.domain.link_case import case_conflict, decided_before, plaintiff_support
from bot.domain.link_facts import (
    StoryFacts,
    company_part,
    development_part,
    forum_part,
    law_part,
    money_part,
    regulators,
    time_part,
    topic_part,
)
from bot.domain.models import CaseFacts, Entities
from bot.domain.textsim import content_terms, cosine

JOIN_THRESHOLD = 0.5  # total evidence needed to join a case
MIN_WORDING = 0.12  # below this the stories share no wording about the matter itself
PROFILE_TERMS = 80  # terms kept per case profile


@dataclass(frozen=True, slots=True)
class CaseProfile:
    """A candidate case: its merged facts and a small term profile of its coverage."""

    case_id: int
    facts: CaseFacts
    terms: Mapping[str, float] = field(default_factory=dict)
    last_update: datetime | None = None
    first_seen: datetime | None = None


@dataclass(frozen=True, slots=True)
class StoredStory:
    """An already-linked story: compared one to one with the new story."""

    story_id: int
    case_id: int
    outlet: str
    facts: StoryFacts


@dataclass(frozen=True, slots=True)
class Evidence:
    score: float
    wording: float
    reasons: tuple[str, ...]
    excluded: bool = False  # a fact rules the case out (a different docket)
    same_party: bool = False  # the lead defendants (or the whole set of parties) agree
    conflicting: bool = False  # some fact points at another matter
    facts_against: bool = False  # law, forum, amount or a repeated decision differ
    facts_for: bool = False  # the same law, forum or amount
    same_matter: bool = False  # the same regulator or the same sum: one matter's marks
    same_sum: bool = False  # the same amount of money


def case_idf(candidates: Sequence[CaseProfile], stored: Sequence[StoredStory]) -> dict[str, float]:
    """Inverse case frequency over the candidates: words every candidate case shares
    ("Google", "AI", "settle") say little about WHICH of that company's matters this is."""
    vocab: dict[int, set[str]] = {}
    for s in stored:
        vocab.setdefault(s.case_id, set()).update(story_profile(s.facts))
    counts: dict[str, int] = {}
    for terms in vocab.values():
        for term in terms:
            counts[term] = counts.get(term, 0) + 1
    total = len(vocab)
    return {t: math.log((total + 1) / (n + 0.5)) for t, n in counts.items()} if total > 1 else {}


def _weighted(profile: Mapping[str, float], idf: Mapping[str, float]) -> dict[str, float]:
    if not idf:
        return dict(profile)
    return {t: w * idf.get(t, _UNSEEN_IDF) for t, w in profile.items()}


_UNSEEN_IDF = 1.5


def weigh_case(
    story: StoryFacts,
    case: CaseProfile,
    stored: Sequence[StoredStory],
    idf: Mapping[str, float] | None = None,
) -> Evidence:
    """The case's facts decide on the docket; otherwise its closest story speaks for it,
    so one wrongly joined story cannot make a case attract everything."""
    facts = case.facts
    dockets = {_norm_docket(d) for d in story.entities.dockets}
    if facts.docket and _norm_docket(facts.docket) in dockets:
        return Evidence(10.0, 1.0, (f"same docket {facts.docket}",))
    if facts.docket and dockets:
        return Evidence(0.0, 0.0, (), excluded=True)
    own = [s for s in stored if s.case_id == case.case_id]
    if not own:
        profile = StoryFacts(facts.title, "", _case_entities(facts), facts.topics)
        return weigh_pair(story, profile, case.terms, case.last_update, idf)
    best = max((weigh_pair(story, s.facts, idf=idf) for s in own), key=lambda ev: ev.score)
    first_seen = case.first_seen or min(_dates(own), default=None)
    others = [s.facts for s in own]
    penalty, _ = case_conflict(story, others, first_seen)
    support, why = plaintiff_support(story, others)
    reasons = (*best.reasons, why) if why else best.reasons
    conflicting = best.conflicting or penalty < 0
    against = best.facts_against or penalty < 0 or decided_before(story, others)
    return replace(
        best,
        score=best.score + penalty + support,
        reasons=reasons,
        conflicting=conflicting,
        facts_against=against,
    )


def _dates(stored: Sequence[StoredStory]) -> list[datetime]:
    return [s.facts.published for s in stored if s.facts.published is not None]


def _case_entities(facts: CaseFacts) -> Entities:
    forums = tuple(f for f in (facts.court, facts.regulator) if f)
    return Entities(companies=facts.defendants, laws=facts.laws, money=facts.money, courts=forums)


def weigh_pair(
    story: StoryFacts,
    other: StoryFacts,
    other_terms: Mapping[str, float] | None = None,
    other_when: datetime | None = None,
    idf: Mapping[str, float] | None = None,
) -> Evidence:
    """How strongly facts and words say two stories report the same matter."""
    idf = idf or {}
    theirs = other_terms or story_profile(other)
    wording = cosine(_weighted(story_profile(story), idf), _weighted(theirs, idf))
    parts = [
        company_part(story, other),
        (wording, f"similar wording ({wording:.2f})" if wording >= MIN_WORDING else ""),
        law_part(story.entities, other.entities),
        forum_part(story.entities, other.entities),
        money_part(story, other),
        topic_part(story.topics, other.topics),
        time_part(story.published, other_when or other.published),
        development_part(story, other),
    ]
    score = sum(weight for weight, _ in parts)
    reasons = tuple(reason for _, reason in parts if reason)
    conflicting = any(weight < 0 for weight, _ in parts)
    matter = [weight for weight, _ in parts[2:5]]  # law, forum, money
    against, for_ = any(w < 0 for w in matter), any(w > 0 for w in matter)
    same_party = parts[0][0] >= 0.3
    same_matter = parts[4][0] > 0 or bool(regulators(story.entities) & regulators(other.entities))
    same_sum = parts[4][0] > 0
    return Evidence(
        score,
        wording,
        reasons,
        False,
        same_party,
        conflicting,
        against,
        for_,
        same_matter,
        same_sum,
    )


def _norm_docket(docket: str) -> str:
    return "".join(ch for ch in docket.lower() if ch.isalnum())


@lru_cache(maxsize=8192)
def story_profile(story: StoryFacts) -> Mapping[str, float]:
    """Term weights of one story. The title counts double because it names the matter;
    company names are left out because the facts already compare defendants. Cached
    (read-only) because a story is compared with many candidates."""
    names = {w for c in story.entities.companies for w in content_terms(c)}
    profile: dict[str, float] = {}
    for text, weight in ((story.summary, 1.0), (story.title, 2.0)):
        for term, count in content_terms(text).items():
            if term not in names:
                profile[term] = profile.get(term, 0.0) + weight * count
    return MappingProxyType(profile)
