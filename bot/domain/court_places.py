"""Courts and regulators named after a place ("federal court in Kansas City", "Oregon's
attorney general", "Tokyo District Court"): the patterns, on case-folded text, and the
normalized name each match gets."""

from __future__ import annotations

import re

from bot.domain.scan import trie
from bot.domain.tables.places import (
    AG_NAMES,
    ATTORNEYS_GENERAL,
    CIRCUITS,
    CITIES,
    CITY_COURTS,
    DPA_COUNTRIES,
    DPA_PLACES,
    GERMAN_STATES,
    HIGH_COURT_PLACES,
    HIGH_COURTS,
    STATE_ABBR,
    STATE_COURTS,
    STATES,
)

_STATES = STATES.lower()
_ABBR = {abbr.lower(): state for state, abbr in STATE_ABBR.items()}
_ABBRS = "|".join(re.escape(a).replace(r"\.", r"\.?") for a in sorted(_ABBR, key=len, reverse=True))
_ORDINALS = {
    "1st": 1, "first": 1, "2nd": 2, "2d": 2, "second": 2, "3rd": 3, "3d": 3, "third": 3,
    "4th": 4, "fourth": 4, "5th": 5, "fifth": 5, "6th": 6, "sixth": 6, "7th": 7,
    "seventh": 7, "8th": 8, "eighth": 8, "9th": 9, "ninth": 9, "10th": 10, "tenth": 10,
    "11th": 11, "eleventh": 11,
}  # fmt: skip
_ORDINAL = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_ONE_DISTRICT = (
    "alaska|arizona|colorado|connecticut|delaware|hawaii|idaho|kansas|maine|maryland|"
    "massachusetts|minnesota|montana|nebraska|nevada|new hampshire|new jersey|new mexico|"
    "north dakota|oregon|rhode island|south carolina|south dakota|utah|vermont|wyoming|"
    "district of columbia"
)
_SINGLE_DISTRICT = frozenset(_ONE_DISTRICT.split("|"))
_FED = (
    r"(?:(?:u\.?s\.? )?(?:federal|district) (?:magistrate )?(?:court|judge|jury|courthouse)|"
    r"u\.?s\.? (?:magistrate )?judge|(?<=a )judge)"
    r"(?: [\w.]+){0,3}?"
)
_CITIES_OF_COURTS = (
    "munich|cologne|berlin|hamburg|frankfurt|düsseldorf|dusseldorf|mannheim|leipzig|"
    "stuttgart|bonn|nuremberg|dresden|hanover|bielefeld|kiel|karlsruhe|celle|oldenburg|"
    "tokyo|osaka|seoul|amsterdam|rotterdam|the hague|paris|vienna|madrid|milan|rome|"
    "brussels|copenhagen|oslo|stockholm|helsinki|warsaw|lisbon|dublin|delhi"
)
# "New England" is no England.
_COUNTRY = re.compile(rf"(?<![\w-])(?<!new )(?:{HIGH_COURT_PLACES})(?![\w-])")
_STATE_VERBS = (
    r"(?:has |have )?(?:sues|sued|is suing|files suit|filed suit|files a lawsuit|"
    r"filed a lawsuit|reaches|reached|settles|settled with|secures|secured|fines|fined|"
    r"collects|collected|goes after|went after|probes|opens (?:a )?(?:probe|investigation)|"
    r"investigates|wins|won|penalizes|penalized)"
)


def _place(group: str, places: str) -> str:
    """A place list captured as `group`, behind a lookahead on its trie: the trie fails
    within a letter or two at most positions, where the list would try every name."""
    return f"(?=(?:{trie(places)}))(?P<{group}>{places})"


def generic_patterns() -> list[str]:
    """Named groups; a group `X` with a place captured in `Xn`."""
    return [
        rf"(?P<fed>{_FED} (?:in|at) (?:(?P<fedn>{CITIES})|(?P<fedsn>{_STATES})))",
        rf"(?P<fedc>{_place('fedcn', CITIES)} federal "
        r"(?:court|judge|jury|class action|lawsuit|suit))",
        # "Judge Vince Chhabria in San Francisco": a named judge in a federal courthouse city.
        rf"(?P<jn>judge (?:[\w.'-]+ ){{1,3}}?in (?P<jnn>{CITIES}))",
        rf"(?P<dist>(?:(?P<distd>northern|southern|eastern|western|central|middle) )?"
        rf"district of (?P<distn>{_STATES}))",
        rf"(?P<bb>(?P<bbd>[nsewcm])\. ?d\. ?(?P<bbn>{_ABBRS})|d\. ?(?P<bb2n>{_ABBRS}))",
        rf"(?P<cir>(?P<cirn>{_ORDINAL}) (?:u\.s\. )?(?:circuit|cir\.))",
        rf"(?P<cir2>court of appeals for the (?P<cir2n>{_ORDINAL}) circuit)",
        # "a federal appeals court in New York": the circuit of that city's district.
        rf"(?P<apc>(?:federal|u\.?s\.?) appeals court (?:in|based in) (?P<apcn>{CITIES}))",
        rf"(?P<ag>{_place('agn', _STATES)}<S> (?:state )?(?:attorney general|\bag\b))",
        rf"(?P<agl>attorneys? general (?:of|for|from) (?:the states? of )?"
        rf"(?P<agln>(?:{_STATES})(?:(?:,|,? and) (?:{_STATES}))*))",
        rf"(?P<agv>{_place('agvn', _STATES)} {_STATE_VERBS})",
        rf"(?P<agp>{_place('agpn', AG_NAMES)})",
        # "the state attorney general" is that of the state the story names.
        r"(?P<sag>the state<S> attorney general)",
        # One alternation over the state names (each one is tried at every position): a
        # state or superior court, or the state's top court ("Ohio's highest court").
        rf"(?P<sc>{_place('scn', _STATES)}(?: state| superior|(?P<sctop><S> (?:supreme(?: "
        r"judicial)?|top|highest|high))) court)",
        # "the state's highest court" is that of the state the story names.
        rf"(?P<ssc>supreme (?:judicial )?court of (?P<sscn>{_STATES})|"
        r"the state<S> (?:highest|top|supreme) court|the supreme judicial court)",
        # "filed in state district court" in a story about one state.
        r"(?P<stc>in (?:a )?state (?:district )?court(?! in\b))",
        # "the Federal Court" is Australia's in a story about Australia.
        r"(?P<fca>the federal court(?! (?:in|of|at|for|judge)\b))",
        rf"(?P<sc2>state court in (?P<sc2n>{_STATES}))",
        r"(?P<sup>(?:los angeles|san francisco|alameda|santa clara|san diego|orange) "
        r"(?:county )?superior court|superior court of california)",
        rf"(?P<gd>{_place('gdn', GERMAN_STATES.lower())}<S> (?:<DP>|data protection "
        r"(?:commissioner|office)|privacy watchdog|state data protection \w+|"
        # "Bavarian authority tells ...", "the Lower Saxony state commissioner found".
        r"(?:state )?(?:commissioner|authority|supervisory (?:office|authority))))",
        # "Croatia's Personal Data Protection Agency", "Finland's Data Protection Ombudsman",
        # "Lithuania's State Data Protection Inspectorate": one country's data regulator.
        rf"(?P<dpa>{_place('dpan', DPA_PLACES)}<S> (?:<DP>|(?:(?:state|personal) )?data protection "
        r"(?:commissioner|board|office|authority|agency|inspectorate|ombudsman)|privacy "
        r"(?:watchdog|regulator|commissioner|ombudsman)|data (?:watchdog|regulator)))",
        rf"(?P<hc>{_place('hcn', HIGH_COURT_PLACES)}<S> high court|high court (?:of|in) "
        rf"(?P<hc2n>{HIGH_COURT_PLACES})|high court)",
        r"(?P<coa>court of appeal(?!s))",
        rf"(?P<xc>{_place('xcn', _CITIES_OF_COURTS)} (?:higher regional|regional|(?:central )?"
        r"district|administrative|labou?r|high|judicial) court)",
        # "the regional court in Munich": the same court, named the other way round.
        r"(?P<xc2>(?P<xc2k>higher regional|regional|district|administrative|labou?r) court "
        rf"(?:in|of) (?P<xc2n>{_CITIES_OF_COURTS}))",
        r"(?P<xc3>tribunal judiciaire de (?P<xc3n>paris|nanterre|lyon|marseille))",
        # A court named in passing: "a San Francisco jury", "Judge X, sitting in Delaware".
        rf"(?P<cj>{_place('cjn', CITIES)} (?:jury|judge)|jurors (?:in|at) (?P<cj2n>{CITIES}))",
        rf"(?P<sit>sitting in (?P<sitn>{_STATES}))",
        rf"(?P<sc3>superior court of (?P<sc3n>{_STATES}))",
        rf"(?P<sf>{_place('sfn', _STATES)} federal (?:court|judge|jury))",
        rf"(?P<sc4>state court in (?P<sc4n>{CITIES}))",
        r"(?P<pic>personal information protection commission)",
    ]


def generic_name(match: re.Match[str], folded: str) -> str | list[str] | None:
    """The normalized name for a generic match; `folded` is the whole story, for context."""
    group = match.lastgroup or ""
    place = next((p for p in _places(match, group) if p), "")
    if group == "fed":
        return CITY_COURTS.get(place) or _state_court(place)
    if group == "fedc":
        return CITY_COURTS.get(place)
    if group == "dist":
        return district_name(match.group("distd") or "", place)
    if group == "bb":
        state = _ABBR.get(place.replace(" ", "")) or _ABBR.get(place, "")
        return district_name(match.group("bbd") or "", state) if state else None
    if group in ("cir", "cir2"):
        return _circuit(place)
    if group.startswith("ag"):
        return _attorneys_general(group, place)
    if group == "sag":
        state = _first_state(folded)
        return f"{_title_case(state)} AG" if state else None
    if group == "apc":
        return _city_circuit(place)
    if group == "sc" and match.group("sctop"):
        return _state_top_court(group, place)
    if group in ("sc", "sc2"):  # "New York state court"
        return f"{_title_case(place)} state court"
    if group == "sup":
        return "California state court"
    if group == "gd":
        return f"{'Bavarian' if place == 'bavaria' else _title_case(place)} DPA"
    if group == "dpa":
        return f"{DPA_COUNTRIES[place]} DPA"
    if group in ("hc", "coa"):
        return _by_country(group, place, folded)
    if group in ("xc", "xc2", "xc3"):
        return _city_court(match, group, place)
    if group in ("cj", "jn"):
        return CITY_COURTS.get(place)
    if group in ("ssc", "stc"):
        return _state_top_court(group, place or _first_state(folded))
    if group == "fca":
        return "Federal Court of Australia" if _AUSTRALIA.search(folded) else None
    if group == "sc4":
        return _city_state_court(place)
    if group in ("sit", "sf"):
        return _state_court(place)
    if group == "sc3":
        return f"{_title_case(place)} state court"
    if group == "pic":
        return _pic_country(folded, match.start())
    return None


_AUSTRALIA = re.compile(r"\baustralia")
_ANY_STATE = re.compile(rf"\b(?:{_STATES})\b")


def _first_state(folded: str) -> str:
    found = _ANY_STATE.search(folded)
    return found.group() if found else ""


def _state_top_court(group: str, state: str) -> str | None:
    """A state's highest court by its name, or a state court ("in state court")."""
    if not state:
        return None
    if group == "stc" or state == "new york":  # its Supreme Court is a trial court
        return f"{_title_case(state)} state court"
    if state == "massachusetts":
        return "Massachusetts Supreme Judicial Court"
    return f"{_title_case(state)} Supreme Court"


def _city_state_court(city: str) -> str | None:
    """ "state court in Los Angeles": the state of that city's federal district."""
    state = _city_state(city)
    return f"{_title_case(state)} state court" if state else None


def _city_circuit(city: str) -> str | None:
    state = _city_state(city).lower()
    if state == "district of columbia":
        return "D.C. Cir."
    return _circuit(str(CIRCUITS[state])) if state in CIRCUITS else None


def _city_state(city: str) -> str:
    district = CITY_COURTS.get(city, "")
    abbr = re.sub(r"^[NSEWCM]?\.?D\. ?", "", district).replace(" ", "").lower()
    return _ABBR.get(abbr, "")


def _city_court(match: re.Match[str], group: str, city: str) -> str:
    if group == "xc":
        return _title_case(match.group())
    if group == "xc3":
        return f"{_title_case(city)} Judicial Court"
    return f"{_title_case(city)} {_title_case(match.group('xc2k'))} Court"


_JAPAN = re.compile(r"\b(?:japan|japanese|tokyo)\b")
_KOREA = re.compile(r"\b(?:korea|korean|seoul)\b")


def _pic_country(folded: str, at: int) -> str | None:
    """Japan's PPC or Korea's PIPC: the country named nearest the commission, else none."""
    distances = {}
    for name, country in (("Japan PPC", _JAPAN), ("Korea PIPC", _KOREA)):
        found = [abs(m.start() - at) for m in country.finditer(folded)]
        if found:
            distances[name] = min(found)
    return min(distances, key=lambda n: distances[n]) if distances else None


def _places(match: re.Match[str], group: str) -> list[str]:
    names = (f"{group}n", f"{group}sn", f"{group}2n")
    return [match.group(n) or "" for n in names if n in match.re.groupindex]


def _state_court(state: str) -> str | None:
    if state in _SINGLE_DISTRICT:
        return district_name("", state)
    return STATE_COURTS.get(state)


def _circuit(ordinal: str) -> str:
    number = int(ordinal) if ordinal.isdigit() else _ORDINALS[ordinal]
    suffix = {1: "st", 2: "d", 3: "d"}.get(number, "th")
    return f"{number}{suffix} Cir."


def _attorneys_general(group: str, place: str) -> list[str]:
    if group == "agp":
        return [f"{ATTORNEYS_GENERAL[place]} AG"]
    states = re.findall(_STATES, place) if group == "agl" else [place]
    return [f"{_title_case(s)} AG" for s in states]


def _by_country(group: str, place: str, folded: str) -> str | None:
    if not place:
        found = _COUNTRY.search(folded)
        place = found.group() if found else ("uk" if group == "coa" else "")
    prefix = HIGH_COURTS.get(place.removesuffix("'s"))
    if prefix is None:
        return None
    return f"{prefix} High Court" if group == "hc" else f"{prefix} Court of Appeal"


def district_name(direction: str, state: str) -> str:
    """Bluebook form: "Western District of Missouri" -> "W.D. Mo."."""
    abbr = STATE_ABBR.get(_title_case(state), state)
    prefix = f"{direction[0].upper()}.D." if direction else "D."
    joined = "." in abbr[:-1] and " " not in abbr
    return f"{prefix}{abbr}" if joined else f"{prefix} {abbr}"


def _title_case(place: str) -> str:
    words = place.split()
    return " ".join(w if w == "of" and i else w[:1].upper() + w[1:] for i, w in enumerate(words))
