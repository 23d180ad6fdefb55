"""Speed of the cases area with 100,000 stories and 10,000 cases stored: linking a new
story, `ask` and `search` (p95 targets: 20 ms, 200 ms, 100 ms), on SQLite and on
PostgreSQL (a throwaway schema). Run: python benchmarks/bench_cases.py [--stories N]"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, text
from sqlalchemy.orm import sessionmaker

from bot.adapters.db.case_codec import entities_to_json
from bot.adapters.db.engine import make_engine, make_session_factory, upgrade_schema
from bot.adapters.db.tables import CaseKeyRow, CaseRow, FeedRow, StoryRow
from bot.domain.models import Classification, Entities, Stage
from bot.services.cases import CaseService

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
TARGETS_MS = {"link": 20.0, "ask": 200.0, "search": 100.0}
START = datetime(2023, 1, 1, tzinfo=UTC)
LAWS = (
    "Illinois Biometric Information Privacy Act",
    "California Invasion of Privacy Act",
    "GDPR",
    "Wiretap Act",
    "Video Privacy Protection Act",
    "COPPA",
    "Copyright Act",
)
COURTS = ("N.D. Cal.", "S.D.N.Y.", "N.D. Ill.", "C.D. Cal.", "Irish DPC", "FTC", "CNIL")
STAGES: tuple[Stage, ...] = (
    "filed",
    "motion_to_dismiss",
    "ruling",
    "settlement",
    "dismissed",
    "fine_or_order",
)
QUESTIONS = (
    "How much in damages are the plaintiffs seeking?",
    "Which court is this in?",
    "What laws are they suing under?",
    "What did the company say?",
    "What is the current status?",
    "Who is the judge?",
)


class Corpus:
    """Synthetic but shaped like the real thing: companies with several matters, stories
    with legal vocabulary plus words rare enough to tell matters apart."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        syllables = ["ka", "lo", "mi", "ter", "von", "zu", "ra", "pex", "dal", "quin", "so", "bri"]
        self.words = sorted({"".join(self.rng.choices(syllables, k=3)) for _ in range(6000)})
        self.companies = [
            f"{w.capitalize()} {self.rng.choice(['Inc.', 'Corp.', 'AI', 'Health'])}"
            for w in self.words[:4000]
        ]

    def story_text(self, company: str, topic: list[str]) -> tuple[str, str]:
        extra = self.rng.sample(self.words, 6)
        title = f"{company} sued over {topic[0]} {topic[1]} in {extra[0]} case"
        summary = (
            f"A proposed class action accuses {company} of collecting {topic[0]} {topic[1]} "
            f"{topic[2]} data without consent. The complaint seeks $1,000 per violation and "
            f"cites {extra[1]} {extra[2]} practices. {company} said it would fight the claims "
            f"about {extra[3]} and {extra[4]} {extra[5]}."
        )
        return title, summary


def load(
    engine: Engine, stories: int, cases: int, corpus: Corpus
) -> list[tuple[int, str, list[str]]]:
    """Bulk-insert `cases` cases and `stories` stories; returns (case id, company, topic)."""
    rng = corpus.rng
    with engine.begin() as conn:
        feed_id = conn.execute(
            insert(FeedRow)
            .values(name="bench", url="http://127.0.0.1/", created_at=START)
            .returning(FeedRow.id)
        ).scalar_one()
    matters = []
    case_rows = []
    for case_id in range(1, cases + 1):
        company = rng.choice(corpus.companies)
        topic = rng.sample(corpus.words, 3)
        when = START + timedelta(days=rng.uniform(0, 900))
        matters.append((case_id, company, topic))
        case_rows.append(_case_row(case_id, company, topic, when, rng))
    with engine.begin() as conn:
        for chunk in _chunks(case_rows, 2000):
            conn.execute(insert(CaseRow), chunk)
        # the lookup keys linking reads (case_keys): the defendant's, and another party's
        # drawn apart, so the stories and cases stay those of earlier runs
        other = random.Random(7)
        pairs = {
            (row["id"], key)
            for row in case_rows
            for key in (row["primary_key_name"], other.choice(corpus.companies).lower())
        }
        keys = [{"case_id": case_id, "key": key} for case_id, key in sorted(pairs)]
        for chunk in _chunks(keys, 5000):
            conn.execute(insert(CaseKeyRow), chunk)
    story_rows = []
    for n in range(stories):
        case_id, company, topic = matters[n % cases]
        title, summary = corpus.story_text(company, topic)
        when = START + timedelta(days=rng.uniform(0, 900))
        story_rows.append(_story_row(n, feed_id, case_id, company, title, summary, when, rng))
    with engine.begin() as conn:
        for chunk in _chunks(story_rows, 5000):
            conn.execute(insert(StoryRow), chunk)
        if engine.dialect.name == "postgresql":
            conn.execute(text("ANALYZE"))
    return matters


def _case_row(
    case_id: int, company: str, topic: list[str], when: datetime, rng: random.Random
) -> dict[str, Any]:
    return {
        "id": case_id,
        "title": f"{company}: {' '.join(topic)} suit",
        "summary": "",
        "defendants": [company],
        "plaintiffs": [],
        "court": rng.choice(COURTS),
        "regulator": None,
        "docket": None,
        "laws": [rng.choice(LAWS)],
        "money": [],
        "topics": ["privacy_action"],
        "stage": "filed",
        "stage_history": [{"stage": "filed", "at": when.isoformat()}],
        "first_seen": when,
        "last_update": when,
        "merged_into_id": None,
        "primary_key_name": company.split()[0].lower(),
        "terms": {t: 3.0 for t in topic} | {"collect": 1.0, "consent": 1.0},
    }


def _story_row(
    n: int,
    feed_id: int,
    case_id: int,
    company: str,
    title: str,
    summary: str,
    when: datetime,
    rng: random.Random,
) -> dict[str, Any]:
    entities = Entities(companies=(company,), laws=(rng.choice(LAWS),), stage=rng.choice(STAGES))
    return {
        "feed_id": feed_id,
        "identity": f"s{n}",
        "guid": None,
        "url": f"https://news.example/{n}",
        "title": title,
        "summary": summary,
        "outlet": rng.choice(["Reuters", "AP", "Law360"]),
        "published_at": when,
        "fetched_at": when,
        "fingerprint": None,
        "duplicate_of_id": None,
        "relevant": True,
        "score": 0.9,
        "topics": ["privacy_action"],
        "why": [],
        "entities": entities_to_json(entities),
        "case_id": case_id,
        "link_reason": "bench",
        "backfill": False,
    }


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def measure(name: str, runs: int, action: Callable[[int], object]) -> float:
    timings = []
    for i in range(runs):
        started = time.perf_counter()
        action(i)
        timings.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(timings, n=20)[18]
    verdict = "ok" if p95 < TARGETS_MS[name] else "TOO SLOW"
    print(
        f"  {name:<7} p50 {statistics.median(timings):7.1f} ms   p95 {p95:7.1f} ms   "
        f"(target {TARGETS_MS[name]:.0f} ms: {verdict})"
    )
    return p95


def bench(engine: Engine, stories: int, cases: int, runs: int) -> dict[str, float]:
    corpus = Corpus()
    started = time.perf_counter()
    matters = load(engine, stories, cases, corpus)
    print(
        f"  loaded {stories:,} stories and {cases:,} cases in {time.perf_counter() - started:.1f} s"
    )
    sessions = make_session_factory(engine)
    service = CaseService(sessions)
    rng = random.Random(11)
    pending = _new_stories(sessions, corpus, matters, runs)
    results = {
        "link": measure("link", runs, lambda i: service.attach_story(*pending[i])),
        "ask": measure(
            "ask", runs, lambda i: service.ask(str(rng.randint(1, cases)), rng.choice(QUESTIONS))
        ),
        "search": measure("search", runs, lambda i: service.search(_query(corpus, rng), 10)),
    }
    return results


def _new_stories(
    sessions: sessionmaker[Any],
    corpus: Corpus,
    matters: list[tuple[int, str, list[str]]],
    runs: int,
) -> list[tuple[int, Classification, datetime]]:
    """Stories as ingest leaves them (stored, not yet linked): linking alone is timed."""
    rng = random.Random(5)
    out = []
    for i in range(runs):
        _, company, topic = rng.choice(matters)
        title, summary = corpus.story_text(company, topic)
        when = START + timedelta(days=900, minutes=i)
        with sessions.begin() as session:
            row = StoryRow(
                feed_id=1,
                identity=f"new{i}",
                url=f"https://new.example/{i}",
                title=title,
                summary=summary,
                outlet="Reuters",
                published_at=when,
                fetched_at=when,
            )
            session.add(row)
            session.flush()
            entities = Entities(companies=(company,), laws=(rng.choice(LAWS),), stage="filed")
            judged = Classification(True, 0.9, ("privacy_action",), (), entities)
            out.append((row.id, judged, when))
    return out


def _query(corpus: Corpus, rng: random.Random) -> str:
    common = ["class action", "consent", "privacy", "collecting data", "complaint"]
    pick = rng.random()
    if pick < 0.4:
        return rng.choice(corpus.words)
    if pick < 0.8:
        return f"{rng.choice(corpus.companies).split()[0]} {rng.choice(common)}"
    return rng.choice(common)


@contextmanager
def sqlite_engine() -> Iterator[Engine]:
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        upgrade_schema(engine)
        yield engine
        engine.dispose()


@contextmanager
def postgres_engine(url: str) -> Iterator[Engine]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        upgrade_schema(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--postgres-url", default=POSTGRES_URL)
    parser.add_argument("--only", choices=["sqlite", "postgres"], default=None)
    args = parser.parse_args()
    if args.only != "postgres":
        print("SQLite:")
        with sqlite_engine() as engine:
            bench(engine, args.stories, args.cases, args.runs)
    if args.only != "sqlite":
        print("PostgreSQL:")
        with postgres_engine(args.postgres_url) as engine:
            bench(engine, args.stories, args.cases, args.runs)


if __name__ == "__main__":
    main()
