"""The legal facts of a story: companies (defendants first), laws, money with its kind,
courts and regulators, docket numbers, the stage, plaintiffs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from bot.domain.companies import (
    after_verb_pattern,
    find_known,
    is_plausible_name,
    known_name,
    unknown_pattern,
)
from bot.domain.courts import REGULATOR, find_bodies
from bot.domain.facts import find_dockets, find_stage
from bot.domain.laws import find_laws
from bot.domain.models import Entities
from bot.domain.money import find_money
from bot.domain.textfeatures import clean_text

_DEFENDANT_BEFORE = (
    r"(?:sue[sd]?|suing|against|fine[sd]?|fining|orders?|ordered|probes?|investigat\w+|"
    r"penali[sz]e[sd]?|accuses?|accused|targets?|charges?|charged|settlement with|"
    r"(?:probe|investigation|inquiry|case|complaints?|lawsuits?|suit) (?:into|of|against|over)|"
    r"reprimands?|bans?|blocks?|tells|told|forces?|forced) "
    r"(?:(?:its|the|rival|parent|tech giant|social media giant|company|firm|app|\w+'s) ){0,3}$"
)
_DEFENDANT_AFTER = (
    r"^(?:'s?)? ?(?:\([^)]{0,40}\) )?(?:,[^,]{1,60}, )?(?:(?:was|has been|is|were|will be|got|"
    r"has|had|could be|would) )?(?:sued|fined|fac(?:es|ed|ing)|agree[sd]?|settle[sd]?|settles|"
    r"to (?:pay|settle|delete|stop)|must|will pay|pays|paid|accused|ordered|hit with|violated|"
    r"illegally|unlawfully|secretly|allegedly|loses|lost|den(?:ies|ied)|appeals?|"
    r"appealed|asks?|moves?|sought|can't|cannot|failed|shared|sold|collected|used|uses|"
    r"tracked|recorded|scraped|trained|harvested|disclosed|gave|sends?|sent|violates|"
    r"broke|breached|misled|deceived|under)\b"
)
_PLAINTIFF_AFTER = (
    r"^(?:'s?)? ?(?:(?:has|have|had) )?(?:sues|sued|is suing|are suing|files? suit against|"
    r"filed (?:a )?(?:lawsuit|suit|complaint) against|takes?|took|drags?) "
)
_PLAINTIFF_BEFORE = r"(?:sued by|brought by|filed by|on behalf of|lawsuit from|suit from) $"


@dataclass(frozen=True, slots=True)
class _Mention:
    name: str
    start: int
    end: int


def extract_entities(title: str, summary: str) -> Entities:
    title, summary = clean_text(title), clean_text(summary)
    text = f"{title}. {summary}" if title else summary
    bodies = find_bodies(text)
    body_names = {b.name for b in bodies}
    defendants, others, plaintiffs = _parties(text, len(title), body_names)
    return Entities(
        companies=tuple(defendants + others),
        laws=tuple(m.law.name for m in find_laws(text)),
        money=tuple(find_money(text)),
        courts=tuple(b.name for b in bodies),
        dockets=tuple(find_dockets(text)),
        stage=find_stage(title, summary),
        plaintiffs=tuple(plaintiffs),
        regulators=tuple(b.name for b in bodies if b.kind == REGULATOR),
    )


def _parties(
    text: str, title_end: int, exclude: set[str]
) -> tuple[list[str], list[str], list[str]]:
    """Defendants: named with a legal verb, headline first; then the headline's first
    company; plaintiffs ("X sues Y", "sued by X") never lead."""
    mentions = [m for m in _mentions(text) if m.name not in exclude]
    roles = [_role(text, m, mentions[i + 1 :]) for i, m in enumerate(mentions)]
    plaintiffs = _unique(m.name for m, r in zip(mentions, roles, strict=True) if r == "plaintiff")
    ranked = sorted(
        range(len(mentions)),
        key=lambda i: (-_rank(mentions[i], roles[i], title_end), mentions[i].start),
    )
    ordered = _unique(mentions[i].name for i in ranked if mentions[i].name not in plaintiffs)
    cued = {m.name for m, r in zip(mentions, roles, strict=True) if r == "defendant"}
    defendants = [n for n in ordered if n in cued] or ordered[:1]
    others = [n for n in _unique(m.name for m in mentions) if n not in defendants]
    return defendants, others, plaintiffs


def _rank(mention: _Mention, role: str | None, title_end: int) -> int:
    return (2 if role == "defendant" else 0) + (3 if mention.start < title_end else 0)


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _role(text: str, mention: _Mention, later: list[_Mention]) -> str | None:
    before = text[max(0, mention.start - 60) : mention.start]
    after = text[mention.end : mention.end + 80]
    patterns = _patterns()
    if patterns["plaintiff_after"].search(after) and any(
        m.start - mention.end < 60 and m.name != mention.name for m in later[:2]
    ):
        return "plaintiff"
    if patterns["plaintiff_before"].search(before):
        return "plaintiff"
    if patterns["defendant_before"].search(before) or patterns["defendant_after"].search(after):
        return "defendant"
    return None


def _mentions(text: str) -> list[_Mention]:
    found = [_Mention(known_name(m), m.start(), m.end()) for m in find_known(text)]
    spans = [(m.start, m.end) for m in found]
    for pattern in (unknown_pattern(), after_verb_pattern()):
        for match in pattern.finditer(text):
            name, start = match.group("name"), match.start("name")
            if is_plausible_name(name) and not any(a <= start < b for a, b in spans):
                found.append(_Mention(name, start, match.end("name")))
                spans.append((start, match.end("name")))
    return sorted(found, key=lambda m: m.start)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "defendant_before": re.compile(_DEFENDANT_BEFORE, re.IGNORECASE),
        "defendant_after": re.compile(_DEFENDANT_AFTER, re.IGNORECASE),
        "plaintiff_after": re.compile(_PLAINTIFF_AFTER, re.IGNORECASE),
        "plaintiff_before": re.compile(_PLAINTIFF_BEFORE, re.IGNORECASE),
    }
