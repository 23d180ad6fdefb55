"""Statute mentions: finds the laws of the one table (tables.laws) in a story, long names
first, then short forms where their context allows. Both the classifier and the extractor
read laws only through `find_laws`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.domain.scan import fold, trie
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
    mentions = _long_mentions(long_re, text)
    taken = [(m.start, m.start + len(m.text)) for m in mentions]
    for mention in _short_mentions(short_re, text):
        if not any(a <= mention.start < b for a, b in taken):
            mentions.append(mention)
    return _first_of_each(sorted(mentions, key=lambda m: m.start))


def _long_mentions(pattern: re.Pattern[str], text: str) -> list[LawMention]:
    found = []
    for match in pattern.finditer(fold(text)):
        group = match.lastgroup or ""
        if group.startswith("L"):
            start, end = match.span()
            found.append(LawMention(LAWS[int(group[1:])], text[start:end], start))
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
