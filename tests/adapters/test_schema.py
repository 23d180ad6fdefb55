"""The migrations create exactly the schema tables.py describes, on both databases."""

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine

from bot.adapters.db.tables import Base

# Full-text search objects are hand-written in migration 0002 (FTS5 on SQLite, a
# tsvector column and GIN index on PostgreSQL); tables.py cannot describe them.
SEARCH_OBJECTS = ("stories_fts", "search_vector", "ix_stories_search")


def _not_search_object(obj: Any, name: str | None, *_: Any) -> bool:
    return not (name or "").startswith(SEARCH_OBJECTS)


def test_migrations_match_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": _not_search_object}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_upgrade_is_idempotent(engine: Engine) -> None:
    from bot.adapters.db.engine import upgrade_schema

    upgrade_schema(engine)
    upgrade_schema(engine)


def test_datetimes_come_back_aware_utc_on_both_databases(engine: Engine) -> None:
    from datetime import UTC, datetime, timedelta, timezone

    from bot.adapters.db.engine import make_session_factory
    from bot.adapters.db.tables import ProcessedEventRow

    paris = timezone(timedelta(hours=1))
    sessions = make_session_factory(engine)
    with sessions.begin() as session:
        session.add(
            ProcessedEventRow(key="k", created_at=datetime(2026, 1, 1, 13, 0, tzinfo=paris))
        )
    with sessions() as session:
        stored = session.get(ProcessedEventRow, "k")
        assert stored is not None
        assert stored.created_at == datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
        assert stored.created_at.utcoffset() == timedelta(0)


def test_an_aggregate_over_a_datetime_column_is_aware_utc_too(engine: Engine) -> None:
    from datetime import UTC, datetime

    from sqlalchemy import func, select

    from bot.adapters.db.engine import make_session_factory
    from bot.adapters.db.tables import ProcessedEventRow

    sessions = make_session_factory(engine)
    with sessions.begin() as session:
        session.add(ProcessedEventRow(key="k", created_at=datetime(2026, 1, 1, tzinfo=UTC)))
    with sessions() as session:
        earliest = session.scalar(select(func.min(ProcessedEventRow.created_at)))
    assert earliest == datetime(2026, 1, 1, tzinfo=UTC) and earliest.tzinfo is not None
