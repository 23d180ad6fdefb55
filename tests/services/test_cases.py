"""CaseService end to end on a real database: linking, stage moves, lookups, answers,
and corrections that later stories respect."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.engine import make_session_factory
from bot.adapters.db.tables import CaseCorrectionRow, StoryRow
from bot.domain.models import Classification, Money
from bot.errors import NotFoundError
from bot.services.cases import CaseService, LinkOutcome, case_json
from tests.conftest import FakeClock
from tests.support.case_stories import T0, insert_story, judged

INMAIL = (
    "LinkedIn accused of using private messages to train AI",
    "A Premium customer filed a proposed class action in federal court in San Jose accusing "
    "LinkedIn of disclosing private InMail messages to train generative AI models. The suit "
    "seeks $1,000 per user under the Stored Communications Act.",
)
INMAIL_FACTS = judged(
    ("LinkedIn",),
    laws=("Stored Communications Act",),
    money=(Money("$1,000 per user", "statutory_damages", 1000.0, "USD", "user"),),
    courts=("N.D. Cal.",),
    stage="filed",
    topics=("privacy_action", "ai_training"),
)
AD_VIEWS = (
    "LinkedIn to pay $6.625 million to settle video ad views lawsuit",
    "LinkedIn agreed to pay $6.625 million to settle claims by advertisers that it inflated "
    "video ad view metrics.",
)


@dataclass
class Desk:
    """The service under test and its database, with a way to publish stories."""

    sessions: sessionmaker[Session]
    service: CaseService
    serial: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def add(
        self,
        text: tuple[str, str],
        facts: Classification = INMAIL_FACTS,
        days: int = 0,
        outlet: str = "Reuters",
    ) -> tuple[int, LinkOutcome]:
        when = T0 + timedelta(days=days)
        url = f"https://x.example/{next(self.serial)}"
        story_id = insert_story(self.sessions, *text, published=when, url=url, outlet=outlet)
        return story_id, self.service.attach_story(story_id, facts, when)


@pytest.fixture
def desk(sqlite_engine: Engine) -> Desk:
    sessions = make_session_factory(sqlite_engine)
    return Desk(sessions, CaseService(sessions, FakeClock()))


def test_first_story_opens_a_case_with_a_readable_title_and_facts(desk: Desk) -> None:
    service = desk.service
    story_id, outcome = desk.add(INMAIL)
    assert outcome.created and outcome.stage == "filed" and outcome.reason.startswith("new case")
    case = service.get_case(str(outcome.case_id))
    assert case.facts.title.startswith("LinkedIn: ")
    assert case.facts.defendants == ("LinkedIn",) and case.facts.court == "N.D. Cal."
    with desk.sessions() as session:
        row = session.get_one(StoryRow, story_id)
        assert row.relevant is True and row.entities["companies"] == ["LinkedIn"]
        assert row.link_reason == outcome.reason


def test_a_follow_up_joins_and_a_dismissal_moves_the_stage(desk: Desk) -> None:
    service = desk.service
    _, first = desk.add(INMAIL)
    dropped = (
        "LinkedIn InMail AI training lawsuit dismissed",
        "The Premium customer who accused LinkedIn of using InMail messages to train AI "
        "voluntarily dismissed the proposed class action in San Jose.",
    )
    _, later = desk.add(
        dropped, judged(("LinkedIn",), courts=("N.D. Cal.",), stage="dismissed"), days=14
    )
    assert later.case_id == first.case_id and not later.created
    assert later.stage_changed and later.previous_stage == "filed" and later.stage == "dismissed"
    case = service.get_case(str(first.case_id))
    assert [s for s, _ in case.stage_history] == ["filed", "dismissed"]


def test_another_matter_against_the_same_company_opens_its_own_case(desk: Desk) -> None:
    _, inmail = desk.add(INMAIL)
    facts = judged(
        ("LinkedIn",),
        money=(Money("$6.625 million", "settlement", 6.625e6, "USD"),),
        stage="settlement",
    )
    _, ads = desk.add(AD_VIEWS, facts, days=1)
    assert ads.created and ads.case_id != inmail.case_id


def test_a_wire_copy_is_marked_as_a_duplicate(desk: Desk) -> None:
    original, first = desk.add(INMAIL)
    copy = (INMAIL[0], INMAIL[1].replace("A Premium customer", "A Premium subscriber"))
    _, again = desk.add(copy, days=0, outlet="AP")
    assert again.case_id == first.case_id and again.duplicate_of == original


def test_attaching_the_same_story_twice_links_it_once(desk: Desk) -> None:
    service = desk.service
    story_id, first = desk.add(INMAIL)
    again = service.attach_story(story_id, INMAIL_FACTS, T0)
    assert again.case_id == first.case_id and not again.created


def test_cases_are_found_by_number_or_name_and_unknown_ones_explain(desk: Desk) -> None:
    service = desk.service
    _, outcome = desk.add(INMAIL)
    assert service.get_case(f"#{outcome.case_id}").id == outcome.case_id
    assert service.get_case("linkedin").id == outcome.case_id
    assert [c.id for c in service.list_cases("LinkedIn")] == [outcome.case_id]
    with pytest.raises(NotFoundError, match="no case #99"):
        service.get_case("99")
    with pytest.raises(NotFoundError, match="no case matches 'tiktok'"):
        service.get_case("tiktok")


def test_ask_answers_from_coverage_with_a_citation(desk: Desk) -> None:
    service = desk.service
    _, outcome = desk.add(INMAIL)
    reply = service.ask(str(outcome.case_id), "How much in damages are the plaintiffs seeking?")
    assert reply.answered and "$1,000" in reply.text
    assert reply.citations[0].url.startswith("https://x.example/")
    assert not service.ask(str(outcome.case_id), "Who is the judge?").answered


def test_case_json_has_the_contract_keys(desk: Desk) -> None:
    service = desk.service
    _, outcome = desk.add(INMAIL)
    body = case_json(service.get_case(str(outcome.case_id)))
    assert {"id", "title", "defendants", "laws", "money", "court", "stage", "stories"} <= set(body)
    assert body["money"] == ["$1,000 per user"] and body["court"] == "N.D. Cal."
    assert set(body["stories"][0]) >= {"url", "title", "published"}


def test_merge_folds_one_case_into_another_and_later_stories_follow(desk: Desk) -> None:
    service = desk.service
    _, inmail = desk.add(INMAIL)
    facts = judged(
        ("LinkedIn",),
        money=(Money("$6.625 million", "settlement", 6.625e6, "USD"),),
        stage="settlement",
    )
    _, ads = desk.add(AD_VIEWS, facts, days=1)
    merged = service.merge(ads.case_id, inmail.case_id)
    assert len(merged.stories) == 2 and "$6.625 million" in [m.text for m in merged.facts.money]
    assert service.get_case(str(ads.case_id)).id == inmail.case_id
    copy = (AD_VIEWS[0], AD_VIEWS[1] + " The deal needs a judge's approval.")
    _, later = desk.add(copy, facts, days=2)
    assert later.case_id == inmail.case_id


def test_split_and_move_stick_for_later_stories(desk: Desk) -> None:
    service = desk.service
    _, inmail = desk.add(INMAIL)
    wrong_id, wrong = desk.add(
        (
            "LinkedIn fined by Irish regulator over ads data",
            "Ireland's DPC fined LinkedIn 310 million euros over targeted ads.",
        ),
        judged(("LinkedIn",), stage="fine_or_order"),
        days=3,
    )
    if wrong.created:  # linking already kept it apart: put it in the wrong case by hand
        service.move(wrong_id, inmail.case_id)
    split_off = service.split(inmail.case_id, [wrong_id])
    assert [s.story_id for s in split_off.stories] == [wrong_id]
    assert split_off.facts.title.startswith("LinkedIn: ")
    copy = (
        "LinkedIn fined by Irish regulator over ads data",
        "Ireland's DPC fined LinkedIn 310 million euros over targeted ads data.",
    )
    _, later = desk.add(copy, judged(("LinkedIn",), stage="fine_or_order"), days=4)
    assert later.case_id == split_off.id
    with desk.sessions() as session:
        kinds = session.scalars(select(CaseCorrectionRow.kind)).all()
    assert "split" in kinds


def test_search_finds_stored_stories(desk: Desk) -> None:
    service = desk.service
    desk.add(INMAIL)
    hits = service.search("inmail", 5)
    assert hits and hits[0].title == INMAIL[0] and "*InMail*" in hits[0].snippet
