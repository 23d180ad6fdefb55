"""`privacy-bot classify`: JSON Lines in, the contract's JSON Lines out, bad lines named."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.cli import build_parser
from bot.commands import classify as classify_command
from tests.domain.test_extract import SEED_SUMMARY, SEED_TITLE


class Out:
    def __init__(self) -> None:
        self.out = io.StringIO()


def run_classify(tmp_path: Path, lines: list[str]) -> list[dict]:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    app = Out()
    args = build_parser().parse_args(["classify", str(source)])
    assert classify_command.run(args, app) == 0
    return [json.loads(line) for line in app.out.getvalue().splitlines()]


def test_contract_output_for_the_seed_story(tmp_path: Path) -> None:
    story = {"id": "seed", "title": SEED_TITLE, "summary": SEED_SUMMARY}
    [result] = run_classify(tmp_path, [json.dumps(story)])
    assert result["id"] == "seed" and result["relevant"] is True
    assert result["topics"] == ["privacy_action", "ai_training"]
    assert result["entities"]["money"] == ["$1,000 per user"]
    assert result["entities"]["courts"] == ["N.D. Cal."]
    assert set(result["entities"]) >= {"companies", "laws", "money", "courts", "dockets", "stage"}


def test_invalid_line_yields_an_error_and_the_rest_is_processed(tmp_path: Path) -> None:
    lines = ['{"id": 1, "title": "a", "summary": "b"}', "{broken", '{"id": 3, "summary": ""}']
    results = run_classify(tmp_path, lines)
    assert [r.get("id") for r in results] == [1, None, 3]
    assert results[1]["line"] == 2 and results[1]["error"].startswith("invalid JSON")


def test_reads_stdin_when_file_is_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": 7, "title": "", "summary": ""}\n'))
    app = Out()
    assert classify_command.run(build_parser().parse_args(["classify", "-"]), app) == 0
    assert json.loads(app.out.getvalue())["id"] == 7
