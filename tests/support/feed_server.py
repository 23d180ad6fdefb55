"""A real threaded HTTP server on 127.0.0.1 with scripted routes: statuses, headers,
ETag/Last-Modified handling, gzip, dripping and stalling bodies. It records every
request so tests can assert what the client sent."""

from __future__ import annotations

import contextlib
import gzip
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up mid-response is what these tests provoke."""


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answer 304 when If-None-Match matches
    last_modified: str | None = None  # answer 304 when If-Modified-Since matches
    gzip: bool = False  # send the body gzip-compressed
    drip_s: float | None = None  # seconds between single bytes of the body
    stall_s: float | None = None  # wait before sending anything


@dataclass(frozen=True)
class SeenRequest:
    path: str
    headers: dict[str, str]


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[SeenRequest] = []
        self.stopping = threading.Event()
        self.in_flight = 0
        self.max_in_flight = 0  # the most requests served at the same moment
        self._count_lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, route: Route | None = None, **fields: object) -> str:
        self.routes[path] = route or Route(**fields)  # type: ignore[arg-type]
        return self.url(path)

    def seen(self, path: str) -> list[SeenRequest]:
        return [request for request in self.requests if request.path == path]

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()


def _handler_for(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet tests
            pass

        def do_GET(self) -> None:  # noqa: N802 (the http.server naming)
            headers = {name.lower(): value for name, value in self.headers.items()}
            server.requests.append(SeenRequest(self.path, headers))
            with server._count_lock:
                server.in_flight += 1
                server.max_in_flight = max(server.max_in_flight, server.in_flight)
            try:
                self._respond(server.routes.get(self.path), headers)
            finally:
                with server._count_lock:
                    server.in_flight -= 1

        def _respond(self, route: Route | None, headers: dict[str, str]) -> None:
            if route is None:
                self._send(404, {}, b"not found")
            elif route.stall_s and server.stopping.wait(route.stall_s):
                return
            elif _not_modified(route, headers):
                self._send(304, _validators(route), b"")
            else:
                self._send_route(route)

        def _send_route(self, route: Route) -> None:
            body = gzip.compress(route.body) if route.gzip else route.body
            headers = {**_validators(route), **route.headers}
            if route.gzip:
                headers["Content-Encoding"] = "gzip"
            if route.drip_s is None:
                self._send(route.status, headers, body)
                return
            self._start(route.status, headers, len(body))
            for index in range(len(body)):
                if server.stopping.wait(route.drip_s):
                    return
                try:
                    self.wfile.write(body[index : index + 1])
                    self.wfile.flush()
                except OSError:  # the client gave up, as it should
                    return

        def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self._start(status, headers, len(body))
            with contextlib.suppress(OSError):  # the client may hang up early on purpose
                self.wfile.write(body)

        def _start(self, status: int, headers: dict[str, str], length: int) -> None:
            self.send_response(status)
            headers.setdefault("Content-Type", "application/rss+xml; charset=utf-8")
            for name, value in headers.items():
                self.send_header(name, value)
            if "content-length" not in {name.lower() for name in headers}:
                self.send_header("Content-Length", str(length))
            self.end_headers()

    return Handler


def _validators(route: Route) -> dict[str, str]:
    headers = {}
    if route.etag:
        headers["ETag"] = route.etag
    if route.last_modified:
        headers["Last-Modified"] = route.last_modified
    return headers


def _not_modified(route: Route, headers: dict[str, str]) -> bool:
    if route.etag and headers.get("if-none-match") == route.etag:
        return True
    return bool(route.last_modified and headers.get("if-modified-since") == route.last_modified)


def rss(items: list[dict[str, str]], title: str = "Test feed", extra: str = "") -> bytes:
    """A small RSS 2.0 document; each item maps element names to text."""
    rendered = "".join(
        "<item>" + "".join(f"<{k}>{v}</{k}>" for k, v in item.items()) + "</item>" for item in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.com/</link>{extra}{rendered}"
        f"</channel></rss>"
    ).encode()
