"""Every /privacy subcommand through the real bolt app over signed HTTP; replies arrive
through response_url, ephemeral unless shared."""

from __future__ import annotations

import json
import time

from tests.fakes.fake_slack_api import Call
from tests.handlers.conftest import ADMIN, RunningBot


def text_of(reply: Call) -> str:
    return json.dumps(reply.params)


def test_the_ack_comes_back_at_once_and_the_answer_follows(bot: RunningBot) -> None:
    started = time.monotonic()
    response = bot.slack.command("cases", bot.api.response_url("fast"))
    assert response.status_code == 200 and time.monotonic() - started < 3
    [reply] = bot.api.wait_for("response_url")
    assert reply.params["response_type"] == "ephemeral"


def test_empty_and_unknown_input_show_help(bot: RunningBot) -> None:
    assert "/privacy cases [query]" in text_of(bot.command(""))
    unknown = text_of(bot.command("frobnicate"))
    assert "Unknown command" in unknown and "/privacy ask" in unknown


def test_cases_lists_and_filters(bot: RunningBot) -> None:
    assert "LinkedIn: InMail" in text_of(bot.command("cases"))
    assert "LinkedIn: InMail" in text_of(bot.command("cases inmail"))
    assert "No cases match" in text_of(bot.command("cases meta"))


def test_case_shows_facts_and_escaped_timeline(bot: RunningBot) -> None:
    reply = text_of(bot.command(f"case {bot.linkedin.id}"))
    assert "N.D. Cal." in reply and "Stored Communications Act" in reply
    assert "&lt;!channel&gt;" in reply and "<!channel>" not in reply
    assert "No case matches" in text_of(bot.command("case 999"))


def test_search_finds_stories(bot: RunningBot) -> None:
    assert "news.example/li" in text_of(bot.command("search InMail"))
    assert "No stories match" in text_of(bot.command("search pixel"))


def test_ask_answers_with_citations(bot: RunningBot) -> None:
    reply = text_of(bot.command(f"ask {bot.linkedin.id} what damages are sought?"))
    assert "$1,000 per user" in reply and "https://news.example/li" in reply


def test_share_posts_the_reply_in_channel(bot: RunningBot) -> None:
    reply = bot.command(f"case {bot.linkedin.id} share")
    assert reply.params["response_type"] == "in_channel"


def test_track_and_untrack_follow_a_case_in_this_channel(bot: RunningBot) -> None:
    assert "Now tracking" in text_of(bot.command("track LinkedIn", channel="C7"))
    assert bot.store.tracking_channels(bot.linkedin.id) == {"C7"}
    assert "Stopped tracking" in text_of(bot.command("untrack LinkedIn", channel="C7"))
    assert bot.store.tracking_channels(bot.linkedin.id) == set()


def test_subscribe_and_unsubscribe(bot: RunningBot) -> None:
    reply = text_of(bot.command("subscribe ai_training daily", channel="C9"))
    assert "ai_training" in reply and "daily digest" in reply
    assert bot.store.subscriptions() == {"C9": ["ai_training"]}
    assert bot.store.digest_channels("day") == ["C9"]
    assert "Unknown topic" in text_of(bot.command("subscribe sports", channel="C9"))
    assert "no longer" in text_of(bot.command("unsubscribe", channel="C9"))
    assert bot.store.subscriptions() == {}


def test_digest_lists_recent_cases(bot: RunningBot) -> None:
    assert "LinkedIn: InMail" in text_of(bot.command("digest week"))
    bot.clock.advance(days=30)
    assert "Nothing new" in text_of(bot.command("digest day"))


def test_feeds_lists_health(bot: RunningBot) -> None:
    assert "courtwire" in text_of(bot.command("feeds"))


def test_only_admins_add_or_remove_feeds(bot: RunningBot) -> None:
    refused = text_of(bot.command("feeds add https://news.example/rss"))
    assert "Only admins" in refused and len(bot.feeds.list_feeds()) == 1
    added = text_of(bot.command("feeds add https://news.example/rss", user=ADMIN))
    assert "Added feed news.example-rss" in added
    feed = bot.feeds.get("news.example-rss")
    assert feed is not None and not feed.trusted and feed.added_by == ADMIN
    assert "Removed feed" in text_of(bot.command("feeds remove news.example-rss", user=ADMIN))
    assert "No feed is named" in text_of(bot.command("feeds remove nothing", user=ADMIN))


def test_feed_urls_to_internal_addresses_or_other_schemes_are_refused(bot: RunningBot) -> None:
    for url in (
        "http://internal.example/rss",
        "http://127.0.0.1/rss",
        "file:///etc/passwd",
        "http://169.254.169.254/latest/meta-data",
        "gopher://news.example/",
    ):
        assert "Refused" in text_of(bot.command(f"feeds add {url}", user=ADMIN)), url
    assert [f.name for f in bot.feeds.list_feeds()] == ["courtwire"]


def test_stats_shows_storage_and_delivery_numbers(bot: RunningBot) -> None:
    reply = text_of(bot.command("stats"))
    assert "alerts dead" in reply and "feeds" in reply
