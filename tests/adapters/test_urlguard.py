"""Untrusted URLs: only public http(s) addresses pass."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.adapters.urlguard import check_public_url, is_public_address
from bot.errors import UnsafeURLError


def resolver(mapping: dict[str, list[str]]) -> Callable[[str, int], list[str]]:
    def resolve(host: str, port: int) -> list[str]:
        if host not in mapping:
            raise OSError("Name or service not known")
        return mapping[host]

    return resolve


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "fc00::1",
        "0.0.0.0",
        "100.64.0.1",
        "::ffff:127.0.0.1",
        "224.0.0.1",
        "2002:7f00:1::",  # 6to4 wrapping 127.0.0.1
        "2002:a9fe:a9fe::1",  # 6to4 wrapping the cloud metadata address
        "::127.0.0.1",  # IPv4-compatible
        "64:ff9b:1::a00:1",  # local-use NAT64 wrapping 10.0.0.1
    ],
)
def test_internal_addresses_are_not_public(address: str) -> None:
    assert not is_public_address(address)


def test_public_addresses_pass() -> None:
    assert is_public_address("93.184.216.34")
    assert is_public_address("2606:2800:220:1:248:1893:25c8:1946")
    assert is_public_address("2002:5db8:d822::1")  # 6to4 wrapping a public address


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/feed", "gopher://x", "feed"]
)
def test_non_http_schemes_are_refused(url: str) -> None:
    with pytest.raises(UnsafeURLError):
        check_public_url(url, resolver({}))


def test_a_name_that_resolves_to_metadata_address_is_refused() -> None:
    with pytest.raises(UnsafeURLError, match="169.254.169.254"):
        check_public_url(
            "http://metadata.example/latest", resolver({"metadata.example": ["169.254.169.254"]})
        )


def test_any_internal_answer_among_several_is_refused() -> None:
    resolve = resolver({"mixed.example": ["93.184.216.34", "10.0.0.5"]})
    with pytest.raises(UnsafeURLError):
        check_public_url("https://mixed.example/rss", resolve)


def test_unresolvable_and_credentialed_urls_are_refused() -> None:
    with pytest.raises(UnsafeURLError, match="does not resolve"):
        check_public_url("https://nowhere.example/rss", resolver({}))
    with pytest.raises(UnsafeURLError, match="password"):
        check_public_url(
            "https://u:p@news.example/rss", resolver({"news.example": ["93.184.216.34"]})
        )


def test_public_url_passes() -> None:
    check_public_url("https://news.example/rss", resolver({"news.example": ["93.184.216.34"]}))
