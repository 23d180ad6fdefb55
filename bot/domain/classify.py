"""Is a story relevant, under which topics, and why: readable cues and extracted facts,
weighed by the shipped logistic-regression model."""

from __future__ import annotations

from collections import defaultdict

from bot.domain.cues import cue_by_name
from bot.domain.extract import extract_entities
from bot.domain.model import Model, shipped_model
from bot.domain.models import Classification, Entities, Topic
from bot.domain.textfeatures import StoryFeatures, clean_text, story_features

MAX_WHY = 5
_GROUPS = {
    "legal": ("sue", "court", "settle"),
    "regulatory": ("reg_act", "complaint_with", "reg_body"),
    "forum": ("has_court", "has_regulator"),
}
_FACT_LABELS = {
    "has_court": "court or regulator",
    "has_regulator": "regulator",
    "no_action": "no legal or regulatory action found",
}
_TOPICS: tuple[Topic, ...] = ("privacy_action", "ai_training")


def classify(title: str, summary: str) -> Classification:
    return classify_with(shipped_model(), title, summary)


def classify_with(model: Model, title: str, summary: str) -> Classification:
    title, summary = clean_text(title), clean_text(summary)
    entities = extract_entities(title, summary)
    features = story_features(title, summary, entities)
    score = model.heads["relevant"].probability(features)
    relevant = score >= model.threshold
    topics = _topics(model, features) if relevant else ()
    why = _why(model, features, entities, relevant)
    if "ai_training" in topics and "ai_train" in features.evidence:
        why = tuple(_dedupe([f'AI training: "{features.evidence["ai_train"]}"', *why]))[:MAX_WHY]
    return Classification(relevant, round(score, 4), topics, why, entities)


def _topics(model: Model, features: StoryFeatures) -> tuple[Topic, ...]:
    scores = {t: model.heads[t].probability(features) for t in _TOPICS}
    chosen = tuple(t for t in _TOPICS if scores[t] >= 0.5)
    return chosen or (max(_TOPICS, key=lambda t: scores[t]),)


def _why(
    model: Model, features: StoryFeatures, entities: Entities, relevant: bool
) -> tuple[str, ...]:
    pushes = _pushes_by_evidence(model, features)
    sign = 1.0 if relevant else -1.0
    ranked = sorted((k for k, v in pushes.items() if v * sign > 0), key=lambda k: -pushes[k] * sign)
    lines = [line for key in ranked if (line := _render(key, features))]
    if relevant:
        lines = _dedupe(lines[:3] + _fact_lines(entities))
    return tuple(_dedupe(lines)[:MAX_WHY])


def _pushes_by_evidence(model: Model, features: StoryFeatures) -> dict[str, float]:
    """Each named feature's push, shared among the readable cues it is made of."""
    pushes: dict[str, float] = defaultdict(float)
    for name, push in model.heads["relevant"].contributions(features):
        parts = [_evidence_key(p, features) for p in name.split("&")]
        for part in (p for p in parts if p):
            pushes[part] += push / len(parts)
    return pushes


def _evidence_key(part: str, features: StoryFeatures) -> str | None:
    part = part.removeprefix("t:").removeprefix("many:")
    if part in _GROUPS:
        return next((c for c in _GROUPS[part] if c in features.evidence), None)
    if part == "privacy" and "privacy" not in features.evidence:
        return None
    return part


def _render(key: str, features: StoryFeatures) -> str | None:
    if key in _FACT_LABELS:
        evidence = features.evidence.get(key)
        return f"{_FACT_LABELS[key]}: {evidence}" if evidence else _FACT_LABELS[key]
    if key.startswith(("law:", "money:", "stage:")):
        kind, _, value = key.partition(":")
        evidence = features.evidence.get(key, value.replace("_", " "))
        return f"{kind}: {evidence}"
    if key in features.evidence:
        return f'{cue_by_name(key).label}: "{features.evidence[key]}"'
    return None


def _fact_lines(entities: Entities) -> list[str]:
    lines = [f"law: {law}" for law in entities.laws[:2]]
    lines += [f"{m.kind.replace('_', ' ')}: {m.text}" for m in entities.money[:1]]
    lines += [f"court or regulator: {c}" for c in entities.courts[:1]]
    return lines


def _dedupe(lines: list[str]) -> list[str]:
    return list(dict.fromkeys(lines))
