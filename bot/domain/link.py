"""Linking: does a new story join an existing case or open a new one? Facts first
(docket, defendant, court or regulator, laws, money, topic, time), text similarity
second; every decision carries a readable reason. Also spots near-identical copies."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from bot.domain.case_facts import companies_match, company_key, mentioned_companies, name_keys
from bot.domain.models import CaseFacts, Entities, Topic
from bot.domain.textsim import content_terms, cosine, jaccard, words

JOIN_THRESHOLD = 0.5  # total evidence needed to join a case
MIN_WORDING = 0.12  # below this the stories share no wording about the matter itself
FACTS_ALONE = 0.65  # facts agreeing this much join even without shared wording
DUPLICATE_THRESHOLD = 0.6  # word-set overlap of two stories that are one story reworded
PROFILE_TERMS = 80  # terms kept per case profile


@dataclass(frozen=True, slots=True)
class StoryFacts:
    """A story as linking sees it."""

    title: str
    summary: str
    entities: Entities
    topics: tuple[Topic, ...] = ()
    published: datetime | None = None


@dataclass(frozen=True, slots=True)
class CaseProfile:
    """A candidate case: its merged facts and a small term profile of its coverage."""

    case_id: int
    facts: CaseFacts
    terms: Mapping[str, float] = field(default_factory=dict)
    last_update: datetime | None = None


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


@dataclass(frozen=True, slots=True)
class Evidence:
    score: float
    wording: float
    reasons: tuple[str, ...]
    excluded: bool = False  # a fact rules the case out (a different docket)


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
    best = max(eligible, key=lambda pair: pair[1].score, default=None)
    if best is None or not _joins(best[1]):
        return LinkDecision(None, _new_case_reason(best), score=best[1].score if best else 0.0)
    case, evidence = best
    return LinkDecision(case.case_id, "; ".join(evidence.reasons), score=evidence.score)


def _joins(evidence: Evidence) -> bool:
    """Enough evidence, and either some shared wording or facts that agree on their own
    (same defendant, forum, law and amount, told in different words)."""
    facts_alone = evidence.score - evidence.wording
    return evidence.score >= JOIN_THRESHOLD and (
        evidence.wording >= MIN_WORDING or facts_alone >= FACTS_ALONE
    )


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
    return max((weigh_pair(story, s.facts, idf=idf) for s in own), key=lambda ev: ev.score)


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
        _company_part(story, other),
        (wording, f"similar wording ({wording:.2f})" if wording >= MIN_WORDING else ""),
        _law_part(story.entities, other.entities),
        _forum_part(story.entities, other.entities),
        _money_part(story, other),
        _topic_part(story.topics, other.topics),
        _time_part(story.published, other_when or other.published),
    ]
    score = sum(weight for weight, _ in parts)
    return Evidence(score, wording, tuple(reason for _, reason in parts if reason))


def _company_part(ours: StoryFacts, theirs: StoryFacts) -> tuple[float, str]:
    """Same defendant: by extracted names, or (when one side's extraction missed it) by
    the other side's defendant being named in this side's text. Only the leading names
    count fully: a suit against Otter that mentions Google is not a suit against Google."""
    a, b = _parties(ours), _parties(theirs)
    everyone = _shared(a, b, ours, theirs)
    if len(everyone) > 1:  # the same set of parties (OpenAI and Microsoft) says more
        return 0.4, f"same parties {', '.join(everyone[:2])}"
    lead = _shared(a[:1], b[:2], ours, theirs) and _shared(a[:2], b[:1], ours, theirs)
    if lead:
        return 0.3, f"same defendant {lead[0]}"
    if everyone:
        return 0.1, ""
    return (-0.25, "") if a and b else (0.0, "")


def _shared(a: Sequence[str], b: Sequence[str], ours: StoryFacts, theirs: StoryFacts) -> list[str]:
    """Names on both sides; a side whose extraction found no company is searched for
    the other side's names in its text instead."""
    # Report the name as the side that extracted it spells it.
    shared = companies_match(b, a) if not _extracted(ours) else companies_match(a, b)
    if not shared and not _extracted(ours):
        shared = mentioned_companies(b, f"{ours.title} {ours.summary}")
    if not shared and not _extracted(theirs):
        shared = mentioned_companies(a, f"{theirs.title} {theirs.summary}")
    return shared


def _extracted(story: StoryFacts) -> bool:
    return any(not _AUTHORITY.search(c) for c in story.entities.companies)


_AUTHORITY = re.compile(
    r"commission|authority|regulator|watchdog|\bcnil\b|garante|\bftc\b|\bico\b|\bdpc\b|"
    r"\bcourt\b|attorney general|ministry|agency|\boffice\b|tribunal|\bboard\b",
    re.IGNORECASE,
)


def _parties(story: StoryFacts) -> tuple[str, ...]:
    """The story's companies without the regulators extraction sometimes lists among
    them ("Ireland's Data Protection Commission"); the title's names if none."""
    forums = {company_key(f) for f in (*story.entities.regulators, *story.entities.courts)}
    companies = tuple(
        c
        for c in story.entities.companies
        if not _AUTHORITY.search(c) and company_key(c) not in forums
    )
    return companies or tuple(name_keys(story.title))


def _law_part(ours: Entities, theirs: Entities) -> tuple[float, str]:
    shared = [law for law in ours.laws if law in theirs.laws]
    if shared:
        return 0.1 * min(len(shared), 2), f"same law {shared[0]}"
    return (-0.2, "") if ours.laws and theirs.laws else (0.0, "")


def _forum_part(ours: Entities, theirs: Entities) -> tuple[float, str]:
    mine, other = {*ours.courts, *ours.regulators}, {*theirs.courts, *theirs.regulators}
    if mine & other:
        return 0.1, f"same forum {sorted(mine & other)[0]}"
    regulators, their_regulators = _regulators(ours), _regulators(theirs)
    if regulators and their_regulators and not regulators & their_regulators:
        return -0.6, ""  # each regulator runs its own matter, however alike the wording
    if not (mine and other):
        return 0.0, ""
    # A matter changes court on appeal, and outlets name one court several ways ("Cook
    # County Circuit Court", "Illinois state court"): a mild penalty only.
    return (-0.05, "") if "appeal" in (ours.stage, theirs.stage) else (-0.15, "")


# EU-wide bodies join national regulators' matters (one-stop shop), so they never
# contradict one.
_EU_WIDE = frozenset({"edpb", "european data protection board", "european commission"})


def _regulators(entities: Entities) -> set[str]:
    """Regulators named, including those extraction listed among the companies."""
    named = [*entities.regulators, *(c for c in entities.companies if _AUTHORITY.search(c))]
    return {key for key in map(company_key, named) if key not in _EU_WIDE}


_FINAL_MONEY = ("settlement", "fine", "verdict")


def _money_part(ours: StoryFacts, theirs: StoryFacts) -> tuple[float, str]:
    """The same settlement or fine amount is strong evidence of the same matter; two
    different ones usually mean two matters, unless one story names the other's amount
    ("raised the deal from $550 million to $650 million")."""
    mine = _final_amounts(ours)
    other = _final_amounts(theirs)
    if mine & other:
        return 0.25, "same amount"
    if _names_amount(ours, theirs) or _names_amount(theirs, ours):
        return 0.1, "names the same amount"
    same_kind = {k for k, _ in mine} & {k for k, _ in other}
    return (-0.15, "") if same_kind else (0.0, "")


def _final_amounts(story: StoryFacts) -> set[tuple[str, float]]:
    return {(m.kind, m.amount) for m in story.entities.money if m.kind in _FINAL_MONEY and m.amount}


def _names_amount(story: StoryFacts, other: StoryFacts) -> bool:
    text = f"{story.title} {story.summary}".lower()
    money = other.entities.money
    return any(m.text.lower() in text for m in money if m.kind in _FINAL_MONEY and m.text)


def _topic_part(ours: Sequence[Topic], theirs: Sequence[Topic]) -> tuple[float, str]:
    if not ours or not theirs:
        return 0.0, ""
    return (0.05, "") if set(ours) & set(theirs) else (-0.1, "")


def _time_part(published: datetime | None, other: datetime | None) -> tuple[float, str]:
    if published is None or other is None:
        return 0.0, ""
    gap_days = abs((published - other).days)
    return (-0.1, "") if gap_days > 730 else (0.0, "")


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


def story_profile(story: StoryFacts) -> dict[str, float]:
    """Term weights of one story. The title counts double because it names the matter;
    company names are left out because the facts already compare defendants."""
    names = {w for c in story.entities.companies for w in content_terms(c)}
    profile: dict[str, float] = {}
    for text, weight in ((story.summary, 1.0), (story.title, 2.0)):
        for term, count in content_terms(text).items():
            if term not in names:
                profile[term] = profile.get(term, 0.0) + weight * count
    return profile


def find_duplicate(story: StoryFacts, stored: Sequence[StoredStory]) -> StoredStory | None:
    """A stored story that is this one reworded by another outlet, if any."""
    mine = _word_set(story)
    best, best_overlap = None, DUPLICATE_THRESHOLD
    for other in stored:
        overlap = jaccard(mine, _word_set(other.facts))
        if overlap >= best_overlap and not _facts_conflict(story, other.facts):
            best, best_overlap = other, overlap
    return best


def _facts_conflict(story: StoryFacts, other: StoryFacts) -> bool:
    """Same words, different matter: "UK fines X" and "France fines X" for scraping."""
    a, b = story.entities, other.entities
    parts = (
        _company_part(story, other),
        _law_part(a, b),
        _forum_part(a, b),
        _money_part(story, other),
    )
    return any(weight < 0 for weight, _ in parts)


def _word_set(story: StoryFacts) -> set[str]:
    return set(words(f"{story.title} {story.summary}"))


def candidate_keys(story: StoryFacts) -> list[str]:
    """Keys to look candidate cases up by: the story's company names, and the proper
    names in its title (a case stores its first defendant's key, or its title's first)."""
    entities = story.entities
    keys = {company_key(c) for c in (*entities.companies, *entities.plaintiffs) if c}
    return sorted(keys | set(name_keys(story.title)))
