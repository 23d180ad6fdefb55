"""Yes/no questions about a development ("Has it settled?", "Did the ICO win its
appeal?"): only a sentence saying the asked event HAS happened answers; plans, threats
and possibilities ("said it would appeal", "could be fined") do not."""

from __future__ import annotations

import re

_I = re.IGNORECASE

# (what the question names, what a sentence must say for the event to have happened)
EVENTS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(asked, _I), re.compile(done, _I))
    for asked, done in (
        (
            r"\bappeal\w* (?:been )?(?:decided|ruled|heard|resolved)|win\w* (?:its |the )?appeal",
            r"\b(?:appeals? court|appellate|court of appeal\w*)\b[^.]*\b(?:ruled|upheld|"
            r"overturned|reversed|affirmed|rejected|dismissed|sided)|"
            r"\b(?:won|lost) (?:its |the |an )?appeal",
        ),
        (
            r"\bappeal(?:ed|s)?\b",
            r"\b(?:appealed|has appealed|filed an appeal|lodged an appeal|is appealing|"
            r"launched an appeal)\b",
        ),
        (
            r"\bmoved? to dismiss|motion to dismiss|sought dismissal",
            r"\b(?:moved to dismiss|motion to dismiss|seeks? (?:the )?dismissal|sought "
            r"(?:the )?dismissal|asked (?:a|the) (?:judge|court) to (?:dismiss|throw out))\b",
        ),
        (
            r"\bamended complaint",
            r"\b(?:filed an amended|amended complaint (?:was|has been) filed|refiled)\b",
        ),
        (
            r"\bapprov\w*|sign\w* off",
            r"\b(?:approved|approves|granted (?:final |preliminary )?approval|final approval "
            r"(?:was )?granted|signed off)\b",
        ),
        (r"\bsettle\w*", r"\b(?:settled|settles|agreed to (?:settle|pay)|to settle|settlement)\b"),
        (
            r"\bpaid|\bpay\b",
            r"\b(?:paid|has paid|made (?:the|its) payment|payments? (?:went|were sent))\b",
        ),
        (r"\bfined?\b", r"\b(?:fined|fines|imposed a (?:fine|penalty)|ordered \w+ to pay)\b"),
        (r"\bjury|verdict", r"\bjury\b[^.]*\b(?:found|awarded|returned|decided|sided)|\bverdict\b"),
        (r"\bcertif\w*", r"\b(?:certified|granted class certification)\b"),
        (r"\bdismiss\w*", r"\b(?:dismissed|dismisses|threw out|tossed)\b"),
        (
            r"\brul(?:ed|ing)|decided?",
            r"\b(?:ruled|rules|decided|denied|granted|rejected|found)\b",
        ),
        (r"\bw[io]n\b|\blos[et]\b", r"\b(?:won|wins|lost|loses|beat|beats|defeat\w*|prevail\w*)\b"),
    )
)

_HEDGED = re.compile(
    r"\b(?:would|will|could|may|might|plans? to|intends? to|considering|threaten\w*|"
    r"expected to|seeks? to|asked|proposed)\s+(?:\w+\s+){0,2}?"
    r"(?:appeal|pay|settle|fine|approve|dismiss|rule|decide)\w*\b",
    _I,
)


def event_sentences(question: str, texts: list[str]) -> list[int]:
    """Indexes of the texts saying the event the question asks about has happened."""
    done = next((d for asked, d in EVENTS if asked.search(question)), None)
    if done is None:
        return []
    return [i for i, text in enumerate(texts) if done.search(text) and not _only_hedged(done, text)]


def _only_hedged(done: re.Pattern[str], text: str) -> bool:
    """Every mention of the event is a plan or possibility, not a fact."""
    return _HEDGED.search(text) is not None and done.search(_HEDGED.sub(" ", text)) is None
