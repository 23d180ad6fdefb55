"""Parsing /privacy text: every subcommand, help for anything unclear, `share`."""

from __future__ import annotations

import pytest

from handlers.parsing import SUBCOMMANDS, ParsedCommand, parse_command


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ParsedCommand("help")),
        ("help", ParsedCommand("help")),
        ("cases", ParsedCommand("cases")),
        ("cases linkedin", ParsedCommand("cases", ("linkedin",))),
        ("case 12", ParsedCommand("case", ("12",))),
        ("CASE LinkedIn InMail", ParsedCommand("case", ("LinkedIn InMail",))),
        ("search training data", ParsedCommand("search", ("training data",))),
        ("ask 12 what damages?", ParsedCommand("ask", ("12", "what damages?"))),
        ('ask "LinkedIn InMail" who sued?', ParsedCommand("ask", ("LinkedIn InMail", "who sued?"))),
        ("track 3", ParsedCommand("track", ("3",))),
        ("untrack 3", ParsedCommand("untrack", ("3",))),
        ("subscribe", ParsedCommand("subscribe")),
        ("subscribe ai_training, daily", ParsedCommand("subscribe", ("ai_training", "daily"))),
        ("unsubscribe", ParsedCommand("unsubscribe")),
        ("digest", ParsedCommand("digest", ("day",))),
        ("digest week", ParsedCommand("digest", ("week",))),
        ("feeds", ParsedCommand("feeds", ("list",))),
        ("feeds list", ParsedCommand("feeds", ("list",))),
        (
            "feeds add https://x.example/rss",
            ParsedCommand("feeds", ("add", "https://x.example/rss")),
        ),
        (
            "feeds add <https://x.example/rss>",
            ParsedCommand("feeds", ("add", "https://x.example/rss")),
        ),
        ("feeds remove courtwire", ParsedCommand("feeds", ("remove", "courtwire"))),
        ("stats", ParsedCommand("stats")),
    ],
)
def test_each_subcommand_parses(text: str, expected: ParsedCommand) -> None:
    assert parse_command(text) == expected


def test_every_subcommand_is_in_the_parse_table() -> None:
    assert set(SUBCOMMANDS) == {
        "help",
        "cases",
        "case",
        "search",
        "ask",
        "track",
        "untrack",
        "subscribe",
        "unsubscribe",
        "digest",
        "feeds",
        "stats",
    }


def test_a_trailing_share_makes_the_reply_public() -> None:
    assert parse_command("case 12 share") == ParsedCommand("case", ("12",), share=True)
    assert parse_command("cases --share") == ParsedCommand("cases", (), share=True)
    assert parse_command("search shareholders").args == ("shareholders",)


@pytest.mark.parametrize("text", ["frobnicate", "case", "ask 12", "digest month", "feeds add"])
def test_unknown_or_incomplete_input_shows_help_with_a_reason(text: str) -> None:
    parsed = parse_command(text)
    assert parsed.name == "help" and parsed.error
