"""Extractive summaries: two or three sentences taken from the text itself, for one story
and for a whole case (what it is, then the latest development). No model involved."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.domain.models import Case, CaseStory
from bot.domain.textsim import jaccard, split_sentences, words

# Sentences carrying these are the ones a lawyer wants first.
_LEGAL_SIGNAL = re.compile(
    r"\b(?:sue[sd]?|filed|lawsuit|class action|alleg\w*|accus\w*|settle\w*|fine[sd]?|"
    r"penalt\w*|ruled|ruling|dismiss\w*|judge|court|regulator|complaint|damages|"
    r"investigat\w*|order\w*|appeal\w*|violat\w*)\b|[$€£]\s?\d",
    re.IGNORECASE,
)
_NEAR_SAME = 0.6


def summarize_story(title: str, summary: str, max_sentences: int = 2) -> str:
    """The summary's most informative sentences, in their original order."""
    sentences = split_sentences(summary)
    if not sentences:
        return title.strip()
    ranked = sorted(range(len(sentences)), key=lambda i: -_sentence_score(sentences[i], i))
    chosen = sorted(ranked[:max_sentences])
    return " ".join(sentences[i] for i in chosen)


def _sentence_score(sentence: str, position: int) -> float:
    length = len(sentence.split())
    score = 1.0 if position == 0 else 0.0
    score += 0.5 * min(len(_LEGAL_SIGNAL.findall(sentence)), 3)
    if length < 6 or length > 60:
        score -= 1.0
    return score - 0.05 * position


def summarize_case(case: Case, max_sentences: int = 3) -> str:
    """What the case is (from its first story) and where it stands (from its latest)."""
    if not case.stories:
        return case.facts.title
    picked: list[str] = []
    for story in _first_and_latest(case.stories):
        for sentence in split_sentences(summarize_story(story.title, story.summary, 2)):
            if len(picked) < max_sentences and not _repeats(sentence, picked):
                picked.append(sentence)
    return " ".join(picked)


def _first_and_latest(stories: Sequence[CaseStory]) -> list[CaseStory]:
    if len(stories) == 1:
        return [stories[0]]
    return [stories[0], stories[-1]]


def _repeats(sentence: str, picked: Sequence[str]) -> bool:
    return any(jaccard(words(sentence), words(other)) >= _NEAR_SAME for other in picked)
