"""Retraining: corpus items and user feedback produce weights that load and decide."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from bot.adapters.db.engine import make_session_factory
from bot.adapters.db.tables import FeedbackRow
from bot.domain.classify import classify_with
from bot.domain.model import TrainingOptions, model_from_json
from bot.evaluation.corpus import LabeledStory
from bot.services.train import FeedbackExample, load_feedback, save_model, train_model

FAST = TrainingOptions(epochs=15)
ITEMS = [
    LabeledStory(
        "a",
        "Meta sued over location data",
        "Class action says it sold data.",
        True,
        ("privacy_action",),
    ),
    LabeledStory(
        "b",
        "Google fined for tracking cookies",
        "The CNIL fined Google.",
        True,
        ("privacy_action",),
    ),
    LabeledStory(
        "c",
        "OpenAI trained on scraped books",
        "Authors say books were copied.",
        True,
        ("ai_training",),
    ),
    LabeledStory("d", "Apple launches new iPhone", "The phone has a faster chip.", False),
    LabeledStory("e", "Patent suit against Samsung", "A jury weighs patent claims.", False),
]


def test_trained_model_round_trips_through_json_and_decides(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    save_model(train_model(ITEMS, options=FAST), path)
    model = model_from_json(json.loads(path.read_text()))
    assert classify_with(model, "Meta sued over location data", "").relevant
    assert not classify_with(model, "Apple launches new iPhone", "").relevant


def test_feedback_teaches_relevance() -> None:
    feedback = [FeedbackExample("Quarterly earnings beat", "Revenue rose.", False)] * 3
    model = train_model(ITEMS, feedback, FAST)
    assert not classify_with(model, "Quarterly earnings beat", "Revenue rose.").relevant


def test_feedback_rows_are_read_latest_label_wins(engine: Engine) -> None:
    sessions = make_session_factory(engine)
    with sessions.begin() as session:
        for minute, label in [(1, "relevant"), (2, "not_relevant")]:
            session.add(
                FeedbackRow(
                    label=label,
                    title="T",
                    summary="S",
                    created_at=datetime(2026, 1, 1, 0, minute, tzinfo=UTC),
                )
            )
    assert load_feedback(sessions) == [FeedbackExample("T", "S", False)]
