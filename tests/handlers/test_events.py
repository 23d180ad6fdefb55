"""Thread Q&A and mentions: answered in the thread with citations, once per message,
never to bots; and the App Home view."""

from __future__ import annotations

import json

from tests.fakes.fake_slack_api import BOT_USER_ID
from tests.handlers.conftest import RunningBot

THREAD = "1700000000.000100"


def question(
    ts: str, text: str, thread_ts: str | None = THREAD, kind: str = "message", **extra: object
) -> dict:
    event = {"type": kind, "channel": "C1", "user": "U1", "text": text, "ts": ts, **extra}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def answers(bot: RunningBot, count: int = 1) -> list[dict]:
    return [c.params for c in bot.api.wait_for("chat.postMessage", count)]


def test_a_question_in_an_alert_thread_is_answered_there_with_citations(bot: RunningBot) -> None:
    bot.store.record_thread(bot.linkedin.id, "C1", THREAD)
    assert (
        bot.slack.event(question("1700000000.000200", "what damages are sought?")).status_code
        == 200
    )
    [reply] = answers(bot)
    assert reply["thread_ts"] == THREAD and reply["channel"] == "C1"
    assert "$1,000 per user" in json.dumps(reply) and "https://news.example/li" in json.dumps(reply)


def test_one_message_sent_as_mention_and_message_and_retried_is_answered_once(
    bot: RunningBot,
) -> None:
    bot.store.record_thread(bot.linkedin.id, "C1", THREAD)
    text = f"<@{BOT_USER_ID}> what damages?"
    bot.slack.event(question("1700000000.000300", text, kind="app_mention"))
    bot.slack.event(question("1700000000.000300", text))
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    bot.slack.event(question("1700000000.000300", text), headers=retry)
    bot.slack.event(question("1700000000.000301", "what damages? (again)"))  # a new message
    answers(bot, 2)
    bot.api.wait_for("chat.postMessage", 2)
    assert [q for _, q in bot.cases.questions].count("what damages?") == 1


def test_bots_and_the_bot_itself_are_ignored(bot: RunningBot) -> None:
    bot.store.record_thread(bot.linkedin.id, "C1", THREAD)
    bot.slack.event(question("1.1", "what damages?", bot_id="B2", subtype="bot_message"))
    bot.slack.event(question("1.2", "what damages?", user=BOT_USER_ID, bot_id="BBOT"))
    bot.slack.event(question("1.3", "what damages?", user="U1"))  # a marker: a human asks
    [reply] = answers(bot)
    assert bot.cases.questions == [(str(bot.linkedin.id), "what damages?")]
    assert reply["thread_ts"] == THREAD


def test_threads_the_bot_did_not_start_are_left_alone(bot: RunningBot) -> None:
    bot.slack.event(question("2.1", "what damages?", thread_ts="9.9"))
    bot.slack.event(question("2.2", f"<@{BOT_USER_ID}> hi", thread_ts=None, kind="app_mention"))
    [reply] = answers(bot)  # only the mention gets an answer: a hint
    assert "Which case?" in json.dumps(reply) and reply["thread_ts"] == "2.2"


def test_a_mention_naming_a_case_is_answered_in_its_thread(bot: RunningBot) -> None:
    text = f"<@{BOT_USER_ID}> {bot.linkedin.id} what damages are sought?"
    bot.slack.event(question("3.1", text, thread_ts=None, kind="app_mention"))
    [reply] = answers(bot)
    assert reply["thread_ts"] == "3.1" and "$1,000 per user" in json.dumps(reply)
    named = f"<@{BOT_USER_ID}> LinkedIn: what damages?"
    bot.slack.event(question("3.2", named, thread_ts=None, kind="app_mention"))
    assert "$1,000" in json.dumps(answers(bot, 2)[1])


def test_app_home_shows_tracked_cases_and_feed_health(bot: RunningBot) -> None:
    bot.store.track("C1", bot.linkedin.id, "U1", bot.clock())
    bot.slack.event({"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home"})
    [publish] = bot.api.wait_for("views.publish")
    view = json.dumps(publish.params["view"])
    assert publish.params["user_id"] == "U1"
    assert "LinkedIn: InMail" in view and "courtwire" in view and "not fetched yet" in view
