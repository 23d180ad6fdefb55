"""A fake Slack Socket Mode endpoint on 127.0.0.1 for tests: a WebSocket server (the
`websockets` package) that greets each connection with `hello` as Slack does, pushes
envelopes (slash commands, events, interactions) and records the app's acknowledgements
(`{"envelope_id": ...}`). FakeSlackApi hands its URL out from apps.connections.open."""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

APP_ID = "A1"


class FakeSocketMode:
    def __init__(self) -> None:
        # No server pings: the app pings us (the client answers ours too, but a test
        # never runs long enough for either to matter).
        self._server: Server = serve(self._session, "127.0.0.1", 0, ping_interval=None)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._changed = threading.Condition()
        self._connections: list[ServerConnection] = []
        self._closed = 0
        self.sessions = 0  # connections accepted so far
        self.received: list[dict[str, Any]] = []  # every frame the app sent, parsed
        self._ids = itertools.count(1)

    @property
    def url(self) -> str:
        port = self._server.socket.getsockname()[1]
        return f"ws://127.0.0.1:{port}/link/?ticket=fake-ticket&app_id={APP_ID}"

    def __enter__(self) -> FakeSocketMode:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._thread.join(timeout=5)

    # -- what a test does ------------------------------------------------------------

    def send(self, kind: str, payload: dict[str, Any], *, accepts_response: bool = False) -> str:
        """Push one envelope to the app on its newest connection; returns its envelope_id."""
        envelope_id = f"env-{next(self._ids)}"
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": accepts_response,
            "retry_attempt": 0,
            "retry_reason": "",
        }
        self.wait_until(lambda: bool(self._open()), "the app to connect")
        self._open()[-1].send(json.dumps(envelope))
        return envelope_id

    def ask_to_reconnect(self, reason: str = "refresh_requested") -> None:
        """Slack's periodic `disconnect` message: the app must open a new connection."""
        self.wait_connected()
        disconnect = {"type": "disconnect", "reason": reason, "debug_info": {"host": "fake"}}
        self._open()[-1].send(json.dumps(disconnect))

    def wait_for_ack(self, envelope_id: str, timeout: float = 5.0) -> dict[str, Any]:
        """The app's acknowledgement of one envelope (it may carry a response payload)."""
        self.wait_until(
            lambda: self._ack(envelope_id) is not None, f"ack of {envelope_id}", timeout
        )
        ack = self._ack(envelope_id)
        assert ack is not None
        return ack

    def wait_connected(self, timeout: float = 5.0) -> None:
        self.wait_until(lambda: bool(self._open()), "the app to connect", timeout)

    def wait_disconnected(self, timeout: float = 5.0) -> None:
        self.wait_until(lambda: not self._open() and self._closed > 0, "the app to leave", timeout)

    def wait_until(self, ready: Callable[[], bool], what: str, timeout: float = 5.0) -> None:
        """Block until `ready()` holds (a condition variable, no sleeping) or fail."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not ready():
                remaining = deadline - time.monotonic()
                assert remaining > 0, f"timed out waiting for {what}"
                self._changed.wait(remaining)

    # -- the server side -------------------------------------------------------------

    def _session(self, connection: ServerConnection) -> None:
        with self._changed:
            self._connections.append(connection)
            self.sessions += 1
            self._changed.notify_all()
        try:
            connection.send(json.dumps(_hello()))
            for frame in connection:
                self._record(json.loads(frame))
        except ConnectionClosed:
            pass  # the app (or our shutdown) closed the socket: the session is over
        finally:
            with self._changed:
                self._connections.remove(connection)
                self._closed += 1
                self._changed.notify_all()

    def _record(self, frame: dict[str, Any]) -> None:
        with self._changed:
            self.received.append(frame)
            self._changed.notify_all()

    def _open(self) -> list[ServerConnection]:
        with self._changed:
            return list(self._connections)

    def _ack(self, envelope_id: str) -> dict[str, Any] | None:
        with self._changed:
            return next((f for f in self.received if f.get("envelope_id") == envelope_id), None)


def _hello() -> dict[str, Any]:
    return {
        "type": "hello",
        "num_connections": 1,
        "debug_info": {"host": "fake-socket-mode", "approximate_connection_time": 18060},
        "connection_info": {"app_id": APP_ID},
    }
