"""Plain-text rendering of cases, answers and search hits for the command line."""

from __future__ import annotations

from collections.abc import Sequence

from bot.adapters.db.story_search import SearchHit
from bot.domain.answer import STAGE_LABELS
from bot.domain.models import Answer, Case
from bot.domain.summarize import summarize_case


def case_line(case: Case) -> str:
    stage = STAGE_LABELS.get(case.facts.stage or "", "stage unknown")
    updated = f"{case.last_update:%Y-%m-%d}" if case.last_update else "?"
    count = len(case.stories)
    return f"#{case.id}  {case.facts.title}  [{stage}; {count} stories; updated {updated}]"


def case_detail(case: Case) -> str:
    facts = case.facts
    rows = [
        f"#{case.id}  {facts.title}",
        "",
        summarize_case(case),
        "",
        _fact("Defendants", ", ".join(facts.defendants)),
        _fact("Plaintiffs", ", ".join(facts.plaintiffs)),
        _fact("Court", facts.court or ""),
        _fact("Regulator", facts.regulator or ""),
        _fact("Docket", facts.docket or ""),
        _fact("Laws", ", ".join(facts.laws)),
        _fact("Money", "; ".join(f"{m.text} ({m.kind.replace('_', ' ')})" for m in facts.money)),
        _fact("Stage", STAGE_LABELS.get(facts.stage or "", "")),
        _fact("Stage history", ", ".join(f"{s} {at:%Y-%m-%d}" for s, at in case.stage_history)),
        "",
        "Timeline:",
    ]
    rows += [
        f"  {s.published:%Y-%m-%d}  {s.outlet or 'source'}: {s.title}  {s.url}".rstrip()
        if s.published
        else f"  ????-??-??  {s.outlet or 'source'}: {s.title}  {s.url}".rstrip()
        for s in case.stories
    ]
    return "\n".join(row for row in rows if row is not None)


def _fact(label: str, value: str) -> str:
    return f"{label + ':':<15}{value or '-'}"


def answer_text(reply: Answer) -> str:
    lines = [reply.text]
    if reply.citations:
        lines.append("")
        lines.append("Sources:" if reply.answered else "Closest coverage:")
        lines += [
            f"  - {c.outlet or 'source'}: {c.title} {c.url}".rstrip() for c in reply.citations
        ]
    return "\n".join(lines)


def hits_text(hits: Sequence[SearchHit]) -> str:
    if not hits:
        return "no stories match"
    rows = []
    for hit in hits:
        when = f"{hit.published:%Y-%m-%d}" if hit.published else "????-??-??"
        case = f" (case #{hit.case_id})" if hit.case_id else ""
        rows.append(
            f"{when}  {hit.outlet or 'source'}: {hit.title}{case}\n    {hit.snippet}\n    {hit.url}"
        )
    return "\n".join(rows)
