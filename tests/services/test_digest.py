"""Digests: recent cases on demand, and one daily (weekly on Mondays) digest per channel."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from bot.adapters.db.engine import make_session_factory
from bot.adapters.db.slack_store import SlackStore
from bot.domain.models import Case, CaseFacts
from bot.services.digest import DigestService
from tests.fakes.fake_cases import FakeCaseService

MONDAY_9 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def case(case_id: int, title: str, days_ago: float) -> Case:
    return Case(case_id, CaseFacts(title=title), last_update=MONDAY_9 - timedelta(days=days_ago))


def service(sqlite_engine: Engine) -> tuple[DigestService, SlackStore]:
    store = SlackStore(make_session_factory(sqlite_engine))
    cases = FakeCaseService([case(1, "Fresh", 0.5), case(2, "This week", 3), case(3, "Old", 30)])
    return DigestService(cases, store, digest_hour_utc=8), store


def test_recent_cases_by_period(sqlite_engine: Engine) -> None:
    digests, _ = service(sqlite_engine)
    assert [c.facts.title for c in digests.recent_cases("day", MONDAY_9)] == ["Fresh"]
    assert [c.id for c in digests.recent_cases("week", MONDAY_9)] == [1, 2]


def test_digests_are_queued_once_a_day_after_the_hour(sqlite_engine: Engine) -> None:
    digests, store = service(sqlite_engine)
    store.set_digest("C_DAY", "day", MONDAY_9)
    store.set_digest("C_WEEK", "week", MONDAY_9)
    assert digests.queue_due(MONDAY_9.replace(hour=7)) == 0
    assert digests.queue_due(MONDAY_9) == 2
    assert digests.queue_due(MONDAY_9 + timedelta(hours=2)) == 0
    assert digests.queue_due(MONDAY_9 + timedelta(days=1)) == 1  # Tuesday: daily only
    queued = store.outbox.due(MONDAY_9 + timedelta(days=1))
    assert [(m.channel, m.kind) for m in queued] == [
        ("C_DAY", "digest"),
        ("C_WEEK", "digest"),
        ("C_DAY", "digest"),
    ]
    assert "Fresh" in str(queued[0].payload)


def test_a_digest_already_queued_today_is_not_rendered_again(sqlite_engine: Engine) -> None:
    store = SlackStore(make_session_factory(sqlite_engine))
    reads: list[str | None] = []

    class CountingCases(FakeCaseService):
        def list_cases(self, query: str | None = None, limit: int = 20) -> list[Case]:
            reads.append(query)
            return super().list_cases(query, limit)

    digests = DigestService(CountingCases([case(1, "Fresh", 0.5)]), store, digest_hour_utc=8)
    store.set_digest("C_DAY", "day", MONDAY_9)
    digests.queue_due(MONDAY_9)
    rendered = len(reads)

    digests.queue_due(MONDAY_9 + timedelta(minutes=1))

    assert rendered > 0 and len(reads) == rendered
