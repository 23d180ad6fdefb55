"""Retraining the classifier: corpus items (and user feedback) in, model weights out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.adapters.db.tables import FeedbackRow
from bot.domain.classify import classify_with
from bot.domain.extract import extract_entities
from bot.domain.model import HEADS, Model, TrainingOptions, model_to_json, train_head
from bot.domain.textfeatures import StoryFeatures, clean_text, story_features
from bot.evaluation.classifier import Report, evaluate
from bot.evaluation.corpus import LabeledStory

_LABELS = {"relevant": True, "not_relevant": False}


@dataclass(frozen=True, slots=True)
class FeedbackExample:
    """A user's verdict on a story: it only says whether the story was relevant."""

    title: str
    summary: str
    relevant: bool


def default_model_path() -> Path:
    return Path(__file__).resolve().parents[1] / "domain" / "classifier_model.json"


def featurize(title: str, summary: str) -> StoryFeatures:
    title, summary = clean_text(title), clean_text(summary)
    return story_features(title, summary, extract_entities(title, summary))


def train_model(
    items: Sequence[LabeledStory],
    feedback: Iterable[FeedbackExample] = (),
    options: TrainingOptions | None = None,
) -> Model:
    """One head per question; feedback only teaches relevance (it carries no topics)."""
    options = options or TrainingOptions()
    corpus = [(featurize(i.title, i.summary), i) for i in items]
    extra = [(featurize(f.title, f.summary), f.relevant) for f in feedback]
    heads = {}
    for head in HEADS:
        if head == "relevant":
            examples = [(f, i.relevant) for f, i in corpus] + extra
        else:
            examples = [(f, head in i.topics) for f, i in corpus]
        heads[head] = train_head(examples, options)
    return Model(heads=heads, threshold=options.threshold)


def save_model(model: Model, path: Path) -> None:
    path.write_text(json.dumps(model_to_json(model), separators=(",", ":")) + "\n", "utf-8")


def load_feedback(sessions: sessionmaker[Session]) -> list[FeedbackExample]:
    """Users' relevant / not_relevant verdicts, latest per story text wins."""
    with sessions() as session:
        rows = session.execute(
            select(FeedbackRow.title, FeedbackRow.summary, FeedbackRow.label).order_by(
                FeedbackRow.created_at
            )
        ).all()
    latest = {(t, s): label for t, s, label in rows if label in _LABELS and (t or s)}
    return [FeedbackExample(t, s, _LABELS[label]) for (t, s), label in latest.items()]


def cross_validate(items: Sequence[LabeledStory], folds: int = 5) -> Report:
    """Relevance scored on each fold by a model trained on the other folds (facts do not
    depend on the model, so they are scored the same way as `evaluate`)."""
    judged: dict[str, Model] = {}
    for fold in range(folds):
        model = train_model([i for n, i in enumerate(items) if n % folds != fold])
        judged.update({i.id: model for n, i in enumerate(items) if n % folds == fold})
    by_text = {(i.title, i.summary): judged[i.id] for i in items}
    return evaluate(items, lambda t, s: classify_with(by_text[(t, s)], t, s))
