"""`privacy-bot run [--once]`: the main job. Polls at start and on schedule, delivers
alerts, and listens to Slack in the mode the environment chooses (Socket Mode, HTTP, or
console mode, which prints alerts to the terminal)."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from datetime import timedelta
from multiprocessing import get_context

from bot.bootstrap import App
from bot.services.cycle_text import describe_cycle

NAME = "run"
HELP = "the main job: scheduler + delivery + Slack listener (--once: one cycle, then exit)"
log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--once", action="store_true", help="one poll and delivery cycle, then exit"
    )


def run(args: argparse.Namespace, app: App) -> int:
    feeds = app.sync_feeds()
    mode = app.settings.slack_mode
    print(
        f"privacy-bot: {feeds} feed(s) from {app.settings.feeds_file}; mode: {mode}", file=app.out
    )
    if args.once:
        return _run_once(app)
    return _run_forever(app)


def _run_once(app: App) -> int:
    report = app.main_job.poll_cycle(all_feeds=True)
    print("\n".join(describe_cycle(report)), file=app.out)
    delivery = app.main_job.deliver_until_idle(timedelta(minutes=2))
    queued = app.slack_store.outbox.counts()
    waiting = queued["pending"] + queued["sending"]
    print(f"Delivered {delivery.sent} alert(s); {waiting} still queued.", file=app.out)
    return 0


def _run_forever(app: App) -> int:
    # Spawned workers parse feeds on every core; spawn, not fork, because this process
    # already runs threads and holds database connections.
    workers = max(1, os.cpu_count() or 1)
    app.parse_executor = ProcessPoolExecutor(workers, mp_context=get_context("spawn"))
    stop = threading.Event()
    # Platforms stop processes with SIGTERM: treat it like Ctrl-C so leases are let go.
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    scheduler = app.main_job.start(stop)
    listener = app.start_slack_listener()
    print("privacy-bot is running; Ctrl-C stops it.", file=app.out, flush=True)
    try:
        stop.wait()
    except KeyboardInterrupt:
        print("stopping ...", file=app.out, flush=True)
    finally:
        stop.set()
        listener.stop()
        scheduler.shutdown(wait=False)
        app.parse_executor.shutdown(wait=False, cancel_futures=True)
    return 0
