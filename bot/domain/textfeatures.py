"""Turns a story into what the model weighs: cue-family features with the phrase that
fired them (for `why`), facts-derived features, and hashed words and bigrams."""

from __future__ import annotations

import html
import re
import zlib
from dataclasses import dataclass, field

from bot.domain.cues import compiled_cues
from bot.domain.laws import law_by_name
from bot.domain.models import Entities
from bot.domain.scan import fold

MAX_CHARS = 20_000  # a 1 MB summary is cut here: stories never need more
HASH_BITS = 18

_TAG = re.compile(r"<[^<>]{0,2000}>")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9][a-z0-9'&.-]*[a-z0-9]|[a-z0-9]")
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": " - ",
        "\u00a0": " ",
        "\u2011": "-",
    }
)

_PAIRS = {
    "sue": "legal",
    "court": "legal",
    "settle": "legal",
    "reg_act": "regulatory",
    "complaint_with": "regulatory",
}


@dataclass(slots=True)
class StoryFeatures:
    """Named features (readable) and hashed buckets (vocabulary), with evidence."""

    named: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    buckets: dict[int, float] = field(default_factory=dict)


def clean_text(text: str) -> str:
    """Plain, capped, single-spaced text: entities decoded, tags and control chars gone."""
    text = (text or "")[: MAX_CHARS * 2]
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = _CONTROL.sub(" ", text.translate(_QUOTES))
    return _SPACE.sub(" ", text).strip()[:MAX_CHARS]


def story_features(title: str, summary: str, entities: Entities) -> StoryFeatures:
    features = StoryFeatures()
    _add_cues(features, f"{title} . {summary}", len(title))
    _add_fact_features(features, entities)
    _add_conjunctions(features)
    _add_buckets(features, title, summary)
    return features


def _add_cues(features: StoryFeatures, text: str, title_end: int) -> None:
    """One scan for all families gives each its first phrase, its count and whether the
    headline has it."""
    pattern, names = compiled_cues()
    counts: dict[str, int] = {}
    for match in pattern.finditer(fold(text)):
        start = match.start()
        for name, phrase in zip(names, match.groups(), strict=True):
            if phrase is None:
                continue
            if name not in counts:
                counts[name] = 0
                features.evidence[name] = text[start : start + len(phrase)]
                if start < title_end:
                    features.named["t:" + name] = 1.0
            counts[name] += 1
    for name, count in counts.items():
        features.named[name] = 1.0
        features.named["many:" + name] = min(count, 4) / 4


def _add_fact_features(features: StoryFeatures, entities: Entities) -> None:
    for name in entities.laws:
        law = law_by_name(name)
        if law is not None:
            features.named[f"law:{law.kind}"] = 1.0
            features.evidence.setdefault(f"law:{law.kind}", name)
    for money in entities.money:
        features.named[f"money:{money.kind}"] = 1.0
        features.evidence.setdefault(f"money:{money.kind}", money.text)
    if entities.courts:
        features.named["has_court"] = 1.0
        features.evidence["has_court"] = entities.courts[0]
    if entities.regulators:
        features.named["has_regulator"] = 1.0
        features.evidence["has_regulator"] = entities.regulators[0]
    if entities.dockets:
        features.named["has_docket"] = 1.0
    if entities.stage:
        features.named[f"stage:{entities.stage}"] = 1.0


def _add_conjunctions(features: StoryFeatures) -> None:
    named = features.named
    action = {_PAIRS[k] for k in _PAIRS if k in named}
    if "reg_body" in named and "reg_act" in named:
        action.add("regulatory")
    if "has_court" in named or "has_regulator" in named:
        action.add("forum")
    data: list[str] = [k for k in ("pdata", "privacy") if k in named]
    data += [k for k in named if k.startswith("law:") and "privacy" in k]
    for a in action:
        for d in data:
            named[f"{a}&{d.split(':')[0]}"] = 1.0
    if "ai_train" in named:
        for other in ("ai_model", "ai_source", "pdata", "t:ai_model", "sue", "reg_act"):
            if other in named:
                named[f"ai_train&{other}"] = 1.0
    if "ai_source" in named and "ai_model" in named:
        named["ai_source&ai_model"] = 1.0
    named["no_action"] = 0.0 if action else 1.0


def _add_buckets(features: StoryFeatures, title: str, summary: str) -> None:
    for prefix, text in (("t", title), ("s", f"{title} {summary}")):
        words = _WORD.findall(text.lower())
        grams = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
        for gram in grams:
            bucket = zlib.crc32(f"{prefix}|{gram}".encode()) & ((1 << HASH_BITS) - 1)
            features.buckets[bucket] = 1.0
