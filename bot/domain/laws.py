"""Statute mentions: finds the laws of the one table (tables.laws) in a story, long names
first, then short forms where their context allows. Both the classifier and the extractor
read laws only through `find_laws`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.domain.scan import fold, trie
from bot.domain.tables.law_descriptions import (
    BARE_TOPICS,
    LAW_WORDS,
    NOUNS,
    PLACE_LAWS,
    STATE_LAWS,
    TOPICS,
)
from bot.domain.tables.laws import BLOCKERS, LAWS, Law

__all__ = ["LAWS", "Law", "LawMention", "find_laws", "law_by_name"]


@dataclass(frozen=True, slots=True)
class LawMention:
    law: Law
    text: str  # as written in the story
    start: int


def law_by_name(name: str) -> Law | None:
    return next((law for law in LAWS if law.name == name), None)


def find_laws(text: str) -> list[LawMention]:
    """Every statute named in `text`, first mention of each, in order of appearance."""
    long_re, short_re = _compiled()
    folded = fold(text)
    mentions = _long_mentions(long_re, text, folded)
    taken = [(m.start, m.start + len(m.text)) for m in mentions]
    for mention in [*_short_mentions(short_re, text), *_described_mentions(text, folded)]:
        if not any(a <= mention.start < b for a, b in taken):
            mentions.append(mention)
    return _first_of_each(sorted(mentions, key=lambda m: m.start))


def _long_mentions(pattern: re.Pattern[str], text: str, folded: str) -> list[LawMention]:
    found = []
    for match in pattern.finditer(folded):
        group = match.lastgroup or ""
        if group.startswith("L"):
            law = LAWS[int(group[1:])]
            if law.anti_context and re.search(law.anti_context, text, re.IGNORECASE):
                continue
            start, end = match.span()
            found.append(LawMention(law, text[start:end], start))
    return found


def _short_mentions(pattern: re.Pattern[str], text: str) -> list[LawMention]:
    found = []
    for match in pattern.finditer(text):
        law = LAWS[int((match.lastgroup or "S0")[1:])]
        if _context_allows(law, text):
            found.append(LawMention(law, match.group(), match.start()))
    return found


def _context_allows(law: Law, text: str) -> bool:
    if law.context and not re.search(law.context, text):
        return False
    return not (law.anti_context and re.search(law.anti_context, text, re.IGNORECASE))


def _first_of_each(mentions: list[LawMention]) -> list[LawMention]:
    seen: set[str] = set()
    unique = []
    for mention in mentions:
        if mention.law.name not in seen:
            seen.add(mention.law.name)
            unique.append(mention)
    return unique


@cache
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str]]:
    blockers = f"(?P<B>{'|'.join(BLOCKERS)})"
    longs = [f"(?P<L{i}>{'|'.join(law.aliases)})" for i, law in enumerate(LAWS)]
    shorts = [
        f"(?P<S{i}>{'|'.join(re.escape(s) for s in law.short_forms)})"
        for i, law in enumerate(LAWS)
        if law.short_forms
    ]
    gate = trie("|".join([*BLOCKERS, *(a for law in LAWS for a in law.aliases)]))
    long_re = re.compile(rf"\b(?=(?:{gate})\b)(?:" + "|".join([blockers, *longs]) + r")\b")
    short_re = re.compile(r"(?<![\w-])(?:" + "|".join(shorts) + r")(?![\w-])")
    return long_re, short_re


def _described_mentions(text: str, folded: str) -> list[LawMention]:
    """Statutes described by place and subject ("California's eavesdropping statute")."""
    topic_re, place_re, states_re = _described()
    found = []
    for match in _subjects(topic_re, folded):
        topic, window = match.lastgroup or "", max(0, match.start() - 48)
        place = place_re.search(folded, window, match.start())
        where = place.group("p") if place else ""
        name = _described_law(where, topic, states_re, folded)
        law = law_by_name(name) if name else None
        if law:
            start = place.start("p") if place else match.start()
            found.append(LawMention(law, text[start : match.end()], start))
    return found


def _subjects(topic_re: re.Pattern[str], folded: str) -> list[re.Match[str]]:
    """Subject-and-noun matches, searched only just before a word for law: plain `find`
    skips most stories at memchr speed (this runs on every story)."""
    found: dict[int, re.Match[str]] = {}
    for noun in LAW_WORDS:
        at = folded.find(noun)
        while at >= 0:
            end = at + len(noun)
            plural = end + (folded[end : end + 1] == "s")
            if not folded[plural : plural + 1].isalpha():
                for match in topic_re.finditer(folded, max(0, at - 60), plural + 1):
                    found.setdefault(match.start(), match)
            at = folded.find(noun, end)
    return [found[start] for start in sorted(found)]


def _described_law(place: str, topic: str, states_re: re.Pattern[str], folded: str) -> str:
    """The statute on `topic` of `place`; "the state's" (or no place, for the subjects
    that allow it) is the first US state the story names that has one."""
    named = STATE_LAWS.get(place) or PLACE_LAWS.get(place)
    if named is not None:
        return named.get(topic, "")
    if place or topic in BARE_TOPICS:
        states = (m.group() for m in states_re.finditer(folded))
        return next((STATE_LAWS[s][topic] for s in states if topic in STATE_LAWS[s]), "")
    return ""


@cache
def _described() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    topics = "|".join(f"(?P<{name}>{pattern})" for name, pattern in TOPICS.items())
    names = sorted([*STATE_LAWS, *PLACE_LAWS], key=len, reverse=True)
    places = "|".join(re.escape(n) for n in names)
    gate = trie("|".join(TOPICS.values()))
    topic_re = re.compile(rf"(?<![\w-])(?=(?:{gate}) )(?:{topics}) (?:{NOUNS})\b")
    # The place ends where the subject starts, up to two words before it ("Canada's
    # federal privacy law", "the EU's landmark privacy law").
    place_re = re.compile(
        rf"(?<![\w-])(?P<p>{places}|(?<=the )state|its)(?:['’]s?)? (?:[\w-]+ ){{0,2}}$"
    )
    return topic_re, place_re, re.compile(rf"\b(?:{'|'.join(STATE_LAWS)})\b")
