"""A readable case title from the first story: "LinkedIn: Premium InMail messages
allegedly used to train AI" rather than an outlet's headline with its site name."""

from __future__ import annotations

import re
from collections.abc import Sequence

_OUTLET_SUFFIX = re.compile(r"\s+[-|–—:]\s+[^-|–—:]{2,40}$")
_MAX_TITLE = 90


def make_case_title(defendants: Sequence[str], story_title: str, summary: str = "") -> str:
    """'<Defendant>: <what the matter is>', cut at a word boundary."""
    headline = _clean_headline(story_title) or _first_clause(summary)
    if not defendants:
        return _cut(_capitalize(headline)) or "Untitled case"
    name = defendants[0]
    rest = _strip_leading_name(headline, name)
    return _cut(f"{name}: {_capitalize(rest)}") if rest else name


def _clean_headline(title: str) -> str:
    title = " ".join(title.split())
    return _OUTLET_SUFFIX.sub("", title) if len(title) > 40 else title


def _first_clause(summary: str) -> str:
    return re.split(r"[.;]\s", summary.strip(), maxsplit=1)[0] if summary else ""


def _strip_leading_name(headline: str, name: str) -> str:
    pattern = re.compile(rf"^{re.escape(name)}(?:'s|’s)?[\s,:]+", re.IGNORECASE)
    return pattern.sub("", headline).strip(" :,-")


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _cut(text: str) -> str:
    if len(text) <= _MAX_TITLE:
        return text
    return text[:_MAX_TITLE].rsplit(" ", 1)[0].rstrip(",;:-") + "…"
