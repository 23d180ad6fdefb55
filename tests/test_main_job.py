"""The main job end to end, as a user runs it: real HTTP feeds on 127.0.0.1, a real
SQLite file, console mode (no Slack credentials)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from bot.adapters.db.tables import OutboxRow, StoryRow
from bot.cli import main
from tests.support.feed_server import FeedServer

INMAIL = (
    "LinkedIn sued for allegedly disclosing Premium users' InMail messages to train AI",
    "A proposed class action filed in federal court in San Jose accuses LinkedIn of "
    "disclosing Premium customers' private InMail messages to third parties to train "
    "generative AI models. It seeks $1,000 per user under the Stored Communications Act "
    "and claims breach of contract and unfair competition. LinkedIn called the claims false.",
)
AD_VIEWS = (
    "LinkedIn to pay $6.625 million to settle claims it inflated video ad views",
    "Advertisers alleged LinkedIn overcharged them by counting video-ad views that never "
    "happened; LinkedIn denied wrongdoing in the settlement.",
)


def rss(items: list[tuple[str, str]], published: datetime) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>https://news.example/{i}</link>"
        f"<guid>story-{i}</guid><pubDate>{format_datetime(published)}</pubDate>"
        f"<description>{summary}</description></item>"
        for i, (title, summary) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Legal Wire</title>'
        f"<link>https://news.example/</link>{entries}</channel></rss>"
    ).encode()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


def environment(tmp_path: Path, server: FeedServer, feeds: dict[str, str]) -> dict[str, str]:
    feeds_file = tmp_path / "feeds.yaml"
    lines = ["feeds:"] + [f"  - name: {name}\n    url: {url}" for name, url in feeds.items()]
    feeds_file.write_text("\n".join(lines) + "\n")
    return {"DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}", "FEEDS_FILE": str(feeds_file)}


def count(tmp_path: Path, table: type) -> int:
    engine = create_engine(f"sqlite:///{tmp_path / 'bot.db'}")
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def test_run_once_prints_the_privacy_alert_with_its_facts_and_not_the_ad_fraud_one(
    tmp_path: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    recent = datetime.now(UTC) - timedelta(hours=3)
    url = server.add("/feed.xml", body=rss([INMAIL, AD_VIEWS], recent), etag='"v1"')
    env = environment(tmp_path, server, {"Legal Wire": url})

    assert main(["run", "--once"], env=env) == 0

    out = capsys.readouterr().out
    assert "Polled 1 feed(s): 2 new stories, 1 relevant, 0 error(s)." in out
    alerts = out.split("Delivered")[0].split("#console")[1:]
    assert len(alerts) == 1
    alert = alerts[0]
    assert "InMail" in alert and "$1,000 per user" in alert
    assert "Stored Communications Act" in alert and "N.D. Cal." in alert
    assert "6.625" not in alert
    assert "Delivered 1 alert(s); 0 still queued." in out


def test_second_poll_of_unchanged_feed_is_conditional_and_stores_nothing(
    tmp_path: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    recent = datetime.now(UTC) - timedelta(hours=3)
    url = server.add("/feed.xml", body=rss([INMAIL], recent), etag='"v1"')
    env = environment(tmp_path, server, {"Legal Wire": url})
    assert main(["poll"], env=env) == 0
    stored = count(tmp_path, StoryRow)

    assert main(["poll"], env=env) == 0

    assert server.seen("/feed.xml")[-1].headers.get("if-none-match") == '"v1"'
    assert count(tmp_path, StoryRow) == stored == 1
    assert "0 new stories" in capsys.readouterr().out.split("Polled")[-1]


def test_a_broken_feed_is_reported_and_the_others_carry_on(
    tmp_path: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    recent = datetime.now(UTC) - timedelta(hours=3)
    good = server.add("/good.xml", body=rss([INMAIL], recent))
    broken = server.add("/broken.xml", status=500, body=b"oops")
    env = environment(tmp_path, server, {"Good": good, "Broken": broken})

    assert main(["poll"], env=env) == 0

    out = capsys.readouterr().out
    assert "1 error(s)" in out and "Broken" in out
    assert count(tmp_path, StoryRow) == 1
    assert count(tmp_path, OutboxRow) == 1  # queued for whichever `run` delivers


def test_old_entries_on_a_first_poll_are_stored_without_alerts(
    tmp_path: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    old = datetime.now(UTC) - timedelta(days=30)
    url = server.add("/feed.xml", body=rss([INMAIL], old))
    env = environment(tmp_path, server, {"Legal Wire": url})

    assert main(["run", "--once"], env=env) == 0

    out = capsys.readouterr().out
    assert "backfill" in out
    assert count(tmp_path, StoryRow) == 1
    assert count(tmp_path, OutboxRow) == 0


def test_a_cycle_forgets_slack_event_keys_older_than_two_days(
    tmp_path: Path, server: FeedServer
) -> None:
    from bot.bootstrap import build_app
    from bot.settings import load_settings

    url = server.add("/feed.xml", body=rss([], datetime.now(UTC)))
    app = build_app(load_settings(environment(tmp_path, server, {"Legal Wire": url})))
    now = app.clock()
    app.slack_store.first_time("old-event", now - timedelta(days=3))
    app.slack_store.first_time("recent-event", now - timedelta(hours=1))

    app.main_job.poll_cycle()

    assert app.slack_store.first_time("old-event", now)  # forgotten, so new again
    assert not app.slack_store.first_time("recent-event", now)


def test_a_bot_token_alone_posts_the_alert_to_slack_with_its_facts(
    tmp_path: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.fakes.fake_slack_api import FakeSlackApi

    url = server.add("/feed.xml", body=rss([INMAIL], datetime.now(UTC) - timedelta(hours=2)))
    with FakeSlackApi() as slack:
        env = environment(tmp_path, server, {"Legal Wire": url}) | {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_ALERT_CHANNEL": "C0ALERTS",
            "SLACK_API_URL": slack.url,
        }
        assert main(["run", "--once"], env=env) == 0
        [post] = slack.calls_to("chat.postMessage")

    assert post.params["channel"] == "C0ALERTS"
    assert "Stored Communications Act" in str(post.params["blocks"])
    assert "mode: post_only" in capsys.readouterr().out
