"""Which sentences of a case's coverage answer a question: every sentence once, those
carrying the intent's evidence, narrowed to what exactly was asked (a fine is not the
damages sought; a yes/no question needs the event to have happened), best first."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.domain.answer_elements import asked_speaker, holds_asked_element
from bot.domain.answer_events import event_sentences
from bot.domain.answer_intents import MONEY_PATTERN, Intent
from bot.domain.models import Case, CaseStory
from bot.domain.textsim import content_terms, split_sentences, words

MAX_EVIDENCE = 3


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    story: CaseStory
    position: int  # 0 = the title, then the summary's sentences


def case_sentences(case: Case) -> list[Sentence]:
    """Every sentence of the case's coverage, once (wire copies repeat each other)."""
    seen: set[str] = set()
    out: list[Sentence] = []
    for story in case.stories:
        texts = [story.title, *split_sentences(story.summary)]
        for position, text in enumerate(texts):
            key = " ".join(words(text))
            if key and key not in seen:
                seen.add(key)
                out.append(Sentence(text.strip(), story, position))
    return out


def find_evidence(
    case: Case, intent: Intent, question: str, sentences: Sequence[Sentence]
) -> list[Sentence]:
    """The sentences that answer, best first: they carry the intent's evidence and share
    the most words with the question (and, for statements, name the defendant)."""
    matching = [s for s in sentences if intent.evidence.search(s.text)]
    matching = _narrow(case, intent, question, matching, sentences)
    matching = [s for s in matching if holds_asked_element(question, s.text)]
    terms = content_terms(question)
    ranked = sorted(matching, key=lambda s: -_relevance(intent, terms, s))
    return ranked[:MAX_EVIDENCE]


def _narrow(
    case: Case,
    intent: Intent,
    question: str,
    matching: list[Sentence],
    sentences: Sequence[Sentence],
) -> list[Sentence]:
    if intent.name == "said":
        speaker = asked_speaker(question)
        if speaker is not None:  # "What did the judge say?" is not the company's line
            return [s for s in matching if speaker.search(s.text)]
        return [s for s in matching if _names_defendant(case, s.text)]
    if intent.name == "status":
        return _latest_first(list(sentences))
    if intent.name == "money":
        return _per_person(question, _money_of_asked_kind(question, matching))
    if intent.name == "trial":
        return _mentioning(question, matching, ("trial", "hearing", "deadline"))
    if intent.name == "forum" and "appeal" in question.lower():
        return [s for s in matching if "appeal" in s.text.lower()]
    if intent.name in ("when", "when_first"):
        dated = _dates_near_event(question, matching)
        if dated or _FUTURE.match(question):  # a report's date cannot date a future event
            return dated
        return _event_reports(question, sentences)
    if intent.name == "parties_who":
        strong = [s for s in matching if _WHO_SUED.search(s.text)]
        return strong or matching
    if intent.name == "event":
        return [matching[i] for i in event_sentences(question, [s.text for s in matching])]
    if intent.name == "allegation":  # the defendant's denial is not the allegation
        return [s for s in matching if not _DENIAL.search(s.text)]
    if intent.name == "ruling":
        return [s for s in matching if _DECIDER.search(s.text) and _asked_decider(question, s)]
    return matching


_DENIAL = re.compile(r"(?:disagree\w*|den(?:y|ies|ied)|disput\w*|without merit)\b", re.I)
_DECIDER = re.compile(
    r"\b(?:judge|court|justices?|jury|panel|regulator|commission|authority|agency|watchdog|"
    r"tribunal|board|CNIL|ICO|DPC|FTC|Garante)\b",
    re.I,
)


def _asked_decider(question: str, sentence: Sentence) -> bool:
    """ "Did a jury decide" needs a jury; "what did the judge rule" any decider."""
    asked = re.search(r"\b(jury|appeals? court|supreme court)\b", question, re.I)
    return asked is None or asked.group(1).lower() in sentence.text.lower()


_STATEMENT_VERB = (
    r"(?:said|says|stated|denied|denies|called|calls|disputed|disputes|rejected|rejects|"
    r"declined|did not (?:immediately )?respond|plans?|will|would|maintains?|argued|argues|"
    r"countered|responded|insisted|wrote)"
)


def _names_defendant(case: Case, text: str) -> bool:
    """The defendant (or its spokesperson) is the one speaking in the sentence."""
    names = [n for n in case.facts.defendants if n]
    names += [n.split()[0].split(".")[0] for n in names if len(n.split()[0].split(".")[0]) > 3]
    speakers = [re.escape(n) for n in names]
    speakers += [r"the company", r"the firm", r"spokes\w*", r"a representative", r"it"]
    pattern = rf"\b(?:{'|'.join(speakers)})(?:'s|’s)?\b[^.;]{{0,60}}?\b{_STATEMENT_VERB}\b"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _latest_first(matching: list[Sentence]) -> list[Sentence]:
    if not matching:
        return []
    latest = max(matching, key=lambda s: (s.story.published is not None, s.story.published))
    return [s for s in matching if s.story is latest.story and s.position <= 1]


_MONEY_KINDS = (
    ("fine", ("fine", "penalt", "fined")),
    ("settle", ("settle",)),
    ("verdict", ("verdict", "jury", "award")),
    # What a plaintiff or state asks for: the sentence must say it is sought.
    ("sought", ("seek", "sought", "asking", "want", "demand", "request")),
)
_SOUGHT_CUES = ("seek", "sought", "asks", "asking", "demand", "request", "up to", "could face")


def _money_of_asked_kind(question: str, matching: list[Sentence]) -> list[Sentence]:
    """A question about a fine is not answered by the damages a plaintiff seeks."""
    lowered = question.lower()
    for kind, cues in _MONEY_KINDS:
        if any(cue in lowered for cue in cues):
            said: tuple[str, ...] = _SOUGHT_CUES if kind == "sought" else cues
            matching = [s for s in matching if any(cue in s.text.lower() for cue in said)]
            break
    if "total" in lowered:  # a per-violation rate is not a total
        matching = [s for s in matching if _has_whole_sum(s.text)]
    return matching


_PER_UNIT = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:per|for each|for every)\s", re.I)


def _has_whole_sum(text: str) -> bool:
    return any(not _PER_UNIT.match(text, m.end()) for m in MONEY_PATTERN.finditer(text))


_WHO_SUED = re.compile(
    r"\b(?:sued|sues|suing|filed by|brought by|on behalf of|complaint by|lawsuit by)\b", re.I
)
_PER_PERSON = (
    "each", "apiece", "individual", "claimant", "member will", "per person",
    "per class member", "per member", "per user", "per claimant",
)  # fmt: skip
_EACH = ("each", "per person", "per member", "per claimant", "individual", "apiece", "per user")


def _per_person(question: str, matching: list[Sentence]) -> list[Sentence]:
    """ "How much does each claimant get" needs a per-person figure, not the total."""
    # Whole words: "breach" and "reached" hold no "each".
    if not re.search(rf"\b(?:{'|'.join(_EACH)})\b", question, re.I):
        return matching
    cue = re.compile(rf"\b(?:{'|'.join(_PER_PERSON)})\b", re.I)
    return [s for s in matching if cue.search(s.text)]


def _mentioning(question: str, matching: list[Sentence], words: Sequence[str]) -> list[Sentence]:
    """The sentence must name the very event the question asks about."""
    asked = [w for w in words if w in question.lower()]
    if not asked:
        return matching
    return [s for s in matching if any(w in s.text.lower() for w in asked)]


_FUTURE = re.compile(r"\s*when (?:will|is|are|does|do|would)\b", re.I)
_EVENTS = (
    "paid",
    "filed",
    "sued",
    "fined",
    "settle",
    "dismiss",
    "ruled",
    "appeal",
    "launch",
    "open",
    "pay",
    "approv",
)


def _dates_near_event(question: str, matching: list[Sentence]) -> list[Sentence]:
    lowered = question.lower()
    asked = [event for event in _EVENTS if event in lowered]
    if not asked:
        return matching
    return [s for s in matching if _names_events(asked, s.text.lower())]


def _names_events(asked: Sequence[str], lowered: str) -> bool:
    """Every event asked about: "when was the settlement approved" needs the approval."""
    return all(any(cue in lowered for cue in _EVENT_WORDS[event]) for event in asked)


_EVENT_WORDS = {
    "filed": ("filed", "sued", "lawsuit", "complaint"),
    "sued": ("filed", "sued", "lawsuit", "complaint"),
    "fined": ("fined", "fine"),
    "settle": ("settle",),
    "dismiss": ("dismiss",),
    "ruled": ("ruled", "ruling"),
    "appeal": ("appeal",),
    "launch": ("launch", "opened", "investigat"),
    "open": ("opened", "investigat", "launch"),
    "pay": ("paid", "payment due", "must pay by"),
    "paid": ("paid", "payment", "pay "),
    # "requires a judge's approval" is no approval yet.
    "approv": ("approved", "approves", "final approval to", "granted final approval"),
}


def _event_reports(question: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    """No sentence dates the event: the earliest report of it dates it to within days,
    and the answer says it is the report's date."""
    lowered = question.lower()
    asked = [event for event in _EVENTS if event in lowered]
    if not asked:
        return []
    reports = [s for s in sentences if _names_events(asked, s.text.lower())]
    dated = [s for s in reports if s.story.published is not None]
    return sorted(dated, key=lambda s: (s.story.published, s.position))[:1]


def _relevance(intent: Intent, question_terms: Iterable[str], sentence: Sentence) -> float:
    overlap = len(set(question_terms) & set(content_terms(sentence.text)))
    evidence = 0.5 * min(len(intent.evidence.findall(sentence.text)), 2)
    body = 0.3 if sentence.position > 0 else 0.0  # a summary sentence says more than a title
    return overlap + evidence + body - 0.001 * _age(sentence)


def _age(sentence: Sentence) -> float:
    published = sentence.story.published
    return published.timestamp() / 86400 / 3650 if published else 0.0


def closest_sentences(
    question: str, sentences: Sequence[Sentence], limit: int = 2
) -> list[Sentence]:
    terms = set(content_terms(question))
    scored = [(len(terms & set(content_terms(s.text))), s) for s in sentences]
    ranked = sorted((pair for pair in scored if pair[0] > 0), key=lambda pair: -pair[0])
    return [s for _, s in ranked[:limit]]
