"""The migrations create exactly the schema tables.py describes, on both databases."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine

from bot.adapters.db.tables import Base


def test_migrations_match_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_upgrade_is_idempotent(engine: Engine) -> None:
    from bot.adapters.db.engine import upgrade_schema

    upgrade_schema(engine)
    upgrade_schema(engine)
