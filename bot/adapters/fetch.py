"""HTTP (and, for trusted feeds files, local file) fetching of feeds: conditional GET,
connect/read timeouts plus an overall deadline, a cap on the decompressed body, manual
redirects with a limit, and for untrusted feeds an address check on every hop with the
connection pinned to the checked address."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from bot.adapters.fetch_body import BodyReader, read_local_file
from bot.adapters.urlguard import check_public_url, resolve_host
from bot.errors import FetchError, UnsafeURLError

USER_AGENT = "privacy-bot/0.1 (feed reader for legal and privacy teams)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)

# Returns the vetted addresses an untrusted URL may be fetched from, or raises
# UnsafeURLError; tests swap it to pin a made-up host name to 127.0.0.1.
Guard = Callable[[str], list[str]]


def public_addresses(url: str) -> list[str]:
    """The addresses `url`'s host resolves to, all of them checked to be public."""
    seen: list[str] = []

    def recording(host: str, port: int) -> list[str]:
        seen.extend(resolve_host(host, port))
        return seen

    check_public_url(url, resolve=recording)
    return seen


@dataclass(frozen=True, slots=True)
class FetchResult:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)  # names lowercased
    final_url: str = ""
    not_modified: bool = False

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def max_age_s(self) -> float | None:
        return cache_max_age(self.headers.get("cache-control", ""))

    @property
    def retry_after_s(self) -> float | None:
        return retry_after(self.headers.get("retry-after"))


class HttpFetcher:
    """Thread-safe: one instance serves every polling thread."""

    def __init__(
        self,
        *,
        connect_timeout: float = 10.0,
        read_timeout: float = 20.0,
        deadline_s: float = 45.0,
        max_bytes: int = 10 * 1024 * 1024,
        max_redirects: int = 5,
        user_agent: str = USER_AGENT,
        transport: httpx.BaseTransport | None = None,
        guard: Guard = public_addresses,
    ) -> None:
        self._connect, self._read, self._deadline_s = connect_timeout, read_timeout, deadline_s
        self._reader = BodyReader(max_bytes)
        self._max_redirects, self._guard = max_redirects, guard
        headers = {"User-Agent": user_agent, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"}
        self._trusted_client = httpx.Client(headers=headers, transport=transport)
        # No keep-alive for untrusted hosts: a TLS session pinned to one host's name must
        # never be reused for another host that shares the address.
        self._untrusted_client = httpx.Client(
            headers=headers,
            transport=transport,
            limits=httpx.Limits(max_keepalive_connections=0),
            trust_env=False,
        )

    def close(self) -> None:
        self._trusted_client.close()
        self._untrusted_client.close()

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        trusted: bool = True,
    ) -> FetchResult:
        """GET `url`; a 304 comes back as `not_modified`. Raises FetchError (with the
        status and Retry-After when the server sent them) for anything unusable."""
        if trusted and urlsplit(url).scheme.lower() == "file":
            body = read_local_file(url, self._reader.max_bytes)
            return FetchResult(200, body, {"content-type": "application/xml"}, url)
        deadline = time.monotonic() + self._deadline_s
        conditional = _conditional_headers(etag, last_modified)
        visited: list[str] = []
        while True:
            if url in visited:
                raise FetchError(f"redirect loop: {_safe(url)} was already visited")
            if len(visited) > self._max_redirects:
                raise FetchError(f"more than {self._max_redirects} redirects")
            visited.append(url)
            outcome = self._get(url, conditional, trusted, deadline)
            if isinstance(outcome, FetchResult):
                return outcome
            url = outcome

    def _get(
        self, url: str, headers: dict[str, str], trusted: bool, deadline: float
    ) -> FetchResult | str:
        """One hop: a FetchResult, or the URL a redirect points to."""
        client = self._trusted_client if trusted else self._untrusted_client
        request = self._request(client, url, headers, trusted, deadline)
        try:
            response = client.send(request, stream=True)
        except httpx.TimeoutException as error:
            raise FetchError(f"timed out ({_describe(error)})") from None
        except httpx.HTTPError as error:
            raise FetchError(f"could not connect: {_describe(error)}") from None
        try:
            return self._handle(url, response, deadline)
        except httpx.TimeoutException as error:
            raise FetchError(f"timed out reading the body ({_describe(error)})") from None
        except httpx.HTTPError as error:
            raise FetchError(f"connection failed mid-body: {_describe(error)}") from None
        finally:
            response.close()

    def _request(
        self,
        client: httpx.Client,
        url: str,
        headers: dict[str, str],
        trusted: bool,
        deadline: float,
    ) -> httpx.Request:
        remaining = _remaining(deadline)
        timeout = httpx.Timeout(min(self._read, remaining), connect=min(self._connect, remaining))
        extensions: dict[str, object] = {"timeout": timeout.as_dict()}
        try:
            if trusted:
                return client.build_request("GET", url, headers=headers, extensions=extensions)
            return self._pinned_request(client, url, headers, extensions)
        except httpx.InvalidURL as error:
            raise FetchError(f"invalid URL: {error}") from None

    def _pinned_request(
        self,
        client: httpx.Client,
        url: str,
        headers: dict[str, str],
        extensions: dict[str, object],
    ) -> httpx.Request:
        """Connect to the address the guard vetted, not to whatever DNS says a moment
        later (DNS rebinding); the Host header and TLS name stay the original host."""
        addresses = self._guard(url)
        if not addresses:
            raise UnsafeURLError(f"no vetted address for {_safe(url)}")
        original = httpx.URL(url)
        address = addresses[0]
        pinned = original.copy_with(host=address)
        host_header = original.host if original.port is None else f"{original.host}:{original.port}"
        if original.scheme == "https":
            extensions["sni_hostname"] = original.host
        return client.build_request(
            "GET", pinned, headers={**headers, "Host": host_header}, extensions=extensions
        )

    def _handle(self, url: str, response: httpx.Response, deadline: float) -> FetchResult | str:
        headers = {name.lower(): value for name, value in response.headers.items()}
        status = response.status_code
        if status in REDIRECT_STATUSES and "location" in headers:
            return urljoin(url, headers["location"].strip())
        if status == 304:
            return FetchResult(304, b"", headers, url, not_modified=True)
        if status >= 400 or status < 200:
            raise FetchError(
                f"HTTP {status} {response.reason_phrase}".strip(),
                status=status,
                retry_after=retry_after(headers.get("retry-after")),
            )
        body = self._reader.read(response.iter_raw(), headers, deadline)
        return FetchResult(status, body, headers, url)


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _remaining(deadline: float) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError("gave up: the overall time limit for this feed was reached")
    return remaining


def _describe(error: httpx.HTTPError) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _safe(url: str) -> str:
    """A URL fit for logs and error messages: no user name or password."""
    parts = urlsplit(url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        return parts._replace(
            netloc=host if parts.port is None else f"{host}:{parts.port}"
        ).geturl()
    return url


def cache_max_age(cache_control: str) -> float | None:
    for directive in cache_control.lower().split(","):
        name, _, value = directive.strip().partition("=")
        if name in ("max-age", "s-maxage") and value.strip('" ').isdigit():
            return float(value.strip('" '))
    return None


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)
