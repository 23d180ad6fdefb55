"""Tracked cases as a use case: attach each relevant story to a case (the domain decides,
the store saves), look cases up, answer questions, search coverage, apply corrections."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.case_store import CaseStore
from bot.adapters.db.link_store import History, LinkStore, StoryLink
from bot.adapters.db.story_search import SearchHit, StorySearch
from bot.domain.answer import answer
from bot.domain.case_facts import (
    companies_match,
    company_key,
    facts_from_entities,
    merge_facts,
    name_keys,
    stage_changed_at,
)
from bot.domain.case_title import make_case_title
from bot.domain.link import (
    PROFILE_TERMS,
    CaseProfile,
    LinkDecision,
    StoryFacts,
    candidate_keys,
    decide_link,
    story_profile,
)
from bot.domain.link_lookup import looks_up_by_wording, lookup_words
from bot.domain.models import Answer, Case, CaseFacts, Classification, Stage
from bot.domain.summarize import summarize_case
from bot.domain.textsim import add_profiles, top_terms, words
from bot.errors import NotFoundError
from bot.services.case_corrections import CorrectionsMixin

__all__ = ["CaseService", "LinkOutcome", "SearchHit", "case_json"]

RECENT_WINDOW = timedelta(days=45)
FOUND_BY_WORDING = 12  # stories the full-text index returns for a story naming no company
Changed = tuple[CaseFacts, dict[str, float], History]


@dataclass(frozen=True, slots=True)
class LinkOutcome:
    case_id: int
    created: bool
    stage_changed: bool
    previous_stage: Stage | None
    stage: Stage | None
    duplicate_of: int | None
    reason: str
    merged: tuple[int, ...] = ()  # cases found to be this one's matter and folded in


class CaseService(CorrectionsMixin):
    def __init__(
        self, sessions: sessionmaker[Session], clock: Callable[[], datetime] | None = None
    ) -> None:
        self._store = CaseStore(sessions)
        self._links = LinkStore(sessions)
        self._search = StorySearch(sessions)
        self._clock = clock or (lambda: datetime.now(UTC))

    # -- linking ----------------------------------------------------------------------

    def record_classification(self, story_id: int, classification: Classification) -> None:
        """Keep the judgment of a story that joins no case (irrelevant ones too)."""
        self._links.save_classification(story_id, classification)

    def attach_story(
        self, story_id: int, classification: Classification, now: datetime
    ) -> LinkOutcome:
        """Write the classification onto the story and put the story into a case."""
        loaded = self._links.load_story(story_id, classification)
        if loaded is None:
            raise NotFoundError(f"story {story_id} does not exist")
        story, current_case = loaded
        if current_case is not None:  # already linked: a retry must not link twice
            self._links.save_classification(story_id, classification)
            return self._unchanged(current_case)
        when = story.published or now
        fingerprint = story_fingerprint(story)
        decision = self._decide(story_id, story, fingerprint, when)
        link = StoryLink(
            classification, decision.reason, fingerprint, decision.duplicate_of, story.title
        )
        if decision.case_id is None:
            return self._open_case(story_id, story, link, when)
        outcome = self._join_case(decision.case_id, story_id, story, link, when)
        return self._merge_tied(outcome, decision)

    def _merge_tied(self, outcome: LinkOutcome, decision: LinkDecision) -> LinkOutcome:
        """The second pass: cases the story is as strongly tied to are its case's matter
        opened twice, folded in (unless an operator kept them apart)."""
        merged = tuple(b for b, why in decision.merge if self.auto_merge(b, outcome.case_id, why))
        if not merged:
            return outcome
        reason = f"{outcome.reason}; merged case(s) {', '.join(map(str, merged))} into it"
        return replace(outcome, merged=merged, reason=reason)

    def _decide(
        self, story_id: int, story: StoryFacts, fingerprint: str, when: datetime
    ) -> LinkDecision:
        keys = candidate_keys(story)
        found = self._found_by_wording(story)
        # Stories are compared one to one only within cases naming the same company or
        # name: that keeps the lookup small, and a follow-up names the party it follows.
        exact, candidates, stored = self._links.candidates(
            story_id,
            fingerprint,
            keys,
            story.entities.dockets,
            when - RECENT_WINDOW,
            close=lambda case: case.case_id in found or _shares_name(story, case, set(keys)),
            found_ids=found,
        )
        if exact is not None:
            reason = f"same wording as story {exact.story_id} ({exact.outlet or 'another outlet'})"
            return LinkDecision(exact.case_id, reason, exact.story_id, 1.0)
        return decide_link(story, candidates, stored)

    def _found_by_wording(self, story: StoryFacts) -> list[int]:
        """Cases of any age a story naming no company may belong to, by its words."""
        if not looks_up_by_wording(story):
            return []
        return self._search.cases_by_words(lookup_words(story), FOUND_BY_WORDING)

    def _open_case(
        self, story_id: int, story: StoryFacts, link: StoryLink, when: datetime
    ) -> LinkOutcome:
        entities = story.entities
        title = make_case_title(entities.companies, story.title, story.summary)
        facts = facts_from_entities(title, entities, story.topics)
        terms = top_terms(story_profile(story), PROFILE_TERMS)
        history = stage_changed_at((), facts.stage, when)
        case_id = self._links.open_case(story_id, facts, terms, history, when, link)
        return LinkOutcome(case_id, True, False, None, facts.stage, None, link.reason)

    def _join_case(
        self, case_id: int, story_id: int, story: StoryFacts, link: StoryLink, when: datetime
    ) -> LinkOutcome:
        def change(facts: CaseFacts, terms: dict[str, float], history: History) -> Changed:
            merged = merge_facts(facts, story.entities, story.topics)
            terms = top_terms(add_profiles(terms, story_profile(story)), PROFILE_TERMS)
            return merged, terms, stage_changed_at(history, merged.stage, when)

        before, after = self._links.join_case(case_id, story_id, when, link, change)
        moved = after.stage != before.stage
        return LinkOutcome(
            case_id, False, moved, before.stage, after.stage, link.duplicate_of, link.reason
        )

    def _unchanged(self, case_id: int) -> LinkOutcome:
        facts, _, _ = self._require_facts(case_id)
        return LinkOutcome(case_id, False, False, facts.stage, facts.stage, None, "already linked")

    def _require_facts(self, case_id: int) -> tuple[CaseFacts, dict[str, float], list[Any]]:
        found = self._store.facts(case_id)
        if found is None:
            raise NotFoundError(f"case {case_id} does not exist")
        return found

    # -- reading ----------------------------------------------------------------------

    def list_cases(self, query: str | None = None, limit: int = 20) -> list[Case]:
        if query and query.strip():
            return self._store.find_by_name(query, limit)
        return self._store.recent(limit)

    def get_case(self, id_or_name: str) -> Case:
        """A case by number ("12", "#12") or by a name resembling its title or defendant."""
        key = id_or_name.strip().lstrip("#")
        if key.isdigit():
            case = self._store.get(int(key))
            if case is None:
                raise NotFoundError(f"no case #{key}; `privacy-bot cases` lists them")
            return case
        found = self._store.find_by_name(key, 1) if key else []
        if not found:
            raise NotFoundError(
                f"no case matches {id_or_name!r}; try a company name or a case number"
            )
        return found[0]

    def ask(self, id_or_name: str, question: str) -> Answer:
        return answer(self.get_case(id_or_name), question)

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        return self._search.search(query, limit)


def _shares_name(story: StoryFacts, case: CaseProfile, keys: set[str]) -> bool:
    if companies_match(story.entities.companies, case.facts.defendants):
        return True
    names = {company_key(d) for d in case.facts.defendants} | set(name_keys(case.facts.title))
    return bool(keys & names)


def story_fingerprint(story: StoryFacts) -> str:
    """The same words in any order and case: exact wire copies share it."""
    joined = " ".join(sorted(set(words(f"{story.title} {story.summary}"))))
    return hashlib.sha1(joined.encode()).hexdigest()


def case_json(case: Case) -> dict[str, Any]:
    """The contract's case object (`cases --json`, `case ID --json`), plus extra keys."""
    facts = case.facts
    return {
        "id": case.id,
        "title": facts.title,
        "defendants": list(facts.defendants),
        "laws": list(facts.laws),
        "money": [m.text for m in facts.money],
        "court": facts.court or facts.regulator,
        "stage": facts.stage,
        "stories": [
            {
                "url": s.url,
                "title": s.title,
                "published": s.published.isoformat() if s.published else None,
                "outlet": s.outlet,
                "id": s.story_id,
            }
            for s in case.stories
        ],
        "plaintiffs": list(facts.plaintiffs),
        "regulator": facts.regulator,
        "docket": facts.docket,
        "topics": list(facts.topics),
        "money_detail": [
            {
                "text": m.text,
                "kind": m.kind,
                "amount": m.amount,
                "currency": m.currency,
                "per": m.per,
            }
            for m in facts.money
        ],
        "summary": summarize_case(case),
        "stage_history": [{"stage": st, "at": at.isoformat()} for st, at in case.stage_history],
        "first_seen": case.first_seen.isoformat() if case.first_seen else None,
        "last_update": case.last_update.isoformat() if case.last_update else None,
    }
