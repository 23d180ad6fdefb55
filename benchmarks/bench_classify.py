"""Throughput of classify + extract on one core, start-up (model load, regex compile)
excluded. Run: python benchmarks/bench_classify.py"""

from __future__ import annotations

import time

from bot.domain.classify import classify
from bot.evaluation.corpus import default_corpus_dir, load_split


def stories_per_second(rounds: int = 5) -> float:
    items = load_split(default_corpus_dir(), "train") or []
    stories = [(i.title, i.summary) for i in items] or [("Meta sued", "over data")] * 100
    classify(*stories[0])  # start-up: load the model and compile the patterns
    started = time.perf_counter()
    for _ in range(rounds):
        for title, summary in stories:
            classify(title, summary)
    return rounds * len(stories) / (time.perf_counter() - started)


if __name__ == "__main__":
    print(f"classify + extract: {stories_per_second():,.0f} stories/second")
