"""Turns the text of a `/privacy` command into a ParsedCommand: pure, no Slack.
Empty or unknown input becomes `help`; a trailing `share` or `--share` makes the reply public."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The one catalogue of subcommands: usage and help text (help and a meta-test read it).
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "help": ("help", "show this help"),
    "cases": ("cases [query]", "tracked cases, newest first, optionally filtered"),
    "case": ("case <id|name>", "one case: facts, stage and timeline"),
    "search": ("search <query>", "search stored stories"),
    "ask": ("ask <case> <question>", "answer a question about a case, with sources"),
    "track": ("track <case>", "follow a case in this channel"),
    "untrack": ("untrack <case>", "stop following a case in this channel"),
    "subscribe": (
        "subscribe [topics]",
        "send alerts to this channel (privacy_action, ai_training)",
    ),
    "unsubscribe": ("unsubscribe", "stop alerts in this channel"),
    "digest": ("digest [day|week]", "what happened in the last day or week"),
    "feeds": (
        "feeds | feeds add <url> | feeds remove <name>",
        "feeds and their health (admins edit)",
    ),
    "stats": ("stats", "delivery and storage numbers"),
}
_SHARE = re.compile(r"(^|\s)(--share|share)$", re.IGNORECASE)
_SLACK_LINK = re.compile(r"^<([^|>]+)(\|[^>]*)?>$")  # Slack may send a URL as <url|label>
_NEEDS_ARGUMENT = {"case", "search", "ask", "track", "untrack"}


@dataclass(frozen=True, slots=True)
class ParsedCommand:
    name: str  # a key of SUBCOMMANDS
    args: tuple[str, ...] = ()
    share: bool = False
    error: str | None = None  # shown above the help when the input was not understood


def parse_command(text: str) -> ParsedCommand:
    rest, share = _strip_share(text.strip())
    words = rest.split(maxsplit=1)
    if not words or words[0].lower() not in SUBCOMMANDS:
        error = f"Unknown command `{words[0]}`." if words else None
        return ParsedCommand("help", share=share, error=error)
    name = words[0].lower()
    return _with_arguments(name, words[1].strip() if len(words) > 1 else "", share)


def _strip_share(text: str) -> tuple[str, bool]:
    match = _SHARE.search(text)
    return (text[: match.start()].rstrip(), True) if match else (text, False)


def _with_arguments(name: str, rest: str, share: bool) -> ParsedCommand:
    if name in _NEEDS_ARGUMENT and not rest:
        usage = SUBCOMMANDS[name][0]
        return ParsedCommand("help", share=share, error=f"Usage: `/privacy {usage}`")
    if name == "ask":
        return _parse_ask(rest, share)
    if name == "feeds":
        return _parse_feeds(rest, share)
    if name == "subscribe":
        return ParsedCommand(name, tuple(re.split(r"[\s,]+", rest)) if rest else (), share)
    if name == "digest":
        period = rest.lower() or "day"
        if period not in ("day", "week"):
            return ParsedCommand("help", share=share, error="Usage: `/privacy digest [day|week]`")
        return ParsedCommand(name, (period,), share)
    return ParsedCommand(name, (rest,) if rest else (), share)


def _parse_ask(rest: str, share: bool) -> ParsedCommand:
    """`ask 12 what damages?` or `ask "LinkedIn InMail" what damages?`."""
    quoted = re.match(r'^["“](.+?)["”]\s+(.+)$', rest)
    if quoted:
        return ParsedCommand("ask", (quoted.group(1), quoted.group(2)), share)
    parts = rest.split(maxsplit=1)
    if len(parts) < 2:
        return ParsedCommand("help", share=share, error="Usage: `/privacy ask <case> <question>`")
    return ParsedCommand("ask", (parts[0], parts[1]), share)


def _parse_feeds(rest: str, share: bool) -> ParsedCommand:
    parts = rest.split(maxsplit=1)
    if not parts or (parts[0].lower() == "list" and len(parts) == 1):
        return ParsedCommand("feeds", ("list",), share)
    action = parts[0].lower()
    if action in ("add", "remove") and len(parts) == 2:
        return ParsedCommand("feeds", (action, _unwrap_link(parts[1].strip())), share)
    return ParsedCommand(
        "help",
        share=share,
        error="Usage: `/privacy feeds`, `feeds add <url>`, `feeds remove <name>`",
    )


def _unwrap_link(value: str) -> str:
    match = _SLACK_LINK.match(value)
    return match.group(1) if match else value
