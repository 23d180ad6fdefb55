"""Settings read once from the environment and validated, so a bad value stops the
process at start with one line that names the variable."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.errors import ConfigError

DEFAULT_DATABASE_URL = "sqlite:///privacy-bot.db"
DEFAULT_SLACK_API_URL = "https://slack.com/api/"
_LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    feeds_file: str = "feeds.yaml"
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = DEFAULT_SLACK_API_URL
    slack_alert_channel: str | None = None
    port: int = 3000
    admin_user_ids: frozenset[str] = field(default_factory=frozenset)
    log_level: str = "INFO"
    backfill_days: int = 7
    digest_hour_utc: int = 8

    @property
    def slack_mode(self) -> str:
        """'socket', 'http' or 'console', as the contract chooses from the environment;
        'post_only' for a bot token alone: alerts go to Slack, nothing listens (e.g. a
        poller process beside a separate web process)."""
        if not self.slack_bot_token:
            return "console"
        if self.slack_app_token:
            return "socket"
        if self.slack_signing_secret:
            return "http"
        return "post_only"

    def __repr__(self) -> str:  # never print secrets, even in a traceback
        hidden = {"slack_bot_token", "slack_signing_secret", "slack_app_token"}
        parts = []
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if name in hidden and value:
                value = "***"
            elif name == "database_url":
                value = redact_url(str(value))
            parts.append(f"{name}={value!r}")
        return f"Settings({', '.join(parts)})"


def redact_url(url: str) -> str:
    """Hide a password in a database URL before it is logged."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def load_settings(env: Mapping[str, str]) -> Settings:
    """Build Settings from an environment mapping; raise ConfigError naming the variable."""
    get = lambda name: (env.get(name) or "").strip() or None  # noqa: E731
    return Settings(
        database_url=_database_url(get("DATABASE_URL")),
        feeds_file=get("FEEDS_FILE") or "feeds.yaml",
        slack_bot_token=_token(get("SLACK_BOT_TOKEN"), "SLACK_BOT_TOKEN", "xoxb-"),
        slack_signing_secret=get("SLACK_SIGNING_SECRET"),
        slack_app_token=_token(get("SLACK_APP_TOKEN"), "SLACK_APP_TOKEN", "xapp-"),
        slack_api_url=_api_url(get("SLACK_API_URL")),
        slack_alert_channel=get("SLACK_ALERT_CHANNEL"),
        port=_int(get("PORT"), "PORT", 3000, 1, 65535),
        admin_user_ids=_user_ids(get("ADMIN_USER_IDS")),
        log_level=_log_level(get("LOG_LEVEL")),
        backfill_days=_int(get("BACKFILL_DAYS"), "BACKFILL_DAYS", 7, 0, 3650),
        digest_hour_utc=_int(get("DIGEST_HOUR_UTC"), "DIGEST_HOUR_UTC", 8, 0, 23),
    )


def _database_url(value: str | None) -> str:
    if value is None:
        return DEFAULT_DATABASE_URL
    # Heroku-style URLs name the dialect "postgres"; SQLAlchemy wants a driver.
    for prefix in ("postgres://", "postgresql://"):
        if value.startswith(prefix):
            return "postgresql+psycopg://" + value[len(prefix) :]
    if not re.match(r"^[a-z][a-z0-9+]*://", value):
        raise ConfigError(
            f"DATABASE_URL must be a URL like sqlite:///bot.db or "
            f"postgresql+psycopg://user@host/db, got {redact_url(value)!r}"
        )
    return value


def _token(value: str | None, name: str, prefix: str) -> str | None:
    if value is not None and not value.startswith(prefix):
        raise ConfigError(f"{name} must start with {prefix!r}")
    return value


def _api_url(value: str | None) -> str:
    if value is None:
        return DEFAULT_SLACK_API_URL
    if not re.match(r"^https?://[^/\s]+", value):
        raise ConfigError(f"SLACK_API_URL must be an http(s) URL, got {value!r}")
    return value if value.endswith("/") else value + "/"


def _int(value: str | None, name: str, default: int, low: int, high: int) -> int:
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {value!r}") from None
    if not low <= number <= high:
        raise ConfigError(f"{name} must be between {low} and {high}, got {number}")
    return number


def _user_ids(value: str | None) -> frozenset[str]:
    if value is None:
        return frozenset()
    ids = [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
    bad = [i for i in ids if not _USER_ID.match(i)]
    if bad:
        raise ConfigError(f"ADMIN_USER_IDS must be Slack user IDs like U012ABCDEF, got {bad[0]!r}")
    return frozenset(ids)


def _log_level(value: str | None) -> str:
    if value is None:
        return "INFO"
    level = value.upper()
    if level not in _LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL must be one of {', '.join(_LOG_LEVELS)}, got {value!r}")
    return level


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(
        level=getattr(logging, settings.log_level),
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    # Migration chatter on every start drowns the lines an operator looks for.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # APScheduler logs every job run at INFO; our own tick line says what matters.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
