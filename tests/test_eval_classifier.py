"""`privacy-bot eval-classifier`: prints the figures; the held-out split meets the targets."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pytest

from bot.cli import build_parser
from bot.commands import eval_classifier
from bot.commands import train as train_command
from bot.evaluation.classifier import Report, evaluate
from bot.evaluation.corpus import DEV_SPLITS, TEST_SPLIT, default_corpus_dir, load_split


class Out:
    def __init__(self) -> None:
        self.out = io.StringIO()


def test_eval_command_prints_model_and_keyword_figures() -> None:
    app = Out()
    args = build_parser().parse_args(["eval-classifier", "--split", "train"])
    assert eval_classifier.run(args, app) == 0
    text = app.out.getvalue()
    assert "relevance (model)" in text and "relevance (keyword alert)" in text
    assert "misclassified" in text and "laws" in text


def test_train_command_is_registered_with_options(tmp_path: Path) -> None:
    args = build_parser().parse_args(["train", "--output", str(tmp_path / "m.json")])
    assert args.handler is train_command and args.output == tmp_path / "m.json"


def test_retired_heldout_split_meets_the_targets() -> None:
    """heldout.jsonl was the test split until round 8; it is a development split now (the
    targets are a regression floor here, not a claim about unseen stories)."""
    report = evaluate(load_split(default_corpus_dir(), "heldout"))
    assert report.relevance.f1 >= 0.95 and report.relevance.precision >= 0.95
    assert report.hard.f1 - report.keyword_hard.f1 >= 0.10
    assert report.facts["laws"].value >= 0.95
    assert report.facts["money"].value >= 0.90
    assert report.facts["defendants"].value >= 0.90


def test_retired_heldout2_split_holds_its_figures() -> None:
    """heldout2.jsonl was the test split until round 12; a development split now, held at
    what it meets (a regression floor)."""
    report = evaluate(load_split(default_corpus_dir(), "heldout2"))
    assert report.relevance.f1 >= 0.95 and report.relevance.precision >= 0.95
    assert report.hard.f1 - report.keyword_hard.f1 >= 0.10
    # laws 50/53: the three left are labels of laws the text does not name.
    assert report.facts["laws"].value >= 0.94
    assert report.facts["money"].value >= 0.95
    assert report.facts["defendants"].value >= 0.91
    assert report.facts["courts"].value >= 0.95
    assert report.facts["stage"].value >= 0.92


@cache
def _test_split_report() -> Report:
    return evaluate(load_split(default_corpus_dir(), TEST_SPLIT))


def test_test_split_meets_the_relevance_law_and_money_targets() -> None:
    report = _test_split_report()
    assert report.relevance.f1 >= 0.95 and report.relevance.precision >= 0.95
    assert report.hard.f1 - report.keyword_hard.f1 >= 0.10
    assert report.facts["laws"].value >= 0.95
    assert report.facts["money"].value >= 0.90


def test_test_split_defendants_do_not_fall_below_their_first_measurement() -> None:
    assert _test_split_report().facts["defendants"].value >= 0.83


@pytest.mark.xfail(
    strict=True,
    reason="heldout3, the test split, measured once: first defendant 0.835 (71/85), "
    "target 0.90 (relevance 1.000, laws 0.963, money 0.962 meet theirs)",
)
def test_test_split_meets_the_defendant_target() -> None:
    assert _test_split_report().facts["defendants"].value >= 0.90


def test_all_means_every_development_split_never_the_test_split() -> None:
    corpus = default_corpus_dir()
    every = load_split(corpus, "all")
    assert len(every) == sum(len(load_split(corpus, name)) for name in DEV_SPLITS)
    assert TEST_SPLIT not in DEV_SPLITS
    assert build_parser().parse_args(["eval-classifier"]).split == TEST_SPLIT


def test_commands_are_in_the_catalogue() -> None:
    from bot.commands import COMMAND_MODULES

    assert {"classify", "train", "eval_classifier"} <= set(COMMAND_MODULES)


def test_figures_only_prints_no_item() -> None:
    app = Out()
    args = build_parser().parse_args(["eval-classifier", "--split", "dev3", "--figures-only"])
    assert eval_classifier.run(args, app) == 0
    text = app.out.getvalue()
    assert "relevance (model)" in text and "defendants" in text
    assert "dv3-" not in text and "want relevant" not in text
