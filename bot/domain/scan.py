"""Fast lexicon scanning: text is case-folded once (same length, so spans map back to the
original), and tables are matched case-sensitively, which lets the regex engine skip
alternatives by their first letter."""

from __future__ import annotations

import re


def fold(text: str) -> str:
    """Lower-cased `text` with the same length ("İ" is the one letter that would grow)."""
    return text.replace("\u0130", "I").lower()


_ABBREVIATIONS = frozenset(
    ("co", "inc", "corp", "ltd", "llc", "no", "nos", "v", "vs", "mr", "ms", "mrs", "dr")
    + ("st", "jr", "sr", "u.s", "u.k", "gov", "sen", "rep", "jan", "feb", "mar", "apr")
    + ("aug", "sep", "sept", "oct", "nov", "dec")
)


def ends_sentence(text: str, mark: int) -> bool:
    """Whether the "." or ";" at `mark` ends a sentence ("Co. to pay", "U.S. judge" and
    "R.R. Martin" do not)."""
    if text[mark] != ".":
        return True
    word = text[text.rfind(" ", 0, mark) + 1 : mark]
    return not (word.casefold() in _ABBREVIATIONS or (len(word) <= 3 and word[-1:].isupper()))


def first_sentence(text: str) -> str:
    end = text.find(". ")
    while end != -1 and not ends_sentence(text, end):
        end = text.find(". ", end + 1)
    return text if end == -1 else text[: end + 1]


def split_top(pattern: str) -> list[str]:
    """The top-level alternatives of a regex fragment (`a|(b|c)|d` -> a, (b|c), d)."""
    parts, depth, start, i = [], 0, 0, 0
    in_class = False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def families(
    named: list[tuple[str, str]], gate: str = "", boundary: str = r"(?![\w])"
) -> re.Pattern[str]:
    """One regex for many lexicons that may overlap: at each word start, an optional
    lookahead per family captures its phrase, so every family is scanned in one pass.
    A leading gate skips word starts where no family matches."""
    gate = gate or "|".join(pattern for _, pattern in named)
    lookaheads = "".join(f"(?=(?P<{name}>{pattern}){boundary})?" for name, pattern in named)
    return re.compile(rf"(?<![\w-])(?=(?:{gate}){boundary}){lookaheads}")


_QUANTIFIERS = "?*+{"
_PLAIN = "abcdefghijklmnopqrstuvwxyz0123456789 '&,;:!/%#@_=<>\"-"


def trie(pattern: str, depth: int = 3) -> str:
    """The same alternation with alternatives grouped under their first plain character,
    so the engine tests ~30 first letters instead of hundreds of alternatives. Order is
    kept among alternatives that can match at the same place."""
    alternatives = split_top(pattern)
    if depth == 0 or len(alternatives) < 4:
        return pattern
    buckets: dict[str, list[str]] = {}
    for alternative in alternatives:
        head = alternative[:1]
        plain = head in _PLAIN and head != "" and alternative[1:2] not in _QUANTIFIERS
        buckets.setdefault(head if plain else "\0" + alternative, []).append(alternative)
    parts = []
    for key, group in buckets.items():
        if key.startswith("\0"):
            parts.extend(group)
        else:
            rest = trie("|".join(a[1:] for a in group), depth - 1)
            parts.append(f"{re.escape(key)}(?:{rest})" if len(group) > 1 else group[0])
    return "|".join(parts)
