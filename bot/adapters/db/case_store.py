"""Cases in the database: candidate lookup for linking (by docket, defendant, recency),
case records and timelines, story links, and operators' corrections."""

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
    entities_from_json,
    entities_to_json,
    facts_from_row,
    facts_to_row,
    history_to_json,
    topics_from_json,
    utc,
)
from bot.adapters.db.tables import CaseCorrectionRow, CaseRow, StoryRow
from bot.domain.case_facts import company_key, name_keys
from bot.domain.link import CaseProfile, StoredStory, StoryFacts
from bot.domain.models import Case, CaseFacts, Classification, Stage

RECENT_CANDIDATES = 25  # cases updated lately are candidates whatever their defendant
STORIES_PER_CANDIDATE = 15  # newest stories per candidate checked for wire copies


class CaseStore:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # -- stories ----------------------------------------------------------------------

    def story_facts(self, story_id: int) -> tuple[StoryFacts, int | None, datetime] | None:
        """The story as linking sees it, its current case, and when it was published."""
        with self._sessions() as session:
            row = session.get(StoryRow, story_id)
            if row is None:
                return None
            published = utc(row.published_at) or utc(row.fetched_at)
            facts = StoryFacts(
                title=row.title,
                summary=row.summary,
                entities=entities_from_json(row.entities),
                topics=topics_from_json(row.topics),
                published=published,
            )
            return facts, row.case_id, published or datetime.min

    def save_classification(self, story_id: int, classification: Classification) -> None:
        values: dict[str, Any] = {
            "relevant": classification.relevant,
            "score": classification.score,
            "topics": list(classification.topics),
            "why": list(classification.why),
            "entities": entities_to_json(classification.entities),
        }
        with self._sessions.begin() as session:
            session.execute(update(StoryRow).where(StoryRow.id == story_id).values(**values))

    def link_story(
        self,
        story_id: int,
        case_id: int,
        reason: str,
        duplicate_of: int | None,
        fingerprint: str | None = None,
    ) -> None:
        values = {"case_id": case_id, "link_reason": reason, "duplicate_of_id": duplicate_of}
        if fingerprint is not None:
            values["fingerprint"] = fingerprint
        with self._sessions.begin() as session:
            session.execute(update(StoryRow).where(StoryRow.id == story_id).values(**values))

    def story_with_fingerprint(self, fingerprint: str, exclude: int) -> StoredStory | None:
        """An already linked story with exactly the same wording (a wire copy)."""
        query = (
            select(StoryRow)
            .where(StoryRow.fingerprint == fingerprint, StoryRow.id != exclude)
            .where(StoryRow.case_id.is_not(None))
            .order_by(StoryRow.id)
            .limit(1)
        )
        with self._sessions() as session:
            row = session.scalars(query).first()
            return _stored(row) if row is not None and row.case_id else None

    # -- candidates -------------------------------------------------------------------

    def candidates(
        self, keys: Sequence[str], dockets: Sequence[str], recent_since: datetime
    ) -> list[CaseProfile]:
        """Cases the story could join: same docket, same first defendant, or lately active."""
        live = CaseRow.merged_into_id.is_(None)
        wanted = [CaseRow.primary_key_name.in_(list(keys))] if keys else []
        if dockets:
            wanted.append(CaseRow.docket.in_(list(dockets)))
        recent = (
            select(CaseRow.id)
            .where(live, CaseRow.last_update >= recent_since)
            .order_by(CaseRow.last_update.desc())
            .limit(RECENT_CANDIDATES)
        )
        with self._sessions() as session:
            ids = set(session.scalars(recent))
            if wanted:
                ids |= set(session.scalars(select(CaseRow.id).where(live, or_(*wanted))))
            if not ids:
                return []
            rows = session.scalars(select(CaseRow).where(CaseRow.id.in_(ids)))
            return [_profile(row) for row in rows]

    def stored_stories(self, case_ids: Sequence[int]) -> list[StoredStory]:
        out: list[StoredStory] = []
        with self._sessions() as session:
            for case_id in case_ids:
                query = (
                    select(StoryRow)
                    .where(StoryRow.case_id == case_id)
                    .order_by(StoryRow.id.desc())
                    .limit(STORIES_PER_CANDIDATE)
                )
                out.extend(_stored(row) for row in session.scalars(query))
        return out

    # -- cases ------------------------------------------------------------------------

    def create_case(
        self,
        facts: CaseFacts,
        terms: dict[str, float],
        history: Sequence[tuple[Stage, datetime]],
        when: datetime,
    ) -> int:
        row = CaseRow(first_seen=when, last_update=when, summary="")
        self._fill(row, facts, terms, history)
        with self._sessions.begin() as session:
            session.add(row)
            session.flush()
            return row.id

    def save_case(
        self,
        case_id: int,
        facts: CaseFacts,
        terms: dict[str, float],
        history: Sequence[tuple[Stage, datetime]],
        last_update: datetime,
        summary: str | None = None,
    ) -> None:
        with self._sessions.begin() as session:
            row = session.get_one(CaseRow, case_id)
            self._fill(row, facts, terms, history)
            current = utc(row.last_update)
            row.last_update = max(current, last_update) if current else last_update
            if summary is not None:
                row.summary = summary

    @staticmethod
    def _fill(
        row: CaseRow,
        facts: CaseFacts,
        terms: dict[str, float],
        history: Sequence[tuple[Stage, datetime]],
    ) -> None:
        facts_to_row(facts, row)
        row.terms = dict(terms)
        row.stage_history = history_to_json(history)
        row.primary_key_name = _primary_key(facts)

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
                key=lambda r: (utc(r.published_at) or utc(r.fetched_at), r.id),
            )
            return [(r.id, _story_facts(r), utc(r.published_at) or utc(r.fetched_at)) for r in rows]

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

    def pinned_case(self, story_ids: Sequence[int]) -> int | None:
        """Where an operator last moved any of these stories, if anywhere."""
        if not story_ids:
            return None
        query = (
            select(CaseCorrectionRow.to_case_id)
            .where(CaseCorrectionRow.story_id.in_(list(story_ids)))
            .where(CaseCorrectionRow.kind.in_(["split", "move"]))
            .order_by(CaseCorrectionRow.id.desc())
            .limit(1)
        )
        with self._sessions() as session:
            return session.scalar(query)


def _primary_key(facts: CaseFacts) -> str | None:
    """The first defendant's key; without one, the first proper name in the title."""
    if facts.defendants:
        return company_key(facts.defendants[0])
    names = name_keys(facts.title)
    return names[0][:200] if names else None


def _profile(row: CaseRow) -> CaseProfile:
    return CaseProfile(
        case_id=row.id,
        facts=facts_from_row(row),
        terms=dict(row.terms or {}),
        last_update=utc(row.last_update),
    )


def _stored(row: StoryRow) -> StoredStory:
    return StoredStory(
        story_id=row.id, case_id=row.case_id or 0, outlet=row.outlet, facts=_story_facts(row)
    )


def _story_facts(row: StoryRow) -> StoryFacts:
    return StoryFacts(
        title=row.title,
        summary=row.summary,
        entities=entities_from_json(row.entities),
        topics=topics_from_json(row.topics),
        published=utc(row.published_at) or utc(row.fetched_at),
    )


def _name_similarity(needle: str, row: CaseRow) -> float:
    names = [row.title.lower(), *(d.lower() for d in row.defendants or ())]
    return max(difflib.SequenceMatcher(None, needle, name).ratio() for name in names) + (
        0.5 if row.primary_key_name == needle else 0.0
    )
