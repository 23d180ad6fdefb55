"""Renders an evaluation report as the plain text `eval-classifier` prints."""

from __future__ import annotations

from bot.evaluation.classifier import PRF, Report


def format_report(
    report: Report, split: str, show_fact_misses: bool = False, show_items: bool = True
) -> str:
    """The figures, then (unless `show_items` is off) the misclassified items and, on
    request, the fact misses; figures only keeps a held-out split's items unseen."""
    lines = [f"split: {split} ({report.items} items)", "", "relevance and topics:"]
    lines.append(_prf_line("relevance (model)", report.relevance))
    lines += [_prf_line(f"  {topic}", prf) for topic, prf in report.topics.items()]
    lines.append(_prf_line("relevance (keyword alert)", report.keyword))
    lines.append(_prf_line("hard items (model)", report.hard))
    lines.append(_prf_line("hard items (keyword alert)", report.keyword_hard))
    gain = report.hard.f1 - report.keyword_hard.f1
    lines += [f"  F1 gain over keyword alert on hard items: {gain:+.3f}", "", "facts:"]
    for kind, ratio in report.facts.items():
        lines.append(f"  {kind:<12} {ratio.value:.3f}  ({ratio.hits}/{ratio.total})")
    if not show_items:
        lines += ["", f"misclassified: {len(report.misclassified)} (items not shown)"]
        return "\n".join(lines)
    lines += ["", f"misclassified ({len(report.misclassified)}):"]
    lines += [f"  {line}" for line in report.misclassified] or ["  none"]
    if show_fact_misses:
        lines += ["", f"fact misses ({len(report.fact_misses)}):"]
        lines += [f"  {line}" for line in report.fact_misses] or ["  none"]
    return "\n".join(lines)


def _prf_line(label: str, prf: PRF) -> str:
    return (
        f"  {label:<28} precision {prf.precision:.3f}  recall {prf.recall:.3f}  "
        f"F1 {prf.f1:.3f}  (tp {prf.tp}, fp {prf.fp}, fn {prf.fn})"
    )
