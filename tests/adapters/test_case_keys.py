"""Cases are found by any party's key however long they have been quiet, on SQLite and
PostgreSQL; the keys follow the case as stories join and corrections rebuild it."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.case_store import CaseStore
from bot.adapters.db.link_store import History, LinkStore, StoryLink
from bot.domain.models import CaseFacts
from bot.services.cases import Changed
from tests.support.case_stories import T0, insert_story, judged

LATER = T0 + timedelta(days=400)  # far outside the recent window
ROSS = CaseFacts(
    "Ross: Thomson Reuters v. Ross Intelligence",
    defendants=("Ross Intelligence",),
    plaintiffs=("Thomson Reuters",),
)


def _open(sessions: sessionmaker[Session], facts: CaseFacts, title: str) -> int:
    story_id = insert_story(sessions, title, "", url=f"https://r.example/{title}")
    link = StoryLink(judged(facts.defendants), "new", title, title=title)
    return LinkStore(sessions).open_case(story_id, facts, {}, (), T0, link)


def _found(sessions: sessionmaker[Session], *keys: str) -> list[int]:
    return [c.case_id for c in LinkStore(sessions).candidates(0, "-", keys, [], LATER)[1]]


def test_a_quiet_case_is_found_by_its_plaintiff_as_well_as_its_defendant(
    session_factory: sessionmaker[Session],
) -> None:
    case_id = _open(session_factory, ROSS, "Thomson Reuters sues Ross over AI training")
    assert _found(session_factory, "thomson reuters") == [case_id]
    assert _found(session_factory, "ross intelligence") == [case_id]
    assert _found(session_factory, "westlaw") == []


def test_a_later_defendant_and_a_joining_story_s_caption_become_keys(
    session_factory: sessionmaker[Session],
) -> None:
    facts = CaseFacts("NBA: video-watching data shared", defendants=("NBA",))
    case_id = _open(session_factory, facts, "NBA accused of sharing fans' viewing data")
    title = "Salazar v. NBA: appeals court revives the claim against Facebook pixel use"
    story_id = insert_story(session_factory, title, "", url="https://r.example/later")

    def change(facts: CaseFacts, terms: dict[str, float], history: History) -> Changed:
        return replace(facts, defendants=("NBA", "Facebook")), terms, history

    link = StoryLink(judged(("NBA",)), "same", "fp-later", title=title)
    LinkStore(session_factory).join_case(case_id, story_id, LATER, link, change)
    assert _found(session_factory, "salazar") == [case_id]
    assert _found(session_factory, "meta") == [case_id]  # Facebook's parent


def test_a_rebuilt_case_drops_the_keys_its_stories_no_longer_hold(
    session_factory: sessionmaker[Session],
) -> None:
    case_id = _open(session_factory, ROSS, "Thomson Reuters sues Ross over AI training")
    rebuilt = CaseFacts("Ross: AI training", defendants=("Ross Intelligence",))
    CaseStore(session_factory).save_case(case_id, rebuilt, {}, (), T0, titles=["Ross wins"])
    assert _found(session_factory, "thomson reuters") == []
    assert _found(session_factory, "ross intelligence") == [case_id]


def test_a_merged_case_is_no_longer_found_by_its_keys(
    session_factory: sessionmaker[Session],
) -> None:
    case_id = _open(session_factory, ROSS, "Thomson Reuters sues Ross over AI training")
    other = _open(session_factory, CaseFacts("Acme", defendants=("Acme",)), "Acme sued")
    CaseStore(session_factory).mark_merged(case_id, other)
    assert _found(session_factory, "thomson reuters") == []
