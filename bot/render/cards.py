"""Block Kit replies to commands and questions: case cards, lists, answers with citations,
help, feeds, stats, digests and the App Home view. Pure; primitives come from blocks.py."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from bot.domain.models import Answer, Case
from bot.render.blocks import (
    Block,
    Message,
    context,
    escape,
    facts_section,
    header,
    link,
    message,
    section,
    short_summary,
    stage_name,
)

TIMELINE_ITEMS = 10
LIST_ITEMS = 15


def render_help(commands: Mapping[str, tuple[str, str]], error: str | None = None) -> Message:
    """`commands`: name -> (usage, what it does), in the order to list them."""
    lines = [f"`/privacy {usage}`  {text}" for usage, text in commands.values()]
    blocks: list[Block] = [section(escape(error))] if error else []
    blocks += [section("*/privacy commands*\n" + "\n".join(lines))]
    blocks.append(context("Replies are visible only to you; add `share` to post them here."))
    return message("privacy-bot commands", blocks)


def render_text(text: str) -> Message:
    """A one-line confirmation or refusal (text is escaped: it may quote user input)."""
    return message(escape(text), [section(escape(text))])


def _case_line(case: Case) -> str:
    facts = case.facts
    date = f" · {case.last_update:%Y-%m-%d}" if case.last_update else ""
    stage = f" · {stage_name(facts.stage)}" if facts.stage else ""
    return f"*#{case.id}* {escape(facts.title)}{stage}{date} · {len(case.stories)} stories"


def render_case_list(cases: Sequence[Case], query: str | None = None) -> Message:
    if not cases:
        return render_text(f"No cases match {query!r}." if query else "No cases yet.")
    lines = [_case_line(case) for case in cases[:LIST_ITEMS]]
    title = f"Cases matching “{query}”" if query else "Tracked cases"
    return message(title, [header(title), section("\n".join(lines))])


def render_case(case: Case) -> Message:
    blocks: list[Block] = [header(f"#{case.id} {case.facts.title}")]
    facts = facts_section(case.facts)
    if facts:
        blocks.append(facts)
    latest = case.stories[-1] if case.stories else None
    if latest:
        blocks.append(section(escape(short_summary(latest.summary))))
    timeline = [_timeline_line(story) for story in case.stories[-TIMELINE_ITEMS:]]
    if timeline:
        blocks.append(section("*Timeline*\n" + "\n".join(timeline)))
    blocks.append(context(f"Ask in a thread or `/privacy ask {case.id} <question>`"))
    return message(f"Case #{case.id}: {escape(case.facts.title)}", blocks)


def _timeline_line(story: Any) -> str:
    date = f"{story.published:%Y-%m-%d} " if story.published else ""
    outlet = f" ({escape(story.outlet)})" if story.outlet else ""
    return f"• {date}{link(story.url, story.title)}{outlet}"


def render_answer(answer: Answer, question: str, case: Case | None = None) -> Message:
    about = f" about #{case.id} {escape(case.facts.title)}" if case else ""
    blocks: list[Block] = [context(f"Q{about}: {escape(question)}"), section(escape(answer.text))]
    if answer.citations:
        sources = [f"{i}. {link(c.url, c.title)}" for i, c in enumerate(answer.citations, 1)]
        blocks.append(context("Sources: " + "  ".join(sources)))
    if not answer.answered:
        blocks.append(context("The stored coverage does not answer this; nothing was guessed."))
    return message(escape(answer.text), blocks)


def render_search(hits: Sequence[Any], query: str) -> Message:
    if not hits:
        return render_text(f"No stories match {query!r}.")
    lines = [_hit_line(hit) for hit in hits[:LIST_ITEMS]]
    return message(f"Search: {escape(query)}", [section("\n".join(lines))])


def _hit_line(hit: Any) -> str:
    snippet = str(getattr(hit, "snippet", "") or "")
    outlet = str(getattr(hit, "outlet", "") or "")
    extra = f" ({escape(outlet)})" if outlet else ""
    return f"• {link(hit.url, hit.title)}{extra}" + (f"\n  {escape(snippet)}" if snippet else "")


def feed_health(feed: Any) -> str:
    if not feed.enabled:
        return f"disabled: {feed.disabled_reason or 'by an operator'}"
    if feed.consecutive_errors:
        return f"{feed.consecutive_errors} errors in a row: {feed.last_error or 'unknown'}"
    if feed.last_success_at:
        return f"ok, last fetched {feed.last_success_at:%Y-%m-%d %H:%M} UTC"
    return "not fetched yet"


def feed_lines(feeds: Sequence[Any]) -> list[str]:
    icon = lambda f: ":white_check_mark:" if f.enabled and not f.consecutive_errors else ":warning:"  # noqa: E731
    return [
        f"{icon(f)} *{escape(f.name)}* {escape(f.url)}\n  {escape(feed_health(f))}" for f in feeds
    ]


def render_feeds(feeds: Sequence[Any]) -> Message:
    if not feeds:
        return render_text("No feeds configured.")
    chunks = [feed_lines(feeds)[i : i + 10] for i in range(0, len(feeds), 10)]
    blocks = [header(f"Feeds ({len(feeds)})")] + [section("\n".join(c)) for c in chunks]
    return message(f"{len(feeds)} feeds", blocks)


def render_stats(stats: Mapping[str, int]) -> Message:
    lines = [f"• {escape(name.replace('_', ' '))}: *{value}*" for name, value in stats.items()]
    return message("privacy-bot stats", [header("Stats"), section("\n".join(lines))])


def render_digest(cases: Sequence[Case], period: str, now: datetime) -> Message:
    title = f"Privacy digest: the last {period} to {now:%Y-%m-%d}"
    if not cases:
        return message(title, [header(title), section("Nothing new in this period.")])
    blocks: list[Block] = [header(title)]
    for case in cases[:LIST_ITEMS]:
        latest = case.stories[-1] if case.stories else None
        development = f"\n{link(latest.url, latest.title)}" if latest else ""
        blocks.append(section(_case_line(case) + development))
    return message(f"{title}: {len(cases)} cases", blocks)


def render_home(tracked: Sequence[Case], feeds: Sequence[Any]) -> dict[str, Any]:
    """The App Home tab: tracked cases with their latest development, and feed health."""
    blocks: list[Block] = [header("Tracked cases")]
    for case in tracked[:LIST_ITEMS]:
        latest = case.stories[-1] if case.stories else None
        development = f"\nLatest: {link(latest.url, latest.title)}" if latest else ""
        blocks.append(section(_case_line(case) + development))
    if not tracked:
        blocks.append(section("No tracked cases. Press *Track* on an alert to follow one."))
    blocks.append(header("Feed health"))
    lines = feed_lines(feeds)
    blocks += [section("\n".join(lines[i : i + 10])) for i in range(0, min(len(lines), 200), 10)]
    return {"type": "home", "blocks": blocks[:100]}  # a Home view holds up to 100 blocks
