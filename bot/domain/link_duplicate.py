"""Near-identical copies: a stored story that is the new one reworded by another
outlet, unless its facts (company, law, forum, amount) say it is another matter."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from bot.domain.link_evidence import StoredStory
from bot.domain.link_facts import StoryFacts, company_part, forum_part, law_part, money_part
from bot.domain.textsim import jaccard, words

DUPLICATE_THRESHOLD = 0.6  # word-set overlap of two stories that are one story reworded


def find_duplicate(story: StoryFacts, stored: Sequence[StoredStory]) -> StoredStory | None:
    """A stored story that is this one reworded by another outlet, if any: the closest
    in wording whose facts do not contradict it."""
    mine = _word_set(story)
    scored = [(jaccard(mine, _word_set(other.facts)), other) for other in stored]
    close = sorted((p for p in scored if p[0] >= DUPLICATE_THRESHOLD), key=lambda p: -p[0])
    return next((other for _, other in close if not _facts_conflict(story, other.facts)), None)


def _facts_conflict(story: StoryFacts, other: StoryFacts) -> bool:
    """Same words, different matter: "UK fines X" and "France fines X" for scraping."""
    a, b = story.entities, other.entities
    parts = (
        company_part(story, other),
        law_part(a, b),
        forum_part(a, b),
        money_part(story, other),
    )
    return any(weight < 0 for weight, _ in parts)


@lru_cache(maxsize=8192)
def _word_set(story: StoryFacts) -> frozenset[str]:
    return frozenset(words(f"{story.title} {story.summary}"))
