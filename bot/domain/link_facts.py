"""The facts two stories are compared on when linking: parties, laws, court or
regulator, money, topic and time. Each comparison returns (weight, reason); a negative
weight says the facts point at two different matters."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from bot.domain.case_facts import companies_match, company_key, mentioned_companies, name_keys
from bot.domain.models import Entities, Topic


@dataclass(frozen=True, slots=True)
class StoryFacts:
    """A story as linking sees it."""

    title: str
    summary: str
    entities: Entities
    topics: tuple[Topic, ...] = ()
    published: datetime | None = None


def company_part(ours: StoryFacts, theirs: StoryFacts) -> tuple[float, str]:
    """Same defendant: by extracted names, or (when one side's extraction missed it) by
    the other side's defendant being named in this side's text. Only the leading names
    count fully: a suit against Otter that mentions Google is not a suit against Google."""
    a, b = parties(ours), parties(theirs)
    # One company under two names ("Amazon's Ring") is still one party.
    everyone = list({company_key(n): n for n in _shared(a, b, ours, theirs)}.values())
    if len(everyone) > 1:  # the same set of parties (OpenAI and Microsoft) says more
        return 0.4, f"same parties {', '.join(everyone[:2])}"
    lead = _shared(a[:1], b[:2], ours, theirs) and _shared(a[:2], b[:1], ours, theirs)
    if lead:
        return 0.3, f"same defendant {lead[0]}"
    if everyone and _leads_apart(a, b, ours, theirs):
        # Only names mentioned in passing are shared (the Facebook pixel both therapy
        # and drug-discount apps fed): the headline defendants differ.
        return LEADS_APART, ""
    if everyone:
        return 0.1, ""
    # Disjoint defendants, each extracted: two matters, however alike the wording.
    return (-0.6, "") if a and b else (0.0, "")


LEADS_APART = -0.3


def _leads_apart(a: Sequence[str], b: Sequence[str], ours: StoryFacts, theirs: StoryFacts) -> bool:
    """Each side's first defendant is absent from the other side's names."""
    if not (a and b and _extracted(ours) and _extracted(theirs)):
        return False
    return not companies_match(a[:1], b) and not companies_match(b[:1], a)


def _shared(a: Sequence[str], b: Sequence[str], ours: StoryFacts, theirs: StoryFacts) -> list[str]:
    """Names on both sides; a side whose extraction found no company is searched for
    the other side's names in its text instead."""
    # Report the name as the side that extracted it spells it.
    shared = companies_match(b, a) if not _extracted(ours) else companies_match(a, b)
    if not shared and not _extracted(ours):
        shared = mentioned_companies(b, f"{ours.title} {ours.summary}")
    if not shared and not _extracted(theirs):
        shared = mentioned_companies(a, f"{theirs.title} {theirs.summary}")
    return shared


def _extracted(story: StoryFacts) -> bool:
    return any(not AUTHORITY.search(c) for c in story.entities.companies)


AUTHORITY = re.compile(
    r"commission|authority|regulator|watchdog|\bcnil\b|garante|\bftc\b|\bico\b|\bdpc\b|"
    r"\bcourt\b|attorney general|ministry|agency|\boffice\b|tribunal|\bboard\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def parties(story: StoryFacts) -> tuple[str, ...]:
    """The story's companies without the regulators extraction sometimes lists among
    them ("Ireland's Data Protection Commission"); the title's names if none."""
    forums = {company_key(f) for f in (*story.entities.regulators, *story.entities.courts)}
    companies = tuple(
        c
        for c in story.entities.companies
        if not AUTHORITY.search(c) and company_key(c) not in forums
    )
    return companies or tuple(title_names(story.title))


def title_names(title: str) -> list[str]:
    """Proper names in a title. A single capitalized word opening the title is left
    out: with no company extracted it is most often a description ("Bank data
    aggregator's deal...", "Database firm settles..."), and a real name there is still
    found by searching the text for the other side's defendant."""
    first = re.match(r"\s*([A-Z][a-z]+)\b(?!\s+[A-Z])", title)
    keys = name_keys(title)
    if first and keys and keys[0] == first.group(1).lower():
        return keys[1:]
    return keys


def law_part(ours: Entities, theirs: Entities) -> tuple[float, str]:
    shared = [law for law in ours.laws if law in theirs.laws]
    if shared:
        return 0.1 * min(len(shared), 2), f"same law {shared[0]}"
    return (-0.2, "") if ours.laws and theirs.laws else (0.0, "")


def forum_part(ours: Entities, theirs: Entities) -> tuple[float, str]:
    mine, other = {*ours.courts, *ours.regulators}, {*theirs.courts, *theirs.regulators}
    if mine & other:
        return 0.1, f"same forum {sorted(mine & other)[0]}"
    ours_regulators, their_regulators = regulators(ours), regulators(theirs)
    if ours_regulators and their_regulators and not ours_regulators & their_regulators:
        return -0.6, ""  # each regulator runs its own matter, however alike the wording
    if not (mine and other):
        return 0.0, ""
    # A matter changes court on appeal, and outlets name one court several ways ("Cook
    # County Circuit Court", "Illinois state court"): a mild penalty only.
    return (-0.05, "") if "appeal" in (ours.stage, theirs.stage) else (-0.15, "")


# EU-wide bodies join national regulators' matters (one-stop shop), so they never
# contradict one.
_EU_WIDE = frozenset({"edpb", "european data protection board", "european commission"})


@lru_cache(maxsize=8192)
def regulators(entities: Entities) -> frozenset[str]:
    """Regulators named, including those extraction listed among the companies."""
    named = [*entities.regulators, *(c for c in entities.companies if AUTHORITY.search(c))]
    return frozenset(key for key in map(company_key, named) if key not in _EU_WIDE)


_FINAL_MONEY = ("settlement", "fine", "verdict")


def money_part(ours: StoryFacts, theirs: StoryFacts) -> tuple[float, str]:
    """The same settlement or fine amount is strong evidence of the same matter; two
    different ones usually mean two matters, unless one story names the other's amount
    ("raised the deal from $550 million to $650 million")."""
    mine = final_amounts(ours)
    other = final_amounts(theirs)
    if mine & other:
        return 0.25, "same amount"
    if any_amount_part(ours, theirs)[0]:
        return any_amount_part(ours, theirs)
    if names_amount(ours, theirs) or names_amount(theirs, ours):
        return 0.1, "names the same amount"
    return (-0.15, "") if same_kind(mine, other) else (0.0, "")


# What a company pays to end a matter: outlets call one FTC payment a fine or a
# settlement. A verdict stays apart: a matter may settle for less after one.
_PAID = {"settlement": "paid", "fine": "paid"}


def same_kind(mine: set[tuple[str, float]], theirs: set[tuple[str, float]]) -> bool:
    """Both sides hold a final sum of one kind (a settlement and a fine are one kind)."""
    kinds = {_PAID.get(k, k) for k, _ in mine}
    return any(_PAID.get(k, k) in kinds for k, _ in theirs)


def final_amounts(story: StoryFacts) -> set[tuple[str, float]]:
    return {(m.kind, m.amount) for m in story.entities.money if m.kind in _FINAL_MONEY and m.amount}


def names_amount(story: StoryFacts, other: StoryFacts) -> bool:
    text = f"{story.title} {story.summary}".lower()
    money = other.entities.money
    return any(m.text.lower() in text for m in money if m.kind in _FINAL_MONEY and m.text)


def topic_part(ours: Sequence[Topic], theirs: Sequence[Topic]) -> tuple[float, str]:
    if not ours or not theirs:
        return 0.0, ""
    return (0.05, "") if set(ours) & set(theirs) else (-0.1, "")


def time_part(published: datetime | None, other: datetime | None) -> tuple[float, str]:
    if published is None or other is None:
        return 0.0, ""
    gap_days = abs((published - other).days)
    return (-0.1, "") if gap_days > 730 else (0.0, "")


# Countries whose regulators run their own matters: "Greece fines X" is not "Italy fines X".
_COUNTRIES = {
    "italy": "it", "italian": "it", "france": "fr", "french": "fr", "greece": "gr",
    "greek": "gr", "hellenic": "gr", "dutch": "nl", "netherlands": "nl", "ireland": "ie",
    "irish": "ie", "britain": "uk", "british": "uk", "uk": "uk", "spain": "es",
    "spanish": "es", "germany": "de", "german": "de", "austria": "at", "austrian": "at",
    "norway": "no", "norwegian": "no", "sweden": "se", "swedish": "se", "canada": "ca",
    "canadian": "ca", "australia": "au", "australian": "au", "korea": "kr", "korean": "kr",
    "japan": "jp", "brazil": "br", "turkey": "tr", "poland": "pl", "polish": "pl",
    "belgium": "be", "belgian": "be", "denmark": "dk", "danish": "dk",
}  # fmt: skip


@lru_cache(maxsize=8192)
def countries(story: StoryFacts) -> frozenset[str]:
    """Countries a regulator story's title names (only regulator matters: a US suit that
    mentions Ireland is still a US suit)."""
    if not regulators(story.entities) and story.entities.stage not in ("fine_or_order",):
        return frozenset()
    words = re.findall(r"[a-z]+", story.title.lower().replace("'s", ""))
    return frozenset(_COUNTRIES[w] for w in words if w in _COUNTRIES)


_DEVELOPMENTS = ("settlement", "verdict", "fine_or_order", "dismissed", "ruling", "appeal")


def development_part(ours: StoryFacts, theirs: StoryFacts) -> tuple[float, str]:
    """Two reports of the same kind of development (a fine, a dismissal) within days:
    outlets covering one event, worded differently."""
    stage = ours.entities.stage
    if stage not in _DEVELOPMENTS or stage != theirs.entities.stage:
        return 0.0, ""
    if ours.published is None or theirs.published is None:
        return 0.0, ""
    close = abs((ours.published - theirs.published).days) <= 7
    return (0.15, f"same development ({stage}) within days") if close else (0.0, "")


def any_amount_part(ours: StoryFacts, theirs: StoryFacts) -> tuple[float, str]:
    """The same large figure under different kinds (a verdict one outlet calls damages):
    an exact sum is rarely shared by two matters."""
    mine = {m.amount for m in ours.entities.money if m.amount and m.amount >= 100_000}
    other = {m.amount for m in theirs.entities.money if m.amount and m.amount >= 100_000}
    return (0.2, "same amount") if mine & other else (0.0, "")
