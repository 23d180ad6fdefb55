"""Answers to a lawyer's question about one case, from the case's facts and the sentences
of its stories, each source cited. When the coverage does not hold the answer the reply
says so and shows the closest sentences: it never guesses."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from bot.domain.answer_evidence import (
    Sentence,
    case_sentences,
    closest_sentences,
    find_evidence,
)
from bot.domain.answer_intents import DATE_PATTERN, Intent, detect_intent
from bot.domain.models import Answer, Case, CaseStory, Citation

_UNDATED = datetime.min.replace(tzinfo=UTC)  # undated stories count as the oldest


def answer(case: Case, question: str) -> Answer:
    sentences = case_sentences(case)
    intent = detect_intent(question)
    if intent is None:
        return _decline(question, "that", sentences)
    evidence = find_evidence(case, intent, question, sentences)
    if not evidence:
        return _decline(question, intent.topic, sentences)
    lead = fact_line(case, intent, evidence)
    return _answered(lead, evidence)


def fact_line(case: Case, intent: Intent, evidence: Sequence[Sentence]) -> str:
    """One line from the structured facts, placed before the quoted sources."""
    facts = case.facts
    if intent.name == "money" and facts.money:
        return "Money reported: " + "; ".join(f"{m.text} ({_kind(m.kind)})" for m in facts.money)
    if intent.name == "laws" and facts.laws:
        return "Laws and claims: " + ", ".join(facts.laws)
    if intent.name == "forum" and (facts.court or facts.regulator):
        return "Forum: " + ", ".join(dict.fromkeys(f for f in (facts.court, facts.regulator) if f))
    if intent.name == "docket" and facts.docket:
        return f"Docket: {facts.docket}"
    if intent.name in ("parties", "parties_who"):
        return _parties_line(case)
    if intent.name == "status":
        return _status_line(case, evidence[0])
    if intent.name in ("when", "when_first"):
        return _when_line(evidence[0])
    return ""


def _kind(kind: str) -> str:
    return kind.replace("_", " ")


def _parties_line(case: Case) -> str:
    facts = case.facts
    parts = []
    if facts.plaintiffs:
        parts.append("brought by " + ", ".join(facts.plaintiffs))
    if facts.defendants:
        parts.append("against " + ", ".join(facts.defendants))
    return ("Parties: " + "; ".join(parts)) if parts else ""


STAGE_LABELS = {
    "filed": "filed, pending",
    "motion_to_dismiss": "motion to dismiss",
    "class_certification": "class certification",
    "ruling": "ruling issued",
    "settlement": "settled (settlement)",
    "verdict": "verdict",
    "fine_or_order": "fine or order imposed",
    "appeal": "on appeal",
    "dismissed": "dismissed",
    "investigation": "under investigation",
    "complaint": "complaint filed",
}


def _status_line(case: Case, latest: Sentence) -> str:
    stage = STAGE_LABELS.get(case.facts.stage or "", "not stated")
    when = _date_label(latest.story)
    return f"Current status: {stage}. Latest development ({when}):"


def _when_line(sentence: Sentence) -> str:
    found = DATE_PATTERN.search(sentence.text)
    if found:
        return f"Date: {found.group(0)} (reported {_date_label(sentence.story)})"
    return (
        f"First reported on {_date_label(sentence.story)} by {sentence.story.outlet or 'a source'}:"
    )


def _date_label(story: CaseStory) -> str:
    if story.published is None:
        return "date unknown"
    return f"{story.published.day} {story.published:%B %Y}"


def _answered(lead: str, evidence: Sequence[Sentence]) -> Answer:
    quotes = [f"“{s.text}” ({s.story.outlet or 'source'})" for s in evidence]
    text = "\n".join(part for part in (lead, *quotes) if part)
    return Answer(text=text, answered=True, citations=_citations(evidence))


def _citations(sentences: Iterable[Sentence]) -> tuple[Citation, ...]:
    seen: dict[str, Citation] = {}
    for s in sentences:
        key = s.story.url or f"story:{s.story.story_id}"
        seen.setdefault(key, Citation(url=s.story.url, title=s.story.title, outlet=s.story.outlet))
    return tuple(seen.values())


def _decline(question: str, topic: str, sentences: Sequence[Sentence]) -> Answer:
    closest, label = closest_sentences(question, sentences), "Closest sentences"
    if not closest:  # nothing shares a word with the question: show where the case stands
        closest, label = _latest_lead(sentences), "Latest coverage"
    text = f"The coverage of this case does not say {topic}."
    if closest:
        shown = "\n".join(f"“{s.text}” ({s.story.outlet or 'source'})" for s in closest)
        text += f" {label}:\n{shown}"
    return Answer(text=text, answered=False, citations=_citations(closest))


def _latest_lead(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The newest story's first summary sentence (its title when it has no summary)."""
    if not sentences:
        return []
    newest = max(sentences, key=lambda s: s.story.published or _UNDATED)
    own = [s for s in sentences if s.story is newest.story]
    return [min(own, key=lambda s: (s.position == 0, s.position))]
