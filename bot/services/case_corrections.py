"""Operators' corrections to case grouping: merge, split, move. Each is recorded in
case_corrections, and the affected cases' facts and term profiles are rebuilt from their
stories, so later linking (which reads them) respects the correction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from bot.adapters.db.case_store import CaseStore
from bot.domain.case_facts import merge_facts, stage_changed_at
from bot.domain.case_title import make_case_title
from bot.domain.link import PROFILE_TERMS, story_profile
from bot.domain.models import Case, CaseFacts, Stage
from bot.domain.textsim import add_profiles, top_terms
from bot.errors import NotFoundError

AUTO_MERGE = "auto_merge"  # case_corrections.kind of a merge linking made itself


class CorrectionsMixin:
    """merge/split/move for CaseService (which provides `_store` and `_clock`)."""

    _store: CaseStore
    _clock: Callable[[], datetime]

    def merge(self, a: int, b: int, by_user: str | None = None) -> Case:
        """Case `a` goes into case `b`; `a` then answers as `b`."""
        if a == b:
            raise NotFoundError("a case cannot be merged into itself")
        self._existing(a), self._existing(b)
        self._fold(a, b, "merge", f"operator merged case {a} into {b}", by_user)
        return self._existing(b)

    def auto_merge(self, a: int, b: int, why: str) -> bool:
        """Linking found case `a` to be case `b`'s matter opened twice: fold it in, recorded
        as an automatic merge (by_user None) so an operator can tell it apart and undo
        it; never when an operator has split or moved stories between the two."""
        if a == b or self._store.separated_by_operator(a, b):
            return False
        self._fold(a, b, AUTO_MERGE, f"automatically merged case {a} into {b}: {why}", None)
        return True

    def _fold(self, a: int, b: int, kind: str, reason: str, by_user: str | None) -> None:
        story_ids = [sid for sid, _, _ in self._store.case_story_rows(a)]
        self._store.move_stories(story_ids, b, reason)
        self._store.mark_merged(a, b)
        self._store.record_correction(kind, self._clock(), from_case=a, to_case=b, by_user=by_user)
        self._rebuild(b)

    def split(self, case_id: int, story_ids: Sequence[int], by_user: str | None = None) -> Case:
        """Move some of a case's stories into a new case of their own."""
        case = self._existing(case_id)
        own = {s.story_id for s in case.stories}
        strangers = [sid for sid in story_ids if sid not in own]
        if strangers or not story_ids:
            raise NotFoundError(f"stories {strangers or 'none'} are not in case {case_id}")
        if set(story_ids) == own:
            raise NotFoundError(f"splitting off every story would leave case {case_id} empty")
        now = self._clock()
        new_id = self._store.create_case(CaseFacts(title="(split)"), {}, (), now)
        self._store.move_stories(story_ids, new_id, f"operator split from case {case_id}")
        for sid in story_ids:
            self._store.record_correction(
                "split", now, story_id=sid, from_case=case_id, to_case=new_id, by_user=by_user
            )
        self._rebuild(case_id)
        self._rebuild(new_id, retitle=True)
        return self._existing(new_id)

    def move(self, story_id: int, case_id: int, by_user: str | None = None) -> Case:
        """Move one story to another case; an emptied case is folded into the target."""
        origin = self._store.story_case(story_id)
        if origin is None:
            raise NotFoundError(f"story {story_id} does not exist or is in no case")
        self._existing(case_id)
        self._store.move_stories([story_id], case_id, f"operator moved it from case {origin}")
        self._store.record_correction(
            "move",
            self._clock(),
            story_id=story_id,
            from_case=origin,
            to_case=case_id,
            by_user=by_user,
        )
        if self._store.case_story_rows(origin):
            self._rebuild(origin)
        else:
            self._store.mark_merged(origin, case_id)
        self._rebuild(case_id)
        return self._existing(case_id)

    def _existing(self, case_id: int) -> Case:
        case = self._store.get(case_id)
        if case is None or case.id != case_id:
            raise NotFoundError(f"no case #{case_id} (or it was merged into another)")
        return case

    def _rebuild(self, case_id: int, retitle: bool = False) -> None:
        """Facts, stage history and term profile again from the stories now in the case."""
        rows = self._store.case_story_rows(case_id)
        found = self._store.facts(case_id)
        if not rows or found is None:
            return
        first = rows[0][1]
        title = found[0].title
        if retitle:
            title = make_case_title(first.entities.companies, first.title, first.summary)
        facts = CaseFacts(title=title)
        terms: dict[str, float] = {}
        history: tuple[tuple[Stage, datetime], ...] = ()
        for _, story, published in rows:
            facts = merge_facts(facts, story.entities, story.topics)
            terms = add_profiles(terms, story_profile(story))
            history = stage_changed_at(history, facts.stage, published or self._clock())
        last = max((p for _, _, p in rows if p is not None), default=self._clock())
        titles = [story.title for _, story, _ in rows]
        profile = top_terms(terms, PROFILE_TERMS)
        self._store.save_case(case_id, facts, profile, history, last, titles=titles)
