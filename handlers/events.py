"""Questions in Slack: a reply in an alert's thread, or an @mention that names a case, is
answered in the thread with citations. Bots are ignored, and each user message is
answered once even though Slack sends it as app_mention and message, and retries."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.domain.models import Case
from bot.errors import NotFoundError
from bot.render.cards import render_answer, render_text
from handlers.services import SlackServices

log = logging.getLogger(__name__)
_MENTION = re.compile(r"<@[UW][A-Z0-9]+(\|[^>]*)?>")
_CASE_ID = re.compile(r"^#?(\d+)[:,]?$")
_WHICH_CASE = (
    "Which case? Ask in an alert's thread, or mention me with a case id, "
    "e.g. `@privacy-bot 12 what damages are sought?`"
)
NAME_WORDS = 4
# A plain message, a thread reply also sent to the channel, or one with a file attached.
_HUMAN_SUBTYPES = (
    None,
    "thread_broadcast",
    "file_share",
)  # the longest case name tried at the start of a mention


def register(app: App, services: SlackServices) -> None:
    def on_message(event: dict[str, Any], client: WebClient) -> None:
        if _from_user(event) and _in_thread(event):
            answer_in_thread(event, client, services)

    def on_mention(event: dict[str, Any], client: WebClient) -> None:
        if _from_user(event):
            answer_in_thread(event, client, services)

    app.event("message")(on_message)
    app.event("app_mention")(on_mention)


def answer_in_thread(event: dict[str, Any], client: WebClient, services: SlackServices) -> None:
    channel, ts = event["channel"], event["ts"]
    thread_ts = event.get("thread_ts") or ts
    question = _MENTION.sub("", event.get("text", "")).strip()
    case_id = services.state.case_for_thread(channel, thread_ts) if event.get("thread_ts") else None
    if case_id is None and event.get("type") != "app_mention":
        return  # a thread the bot did not start: not ours to answer
    if not services.state.first_time(f"{channel}:{ts}", services.clock()):
        return  # the other copy of this message (or a retry) was answered already
    reply = _reply(case_id, question, services)
    client.chat_postMessage(channel=channel, thread_ts=thread_ts, unfurl_links=False, **reply)


def _reply(case_id: int | None, question: str, services: SlackServices) -> dict[str, Any]:
    case: Case | None = None
    if case_id is not None:
        case = services.cases.get_case(str(case_id))
    else:
        case, question = _case_named_in(question, services)
    if case is None:
        return render_text(_WHICH_CASE)
    if not question:
        return render_text(f"What would you like to know about #{case.id} {case.facts.title}?")
    return render_answer(services.cases.ask(str(case.id), question), question, case)


def _case_named_in(text: str, services: SlackServices) -> tuple[Case | None, str]:
    """`12 what damages?`, `#12: ...`, `LinkedIn InMail: ...` or the first few words."""
    words = text.split()
    if words and _CASE_ID.match(words[0]):
        return _find(_CASE_ID.match(words[0]).group(1), services), " ".join(words[1:])  # type: ignore[union-attr]
    if ":" in text:
        name, _, rest = text.partition(":")
        return _find(name.strip(), services), rest.strip()
    for size in range(min(NAME_WORDS, len(words) - 1), 0, -1):
        case = _find(" ".join(words[:size]), services)
        if case is not None:
            return case, " ".join(words[size:])
    return None, text


def _find(name: str, services: SlackServices) -> Case | None:
    try:
        return services.cases.get_case(name)
    except NotFoundError:
        return None


def _from_user(event: dict[str, Any]) -> bool:
    """Bots (this one included) and edits, joins and deletions are not questions."""
    human = event.get("subtype") in _HUMAN_SUBTYPES
    return human and not event.get("bot_id") and bool(event.get("user"))


def _in_thread(event: dict[str, Any]) -> bool:
    return bool(event.get("thread_ts")) and event.get("thread_ts") != event.get("ts")
