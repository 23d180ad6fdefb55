"""Checks on untrusted URLs (feeds added from Slack): only http(s), and never an address
that resolves to loopback, private, link-local (cloud metadata) or otherwise internal
ranges. The fetcher calls it again on every redirect hop."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

from bot.errors import UnsafeURLError

Resolver = Callable[[str, int], list[str]]

# Ranges that are "public" to the ipaddress module but still reach infrastructure.
_EXTRA_BLOCKED = tuple(
    ipaddress.ip_network(net)
    for net in (
        "100.64.0.0/10",  # carrier-grade NAT, used inside some clouds
        "192.0.0.0/24",  # IETF protocol assignments
        "198.18.0.0/15",  # benchmarking
        "64:ff9b::/96",  # NAT64: may embed an internal IPv4 address
        "64:ff9b:1::/48",  # local-use NAT64 (RFC 8215), same risk
        "::/96",  # deprecated IPv4-compatible addresses (::10.0.0.1)
    )
)


def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (the fetcher connects to one of these)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        # A 6to4 address (2002:7f00:1::) carries an IPv4 one that a relay may reach;
        # ipaddress calls the whole 2002::/16 global, so judge the embedded address.
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is not None:
            return is_public_address(str(embedded))
    if not ip.is_global or ip.is_multicast:
        return False
    return not any(ip in net for net in _EXTRA_BLOCKED)


def check_public_url(url: str, resolve: Resolver = resolve_host) -> None:
    """Raise UnsafeURLError unless `url` is http(s) and every address it names is public."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        raise UnsafeURLError(
            f"only http and https URLs can be added, not {parts.scheme or 'none'!r}"
        )
    host = parts.hostname
    if not host:
        raise UnsafeURLError("the URL has no host name")
    if parts.username or parts.password:
        raise UnsafeURLError("URLs with a user name or password are not accepted")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise UnsafeURLError("the URL has an invalid port") from None
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError) as error:
        raise UnsafeURLError(f"the host {host!r} does not resolve: {error}") from None
    if not addresses:
        raise UnsafeURLError(f"the host {host!r} does not resolve")
    for address in addresses:
        if not is_public_address(address):
            raise UnsafeURLError(
                f"{host} resolves to {address}, an internal address the bot will not fetch"
            )
