"""Sums of money in a story and what each one is: "$1,000 per user" is statutory
damages, "EUR 1.2 billion" after "fined" is a fine."""

from __future__ import annotations

import re
from functools import cache

from bot.domain.models import Money, MoneyKind
from bot.domain.money_kinds import Cue, find_cues, money_kind
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
    "rs.": "INR",
    "rs": "INR",
    "chf": "CHF",
    "nok": "NOK",
    "sek": "SEK",
    "dkk": "DKK",
    "₺": "TRY",
    "hk$": "HKD",
    "s$": "SGD",
    "nt$": "TWD",
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
    "liras": "TRY",
    "francs": "CHF",
    "rupees": "INR",
    "zloty": "PLN",
    "yuan": "CNY",
    "d'euros": "EUR",
    "rand": "ZAR",
    "norwegian crowns": "NOK",
    "norwegian kroner": "NOK",
    "danish crowns": "DKK",
    "danish kroner": "DKK",
    "swedish crowns": "SEK",
    "swedish kronor": "SEK",
    "czech crowns": "CZK",
    # Bare "crowns": the code is a guess (wires write most Danish and Norwegian sums with
    # the country); the amount and kind, which facts are scored on, do not depend on it.
    "crowns": "SEK",
    "pesos": "MXN",
    "ringgit": "MYR",
    "baht": "THB",
    "shekels": "ILS",
    "rupiah": "IDR",
    "naira": "NGN",
    "dirhams": "AED",
    "riyals": "SAR",
    "new taiwan dollars": "TWD",
    "hong kong dollars": "HKD",
    "singapore dollars": "SGD",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
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
    r"(?:affected |eligible |class |infringed |copyrighted |pirated |registered |negligent |"
    r"intentional |reckless |willful |wilful |knowing )?"
    r"(?:users?|violations?|members?|persons?|plaintiffs?|"
    r"consumers?|customers?|individuals?|people|incidents?|calls?|texts?|messages?|"
    r"records?|days?|visitors?|subscribers?|drivers?|patients?|students?|children|"
    r"employees?|infringements?|works?|recordings?|scans?|devices?|accounts?|vehicles?|"
    r"articles?|books?|songs?|images?|titles?|claimants?|households?|contraventions?)"
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


def find_money(text: str) -> list[Money]:
    """Every sum in `text` with its kind, in order, each figure once; a figure written
    twice takes the most specific kind ("to pay $425M" then "jurors awarded $425M")."""
    found: dict[str, Money] = {}
    folded = fold(text)
    cues: list[Cue] | None = None  # scanned only for stories that name a sum
    for match in _compiled().finditer(folded):
        cues = find_cues(folded) if cues is None else cues
        money = _money_from_match(match, text, cues)
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
    match = _compiled().search(fold(text))
    if match is None:
        return None, None
    return _amount(match), _currency(match)


def _money_from_match(match: re.Match[str], text: str, cues: list[Cue]) -> Money | None:
    amount = _amount(match)
    if amount is None or amount <= 0:
        return None
    per = match.group("per")
    kind = money_kind(text, match.start(), match.end(), cues, per or "")
    unit = per.split()[-1] if per else None
    return Money(text[match.start() : match.end()].strip(), kind, amount, _currency(match), unit)


def _amount(match: re.Match[str]) -> float | None:
    vague = match.group("v")
    if vague:
        scale = 1e9 if "billions" in vague.lower() else 1e6
        return scale * (100 if "hundreds" in vague else 10 if "tens" in vague else 1)
    number = match.group("n1") or match.group("n2")
    if not number:
        return None
    unit = (match.group("s1") or match.group("s2") or "").strip(" -").lower()
    try:
        return float(number.replace(",", "")) * _SCALE.get(unit, 1.0)
    except (AttributeError, ValueError):
        return None


def _currency(match: re.Match[str]) -> str | None:
    prefix = (match.group("c1") or "").strip().lower()
    suffix = (match.group("c2") or match.group("c3") or "").strip().lower()
    return _PREFIX.get(prefix) or _SUFFIX.get(suffix)


@cache
def _compiled() -> re.Pattern[str]:
    """Amounts, run on case-folded text."""
    prefixes = "|".join(re.escape(p) for p in sorted(_PREFIX, key=len, reverse=True))
    suffixes = "|".join(sorted(_SUFFIX, key=len, reverse=True))
    return re.compile(
        rf"(?:(?<![a-z])(?P<c1>{prefixes}) ?(?P<n1>{_NUMBER})(?P<s1>{_SCALES})?\b"
        rf"|\b(?P<n2>{_NUMBER})(?P<s2>{_SCALES})? (?P<c2>{suffixes})\b|\b{_VAGUE}\b)"
        rf"(?P<per>{_PER})?"
    )
