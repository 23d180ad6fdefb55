"""HttpFetcher against a real local server: conditional GET, caps, deadlines,
redirects, error statuses, and the address checks for untrusted feeds."""

from __future__ import annotations

import gzip
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.adapters.fetch import HttpFetcher
from bot.errors import FetchError, UnsafeURLError
from tests.support.feed_server import FeedServer, rss

BODY = rss([{"title": "One", "guid": "1"}])


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


@pytest.fixture
def fetcher() -> Iterator[HttpFetcher]:
    instance = HttpFetcher(connect_timeout=1, read_timeout=1, deadline_s=1.5, max_bytes=100_000)
    yield instance
    instance.close()


def test_fetch_returns_body_headers_and_sends_a_clear_user_agent(
    server: FeedServer, fetcher: HttpFetcher
) -> None:
    url = server.add("/feed", body=BODY, etag='"v1"', headers={"Cache-Control": "max-age=600"})
    result = fetcher.fetch(url)
    assert (result.status, result.body, result.etag) == (200, BODY, '"v1"')
    assert result.max_age_s == 600 and result.final_url == url
    assert server.seen("/feed")[0].headers["user-agent"].startswith("privacy-bot/")


def test_validators_make_a_conditional_request(server: FeedServer, fetcher: HttpFetcher) -> None:
    modified = "Tue, 24 Nov 2026 10:00:00 GMT"
    url = server.add("/feed", body=BODY, etag='"v1"', last_modified=modified)
    result = fetcher.fetch(url, etag='"v1"', last_modified=modified)
    assert result.not_modified and result.body == b""
    sent = server.seen("/feed")[0].headers
    assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"] == modified


def test_gzip_body_is_decompressed(server: FeedServer, fetcher: HttpFetcher) -> None:
    url = server.add("/feed", body=BODY, gzip=True)
    assert fetcher.fetch(url).body == BODY


def test_gzip_bomb_is_cut_at_the_decompressed_cap(server: FeedServer, fetcher: HttpFetcher) -> None:
    bomb = gzip.compress(b"<" * 50_000_000)
    url = server.add("/bomb", body=bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="larger than 100,000 bytes"):
        fetcher.fetch(url)


def test_body_over_the_cap_is_refused(server: FeedServer, fetcher: HttpFetcher) -> None:
    url = server.add("/big", body=b"x" * 200_000)
    with pytest.raises(FetchError, match="larger than"):
        fetcher.fetch(url)


def test_dripping_server_is_cut_off_by_the_overall_deadline(server: FeedServer) -> None:
    url = server.add("/drip", body=BODY, drip_s=0.3)
    fetcher = HttpFetcher(read_timeout=1, deadline_s=1.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="too slow"):
        fetcher.fetch(url)
    assert time.monotonic() - started < 2.5


def test_silent_server_times_out(server: FeedServer, fetcher: HttpFetcher) -> None:
    url = server.add("/stall", body=BODY, stall_s=5)
    with pytest.raises(FetchError, match="timed out"):
        fetcher.fetch(url)


def test_connection_refused_is_a_readable_error(fetcher: HttpFetcher) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="could not connect"):
        fetcher.fetch(f"http://127.0.0.1:{port}/feed")


def test_redirects_are_followed_and_the_final_url_reported(
    server: FeedServer, fetcher: HttpFetcher
) -> None:
    final = server.add("/new", body=BODY)
    server.add("/old", status=301, headers={"Location": "/new"})
    result = fetcher.fetch(server.url("/old"))
    assert result.final_url == final and result.body == BODY


def test_redirect_loop_is_detected(server: FeedServer, fetcher: HttpFetcher) -> None:
    server.add("/a", status=302, headers={"Location": "/b"})
    server.add("/b", status=302, headers={"Location": "/a"})
    with pytest.raises(FetchError, match="redirect loop"):
        fetcher.fetch(server.url("/a"))


def test_redirect_chain_longer_than_the_limit_fails(server: FeedServer) -> None:
    for hop in range(5):
        server.add(f"/{hop}", status=307, headers={"Location": f"/{hop + 1}"})
    with pytest.raises(FetchError, match="more than 3 redirects"):
        HttpFetcher(max_redirects=3).fetch(server.url("/0"))


@pytest.mark.parametrize("status", [404, 410, 500])
def test_error_statuses_raise_with_the_status(
    server: FeedServer, fetcher: HttpFetcher, status: int
) -> None:
    url = server.add("/feed", status=status, body=b"nope")
    with pytest.raises(FetchError, match=f"HTTP {status}") as raised:
        fetcher.fetch(url)
    assert raised.value.status == status


def test_429_carries_retry_after(server: FeedServer, fetcher: HttpFetcher) -> None:
    url = server.add("/feed", status=429, headers={"Retry-After": "3600"})
    with pytest.raises(FetchError) as raised:
        fetcher.fetch(url)
    assert raised.value.status == 429 and raised.value.retry_after == 3600


def test_untrusted_feed_on_loopback_is_refused_before_any_request(
    server: FeedServer, fetcher: HttpFetcher
) -> None:
    url = server.add("/feed", body=BODY)
    with pytest.raises(UnsafeURLError, match="internal address"):
        fetcher.fetch(url, trusted=False)
    assert server.requests == []


def test_untrusted_fetch_connects_to_the_vetted_address_with_the_original_host(
    server: FeedServer,
) -> None:
    server.add("/feed", body=BODY)
    vetted = lambda url: ["127.0.0.1"]  # noqa: E731 (a guard that pins a made-up name)
    fetcher = HttpFetcher(guard=vetted)
    result = fetcher.fetch(f"http://feeds.invalid:{server.port}/feed", trusted=False)
    assert result.body == BODY
    assert server.seen("/feed")[0].headers["host"] == f"feeds.invalid:{server.port}"


def test_every_redirect_hop_of_an_untrusted_feed_is_checked(server: FeedServer) -> None:
    server.add("/start", status=302, headers={"Location": "http://internal.invalid/secret"})
    checked: list[str] = []

    def guard(url: str) -> list[str]:
        checked.append(url)
        if "internal" in url:
            raise UnsafeURLError("internal.invalid resolves to an internal address")
        return ["127.0.0.1"]

    with pytest.raises(UnsafeURLError):
        HttpFetcher(guard=guard).fetch(f"http://public.invalid:{server.port}/start", trusted=False)
    assert checked[-1] == "http://internal.invalid/secret"


def test_file_urls_work_only_for_trusted_feeds(tmp_path: Path, fetcher: HttpFetcher) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(BODY)
    assert fetcher.fetch(path.as_uri()).body == BODY
    with pytest.raises(UnsafeURLError):
        fetcher.fetch(path.as_uri(), trusted=False)
