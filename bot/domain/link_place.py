"""Where a matter is heard, and by whom it is brought, as linking compares them: a suit
in a US court and a claim in London's High Court are two matters, and so are a
regulator's action and a consumer class action against one company over one practice."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from bot.domain.link_facts import StoryFacts, regulators
from bot.domain.tables.places import STATES

# Forum names as extraction normalizes them ("N.D. Cal.", "3d Cir.", "Texas AG",
# "UK High Court", "Irish DPC") -> the country whose courts or regulators they are.
# EU-wide bodies (CJEU, EDPB, European Commission) sit above every member state: none.
_FORUM_COUNTRIES: tuple[tuple[str, str], ...] = (
    (
        "us",
        rf"\b[NSEWCM]\.D\. ?\w|\bD\. ?[A-Z]|\bCir\.|^U\.S\.|Cook County|^(?:{STATES})\b|"
        r"^(?:FTC|SEC|CFPB|HHS OCR|FCC|CPPA)$",
    ),
    ("uk", r"^UK |^ICO$|^CMA$"),
    ("ie", r"^Irish "),
    ("fr", r"^CNIL$|^French "),
    ("it", r"^Italian "),
    ("nl", r"^Dutch "),
    ("es", r"^Spanish "),
    ("de", r"^German |^Bundeskartellamt$|^BfDI$"),
    ("ca", r"Canada|^Ontario |^Quebec |^British Columbia "),
    ("au", r"Australia|^OAIC$"),
)
_FORUM_PATTERNS = tuple((code, re.compile(p)) for code, p in _FORUM_COUNTRIES)

# Place words a title uses when it names no court or regulator ("French rights group
# files complaint", "sues in US court"); case-sensitive so "us" the pronoun is not one.
_TITLE_PLACES: tuple[tuple[str, str], ...] = (
    ("us", r"\bU\.S\.|\bUS\b|\bAmerican\b"),
    ("uk", r"\bUK\b|\bU\.K\.|\bBritain\b|\bBritish\b|\bLondon\b|\bEngland\b"),
    ("ie", r"\bIreland\b|\bIrish\b|\bDublin\b"),
    ("fr", r"\bFrance\b|\bFrench\b|\bParis\b"),
    ("it", r"\bItaly\b|\bItalian\b"),
    ("nl", r"\bDutch\b|\bNetherlands\b"),
    ("es", r"\bSpain\b|\bSpanish\b"),
    ("de", r"\bGermany\b|\bGerman\b"),
    ("ca", r"\bCanada\b|\bCanadian\b"),
    ("au", r"\bAustralia\b|\bAustralian\b"),
)
_TITLE_PATTERNS = tuple((code, re.compile(p)) for code, p in _TITLE_PLACES)


# One EU matter crosses member states (a complaint filed in eleven of them, a German
# court and the Irish regulator on one AI-training plan): within the EU, one place.
_EU = frozenset({"ie", "fr", "it", "nl", "es", "de"})


def _place(code: str) -> str:
    return "eu" if code in _EU else code


def forum_countries(forums: Iterable[str]) -> frozenset[str]:
    """Countries of the named courts and regulators; unknown ones say nothing."""
    return frozenset(_place(c) for f in forums for c, p in _FORUM_PATTERNS if p.search(f))


@lru_cache(maxsize=8192)
def story_countries(story: StoryFacts) -> frozenset[str]:
    """The countries a story's matter is heard in: by its courts and regulators, or,
    when it names none, by the places its title names."""
    entities = story.entities
    found = forum_countries((*entities.courts, *entities.regulators, *regulators(entities)))
    if found:
        return found
    return frozenset(_place(c) for c, p in _TITLE_PATTERNS if p.search(story.title))


def place_conflict(story: StoryFacts, others: Sequence[StoryFacts]) -> tuple[float, str]:
    """The story is heard in no country the case has been heard in: a matter does not
    move between countries (appeals stay within one, and EU-wide bodies count for none)."""
    mine = story_countries(story)
    theirs = frozenset().union(*(story_countries(o) for o in others))
    if mine and theirs and not mine & theirs:
        return -0.6, "heard in another country"
    return 0.0, ""


_CLASS_ACTION = re.compile(r"\bclass[- ]action\b", re.IGNORECASE)
_REGULATOR_IN_TITLE = re.compile(
    r"\b(?:FTC|ICO|CNIL|DPC|SEC|CFPB|FCC|CPPA|EDPB|[Rr]egulator|[Ww]atchdog|[Aa]ttorneys? "
    r"[Gg]eneral|[Dd]ata [Pp]rotection (?:[Cc]ommission|[Aa]uthority))"
)
PRIVATE, AGENCY = "private", "agency"
_OUT_OF_COURT = frozenset({None, "complaint", "investigation"})


@lru_cache(maxsize=8192)
def brought_by(story: StoryFacts) -> str:
    """Who brings the matter, when the story says: a class of consumers in court
    (PRIVATE), a regulator named in the title as the actor (AGENCY), or '' when it does
    not say. A class action only threatened or complained of is not yet one."""
    in_court = story.entities.stage not in _OUT_OF_COURT
    if in_court and _CLASS_ACTION.search(f"{story.title} {story.summary}"):
        return PRIVATE
    return AGENCY if _REGULATOR_IN_TITLE.search(story.title) else ""


def bringer_conflict(story: StoryFacts, others: Sequence[StoryFacts]) -> tuple[float, str]:
    """A class action joining a case only ever reported as a regulator's action (or the
    reverse) is the other half of a pair of matters: the FTC's order and the consumers'
    suit over the same data sharing are settled, and reported, apart."""
    mine = brought_by(story)
    theirs = {brought_by(o) for o in others} - {""}
    if mine and theirs and mine not in theirs:
        return -0.6, "brought by a class, the case by a regulator (or the reverse)"
    return 0.0, ""
