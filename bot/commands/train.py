"""`privacy-bot train`: retrain the classifier from the labeled corpus and user feedback."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.bootstrap import App
from bot.evaluation.corpus import default_corpus_dir, load_split
from bot.services.train import default_model_path, load_feedback, save_model, train_model

NAME = "train"
HELP = "retrain the classifier from the corpus (train, dev, dev2 splits) and user feedback"
# The splits the shipped model learns from; dev3 and dev4 (kept for measuring unseen styles)
# and heldout2 (the test split) never are. Adding heldout (retired as a test split in
# round 8) lowered dev3 relevance F1 0.938 -> 0.917, so it is not learned from yet.
TRAINING_SPLITS = ("train", "dev", "dev2")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus-dir", type=Path, default=None, help="labeled corpus folder")
    parser.add_argument("--output", type=Path, default=None, help="where to write the weights")
    parser.add_argument("--no-feedback", action="store_true", help="ignore feedback rows")


def run(args: argparse.Namespace, app: App) -> int:
    corpus_dir = args.corpus_dir or default_corpus_dir()
    items = [item for split in TRAINING_SPLITS for item in load_split(corpus_dir, split)]
    feedback = [] if args.no_feedback else load_feedback(app.sessions)
    if not items and not feedback:
        print(f"no training data in {corpus_dir}", file=app.out)
        return 1
    output = args.output or default_model_path()
    save_model(train_model(items, feedback), output)
    print(
        f"trained on {len(items)} corpus items and {len(feedback)} feedback rows: {output}",
        file=app.out,
    )
    return 0
