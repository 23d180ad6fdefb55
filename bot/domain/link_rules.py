"""Linking's join rules: when evidence is enough to join a case, and the special cases
that settle a close call (a same-party case first, the sole matter against a defendant,
a follow-up that names no company)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.domain.link_evidence import JOIN_THRESHOLD, MIN_WORDING, CaseProfile, Evidence
from bot.domain.link_facts import AUTHORITY, StoryFacts

FACTS_ALONE = 0.65  # facts agreeing this much join even without shared wording
SHARED_FACTS = 0.45  # ... or this much, when the same party and a law, forum or sum agree
SAME_FILING_DAYS = 14  # reports of one filing come within days
SOLE_MATTER_SCORE = 0.3  # the same lead defendant, nothing against it
UNNAMED_WORDING = 0.15  # a story naming no company joins on wording this close
UNNAMED_WORDING_ALONE = 0.25  # ... or on wording alone, no shared law, forum or amount
CLEAR_MARGIN = 0.7  # ... when no other case comes within this share of it
FOLLOW_UP_DAYS = 7  # an unnamed explainer or reaction follows its news within days


def prefer_same_party(
    best: tuple[CaseProfile, Evidence] | None, eligible: Sequence[tuple[CaseProfile, Evidence]]
) -> tuple[CaseProfile, Evidence] | None:
    """A case the story names the lead party of, and could join, beats one that only
    lists a party in passing (Zoom's suit naming Google) and wins on a coincidence."""
    if best is None or best[1].same_party:
        return best
    joinable = [pair for pair in eligible if pair[1].same_party and joins(pair[1])]
    return max(joinable, key=lambda pair: pair[1].score, default=best)


def joins(evidence: Evidence) -> bool:
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


def sole_matter(
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


def unnamed_follow_up(
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
