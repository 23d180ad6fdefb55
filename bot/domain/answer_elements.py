"""The element a question asks for, which an evidence sentence must hold: an intent
matching is not enough ("How much were the lawyers' fees?" is not answered by the
settlement total, "What did the judge say?" not by the company's statement)."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.domain.answer_intents import DATE_PATTERN

_I = re.IGNORECASE

# A question about one person or one country is not answered by a sentence about
# another: "Did Twitter's CEO comment?" needs the CEO, "the US trial" a US court.
_NAMED_ELEMENTS = (
    (
        re.compile(r"\b(?:CEO|chief executive|founder|chair(?:man|woman)?|president)\b", _I),
        re.compile(r"\b(?:CEO|chief executive|founder|chair(?:man|woman)?|president)\b", _I),
    ),
    (
        re.compile(r"\b(?:US|U\.S\.|American|federal)\b"),
        re.compile(r"\b(?:US|U\.S\.|American|federal|District|Circuit|Delaware|California)\b"),
    ),
    (
        re.compile(r"\b(?:UK|U\.K\.|British|English|London)\b"),
        re.compile(r"\b(?:UK|U\.K\.|Britain|British|English|England|London|High Court|Justice)\b"),
    ),
    # Fees are their own sum: the settlement total does not say what the lawyers get.
    (re.compile(r"\bfees?\b", _I), re.compile(r"\bfees?\b", _I)),
)

_ROLE = r"(?i:lawyers?|attorneys?(?! general)|counsel)"
_NAME = r"[A-Z][a-z]+(?:\s+[A-Z][a-z.]+){1,2}"
# A lawyer's or firm's name next to the role: "the artists' lawyers, Joseph Saveri",
# "attorney Jay Edelson", "Cotchett, Pitre & McCarthy LLP", "represented by Labaton".
_LAWYER_NAMED = re.compile(
    rf"\b{_ROLE}\b,?\s+(?:(?i:for|at|with|from)\s+[^,.;]{{1,40}}?,?\s+)?{_NAME}|"
    rf"\b{_NAME},\s+(?:(?i:a|an|the))\s+{_ROLE}|\bLLP\b|\bP\.?C\.?\b|(?i:represented by)\s+[A-Z]"
)
_ASKS_LAWYER = re.compile(
    r"\b(?:lawyers?|attorneys?(?! general)|counsel|law firms?|represent\w*)\b", _I
)

_COUNT_NOUNS = (
    "users|members|people|customers|patients|residents|accounts|individuals|employees|"
    "consumers|children|plaintiffs|complaints|subscribers|drivers|students|workers|visitors|"
    "books|works|authors|states|images|photos|photographs|records|devices|apps|artists|"
    "teenagers|teens|claims|claimants|opt-outs"
)
_PEOPLE = frozenset(
    ("users", "members", "people", "customers", "patients", "residents", "accounts",
     "individuals", "consumers", "subscribers", "children", "teenagers", "teens")
)  # fmt: skip
_ASKED_COUNT = re.compile(rf"\bhow many\s+(?:[\w'-]+\s+){{0,2}}?({_COUNT_NOUNS})\b", _I)

_WHEN_FUTURE = re.compile(r"^\s*when (?:is|are|will|does|do)\b", _I)
_SCHEDULE = re.compile(
    r"\b(?:19|20)\d{2}\b|\bnext (?:week|month|year|spring|summer|fall|autumn|winter)\b|"
    r"\bin (?:early|mid|late)[- ]",
    _I,
)


def holds_asked_element(question: str, sentence: str) -> bool:
    """The sentence holds every element the question singles out: the person, the
    country, the lawyers, the counted thing, the date of a scheduled event."""
    checks: tuple[Callable[[str, str], bool], ...] = (
        _names_element,
        _names_lawyer,
        _counts_asked,
        _dates_scheduled,
    )
    return all(check(question, sentence) for check in checks)


def _names_element(question: str, sentence: str) -> bool:
    return all(found.search(sentence) for asked, found in _NAMED_ELEMENTS if asked.search(question))


def _names_lawyer(question: str, sentence: str) -> bool:
    """ "Who represents the plaintiffs?" needs a lawyer's or firm's name beside the role;
    "privacy lawyers said" or "Attorney General Bonta" is not it."""
    if not _ASKS_LAWYER.search(question) or re.search(r"\bhow much\b", question, _I):
        return True
    return _LAWYER_NAMED.search(sentence) is not None


def _counts_asked(question: str, sentence: str) -> bool:
    """ "How many users" is not answered by "40 states" or "13 authors"; people counted
    under another name (customers, accounts) still answer it."""
    asked = _ASKED_COUNT.search(question)
    if asked is None:
        return True
    noun = asked.group(1).lower()
    accepted = sorted(_PEOPLE | {noun}) if noun in _PEOPLE else [noun]
    counted = (
        rf"\b\d[\d,.]*\s*(?:million\s+|billion\s+)?(?:[\w'-]+\s+){{0,2}}?(?:{'|'.join(accepted)})\b"
    )
    return re.search(counted, sentence, _I) is not None


def _dates_scheduled(question: str, sentence: str) -> bool:
    """ "When is the trial?" needs a date or a time ("set for June 2026", "next year"):
    "weeks before a scheduled trial" does not say when."""
    if not _WHEN_FUTURE.search(question):
        return True
    return DATE_PATTERN.search(sentence) is not None or _SCHEDULE.search(sentence) is not None


# Who a statement question asks about, when it is not the defendant.
_SPEAKER_ROLES = {
    "judge": r"judge|court|justice|magistrate",
    "court": r"judge|court|justice|magistrate",
    "lawyer": r"lawyers?|attorneys?(?! general)|counsel",
    "attorney": r"lawyers?|attorneys?(?! general)|counsel",
    "plaintiff": r"plaintiffs?|lawyers?|attorneys?(?! general)|counsel",
    "regulator": r"regulator|commission|authority|watchdog|agency|FTC|ICO|CNIL|DPC",
    "attorney general": r"attorney general|AG\b",
    "ftc": r"FTC|Federal Trade Commission|commission|agency",
}
_ASKED_SPEAKER = re.compile(
    r"\b(?:did|does|has|have|what did|what does|how did)\s+(?:the\s+)?(?:[\w']+\s+){0,2}?"
    r"(attorney general|judge|court|lawyer|attorney|plaintiff|regulator|ftc)s?'?\s+"
    r"(?:[\w']+\s+){0,2}?(?:say|said|comment|respond|react|state|argue)",
    _I,
)
_SPOKE = (
    r"(?:said|says|stated|wrote|writes|called|argued|argues|told|ruled|found|held|"
    r"concluded|noted|added|welcomed|criticized|praised)"
)


def asked_speaker(question: str) -> re.Pattern[str] | None:
    """For "What did the judge say?": a pattern for a sentence in which that role
    speaks (the role, then a speech verb within the clause); None when the question
    asks about the defendant or names no role."""
    asked = _ASKED_SPEAKER.search(question)
    if asked is None:
        return None
    role = _SPEAKER_ROLES[asked.group(1).lower()]
    # The role is the subject: no comma or clause break between it and the verb.
    return re.compile(rf"\b(?i:{role})\b[^.;,]{{0,40}}?\b(?i:{_SPOKE})\b")
