"""Plain data the pure core works on: feeds, stories, judgments, facts and cases.

Nothing here touches the network, the database, Slack or the clock; adapters convert
to and from these types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Topic = Literal["privacy_action", "ai_training"]
TOPICS: tuple[Topic, ...] = ("privacy_action", "ai_training")

Stage = Literal[
    "filed",
    "motion_to_dismiss",
    "class_certification",
    "ruling",
    "settlement",
    "verdict",
    "fine_or_order",
    "appeal",
    "dismissed",
    "investigation",
    "complaint",
]

MoneyKind = Literal[
    "damages_sought",
    "statutory_damages",
    "fine",
    "settlement",
    "verdict",
    "other",
]


@dataclass(frozen=True, slots=True)
class FeedConfig:
    """One feed as configured in feeds.yaml or added from Slack."""

    name: str
    url: str
    tags: tuple[str, ...] = ()
    interval_minutes: int | None = None
    trusted: bool = True


@dataclass(frozen=True, slots=True)
class Story:
    """One feed entry, normalized: the unit everything downstream works on."""

    identity: str  # stable key: GUID, else canonical link, else title+date hash
    feed_name: str
    title: str
    summary: str  # clean plain text, no HTML
    url: str  # canonical link (tracking parameters removed), may be ""
    published: datetime | None  # timezone-aware UTC
    outlet: str = ""  # human name of the source (feed title or host)
    guid: str = ""


@dataclass(frozen=True, slots=True)
class Money:
    """A sum of money and what it is: '$1,000 per user' is not '€1.2 billion'."""

    text: str  # as written, e.g. "$1,000 per user"
    kind: MoneyKind
    amount: float | None = None  # numeric value in `currency`, when known
    currency: str | None = None  # ISO code, e.g. "USD", "EUR"
    per: str | None = None  # "user", "violation", ... for statutory damages


@dataclass(frozen=True, slots=True)
class Entities:
    """The legal facts of a story (the contract's `entities`)."""

    companies: tuple[str, ...] = ()  # defendants first
    laws: tuple[str, ...] = ()  # canonical names from bot.domain.laws
    money: tuple[Money, ...] = ()
    courts: tuple[str, ...] = ()  # normalized courts and regulators, e.g. "N.D. Cal."
    dockets: tuple[str, ...] = ()
    stage: Stage | None = None
    plaintiffs: tuple[str, ...] = ()
    regulators: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Classification:
    """The judgment on one story, with the evidence shown to users."""

    relevant: bool
    score: float  # in [0, 1]
    topics: tuple[Topic, ...]
    why: tuple[str, ...]  # short human-readable reasons
    entities: Entities = field(default_factory=Entities)


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What is known about one tracked case, merged from its stories."""

    title: str
    defendants: tuple[str, ...] = ()
    plaintiffs: tuple[str, ...] = ()
    court: str | None = None
    regulator: str | None = None
    docket: str | None = None
    laws: tuple[str, ...] = ()
    money: tuple[Money, ...] = ()
    stage: Stage | None = None
    topics: tuple[Topic, ...] = ()


@dataclass(frozen=True, slots=True)
class CaseStory:
    """A story as part of a case's timeline (what answering and summaries read)."""

    story_id: int
    title: str
    summary: str
    url: str
    outlet: str
    published: datetime | None
    stage: Stage | None = None


@dataclass(frozen=True, slots=True)
class Case:
    """A tracked case: its facts and its timeline, oldest story first."""

    id: int
    facts: CaseFacts
    stories: tuple[CaseStory, ...] = ()
    stage_history: tuple[tuple[Stage, datetime], ...] = ()
    first_seen: datetime | None = None
    last_update: datetime | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    url: str
    title: str
    outlet: str = ""


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer to a question about a case; `answered` is False when coverage lacks it."""

    text: str
    answered: bool
    citations: tuple[Citation, ...] = ()
