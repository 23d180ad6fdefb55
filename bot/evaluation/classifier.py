"""Scores the classifier and the extractor on a corpus split, next to the plain keyword
alert a team would otherwise use, measured in the same run."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.domain.classify import classify
from bot.domain.companies import company_key
from bot.domain.models import Classification
from bot.domain.money import parse_amount
from bot.evaluation.corpus import LabeledStory

KEYWORD_ALERT = re.compile(
    r"\b(?:lawsuits?|sue[sd]?|suing|class action|fine[sd]?|settlements?|privacy|gdpr|"
    r"personal data|data protection|ai training|train(?:ed|ing)? (?:ai|models?)|"
    r"regulators?|watchdog|court)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Ratio:
    hits: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 1.0


@dataclass(slots=True)
class Report:
    items: int = 0
    relevance: PRF = PRF()
    topics: dict[str, PRF] = field(default_factory=dict)
    hard: PRF = PRF()
    keyword: PRF = PRF()
    keyword_hard: PRF = PRF()
    facts: dict[str, Ratio] = field(default_factory=dict)
    misclassified: list[str] = field(default_factory=list)
    fact_misses: list[str] = field(default_factory=list)


def evaluate(
    items: Sequence[LabeledStory],
    judge: Callable[[str, str], Classification] = classify,
) -> Report:
    report = Report(items=len(items))
    judged = [(item, judge(item.title, item.summary)) for item in items]
    report.relevance = _prf([(i.relevant, c.relevant) for i, c in judged])
    report.hard = _prf([(i.relevant, c.relevant) for i, c in judged if i.hard])
    alerts = [(i, bool(KEYWORD_ALERT.search(f"{i.title} {i.summary}"))) for i in items]
    report.keyword = _prf([(i.relevant, a) for i, a in alerts])
    report.keyword_hard = _prf([(i.relevant, a) for i, a in alerts if i.hard])
    for topic in ("privacy_action", "ai_training"):
        report.topics[topic] = _prf([(topic in i.topics, topic in c.topics) for i, c in judged])
    report.misclassified = [_miss_line(i, c) for i, c in judged if i.relevant != c.relevant]
    _score_facts(report, [(i, c) for i, c in judged if i.relevant and i.entities])
    return report


def _prf(pairs: Sequence[tuple[bool, bool]]) -> PRF:
    tp = sum(1 for want, got in pairs if want and got)
    fp = sum(1 for want, got in pairs if got and not want)
    fn = sum(1 for want, got in pairs if want and not got)
    return PRF(tp, fp, fn)


def _miss_line(item: LabeledStory, got: Classification) -> str:
    want = "relevant" if item.relevant else "not relevant"
    return f"{item.id} [{item.group}] want {want}, score {got.score:.2f}: {item.title[:90]}"


def _score_facts(report: Report, judged: list[tuple[LabeledStory, Classification]]) -> None:
    counters: dict[str, list[int]] = {}
    for item, got in judged:
        for kind, hits, total in _fact_scores(item.entities, got):
            pair = counters.setdefault(kind, [0, 0])
            pair[0] += hits
            pair[1] += total
            if hits < total:
                report.fact_misses.append(
                    f"{item.id} {kind}: want {_want(item, kind)}, got {_got(got, kind)}"
                )
    report.facts = {kind: Ratio(h, t) for kind, (h, t) in counters.items()}


def _fact_scores(want: dict, got: Classification) -> list[tuple[str, int, int]]:
    e = got.entities
    scores = [
        ("laws", *_recall(want.get("laws") or [], e.laws, str.casefold)),
        ("money", *_money_hits(want.get("money") or [], got)),
        ("courts", *_recall(want.get("courts") or [], e.courts, str.casefold)),
        ("dockets", *_recall(want.get("dockets") or [], e.dockets, _docket_key)),
    ]
    companies = want.get("companies") or []
    if companies:
        first = e.companies[0] if e.companies else ""
        scores.append(("defendants", int(same_company(first, companies[0])), 1))
    if want.get("stage"):
        scores.append(("stage", int(want["stage"] == e.stage), 1))
    return scores


def _recall(want: list[str], got: Sequence[str], key: Callable[[str], str]) -> tuple[int, int]:
    have = {key(g) for g in got}
    return sum(1 for w in want if key(w) in have), len(want)


def _money_hits(want: list[dict], got: Classification) -> tuple[int, int]:
    found = [(m.amount, m.kind) for m in got.entities.money]
    hits = 0
    for money in want:
        amount, _ = parse_amount(money.get("text", ""))
        if any(_close(amount, a) and kind == money.get("kind") for a, kind in found):
            hits += 1
    return hits, len(want)


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 0.005 * max(abs(a), 1.0)


def same_company(got: str, want: str) -> bool:
    """The same defendant under the alias table (Instagram is Meta's, GM is General Motors)
    or by its leading words ("Amazon France Logistique" is an Amazon)."""
    a, b = company_key(got), company_key(want)
    if not a or not b:
        return False
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def _docket_key(docket: str) -> str:
    return re.sub(r"^(?:case )?(?:no\.? ?)?", "", docket.casefold().strip())


def _want(item: LabeledStory, kind: str) -> object:
    key = "companies" if kind == "defendants" else kind
    return item.entities.get(key)


def _got(got: Classification, kind: str) -> object:
    e = got.entities
    if kind == "money":
        return [f"{m.text} ({m.kind})" for m in e.money]
    return {"defendants": list(e.companies), "stage": e.stage}.get(kind, getattr(e, kind, None))
