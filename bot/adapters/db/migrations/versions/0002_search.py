"""full-text search over stories: FTS5 on SQLite, a tsvector column with GIN on PostgreSQL

Hand-written (autogenerate knows neither). tests/adapters/test_schema.py ignores these
objects when it compares the migrations with tables.py.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQLITE_UP = (
    "CREATE VIRTUAL TABLE stories_fts USING fts5(title, summary, content='stories', "
    "content_rowid='id', tokenize='porter unicode61')",
    # Triggers keep the index in step with whatever writes stories (ingest, corrections).
    "CREATE TRIGGER stories_fts_ai AFTER INSERT ON stories BEGIN "
    "INSERT INTO stories_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary); END",
    "CREATE TRIGGER stories_fts_ad AFTER DELETE ON stories BEGIN "
    "INSERT INTO stories_fts(stories_fts, rowid, title, summary) "
    "VALUES ('delete', old.id, old.title, old.summary); END",
    "CREATE TRIGGER stories_fts_au AFTER UPDATE OF title, summary ON stories BEGIN "
    "INSERT INTO stories_fts(stories_fts, rowid, title, summary) "
    "VALUES ('delete', old.id, old.title, old.summary); "
    "INSERT INTO stories_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary); END",
    "INSERT INTO stories_fts(stories_fts) VALUES ('rebuild')",
)
_SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS stories_fts_au",
    "DROP TRIGGER IF EXISTS stories_fts_ad",
    "DROP TRIGGER IF EXISTS stories_fts_ai",
    "DROP TABLE IF EXISTS stories_fts",
)
# A stored generated column: ranking reads it instead of re-parsing every matching row.
_POSTGRES_UP = (
    "ALTER TABLE stories ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(summary, '')), 'B')) STORED",
    "CREATE INDEX ix_stories_search ON stories USING gin (search_vector)",
)
_POSTGRES_DOWN = (
    "DROP INDEX IF EXISTS ix_stories_search",
    "ALTER TABLE stories DROP COLUMN IF EXISTS search_vector",
)


def upgrade() -> None:
    for statement in _statements(_SQLITE_UP, _POSTGRES_UP):
        op.execute(statement)


def downgrade() -> None:
    for statement in _statements(_SQLITE_DOWN, _POSTGRES_DOWN):
        op.execute(statement)


def _statements(sqlite: tuple[str, ...], postgres: tuple[str, ...]) -> tuple[str, ...]:
    dialect = op.get_bind().dialect.name
    return sqlite if dialect == "sqlite" else postgres if dialect == "postgresql" else ()
