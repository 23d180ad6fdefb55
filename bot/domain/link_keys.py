"""The keys a case is looked up by when linking: every defendant's and plaintiff's, and
both sides of an "X v. Y" caption, so a story naming any party of the case finds it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.domain.case_facts import company_key
from bot.domain.models import CaseFacts

MAX_KEY = 200  # the case_keys.key column's width

_SIDE = r"[A-Z][\w&.'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w&.'-]*){0,4}"
_CAPTION = re.compile(rf"({_SIDE})\s+vs?\.?\s+({_SIDE})")


def caption_names(text: str) -> list[str]:
    """Both sides of each "X v. Y" caption in a text ("Salazar v. NBA": Salazar, NBA)."""
    return [side for match in _CAPTION.finditer(text) for side in match.groups()]


def case_lookup_keys(facts: CaseFacts, primary: str | None, titles: Iterable[str] = ()) -> set[str]:
    """The case's primary key plus its parties' keys, from its facts and the captions in
    its title and the given story titles."""
    names = [*facts.defendants, *facts.plaintiffs, *caption_names(facts.title)]
    names += [side for title in titles for side in caption_names(title)]
    keys = {company_key(name)[:MAX_KEY] for name in names if name}
    return {key for key in keys | {primary or ""} if key}
