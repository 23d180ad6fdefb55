"""What a lawyer's question asks for, and which sentences of the coverage can answer it.

Each intent pairs a question pattern with an evidence pattern: a sentence only counts as
an answer when it carries the evidence, so a question the coverage cannot answer is
declined instead of guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
MONEY_PATTERN = re.compile(
    r"[$€£]\s?\d[\d,.]*(?:\s?(?:million|billion|thousand|[mbk]n?)\b)?|"
    r"\b\d[\d,.]*\s?(?:million|billion)\s?(?:dollars|euros|pounds|usd|eur|gbp)?|"
    r"\b(?:USD|EUR|GBP|€|£)\s?\d[\d,.]*|"
    r"\b(?:millions|billions) of (?:dollars|euros|pounds)",
    _I,
)
DATE_PATTERN = re.compile(  # "22 January 2025", "Jan. 22, 2025", "February 10"
    rf"\b{_MONTHS}\.?\s+(?:\d{{1,2}},?\s+)?(?:\d{{4}})\b|\b\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}\b|"
    rf"\b{_MONTHS}\.?\s+\d{{1,2}}\b(?!\s*(?:million|billion|percent|%))"
)


@dataclass(frozen=True, slots=True)
class Intent:
    name: str
    question: re.Pattern[str]
    evidence: re.Pattern[str]
    topic: str  # how a decline names what is missing


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _I)


def _cs(pattern: str) -> re.Pattern[str]:
    """Case-sensitive: a judge's NAME is capitalized; "judge says" is not a name."""
    return re.compile(pattern)


_RULING_WORDS = (
    r"\b(?:ruled|rules|ruling|held|holds|found|finds|decided|decision|dismiss\w*|rejected|"
    r"rejects|granted|grants|denied|denies|refused|verdict|jury|allowed|allows|lets|let|"
    r"sided|concluded|upheld|overturned|struck|blocked|approv\w*|entered|enters)\b"
)

# Order matters: the first intent whose question pattern matches wins, so narrow slots
# (a judge, a trial date, a docket) come before the broad ones that would swallow them.
INTENTS: tuple[Intent, ...] = (
    Intent(
        "judge",
        _p(
            r"\b(?:which|what) judge|who is the judge|judge'?s name|name of the judge|"
            r"who (?:is )?presid|judge (?:is )?(?:handling|assigned|overseeing|hearing|presiding)|"
            r"presiding judge|^\s*who (?:approved|ruled|decided|dismissed|signed off)"
        ),
        _cs(r"\b(?:Judge|Justice|Magistrate)\s+(?!Department\b)[A-Z][a-z]+"),
        "which judge presides",
    ),
    Intent(
        "docket",
        _p(r"\bdocket|case number|case no\b"),
        _p(r"\b\d{1,2}:\d{2}-[a-z]{2}-\d+|\bNo\.\s*[\w:-]*\d|\bcase number\b"),
        "a docket number",
    ),
    Intent(
        "lawyers",
        _p(r"^(?!.*\bhow much\b)(?:.*\b(?:law firms?|attorneys?|lawyers?|counsel|represent))"),
        _p(
            r"\b(?:attorneys?|lawyers?|counsel|law firm)\b[^.]*\b[A-Z][a-z]+|\bLLP\b|represented by"
        ),
        "who the lawyers are",
    ),
    Intent(
        "trial",
        _p(
            r"^(?!\s*(?:which|what) (?:court|judge|agency|regulator)\b)"
            r".*(?:\btrial\b|hearing|next (?:step|date)|deadline|scheduled)"
        ),
        _p(rf"\b(?:trial|hearing|deadline)\b[^.]*(?:{_MONTHS}|\b\d{{4}}\b|scheduled|set for)"),
        "when a trial, hearing or deadline is set",
    ),
    Intent(
        "count",
        _p(r"\bhow many\b|number of"),
        _p(
            r"\b\d[\d,.]*\s*(?:million\s+|billion\s+)?(?:(?!(?:over|for|in|of|to|from|by|on|and|with)\b)[A-Za-z]+\s+){0,2}?(?:users|members|people|customers|"
            r"patients|residents|accounts|individuals|employees|consumers|children|plaintiffs|"
            r"complaints|subscribers|drivers|students|workers|visitors|books|works|authors|states|"
            r"images|photos|photographs|records|devices|apps|artists)\b"
        ),
        "how many people are affected",
    ),
    Intent(
        "duration",
        _p(r"\bhow long\b|for how many (?:years|months)|duration"),
        _p(
            r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty)[- ]"
            r"(?:years?|months?|days?)\b"
        ),
        "how long",
    ),
    Intent(
        "when_first",
        _p(r"^\s*when\b"),
        DATE_PATTERN,
        "a date",
    ),
    Intent(
        "forum",
        # "Which regulator fined X?" asks who decided, not how much.
        _p(
            r"^\s*(?:which|what) (?:regulator|court|agency|authority|watchdog|tribunal)\b|"
            r"^\s*where\b(?!.*\b(?:stand|now|things)\b)"
        ),
        _p(
            r"\b(?:court|district|commission|regulator|authority|watchdog|agency|tribunal|"
            r"ombudsman|attorney general|ministry|board|supervisor|garante|cnil|ico|dpc|ftc)\b"
        ),
        "the court or regulator",
    ),
    Intent(
        "event",
        _p(
            r"^\s*(?:has|have|had|did|was|were)\b.*\b(?:settle\w*|paid|pay|approv\w*|"
            r"win|won|lose|lost|decided?|amended complaint|appeal\w*|fined?|dismiss\w*|"
            r"rul(?:ed|ing)|certif\w*|verdict|jury|sign\w* off)\b"
        ),
        _p(r"."),  # narrowed to the asked event by answer_events
        "whether that has happened",
    ),
    Intent(
        "appeal",
        _p(r"^(?!.*\b(?:which|what) court\b)(?!.*\bwhere\b).*\bappeal\w*"),
        _p(r"\bappeal\w*"),
        "an appeal",
    ),
    Intent(
        "said",
        _p(
            r"\b(?:say|said|says|respon\w*|react\w*|statement|comment\w*|den(?:y|ied|ies)|"
            r"position|defen[cs]e|reply|replied|argu\w*)\b"
        ),
        _p(
            r"\b(?:said|says|spokes\w*|statement|denie[sd]|deny|called the|calling the|"
            r"declined to comment|did not (?:immediately )?respond|disputes?|disagree\w*|"
            r"plans? to (?:fight|appeal|challenge)|will (?:appeal|fight|challenge)|"
            r"blog post|maintains?|rejected|argu\w*|contend\w*|disappointed)\b"
        ),
        "what the company said",
    ),
    Intent(
        "agreed",
        _p(
            r"\bagree\w*|terms of|settlement terms|promise\w*|commit\w*|has to do|must do|"
            r"(?:kind|type) of settlement|\bchang\w*|remed\w*|\bfix\w*"
        ),
        _p(
            r"\b(?:agree\w*|settle\w*|consent decree|will (?:stop|delete|limit|pay|destroy)|"
            r"barred|banned|bans|must|required|permanently|promised|committed|roll out|"
            r"would (?:add|change|stop|delete|update)|changed|updated)\b"
        ),
        "what was agreed",
    ),
    Intent(
        "money",
        _p(
            r"\bdamages\b|how much|\bfine[ds]?\b|penalt|\bsettle\w*\b.*\b(?:for|amount|pay)|"
            r"amount|compensat|\bpay\w*|money|award|restitution|\bsought\b|\bseek\w*|"
            r"\bcost\b|\bworth\b|ask(?:ing|s|ed)? for|\bwant\w*|demand\w*|relief|\bget\b|"
            r"\bfigure\b|dollars?\b|at stake|exposure|\bsum\b|how (?:large|big)|\bfees?\b"
        ),
        MONEY_PATTERN,
        "an amount of money",
    ),
    Intent(
        "status",
        _p(
            r"\bstatus\b|latest|\bstand\b|current|\bnow\b|update|outcome|resolved|happened|"
            r"progress|\bstill\b|ongoing|where (?:is|are) (?:it|things)|stage"
        ),
        _p(r"."),
        "the current status",
    ),
    Intent(
        "ruling",
        _p(
            r"(?<!what )(?<!which )\b(?:rule|ruled|ruling|decide|decided|decision|find|found|"
            r"verdict|hold|held|grounds)\b|\bwhy\b.*\bdismiss\w*|"
            r"what did the (?:judge|court|jury) do|how did .* go\b|motion to dismiss"
        ),
        _p(_RULING_WORDS),
        "a ruling",
    ),
    Intent(
        "when",
        _p(r"\bwhen\b|what date|which (?:day|month|year)|how long ago|\bdate\b"),
        DATE_PATTERN,
        "a date",
    ),
    Intent(
        "forum",
        _p(
            r"\bwhere\b|which court|what court|\bcourt\b|regulator|venue|jurisdiction|"
            r"agency|authority|watchdog|\bforum\b|\bstate\b"
        ),
        _p(
            r"\b(?:court|district|commission|regulator|authority|watchdog|agency|tribunal|"
            r"ombudsman|attorney general|ministry|board|supervisor|garante|cnil|ico|dpc|ftc)\b"
        ),
        "the court or regulator",
    ),
    Intent(
        "parties_who",
        _p(r"^\s*(?:and\s+)?who\b|\bwho (?:sued|is suing|filed|brought|complained)"),
        _p(
            r"\b(?:sued|sues|suing|filed|brought|on behalf|plaintiffs?|complain\w*|lawsuit against|"
            r"accus\w*|fined|ordered|represent\w*|against)\b"
        ),
        "who the parties are",
    ),
    Intent(
        "laws",
        _p(
            r"\blaws?\b|statutes?|\bclaims?\b|legal theor|\bcounts?\b|violat|\bacts?\b|"
            r"legal basis|causes? of action|charges?|regulations?|rules?|\bbr(?:oke|eak\w*)\b"
        ),
        _p(
            r"\b(?:Act|law|statute|GDPR|CCPA|BIPA|COPPA|CIPA|DMA|DSA|violat\w*|breach\w*|"
            r"unjust enrichment|negligen\w*|invasion of privacy|intrusion|wiretap\w*|"
            r"copyright|infring\w*|unfair competition|consumer protection)\b"
        ),
        "which laws or claims",
    ),
    Intent(
        "parties",
        _p(r"\bwho\b|plaintiffs?|defendants?|complainants?|\bparties\b|brought|\bsu(?:ed|ing)\b"),
        _p(
            r"\b(?:sued|sues|suing|filed|brought|on behalf|plaintiffs?|complain\w*|lawsuit against|"
            r"accus\w*|fined|ordered|represent\w*|against)\b"
        ),
        "who the parties are",
    ),
    Intent(
        "allegation",
        _p(
            r"alleg|accus|about\b|what did .* do|wrong|\bwhy\b|basis|complain|"
            r"\bwhich (?:platforms|companies|third parties|partners|advertisers)\b|receiv\w*"
        ),
        _p(
            r"\b(?:alleg\w*|accus\w*|claims? that|says? (?:it|the company)|without "
            r"(?:consent|permission|notice)|violat\w*|unlawful\w*|illegal\w*|secretly|"
            r"improperly|used .* to train|collect\w*|shar(?:ed|ing)|disclos\w*)\b"
        ),
        "what is alleged",
    ),
)


def detect_intent(question: str) -> Intent | None:
    for intent in INTENTS:
        if intent.question.search(question):
            return intent
    return None
