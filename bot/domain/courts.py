"""Courts and regulators as stories write them, normalized: "federal court in San Jose"
is N.D. Cal., "Ireland's Data Protection Commission" is the Irish DPC."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.domain.places import GERMAN_STATES, HIGH_COURTS, STATE_ABBR, STATES

COURT = "court"
REGULATOR = "regulator"

_S = r"(?:'s)?"
_FED = r"(?:u\.?s\.? )?(?:federal|district) (?:court|judge|jury)(?: \w+\.?){0,3}?"
_IN = r"(?:in|at)"


def _a(acronym: str) -> str:
    """An acronym matched case-sensitively inside the case-insensitive table."""
    return rf"\b(?-i:{acronym})\b"


_COURTS: tuple[tuple[str, str], ...] = (
    (
        "N.D. Cal.",
        rf"{_FED} {_IN} (?:san jose|san francisco|oakland|northern california)|"
        r"(?:san jose|san francisco|oakland) federal (?:court|judge|jury)|"
        r"northern district of california|n\.d\. ?cal(?:\.|ifornia)?",
    ),
    (
        "C.D. Cal.",
        rf"{_FED} {_IN} (?:los angeles|santa ana|riverside)|"
        r"(?:los angeles|l\.a\.) federal (?:court|judge|jury)|"
        r"central district of california|c\.d\. ?cal\.?",
    ),
    (
        "S.D. Cal.",
        rf"{_FED} {_IN} san diego|san diego federal (?:court|judge|jury)|"
        r"southern district of california|s\.d\. ?cal\.?",
    ),
    (
        "E.D. Cal.",
        rf"{_FED} {_IN} (?:sacramento|fresno)|eastern district of california|"
        r"e\.d\. ?cal\.?",
    ),
    (
        "S.D.N.Y.",
        rf"{_FED} {_IN} (?:manhattan|new york city)|manhattan federal (?:court|judge|jury)|"
        r"southern district of new york|s\.d\.n\.y\.?",
    ),
    (
        "E.D.N.Y.",
        rf"{_FED} {_IN} brooklyn|brooklyn federal (?:court|judge|jury)|"
        r"eastern district of new york|e\.d\.n\.y\.?",
    ),
    (
        "N.D. Ill.",
        rf"{_FED} {_IN} chicago|chicago federal (?:court|judge|jury)|"
        r"northern district of illinois|n\.d\. ?ill\.?",
    ),
    (
        "D. Mass.",
        rf"{_FED} {_IN} (?:boston|massachusetts)|boston federal (?:court|judge|jury)|"
        r"district of massachusetts|d\. ?mass\.?",
    ),
    (
        "D.N.J.",
        rf"{_FED} {_IN} (?:newark|new jersey|camden|trenton)|"
        r"(?:newark|new jersey) federal (?:court|judge|jury)|district of new jersey|d\.n\.j\.?",
    ),
    (
        "W.D. Wash.",
        rf"{_FED} {_IN} (?:seattle|tacoma)|seattle federal (?:court|judge|jury)|"
        r"western district of washington|w\.d\. ?wash\.?",
    ),
    (
        "D. Del.",
        rf"{_FED} {_IN} (?:delaware|wilmington)|delaware federal (?:court|judge|jury)|"
        r"district of delaware|d\. ?del\.?",
    ),
    (
        "D.D.C.",
        rf"{_FED} {_IN} (?:washington,? d\.?c\.?|the district of columbia)|"
        r"district of columbia federal court|"
        r"u\.?s\.? district court for the district of columbia|d\.d\.c\.?",
    ),
    (
        "E.D. Va.",
        rf"{_FED} {_IN} (?:alexandria|virginia)|eastern district of virginia|"
        r"e\.d\. ?va\.?",
    ),
    (
        "N.D. Tex.",
        rf"{_FED} {_IN} (?:dallas|fort worth)|northern district of texas|"
        r"n\.d\. ?tex\.?",
    ),
    (
        "W.D. Tex.",
        rf"{_FED} {_IN} (?:austin|san antonio|waco)|western district of texas|"
        r"w\.d\. ?tex\.?",
    ),
    (
        "S.D. Fla.",
        rf"{_FED} {_IN} (?:miami|fort lauderdale)|miami federal (?:court|judge|jury)|"
        r"southern district of florida|s\.d\. ?fla\.?",
    ),
    ("1st Cir.", r"(?:1st|first) (?:u\.s\. )?circuit|1st cir\."),
    ("2d Cir.", r"(?:2nd|2d|second) (?:u\.s\. )?circuit|2d cir\."),
    ("3d Cir.", r"(?:3rd|3d|third) (?:u\.s\. )?circuit|3d cir\."),
    ("4th Cir.", r"(?:4th|fourth) (?:u\.s\. )?circuit"),
    ("5th Cir.", r"(?:5th|fifth) (?:u\.s\. )?circuit"),
    ("6th Cir.", r"(?:6th|sixth) (?:u\.s\. )?circuit"),
    ("7th Cir.", r"(?:7th|seventh) (?:u\.s\. )?circuit"),
    ("8th Cir.", r"(?:8th|eighth) (?:u\.s\. )?circuit"),
    ("9th Cir.", r"(?:9th|ninth) (?:u\.s\. )?circuit|9th cir\."),
    ("D.C. Cir.", r"d\.c\. circuit|d\.c\. cir\."),
    (
        "U.S. Supreme Court",
        r"u\.?s\.? supreme court|supreme court of the united states|"
        r"scotus",
    ),
    ("Cook County Circuit Court", r"cook county(?: circuit)? court|circuit court of cook county"),
    (
        "CJEU",
        r"court of justice of the european union|european court of justice|<A:CJEU>|"
        r"eu<S> (?:top|highest) court|<A:ECJ>",
    ),
    ("UK Supreme Court", r"(?:uk|u\.k\.|britain<S>) supreme court"),
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
        r"rights|<A:HHS OCR>",
    ),
    ("FCC", r"federal communications commission|<A:FCC>"),
    ("CPPA", r"california privacy protection agency|<A:CPPA>|california<S> privacy agency"),
    (
        "Irish DPC",
        r"(?:ireland<S>|irish) data protection commission(?:er)?|"
        r"(?:irish|ireland<S>) (?:<A:DPC>|<DP>|data regulator|privacy watchdog|data watchdog)|"
        r"<A:DPC>|data protection commission\b",
    ),
    (
        "CNIL",
        r"<A:CNIL>|commission nationale de l'informatique|"
        r"(?:french|france<S>) (?:<DP>|privacy watchdog|data regulator|data watchdog)",
    ),
    (
        "ICO",
        r"information commissioner<S> office|<A:ICO>|(?:uk|u\.k\.) information commissioner|"
        r"(?:uk|u\.k\.|british|britain<S>) (?:<DP>|data watchdog|privacy watchdog|data regulator)",
    ),
    (
        "Italian Garante",
        r"\bgarante\b|(?:italian|italy<S>) (?:<DP>|privacy watchdog|"
        r"data regulator|data watchdog)",
    ),
    (
        "Dutch DPA",
        r"autoriteit persoonsgegevens|dutch (?:<A:DPA>|<DP>|privacy watchdog|"
        r"data watchdog|data regulator)|netherlands<S> <DP>",
    ),
    (
        "Spanish AEPD",
        r"<A:AEPD>|agencia espa[nñ]ola de protecci[oó]n de datos|"
        r"(?:spanish|spain<S>) (?:<DP>|privacy watchdog|data watchdog)",
    ),
    ("Belgian DPA", r"belgian (?:<A:DPA>|<DP>|privacy watchdog)|belgium<S> <DP>"),
    (
        "Norwegian Datatilsynet",
        r"norw(?:ay<S>|egian) (?:datatilsynet|<DP>|privacy watchdog|"
        r"data watchdog)",
    ),
    ("Danish Datatilsynet", r"dan(?:ish|mark<S>) (?:datatilsynet|<DP>|privacy watchdog)"),
    ("EDPB", r"european data protection board|<A:EDPB>"),
    ("European Commission", r"european commission|\beu commission|<A:EC>(?= .{0,60}(?:DSA|DMA))"),
    (
        "OPC Canada",
        r"privacy commissioner of canada|canada<S> privacy commissioner|"
        r"office of the privacy commissioner(?! for)|canadian privacy commissioner|<A:OPC>",
    ),
    (
        "OAIC",
        r"<A:OAIC>|(?:office of the )?australian information commissioner|"
        r"australia<S> (?:privacy commissioner|<DP>|privacy watchdog)",
    ),
    ("Brazil ANPD", r"<A:ANPD>|brazil(?:ian|<S>) (?:national )?(?:<DP>|privacy watchdog)"),
    (
        "Korea PIPC",
        r"personal information protection commission|<A:PIPC>|"
        r"(?:south )?korea(?:n|<S>) (?:<DP>|privacy watchdog)",
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
    found: dict[str, Body] = {}
    for match in _compiled().finditer(text):
        body = _body_from_match(match)
        if body is not None and body.name not in found:
            found[body.name] = body
    return list(found.values())


def _body_from_match(match: re.Match[str]) -> Body | None:
    group = match.lastgroup or ""
    kind, index = group[0], group[1:]
    if kind == "C":
        return Body(_COURTS[int(index)][0], COURT, match.group(), match.start())
    if kind == "R":
        return Body(_REGULATORS[int(index)][0], REGULATOR, match.group(), match.start())
    return _generic_body(match)


def _generic_body(match: re.Match[str]) -> Body | None:
    group = match.lastgroup or ""
    text, start = match.group(), match.start()
    place = _title_case(match.groupdict().get(f"{group}n") or "")
    if group.startswith("ag"):
        return Body(f"{place} AG", REGULATOR, text, start)
    if group.startswith("sc"):
        return Body(f"{place} state court", COURT, text, start)
    if group == "sup":
        return Body("California state court", COURT, text, start)
    if group == "gd":
        return Body(f"{place} DPA", REGULATOR, text, start)
    if group == "dist":
        return Body(district_name(match.group("distd"), place), COURT, text, start)
    if group == "hc":
        return Body(HIGH_COURTS[place.split("'")[0]], COURT, text, start)
    if group == "xc":
        return Body(_title_case(text).replace("'S", ""), COURT, text, start)
    return None


def district_name(direction: str, state: str) -> str:
    """Bluebook form: "Western District of Missouri" -> "W.D. Mo."."""
    abbr = STATE_ABBR.get(state, state)
    prefix = f"{direction[0].upper()}.D." if direction else "D."
    joined = "." in abbr[:-1] and " " not in abbr
    return f"{prefix}{abbr}" if joined else f"{prefix} {abbr}"


def _title_case(place: str) -> str:
    return " ".join(w if w.isupper() else w[:1].upper() + w[1:].lower() for w in place.split())


@cache
def _compiled() -> re.Pattern[str]:
    courts = [f"(?P<C{i}>{pattern})" for i, (_, pattern) in enumerate(_COURTS)]
    regs = [f"(?P<R{i}>{pattern})" for i, (_, pattern) in enumerate(_REGULATORS)]
    generic = [
        rf"(?P<ag>(?P<agn>{STATES})<S> (?:state )?(?:attorney general|<A:AG>))",
        rf"(?P<ag2>attorney general (?:of|for) (?P<ag2n>{STATES}))",
        rf"(?P<sc>(?P<scn>{STATES}) (?:state|superior) court)",
        rf"(?P<sc2>state court in (?P<sc2n>{STATES}))",
        r"(?P<sup>(?:los angeles|san francisco|alameda|santa clara|san diego|orange) "
        r"(?:county )?superior court|superior court of california)",
        rf"(?P<gd>(?P<gdn>{GERMAN_STATES})<S> (?:<DP>|data protection (?:commissioner|office)|"
        r"privacy watchdog))",
        rf"(?P<ag3>(?P<ag3n>{STATES}) (?:has |have )?(?:sues|sued|is suing|filed suit|files suit|"
        r"filed a lawsuit|files a lawsuit))",
        rf"(?P<dist>(?:(?P<distd>northern|southern|eastern|western|central|middle) )?"
        rf"district of (?P<distn>{STATES}))",
        r"(?P<hc>(?P<hcn>irish|ireland's|uk|u\.k\.|english|kenyan|kenya's|london's) high court)",
        r"(?P<xc>(?:munich|cologne|berlin|hamburg|frankfurt|düsseldorf|mannheim) "
        r"(?:higher )?regional court|federal court of australia|(?:uk )?upper tribunal)",
    ]
    return re.compile(_expand(r"\b(?:" + "|".join([*courts, *regs, *generic]) + ")"), re.I)


def _expand(pattern: str) -> str:
    pattern = pattern.replace("<S>", _S).replace("<DP>", _DP)
    return re.sub(r"<A:([A-Z ]+)>", lambda m: _a(m.group(1)), pattern)
