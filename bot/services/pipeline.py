"""What happens to each new story after the poller stores it: classify, link relevant
ones to a case, and queue their alerts. Irrelevant stories keep their judgment too, so
`poll` can say why and feedback can retrain."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.adapters.db.slack_store import SlackStore
from bot.adapters.db.story_store import NewStory
from bot.domain.models import Case, Classification, Story
from bot.services.alerts import LinkedStory, queue_alerts
from bot.services.cases import CaseService, LinkOutcome

log = logging.getLogger(__name__)
Classifier = Callable[[str, str], Classification]


@dataclass(frozen=True, slots=True)
class ProcessedStory:
    story_id: int
    story: Story
    classification: Classification
    backfill: bool
    case: Case | None = None
    outcome: LinkOutcome | None = None
    alerts_queued: int = 0


class Pipeline:
    def __init__(
        self,
        classify: Classifier,
        cases: CaseService,
        slack_store: SlackStore,
        *,
        alert_channel: str | None,
    ) -> None:
        self._classify = classify
        self._cases, self._slack = cases, slack_store
        self._alert_channel = alert_channel

    def process(self, stories: Sequence[NewStory], now: datetime) -> list[ProcessedStory]:
        """Oldest first, so a case opens with its first story and follow-ups thread under
        it. One story's failure does not stop the others."""
        ordered = sorted(stories, key=lambda s: (s.story.published or now, s.story_id))
        processed = []
        for new in ordered:
            try:
                processed.append(self.process_one(new, now))
            except Exception:
                # Safe to skip: the story stays stored unclassified, and the next cycle
                # retries it (StoryStore.unprocessed), so no alert is lost.
                log.exception("processing story %s failed; it will be retried", new.story_id)
        return processed

    def process_one(self, new: NewStory, now: datetime) -> ProcessedStory:
        classification = self._classify(new.story.title, new.story.summary)
        if not classification.relevant:
            self._cases.record_classification(new.story_id, classification)
            return ProcessedStory(new.story_id, new.story, classification, new.backfill)
        outcome = self._cases.attach_story(new.story_id, classification, now)
        case = self._cases.get_case(str(outcome.case_id))
        linked = LinkedStory(
            new.story_id, new.story, classification, case, outcome, backfill=new.backfill
        )
        queued = queue_alerts(self._slack, linked, now, alert_channel=self._alert_channel)
        log.info(
            "story linked story=%s case=%s created=%s reason=%r alerts=%d",
            new.story_id, outcome.case_id, outcome.created, outcome.reason, len(queued),
        )  # fmt: skip
        return ProcessedStory(
            new.story_id, new.story, classification, new.backfill, case, outcome, len(queued)
        )
