"""Shared fixtures: real SQLite files and a real PostgreSQL schema per test, an
injectable clock."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.engine import make_engine, make_session_factory, upgrade_schema

POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
SHARED_DIR = Path(__file__).resolve().parents[2] / "shared"


class FakeClock:
    """A clock tests move by hand: no sleeping, no real time."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 27, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'bot.db'}")
    upgrade_schema(engine)
    yield engine
    engine.dispose()


def _postgres_available() -> bool:
    try:
        engine = make_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:  # any failure to connect means "not here"; CI turns it into a failure
        return False


@pytest.fixture
def postgres_engine() -> Iterator[Engine]:
    """A fresh schema in the local PostgreSQL for one test, dropped afterwards.

    Skipped on a developer machine without PostgreSQL; in CI (CI=true) a missing
    server is a failure, not a skip."""
    if not _postgres_available():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_URL}")
        pytest.skip("PostgreSQL is not reachable")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(POSTGRES_URL, connect_args={"options": f"-csearch_path={schema}"})
    upgrade_schema(engine)
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest) -> Engine:
    """Runs a storage test once on SQLite and once on PostgreSQL."""
    name = "sqlite_engine" if request.param == "sqlite" else "postgres_engine"
    return request.getfixturevalue(name)


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)
