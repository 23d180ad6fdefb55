"""Company names: finds gazetteer firms (tables.companies) with the short name to report,
and unknown firms named next to a legal verb; maps products to the company a lawyer names."""

from __future__ import annotations

import re
from functools import cache

from bot.domain.scan import trie
from bot.domain.tables.companies import (
    DEMONYMS,
    GIVEN_NAMES,
    KNOWN,
    PARENTS,
    PRODUCT_MAKERS,
    STOP,
)
from bot.domain.tables.places import (
    ATTORNEYS_GENERAL,
    CITY_COURTS,
    COUNTRIES,
    DPA_COUNTRIES,
    HIGH_COURTS,
    STATE_ABBR,
)

__all__ = [
    "PARENTS",
    "PRODUCT_MAKERS",
    "after_verb_pattern",
    "company_key",
    "find_known",
    "company_name",
    "is_outlet",
    "is_person",
    "is_plausible_name",
    "known_name",
    "parent_of",
    "unknown_pattern",
]

_SUFFIX = r"Inc|Corp|Corporation|LLC|Ltd|Limited|Co|PLC|GmbH|SA|AG"  # legal forms
_CORPORATE = re.compile(rf"(?:,? (?:{_SUFFIX})\.?)+$")
_POSSESSIVE = re.compile(r"['’]s(?= |$)")
# "Children's Hospital", "Women's Health": a possessive that is part of a name.
_COLLECTIVE = re.compile(r"(?:Children|Women|Men|People|Kids|Patients|Veterans)")
# "the Menlo Park, Calif.-based company": a place, not a party.
_PLACE = re.compile(r"(?:, [A-Z][\w.]*\.?)?-based\b")
# "Delivery app fined": a word capitalised only because it opens a sentence, before the
# noun it describes, is no name.
_DESCRIBED_NOUN = re.compile(
    r" (?:apps?|company|firm|startup|platform|provider|maker|service|giant|chain|operator|"
    r"site|website|broker|insurer|lender|retailer|developer|network|group)\b"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:]['’\"”]? +)$")
# "novelists Richard Kadrey and Christopher Golden sued": people, not companies.
_PERSON_BEFORE = re.compile(
    r"\b(?i:comedian|novelists?|authors?|writers?|artists?|actor|actress|singers?|"
    r"musicians?|journalists?|photographers?|illustrators?|billionaire|ceo|founder|"
    r"chief executive) (?:[A-Z][\w'-]+(?:,| and| &)? )*$"
)
# "according to the Associated Press", "a 2018 Associated Press report": the outlet.
_OUTLET_BEFORE = re.compile(
    r"(?i:according to|told|reported by|(?:in|to) an interview with)(?: the)? $"
)
_OUTLET_AFTER = re.compile(
    r"(?:'s)? (?:report(?:ed|s|ing)?|investigation|analysis|reporters?|journalists?)\b"
)


def find_known(text: str) -> list[re.Match[str]]:
    """Gazetteer names, each at a word start (one gated scan, see `scan.trie`)."""
    return list(_compiled()[0].finditer(text))


def unknown_pattern() -> re.Pattern[str]:
    """Capitalised names right before a legal verb: "Acme Health was sued ..."."""
    return _compiled()[1]


def after_verb_pattern() -> re.Pattern[str]:
    """Capitalised names right after a legal verb: "regulator fines Acme Health ..."."""
    return _compiled()[2]


def known_name(match: re.Match[str]) -> str:
    """The reported short name for a `known_pattern` match."""
    return _names()[int((match.lastgroup or "k0")[1:])]


def company_name(raw: str, text: str, start: int) -> str | None:
    """The company a capitalised candidate at `start` names, or None: a possessive ends it
    ("Court Denies Fandom's Motion"), a legal suffix is dropped; places, people, outlets
    and describing words ("Delivery app fined") are no company."""
    name = _CORPORATE.sub("", _own_words(raw)).strip()
    start += max(0, raw.find(name))
    end = start + len(name)
    if _PLACE.match(text, end) or not is_plausible_name(name) or _is_place(name):
        return None
    if _PERSON_BEFORE.search(text, max(0, start - 80), start) or is_outlet(text, start, end):
        return None
    return None if _describes(name, text, start, end) else name


def _own_words(raw: str) -> str:
    """The candidate's own name: a possessive ends it ("Fandom's Motion" -> "Fandom"),
    unless it belongs to the name ("Children's Hospital Colorado"); a place's possessive
    starts it ("New York's Montefiore Medical Center")."""
    parts = _POSSESSIVE.split(raw, 1)
    if len(parts) == 1 or _COLLECTIVE.fullmatch(parts[0]):
        return raw
    rest = parts[1].strip()
    return rest if rest and _is_place(parts[0]) else parts[0]


def is_outlet(text: str, start: int, end: int) -> bool:
    """The news outlet reporting the story, not a party: "told the Associated Press"."""
    return bool(
        _OUTLET_BEFORE.search(text, max(0, start - 30), start) or _OUTLET_AFTER.match(text, end)
    )


def _describes(name: str, text: str, start: int, end: int) -> bool:
    """A lone sentence-opening word before a descriptor noun that the story never
    capitalises elsewhere: "Delivery app fined ..." names no company."""
    if " " in name or not _DESCRIBED_NOUN.match(text, end):
        return False
    if not _SENTENCE_START.search(text, max(0, start - 4), start) or not name[1:].islower():
        return False
    elsewhere = (m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", text))
    return all(_SENTENCE_START.search(text, max(0, at - 4), at) for at in elsewhere)


def _is_place(name: str) -> bool:
    """A city, state or country ("San Jose", "Luxembourg"), or "London-based", "X-owned"."""
    return name.casefold() in _place_names() or any(
        w.endswith(("-based", "-owned")) for w in name.split()
    )


@cache
def _place_names() -> frozenset[str]:
    tables = (CITY_COURTS, COUNTRIES, DPA_COUNTRIES, HIGH_COURTS, STATE_ABBR, ATTORNEYS_GENERAL)
    return frozenset(place.casefold() for table in tables for place in table)


# "First Amendment", "Section 230", "Article 22", "Rule 12(b)(6)": legal terms, no firm.
_LEGAL_TERM = re.compile(
    r"(?:(?:First|Fourth|Fifth|Fourteenth|Second|Sixth|Eighth) Amendment|"
    r"(?:Section|Article|Rule|Title|Chapter|Paragraph|Clause) \d[\w()]*)\b"
)
_FIRM_WORD = re.compile(r"\b(?:AI|Labs?|Group|Holdings|Technologies|Media|Health|Bank)\b")


def is_plausible_name(name: str) -> bool:
    words = name.split()
    if len(words) == 1 and words[0].rstrip("'s") in DEMONYMS:
        return False  # "orders Chinese chatbot blocked"
    if _LEGAL_TERM.match(name) or is_person(name):
        return False
    return bool(words) and words[0] not in STOP and all(len(w) > 1 for w in words[:1])


def is_person(name: str) -> bool:
    """A given name and a surname or two ("Richard Kadrey"), not a firm word ("Adam AI")."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and words[0] in GIVEN_NAMES
        and "&" not in name
        and not _FIRM_WORD.search(name)
    )


def parent_of(name: str) -> str:
    """The company a lawyer names for a product or subsidiary ("Instagram" -> "Meta")."""
    return PARENTS.get(name, name)


def company_key(name: str) -> str:
    """A comparison key: the same company under any of its names gives the same key."""
    parent = parent_of(name.strip())
    return parent_of(_names_by_fold().get(parent.casefold(), parent)).casefold()


@cache
def _names_by_fold() -> dict[str, str]:
    """Every plain spelling in the gazetteer ("National Basketball Association") -> name."""
    names = {name.casefold(): name for name in (*KNOWN, *PARENTS)}
    for name, spellings in KNOWN.items():
        for spelling in spellings:
            if re.fullmatch(r"[\w .&'-]+", spelling):
                names.setdefault(spelling.casefold(), name)
    return names


@cache
def _names() -> tuple[str, ...]:
    return tuple(KNOWN)


_TITLE_PREPOSITION = r" (?:Over|For|In|On|After|To|From|With|Amid|About|Under|As|At|By)\b"
UPPER = "A-ZÀ-ÖØ-Þ"  # capitals, accented ones too ("Österreichische Post")
# "notebooksbilliger.de": a firm known by its web address, written in lower case.
_DOMAIN = (
    r"(?<![\w.@/-])[a-z][a-z\d-]+\.(?:com|de|fr|nl|it|es|at|be|ch|pl|se|dk|io|co\.uk)(?![\w-])"
)
_WORD = rf"[{UPPER}][\w&.'-]*[\w&]|[{UPPER}]|{_DOMAIN}"  # one word of a name
_NAME = rf"(?P<name>(?:{_WORD})(?: (?:{_WORD}|of|&)){{0,3}}?)"


@cache
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The gazetteer, names before a legal verb, and names after one ("fines Acme")."""
    return _known_re(), _before_verb_re(), _after_verb_re()


def _known_re() -> re.Pattern[str]:
    groups = []
    for index, aliases in enumerate(KNOWN.values()):
        ordered = sorted(aliases, key=len, reverse=True)
        groups.append(f"(?P<k{index}>{'|'.join(ordered)})")
    gate = trie("|".join(a for aliases in KNOWN.values() for a in aliases))
    return re.compile(
        rf"(?<![\w.&-])(?=(?:{gate})(?![\w&-]|\.\w))(?:" + "|".join(groups) + r")(?![\w&-]|\.\w)"
    )


def _before_verb_re() -> re.Pattern[str]:
    verbs = (
        r"(?:sued|fined|faces|agreed|agrees|settles|settled|to pay|must|will pay|pays|paid|"
        r"accused|ordered|violated|illegally|unlawfully|secretly|tracked|collected|shared|sold|"
        r"scanned|recorded|failed|kept|misled|breached|interfered|stored|cloned|copied|trained|"
        r"scraped|harvested|captured|to refund|refunds|"
        r"(?:sues|appeals|went to court|goes to court) to (?:overturn|cancel|annul|quash|block)|"
        r"(?i:hit with|sued|fined)|"
        # "IAB Europe may be a joint controller": the one a GDPR ruling is about.
        r"(?:may be|can be|is|was|acted as) (?:a |an |the )?(?:joint )?controller|"
        r"(?:customers|users|subscribers) (?:file|sue)\w*)"
    )
    return re.compile(
        rf"(?P<name>(?:{_WORD})(?: (?:{_WORD}|of|de|&)){{0,3}}?)"
        rf"(?:,? (?:{_SUFFIX})\b\.?)?"
        # "Kakao Pay, Apple fined", "Meta and Snap sued": the others listed with it.
        rf"(?=(?:(?:,| and| &|, and) (?:{_WORD})(?: (?:{_WORD})){{0,3}}){{0,3}}"
        # An appositive: ", a New York company," or ", the Fremont, Calif.-based lender,".
        r"(?:, [^,]{1,60}(?:, [^,]{1,40}-based [^,]{1,30})?,)?,? "
        r"(?:(?:app|website|platform|service|unit|chatbot) )?"
        rf"(?:was |has been |is |were |are |have been )?{verbs})"
    )


def _after_verb_re() -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w-])(?i:fine[sd]|fining|sues|sued|suing|orders|ordered|ordering|"
        r"penali[sz]e[sd]|tells|"
        r"told|against|accuses|accused|accusing|bans|banned|charges|charged|probes|"
        r"investigates|hits|slaps|warns|warned|reprimands|reprimanded|denying|denied|denies|"
        r"rejecting|rejected|rejects|(?:settlement|settles|agreement|deal) with|"
        r"(?:fine|penalty) (?:for|on|against)|(?:fine|penalty) of \S+(?: [a-z]+)? on|"
        # "KBS, MBC, SBS take Naver to court": the name between "take" and "to court".
        r"(?:take[ns]?|taking|took)(?= [A-Z][^.]{0,40}? to court)|"
        r"(?:users|customers|subscribers|patients) of) "
        r"(?:the |its |rival )?"
        # "fined Zagreb-based debt buyer B2 Kapital": a place and a trade before the name.
        rf"(?:[{UPPER}][\w.]*-based )?"
        r"(?:(?:(?:['‘\"“][\w-]+['’\"”]|[A-Za-z][\w-]*) )?(?:company|firm|app|operator|supplier|"
        r"business|giant|buyer|collector|bank|lender|hospital|"
        r"provider|maker|chain|retailer|brand|group|startup|service|platform|site|network|"
        r"vendor|developer|insurer|chatbot) )?"
        + _NAME
        # The name ends before punctuation, a lower-case word, a sum ("fines Kakao 15
        # billion won") or a title-case preposition ("Settlement with Acme Over Data").
        + rf"(?=[,.;:'’]| [a-z(]|$| [A-Z]{{3}}\b| [\d$€£¥₩]| R\$|{_TITLE_PREPOSITION})"
    )
