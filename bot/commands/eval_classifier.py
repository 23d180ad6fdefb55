"""`privacy-bot eval-classifier`: scores the classifier on a corpus split, next to a
plain keyword alert."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.evaluation.classifier import evaluate
from bot.evaluation.corpus import SPLITS, TEST_SPLIT, default_corpus_dir, load_split
from bot.evaluation.report import format_report

NAME = "eval-classifier"
HELP = "precision/recall/F1 and fact accuracy on a labeled split, vs a keyword alert"
NEEDS_APP = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--split",
        choices=[*SPLITS, "all"],
        default=TEST_SPLIT,
        help=f"which labeled split to score (default: {TEST_SPLIT}, the test split; heldout "
        "and heldout2 are retired test splits, now development splits; all = every "
        "development split)",
    )
    parser.add_argument("--corpus-dir", type=Path, default=None, help="labeled corpus folder")
    parser.add_argument("--fact-misses", action="store_true", help="also list fact misses")
    parser.add_argument(
        "--figures-only",
        action="store_true",
        help="print the figures without any item (use it on the held-out split)",
    )


def run(args: argparse.Namespace, app: object) -> int:
    out = getattr(app, "out", None) or sys.stdout
    items = load_split(args.corpus_dir or default_corpus_dir(), args.split)
    if not items:
        print(f"no items in split {args.split}", file=out)
        return 1
    report = evaluate(items)
    if args.figures_only:
        print(format_report(report, args.split, show_items=False), file=out)
    else:
        print(format_report(report, args.split, args.fact_misses), file=out)
    return 0
