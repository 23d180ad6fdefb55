"""What a sum of money is: the governing phrase nearest the figure in its sentence
decides ("fined", "to pay ... to settle", "seeks", "jury awarded", "licensing deal worth"),
then who is paid adjusts it (a federal agency's or a data regulator's payment is a fine,
a refund to users a settlement). Conventions: tests/data/classify/SCHEMA.md."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import cast

from bot.domain.models import MoneyKind
from bot.domain.scan import ends_sentence, trie

# Kind -> cues; the nearest cue decides (ties: the earlier entry). "value" cues ("worth",
# "valued at") defer to the thing valued: a deal signed is `other`, a settlement a settlement.
_CUES: tuple[tuple[str, str], ...] = (
    (
        "statutory_damages",
        r"statutory damages|per user|(?:for )?(?:each|per|every) (?:violation|contravention)|"
        r"maximum (?:civil )?penalt(?:y|ies)",
    ),
    (
        "verdict",
        r"verdicts?|jury|juries|jurors|awarded|award(?:s|ing)?|found liable|judgments?",
    ),
    # Paid because someone ordered it: a jury's verdict, else a fine (see _imposed_kind).
    ("imposed", r"order(?:s|ed)? (?:[\w.&'-]+ ){0,5}to pay"),
    (
        "fine",
        r"penalty payments?|fine[sd]?|fining|penalt(?:y|ies)|sanction\w*|levied|levies|"
        r"slap(?:s|ped)|impos(?:es|ed|ing)|forfeitures?|amende|bußgeld|multa|boete|"
        r"penali[sz](?:es|ed|ing)",
    ),
    (
        "settlement",
        r"settle\w*|agreed to pay|agrees to pay|agree to pay|to pay|pay|pays|paid|paying|"
        r"payments?|payout|pay out|resolv\w+|(?:consumer )?restitution fund|in restitution|"
        r"disgorgement|fund|deal|"
        r"agreement|refund\w*|redress|"
        r"reimburs\w+|receive|eligible|claimants?|class members?|(?:can|may|could) claim",
    ),
    (
        "damages_sought",
        r"seek\w*|sought|demand\w*|damages|claims?|asks?|asking|compensation|restitution|"
        r"(?:could|may|might|would|will|to) face|faces|facing",
    ),
    (
        "other",
        r"invest\w*|spend\w*|additional|revenue|raised|licens\w+|signs?|signed|partnerships?|"
        r"offers?|offered|bid|auction|acquisition|acquir\w+|bought|funding|content deal|"
        r"sold for|(?:sale|purchase) price|(?:damages|liability) exposure|"
        r"exposing (?:[\w'-]+ ){0,4}to (?:potential )?(?:damages|liability)",
    ),
    ("value", r"worth|valu(?:ed|ation)"),
)
_VALUE = len(_CUES) - 1
_OTHER = _VALUE - 1
# Who is paid: a US federal agency or a data regulator imposes a fine even when the story
# says "agreed to pay to settle"; state attorneys general and HHS reach settlements.
_ENFORCER = re.compile(
    r"\b(?:FTC|Federal Trade Commission|CFPB|Consumer Financial Protection Bureau|FCC|SEC|"
    r"Justice Department|Department of Justice|DOJ|regulators?|watchdogs?|data protection|"
    r"authorit(?:y|ies)|inspectorate|"
    r"privacy (?:protection )?agency|CPPA|CNIL|ICO|DPC|Garante|commissioner|"
    r"civil (?:money )?penalt\w+)\b",
    re.IGNORECASE,
)
# "The money will be used to compensate consumers", "affected people can apply to a
# payment scheme": what an enforcer collects goes back to people, so it is a settlement.
_PAID_TO_PEOPLE = re.compile(
    r"\b(?:the|that) (?:money|sum|payment|amount|funds?) (?:will|would|is to|goes?) "
    r"[^.]{0,40}(?:refund|compensat|redress|consumers|customers|users)|"
    r"payment (?:scheme|program)|affected (?:people|users|customers|consumers) can",
    re.IGNORECASE,
)
_VALUED = re.compile(r"\b(?:valued at|worth)\W*(?:about |around |roughly |at least )?\S*$")
_NOT_A_FINE = re.compile(
    r"refund|redress|restitution|to (?:consumers|customers|users|residents|claimants)|"
    r"class|claimants|eligible|class action|lawsuit|states|attorneys? general|recipients?",
    re.IGNORECASE,
)
# At most two lower-case words between a figure and its head noun, after an optional
# "in a", "for the", "as": "$275 million in a civil penalty", "for a consumer fund".
_APPOSITIVE = re.compile(r", (?:the|a|an) (?:[\w-]+ ){0,3}")
_HEAD_GAP = re.compile(r"(?: (?:in|for|as)(?: an?| the)?)?(?: [a-z-]+){0,2} ")
# Head nouns that say what a sum is, so they outrank the verb before it ("will pay
# $650,000 in penalties"); "damages" or "claims" after a figure say less.
_STRONG_HEADS = ("statutory_damages", "verdict", "fine", "settlement")
_MEASURE = re.compile(
    r"\b(?:each|every) (?:type of )?(?:violation|contravention|infringement)\b", re.I
)
# "... $2.1 million per calendar year for each type of violation": the statute's measure.
_MEASURE_AFTER = re.compile(
    r"[^.;,]{0,40}?\b(?:for|per) (?:each|every) (?:type of )?(?:(?:negligent|intentional|"
    r"reckless|willful|wilful) )?(?:violation|contravention)\b|"
    r"[^.;,]{0,20}?\b(?:for each|per) (?:negligent|intentional|reckless|willful)"
    r"(?: or (?:negligent|intentional|reckless|willful))? one\b",
    re.IGNORECASE,
)
# Sums each person asks for in punitive or moral damages are what is sought, not a
# statute's measure; so is any per-person sum claimed outside the US.
_PERSONAL_UNITS = ("user", "member", "person", "plaintiff", "claimant", "consumer", "customer")
_COMPENSATION = re.compile(r"\b(?:punitive|compensat\w+|moral damages)\b", re.IGNORECASE)
_UNDER_STATUTE = re.compile(r"[^.;]{0,30}?\bunder (?:the )?[A-Z]")
_JURY = re.compile(r"\b(?:jury|juries|jurors|verdict|trial)\b", re.IGNORECASE)
_STATUTORY_UNITS = ("violation", "infringement", "work", "contravention")
# "will pay Reddit $60 million a year for access to its posts": a purchase, not a payout;
# a deal paid yearly is a licence (settlements and fines are not paid by the year).
_BOUGHT_AFTER = re.compile(
    r"(?: (?:a|per) (?:year|month)| annually| yearly)\b|,? for (?:[\w-]+ ){0,2}"
    r"(?:access to|rights? to|licen[cs](?:e|es|ing) (?:to|of|for))\b",
    re.IGNORECASE,
)
_SETTLED = re.compile(r"\bsettle(?:s|d|ment)?\b(?!.{0,40}\bstatutory)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    order: int


def find_cues(folded: str) -> list[Cue]:
    """Every kind cue in case-folded text (`scan.fold`), scanned once per story."""
    return [
        Cue(m.start(), m.end(), int((m.lastgroup or "k0")[1:]))
        for m in _compiled().finditer(folded)
    ]


def money_kind(text: str, start: int, end: int, cues: list[Cue], per: str) -> MoneyKind:
    """The kind of the figure at text[start:end] (`per` its unit: "per user", "a day")."""
    lo, hi = sentence_bounds(text, start, end)
    local = [c for c in cues if lo <= c.start and c.end <= hi]
    nearest = _valued_thing(text, start, local, cues)
    nearest = nearest or _nearest(text, start, end, local) or _nearest(text, start, end, cues)
    if per:
        if _sought_per_person(text, start, end, per, nearest, hi):
            return "damages_sought"
        return _per_unit_kind(text, per, nearest)
    if _MEASURE.search(text, lo, start) or _MEASURE_AFTER.match(text, end):
        return "statutory_damages"  # "each violation carries up to $7,500 in penalties"
    kind = _as_kind(nearest or "other")
    if kind == "settlement" and _BOUGHT_AFTER.match(text, end):
        return "other"
    if nearest == "imposed":
        return _imposed_kind(text, lo, hi)
    if kind == "settlement" and _paid_to_enforcer(text, lo, hi, text[start:end]):
        return "settlement" if _PAID_TO_PEOPLE.search(text) else "fine"
    return kind


def _valued_thing(text: str, start: int, local: list[Cue], cues: list[Cue]) -> str | None:
    """ "The stake was valued at $51.75 million": when "valued at"/"worth" is the only cue
    before the figure in its sentence, the sum is what the story was last talking about
    (the nearest kind cue before it, in an earlier sentence if need be)."""
    before = [c for c in local if c.end <= start]
    if not before or any(c.order != _VALUE for c in before):
        return None
    if not _VALUED.search(text, max(0, start - 40), start):
        return None
    value = before[-1]
    earlier = [c for c in cues if c.end <= value.start and c.order not in (_VALUE, _OTHER)]
    # A deal or a penalty is what gets valued; "claims" named since are not.
    strong = [c for c in earlier if _CUES[c.order][0] in _STRONG_HEADS]
    return _kind_of((strong or earlier)[-1]) if earlier else None


def _sought_per_person(
    text: str, start: int, end: int, per: str, nearest: str | None, hi: int
) -> bool:
    """ "C$1,000 per member in punitive damages", "EUR 500 per user" claimed: sought."""
    if nearest != "damages_sought" or not per.split()[-1].rstrip("s").endswith(_PERSONAL_UNITS):
        return False
    if _UNDER_STATUTE.match(text, end):
        return False  # "£750 per person under the Data Protection Act"
    dollars = text[start:end].lstrip().lower().startswith(("$", "us$", "usd"))
    return not dollars or bool(_COMPENSATION.search(text, end, hi))


def _as_kind(name: str) -> MoneyKind:
    return cast(MoneyKind, "fine" if name == "imposed" else name)


def _imposed_kind(text: str, lo: int, hi: int) -> MoneyKind:
    """ "ordered to pay": by a jury a verdict; to people or states a settlement; else a
    fine (a regulator's or a court's penalty)."""
    if _JURY.search(text, lo, hi):
        return "verdict"
    return "settlement" if _NOT_A_FINE.search(text, lo, hi) else "fine"


def _nearest(text: str, start: int, end: int, cues: list[Cue]) -> str | None:
    ranked = sorted(cues, key=lambda c: (_distance(text, c, start, end), c.order))
    ranked = [c for c in ranked if _distance(text, c, start, end) >= 0]
    if not ranked:
        return None
    if ranked[0].order != _VALUE:
        return _kind_of(ranked[0])
    # "worth $250 million": a signed or licensed deal is `other`; else what is valued.
    if any(c.order == _OTHER for c in ranked):
        return "other"
    rest = [c for c in ranked if c.order != _VALUE]
    return _kind_of(rest[0]) if rest else "other"


def _distance(text: str, cue: Cue, start: int, end: int) -> float:
    """Characters between cue and figure; cues after the figure count 1.5 times and start
    further off ("fined $5M" beats "$5M, the settlement says"), unless the cue is the
    figure's head noun ("a $4 million civil penalty", "$52 million payment")."""
    if cue.end <= start:
        return start - cue.end
    if cue.start < end:
        return -1
    if _APPOSITIVE.fullmatch(text, end, cue.start) and _CUES[cue.order][0] in _STRONG_HEADS:
        return 1  # "$1.55 million, the largest CCPA penalty yet"
    if _HEAD_GAP.fullmatch(text, end, cue.start):
        kind = _CUES[cue.order][0]
        if kind in _STRONG_HEADS:
            return 0
        if kind == "damages_sought":  # "awarded ... $12.5M in damages": the verb decides
            return 1.5 * (cue.start - end) + 40
        return 0.5 * (cue.start - end)
    return 1.5 * (cue.start - end) + 10


def _kind_of(cue: Cue) -> str:
    kind = _CUES[cue.order][0]
    return kind if kind != "value" else "other"


def _paid_to_enforcer(text: str, lo: int, hi: int, figure: str) -> bool:
    """An enforcer in the figure's sentence or the ones either side, and nothing paid to
    people, to states or settling a lawsuit in any sentence that gives the same figure
    ("must pay $16.5M, FTC says. ... $16.5M, which will go to redress consumers")."""
    wide_lo = sentence_bounds(text, max(lo - 2, 0), max(lo - 2, 0))[0] if lo else 0
    wide_hi = sentence_bounds(text, hi + 2, hi + 2)[1] if hi + 2 < len(text) else len(text)
    if not _ENFORCER.search(text, wide_lo, wide_hi):
        return False
    return not any(
        _NOT_A_FINE.search(text, *sentence_bounds(text, at, at + len(figure)))
        for at in _occurrences(text, figure.strip())
    )


def _occurrences(text: str, figure: str) -> list[int]:
    found, at = [], text.find(figure)
    while at != -1 and figure:
        found.append(at)
        at = text.find(figure, at + 1)
    return found


def _per_unit_kind(text: str, per: str, nearest: str | None) -> MoneyKind:
    """ "$20 per device" from a settlement is what each member gets; "EUR 100,000 a day"
    is a periodic fine; "$5,000 per violation" is the statute's measure; "2 billion yen
    each" is what each claimant asks."""
    unit = per.split()[-1].rstrip("s")
    if unit.endswith("day"):
        return "fine"
    if unit in ("each", "apiece"):
        return _as_kind(nearest or "other")
    if unit.endswith(_STATUTORY_UNITS) and nearest == "verdict":
        return "statutory_damages"  # "judgment at $1,000 per violation": the measure
    if nearest in ("verdict", "settlement", "other"):
        return _as_kind(nearest)
    if unit.endswith(_STATUTORY_UNITS):
        return "statutory_damages"
    if nearest != "statutory_damages" and _SETTLED.search(text):
        return "settlement"
    return "statutory_damages"


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end] (at most 160 characters back, 120 on)."""
    lo, pos = -1, start
    while pos > 0:
        lo = max(text.rfind(". ", 0, pos), text.rfind("; ", 0, pos))
        if lo == -1 or ends_sentence(text, lo):
            break
        pos, lo = lo, -1
    hi, pos = len(text), end
    while pos < len(text):
        ends = [i for i in (text.find(". ", pos), text.find("; ", pos)) if i != -1]
        hi = min(ends, default=len(text))
        if hi == len(text) or ends_sentence(text, hi):
            break
        pos = hi + 1
    return max(lo, start - 160, 0), min(hi, end + 120)


@cache
def _compiled() -> re.Pattern[str]:
    kinds = "|".join(f"(?P<k{i}>{pattern})" for i, (_, pattern) in enumerate(_CUES))
    return re.compile(rf"\b(?:{trie(kinds)})\b")  # run on case-folded text
