"""The alert buttons over signed HTTP: each changes channel state and confirms it."""

from __future__ import annotations

import json

from tests.handlers.conftest import RunningBot


def value(bot: RunningBot, story: int | None = None) -> str:
    ids = {"case": bot.linkedin.id, "feed": bot.feed_id} | ({"story": story} if story else {})
    return json.dumps(ids)


def test_track_follows_the_case_in_this_channel(bot: RunningBot) -> None:
    reply = bot.click("track_case", value(bot), channel="C5")
    assert "Tracking case" in reply.params["text"] and reply.params["response_type"] == "ephemeral"
    assert reply.params["replace_original"] is False
    assert bot.store.tracking_channels(bot.linkedin.id) == {"C5"}


def test_not_relevant_records_feedback_and_stops_the_case_here(bot: RunningBot) -> None:
    bot.store.track("C5", bot.linkedin.id, "U1", bot.clock())
    reply = bot.click("not_relevant", value(bot), channel="C5")
    assert "not relevant" in reply.params["text"]
    assert bot.store.case_muted_channels(bot.linkedin.id) == {"C5"}
    assert bot.store.tracking_channels(bot.linkedin.id) == set()
    assert [f["label"] for f in bot.store.feedback()] == ["not_relevant"]


def test_mute_source_mutes_the_feed_for_this_channel(bot: RunningBot) -> None:
    reply = bot.click("mute_source", value(bot), channel="C5")
    assert "Muted courtwire" in reply.params["text"]
    assert bot.store.feed_muted_channels(bot.feed_id) == {"C5"}


def test_a_button_with_a_broken_value_explains_itself(bot: RunningBot) -> None:
    reply = bot.click("track_case", "not json")
    assert "no case" in reply.params["text"]
