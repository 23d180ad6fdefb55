"""Case-level checks when linking: facts that rule a whole case out (another
regulator, country, amount or plaintiffs than the case has shown, a fresh suit months
on) and a named plaintiff the case shares, which speaks for it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from bot.domain.case_facts import companies_match, mentioned_companies
from bot.domain.link_facts import (
    StoryFacts,
    countries,
    final_amounts,
    names_amount,
    regulators,
    same_kind,
)
from bot.domain.link_place import bringer_conflict, place_conflict


def case_conflict(
    story: StoryFacts, others: Sequence[StoryFacts], first_seen: datetime | None = None
) -> tuple[float, str]:
    """Facts that rule a whole case out even when one of its stories looks close: the
    story's regulator, country, amount or plaintiffs differ from every one the case has
    shown, or it reports a fresh suit long after the case began."""
    found = [
        _forum_conflict(story, others),
        _case_money_conflict(story, others),
        plaintiff_conflict(story, others),
        fresh_filing(story, first_seen),
        place_conflict(story, others),
        bringer_conflict(story, others),
    ]
    return min(found, key=lambda pair: pair[0], default=(0.0, ""))


def _forum_conflict(story: StoryFacts, others: Sequence[StoryFacts]) -> tuple[float, str]:
    mine = regulators(story.entities)
    theirs = frozenset().union(*(regulators(o.entities) for o in others))
    if mine and theirs and not mine & theirs:
        return -0.6, "a different regulator"
    my_countries = countries(story)
    their_countries = frozenset().union(*(countries(o) for o in others))
    if my_countries and their_countries and not my_countries & their_countries:
        return -0.3, "a different country"
    return 0.0, ""


def plaintiff_conflict(story: StoryFacts, others: Sequence[StoryFacts]) -> tuple[float, str]:
    """Both sides name who sued and no name of one appears anywhere in the other: two
    suits against one company (the ACLU's and a consumer class's)."""
    mine = named_plaintiffs(story)
    theirs = [p for o in others for p in named_plaintiffs(o)]
    if not mine or not theirs or companies_match(mine, theirs):
        return 0.0, ""
    my_text = f"{story.title} {story.summary}"
    their_text = " ".join(f"{o.title} {o.summary}" for o in others)
    if mentioned_companies(mine, their_text) or mentioned_companies(theirs, my_text):
        return 0.0, ""
    return -0.25, "different plaintiffs"


def named_plaintiffs(story: StoryFacts) -> tuple[str, ...]:
    """Plaintiffs that are names, not descriptions ("a group of authors")."""
    return tuple(p for p in story.entities.plaintiffs if p[:1].isupper() and len(p) > 2)


_NEW_SUIT = re.compile(
    r"\b(?:sues?|sued|suing|files? (?:a )?(?:suit|lawsuit|complaint)|hit with|faces? "
    r"(?:a )?(?:new )?(?:lawsuit|suit|class action)|lawsuit (?:filed|accuses|says|claims)|"
    r"(?:suit|lawsuit|class action) (?:against|over|targets?))\b",
    re.IGNORECASE,
)
NEW_SUIT_AFTER_DAYS = 60


def new_suit_title(title: str) -> bool:
    """The title announces a suit being brought ("X sued", "files suit against")."""
    return _NEW_SUIT.search(title) is not None


# later reports of the filing itself come within weeks


def fresh_filing(story: StoryFacts, first_seen: datetime | None) -> tuple[float, str]:
    """A story announcing a suit being filed, months after the case began, reports
    another suit: a matter is filed once (later steps are rulings, settlements)."""
    if first_seen is None or story.published is None or story.entities.stage != "filed":
        return 0.0, ""
    if not _NEW_SUIT.search(story.title):
        return 0.0, ""
    if (story.published - first_seen).days <= NEW_SUIT_AFTER_DAYS:
        return 0.0, ""
    return -0.35, "a new suit filed months after the case began"


def _case_money_conflict(story: StoryFacts, others: Sequence[StoryFacts]) -> tuple[float, str]:
    mine = final_amounts(story)
    theirs = set().union(*(final_amounts(o) for o in others))
    if not mine or not theirs or mine & theirs:
        return 0.0, ""
    if any(names_amount(story, o) or names_amount(o, story) for o in others):
        return 0.0, ""
    return (-0.3, "a different amount") if same_kind(mine, theirs) else (0.0, "")


def plaintiff_support(story: StoryFacts, others: Sequence[StoryFacts]) -> tuple[float, str]:
    """Who sued is half of a matter's identity: a plaintiff the case has named, named
    again (or by its initials, "ACLU"), speaks for the case."""
    theirs = [p for o in others for p in named_plaintiffs(o)]
    text = f"{story.title} {story.summary}"
    shared = companies_match(named_plaintiffs(story), theirs) or _named_in(theirs, text)
    if not shared:
        mine = named_plaintiffs(story)
        shared = _named_in(mine, " ".join(f"{o.title} {o.summary}" for o in others))
    return (0.25, f"same plaintiff {shared[0]}") if shared else (0.0, "")


def _named_in(names: Sequence[str], text: str) -> list[str]:
    found = mentioned_companies(names, text)
    return found or [n for n in names if (a := acronym(n)) and re.search(rf"\b{a}\b", text)]


def acronym(name: str) -> str:
    """'American Civil Liberties Union' -> 'ACLU'; '' for names too short to have one."""
    initials = [w[0] for w in name.split() if w[:1].isupper()]
    return "".join(initials) if len(initials) >= 3 else ""


_DECISIONS = frozenset({"appeal", "ruling", "dismissed", "verdict", "settlement", "fine_or_order"})
DECISION_APART_DAYS = 30


def decided_before(story: StoryFacts, others: Sequence[StoryFacts]) -> bool:
    """The case already reported this kind of decision on another date, and the story
    shares none of its sums: a top court rules on a matter once, so a ruling four years
    on is another matter's (White Castle's, not Six Flags')."""
    stage, when = story.entities.stage, story.published
    if stage not in _DECISIONS or when is None:
        return False
    dates = [o.published for o in others if o.entities.stage == stage and o.published]
    apart = any(abs((when - d).days) > DECISION_APART_DAYS for d in dates)
    return apart and not any(_shares_sum(story, o) for o in others)


def _shares_sum(story: StoryFacts, other: StoryFacts) -> bool:
    mine = {m.amount for m in story.entities.money if m.amount}
    return any(m.amount in mine for m in other.entities.money if m.amount)
