"""The database side of linking a story, in as few round trips as possible (the
benchmark allows 20 ms): load the story, gather candidates, then open or join a case in
one transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Select, select, union, update
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.case_codec import (
    classification_values,
    facts_from_row,
    fill_case_row,
    history_from_json,
    profile_from_row,
    store_case_keys,
    stored_from_row,
    story_facts_from_row,
)
from bot.adapters.db.tables import CaseKeyRow, CaseRow, StoryRow
from bot.domain.link import CaseProfile, StoredStory, StoryFacts
from bot.domain.link_names import with_plausible_companies
from bot.domain.models import CaseFacts, Classification, Stage

RECENT_CANDIDATES = 25  # cases updated lately are candidates whatever their defendant
STORIES_PER_CANDIDATE = 15  # newest stories per candidate compared one to one
MAX_COMPARED_CASES = 8  # candidate cases whose stories are compared one to one
MAX_LOADED = 2000  # stories read for those cases at most
KEY_CANDIDATES = 60  # cases sharing a party's key, the latest first

History = tuple[tuple[Stage, datetime], ...]
CaseUpdate = Callable[
    [CaseFacts, dict[str, float], History], tuple[CaseFacts, dict[str, float], History]
]


@dataclass(frozen=True, slots=True)
class StoryLink:
    """What is written onto a story when it is linked."""

    classification: Classification
    reason: str
    fingerprint: str
    duplicate_of: int | None = None
    title: str = ""  # the story's: the sides of a caption in it become the case's keys


class LinkStore:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def load_story(
        self, story_id: int, classification: Classification
    ) -> tuple[StoryFacts, int | None] | None:
        """The story with the classification's facts, and its case if it has one. Nothing
        is written yet: the classification is saved with the link, in one commit."""
        with self._sessions() as session:
            row = session.get(StoryRow, story_id)
            if row is None:
                return None
            stored = story_facts_from_row(row)
            entities, topics = classification.entities, classification.topics
            story = with_plausible_companies(replace(stored, entities=entities, topics=topics))
            return story, row.case_id

    def save_classification(self, story_id: int, classification: Classification) -> None:
        values = classification_values(classification)
        with self._sessions.begin() as session:
            session.execute(update(StoryRow).where(StoryRow.id == story_id).values(**values))

    def candidates(
        self,
        story_id: int,
        fingerprint: str,
        keys: Sequence[str],
        dockets: Sequence[str],
        recent_since: datetime,
        close: Callable[[CaseProfile], bool] = lambda _: True,
        found_ids: Sequence[int] = (),
    ) -> tuple[StoredStory | None, list[CaseProfile], list[StoredStory]]:
        """In one session: a linked story with exactly the same words, if any; the cases
        the story could join (same docket, a party or name in common, lately active, or
        `found_ids` found by wording); and the newest stories of those `close` says to
        compare one to one."""
        live = CaseRow.merged_into_id.is_(None)
        recent = (
            select(CaseRow.id)
            .where(live, CaseRow.last_update >= recent_since)
            .order_by(CaseRow.last_update.desc())
            .limit(RECENT_CANDIDATES)
        )
        # One indexed lookup per reason, united: an OR across columns defeats the indexes.
        lookups = [recent.subquery().select()]
        if keys:
            by_lead = select(CaseRow.id).where(live, CaseRow.primary_key_name.in_(list(keys)))
            lookups += [by_lead, _by_key(keys).subquery().select()]
        if dockets:
            lookups.append(select(CaseRow.id).where(live, CaseRow.docket.in_(list(dockets))))
        with self._sessions() as session:
            exact = _same_words(session, fingerprint, story_id)
            ids = list(dict.fromkeys([*session.scalars(union(*lookups)), *found_ids]))
            query = select(CaseRow).where(CaseRow.id.in_(ids))
            rows: list[CaseRow] = list(session.scalars(query)) if ids else []
            rows.sort(key=_first_defendant_first(keys))
            profiles = [profile_from_row(row) for row in rows]
            chosen = [p.case_id for p in profiles if close(p)][:MAX_COMPARED_CASES]
            return exact, profiles, _newest_stories(session, chosen)

    def open_case(
        self,
        story_id: int,
        facts: CaseFacts,
        terms: dict[str, float],
        history: History,
        when: datetime,
        link: StoryLink,
    ) -> int:
        """Create a case holding the story."""
        row = CaseRow(first_seen=when, last_update=when, summary="")
        fill_case_row(row, facts, terms, history)
        with self._sessions.begin() as session:
            session.add(row)
            session.flush()
            store_case_keys(session, row, [link.title])
            _link(session, story_id, row.id, link)
            return row.id

    def join_case(
        self,
        case_id: int,
        story_id: int,
        when: datetime,
        link: StoryLink,
        change: CaseUpdate,
    ) -> tuple[CaseFacts, CaseFacts]:
        """Put the story into the case and apply `change` to the case's facts, profile
        and stage history, in one transaction. Returns the facts before and after."""
        with self._sessions.begin() as session:
            row = session.get_one(CaseRow, case_id, with_for_update=True)
            before = facts_from_row(row)
            history = history_from_json(row.stage_history)
            after, terms, history = change(before, dict(row.terms or {}), history)
            fill_case_row(row, after, terms, history)
            store_case_keys(session, row, [link.title])
            current = row.last_update
            row.last_update = max(current, when) if current else when
            _link(session, story_id, case_id, link)
            return before, after


def _first_defendant_first(keys: Sequence[str]) -> Callable[[CaseRow], tuple[bool, float]]:
    """Cases whose first defendant the story names are compared first, then the latest:
    only the first few close ones are, and a party named in passing must not crowd out
    the case the story follows."""
    wanted = set(keys)

    def order(row: CaseRow) -> tuple[bool, float]:
        when = row.last_update
        return row.primary_key_name not in wanted, -(when.timestamp() if when else 0.0)

    return order


def _by_key(keys: Sequence[str]) -> Select[int]:
    """Live cases any of whose parties has one of the keys, the latest first; capped,
    as a common key ("google") is shared by many cases (those it leads come uncapped,
    by `primary_key_name`)."""
    return (
        select(CaseRow.id)
        .join(CaseKeyRow, CaseKeyRow.case_id == CaseRow.id)
        .where(CaseRow.merged_into_id.is_(None), CaseKeyRow.key.in_(list(keys)))
        .group_by(CaseRow.id, CaseRow.last_update)
        .order_by(CaseRow.last_update.desc())
        .limit(KEY_CANDIDATES)
    )


def _newest_stories(session: Session, case_ids: Sequence[int]) -> list[StoredStory]:
    # No ORDER BY id here: with one, PostgreSQL walks the primary key backwards through
    # the whole table instead of using the case_id index. The cap bounds huge cases.
    if not case_ids:
        return []
    query = select(StoryRow).where(StoryRow.case_id.in_(list(case_ids))).limit(MAX_LOADED)
    rows = sorted(session.scalars(query), key=lambda row: -row.id)
    per_case: dict[int, int] = {}
    out: list[StoredStory] = []
    for row in rows:
        seen = per_case.get(row.case_id or 0, 0)
        if seen < STORIES_PER_CANDIDATE:
            per_case[row.case_id or 0] = seen + 1
            out.append(stored_from_row(row))
    return out


def _same_words(session: Session, fingerprint: str, story_id: int) -> StoredStory | None:
    query = (
        select(StoryRow)
        .where(StoryRow.fingerprint == fingerprint, StoryRow.id != story_id)
        .where(StoryRow.case_id.is_not(None))
        .order_by(StoryRow.id)
        .limit(1)
    )
    row = session.scalars(query).first()
    return stored_from_row(row) if row is not None else None


def _link(session: Session, story_id: int, case_id: int, link: StoryLink) -> None:
    values = {
        **classification_values(link.classification),
        "case_id": case_id,
        "link_reason": link.reason,
        "duplicate_of_id": link.duplicate_of,
        "fingerprint": link.fingerprint,
    }
    session.execute(update(StoryRow).where(StoryRow.id == story_id).values(**values))
