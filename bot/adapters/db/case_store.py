"""Cases in the database: case records and timelines, lookups by number or name, the
classification written onto stories, and operators' corrections (linking itself reads
and writes through link_store)."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.case_codec import (
    case_from_row,
    facts_from_row,
    fill_case_row,
    store_case_keys,
    story_facts_from_row,
)
from bot.adapters.db.tables import CaseCorrectionRow, CaseRow, StoryRow
from bot.domain.link import StoryFacts
from bot.domain.models import Case, CaseFacts, Stage


class CaseStore:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def create_case(
        self,
        facts: CaseFacts,
        terms: dict[str, float],
        history: Sequence[tuple[Stage, datetime]],
        when: datetime,
    ) -> int:
        row = CaseRow(first_seen=when, last_update=when, summary="")
        fill_case_row(row, facts, terms, history)
        with self._sessions.begin() as session:
            session.add(row)
            session.flush()
            store_case_keys(session, row)
            return row.id

    def save_case(
        self,
        case_id: int,
        facts: CaseFacts,
        terms: dict[str, float],
        history: Sequence[tuple[Stage, datetime]],
        last_update: datetime,
        summary: str | None = None,
        titles: Sequence[str] = (),
    ) -> None:
        """Rewrite a case's facts; `titles` are its stories' titles (their captions are
        lookup keys)."""
        with self._sessions.begin() as session:
            row = session.get_one(CaseRow, case_id)
            fill_case_row(row, facts, terms, history)
            store_case_keys(session, row, titles, keep=False)
            current = row.last_update
            row.last_update = max(current, last_update) if current else last_update
            if summary is not None:
                row.summary = summary

    def get(self, case_id: int) -> Case | None:
        """A case with its timeline; a merged case answers as the case it went into."""
        with self._sessions() as session:
            row = session.get(CaseRow, case_id)
            for _ in range(10):  # merge chains are short; the bound guards against a cycle
                if row is None or row.merged_into_id is None:
                    break
                row = session.get(CaseRow, row.merged_into_id)
            if row is None:
                return None
            stories = session.scalars(select(StoryRow).where(StoryRow.case_id == row.id))
            return case_from_row(row, list(stories))

    def recent(self, limit: int) -> list[Case]:
        query = (
            select(CaseRow)
            .where(CaseRow.merged_into_id.is_(None))
            .order_by(CaseRow.last_update.desc(), CaseRow.id.desc())
            .limit(limit)
        )
        with self._sessions() as session:
            return self._with_stories(session, list(session.scalars(query)))

    def find_by_name(self, query: str, limit: int) -> list[Case]:
        """Cases whose title or defendant resembles `query`, best match first."""
        needle = query.strip().lower()
        words = [w for w in needle.split() if len(w) > 2] or [needle]
        conditions = [func.lower(CaseRow.title).contains(w) for w in words]
        conditions += [CaseRow.primary_key_name.contains(w) for w in words]
        select_rows = (
            select(CaseRow)
            .where(CaseRow.merged_into_id.is_(None), or_(*conditions))
            .order_by(CaseRow.last_update.desc())
            .limit(200)
        )
        with self._sessions() as session:
            rows = list(session.scalars(select_rows))
            rows.sort(key=lambda r: -_name_similarity(needle, r))
            return self._with_stories(session, rows[:limit])

    @staticmethod
    def _with_stories(session: Session, rows: list[CaseRow]) -> list[Case]:
        by_case: dict[int, list[StoryRow]] = defaultdict(list)
        if rows:
            query = select(StoryRow).where(StoryRow.case_id.in_([r.id for r in rows]))
            for story in session.scalars(query):
                by_case[story.case_id or 0].append(story)
        return [case_from_row(row, by_case[row.id]) for row in rows]

    def facts(self, case_id: int) -> tuple[CaseFacts, dict[str, float], list[Any]] | None:
        with self._sessions() as session:
            row = session.get(CaseRow, case_id)
            if row is None:
                return None
            return facts_from_row(row), dict(row.terms or {}), list(row.stage_history or [])

    def story_case(self, story_id: int) -> int | None:
        with self._sessions() as session:
            return session.scalar(select(StoryRow.case_id).where(StoryRow.id == story_id))

    def case_story_rows(self, case_id: int) -> list[tuple[int, StoryFacts, datetime | None]]:
        """A case's stories in publication order, as linking inputs (for recomputing)."""
        query = select(StoryRow).where(StoryRow.case_id == case_id)
        with self._sessions() as session:
            rows = sorted(
                session.scalars(query),
                key=lambda r: (r.published_at or r.fetched_at, r.id),
            )
            return [(r.id, story_facts_from_row(r), r.published_at or r.fetched_at) for r in rows]

    # -- corrections ------------------------------------------------------------------

    def move_stories(self, story_ids: Sequence[int], case_id: int, reason: str) -> None:
        with self._sessions.begin() as session:
            session.execute(
                update(StoryRow)
                .where(StoryRow.id.in_(list(story_ids)))
                .values(case_id=case_id, link_reason=reason, duplicate_of_id=None)
            )

    def mark_merged(self, case_id: int, into: int) -> None:
        with self._sessions.begin() as session:
            session.execute(
                update(CaseRow).where(CaseRow.id == case_id).values(merged_into_id=into)
            )

    def record_correction(
        self,
        kind: str,
        now: datetime,
        *,
        story_id: int | None = None,
        from_case: int | None = None,
        to_case: int | None = None,
        by_user: str | None = None,
    ) -> None:
        row = CaseCorrectionRow(
            kind=kind,
            story_id=story_id,
            from_case_id=from_case,
            to_case_id=to_case,
            by_user=by_user,
            created_at=now,
        )
        with self._sessions.begin() as session:
            session.add(row)

    def separated_by_operator(self, a: int, b: int) -> bool:
        """An operator split or moved stories between the two cases (either way)."""
        pair = [a, b]
        query = select(CaseCorrectionRow.id).where(
            CaseCorrectionRow.kind.in_(["split", "move"]),
            CaseCorrectionRow.from_case_id.in_(pair),
            CaseCorrectionRow.to_case_id.in_(pair),
            CaseCorrectionRow.from_case_id != CaseCorrectionRow.to_case_id,
        )
        with self._sessions() as session:
            return session.scalars(query.limit(1)).first() is not None


def _name_similarity(needle: str, row: CaseRow) -> float:
    names = [row.title.lower(), *(d.lower() for d in row.defendants or ())]
    return max(difflib.SequenceMatcher(None, needle, name).ratio() for name in names) + (
        0.5 if row.primary_key_name == needle else 0.0
    )
