"""Courts and regulators as stories write them, normalized: "federal court in San Jose"
is N.D. Cal., "Ireland's Data Protection Commission" is the Irish DPC."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.domain.court_places import district_name as district_name
from bot.domain.court_places import generic_name, generic_patterns
from bot.domain.scan import fold, split_top, trie

COURT = "court"
REGULATOR = "regulator"

_S = r"(?:'s)?"


_COURTS: tuple[tuple[str, str], ...] = (
    ("D.C. Cir.", r"d\.c\. circuit|d\.c\. cir\."),
    (
        "U.S. Supreme Court",
        r"u\.?s\.? supreme court|supreme court of the united states|scotus",
    ),
    (
        "Cook County Circuit Court",
        r"cook county(?: circuit)? (?:court|judge|jury|class action)|circuit court of cook county",
    ),
    (
        "CJEU",
        r"court of justice of the european union|european court of justice|<A:CJEU>|"
        r"eu<S> (?:top|highest) court|(?:top|highest) (?:eu|european) court|<A:ECJ>|"
        # "the Court of Justice held" (the full name, "... of the European Union", is above).
        r"the court of justice(?! of)",
    ),
    ("UK Supreme Court", r"(?:uk|u\.k\.|britain<S>) supreme court"),
    ("UK Upper Tribunal", r"(?:uk |u\.k\. )?upper tribunal"),
    ("UK First-tier Tribunal", r"(?:uk |u\.k\. )?first-tier tribunal"),
    ("UK Competition Appeal Tribunal", r"competition appeal tribunal"),
    ("Federal Court of Australia", r"federal court of australia|australia<S> federal court"),
    ("Federal Court of Canada", r"federal court of canada|canada<S> federal court"),
    # Canada's federal appeal court (England's is "the Court of Appeal", without "federal").
    ("Federal Court of Appeal", r"federal court of appeal(?!s)"),
    (
        "Ontario Superior Court",
        r"ontario(?:<S> superior court| superior court of justice| court)|"
        r"(?<=to )court in ontario|superior court of justice",
    ),
    ("Quebec Superior Court", r"qu[eé]bec superior court|superior court of qu[eé]bec"),
    ("British Columbia Supreme Court", r"(?:british columbia|b\.c\.) supreme court"),
    (
        "German Federal Court of Justice",
        r"(?:germany<S> |german )?federal court of justice|<A:BGH>",
    ),
)

_DP = r"(?:data protection|privacy|data privacy) (?:authority|watchdog|regulator|agency|office)"

# Placeholders, expanded once at compile time: <S> an optional possessive, <DP> "data
# protection authority" and its variants, <A:XYZ> an acronym matched case-sensitively.
_REGULATORS: tuple[tuple[str, str], ...] = (
    ("FTC", r"federal trade commission|<A:FTC>"),
    ("SEC", r"securities and exchange commission|<A:SEC>"),
    ("CFPB", r"consumer financial protection bureau|<A:CFPB>"),
    (
        "HHS OCR",
        r"(?:hhs|health and human services)(?:'s| department's)? office for civil "
        r"rights|office for civil rights (?:at|of) (?:the )?(?:department of )?(?:hhs|health "
        r"and human services)|<A:HHS OCR>|"
        r"(?:hhs|health and human services|health department)(?:'s| department's)? "
        r"(?:office for civil rights|civil rights office)",
    ),
    ("FCC", r"federal communications commission|<A:FCC>"),
    ("CPPA", r"california privacy protection agency|<A:CPPA>|california<S> privacy agency"),
    (
        "Irish DPC",
        r"(?:ireland<S>|irish) data protection commission(?:er)?|"
        r"(?:irish|ireland<S>) (?:<A:DPC>|<DP>|data regulator|privacy watchdog|data watchdog|"
        r"regulator|watchdog)|"
        r"<A:DPC>|data protection commission\b",
    ),
    (
        "CNIL",
        r"<A:CNIL>|commission nationale de l'informatique|"
        r"(?:french|france<S>) (?:<DP>|privacy watchdog|data regulator|data watchdog)",
    ),
    (
        "ICO",
        r"information commissioner<S> office|<A:ICO>|"
        r"(?:uk|u\.k\.|britain)<S> information commissioner|"
        r"(?:uk|u\.k\.|british|britain<S>) (?:<DP>|data watchdog|privacy watchdog|data regulator)",
    ),
    (
        "Italian Garante",
        r"\bgarante\b|(?:italian|italy<S>) (?:<DP>|privacy watchdog|"
        r"data regulator|data watchdog|(?:privacy )?authority|regulator|watchdog)",
    ),
    (
        "Dutch DPA",
        r"autoriteit persoonsgegevens|dutch (?:<A:DPA>|<DP>|privacy watchdog|"
        r"data watchdog|data regulator|regulator|watchdog|(?:privacy )?authority)|"
        r"netherlands<S> <DP>",
    ),
    (
        "Spanish AEPD",
        r"<A:AEPD>|agencia espa[nñ]ola de protecci[oó]n de datos|"
        r"(?:spanish|spain<S>) (?:<DP>|privacy watchdog|data watchdog)",
    ),
    (
        "Belgian DPA",
        r"belgian (?:<A:DPA>|<DP>|privacy watchdog|(?:data protection )?authority)|belgium<S> <DP>",
    ),
    (
        "Norwegian Datatilsynet",
        r"norw(?:ay<S>|egian) (?:datatilsynet|<DP>|privacy watchdog|"
        r"data watchdog)",
    ),
    ("Danish Datatilsynet", r"dan(?:ish|mark<S>) (?:datatilsynet|<DP>|privacy watchdog)"),
    ("EDPB", r"european data protection board|<A:EDPB>"),
    (
        "Bundeskartellamt",
        r"bundeskartellamt|federal cartel office|(?:german|germany<S>) (?:competition "
        r"(?:authority|regulator|watchdog)|cartel office)",
    ),
    ("CMA", r"competition and markets authority|<A:CMA>"),
    (
        "Swedish DPA",
        r"<A:IMY>|(?:swedish|sweden<S>) authority for privacy protection|"
        r"authority for privacy protection",
    ),
    (
        "BfDI",
        r"bfdi|bundesdatenschutzbeauftragte\w*|federal commissioner for data protection|"
        r"(?:germany<S>|german) federal (?:<DP>|data protection commissioner|privacy watchdog)",
    ),
    (
        "Hong Kong PCPD",
        r"<A:PCPD>|privacy commissioner for personal data|"
        r"hong kong<S> (?:privacy (?:commissioner|watchdog|regulator)|<DP>)",
    ),
    # "Brussels fined Apple": the capital stands for the Commission when it acts.
    (
        "European Commission",
        r"brussels (?:has )?(?:fined|fines|ordered|orders|charged|charges|accused|accuses|"
        r"opened|opens)\b|"
        r"european commission|\beu commission|<A:EC>(?= .{0,60}(?:DSA|DMA))",
    ),
    (
        "OPC Canada",
        r"privacy commissioner of canada|canada<S> privacy commissioner|"
        r"office of the privacy commissioner(?! for)|canadian privacy commissioner|<A:OPC>",
    ),
    (
        "OAIC",
        r"<A:OAIC>|(?:office of the )?australian information commissioner|"
        r"australia(?:n|<S>) (?:privacy commissioner|<DP>|privacy watchdog|information "
        r"commissioner|privacy regulator)",
    ),
    (
        "Nigeria FCCPC",
        r"<A:FCCPC>|federal competition and consumer protection commission|"
        r"nigeria(?:n|<S>) (?:competition|consumer protection) (?:regulator|watchdog|commission)",
    ),
    (
        "South Africa Information Regulator",
        r"south africa(?:n|<S>) (?:information regulator|<DP>|privacy (?:watchdog|regulator)|"
        r"data (?:watchdog|regulator))|information regulator of south africa",
    ),
    ("Brazil ANPD", r"<A:ANPD>|brazil(?:ian|<S>) (?:national )?(?:<DP>|privacy watchdog)"),
    # Japan's and Korea's regulators share a name: without the country it is resolved
    # from the story (court_places, group "pic").
    (
        "Korea PIPC",
        r"<A:PIPC>|(?:south )?korea(?:n|<S>) (?:personal information protection commission|"
        r"<DP>|privacy watchdog)",
    ),
    (
        "Japan PPC",
        r"japan(?:ese|<S>) (?:personal information protection commission|<DP>|privacy "
        r"(?:watchdog|regulator|commission)|data watchdog)",
    ),
    (
        "CCI",
        r"competition commission of india|<A:CCI>|india(?:n|<S>) (?:competition|antitrust) "
        r"(?:regulator|watchdog|authority|commission)",
    ),
    (
        "India DPB",
        r"data protection board of india|india(?:n|<S>) data protection board|<A:DPBI>",
    ),
    (
        "Turkish KVKK",
        r"<A:KVKK>|turk(?:ish|ey<S>|iye<S>) (?:<DP>|personal data protection "
        r"authority)",
    ),
)


@dataclass(frozen=True, slots=True)
class Body:
    """A court or regulator found in a story."""

    name: str
    kind: str  # COURT or REGULATOR
    text: str
    start: int


def find_bodies(text: str) -> list[Body]:
    """Courts and regulators in order of first mention, each once."""
    folded, (words_re, acronyms_re) = fold(text), _compiled()
    bodies = [b for m in words_re.finditer(folded) for b in _bodies(m, text, folded)]
    bodies += [b for m in acronyms_re.finditer(text) for b in _bodies(m, text, folded)]
    found: dict[str, Body] = {}
    for body in sorted(bodies, key=lambda b: b.start):
        found.setdefault(body.name, body)
    return list(found.values())


def _bodies(match: re.Match[str], text: str, folded: str) -> list[Body]:
    group = match.lastgroup or ""
    span = text[match.start() : match.end()]
    if group[0] in "CR" and group[1:].isdigit():
        table, kind = (_COURTS, COURT) if group[0] == "C" else (_REGULATORS, REGULATOR)
        return [Body(table[int(group[1:])][0], kind, span, match.start())]
    named = generic_name(match, folded)
    names = named if isinstance(named, list) else [named]
    return [
        Body(n, REGULATOR if _is_regulator(n) else COURT, span, match.start()) for n in names if n
    ]


def _is_regulator(name: str) -> bool:
    return name.endswith((" AG", " DPA", "Datatilsynet", " PPC", " PIPC"))


@cache
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Word patterns run on case-folded text; acronyms (FTC, DPC) on the original."""
    words: list[str] = []
    acronyms: list[str] = []
    for prefix, table in (("C", _COURTS), ("R", _REGULATORS)):
        for i, (_, pattern) in enumerate(table):
            alternatives = split_top(pattern)
            spelled = [a for a in alternatives if not a.startswith("<A:")]
            words.append(f"(?P<{prefix}{i}>{_fold_acronyms('|'.join(spelled))})")
            if len(spelled) < len(alternatives):
                acronyms.append(
                    f"(?P<{prefix}{i}>{'|'.join(a for a in alternatives if a not in spelled)})"
                )
    words += generic_patterns()
    gate = trie(re.sub(r"\(\?P<\w+>", "(?:", "|".join(words)))
    words_re = rf"(?<![\w-])(?=(?:{gate}))(?:{'|'.join(words)})(?![\w])"
    acronyms_re = r"\b(?:" + "|".join(acronyms) + r")\b"
    return re.compile(_expand(words_re)), re.compile(_expand(acronyms_re))


def _fold_acronyms(pattern: str) -> str:
    return re.sub(r"<A:([A-Z ]+)>", lambda m: rf"\b{m.group(1).lower()}\b", pattern)


def _expand(pattern: str) -> str:
    pattern = pattern.replace("<S>", _S).replace("<DP>", _DP)
    return re.sub(r"<A:([A-Z ]+)>", lambda m: m.group(1), pattern)
