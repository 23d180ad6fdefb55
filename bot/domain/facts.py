"""Docket numbers (US federal and state, EU, UK) and the stage a case has reached, as
stories write them."""

from __future__ import annotations

import re
from functools import cache

from bot.domain.models import Stage
from bot.domain.scan import first_sentence, fold

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
        r"tenth|eleventh|d\.c\.) circuit|revives?|revived|court of appeals?|supreme court|"
        r"overturn\w*|revers(?:es|ed|ing)|upholds|upheld|affirm(?:s|ed|ing)|"
        r"challenges? to|challenging|tribunal backs|reinstat(?:es|ed|ing)",
    ),
    ("verdict", r"jury|juries|jurors|verdict|found liable|trial ends"),
    (
        "class_certification",
        r"class certification|certif(?:y|ies|ied|ying) (?:a |the )?(?:\w+ )?class|"
        r"class (?:status|certified)|decertif\w+|proceed as an? (?:group|class)",
    ),
    (
        "motion_to_dismiss",
        r"motions? to dismiss|(?:refuses|refused|declines|declined|denies|denied|won't|"
        r"will not|rejects?|rejected) (?:\w+ ){0,3}(?:to )?(?:dismiss(?:al)?|toss|throw out)|"
        r"trims|narrows|pares|(?<!while )(?<!while the )(?:class )?"
        r"(?:claims?|suit|lawsuit|case|action) "
        r"(?:can |may |will |to )?"
        r"(?:[\w'’-]+,? ){0,6}(?:proceed|proceeds|move forward|go forward|goes ahead|survives?)|"
        r"lets? (?:[\w'’-]+ ){0,5}(?:proceed|move forward|go forward|pursue)|"
        r"allow(?:s|ed)? (?:[\w'’-]+ ){0,5}(?:to )?"
        r"(?:proceed|move forward|go forward|pursue)|must face(?! trial)|survives?|"
        r"(?:denie[sd]|denying|reject(?:s|ed)) (?:[\w'’-]+ ){0,3}(?:bid|request|motion|"
        r"argument)s? to (?:end|dismiss|toss)",
    ),
    (
        "dismissed",
        r"dismiss(?:es|ed|al)|toss(?:es|ed)|throws? out|threw out|thrown out|"
        r"drops? (?:the |its |a )?(?:[\w-]+ ){0,2}(?:suit|lawsuit|case|claims)|tossing|"
        r"struck out",
    ),
    (
        "fine_or_order",
        r"fine[sd]?|fining|penalt\w+|ordered to|(?:orders?|ordered|tells?|told) "
        r"(?:[\w.'’&-]+ ){0,6}"
        r"(?:to (?:delete|stop|cease|destroy|pay|halt|suspend|erase|wipe|purge)|blocked|"
        r"banning|halted)|(?:orders?|ordered|tells?|told) (?:[\w.'’&-]+ ){0,3}not to\b|"
        r"barred|bars|barring|halts?|halted|suspend(?:s|ed)|orders? (?:the )?"
        r"(?:deletion|destruction|erasure|halt|suspension)|bann?(?:ed|s)|consent (?:order|"
        r"decree)|reprimand\w*|sanction\w*|deletion order|must (?:stop|delete|purge|cease|"
        r"halt|destroy|erase)|blocks|pulled from|penali[sz]e[sd]?|"
        r"administrative warning|under (?:the )?(?:proposed |final )?orders?|"
        r"(?:regulator|watchdog|authority|agency|commissioner)(?:'s|’s) "
        r"(?:order|ban|decision)|bußgeld\w*|amende|impos(?:es|ed|ing)|limitation",
    ),
    (
        "settlement",
        r"settle\w*|agree[sd]? to|agreements? with|under (?:an|the) agreement|wins agreement|"
        r"refunds?|(?:will|to) pay|payout|preliminary approval|"
        r"final approval|final ok|claims? deadline|"
        # "Judge OKs $1.5B authors deal", "pays $10M to end FTC case": title-only settlements.
        r"(?:oks?|okays?|approv(?:es|ed|ing)) (?:[\w'’$€£.,-]+ ){0,5}(?:deal|accord)|"
        r"(?:pays?|paid|paying) (?:[\w'’$€£.,-]+ ){0,3}to (?:end|resolve)|"
        r"reach(?:es|ed)? (?:a |an )?(?:[$€£][\d.,]+ ?\w* )?"
        r"(?:agreement|deal)|assurance of (?:voluntary )?compliance",
    ),
    (
        "ruling",
        r"rul(?:es|ed|ing)|judge (?:finds|found|holds|held|says|said|sides)|"
        r"court (?:finds|found|holds|held|sides)|injunction|summary judgment|decision|"
        r"(?:rejected|denied|granted|grants|rejects|denies) (?:[\w'’-]+ ){0,4}(?:request|"
        r"application|bid)s? for (?:an? )?(?:[\w-]+ )?(?:injunction|order)|"
        r"sides with|held that|holds that|judgment|must face trial|(?:refuses|refused|declines|"
        r"declined|denies|denied) to (?:block|halt|stop|bar|pause)|(?:finds|found|determined) "
        r"(?:that )?(?:[\w.'’&-]+ ){1,4}(?:breached|violated|interfered|collected|unlawfully)|"
        r"broke (?:the |privacy )?laws?",
    ),
    (
        "complaint",
        r"(?:privacy|advocacy|consumer|rights) (?:group|groups|body) (?:files?|filed|lodges?|"
        r"lodged) (?:an? )?(?:[\w-]+ )?complaints?|"
        r"complaints? (?:with|to|before)|(?:filed|files|lodged|lodges|submitted) "
        r"(?:a |\w+ )?complaints? (?:with|to|before|against)|noyb",
    ),
    (
        "investigation",
        r"investigat\w+|probe[sd]?|probing|inquiry|inquiries|looking into|"
        r"civil investigative demand|subpoena\w*|examining|assessing|reviewing|"
        r"urgency procedure|to answer|asked (?:[\w'’-]+ ){0,4}(?:what|whether|how|which)",
    ),
    (
        "filed",
        r"su(?:e|es|ed|ing)|lawsuits?|class[- ]action|files? suit|filed|complaint|"
        r"accus\w+|alleg\w+|legal action",
    ),
)


_FILED = len(_STAGES) - 1
# Asking for an order files something; facing or planning one is no stage yet.
_ASKS = (
    r"(?:seeks?|sought|seeking|asks?|asked|asking|requests?|requested|applie[sd] for) "
    r"(?:[\w'’-]+ ){0,4}(?:orders?|injunctions?|bans?)(?: to \w+)?"
)
_MAYBE = (
    r"(?:could|may|might|would|will) face (?:[\w'’-]+ ){0,3}(?:fines?|penalt\w+)|"
    r"threat(?:ens?|ened) (?:[\w'’-]+ ){0,2}(?:fines?|penalt\w+)"
)
_REGULATOR = re.compile(
    r"\b(?:regulator|watchdog|commissioner|authority|data protection|agency|garante|cnil|"
    r"ico|dpc|ftc)\b"
)
_COURT = re.compile(r"\b(?:court|judge|tribunal|justices?|jury)\b")
_PENALTY = re.compile(r"\b(?:fine[sd]?|penalt\w+)\b")
_JURY = re.compile(r"\b(?:jury|juries|jurors|verdict)\b")


def find_dockets(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for match in _compiled()[0].finditer(text):
        seen.setdefault(match.group(), None)
    return list(seen)


def find_stage(title: str, summary: str) -> Stage | None:
    """The most advanced stage the headline names; else the summary's first sentence's;
    else the summary's. Who acts adjusts it: a court's order is a ruling, a regulator's
    ruling an order."""
    for text in (_main_clause(title), first_sentence(summary), summary):
        stage = _best_stage(fold(text))
        if stage is not None:
            return _by_story(_by_actor(stage, fold(text)), fold(summary))
    return None


def _main_clause(title: str) -> str:
    """ "BNSF settles ... after $228 million verdict was tossed": what the headline reports
    is before "after"; the rest is history, used only when the first part names no stage."""
    head, after, _ = title.partition(" after ")
    return head if after and _best_stage(fold(head)) is not None else title


def _best_stage(folded: str) -> Stage | None:
    best: int | None = None
    for match in _compiled()[1].finditer(folded):
        group = match.lastgroup or "g0"
        if group == "maybe":
            continue  # "could face fines", "plans to appeal": not (yet) the stage
        order = _FILED if group == "asks" else int(group[1:])
        best = order if best is None else min(best, order)
    return None if best is None else _STAGES[best][0]


def _by_actor(stage: Stage, folded: str) -> Stage:
    regulator, court = _REGULATOR.search(folded), _COURT.search(folded)
    if stage == "ruling" and regulator and not court:
        return "fine_or_order"  # "regulator rules X must delete", "commissioner finds"
    if stage == "fine_or_order" and court and not regulator and not _PENALTY.search(folded):
        return "ruling"  # "court orders Worldcoin to wipe scans"
    return stage


def _by_story(stage: Stage, summary: str) -> Stage:
    """ "Railroad ordered to pay" after a jury found it liable is a verdict."""
    if stage == "fine_or_order" and _JURY.search(summary) and not _REGULATOR.search(summary):
        return "verdict"
    return stage


@cache
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str]]:
    stages = "|".join(f"(?P<g{i}>{pattern})" for i, (_, pattern) in enumerate(_STAGES))
    stages = f"(?P<asks>{_ASKS})|(?P<maybe>{_MAYBE})|{stages}"
    return (
        re.compile("|".join(_DOCKETS)),
        re.compile(rf"(?<![\w-])(?:{stages})(?![\w])"),
    )
