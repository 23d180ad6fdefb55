"""feedparser's own 2,106 test feeds through parse + normalize: nothing crashes, every
failure is a ParseError with a reason, and most files that hold entries yield stories.
Skipped when the shared corpus is absent (a user's clone has no ../shared)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.errors import ParseError
from bot.services.ingest import ingest_feed

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "feed-corpus" / "feedparser"
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared feed corpus is not here")
def test_every_corpus_file_parses_or_fails_with_a_reason() -> None:
    outcomes: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for path in sorted(CORPUS.glob("*.xml")):
        try:
            result = ingest_feed(path.read_bytes(), {}, "http://127.0.0.1/feed", path.stem, NOW)
        except ParseError as error:
            assert str(error), path.name
            outcomes["rejected"] += 1
            reasons[str(error).split(":")[0]] += 1
            continue
        outcomes["stories" if result.stories else "no entries"] += 1
        for story in result.stories:
            assert story.identity and len(story.identity) <= 300, path.name
            assert story.published is None or story.published <= NOW, path.name
    total = sum(outcomes.values())
    assert total > 2000
    # Most of feedparser's tests check feed-level elements and have no entries; those
    # with entries must turn into stories, and rejections stay a minority.
    assert outcomes["stories"] > 0.4 * total, outcomes
    assert outcomes["rejected"] < 0.02 * total, (outcomes, reasons.most_common(5))
