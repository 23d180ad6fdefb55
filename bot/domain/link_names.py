"""Which of the extractor's company names linking may trust: it sometimes returns a
description ("Delivery app"), a place ("San Jose", "Sandpoint-based") or the news
agency a story quotes; treating those as defendants splits matters apart."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.domain.link_facts import StoryFacts

# Places outlets put before a company ("the San Jose videoconferencing company").
_PLACES = frozenset(
    {
        "san jose", "san francisco", "los angeles", "new york", "washington", "seattle",
        "chicago", "boston", "silicon valley", "california", "illinois", "texas", "idaho",
        "virginia", "florida", "london", "paris", "dublin", "brussels", "berlin", "tokyo",
        "seoul", "ireland", "france", "europe", "germany", "italy", "spain", "canada",
        "america", "united states", "u.s.", "us", "uk", "eu",
    }
)  # fmt: skip
_SOURCE = r"(?:reported|reports|said|says|reporting|first reported)"


def plausible_companies(companies: tuple[str, ...], title: str, summary: str) -> tuple[str, ...]:
    """The names that read as parties in this text, in their original order."""
    text = f"{title}. {summary}"
    return tuple(name for name in companies if _plausible(name, text))


def with_plausible_companies(story: StoryFacts) -> StoryFacts:
    kept = plausible_companies(story.entities.companies, story.title, story.summary)
    if kept == story.entities.companies:
        return story
    return replace(story, entities=replace(story.entities, companies=kept))


def _plausible(name: str, text: str) -> bool:
    lowered = name.lower().strip()
    if "-based" in lowered or lowered in _PLACES:
        return False
    return not _only_a_source(name, text) and not _common_word(name, text)


def _only_a_source(name: str, text: str) -> bool:
    """A wire service quoted ("the Associated Press reported") is no party, unless the
    text also names it some other way."""
    quoted = re.escape(name)
    mentions = len(re.findall(rf"\b{quoted}\b", text))
    attributions = len(
        re.findall(rf"\b{quoted}\s+{_SOURCE}\b|according to (?:the )?{quoted}\b", text)
    )
    return mentions > 0 and attributions == mentions


def _common_word(name: str, text: str) -> bool:
    """One word capitalized only where a sentence starts, and written in lower case
    elsewhere ("Therapy app shared ... the therapy service"), is a description."""
    if " " in name.strip() or not name[:1].isupper() or not name[1:].islower():
        return False
    if not re.search(rf"\b{re.escape(name.lower())}\b", text):
        return False
    starts = (m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", text))
    return all(_sentence_start(text, at) for at in starts)


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:;"
