"""Plain-text account of a poll cycle for the terminal (`poll`, `run --once`)."""

from __future__ import annotations

from bot.services.main_job import CycleReport
from bot.services.pipeline import ProcessedStory

_MAX_LISTED = 50  # a first poll of many feeds stores thousands of stories


def describe_cycle(report: CycleReport) -> list[str]:
    feeds = report.poll.feeds
    lines = [
        f"Polled {len(feeds)} feed(s): {len(report.processed)} new stories, "
        f"{len(report.relevant)} relevant, {len(report.poll.errors)} error(s)."
    ]
    for feed in feeds:
        detail = f"error: {feed.error}" if feed.error else f"{len(feed.new)} new"
        if feed.rejected:
            detail += f", {len(feed.rejected)} entries skipped ({feed.rejected[0]}, ...)"
        lines.append(f"  {feed.name}: {feed.status}, {detail}")
    relevant = report.relevant
    if relevant:
        lines.append("Relevant:")
        lines += [line for item in relevant[:_MAX_LISTED] for line in _relevant_lines(item)]
    others = [p for p in report.processed if not p.classification.relevant]
    if others:
        lines.append("New, not relevant:")
        lines += [f"  - {p.story.title or p.story.url}" for p in others[:_MAX_LISTED]]
    hidden = max(0, len(relevant) - _MAX_LISTED) + max(0, len(others) - _MAX_LISTED)
    if hidden:
        lines.append(f"  ({hidden} more not listed)")
    return lines


def _relevant_lines(item: ProcessedStory) -> list[str]:
    topics = ", ".join(item.classification.topics)
    where = ""
    if item.outcome is not None:
        where = f" -> case {item.outcome.case_id}" + (" (new)" if item.outcome.created else "")
    quiet = " [backfill: stored without alert]" if item.backfill else ""
    lines = [f"  * {item.story.title or item.story.url} [{topics}]{where}{quiet}"]
    if item.classification.why:
        lines.append(f"      why: {'; '.join(item.classification.why[:3])}")
    return lines
