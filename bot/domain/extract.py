"""The legal facts of a story: companies (defendants first), laws, money with its kind,
courts and regulators, docket numbers, the stage, plaintiffs."""

from __future__ import annotations

from bot.domain.courts import REGULATOR, find_bodies
from bot.domain.facts import find_dockets, find_stage
from bot.domain.laws import find_laws
from bot.domain.models import Entities
from bot.domain.money import find_money
from bot.domain.parties import find_parties
from bot.domain.textfeatures import clean_text


def extract_entities(title: str, summary: str) -> Entities:
    title, summary = clean_text(title), clean_text(summary)
    text = f"{title}. {summary}" if title else summary
    bodies = find_bodies(text)
    body_names = {b.name for b in bodies}
    body_spans = [(b.start, b.start + len(b.text)) for b in bodies]
    defendants, others, plaintiffs = find_parties(text, len(title), body_names, body_spans)
    return Entities(
        companies=tuple(defendants + others),
        laws=tuple(m.law.name for m in find_laws(text)),
        money=tuple(find_money(text)),
        courts=tuple(b.name for b in bodies),
        dockets=tuple(find_dockets(text)),
        stage=find_stage(title, summary),
        plaintiffs=tuple(plaintiffs),
        regulators=tuple(b.name for b in bodies if b.kind == REGULATOR),
    )
