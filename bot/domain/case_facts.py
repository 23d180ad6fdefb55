"""Case facts as a fold over the entities of the case's stories: company keys,
stage ordering (a later development moves the stage, background mentions do not)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from functools import cache

from bot.domain.companies import PARENTS
from bot.domain.models import TOPICS, CaseFacts, Entities, Money, Stage, Topic

_COMPANY_SUFFIXES = frozenset(
    (
        "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "ltd", "limited",
        "plc", "platforms", "technologies", "technology", "holdings", "group", "the", "sa", "ag",
        "gmbh", "nv", "bv",
    )
)  # fmt: skip

# How far along a matter is; a story only moves the stage forward (or sideways at the
# same level), because coverage often recaps the filing after a ruling.
STAGE_RANK: dict[str, int] = {
    "investigation": 0,
    "complaint": 0,
    "filed": 1,
    "motion_to_dismiss": 2,
    "class_certification": 3,
    "ruling": 4,
    "dismissed": 5,
    "appeal": 6,
    "settlement": 7,
    "verdict": 7,
    "fine_or_order": 7,
}


def company_key(name: str) -> str:
    """'Meta Platforms, Inc.' -> 'meta', 'Facebook' -> 'meta': one key per company
    under any of its names or products, to match defendants across outlets."""
    key = _plain_key(name)
    return _parents().get(key, key)


def _plain_key(name: str) -> str:
    tokens = re.findall(r"[a-z0-9&]+", name.lower().replace("'s", ""))
    kept = [t for t in tokens if t not in _COMPANY_SUFFIXES]
    return " ".join(kept or tokens)[:200]


@cache
def _parents() -> dict[str, str]:
    """Products and subsidiaries keyed to their parent ("instagram" -> "meta"), from the
    extractor's alias table so linking and extraction agree on who is who."""
    return {_plain_key(child): _plain_key(parent) for child, parent in PARENTS.items()}


def companies_match(a: Iterable[str], b: Iterable[str]) -> list[str]:
    """Names from `a` that denote a company in `b` (equal keys, or one key a prefix)."""
    keys_b = [company_key(n) for n in b]
    shared = []
    for name in a:
        key = company_key(name)
        if key and any(_same_company(key, other) for other in keys_b):
            shared.append(name)
    return shared


def _same_company(a: str, b: str) -> bool:
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


_NAME_RUN = re.compile(r"\b(?:[A-Z][\w&.'’-]*|[A-Z])(?:\s+(?:[A-Z][\w&.'’-]*|of|de|&))*")
# Capitalized words that name places, institutions or laws, not the parties.
_GENERIC_NAMES = frozenset(
    (
        "a", "an", "the", "in", "on", "at", "for", "to", "of", "and", "as", "by", "with",
        "after", "over", "new", "us", "u.s", "uk", "eu", "european", "union", "court",
        "courts", "supreme", "district", "federal", "judge", "jury", "appeals", "circuit",
        "commission", "commissioner", "regulator", "authority", "agency", "office", "trade",
        "ftc", "ag", "attorney", "general", "state", "states", "data", "protection", "privacy",
        "act", "law", "bipa", "cipa", "gdpr", "ccpa", "coppa", "ai", "a.i", "illinois",
        "california", "texas", "new york", "washington", "ireland", "irish", "italy",
        "italian", "france", "french", "britain", "british", "dutch", "netherlands", "germany",
        "german", "spain", "canada", "australia", "japan", "korea", "china", "brazil",
        "india", "dpc", "ico", "cnil", "high", "top", "sues", "sued", "says", "judge",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday", "wednesday",
        "thursday", "friday", "he", "she", "it", "they", "we", "i", "this", "that",
    )
)  # fmt: skip


def name_keys(text: str, limit: int = 20) -> list[str]:
    """Keys of the proper names in a text (runs of capitalized words), for finding a
    case whose defendant the extractor missed in this story but found in another."""
    keys: list[str] = []
    for run in _NAME_RUN.findall(text):
        key = company_key(run)
        if all(word in _GENERIC_NAMES for word in key.split()):
            continue
        if key not in keys:
            keys.append(key)
        for word in key.split():
            if word not in _GENERIC_NAMES and len(word) > 2 and word not in keys:
                keys.append(word)
    return keys[:limit]


def mentioned_companies(names: Iterable[str], text: str) -> list[str]:
    """Names from `names` that the text mentions as whole words."""
    padded = f" {' '.join(re.findall(r'[a-z0-9&]+', text.lower()))} "
    return [n for n in names if (key := company_key(n)) and f" {key} " in padded]


def next_stage(current: Stage | None, new: Stage | None) -> Stage | None:
    if new is None:
        return current
    if current is None or STAGE_RANK.get(new, 0) >= STAGE_RANK.get(current, 0):
        return new
    return current


def facts_from_entities(title: str, entities: Entities, topics: Sequence[Topic]) -> CaseFacts:
    return merge_facts(CaseFacts(title=title), entities, topics)


def merge_facts(facts: CaseFacts, entities: Entities, topics: Sequence[Topic]) -> CaseFacts:
    """Add one story's entities to a case: lists grow without duplicates, the first
    court/docket seen stays (later ones are usually the same, reworded)."""
    return replace(
        facts,
        defendants=_union(facts.defendants, _defendants(entities)),
        plaintiffs=_union(facts.plaintiffs, entities.plaintiffs),
        court=facts.court or _first(entities.courts),
        regulator=facts.regulator or _first(entities.regulators),
        docket=facts.docket or _first(entities.dockets),
        laws=_union(facts.laws, entities.laws),
        money=_union_money(facts.money, entities.money),
        stage=next_stage(facts.stage, entities.stage),
        topics=tuple(t for t in TOPICS if t in facts.topics or t in topics),
    )


def _defendants(entities: Entities) -> tuple[str, ...]:
    plaintiffs = {company_key(p) for p in entities.plaintiffs}
    return tuple(c for c in entities.companies if company_key(c) not in plaintiffs)


def _first(values: Sequence[str]) -> str | None:
    return values[0] if values else None


def _union(old: Sequence[str], new: Iterable[str]) -> tuple[str, ...]:
    seen = {company_key(v) for v in old}
    out = list(old)
    for value in new:
        if company_key(value) not in seen:
            seen.add(company_key(value))
            out.append(value)
    return tuple(out)


def _union_money(old: Sequence[Money], new: Iterable[Money]) -> tuple[Money, ...]:
    seen = {(m.text.lower(), m.kind) for m in old}
    out = list(old)
    for money in new:
        if (money.text.lower(), money.kind) not in seen:
            seen.add((money.text.lower(), money.kind))
            out.append(money)
    return tuple(out)


def stage_changed_at(
    history: Sequence[tuple[Stage, datetime]], stage: Stage | None, when: datetime
) -> tuple[tuple[Stage, datetime], ...]:
    """Append to the stage history when the stage moved."""
    if stage is None or (history and history[-1][0] == stage):
        return tuple(history)
    return (*history, (stage, when))
