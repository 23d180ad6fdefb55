"""Builds the bolt app and runs the chosen Slack mode: Socket Mode, HTTP behind waitress
(POST /slack/events, GET /healthz), or nothing in console mode. Each returns a handle
whose stop() ends it cleanly."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol

from slack_bolt import App as BoltApp
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient

from bot.settings import Settings
from handlers import register_all
from handlers.services import SlackServices

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"


class Running(Protocol):
    def stop(self) -> None: ...


def build_bolt_app(
    settings: Settings, services: SlackServices, client: WebClient | None = None
) -> BoltApp:
    """The bolt app with every listener; the Web API base URL comes from SLACK_API_URL."""
    client = client or WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url)
    app = BoltApp(
        client=client,
        signing_secret=settings.slack_signing_secret or "",
        process_before_response=False,  # ack first; listeners finish in bolt's thread pool
        # No auth.test at start: with Slack down the bot must still poll and queue
        # alerts (delivery retries later); the token is checked on the first request.
        token_verification_enabled=False,
    )
    register_all(app, services)
    return app


def make_wsgi_app(bolt_app: BoltApp, db_ok: Callable[[], bool]) -> Callable[..., Iterable[bytes]]:
    """Slack requests go to bolt (which checks signatures); /healthz reports the database."""
    slack = SlackRequestHandler(bolt_app, path=EVENTS_PATH)

    def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "")
        if path == HEALTH_PATH and method == "GET":
            return _health(db_ok, start_response)
        if path == EVENTS_PATH and method == "POST":
            return slack(environ, start_response)
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    return application


def _health(db_ok: Callable[[], bool], start_response: StartResponse) -> list[bytes]:
    try:
        healthy = db_ok()
    except Exception:  # the health check reports any failure instead of raising it
        log.exception("health check failed")
        healthy = False
    body = json.dumps({"ok": healthy, "db": "ok" if healthy else "unavailable"}).encode()
    status = "200 OK" if healthy else "503 Service Unavailable"
    start_response(
        status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
    return [body]


class HttpServer:
    """waitress serving the WSGI app on a background thread."""

    def __init__(self, wsgi: Callable[..., Iterable[bytes]], host: str, port: int) -> None:
        from waitress import create_server

        # a short loop timeout lets stop() return promptly once the sockets are closed
        self._server: Any = create_server(
            wsgi, host=host, port=port, threads=8, asyncore_loop_timeout=0.1
        )
        self.port: int = int(self._server.effective_port)
        self._thread = threading.Thread(target=self._run, name="slack-http", daemon=True)
        self._thread.start()
        log.info("Slack HTTP mode listening on %s:%s%s", host, self.port, EVENTS_PATH)

    def _run(self) -> None:
        try:
            self._server.run()
        except OSError:  # closing the listening socket from stop() ends the loop this way
            log.debug("HTTP server loop ended", exc_info=True)

    def stop(self) -> None:
        from waitress import wasyncore

        self._server.task_dispatcher.shutdown(timeout=5)  # let requests in flight finish
        self._server.close()
        wasyncore.close_all(self._server._map)  # keep-alive connections too, so run() returns
        self._thread.join(timeout=5)


class SocketModeConnection:
    def __init__(self, bolt_app: BoltApp, app_token: str) -> None:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        self._handler = SocketModeHandler(bolt_app, app_token)
        self._handler.connect()  # returns at once; the SDK keeps the socket on its threads
        log.info("Slack Socket Mode connected")

    def stop(self) -> None:
        self._handler.close()


class NothingToServe:
    """Console mode: alerts print to the terminal; there is no Slack listener."""

    def stop(self) -> None:
        return None


def serve(
    settings: Settings,
    bolt_app: BoltApp | None,
    *,
    db_ok: Callable[[], bool] = lambda: True,
    host: str = "0.0.0.0",
    port: int | None = None,
) -> Running:
    """Start the Slack listener for the mode the settings choose; returns at once."""
    mode = settings.slack_mode
    if bolt_app is None or mode in ("console", "post_only"):
        return NothingToServe()
    if mode == "socket":
        return SocketModeConnection(bolt_app, settings.slack_app_token or "")
    wsgi = make_wsgi_app(bolt_app, db_ok)
    return HttpServer(wsgi, host, settings.port if port is None else port)
