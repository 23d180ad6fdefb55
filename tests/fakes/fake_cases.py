"""FakeCaseService: the case queries the Slack handlers call, over in-memory cases whose
ids exist as rows (tracks and mutes reference them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.models import Answer, Case, Citation
from bot.errors import NotFoundError


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    outlet: str = ""
    snippet: str = ""


class FakeCaseService:
    def __init__(self, cases: Sequence[Case]) -> None:
        self.cases = {case.id: case for case in cases}
        self.questions: list[tuple[str, str]] = []

    def list_cases(self, query: str | None, limit: int) -> list[Case]:
        found = [
            c for c in self.cases.values() if not query or query.lower() in c.facts.title.lower()
        ]
        return found[:limit]

    def get_case(self, id_or_name: str) -> Case:
        key = id_or_name.strip().lstrip("#")
        if key.isdigit() and int(key) in self.cases:
            return self.cases[int(key)]
        for case in self.cases.values():
            if key and case.facts.title.lower().startswith(key.lower()):
                return case
        raise NotFoundError(f"No case matches {id_or_name!r}.")

    def ask(self, id_or_name: str, question: str) -> Answer:
        case = self.get_case(id_or_name)
        self.questions.append((str(case.id), question))
        if "damages" not in question:
            return Answer("The coverage does not say.", False)
        story = case.stories[0]
        return Answer(
            "$1,000 per user under the Stored Communications Act.",
            True,
            (Citation(story.url, story.title, story.outlet),),
        )

    def search(self, query: str, limit: int) -> list[Hit]:
        hits = [
            Hit(s.title, s.url, s.outlet, s.summary[:80])
            for c in self.cases.values()
            for s in c.stories
        ]
        return [h for h in hits if query.lower() in (h.title + h.snippet).lower()][:limit]
