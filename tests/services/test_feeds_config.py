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


X = "url: 'https://x.org/rss'"
MISTAKES = [
    ("- {name: FTC, ulr: x}", r"feed 'FTC' \(#1\): unknown key 'ulr'; did you mean 'url'\?"),
    ("- {name: FTC}", r"feed 'FTC' \(#1\): missing 'url'"),
    (f"- {{{X}}}", r"feed #1: missing 'name'"),
    ("- {name: A, url: 'ftp://x.org/rss'}", r"feed 'A' \(#1\): url must start with"),
    ("- {name: A, url: 'file:missing.xml'}", r"missing.xml does not exist"),
    (f"- {{name: A, {X}}}\n- {{name: a, {X}}}", r"feed 'a' \(#2\) is a duplicate"),
    (f"- {{name: A, {X}, interval_minutes: 1}}", r"interval_minutes must be between"),
    (f"- {{name: A, {X}, interval_minutes: soon}}", r"whole number, got 'soon'"),
    ("- [", r"not valid YAML"),
    ("3", r"expected a list"),
]


@pytest.mark.parametrize(("feeds", "message"), MISTAKES)
def test_mistakes_name_the_feed_and_the_problem(tmp_path: Path, feeds: str, message: str) -> None:
    text = "feeds:\n" + "".join(f"  {line}\n" for line in feeds.splitlines())
    if not feeds.startswith("-"):
        text = f"feeds: {feeds}\n"
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
