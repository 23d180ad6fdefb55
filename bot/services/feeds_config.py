"""The feeds file (feeds.yaml): loaded and validated so every mistake is reported with
the feed it belongs to. `file:` URLs, for the offline sample, resolve relative to the
file that names them."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from bot.domain.models import FeedConfig
from bot.errors import ConfigError

KEYS = ("name", "url", "tags", "interval_minutes")
MIN_INTERVAL, MAX_INTERVAL = 5, 7 * 24 * 60


def load_feeds(path: str | Path) -> list[FeedConfig]:
    """Raise ConfigError naming the file, the feed (by name or position) and the problem."""
    path = Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"cannot read the feeds file {path}: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise ConfigError(f"{path} is not valid YAML: {error}") from None
    return parse_feeds(document, base=path.resolve().parent, source=str(path))


def parse_feeds(document: Any, *, base: Path, source: str = "feeds file") -> list[FeedConfig]:
    entries = document.get("feeds") if isinstance(document, dict) else document
    if not isinstance(entries, list):
        raise ConfigError(f"{source}: expected a list under 'feeds:'")
    feeds = [_feed(entry, index, base, source) for index, entry in enumerate(entries, 1)]
    _check_unique(feeds, source)
    return feeds


def _feed(entry: Any, position: int, base: Path, source: str) -> FeedConfig:
    label = f"{source}: feed #{position}"
    if not isinstance(entry, dict):
        raise ConfigError(f"{label} must be a mapping with name and url")
    if isinstance(entry.get("name"), str) and entry["name"].strip():
        label = f"{source}: feed {entry['name'].strip()!r} (#{position})"
    _check_keys(entry, label)
    return FeedConfig(
        name=_name(entry.get("name"), label),
        url=_url(entry.get("url"), label, base),
        tags=_tags(entry.get("tags"), label),
        interval_minutes=_interval(entry.get("interval_minutes"), label),
        trusted=True,
    )


def _check_keys(entry: dict[Any, Any], label: str) -> None:
    for key in entry:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(KEYS)}"
            raise ConfigError(f"{label}: unknown key {key!r}{hint}")


def _name(value: Any, label: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{label}: missing 'name'")
    if len(value.strip()) > 200:
        raise ConfigError(f"{label}: name is longer than 200 characters")
    return value.strip()


def _url(value: Any, label: str, base: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{label}: missing 'url'")
    value = value.strip()
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme == "file":
        return _file_url(parts.netloc + parts.path, label, base)
    if scheme not in ("http", "https"):
        raise ConfigError(f"{label}: url must start with http://, https:// or file:, got {value!r}")
    if not parts.hostname:
        raise ConfigError(f"{label}: url {value!r} has no host")
    return value


def _file_url(raw_path: str, label: str, base: Path) -> str:
    path = Path(raw_path)
    path = path if path.is_absolute() else (base / path).resolve()
    if not path.is_file():
        raise ConfigError(f"{label}: file {path} does not exist")
    return path.as_uri()


def _tags(value: Any, label: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
        raise ConfigError(f"{label}: tags must be a list of words")
    return tuple(tag.strip() for tag in value if tag.strip())


def _interval(value: Any, label: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(f"{label}: interval_minutes must be a whole number, got {value!r}")
    if not MIN_INTERVAL <= value <= MAX_INTERVAL:
        raise ConfigError(
            f"{label}: interval_minutes must be between {MIN_INTERVAL} and {MAX_INTERVAL}"
        )
    return value


def _check_unique(feeds: list[FeedConfig], source: str) -> None:
    seen: set[str] = set()
    for position, feed in enumerate(feeds, 1):
        key = feed.name.casefold()
        if key in seen:
            raise ConfigError(f"{source}: feed {feed.name!r} (#{position}) is a duplicate name")
        seen.add(key)
