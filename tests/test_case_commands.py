"""The case commands as an operator meets them: cases, case, ask, search, correct."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.adapters.db.engine import make_engine, make_session_factory, upgrade_schema
from bot.cli import main
from bot.domain.models import Money
from bot.services.cases import CaseService
from tests.support.case_stories import T0, insert_story, judged

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A database holding the LinkedIn InMail case (#1) and an unrelated TikTok case (#2)."""
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    engine = make_engine(url)
    upgrade_schema(engine)
    sessions = make_session_factory(engine)
    service = CaseService(sessions)
    story = insert_story(
        sessions,
        "LinkedIn accused of using private messages to train AI",
        "A Premium customer sued LinkedIn in federal court in San Jose over InMail messages "
        "used to train AI. The suit seeks $1,000 per user.",
        url="https://www.reuters.example/linkedin",
    )
    facts = judged(
        ("LinkedIn",),
        money=(Money("$1,000 per user", "statutory_damages"),),
        courts=("N.D. Cal.",),
        stage="filed",
    )
    service.attach_story(story, facts, T0)
    other = insert_story(
        sessions,
        "TikTok to pay $92 million over biometric data",
        "TikTok settled Illinois biometric privacy claims for $92 million.",
        url="https://www.apnews.example/tiktok",
    )
    service.attach_story(other, judged(("TikTok",), stage="settlement"), T0)
    engine.dispose()
    return url


@pytest.fixture
def run(db_url: str, capsys: pytest.CaptureFixture[str]) -> Run:
    def _run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv), env={"DATABASE_URL": db_url})
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return _run


def test_cases_json_lists_cases_in_the_contract_shape(run: Run) -> None:
    code, out, _ = run("cases", "--json")
    cases = json.loads(out)
    assert code == 0 and len(cases) == 2
    linkedin = next(c for c in cases if c["defendants"] == ["LinkedIn"])
    assert linkedin["money"] == ["$1,000 per user"] and linkedin["court"] == "N.D. Cal."
    assert linkedin["stories"][0]["url"] == "https://www.reuters.example/linkedin"
    assert linkedin["stories"][0]["published"].startswith("2025-01-22")


def test_cases_query_filters_by_company(run: Run) -> None:
    code, out, _ = run("cases", "tiktok")
    assert code == 0 and "TikTok" in out and "LinkedIn" not in out


def test_case_shows_facts_and_timeline(run: Run) -> None:
    code, out, _ = run("case", "1")
    assert code == 0
    assert "Defendants:    LinkedIn" in out and "Timeline:" in out and "2025-01-22  Reuters" in out
    code, out, _ = run("case", "1", "--json")
    assert json.loads(out)["id"] == 1


def test_unknown_case_is_a_one_line_error(run: Run) -> None:
    code, _, err = run("case", "42")
    assert code == 1 and "no case #42" in err


def test_ask_json_answers_with_citations(run: Run) -> None:
    code, out, _ = run("ask", "1", "How much in damages are they seeking?", "--json")
    body = json.loads(out)
    assert code == 0 and body["answered"] is True and "$1,000" in body["answer"]
    assert body["citations"][0]["url"] == "https://www.reuters.example/linkedin"
    code, out, _ = run("ask", "linkedin", "Who is the judge?", "--json")
    assert json.loads(out)["answered"] is False


def test_search_prints_ranked_hits_with_snippets(run: Run) -> None:
    code, out, _ = run("search", "biometric")
    assert code == 0 and "TikTok to pay $92 million" in out and "*biometric*" in out
    assert "no stories match" in run("search", "zebra")[1]


def test_correct_merge_then_cases_shows_one_case(run: Run) -> None:
    code, out, _ = run("correct", "merge", "2", "1")
    assert code == 0 and out.startswith("merge done: #1")
    assert len(json.loads(run("cases", "--json")[1])) == 1
    code, _, err = run("correct", "move", "1")
    assert code == 1 and "usage" in err
