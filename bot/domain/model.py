"""Logistic-regression heads over story features, in pure Python: scoring, the per-feature
contributions `why` reads, training, and the JSON form the weights ship in."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from bot.domain.textfeatures import StoryFeatures

HEADS = ("relevant", "privacy_action", "ai_training")
MODEL_FILE = "classifier_model.json"


@dataclass(slots=True)
class Head:
    """One yes/no question: a bias, weights on named features and on hashed buckets."""

    bias: float = 0.0
    named: dict[str, float] = field(default_factory=dict)
    buckets: dict[int, float] = field(default_factory=dict)

    def logit(self, features: StoryFeatures) -> float:
        total = self.bias
        named, buckets = self.named, self.buckets
        for name, value in features.named.items():
            total += named.get(name, 0.0) * value
        for bucket, value in features.buckets.items():
            total += buckets.get(bucket, 0.0) * value
        return total

    def probability(self, features: StoryFeatures) -> float:
        return sigmoid(self.logit(features))

    def contributions(self, features: StoryFeatures) -> list[tuple[str, float]]:
        """Named features by how much they pushed the score, largest push first."""
        pushes = [(n, self.named.get(n, 0.0) * v) for n, v in features.named.items()]
        return sorted((p for p in pushes if p[1] != 0.0), key=lambda p: -abs(p[1]))


@dataclass(slots=True)
class Model:
    heads: dict[str, Head]
    threshold: float = 0.5


@dataclass(frozen=True, slots=True)
class TrainingOptions:
    epochs: int = 60
    learning_rate: float = 0.2
    named_l2: float = 1e-3  # readable cues may carry weight...
    bucket_l2: float = 2e-2  # ...words must earn it across many stories
    threshold: float = 0.7  # cross-validated on train: trades a little recall for precision


def sigmoid(z: float) -> float:
    if z < -40:
        return 0.0
    if z > 40:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def train_head(examples: Sequence[tuple[StoryFeatures, bool]], options: TrainingOptions) -> Head:
    """AdaGrad over the log loss with L2; deterministic (fixed order, no randomness)."""
    head = Head()
    grad_sq: dict[str, float] = {}
    for _ in range(options.epochs):
        for features, label in examples:
            error = head.probability(features) - (1.0 if label else 0.0)
            _step(head, features, error, grad_sq, options)
    return head


def _step(
    head: Head,
    features: StoryFeatures,
    error: float,
    grad_sq: dict[str, float],
    options: TrainingOptions,
) -> None:
    rate = options.learning_rate
    head.bias -= _adagrad(grad_sq, "bias", error, rate)
    for name, value in features.named.items():
        weight = head.named.get(name, 0.0)
        grad = error * value + options.named_l2 * weight
        head.named[name] = weight - _adagrad(grad_sq, "n:" + name, grad, rate)
    for bucket, value in features.buckets.items():
        weight = head.buckets.get(bucket, 0.0)
        grad = error * value + options.bucket_l2 * weight
        head.buckets[bucket] = weight - _adagrad(grad_sq, f"b:{bucket}", grad, rate)


def _adagrad(grad_sq: dict[str, float], key: str, grad: float, rate: float) -> float:
    total = grad_sq.get(key, 1e-8) + grad * grad
    grad_sq[key] = total
    return rate * grad / math.sqrt(total)


def model_to_json(model: Model) -> dict[str, Any]:
    return {
        "version": 1,
        "threshold": model.threshold,
        "heads": {
            name: {
                "bias": round(head.bias, 5),
                "named": {k: round(v, 5) for k, v in sorted(head.named.items()) if abs(v) > 1e-4},
                "buckets": {
                    str(k): round(v, 3) for k, v in sorted(head.buckets.items()) if abs(v) > 0.02
                },
            }
            for name, head in model.heads.items()
        },
    }


def model_from_json(data: dict[str, Any]) -> Model:
    heads = {
        name: Head(
            bias=float(raw["bias"]),
            named={k: float(v) for k, v in raw["named"].items()},
            buckets={int(k): float(v) for k, v in raw["buckets"].items()},
        )
        for name, raw in data["heads"].items()
    }
    return Model(heads=heads, threshold=float(data.get("threshold", 0.5)))


@cache
def shipped_model() -> Model:
    """The weights committed next to this module (read once, on first use)."""
    text = resources.files("bot.domain").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return model_from_json(json.loads(text))
