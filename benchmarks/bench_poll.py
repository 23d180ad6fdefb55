"""A poll cycle over N local feeds of 50 entries (default 1,000), served by a local HTTP
server in a separate process on 8 loopback addresses, into a temporary SQLite database.
Prints: first cycle vs. feedparser alone on the same bytes (one core), second cycle over
unchanged feeds, peak memory, and a naive sequential `feedparser.parse(url)` poller.
Run: python benchmarks/bench_poll.py [--feeds N] [--workers W] [--parse-processes P]"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import feedparser

from bot.adapters.db.engine import make_engine, make_session_factory, upgrade_schema
from bot.adapters.db.feed_store import FeedStore
from bot.adapters.db.story_store import StoryStore
from bot.adapters.fetch import HttpFetcher
from bot.domain.models import FeedConfig
from bot.services.poll import Poller

ENTRIES = 50
HOSTS = [f"127.0.0.{n}" for n in range(1, 9)]
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
WORDS = [
    "privacy",
    "regulator",
    "lawsuit",
    "court",
    "data",
    "users",
    "consent",
    "fine",
    "settlement",
    "model",
    "training",
    "company",
    "platform",
    "federal",
    "judge",
    "claims",
    "policy",
    "complaint",
    "app",
    "breach",
    "state",
    "commission",
]


def feed_body(index: int) -> bytes:
    """A realistic RSS document: titles, HTML descriptions, dates spread over days."""
    rng = random.Random(index)
    items = []
    for n in range(ENTRIES):
        title = " ".join(rng.choices(WORDS, k=10)).capitalize()
        text = " ".join(rng.choices(WORDS, k=90))
        when = NOW - timedelta(hours=n * 7 + rng.random() * 5)
        items.append(
            f"<item><title>{title}</title>"
            f"<link>https://news{index}.example.org/{n}?utm_source=rss</link>"
            f"<guid isPermaLink='false'>feed{index}-entry{n}</guid>"
            f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
            f"<description>&lt;p&gt;{text} &lt;b&gt;{title}&lt;/b&gt;&lt;/p&gt;</description>"
            f"</item>"
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Feed {index}</title><link>https://news{index}.example.org/</link>"
        f"{''.join(items)}</channel></rss>"
    ).encode()


def serve(feeds: int, ports: Any, ready: Any) -> None:
    """The server process: every feed's bytes in memory, ETag and 304 support."""
    bodies = {f"/feed/{i}": feed_body(i) for i in range(feeds)}
    etags = {path: '"' + hashlib.md5(body).hexdigest() + '"' for path, body in bodies.items()}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            body, etag = bodies[self.path], etags[self.path]
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    import threading

    servers = [ThreadingHTTPServer((host, 0), Handler) for host in HOSTS]
    for index, server in enumerate(servers):
        server.daemon_threads = True
        ports[index] = server.server_address[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
    ready.set()
    threading.Event().wait()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def urls(feeds: int, ports: list[int]) -> list[str]:
    return [
        f"http://{HOSTS[i % len(HOSTS)]}:{ports[i % len(HOSTS)]}/feed/{i}" for i in range(feeds)
    ]


def run_poller(feed_urls: list[str], workers: int, processes: int) -> dict[str, float]:
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        upgrade_schema(engine)
        sessions = make_session_factory(engine)
        feeds, stories = FeedStore(sessions), StoryStore(sessions)
        configs = [FeedConfig(name=f"feed-{i}", url=url) for i, url in enumerate(feed_urls)]
        feeds.sync_config(configs, NOW)
        context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(processes, mp_context=context) if processes else None
        if pool:  # a running bot keeps its pool: start the workers before timing
            list(pool.map(abs, range(processes * 4)))
        fetcher = HttpFetcher()
        poller = Poller(
            feeds, stories, fetcher, backfill_days=7, owner="bench",
            max_workers=workers, per_host=2, parse_executor=pool,
        )  # fmt: skip
        started = time.perf_counter()
        first = poller.poll_due(NOW)
        results["first_s"] = time.perf_counter() - started
        results["first_new"] = len(first.new_stories)
        results["first_errors"] = len(first.errors)
        started = time.perf_counter()
        second = poller.poll_all(NOW + timedelta(hours=1))
        results["second_s"] = time.perf_counter() - started
        results["second_new"] = len(second.new_stories)
        results["second_304"] = sum(f.status == "not_modified" for f in second.feeds)
        results["poller_peak_mb"] = peak_rss_mb()
        fetcher.close()
        if pool:
            pool.shutdown()
        engine.dispose()
    return results


def feedparser_alone(feeds: int) -> float:
    bodies = [feed_body(i) for i in range(feeds)]
    started = time.perf_counter()
    for body in bodies:
        feedparser.parse(body)
    return time.perf_counter() - started


def naive_poller(feed_urls: list[str]) -> float:
    started = time.perf_counter()
    for url in feed_urls:
        feedparser.parse(url)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--parse-processes", type=int, default=2)
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    ports, ready = context.Array("i", len(HOSTS)), context.Event()
    server = context.Process(target=serve, args=(args.feeds, ports, ready), daemon=True)
    server.start()
    ready.wait(120)
    feed_urls = urls(args.feeds, [ports[i] for i in range(len(HOSTS))])
    size = sum(len(feed_body(i)) for i in range(min(args.feeds, 20))) / min(args.feeds, 20)
    print(f"{args.feeds} feeds x {ENTRIES} entries, ~{size / 1024:.0f} KB each", flush=True)

    result = run_poller(feed_urls, args.workers, args.parse_processes)
    alone = feedparser_alone(args.feeds)
    naive = naive_poller(feed_urls)
    server.terminate()

    ratio = result["first_s"] / alone
    print(f"feedparser alone, same bytes, one core: {alone:6.2f} s")
    print(
        f"first cycle (fetch+parse+normalize+store): {result['first_s']:6.2f} s  "
        f"= {ratio:.2f}x feedparser alone (target <= 1.3x); "
        f"{result['first_new']:.0f} new stories, {result['first_errors']:.0f} errors"
    )
    print(
        f"second cycle, unchanged feeds: {result['second_s']:6.2f} s (target < 3 s); "
        f"{result['second_304']:.0f} answered 304, {result['second_new']:.0f} new"
    )
    print(f"peak RSS of the polling process: {result['poller_peak_mb']:6.0f} MB (target < 300)")
    print(f"naive poller, sequential feedparser.parse(url): {naive:6.2f} s (stores nothing)")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"largest child process (parse worker or server): {children:6.0f} MB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
