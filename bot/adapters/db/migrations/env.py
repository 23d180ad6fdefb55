"""Alembic environment: runs on the connection handed in by upgrade_schema()."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context

from bot.adapters.db.tables import Base, UTCDateTime

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only via upgrade_schema()
    raise RuntimeError("run migrations through `privacy-bot db upgrade`")


def render_item(kind: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Migrations must not import the app's column types: write the type they store."""
    if kind == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_item=render_item,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
