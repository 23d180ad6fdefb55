"""`privacy-bot eval-cases`: case grouping (pairwise precision/recall/F1) and answering
(answerable questions answered correctly with a citation; unanswerable ones declined)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.domain.classify import classify
from bot.evaluation.cases import CaseEvaluation, evaluate

NAME = "eval-cases"
HELP = "score case grouping and question answering on tests/data/cases"
NEEDS_APP = False  # runs on its own throwaway SQLite database


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus-dir", type=Path, default=None, help="case corpus folder")
    parser.add_argument(
        "--part",
        choices=["all", "tune", "check", "heldout3", "heldout2", "heldout", "dev", "dev2"],
        default="all",
        help="which cases to score (heldout3: the test corpus, never tuned on; heldout and "
        "heldout2: earlier test corpora, now for development; dev: new questions; dev2: a "
        "second development corpus)",
    )
    parser.add_argument("--misses", action="store_true", help="also list wrong answers")


def run(args: argparse.Namespace, app: object) -> int:
    out = getattr(app, "out", None) or sys.stdout
    result = evaluate(classify, args.corpus_dir, args.part)
    print(format_report(result, args.misses), file=out)
    return 0


def format_report(result: CaseEvaluation, misses: bool = False) -> str:
    g = result.grouping
    answerable = [q for q in result.questions if q.answerable]
    unanswerable = [q for q in result.questions if not q.answerable]
    lines = [
        f"grouping: {g.stories} stories, {g.true_cases} true cases, {g.predicted_cases} predicted",
        f"  pairwise precision {g.precision:.3f}  recall {g.recall:.3f}  F1 {g.f1:.3f}",
        f"answerable answered correctly with a citation: {result.answered_share:.1%} "
        f"of {len(answerable)}",
        f"unanswerable declined: {result.declined_share:.1%} of {len(unanswerable)}",
    ]
    if misses:
        for q in result.questions:
            if not q.correct:
                lines.append(f"  miss {q.id} [{q.case}] {q.question} expected={list(q.expected)}")
                lines.append("    -> " + q.answer.text.replace("\n", " | ")[:240])
    return "\n".join(lines)
