"""`privacy-bot classify [FILE|-]`: JSON Lines of stories in, one judgment per line out."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any, TextIO

from bot.domain.classify import classify
from bot.domain.models import Classification

NAME = "classify"
HELP = "classify stories: JSON Lines {id, title, summary} in (FILE or stdin), JSON Lines out"
NEEDS_APP = False  # pure computation: no database, no settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", default="-", help="input file, or - for stdin")


def run(args: argparse.Namespace, app: object) -> int:
    out: TextIO = getattr(app, "out", None) or sys.stdout
    if args.file == "-":
        _write(classify_lines(sys.stdin), out)
        return 0
    try:
        with open(args.file, encoding="utf-8", errors="replace") as handle:
            _write(classify_lines(handle), out)
    except OSError as error:
        print(f"privacy-bot classify: cannot read {args.file}: {error.strerror}", file=sys.stderr)
        return 1
    return 0


def classify_lines(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """One output object per non-blank input line, in order; bad lines become errors."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _classify_line(line, number)


def _classify_line(line: str, number: int) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except ValueError as error:
        return {"line": number, "error": f"invalid JSON: {error}"}
    if not isinstance(item, dict):
        return {"line": number, "error": "expected a JSON object"}
    title, summary = _text(item.get("title")), _text(item.get("summary"))
    return render(item.get("id"), classify(title, summary))


def _text(value: object) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def render(story_id: object, result: Classification) -> dict[str, Any]:
    """The contract's output object (money as strings), plus `money_detail`."""
    e = result.entities
    return {
        "id": story_id,
        "relevant": result.relevant,
        "score": result.score,
        "topics": list(result.topics),
        "why": list(result.why),
        "entities": {
            "companies": list(e.companies),
            "laws": list(e.laws),
            "money": [m.text for m in e.money],
            "courts": list(e.courts),
            "dockets": list(e.dockets),
            "stage": e.stage,
            "money_detail": [asdict(m) for m in e.money],
            "plaintiffs": list(e.plaintiffs),
        },
    }


def _write(results: Iterable[dict[str, Any]], out: TextIO) -> None:
    for result in results:
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
