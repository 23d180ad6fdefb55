"""The /privacy slash command: acknowledge at once, then parse, call a service and reply
through response_url (ephemeral unless the user asked to share)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.errors import NotFoundError
from bot.render.blocks import Message
from bot.render.cards import (
    render_answer,
    render_case,
    render_case_list,
    render_help,
    render_search,
    render_stats,
    render_text,
)
from handlers import feeds_admin
from handlers.parsing import SUBCOMMANDS, ParsedCommand, parse_command
from handlers.services import SlackServices

log = logging.getLogger(__name__)
LIST_LIMIT = 15
TOPIC_WORDS = {"privacy_action", "ai_training"}
DIGEST_WORDS = {"daily": "day", "weekly": "week"}


@dataclass(frozen=True)
class Invocation:
    """Who asked, where, and what they asked for."""

    parsed: ParsedCommand
    user: str
    channel: str


Runner = Callable[[Invocation, SlackServices], Message]


def register(app: App, services: SlackServices) -> None:
    def handle_privacy(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        ack()  # Slack gives up after 3 seconds; everything below happens after this
        who = Invocation(
            parse_command(command.get("text", "")), command["user_id"], command["channel_id"]
        )
        try:
            reply = run_command(who, services)
        except Exception:  # the user must hear back; the traceback goes to the log
            log.exception("/privacy %r failed", command.get("text", ""))
            reply, who = render_text("Sorry, that failed. The error is logged."), _private(who)
        respond(**reply, response_type="in_channel" if who.parsed.share else "ephemeral")

    app.command("/privacy")(handle_privacy)


def _private(who: Invocation) -> Invocation:
    return Invocation(ParsedCommand("help"), who.user, who.channel)


def run_command(who: Invocation, services: SlackServices) -> Message:
    """One subcommand to one reply; a case that does not exist is a polite answer."""
    runner = RUNNERS.get(who.parsed.name, _help)
    try:
        return runner(who, services)
    except NotFoundError as error:
        return render_text(str(error) or "Nothing matches that.")


def _help(who: Invocation, services: SlackServices) -> Message:
    return render_help(SUBCOMMANDS, who.parsed.error)


def _cases(who: Invocation, services: SlackServices) -> Message:
    query = who.parsed.args[0] if who.parsed.args else None
    return render_case_list(services.cases.list_cases(query, LIST_LIMIT), query)


def _case(who: Invocation, services: SlackServices) -> Message:
    return render_case(services.cases.get_case(who.parsed.args[0]))


def _search(who: Invocation, services: SlackServices) -> Message:
    query = who.parsed.args[0]
    return render_search(services.cases.search(query, LIST_LIMIT), query)


def _ask(who: Invocation, services: SlackServices) -> Message:
    name, question = who.parsed.args
    case = services.cases.get_case(name)
    return render_answer(services.cases.ask(str(case.id), question), question, case)


def _track(who: Invocation, services: SlackServices) -> Message:
    case = services.cases.get_case(who.parsed.args[0])
    added = services.state.track(who.channel, case.id, who.user, services.clock())
    verb = "Now tracking" if added else "Already tracking"
    return render_text(f"{verb} case #{case.id} {case.facts.title} in this channel.")


def _untrack(who: Invocation, services: SlackServices) -> Message:
    case = services.cases.get_case(who.parsed.args[0])
    removed = services.state.untrack(who.channel, case.id)
    verb = "Stopped tracking" if removed else "This channel was not tracking"
    return render_text(f"{verb} case #{case.id} {case.facts.title}.")


def _subscribe(who: Invocation, services: SlackServices) -> Message:
    words = [w.lower() for w in who.parsed.args]
    unknown = [w for w in words if w not in TOPIC_WORDS and w not in DIGEST_WORDS]
    if unknown:
        return render_text(
            f"Unknown topic {unknown[0]!r}: use privacy_action, ai_training, daily or weekly."
        )
    topics = [w for w in words if w in TOPIC_WORDS]
    now = services.clock()
    services.state.subscribe(who.channel, topics, who.user, now)
    digest = next((w for w in words if w in DIGEST_WORDS), None)
    if digest:
        services.state.set_digest(who.channel, DIGEST_WORDS[digest], now)
    what = ", ".join(topics) if topics else "all topics"
    extra = f", with a {digest} digest" if digest else ""
    return render_text(f"This channel now receives alerts for {what}{extra}.")


def _unsubscribe(who: Invocation, services: SlackServices) -> Message:
    removed = services.state.unsubscribe(who.channel)
    return render_text(
        "This channel no longer receives alerts." if removed else "This channel was not subscribed."
    )


def _digest(who: Invocation, services: SlackServices) -> Message:
    if services.digest is None:
        return render_text("Digests are not configured.")
    return services.digest.render(who.parsed.args[0], services.clock())


def _stats(who: Invocation, services: SlackServices) -> Message:
    return render_stats(services.state.stats())


def _feeds(who: Invocation, services: SlackServices) -> Message:
    action, *rest = who.parsed.args
    return feeds_admin.run_feeds(action, rest[0] if rest else "", who.user, services)


RUNNERS: dict[str, Runner] = {
    "help": _help, "cases": _cases, "case": _case, "search": _search, "ask": _ask,
    "track": _track, "untrack": _untrack, "subscribe": _subscribe, "unsubscribe": _unsubscribe,
    "digest": _digest, "feeds": _feeds, "stats": _stats,
}  # fmt: skip
