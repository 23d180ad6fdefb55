"""The case corpus meets the targets: grouping pairwise F1 >= 0.90, >= 90% of answerable
questions answered correctly with a citation, >= 90% of unanswerable ones declined."""

from __future__ import annotations

from functools import cache

import pytest

from bot.cli import main
from bot.commands import COMMAND_MODULES
from bot.domain.classify import classify
from bot.domain.models import Answer, Citation
from bot.evaluation.cases import CaseEvaluation, evaluate, is_correct, pairwise_scores


@cache
def _corpus_result() -> CaseEvaluation:
    return evaluate(classify)


def test_pairwise_scores_count_pairs_of_stories() -> None:
    truth = {"a": "x", "b": "x", "c": "y"}
    assert pairwise_scores(truth, {"a": 1, "b": 1, "c": 2}).f1 == 1.0
    split = pairwise_scores(truth, {"a": 1, "b": 2, "c": 3})
    assert split.precision == 1.0 and split.recall == 0.0
    lumped = pairwise_scores(truth, {"a": 1, "b": 1, "c": 1})
    assert lumped.recall == 1.0 and lumped.precision == pytest.approx(1 / 3)


def test_a_correct_answer_needs_every_expected_string_and_a_case_citation() -> None:
    cite = (Citation("https://r.example/1", "t"),)
    urls = {"https://r.example/1"}
    assert is_correct(Answer("Seeks $1,000 per user", True, cite), True, ["$1,000"], urls)
    assert not is_correct(Answer("Seeks $1,000", True, ()), True, ["$1,000"], urls)
    assert not is_correct(Answer("Seeks money", True, cite), True, ["$1,000"], urls)
    assert is_correct(Answer("Not in coverage", False, ()), False, [], urls)


def test_grouping_meets_the_f1_target() -> None:
    assert _corpus_result().grouping.f1 >= 0.90


def test_answerable_questions_are_answered_correctly_with_a_citation() -> None:
    assert _corpus_result().answered_share >= 0.90


def test_unanswerable_questions_are_declined() -> None:
    assert _corpus_result().declined_share >= 0.90


def test_eval_cases_command_prints_the_scores(capsys: pytest.CaptureFixture[str]) -> None:
    assert "eval_cases" in COMMAND_MODULES
    assert main(["eval-cases", "--part", "tune"]) == 0
    out = capsys.readouterr().out
    assert "pairwise precision" in out and "unanswerable declined" in out


@cache
def _retired_heldout_result() -> CaseEvaluation:
    # heldout_*.jsonl was the held-out test corpus until round 7; it is now development
    # data (its misses were studied), so it no longer measures unseen coverage.
    return evaluate(classify, part="heldout")


@pytest.mark.xfail(
    strict=True,
    reason="retired held-out corpus, now a dev set, misses the targets: grouping F1 0.869 "
    "(P 0.905 R 0.835), answers 72.0% of 50, declines 70.0% of 20 (round 7)",
)
def test_retired_heldout_dev_corpus_meets_the_targets() -> None:
    result = _retired_heldout_result()
    assert result.grouping.f1 >= 0.90
    assert result.answered_share >= 0.90
    assert result.declined_share >= 0.90


@cache
def _retired_heldout2_result() -> CaseEvaluation:
    # heldout2_*.jsonl was the held-out test corpus until round 9; its misses are now
    # studied, so it is development data and no longer measures unseen coverage.
    return evaluate(classify, part="heldout2")


@pytest.mark.xfail(
    strict=True,
    reason="second retired held-out corpus, now a dev set, misses the targets: grouping "
    "F1 0.755 (P 0.831 R 0.691), answers 70.0% of 50, declines 80.0% of 20",
)
def test_second_retired_heldout_dev_corpus_meets_the_targets() -> None:
    result = _retired_heldout2_result()
    assert result.grouping.f1 >= 0.90
    assert result.answered_share >= 0.90
    assert result.declined_share >= 0.90


@cache
def _test_corpus_result() -> CaseEvaluation:
    # heldout3_*.jsonl is the test corpus: written apart from the code, never tuned on.
    return evaluate(classify, part="heldout3")


def test_test_corpus_does_not_fall_below_its_first_measurement() -> None:
    result = _test_corpus_result()
    assert result.grouping.f1 >= 0.82
    assert result.answered_share >= 0.74
    assert result.declined_share >= 0.85


@pytest.mark.xfail(
    strict=True,
    reason="heldout3, the test corpus, measured twice (figures only): grouping F1 0.830, "
    "then 0.839 (P 0.926 R 0.767) after the case-keys lookup; answers 75.9% of 54, "
    "declines 85.7% of 21",
)
def test_test_corpus_meets_the_targets() -> None:
    result = _test_corpus_result()
    assert result.grouping.f1 >= 0.90
    assert result.answered_share >= 0.90
    assert result.declined_share >= 0.90
