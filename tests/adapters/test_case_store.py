"""The case store on SQLite and PostgreSQL: candidates, timelines, search, corrections."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.case_store import CaseStore
from bot.adapters.db.link_store import History, LinkStore, StoryLink
from bot.adapters.db.story_search import StorySearch
from bot.adapters.db.tables import StoryRow
from bot.domain.models import CaseFacts, Money
from bot.services.cases import Changed
from tests.support.case_stories import T0, insert_story, judged

FACTS = CaseFacts(
    "LinkedIn: InMail messages allegedly used to train AI",
    defendants=("LinkedIn Corp.",),
    court="N.D. Cal.",
    docket="5:25-cv-00201",
    laws=("Stored Communications Act",),
    money=(Money("$1,000 per user", "statutory_damages", 1000.0, "USD", "user"),),
    stage="filed",
    topics=("privacy_action", "ai_training"),
)


def _case_with_story(sessions: sessionmaker[Session]) -> tuple[CaseStore, int, int]:
    story_id = insert_story(
        sessions,
        "LinkedIn accused of using private InMail messages to train AI",
        "A Premium customer sued LinkedIn in San Jose.",
        url="https://r.example/1",
    )
    link = StoryLink(judged(("LinkedIn",), stage="filed"), "new", "fp1")
    case_id = LinkStore(sessions).open_case(
        story_id, FACTS, {"inmail": 3.0}, (("filed", T0),), T0, link
    )
    return CaseStore(sessions), case_id, story_id


def test_a_case_round_trips_with_its_facts_and_timeline(
    session_factory: sessionmaker[Session],
) -> None:
    store, case_id, story_id = _case_with_story(session_factory)
    case = store.get(case_id)
    assert case is not None
    assert case.facts == FACTS
    assert [s.story_id for s in case.stories] == [story_id]
    assert case.stories[0].stage == "filed"
    assert case.stage_history == (("filed", T0),)
    assert case.first_seen == T0


def _case_ids(links: LinkStore, keys: list[str], dockets: list[str], since: datetime) -> list[int]:
    return [c.case_id for c in links.candidates(0, "x", keys, dockets, since)[1]]


def test_candidates_come_by_defendant_docket_or_recency(
    session_factory: sessionmaker[Session],
) -> None:
    _, case_id, _ = _case_with_story(session_factory)
    links = LinkStore(session_factory)
    later = T0 + timedelta(days=400)
    assert _case_ids(links, ["linkedin"], [], later) == [case_id]
    assert _case_ids(links, [], ["5:25-cv-00201"], later) == [case_id]
    assert _case_ids(links, [], [], T0 - timedelta(days=1)) == [case_id]
    assert links.candidates(0, "x", ["meta"], [], later) == (None, [], [])


def test_candidates_bring_close_cases_stories_and_exact_copies(
    session_factory: sessionmaker[Session],
) -> None:
    _, case_id, story_id = _case_with_story(session_factory)
    links = LinkStore(session_factory)
    copy, _, [stored] = links.candidates(-1, "fp1", ["linkedin"], [], T0)
    assert stored.story_id == story_id and stored.facts.entities.companies == ("LinkedIn",)
    assert copy is not None and copy.case_id == case_id
    assert links.candidates(story_id, "fp1", [], [], T0)[0] is None
    assert links.candidates(-1, "x", ["linkedin"], [], T0, close=lambda _: False)[2] == []


def test_loading_a_story_writes_nothing_until_it_is_linked(
    session_factory: sessionmaker[Session],
) -> None:
    story_id = insert_story(session_factory, "Acme sued", "Acme was sued.")
    links = LinkStore(session_factory)
    loaded = links.load_story(story_id, judged(("Acme",)))
    assert loaded is not None and loaded[0].entities.companies == ("Acme",) and loaded[1] is None
    with session_factory() as session:
        assert session.get_one(StoryRow, story_id).relevant is None


def test_joining_a_case_merges_facts_in_one_step(session_factory: sessionmaker[Session]) -> None:
    store, case_id, _ = _case_with_story(session_factory)
    other = insert_story(session_factory, "LinkedIn wins dismissal", "The suit was dismissed.")
    later = T0 + timedelta(days=30)

    def dismiss(facts: CaseFacts, terms: dict[str, float], history: History) -> Changed:
        return replace(facts, stage="dismissed"), terms, (*history, ("dismissed", later))

    before, after = LinkStore(session_factory).join_case(
        case_id, other, later, StoryLink(judged(("LinkedIn",)), "r", "fp2"), dismiss
    )
    assert (before.stage, after.stage) == ("filed", "dismissed")
    case = store.get(case_id)
    assert case is not None and case.last_update == later and len(case.stories) == 2


def test_a_merged_case_answers_as_the_case_it_went_into(
    session_factory: sessionmaker[Session],
) -> None:
    store, case_id, _ = _case_with_story(session_factory)
    other = store.create_case(CaseFacts("Other"), {}, [], T0)
    store.mark_merged(other, case_id)
    merged = store.get(other)
    assert merged is not None and merged.id == case_id
    recent = LinkStore(session_factory).candidates(0, "x", [], [], T0 - timedelta(days=1))[1]
    assert other not in [c.case_id for c in recent]


def test_cases_are_found_by_a_loose_name(session_factory: sessionmaker[Session]) -> None:
    store, case_id, _ = _case_with_story(session_factory)
    assert [c.id for c in store.find_by_name("linkedin", 5)] == [case_id]
    assert [c.id for c in store.find_by_name("InMail AI", 5)] == [case_id]
    assert store.find_by_name("tiktok", 5) == []


def test_search_ranks_matching_stories_and_shows_snippets(
    session_factory: sessionmaker[Session],
) -> None:
    insert_story(
        session_factory, "Meta pixel suit", "Hospitals shared patient data via the Meta pixel."
    )
    insert_story(
        session_factory, "LinkedIn InMail suit", "Premium users say InMail messages trained AI."
    )
    insert_story(session_factory, "Weather", "Sunny with a light breeze.")
    search = StorySearch(session_factory)
    hits = search.search("inmail messages", 5)
    assert [h.title for h in hits] == ["LinkedIn InMail suit"]
    assert "*InMail*" in hits[0].snippet
    assert [h.title for h in search.search("pixel weather", 5)] != []  # any word, when all fail
    assert search.search("!!!", 5) == []


def test_search_sees_stories_whose_text_changes(session_factory: sessionmaker[Session]) -> None:
    from sqlalchemy import update

    from bot.adapters.db.tables import StoryRow

    story_id = insert_story(session_factory, "Draft", "nothing here")
    with session_factory.begin() as session:
        session.execute(update(StoryRow).where(StoryRow.id == story_id).values(summary="biometric"))
    assert [h.story_id for h in StorySearch(session_factory).search("biometric", 5)] == [story_id]
