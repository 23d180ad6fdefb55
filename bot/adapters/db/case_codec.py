"""Conversions between database rows / JSON columns and the domain's case types."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.adapters.db.tables import CaseKeyRow, CaseRow, StoryRow
from bot.domain.case_facts import company_key, name_keys
from bot.domain.link import CaseProfile, StoredStory, StoryFacts
from bot.domain.link_keys import case_lookup_keys
from bot.domain.link_names import with_plausible_companies
from bot.domain.models import (
    TOPICS,
    Case,
    CaseFacts,
    CaseStory,
    Classification,
    Entities,
    Money,
    MoneyKind,
    Stage,
    Topic,
)


def money_to_json(money: Money) -> dict[str, Any]:
    return {
        "text": money.text,
        "kind": money.kind,
        "amount": money.amount,
        "currency": money.currency,
        "per": money.per,
    }


def money_from_json(value: Any) -> Money:
    """Money as stored; a bare string (the classify contract's shape) is accepted too."""
    if isinstance(value, str):
        return Money(text=value, kind="other")
    return Money(
        text=str(value.get("text", "")),
        kind=cast(MoneyKind, value.get("kind") or "other"),
        amount=value.get("amount"),
        currency=value.get("currency"),
        per=value.get("per"),
    )


def entities_to_json(entities: Entities) -> dict[str, Any]:
    return {
        "companies": list(entities.companies),
        "laws": list(entities.laws),
        "money": [money_to_json(m) for m in entities.money],
        "courts": list(entities.courts),
        "dockets": list(entities.dockets),
        "stage": entities.stage,
        "plaintiffs": list(entities.plaintiffs),
        "regulators": list(entities.regulators),
    }


def entities_from_json(data: Mapping[str, Any] | None) -> Entities:
    data = data or {}
    return Entities(
        companies=_strings(data.get("companies")),
        laws=_strings(data.get("laws")),
        money=tuple(money_from_json(m) for m in data.get("money") or ()),
        courts=_strings(data.get("courts")),
        dockets=_strings(data.get("dockets")),
        stage=cast(Stage | None, data.get("stage")),
        plaintiffs=_strings(data.get("plaintiffs")),
        regulators=_strings(data.get("regulators")),
    )


def topics_from_json(values: Sequence[str] | None) -> tuple[Topic, ...]:
    return tuple(t for t in TOPICS if t in (values or ()))


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values or ())


def facts_from_row(row: CaseRow) -> CaseFacts:
    return CaseFacts(
        title=row.title,
        defendants=tuple(row.defendants or ()),
        plaintiffs=tuple(row.plaintiffs or ()),
        court=row.court,
        regulator=row.regulator,
        docket=row.docket,
        laws=tuple(row.laws or ()),
        money=tuple(money_from_json(m) for m in row.money or ()),
        stage=cast(Stage | None, row.stage),
        topics=topics_from_json(row.topics),
    )


def facts_to_row(facts: CaseFacts, row: CaseRow) -> None:
    row.title = facts.title
    row.defendants = list(facts.defendants)
    row.plaintiffs = list(facts.plaintiffs)
    row.court = facts.court
    row.regulator = facts.regulator
    row.docket = facts.docket[:200] if facts.docket else None
    row.laws = list(facts.laws)
    row.money = [money_to_json(m) for m in facts.money]
    row.stage = facts.stage
    row.topics = list(facts.topics)


def history_to_json(history: Sequence[tuple[Stage, datetime]]) -> list[dict[str, Any]]:
    return [{"stage": stage, "at": when.isoformat()} for stage, when in history]


def history_from_json(
    values: Sequence[Mapping[str, Any]] | None,
) -> tuple[tuple[Stage, datetime], ...]:
    return tuple((cast(Stage, v["stage"]), datetime.fromisoformat(v["at"])) for v in values or ())


def case_story_from_row(row: StoryRow) -> CaseStory:
    return CaseStory(
        story_id=row.id,
        title=row.title,
        summary=row.summary,
        url=row.url,
        outlet=row.outlet,
        published=row.published_at or row.fetched_at,
        stage=cast(Stage | None, (row.entities or {}).get("stage")),
    )


def case_from_row(row: CaseRow, stories: Sequence[StoryRow]) -> Case:
    ordered = sorted(stories, key=lambda s: (s.published_at or s.fetched_at, s.id))
    return Case(
        id=row.id,
        facts=facts_from_row(row),
        stories=tuple(case_story_from_row(s) for s in ordered),
        stage_history=history_from_json(row.stage_history),
        first_seen=row.first_seen,
        last_update=row.last_update,
    )


def classification_values(classification: Classification) -> dict[str, Any]:
    """The story columns a classification fills."""
    return {
        "relevant": classification.relevant,
        "score": classification.score,
        "topics": list(classification.topics),
        "why": list(classification.why),
        "entities": entities_to_json(classification.entities),
    }


def story_facts_from_row(row: StoryRow) -> StoryFacts:
    """The story as linking sees it: company names that do not read as parties (places,
    descriptions, quoted wire services) are left out."""
    story = StoryFacts(
        title=row.title,
        summary=row.summary,
        entities=entities_from_json(row.entities),
        topics=topics_from_json(row.topics),
        published=row.published_at or row.fetched_at,
    )
    return with_plausible_companies(story)


def stored_from_row(row: StoryRow) -> StoredStory:
    return StoredStory(
        story_id=row.id,
        case_id=row.case_id or 0,
        outlet=row.outlet,
        facts=story_facts_from_row(row),
    )


def profile_from_row(row: CaseRow) -> CaseProfile:
    return CaseProfile(
        case_id=row.id,
        facts=facts_from_row(row),
        terms=dict(row.terms or {}),
        last_update=row.last_update,
        first_seen=row.first_seen,
    )


def fill_case_row(
    row: CaseRow,
    facts: CaseFacts,
    terms: dict[str, float],
    history: Sequence[tuple[Stage, datetime]],
) -> None:
    facts_to_row(facts, row)
    row.terms = dict(terms)
    row.stage_history = history_to_json(history)
    row.primary_key_name = primary_key(facts)


def primary_key(facts: CaseFacts) -> str | None:
    """The first defendant's key; without one, the first proper name in the title."""
    if facts.defendants:
        # "Caraway Home" listed with "Caraway": the short form is what later stories use.
        first = company_key(facts.defendants[0])
        shorter = [k for k in map(company_key, facts.defendants) if first.startswith(k + " ")]
        return min(shorter, key=len) if shorter else first
    names = name_keys(facts.title)
    return names[0][:200] if names else None


def store_case_keys(
    session: Session, row: CaseRow, titles: Sequence[str] = (), keep: bool = True
) -> None:
    """Write the case's lookup keys (after `fill_case_row`, with its id flushed). `keep`
    adds to the keys it has (a joining story's caption stays); otherwise they are
    replaced (a rebuilt case keeps only what its stories still say)."""
    facts = facts_from_row(row)
    wanted = case_lookup_keys(facts, row.primary_key_name, titles)
    if keep:
        held = select(CaseKeyRow.key).where(CaseKeyRow.case_id == row.id)
        wanted -= set(session.scalars(held))
    else:
        session.execute(delete(CaseKeyRow).where(CaseKeyRow.case_id == row.id))
    session.add_all(CaseKeyRow(case_id=row.id, key=key) for key in sorted(wanted))
