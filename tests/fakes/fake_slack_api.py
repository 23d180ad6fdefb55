"""A fake Slack Web API on 127.0.0.1 for tests and benchmarks: records every call (method,
parameters, headers), answers like Slack, and can be scripted to return 429 with
Retry-After, 5xx or Slack errors. Also serves response_url webhooks at /respond/<id>, and
hands out `socket_url` from apps.connections.open (a FakeSocketMode endpoint)."""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
TEAM_ID = "T0TEAM"


@dataclass
class Call:
    method: str  # "chat.postMessage", or "response_url" for /respond/<id>
    params: dict[str, Any]
    headers: dict[str, str]
    path: str


@dataclass
class Scripted:
    status: int = 200
    body: dict[str, Any] = field(default_factory=lambda: {"ok": True})
    headers: dict[str, str] = field(default_factory=dict)


def rate_limited(retry_after: int = 3) -> Scripted:
    return Scripted(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(retry_after)})


def server_error(status: int = 503) -> Scripted:
    return Scripted(status, {"ok": False, "error": "service_unavailable"})


def slack_error(code: str) -> Scripted:
    return Scripted(200, {"ok": False, "error": code})


class FakeSlackApi:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.socket_url: str | None = None  # what apps.connections.open answers
        self._scripts: dict[str, deque[Scripted]] = defaultdict(deque)
        self._changed = threading.Condition()
        self._ts = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def url(self) -> str:
        """The Web API base URL (SLACK_API_URL)."""
        return f"{self.base}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.base}/respond/{name}"

    def __enter__(self) -> FakeSlackApi:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def script(self, method: str, *responses: Scripted) -> None:
        """The next calls to `method` get these responses, in order, then normal ones."""
        self._scripts[method].extend(responses)

    def calls_to(self, method: str) -> list[Call]:
        with self._changed:
            return [call for call in self.calls if call.method == method]

    def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,
        where: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Block until `count` matching calls arrived (no sleeping: a condition variable)."""
        deadline = time.monotonic() + timeout
        matches: list[Call] = []
        with self._changed:
            while True:
                matches = [
                    c for c in self.calls if c.method == method and (where is None or where(c))
                ]
                remaining = deadline - time.monotonic()
                if len(matches) >= count or remaining <= 0:
                    break
                self._changed.wait(remaining)
        assert len(matches) >= count, f"expected {count} {method} calls, got {len(matches)}"
        return matches

    def clear(self) -> None:
        with self._changed:
            self.calls.clear()

    def _record(self, call: Call) -> Scripted:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()
            queued = self._scripts.get(call.method)
            return queued.popleft() if queued else self._normal(call)

    def _normal(self, call: Call) -> Scripted:
        if call.method == "auth.test":
            body = {
                "ok": True,
                "url": "https://fake.slack.com/",
                "team": "Fake",
                "user": "bot",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
            }
            return Scripted(body=body)
        if call.method == "chat.postMessage":
            ts = f"1700000000.{next(self._ts):06d}"
            channel = call.params.get("channel")
            return Scripted(body={"ok": True, "channel": channel, "ts": ts, "message": {"ts": ts}})
        if call.method == "apps.connections.open":
            if self.socket_url is None:
                return Scripted(body={"ok": False, "error": "not_allowed_token_type"})
            return Scripted(body={"ok": True, "url": self.socket_url})
        if call.method == "chat.update":
            edited = {key: call.params.get(key) for key in ("channel", "ts")}
            return Scripted(body={"ok": True, **edited, "text": ""})
        if call.method == "chat.postEphemeral":
            return Scripted(body={"ok": True, "message_ts": f"1700000001.{next(self._ts):06d}"})
        return Scripted()


def _handler_for(api: FakeSlackApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the http.server API
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode("utf-8") if length else ""
            params = _params(raw, self.headers.get("Content-Type", ""), parts.query)
            method = (
                "response_url" if parts.path.startswith("/respond/") else parts.path.split("/")[-1]
            )
            reply = api._record(Call(method, params, dict(self.headers.items()), parts.path))
            self._send(reply)

        def _send(self, reply: Scripted) -> None:
            body = json.dumps(reply.body).encode()
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: Any) -> None:  # keep test output quiet
            return

    return Handler


def _params(raw: str, content_type: str, query: str) -> dict[str, Any]:
    params: dict[str, Any] = dict(parse_qsl(query))
    if "json" in content_type and raw:
        params.update(json.loads(raw))
    elif raw:
        params.update(dict(parse_qsl(raw)))
    for key in ("blocks", "view"):  # form-encoded calls send these as JSON strings
        if isinstance(params.get(key), str):
            params[key] = json.loads(params[key])
    return params
