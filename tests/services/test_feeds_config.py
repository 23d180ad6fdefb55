"""load_feeds: a valid file loads; each mistake names the feed and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.services.feeds_config import load_feeds

REPO = Path(__file__).resolve().parents[2]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(text)
    return path


def test_valid_file_loads_with_tags_and_interval(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "feeds:\n  - name: FTC\n    url: https://www.ftc.gov/feeds/press-release.xml\n"
        "    tags: [regulator, us]\n    interval_minutes: 30\n",
    )
    (feed,) = load_feeds(path)
    assert (feed.name, feed.tags, feed.interval_minutes, feed.trusted) == (
        "FTC",
        ("regulator", "us"),
        30,
        True,
    )


def test_file_urls_resolve_relative_to_the_feeds_file(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "a.xml").write_text("<rss/>")
    path = _write(tmp_path, "feeds:\n  - name: A\n    url: file:feeds/a.xml\n")
    assert load_feeds(path)[0].url == (tmp_path / "feeds" / "a.xml").as_uri()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("feeds:\n  - name: FTC\n    ulr: https://x.org/rss\n", r"feed 'FTC' \(#1\): unknown key 'ulr'; did you mean 'url'\?"),
        ("feeds:\n  - name: FTC\n", r"feed 'FTC' \(#1\): missing 'url'"),
        ("feeds:\n  - url: https://x.org/rss\n", r"feed #1: missing 'name'"),
        ("feeds:\n  - name: A\n    url: ftp://x.org/rss\n", r"feed 'A' \(#1\): url must start with"),
        ("feeds:\n  - name: A\n    url: file:missing.xml\n", r"missing.xml does not exist"),
        ("feeds:\n  - {name: A, url: 'https://x.org/1'}\n  - {name: a, url: 'https://x.org/2'}\n", r"feed 'a' \(#2\) is a duplicate"),
        ("feeds:\n  - {name: A, url: 'https://x.org/1', interval_minutes: 1}\n", r"interval_minutes must be between"),
        ("feeds:\n  - {name: A, url: 'https://x.org/1', interval_minutes: soon}\n", r"whole number, got 'soon'"),
        ("feeds: [\n", r"not valid YAML"),
        ("feeds: 3\n", r"expected a list"),
    ],
)  # fmt: skip
def test_mistakes_name_the_feed_and_the_problem(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_feeds(_write(tmp_path, text))


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read the feeds file"):
        load_feeds(tmp_path / "nope.yaml")


@pytest.mark.parametrize("name", ["feeds.yaml", "samples/feeds.yaml"])
def test_shipped_feeds_files_are_valid(name: str) -> None:
    path = REPO / name
    if not path.exists():
        pytest.skip(f"{name} not written yet")
    feeds = load_feeds(path)
    assert len(feeds) >= 3
