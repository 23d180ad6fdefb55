"""The command line as a user meets it: settings errors, help, `db upgrade`."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main


def test_bad_setting_stops_with_one_line_naming_the_variable(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["db", "upgrade"], env={"BACKFILL_DAYS": "soon"}) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "BACKFILL_DAYS" in err[0]


def test_a_bot_token_alone_posts_alerts_to_slack_without_listening() -> None:
    from bot.settings import load_settings

    settings = load_settings({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_ALERT_CHANNEL": "C1"})
    assert settings.slack_mode == "post_only"
    assert load_settings({}).slack_mode == "console"
    assert (
        load_settings({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}).slack_mode
        == "http"
    )
    assert (
        load_settings({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}).slack_mode
        == "socket"
    )


def test_db_upgrade_creates_the_sqlite_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "bot.db"
    assert main(["db", "upgrade"], env={"DATABASE_URL": f"sqlite:///{db}"}) == 0
    assert db.exists()
    assert "up to date" in capsys.readouterr().out


def test_a_typo_in_the_feeds_file_stops_with_one_line_naming_feed_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("feeds:\n  - name: Wire\n    ulr: https://news.example/rss\n")
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}", "FEEDS_FILE": str(feeds)}

    assert main(["poll"], env=env) == 2

    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "'Wire'" in err[0] and "'ulr'" in err[0] and "did you mean 'url'" in err[0]
