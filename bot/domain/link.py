"""Linking: does a new story join an existing case or open a new one? Facts first
(docket, defendant, court or regulator, laws, money, topic, time), text similarity
second; every decision carries a readable reason. Also spots near-identical copies."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from types import MappingProxyType

from bot.domain.case_facts import company_key, name_keys
from bot.domain.link_case import case_conflict, decided_before, plaintiff_support
from bot.domain.link_facts import (
    AUTHORITY,
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
from bot.domain.link_merge import also_tied
from bot.domain.models import CaseFacts, Entities
from bot.domain.textsim import content_terms, cosine, jaccard, words

JOIN_THRESHOLD = 0.5  # total evidence needed to join a case
MIN_WORDING = 0.12  # below this the stories share no wording about the matter itself
FACTS_ALONE = 0.65  # facts agreeing this much join even without shared wording
SHARED_FACTS = 0.45  # ... or this much, when the same party and a law, forum or sum agree
DUPLICATE_THRESHOLD = 0.6  # word-set overlap of two stories that are one story reworded
PROFILE_TERMS = 80  # terms kept per case profile
SAME_FILING_DAYS = 14  # reports of one filing come within days
SOLE_MATTER_SCORE = 0.3  # the same lead defendant, nothing against it
UNNAMED_WORDING = 0.15  # a story naming no company joins on wording this close
UNNAMED_WORDING_ALONE = 0.25  # ... or on wording alone, no shared law, forum or amount
CLEAR_MARGIN = 0.7  # ... when no other case comes within this share of it
FOLLOW_UP_DAYS = 7  # an unnamed explainer or reaction follows its news within days


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
class LinkDecision:
    case_id: int | None  # None: open a new case
    reason: str
    duplicate_of: int | None = None
    score: float = 0.0
    merge: tuple[tuple[int, str], ...] = ()  # other cases as strongly tied: one matter


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
    best = _prefer_same_party(max(eligible, key=lambda pair: pair[1].score, default=None), eligible)
    if best is not None and not _joins(best[1]):
        best = _sole_matter(story, eligible) or _unnamed_follow_up(story, eligible) or best
    if best is None or not _joins(best[1]):
        return LinkDecision(None, _new_case_reason(best), score=best[1].score if best else 0.0)
    case, evidence = best
    merge = also_tied(story, case, [c for c, _ in eligible], stored)
    return LinkDecision(case.case_id, "; ".join(evidence.reasons), None, evidence.score, merge)


def _prefer_same_party(
    best: tuple[CaseProfile, Evidence] | None, eligible: Sequence[tuple[CaseProfile, Evidence]]
) -> tuple[CaseProfile, Evidence] | None:
    """A case the story names the lead party of, and could join, beats one that only
    lists a party in passing (Zoom's suit naming Google) and wins on a coincidence."""
    if best is None or best[1].same_party:
        return best
    joinable = [pair for pair in eligible if pair[1].same_party and _joins(pair[1])]
    return max(joinable, key=lambda pair: pair[1].score, default=best)


def _joins(evidence: Evidence) -> bool:
    """Enough evidence, and either some shared wording or facts that agree on their own
    (same defendant, forum, law and amount, told in different words)."""
    facts_alone = evidence.score - evidence.wording
    if _shared_facts(evidence) and facts_alone >= SHARED_FACTS:
        return True
    return evidence.score >= JOIN_THRESHOLD and (
        evidence.wording >= MIN_WORDING or facts_alone >= FACTS_ALONE
    )


def _shared_facts(evidence: Evidence) -> bool:
    """The same defendant plus the same regulator or sum, and nothing pointing
    elsewhere: a follow-up in other words ("GoodRx emails users about the FTC's
    allegations") continues the matter even with little wording in common. A shared
    law or court is not enough: one company faces several BIPA suits in one court."""
    return evidence.same_party and evidence.same_matter and not evidence.conflicting


# Later steps of a matter; a filing or a fresh fine is as likely to open another matter.
_CONTINUATIONS = frozenset(
    {"motion_to_dismiss", "ruling", "dismissed", "settlement", "appeal", "verdict"}
)


def _sole_matter(
    story: StoryFacts, eligible: Sequence[tuple[CaseProfile, Evidence]]
) -> tuple[CaseProfile, Evidence] | None:
    """A later development (a ruling, a settlement, an appeal) of the one matter the
    candidates hold against this defendant, with no fact against it, continues that
    matter however differently the outlet words it: outlets rarely repeat the filing's
    words two years on."""
    # A case some fact rules out (another country, regulator or amount; a decision it
    # already reported on another date) is not a rival: the one left is the matter.
    same = [(c, ev) for c, ev in eligible if ev.same_party]
    same = [(c, ev) for c, ev in same if not (ev.conflicting or ev.facts_against)]
    if len(same) != 1 or not _continues(story, same[0][0]):
        return None
    if not _same_topics(story, same[0][0]) or same[0][1].score < SOLE_MATTER_SCORE:
        return None
    case, evidence = same[0]
    reason = "the only matter against this defendant, and a later development of it"
    score = max(evidence.score, JOIN_THRESHOLD)
    joined = replace(evidence, score=score, wording=max(evidence.wording, MIN_WORDING))
    return case, replace(joined, reasons=(*evidence.reasons, reason))


def _unnamed_follow_up(
    story: StoryFacts, eligible: Sequence[tuple[CaseProfile, Evidence]]
) -> tuple[CaseProfile, Evidence] | None:
    """A follow-up that describes the company instead of naming it ("the Idaho data
    broker", "the delivery app") is matched by its wording alone: it joins the case it
    clearly shares the most distinctive words with."""
    if any(not AUTHORITY.search(c) for c in story.entities.companies):
        return None
    by_sum = _only_same_sum(eligible)
    if by_sum is not None:
        return by_sum
    # A case whose law, regulator or amount differs is another matter of that kind
    # (another BIPA ruling, another FTC settlement), however alike the words.
    ranked = sorted(
        ((case, ev) for case, ev in eligible if not ev.facts_against),
        key=lambda pair: -pair[1].wording,
    )
    # A case in the news days before is the one an explainer ("what the order requires of
    # the Japanese automaker") follows; cases quiet for months are no rivals to it.
    close = [pair for pair in ranked if pair[1].wording >= UNNAMED_WORDING]
    fresh = [pair for pair in close if _fresh(story, pair[0])]
    if len(fresh) == 1:
        return _unnamed_join(fresh[0], "and the only such case in the news days before")
    if not close:
        return None
    runner_up = ranked[1][1].wording if len(ranked) > 1 else 0.0
    if runner_up > CLEAR_MARGIN * ranked[0][1].wording:
        return None
    if not ranked[0][1].facts_for and ranked[0][1].wording < UNNAMED_WORDING_ALONE:
        return None
    return _unnamed_join(ranked[0])


def _fresh(story: StoryFacts, case: CaseProfile) -> bool:
    """The case was last in the news at most FOLLOW_UP_DAYS before the story."""
    last, when = case.last_update, story.published
    return last is not None and when is not None and (when - last).days <= FOLLOW_UP_DAYS


def _unnamed_join(
    pair: tuple[CaseProfile, Evidence], why: str = ""
) -> tuple[CaseProfile, Evidence]:
    case, evidence = pair
    reason = f"names no company; wording close to this case ({evidence.wording:.2f})"
    reason = f"{reason} {why}" if why else reason
    score = max(evidence.score, JOIN_THRESHOLD)
    return case, replace(evidence, score=score, reasons=(*evidence.reasons, reason))


def _only_same_sum(
    eligible: Sequence[tuple[CaseProfile, Evidence]],
) -> tuple[CaseProfile, Evidence] | None:
    """The one case reporting the same sum ("the bank data aggregator's $58M deal"):
    an exact amount is rarely shared by two matters."""
    sharing = [(c, ev) for c, ev in eligible if ev.same_sum and not ev.facts_against]
    if len(sharing) != 1:
        return None
    case, evidence = sharing[0]
    reason = "names no company; the only case with the same amount"
    score, wording = max(evidence.score, JOIN_THRESHOLD), max(evidence.wording, MIN_WORDING)
    joined = replace(evidence, score=score, wording=wording)
    return case, replace(joined, reasons=(*evidence.reasons, reason))


def _continues(story: StoryFacts, case: CaseProfile) -> bool:
    """A later step of the matter, or the filing itself reported again within days."""
    stage = story.entities.stage
    if stage in _CONTINUATIONS:
        return True
    began, when = case.first_seen, story.published
    recent = began is not None and when is not None and (when - began).days <= SAME_FILING_DAYS
    return stage == "filed" and recent


def _same_topics(story: StoryFacts, case: CaseProfile) -> bool:
    """Without shared wording the topics must agree exactly: an ad-metrics settlement is
    not the next step of an AI-training suit against the same company."""
    ours, theirs = set(story.topics), set(case.facts.topics)
    return not ours or not theirs or ours == theirs


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


def _new_case_reason(best: tuple[CaseProfile, Evidence] | None) -> str:
    if best is None:
        return "new case: no earlier case shares a defendant, docket or wording"
    case, evidence = best
    return (
        f"new case: closest was case {case.case_id} ({case.facts.title}) "
        f"with too little in common (score {evidence.score:.2f})"
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


def find_duplicate(story: StoryFacts, stored: Sequence[StoredStory]) -> StoredStory | None:
    """A stored story that is this one reworded by another outlet, if any: the closest
    in wording whose facts do not contradict it."""
    mine = _word_set(story)
    scored = [(jaccard(mine, _word_set(other.facts)), other) for other in stored]
    close = sorted((p for p in scored if p[0] >= DUPLICATE_THRESHOLD), key=lambda p: -p[0])
    return next((other for _, other in close if not _facts_conflict(story, other.facts)), None)


def _facts_conflict(story: StoryFacts, other: StoryFacts) -> bool:
    """Same words, different matter: "UK fines X" and "France fines X" for scraping."""
    a, b = story.entities, other.entities
    parts = (
        company_part(story, other),
        law_part(a, b),
        forum_part(a, b),
        money_part(story, other),
    )
    return any(weight < 0 for weight, _ in parts)


@lru_cache(maxsize=8192)
def _word_set(story: StoryFacts) -> frozenset[str]:
    return frozenset(words(f"{story.title} {story.summary}"))


def candidate_keys(story: StoryFacts) -> list[str]:
    """Keys to look candidate cases up by: the story's company names, and the proper
    names in its title (a case stores its first defendant's key, or its title's first)."""
    entities = story.entities
    keys = {company_key(c) for c in (*entities.companies, *entities.plaintiffs) if c}
    return sorted(keys | set(name_keys(story.title)))
