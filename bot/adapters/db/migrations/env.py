"""Alembic environment: runs on the connection handed in by upgrade_schema()."""

from __future__ import annotations

from alembic import context

from bot.adapters.db.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only via upgrade_schema()
    raise RuntimeError("run migrations through `privacy-bot db upgrade`")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
