"""Block Kit rendering of alerts, case cards and answers: pure functions over plain data.
All feed text is escaped (a feed must never ping a channel, mention a user or disguise a
link) and cut to Block Kit's limits."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from bot.domain.alerting import OtherReport
from bot.domain.models import Case, CaseFacts, Classification, Money, Story

Block = dict[str, Any]
Message = dict[str, Any]  # {"text": fallback, "blocks": [...]}

# Slack's documented limits for the fields we fill.
HEADER_LIMIT = 150
SECTION_LIMIT = 3000
FIELD_LIMIT = 2000
CONTEXT_LIMIT = 2000
BUTTON_VALUE_LIMIT = 2000
MAX_BLOCKS = 50
FALLBACK_LIMIT = 40_000
ALSO_REPORTED_BLOCK = "also_reported"
ALSO_REPORTED_SHOWN = 5  # more links than this bury the alert; the rest are counted
_STAGE_NAMES = {"fine_or_order": "fine or order", "motion_to_dismiss": "motion to dismiss"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def escape(text: str) -> str:
    """Slack's three control characters; `<!channel>` becomes harmless text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def truncate(text: str, limit: int) -> str:
    """Cut at a word boundary when one is near, with an ellipsis; never split an entity."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]  # an escape like &amp; cut in half would show as garbage
    space = cut.rfind(" ")
    if space > limit * 0.8:
        cut = cut[:space]
    return cut.rstrip() + "…"


def link(url: str, label: str) -> str:
    """A mrkdwn link whose label cannot carry markup; non-web URLs become plain text."""
    text = escape(label.strip() or url)
    if not re.match(r"^https?://", url, re.IGNORECASE):
        return text
    safe_url = url.replace("|", "%7C").replace("<", "%3C").replace(">", "%3E")
    return f"<{safe_url}|{text.replace('|', '¦')}>"


def plain(text: str, limit: int) -> dict[str, Any]:
    # Slack is not supposed to parse mentions in plain_text, but escaping costs nothing and
    # keeps one rule for every piece of feed text (Slack shows the entities as characters).
    return {
        "type": "plain_text",
        "text": truncate(escape(text.strip()) or "-", limit),
        "emoji": True,
    }


def mrkdwn(text: str, limit: int = SECTION_LIMIT) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": truncate(text or " ", limit)}


def header(text: str) -> Block:
    return {"type": "header", "text": plain(text, HEADER_LIMIT)}


def section(text: str) -> Block:
    return {"type": "section", "text": mrkdwn(text)}


def context(text: str) -> Block:
    return {"type": "context", "elements": [mrkdwn(text, CONTEXT_LIMIT)]}


def message(fallback: str, blocks: Sequence[Block]) -> Message:
    """The message Slack gets: escaped fallback text (notifications) and at most 50 blocks."""
    return {"text": truncate(fallback, FALLBACK_LIMIT), "blocks": list(blocks)[:MAX_BLOCKS]}


def stage_name(stage: str | None) -> str:
    return _STAGE_NAMES.get(stage or "", (stage or "unknown").replace("_", " "))


def short_summary(text: str, sentences: int = 3, limit: int = 600) -> str:
    """The first two or three sentences: what a reader skims before deciding to click."""
    parts = _SENTENCE_END.split(text.strip())
    return truncate(" ".join(parts[:sentences]), limit)


def money_text(money: Sequence[Money]) -> str:
    return "; ".join(f"{m.text} ({m.kind.replace('_', ' ')})" for m in money)


def fact_fields(facts: CaseFacts) -> list[dict[str, Any]]:
    pairs = [
        ("Defendants", ", ".join(facts.defendants)),
        (
            "Court / regulator",
            " · ".join(dict.fromkeys(x for x in (facts.court, facts.regulator) if x)),
        ),
        ("Laws", ", ".join(facts.laws)),
        ("Money", money_text(facts.money)),
        ("Stage", stage_name(facts.stage) if facts.stage else ""),
        ("Docket", facts.docket or ""),
    ]
    return [mrkdwn(f"*{name}*\n{escape(value)}", FIELD_LIMIT) for name, value in pairs if value]


def facts_section(facts: CaseFacts) -> Block | None:
    fields = fact_fields(facts)[:10]  # a section holds at most 10 fields
    return {"type": "section", "fields": fields} if fields else None


def button_value(**ids: int | None) -> str:
    value = json.dumps({k: v for k, v in ids.items() if v is not None}, separators=(",", ":"))
    return value[:BUTTON_VALUE_LIMIT]


def alert_buttons(case_id: int, story_id: int | None, feed_id: int | None) -> Block:
    value = button_value(case=case_id, story=story_id, feed=feed_id)
    buttons = [("track_case", "Track", "primary"), ("not_relevant", "Not relevant", None)]
    buttons.append(("mute_source", "Mute source", None))
    return {
        "type": "actions",
        "block_id": f"alert_actions_{case_id}",
        "elements": [_button(action, label, value, style) for action, label, style in buttons],
    }


def _button(action_id: str, label: str, value: str, style: str | None) -> dict[str, Any]:
    button: dict[str, Any] = {
        "type": "button",
        "action_id": action_id,
        "text": plain(label, 75),
        "value": value,
    }
    if style:
        button["style"] = style
    return button


def render_alert(
    case: Case,
    story: Story,
    classification: Classification,
    *,
    story_id: int | None,
    feed_id: int | None,
    also_reported: Sequence[OtherReport] = (),
    follow_up: bool = False,
) -> Message:
    """A new case (or a development in one): headline, summary, facts, why, sources, buttons."""
    title = case.facts.title or story.title
    lead = "Update" if follow_up else "New case"
    blocks: list[Block] = [header(f"{lead}: {title}")]
    blocks.append(
        section(f"*{link(story.url, story.title)}*\n{escape(short_summary(story.summary))}")
    )
    facts = facts_section(case.facts)
    if facts:
        blocks.append(facts)
    if classification.why:
        blocks.append(context("Why: " + escape("; ".join(classification.why))))
    blocks.append(context(f"Source: {escape(story.outlet or story.feed_name)} · case #{case.id}"))
    if also_reported:
        blocks.append(also_reported_block(also_reported))
    blocks.append(alert_buttons(case.id, story_id, feed_id))
    return message(f"{lead}: {escape(title)} ({escape(story.outlet or story.feed_name)})", blocks)


def also_reported_block(reports: Sequence[OtherReport]) -> Block:
    """The line "Also reported by N: <links>": the first few outlets, the rest counted.
    Links are added whole, never cut, so the line stays within the context limit."""
    lead = f"Also reported by {len(reports)}: "
    links: list[str] = []
    for report in reports[:ALSO_REPORTED_SHOWN]:
        candidate = link(report.url, truncate(report.outlet, 80))
        if len(lead) + len(", ".join([*links, candidate])) + 20 > CONTEXT_LIMIT:
            break
        links.append(candidate)
    rest = len(reports) - len(links)
    more = f" and {rest} more" if rest else ""
    block = context(lead + ", ".join(links) + more)
    return {**block, "block_id": ALSO_REPORTED_BLOCK}


def with_also_reported(alert: Message, reports: Sequence[OtherReport]) -> Message:
    """The alert as it was posted, with its also-reported line added or replaced (placed
    just above the buttons), ready for chat.update."""
    blocks = [b for b in alert.get("blocks") or [] if b.get("block_id") != ALSO_REPORTED_BLOCK]
    if reports:
        at = next((i for i, b in enumerate(blocks) if b.get("type") == "actions"), len(blocks))
        blocks.insert(at, also_reported_block(reports))
    return message(str(alert.get("text", "")), blocks)
