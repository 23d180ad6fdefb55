"""A follow-up that names no company ("the Idaho data broker", "the bank data
aggregator") may come months after its case went quiet, outside the recent window:
such a story looks its case up by its distinctive words instead."""

from __future__ import annotations

from bot.domain.link_case import new_suit_title
from bot.domain.link_facts import AUTHORITY, StoryFacts
from bot.domain.textsim import STOPWORDS, words

LOOKUP_TERMS = 8  # words sent to the full-text index


def looks_up_by_wording(story: StoryFacts) -> bool:
    """Only a story naming no company, and not announcing a suit: a story that names its
    company finds the case by that name, and a fresh suit is a new matter however alike
    its wording (White Castle's BIPA suit is not Six Flags')."""
    if any(not AUTHORITY.search(c) for c in story.entities.companies):
        return False
    return not (story.entities.stage == "filed" and new_suit_title(story.title))


def lookup_words(story: StoryFacts) -> list[str]:
    """The title's longer words first (the title names the matter), then the summary's,
    without common words; the index ranks the rarer ones higher."""
    seen: dict[str, None] = {}
    for text in (story.title, story.summary):
        for word in words(text):
            if len(word) > 3 and word not in STOPWORDS and not word.isdigit():
                seen.setdefault(word, None)
    return list(seen)[:LOOKUP_TERMS]
