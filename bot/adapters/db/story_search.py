"""Full-text search over stored stories, ranked, with snippets: SQLite FTS5 (bm25) or
PostgreSQL tsvector (ts_rank_cd), both created by migration 0002."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SearchHit:
    story_id: int
    title: str
    url: str
    outlet: str
    published: datetime | None
    case_id: int | None
    snippet: str  # matched words wrapped in *asterisks* (Slack bold)
    rank: float  # higher is better


# Ranking every match of a common word ("privacy") costs a full scan of 100k rows, so
# only the newest RANK_WINDOW matches are ranked: news search favours recent coverage.
RANK_WINDOW = 1000

_SQLITE = text(
    """
    SELECT s.id, s.title, s.url, s.outlet, s.published_at, s.case_id,
           snippet(stories_fts, 1, '*', '*', '…', 16) AS snip,
           -bm25(stories_fts, 3.0, 1.0) AS rank
    FROM stories_fts JOIN stories s ON s.id = stories_fts.rowid
    WHERE stories_fts MATCH :query
      AND stories_fts.rowid >= coalesce((
          SELECT min(rowid) FROM (
              SELECT rowid FROM stories_fts WHERE stories_fts MATCH :query
              ORDER BY rowid DESC LIMIT :window)), 0)
    ORDER BY bm25(stories_fts, 3.0, 1.0)
    LIMIT :limit
    """
)
# ts_headline is costly, so it runs only on the rows that survive the LIMIT.
_POSTGRES = text(
    """
    SELECT top.id, top.title, top.url, top.outlet, top.published_at, top.case_id,
           ts_headline('english', top.summary, top.q,
                       'StartSel=*, StopSel=*, MaxWords=30, MinWords=12') AS snip,
           top.rank
    FROM (
        SELECT newest.*, ts_rank_cd(newest.search_vector, newest.q) AS rank
        FROM (
            SELECT s.id, s.title, s.url, s.outlet, s.published_at, s.case_id, s.summary,
                   s.search_vector, q
            FROM stories s, to_tsquery('english', :query) AS q
            WHERE s.search_vector @@ q
            ORDER BY s.id DESC
            LIMIT :window
        ) AS newest
        ORDER BY rank DESC, newest.id DESC
        LIMIT :limit
    ) AS top
    ORDER BY top.rank DESC, top.id DESC
    """
)


class StorySearch:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """All words must match; when nothing does, any word may."""
        tokens = _TOKEN.findall(query.lower())[:12]
        if not tokens:
            return []
        hits = self._run(tokens, limit, every=True)
        if not hits and len(tokens) > 1:
            hits = self._run(tokens, limit, every=False)
        return hits

    def _run(self, tokens: list[str], limit: int, every: bool) -> list[SearchHit]:
        with self._sessions() as session:
            postgres = session.get_bind().dialect.name == "postgresql"
            statement = _POSTGRES if postgres else _SQLITE
            query = _tsquery(tokens, every) if postgres else _fts5_query(tokens, every)
            params = {"query": query, "limit": limit, "window": RANK_WINDOW}
            rows = session.execute(statement, params).all()
        return [
            SearchHit(r[0], r[1], r[2], r[3], _when(r[4]), r[5], r[6] or "", float(r[7]))
            for r in rows
        ]

    def cases_by_words(self, tokens: list[str], limit: int = 10) -> list[int]:
        """Cases holding the stories that best match any of the words, best first."""
        if not tokens:
            return []
        hits = self._run(tokens, limit, every=False)
        return list(dict.fromkeys(h.case_id for h in hits if h.case_id is not None))


def _when(value: datetime | str | None) -> datetime | None:
    # Raw SQL skips the column type: SQLite returns the stored text, naive UTC.
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _fts5_query(tokens: list[str], every: bool) -> str:
    # Quoting every token keeps user text from being read as FTS5 syntax (NEAR, -, :).
    return (" AND " if every else " OR ").join(f'"{t}"' for t in tokens)


def _tsquery(tokens: list[str], every: bool) -> str:
    # Tokens are \w+ only, so they cannot carry tsquery operators.
    return (" & " if every else " | ").join(tokens)
