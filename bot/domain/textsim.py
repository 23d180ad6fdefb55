"""Text helpers shared by linking, summaries and answers: sentences, content words,
term profiles and their cosine similarity. Pure and dependency-free."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

_WORD = re.compile(r"[a-z0-9][a-z0-9'&.-]*[a-z0-9]|[a-z0-9]", re.IGNORECASE)
# A sentence ends at . ! ? followed by space and a capital/quote/digit, except after
# abbreviations common in legal news ("N.D. Cal.", "Inc.", "v.", "No.").
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9$€£])")
_ABBREVIATIONS = (
    "inc", "corp", "co", "ltd", "llc", "no", "v", "vs", "mr", "ms", "mrs", "dr", "st", "jr",
    "cal", "d", "n", "s", "e", "w", "c", "u", "ill", "fla", "tex", "mass", "cir", "sup", "ct",
    "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "gen", "dist", "del",
    "wash", "pa", "ny", "nev", "ariz", "colo", "conn", "ga", "md", "mich", "minn", "mo", "va",
    "wis", "al", "approx", "et", "seq", "pp", "sec", "art", "para",
)  # fmt: skip

# Words that every privacy-litigation story shares: they say nothing about WHICH matter.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers him his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our out over own
    same she should so some such than that the their them then there these they this those
    through to too under until up very was we were what when where which while who whom why
    will with would you your yours says said say according new one two three year years
    week weeks month months last first told reported report reports news per cent percent
    lawsuit lawsuits suit suits sued sues suing case cases court courts filed filing file
    files class action actions complaint complaints claim claims claimed alleged alleges
    allegedly allegation allegations accused accuses plaintiff plaintiffs defendant
    defendants company companies firm privacy data personal user users people law laws
    legal judge federal state million billion thousand dollars statement spokesperson
    may might including include includes included whether since ago today tuesday monday
    wednesday thursday friday saturday sunday january february march april june july
    august september october november december""".split()  # noqa: SIM905
)


def split_sentences(text: str) -> list[str]:
    """Split plain text into sentences without breaking at legal abbreviations."""
    pieces = _SENTENCE_END.split(text.strip())
    sentences: list[str] = []
    for piece in pieces:
        if sentences and _ends_with_abbreviation(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return [s.strip() for s in sentences if s.strip()]


def _ends_with_abbreviation(sentence: str) -> bool:
    last = sentence.rstrip().rsplit(" ", 1)[-1].rstrip(".").lower()
    # "N.D." and "U.S." carry inner dots; single letters are initials.
    short = last in _ABBREVIATIONS or len(last) == 1 or "." in last
    return sentence.rstrip().endswith(".") and short


def words(text: str) -> list[str]:
    """Lowercased word tokens, possessives dropped ("LinkedIn's" -> "linkedin")."""
    tokens = (t.lower().removesuffix("'s").removesuffix("’s") for t in _WORD.findall(text))
    return [t.strip(".-'") for t in tokens if t.strip(".-'")]


def stem(word: str) -> str:
    """A deliberately tiny stemmer: enough to meet 'messages'/'message', 'trained'/'train'."""
    if word.endswith("ss"):
        return word
    for suffix in ("ment", "ing", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_terms(text: str) -> Counter[str]:
    """Distinctive terms of a text: stemmed words minus the shared vocabulary."""
    return Counter(
        stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1 and not w.isdigit()
    )


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) < len(b) else (b, a)
    dot = sum(weight * large.get(term, 0.0) for term, weight in small.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    set_a, set_b = set(a), set(b)
    if not set_a or not set_b:
        return 0.0
    return len(set_a & set_b) / len(set_a | set_b)


def top_terms(counts: Mapping[str, float], limit: int) -> dict[str, float]:
    """The heaviest terms, so a case's stored profile stays small however long it runs."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return {term: round(weight, 3) for term, weight in ranked}


def add_profiles(a: Mapping[str, float], b: Mapping[str, float]) -> dict[str, float]:
    merged = dict(a)
    for term, weight in b.items():
        merged[term] = merged.get(term, 0.0) + weight
    return merged
