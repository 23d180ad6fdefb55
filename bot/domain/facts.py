"""Docket numbers (US federal and state, EU, UK) and the stage a case has reached, as
stories write them."""

from __future__ import annotations

import re
from functools import cache

from bot.domain.models import Stage
from bot.domain.scan import fold

_DOCKETS = (
    r"\b\d{1,2}:\d{2}-[a-zA-Z]{2,3}-\d{3,6}(?:-[A-Z]{2,5})*\b",  # 5:25-cv-00709-NC
    r"\b\d{2}-cv-\d{3,6}\b",  # 23-cv-01234
    r"\bMDL No\. ?\d{3,4}\b",
    r"(?<=No\. )\d{2}-\d{4,5}\b",  # appeals: No. 23-15285
    r"\b(?:19|20)\d{2}-?(?:CH|L|LA|CV|M1)-?\d{3,6}\b",  # Cook County 2019-CH-04413
    r"\b(?:CGC|CIV|RG|BC|HG)-?\d{2}-?\d{5,7}\b",  # California superior courts
    r"\b\d{2}STCV\d{5}\b",
    r"(?<=Index No\. )\d{5,6}/\d{4}\b",  # New York
    r"\b[CT]-\d{1,4}/\d{2}\b",  # CJEU and General Court
    r"\[\d{4}\] (?:UKSC|UKPC|EWCA (?:Civ|Crim)|EWHC|UKUT|UKFTT|CSIH|CSOH|NICA|IEHC|IESC) "
    r"\d{1,5}(?: \((?:QB|KB|Ch|Comm|Admin|TCC|IPEC|Fam)\))?",
    r"\b(?:QB|KB|BL|IL|HC|CL|PT|CO|IP)-\d{4}-\d{5,6}\b",  # English High Court claims
)

# Highest first: when a story names several, the most advanced one is where the case is.
_STAGES: tuple[tuple[Stage, str], ...] = (
    (
        "appeal",
        r"(?<!will )(?<!would )(?<!to )(?<!may )(?<!plans )appeal\w*|appellate|"
        r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
        r"tenth|eleventh|d\.c\.) circuit|revives?|revived|court of appeals?",
    ),
    ("verdict", r"jury|juries|jurors|verdict|found liable|trial ends"),
    (
        "class_certification",
        r"class certification|certif(?:y|ies|ied|ying) (?:a |the )?(?:\w+ )?class|"
        r"class (?:status|certified)|decertif\w+",
    ),
    (
        "motion_to_dismiss",
        r"motions? to dismiss|(?:refuses|refused|declines|declined|denies|denied|won't|"
        r"will not|rejects?|rejected) (?:\w+ ){0,3}(?:to )?(?:dismiss|toss|throw out)|"
        r"trims|narrows|pares|(?:claims?|suit|lawsuit|case) (?:can |may |will |to )?"
        r"(?:proceed|move forward|go forward|survives?)|lets? (?:\w+ ){0,4}(?:proceed|"
        r"move forward|go forward)|allow(?:s|ed)? (?:\w+ ){0,4}(?:to )?(?:proceed|"
        r"move forward|go forward)|must face|survives?",
    ),
    (
        "dismissed",
        r"dismiss(?:es|ed|al)|toss(?:es|ed)|throws? out|threw out|thrown out|"
        r"drops? (?:the )?(?:suit|lawsuit|case|claims)|tossing",
    ),
    (
        "fine_or_order",
        r"fine[sd]?|fining|penalt\w+|ordered to|(?:orders?|tells?|told) (?:\w+ ){0,6}"
        r"(?:to (?:delete|stop|cease|destroy|pay|halt|suspend|erase|wipe)|blocked|banning|"
        r"halted)|barred|bars|halts?|halted|suspend(?:s|ed)|orders? (?:the )?(?:deletion|"
        r"destruction|erasure|halt|suspension)|bann?(?:ed|s)|consent (?:order|decree)|"
        r"reprimand\w*|sanction\w*|deletion order",
    ),
    (
        "settlement",
        r"settle\w*|agree[sd]? to pay|(?:will|to) pay|payout|preliminary approval|"
        r"final approval|claims? deadline|reach(?:es|ed)? (?:a |an )?(?:[$€£][\d.,]+ ?\w* )?"
        r"(?:agreement|deal)|assurance of (?:voluntary )?compliance",
    ),
    (
        "ruling",
        r"rul(?:es|ed|ing)|judge (?:finds|found|holds|held|says|said|sides)|"
        r"court (?:finds|found|holds|held|sides)|injunction|summary judgment|decision",
    ),
    (
        "complaint",
        r"complaints? (?:with|to|before)|(?:filed|files|lodged|lodges|submitted) "
        r"(?:a |\w+ )?complaints? (?:with|to|before|against)|noyb",
    ),
    (
        "investigation",
        r"investigat\w+|probe[sd]?|probing|inquiry|inquiries|looking into|"
        r"civil investigative demand|subpoena\w*|examining",
    ),
    (
        "filed",
        r"su(?:e|es|ed|ing)|lawsuits?|class[- ]action|files? suit|filed|complaint|"
        r"accus\w+|alleg\w+|legal action",
    ),
)


def find_dockets(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for match in _compiled()[0].finditer(text):
        seen.setdefault(match.group(), None)
    return list(seen)


def find_stage(title: str, summary: str) -> Stage | None:
    """The most advanced stage the headline names; else the summary's."""
    for text in (title, _first_sentence(summary), summary):
        stage = _best_stage(text)
        if stage is not None:
            return stage
    return None


def _best_stage(text: str) -> Stage | None:
    best: int | None = None
    for match in _compiled()[1].finditer(fold(text)):
        order = int((match.lastgroup or "g0")[1:])
        best = order if best is None else min(best, order)
    return None if best is None else _STAGES[best][0]


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end == -1 else text[: end + 1]


@cache
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str]]:
    stages = "|".join(f"(?P<g{i}>{pattern})" for i, (_, pattern) in enumerate(_STAGES))
    return (
        re.compile("|".join(_DOCKETS)),
        re.compile(rf"(?<![\w-])(?:{stages})(?![\w])"),
    )
