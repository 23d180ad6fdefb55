"""The labeled story corpus (tests/data/classify/*.jsonl): loading and locating it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import ConfigError

# Development splits, tuned on freely; heldout and heldout2 were test splits once (retired).
DEV_SPLITS = ("train", "dev", "dev2", "dev3", "dev4", "dev5", "heldout", "heldout2")
# The test split: never tuned on, never part of `all`.
TEST_SPLIT = "heldout3"
SPLITS = (*DEV_SPLITS, TEST_SPLIT)
HARD_GROUPS = ("hard_negative", "keyword_poor_positive")


@dataclass(frozen=True, slots=True)
class LabeledStory:
    """One corpus item: the story as a feed gives it, and what it should produce."""

    id: str
    title: str
    summary: str
    relevant: bool
    topics: tuple[str, ...] = ()
    group: str = "positive"
    entities: dict[str, Any] = field(default_factory=dict)

    @property
    def hard(self) -> bool:
        return self.group in HARD_GROUPS


def default_corpus_dir() -> Path:
    """The corpus in a source checkout (it is test data, not shipped in the package)."""
    return Path(__file__).resolve().parents[2] / "tests" / "data" / "classify"


def load_split(corpus_dir: Path, split: str) -> list[LabeledStory]:
    """One split; `all` is every development split (never the test split); a missing split
    file is an empty split."""
    if split == "all":
        return [item for name in DEV_SPLITS for item in load_split(corpus_dir, name)]
    path = corpus_dir / f"{split}.jsonl"
    if not path.exists():
        return []
    return [_item(line, path, n) for n, line in enumerate(_lines(path), start=1) if line.strip()]


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _item(line: str, path: Path, number: int) -> LabeledStory:
    try:
        raw = json.loads(line)
        return LabeledStory(
            id=str(raw["id"]),
            title=raw.get("title") or "",
            summary=raw.get("summary") or "",
            relevant=bool(raw["relevant"]),
            topics=tuple(raw.get("topics") or ()),
            group=raw.get("group", "positive"),
            entities=raw.get("entities") or {},
        )
    except (ValueError, KeyError, TypeError) as error:
        raise ConfigError(f"{path.name} line {number}: bad corpus item: {error}") from error
