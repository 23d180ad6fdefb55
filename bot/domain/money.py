"""Sums of money in a story and what each one is: "$1,000 per user" is statutory
damages, "EUR 1.2 billion" after "fined" is a fine."""

from __future__ import annotations

import re
from functools import cache

from bot.domain.models import Money, MoneyKind
from bot.domain.scan import fold

_PREFIX = {
    "us$": "USD",
    "usd": "USD",
    "$": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "a$": "AUD",
    "au$": "AUD",
    "aud": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "cad": "CAD",
    "r$": "BRL",
    "brl": "BRL",
    "¥": "JPY",
    "jpy": "JPY",
    "₩": "KRW",
    "krw": "KRW",
    "₹": "INR",
    "inr": "INR",
    "chf": "CHF",
    "nok": "NOK",
    "sek": "SEK",
    "dkk": "DKK",
    "₺": "TRY",
    "hk$": "HKD",
    "s$": "SGD",
    "pln": "PLN",
    "zł": "PLN",
    "nzd": "NZD",
    "nz$": "NZD",
    "cny": "CNY",
    "rmb": "CNY",
    "zar": "ZAR",
    "mxn": "MXN",
    "try": "TRY",
}
_SUFFIX = {
    "euro": "EUR",
    "euros": "EUR",
    "pounds": "GBP",
    "pound": "GBP",
    "dollars": "USD",
    "dollar": "USD",
    "kroner": "NOK",
    "krone": "DKK",
    "kronor": "SEK",
    "won": "KRW",
    "yen": "JPY",
    "reais": "BRL",
    "lira": "TRY",
    "francs": "CHF",
    "rupees": "INR",
    "zloty": "PLN",
    "yuan": "CNY",
    "d'euros": "EUR",
    "rand": "ZAR",
}
_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "crore": 1e7,
    "lakh": 1e5,
    "millions": 1e6,
    "millionen": 1e6,
    "milliards": 1e9,
    "milliard": 1e9,
    "milliarden": 1e9,
}
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALES = (
    r"(?:[ -]?(?:thousand|millionen|millions|million|milliarden|milliards?|billion|trillion|"
    r"crore|lakh)|(?:mn|bn|mln|m|b|k))"
)
_PER_UNIT = (
    r"(?:affected |eligible |class |infringed |copyrighted |pirated |registered )?"
    r"(?:users?|violations?|members?|persons?|plaintiffs?|"
    r"consumers?|customers?|individuals?|people|incidents?|calls?|texts?|messages?|"
    r"records?|days?|visitors?|subscribers?|drivers?|patients?|students?|children|"
    r"employees?|infringements?|works?|recordings?|scans?|devices?|accounts?|vehicles?|"
    r"articles?|books?|songs?|images?|titles?|claimants?|households?)"
)
_PER = rf"(?: (?:per|for each|for every|each|a) {_PER_UNIT}| each| apiece)"
# "billions of dollars": a vague sum, valued at its order of magnitude.
_VAGUE = r"(?P<v>(?:tens of |hundreds of )?(?:millions|billions) of (?P<c3>dollars|euros|pounds))"

_SPECIFIC: tuple[MoneyKind, ...] = (
    "statutory_damages",
    "verdict",
    "fine",
    "settlement",
    "damages_sought",
    "other",
)
# A government agency's "settlement" is reported as a fine; refunds to users are not.
_AGENCY = re.compile(
    r"\b(?:FTC|Federal Trade Commission|civil penalt\w+|CFPB|FCC|SEC|Justice Department|"
    r"regulator|watchdog|data protection)\b"
)
_SETTLED = re.compile(r"\bsettle(?:s|d|ment)?\b(?!.{0,40}\bstatutory)", re.IGNORECASE)
_REDRESS = re.compile(r"refund|redress|to consumers|class|restitution", re.IGNORECASE)
# Cue -> kind; the nearest cue in the same sentence decides (ties: the earlier entry).
_KIND_CUES: tuple[tuple[MoneyKind, str], ...] = (
    ("statutory_damages", r"statutory damages|per violation|per user|for each violation"),
    ("verdict", r"verdict|jury|jurors|awarded|award(?:s|ing)?|found liable|judgment of"),
    (
        "fine",
        r"fine[sd]?|fining|penalt(?:y|ies)|sanction\w*|civil penalty|levied|"
        r"slapped|imposed|amende|bußgeld|multa|boete",
    ),
    (
        "settlement",
        r"settle\w*|agreed to pay|agrees to pay|agree to pay|to pay|will pay|"
        r"payout|pay out|resolve|fund|deal|agreement",
    ),
    (
        "damages_sought",
        r"seek\w*|sought|demand\w*|damages|claims? (?:of|worth)|asks?|asking|"
        r"compensation|restitution|could face|faces?|up to",
    ),
    ("other", r"invest\w*|spend\w*|additional|valu(?:ed|ation)|revenue|raised"),
)


def find_money(text: str) -> list[Money]:
    """Every sum in `text` with its kind, in order, each figure once; a figure written
    twice takes the most specific kind ("to pay $425M" then "jurors awarded $425M")."""
    found: dict[str, Money] = {}
    amount_re, kind_re = _compiled()
    for match in amount_re.finditer(fold(text)):
        money = _money_from_match(match, text, kind_re)
        if money is None:
            continue
        key = f"{money.currency}:{money.amount}:{money.per}"
        earlier = found.get(key)
        if earlier is None or _SPECIFIC.index(money.kind) < _SPECIFIC.index(earlier.kind):
            found[key] = money if earlier is None else _with_kind(earlier, money.kind)
    return list(found.values())


def _with_kind(money: Money, kind: MoneyKind) -> Money:
    return Money(money.text, kind, money.amount, money.currency, money.per)


def parse_amount(text: str) -> tuple[float | None, str | None]:
    """The value and currency of a figure written as `text` (used for scoring too)."""
    match = _compiled()[0].search(fold(text))
    if match is None:
        return None, None
    return _amount(match), _currency(match)


def _money_from_match(match: re.Match[str], text: str, kind_re: re.Pattern[str]) -> Money | None:
    amount = _amount(match)
    if amount is None or amount <= 0:
        return None
    per = match.group("per")
    kind = _kind(text, match.start(), match.end(), kind_re, per or "")
    unit = per.split()[-1] if per else None
    return Money(text[match.start() : match.end()].strip(), kind, amount, _currency(match), unit)


def _amount(match: re.Match[str]) -> float | None:
    vague = match.group("v")
    if vague:
        scale = 1e9 if "billions" in vague.lower() else 1e6
        return scale * (100 if "hundreds" in vague else 10 if "tens" in vague else 1)
    number = match.group("n1") or match.group("n2")
    scale = (match.group("s1") or match.group("s2") or "").strip(" -").lower()
    try:
        return float(number.replace(",", "")) * _SCALE.get(scale, 1.0)
    except (AttributeError, ValueError):
        return None


def _currency(match: re.Match[str]) -> str | None:
    prefix = (match.group("c1") or "").strip().lower()
    suffix = (match.group("c2") or match.group("c3") or "").strip().lower()
    return _PREFIX.get(prefix) or _SUFFIX.get(suffix)


def _kind(text: str, start: int, end: int, kind_re: re.Pattern[str], per: str) -> MoneyKind:
    lo, hi = _sentence_bounds(text, start, end)
    best: tuple[float, int, MoneyKind] | None = None
    for cue in kind_re.finditer(text, lo, hi):
        group = cue.lastgroup or "k4"
        order = int(group[1:])
        kind = _KIND_CUES[order][0]
        # Cues after the figure count less: "fined $5M" beats "... $5M, the settlement".
        distance = start - cue.end() if cue.end() <= start else 1.5 * (cue.start() - end) + 10
        if distance < 0:
            continue
        if best is None or (distance, order) < best[:2]:
            best = (distance, order, kind)
    if per:
        return _per_unit_kind(text, per, best[2] if best else None)
    kind = best[2] if best else "other"
    if kind == "settlement" and _AGENCY.search(text, lo, hi) and not _REDRESS.search(text, lo, hi):
        return "fine"
    return kind


def _per_unit_kind(text: str, per: str, nearest: MoneyKind | None) -> MoneyKind:
    """ "$20 per device" from a settlement is what each member gets; "EUR 100,000 a day"
    is a periodic fine; "$5,000 per violation" is the statute's measure."""
    if per.rstrip("s").endswith("day"):
        return "fine"
    if nearest in ("verdict", "settlement"):
        return nearest
    statutory = per.rstrip("s").endswith(("violation", "infringement", "work"))
    if not statutory and nearest != "statutory_damages" and _SETTLED.search(text):
        return "settlement"
    return "statutory_damages"


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start), start - 160)
    hi_candidates = [i for i in (text.find(". ", end), text.find("; ", end)) if i != -1]
    hi = min([*hi_candidates, end + 120, len(text)])
    return max(lo, 0), hi


@cache
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str]]:
    prefixes = "|".join(re.escape(p) for p in sorted(_PREFIX, key=len, reverse=True))
    suffixes = "|".join(sorted(_SUFFIX, key=len, reverse=True))
    amount = (
        rf"(?:(?P<c1>{prefixes}) ?(?P<n1>{_NUMBER})(?P<s1>{_SCALES})?\b"
        rf"|\b(?P<n2>{_NUMBER})(?P<s2>{_SCALES})? (?P<c2>{suffixes})\b|\b{_VAGUE}\b)"
        rf"(?P<per>{_PER})?"
    )
    kinds = "|".join(f"(?P<k{i}>{pattern})" for i, (_, pattern) in enumerate(_KIND_CUES))
    return (
        re.compile(amount),  # run on case-folded text
        re.compile(rf"\b(?:{kinds})\b", re.IGNORECASE),
    )
