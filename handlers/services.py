"""The small interface the Slack listeners call: cases, feeds, Slack-side state, digests.
Listeners never touch the database or the SDK client directly; tests pass fakes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from bot.adapters.urlguard import check_public_url
from bot.domain.models import Answer, Case


class SearchHit(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def url(self) -> str: ...


class FeedInfo(Protocol):
    """What the feed list and App Home show of a feed (FeedState has all of it)."""

    @property
    def name(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def enabled(self) -> bool: ...
    @property
    def disabled_reason(self) -> str | None: ...
    @property
    def consecutive_errors(self) -> int: ...
    @property
    def last_error(self) -> str | None: ...
    @property
    def last_success_at(self) -> datetime | None: ...


class CaseQueries(Protocol):
    def list_cases(self, query: str | None, limit: int) -> Sequence[Case]: ...
    def get_case(self, id_or_name: str) -> Case: ...  # raises bot.errors.NotFoundError
    def ask(self, id_or_name: str, question: str) -> Answer: ...
    def search(self, query: str, limit: int) -> Sequence[Any]: ...  # items are SearchHits


class FeedRegistry(Protocol):
    def add_feed(self, name: str, url: str, added_by: str | None, now: datetime) -> Any: ...
    def remove_feed(self, name: str) -> bool: ...
    def list_feeds(self) -> Sequence[Any]: ...  # items are FeedInfos


class DigestSource(Protocol):
    def render(self, period: str, now: datetime) -> dict[str, Any]: ...  # a Block Kit message


class SlackState(Protocol):
    """Channel-side state the listeners read and change (SlackStore implements it)."""

    def track(self, channel: str, case_id: int, user: str | None, now: datetime) -> bool: ...
    def untrack(self, channel: str, case_id: int) -> bool: ...
    def tracked_cases(self, channel: str | None = None) -> list[int]: ...
    def subscribe(
        self, channel: str, topics: Sequence[str], user: str | None, now: datetime
    ) -> None: ...
    def unsubscribe(self, channel: str) -> bool: ...
    def set_digest(self, channel: str, period: str | None, now: datetime) -> None: ...
    def mute_case(self, channel: str, case_id: int, now: datetime) -> None: ...
    def mute_feed(self, channel: str, feed_id: int, now: datetime) -> None: ...
    def feed_name(self, feed_id: int) -> str | None: ...
    def record_feedback(
        self, *, story_id: int | None, case_id: int | None, channel: str, user: str,
        label: str, now: datetime,
    ) -> None: ...  # fmt: skip
    def case_for_thread(self, channel: str, thread_ts: str) -> int | None: ...
    def first_time(self, key: str, now: datetime) -> bool: ...
    def stats(self) -> dict[str, int]: ...


@dataclass
class SlackServices:
    """Everything a listener may call; built once by the composition root."""

    cases: CaseQueries
    feeds: FeedRegistry
    state: SlackState
    clock: Callable[[], datetime]
    admin_user_ids: frozenset[str] = frozenset()
    check_url: Callable[[str], None] = check_public_url
    digest: DigestSource | None = None
    db_ok: Callable[[], bool] = field(default=lambda: True)
