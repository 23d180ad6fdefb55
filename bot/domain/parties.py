"""Who a story is against: company mentions ranked by their role. The object of the legal
action (sued, fined, ordered, settled, accused; "X v. Y" names Y) and the headline's
companies lead; regulators, courts and plaintiffs never do; products fold into their
parent when the story names it ("Instagram" -> "Meta")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from bot.domain.companies import (
    PRODUCT_MAKERS,
    UPPER,
    after_verb_pattern,
    company_key,
    company_name,
    find_known,
    is_outlet,
    known_name,
    parent_of,
    unknown_pattern,
)

_DEFENDANT_BEFORE = (
    r"(?:sue[sd]?|suing|against|fine[sd]?|fining|orders?|ordered|ordering|probes?|"
    r"investigat\w+|"
    r"penali[sz]e[sd]?|accuses?|accused|accusing|targets?|charges?|charged|settlement with|"
    r"(?:probe|investigation|inquiry|case|complaints?|lawsuits?|suit) (?:into|of|against|over)|"
    r"reprimands?|bans?|blocks?|tells|told|forces?|forced|denying|denie[sd]|granting|"
    r"grant(?:s|ed)|rejecting|reject(?:s|ed)|take[ns]?|taking|took) "
    r"(?:(?:its|the|rival|parent|tech giant|social media giant|company|firm|app|\w+'s|"
    r"[A-Z][\w.&-]*(?:'s)? (?:maker|developer|owner|parent|operator)) ){0,3}$"
)
_DEFENDANT_AFTER = (
    r"^(?:'s?)?,? ?(?:\([^)]{0,40}\) )?"
    # "Meta, ByteDance, Alphabet and Snap must face": every listed name is a defendant.
    r"(?:(?:, [A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*)?)+,? (?:and|&) [\w.&'-]+(?: [\w.&'-]+)? |"
    # "Kakao Pay, Apple fined": a short list without "and".
    r"(?:, [A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*)?){1,3} |"
    r"(?:,[^,]{1,60}, )?(?:(?:and|&) [\w.&'-]+(?: [\w.&'-]+)? )?)"
    r"(?:(?:was|has been|is|were|will be|got|"
    r"has|had|could be|would) )?(?:sued|fined|fac(?:es|ed|ing)|agree[sd]?|settle[sd]?|settles|"
    r"to (?:pay|settle|delete|stop)|must|will pay|pays|paid|accused|ordered|hit with|violated|"
    r"illegally|unlawfully|secretly|allegedly|loses|lost|den(?:ies|ied)|appeals?|"
    r"appealed|asks?|moves?|sought|can't|cannot|failed|shared|sold|collected|used|uses|"
    r"tracked|recorded|scraped|trained|harvested|captured|disclosed|gave|sends?|sent|violates|"
    r"broke|breached|misled|deceived|under|motion to dismiss|bid to|to refund|refunds|"
    r"(?:customers|users|subscribers) (?:file|sue)\w*)\b"
)
_PLAINTIFF_AFTER = (
    r"^(?:'s?)? ?(?:(?:has|have|had) )?(?:sues|sued|is suing|are suing|files? suit against|"
    r"filed (?:a )?(?:lawsuit|suit|complaint) against|"
    r"(?:takes?|took|drags?)(?= [^.]{0,40}? to court)) "
)
# "GEICO $9.75M, Travelers $1.55M: New York penalizes insurers": who pays what.
_SUM_LIST = r"[$€£¥₩]\d[\d.,]*(?: ?(?:[MBK]|million|billion))?(?=[,:;])"
# "Getty sues over Stable Diffusion": present-tense suing makes the subject the plaintiff
# whatever follows ("Meta sued over ..." stays passive).
_SUES = (
    r"^(?:'s?)? ?(?:sues|is suing|are suing|files? (?:a )?(?:suit|lawsuit|complaint))\b|"
    # "Getty's case over Stable Diffusion", "UMG settled its suit against Udio": the suer.
    r"^['’]s? (?:case|suit|lawsuit|claims?|complaint|challenge) (?:over|against)\b|"
    r"^,? (?:has |have |had )?(?:settled|dropped|withdrew|won|wins|lost|loses|refiled|"
    r"narrowed) (?:(?:most|much|part|some|all) of )?(?:its|their) (?:[\w-]+ ){0,2}"
    r"(?:suit|lawsuit|case|claims?|complaint) against\b"
)
_PLAINTIFF_BEFORE = r"(?:sued by|brought by|filed by|on behalf of|lawsuit from|suit from) $"
_NAME = rf"[{UPPER}][\w.&'-]*(?: (?:[{UPPER}][\w.&'-]*|of|&)){{0,4}}"
# "Kadrey v. Meta", "Lloyd v Google": the case caption names plaintiff, then defendant.
_CAPTION = rf"(?P<p>{_NAME}) v\.? (?P<d>{_NAME})"
# "Genshin Impact maker HoYoverse", "Facebook parent Meta": a product naming its company.
# "the developer of Genshin Impact, HoYoverse,": the same, written the other way round.
_DESCRIPTOR = re.compile(r"(?:'s)? (?:maker|developer|owner|parent|creator|operator)\b")
_DESCRIBED = re.compile(r"\b(?:maker|developer|owner|parent|creator|operator|publisher) of $")
# "claims against Frontgate owner Cinmar": the company behind a brand.
_BEHIND = (
    rf"[{UPPER}][\w&'-]*(?:['’]s)? (?:maker|developer|owner|parent|operator) "
    rf"(?P<name>[{UPPER}][\w&'-]*(?: [{UPPER}][\w&'-]*){{0,2}})"
)
# "Luka Inc.", "Cognosphere LLC": a legal entity's name is a company wherever it stands.
_LEGAL_ENTITY = rf"(?P<name>{_NAME}),? (?:Inc|LLC|Corp|Ltd|PLC|GmbH|S\.A|S\.p\.A)\b"
# "SK Telecom sues to overturn a penalty": a firm challenging what was done to it is the
# party acted against, not a plaintiff.
_OVERTURN = (
    r"^(?:'s?)? ?(?:sues|sued|is suing|appeals?|appealed|asks? (?:a |the )?(?:\w+ )?court|"
    r"goes to court|went to court) to (?:overturn|cancel|annul|quash|block|challenge|"
    r"set aside|reverse|void)\b"
)
# "HarperCollins", "WeTransfer": a brand spelled in camel case in the headline.
_CAMEL = r"(?<![\w-])[A-Z][a-z]+[A-Z][A-Za-z]+(?![\w-])"

_GAP = re.compile(r"(?:(?:the|its|rival|tech giant|[a-z]+ maker) )?")
# A trade name and the legal entity behind it are one party, the entity leading
# ("Cognosphere, doing business as HoYoverse", "Cognosphere, the company behind HoYoverse").
_SUFFIX_GAP = r"(?:,? (?:Inc|LLC|Corp|Ltd|PLC|GmbH)\.?)?"  # "Luka Inc.'s Replika"
_TRADES_AS = re.compile(
    _SUFFIX_GAP
    + r",? \(?(?:doing business as|d/b/a|dba|trading as|which (?:does business|trades) as|"
    r"which (?:owns|operates|runs|makes|publishes)|(?:the|its) (?:company|firm|parent|owner|"
    r"maker|developer|operator|publisher) (?:behind|of)) "
)
# A parent named in the phrase that first names its unit leads it ("Microsoft's LinkedIn",
# "Allstate unit Arity"); a unit the headline names alone keeps its lead.
_OWNS = re.compile(
    _SUFFIX_GAP + r"(?:['’]s|,? (?:units?|subsidiar(?:y|ies)|affiliates?|divisions?)) "
)
# ... the same, written the other way round ("LinkedIn, owned by Microsoft", "Arity, a
# unit of Allstate").
_OWNED_BY = re.compile(
    _SUFFIX_GAP + r",? (?:(?:which is |that is )?(?:owned|operated|run) by|(?:an? |the )?(?:unit|"
    r"subsidiary|division|affiliate|brand|part) of)(?: (?:parent|its parent))? "
)

PLAINTIFF, DEFENDANT, CAPTION, PRODUCT = "plaintiff", "defendant", "caption", "product"


@dataclass(frozen=True, slots=True)
class Mention:
    name: str
    start: int
    end: int


def find_parties(
    text: str, title_end: int, exclude: set[str], excluded_spans: list[tuple[int, int]]
) -> tuple[list[str], list[str], list[str]]:
    """Defendants, other companies and plaintiffs named in `text` (headline first)."""
    captions = _appeals_against_bodies(_captions(text), excluded_spans)
    mentions = [
        m
        for m in _mentions(text, captions, title_end)
        if m.name not in exclude and not _overlaps(m, excluded_spans)
    ]
    roles = [_role(text, m, mentions[i + 1 :], captions) for i, m in enumerate(mentions)]
    plaintiffs = _unique(m.name for m, r in zip(mentions, roles, strict=True) if r == PLAINTIFF)
    scores: dict[str, tuple[int, int]] = {}
    for mention, role in zip(mentions, roles, strict=True):
        if mention.name not in plaintiffs:
            _keep_best(scores, mention.name, _score(mention, role, title_end), mention.start)
    _fold_into_parents(scores, _owners(text, mentions))
    _products_to_makers(scores)
    ranked = sorted(scores, key=lambda n: (-scores[n][0], scores[n][1]))
    defendants = [n for n in ranked if scores[n][0] >= 2] or ranked[:1]
    others = [n for n in _unique(m.name for m in mentions) if n in scores]
    others = [n for n in others if n not in defendants]
    # Plaintiffs follow the other companies, and never stand alone where a defendant goes.
    return defendants, others + (plaintiffs if defendants else []), plaintiffs


def _score(mention: Mention, role: str | None, title_end: int) -> int:
    if role == PRODUCT:
        return 0
    in_title = 3 if mention.start < title_end else 0
    return in_title + {DEFENDANT: 2, CAPTION: 3}.get(role or "", 0)


def _keep_best(scores: dict[str, tuple[int, int]], name: str, score: int, start: int) -> None:
    best = scores.get(name)
    if best is None or score > best[0]:
        scores[name] = (score, start if best is None else min(start, best[1]))


def _owners(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Unit -> parent where the text itself ties two adjacent names in one phrase."""
    owners: dict[str, str] = {}
    first_seen: dict[str, int] = {}
    for m in mentions:
        first_seen.setdefault(m.name, m.start)
    for one, two in zip(mentions, mentions[1:], strict=False):
        gap = text[one.end : two.start]
        if one.name == two.name or len(gap) > 40:
            continue
        first_naming = first_seen[two.name] == two.start
        if _TRADES_AS.fullmatch(gap) or (_OWNS.fullmatch(gap) and first_naming):
            owners.setdefault(two.name, one.name)
        elif _OWNED_BY.fullmatch(gap) and first_seen[one.name] == one.start:
            owners.setdefault(one.name, two.name)
    return owners


def _fold_into_parents(scores: dict[str, tuple[int, int]], owners: dict[str, str]) -> None:
    """A product or unit named with its parent lends the parent its rank, and follows it;
    the table knows the usual parents, the text may name others."""
    for name, (score, start) in list(scores.items()):
        parent = owners.get(name) or parent_of(name)
        if parent != name and parent in scores:
            parent_score, parent_start = scores[parent]
            scores[parent] = (max(score, parent_score), min(start, parent_start))
            scores[name] = (min(score, parent_score), max(start, parent_start) + 1)


def _products_to_makers(scores: dict[str, tuple[int, int]]) -> None:
    """A product ("Siri") is no party: its maker takes its rank when the story names the
    maker, else the product drops out."""
    keys = {company_key(name): name for name in scores if name not in PRODUCT_MAKERS}
    for product in [name for name in scores if name in PRODUCT_MAKERS]:
        score, start = scores.pop(product)
        maker = keys.get(company_key(PRODUCT_MAKERS[product]))
        if maker and maker != product:
            best = scores[maker]
            scores[maker] = (max(score, best[0]), min(start, best[1]))


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _overlaps(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(a < mention.end and mention.start < b for a, b in spans)


def _role(
    text: str, mention: Mention, later: list[Mention], captions: list[tuple[str, int, int]]
) -> str | None:
    for side, start, end in captions:
        if start <= mention.start < end:
            return {"d": CAPTION, "p": PLAINTIFF}.get(side)
    before = text[max(0, mention.start - 60) : mention.start]
    after = text[mention.end : mention.end + 80]
    if _DESCRIPTOR.match(after) or _DESCRIBED.search(before):
        return PRODUCT
    if text.startswith(" ", mention.end) and _patterns()["sum_list"].match(text, mention.end + 1):
        return DEFENDANT
    patterns = _patterns()
    if patterns["overturn"].search(after):
        return DEFENDANT
    suing = patterns["plaintiff_after"].search(after)
    if (
        suing
        and any(  # "X sues Y": Y right after the verb ("X sued over ..." is passive)
            _GAP.fullmatch(text, mention.end + suing.end(), m.start) and m.name != mention.name
            for m in later[:2]
        )
    ):
        return PLAINTIFF
    if patterns["sues"].search(after) or patterns["plaintiff_before"].search(before):
        return PLAINTIFF
    if patterns["defendant_before"].search(before) or patterns["defendant_after"].search(after):
        return DEFENDANT
    return None


def _mentions(text: str, captions: list[tuple[str, int, int]], title_end: int) -> list[Mention]:
    known = [Mention(known_name(m), m.start(), m.end()) for m in find_known(text)]
    spans = [(m.start, m.end) for m in known]
    found = [m for m in known if not is_outlet(text, m.start, m.end)]
    candidates = [
        (match.group("name"), match.start("name"))
        for pattern in (unknown_pattern(), after_verb_pattern())
        for match in pattern.finditer(text)
    ]
    candidates += [(text[s:e], s) for side, s, e in captions if side == "d"]
    candidates += [
        (m.group("name"), m.start("name"))
        for m in _patterns()["sum_name"].finditer(text, 0, title_end)
    ]
    candidates += [(m.group("name"), m.start("name")) for m in _patterns()["behind"].finditer(text)]
    if _patterns()["legal_gate"].search(text):  # most stories name no legal form: skip
        for kind in ("legal", "trade_name"):
            found_names = _patterns()[kind].finditer(text)
            candidates += [(m.group("name"), m.start("name")) for m in found_names]
    camel = _patterns()["camel"].match(text, 0, title_end)  # the headline's subject
    candidates += [(camel.group(), 0)] if camel else []
    for raw, start in candidates:
        name = company_name(raw, text, start)
        start = text.find(name, start) if name else start  # past a place's possessive
        end = start + len(name or "")
        if name and not _overlaps(Mention(name, start, end), spans):
            found.append(Mention(name, start, end))
            spans.append((start, end))
    return sorted(found, key=lambda m: m.start)


def _appeals_against_bodies(
    captions: list[tuple[str, int, int]], body_spans: list[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """ "Meta Platforms v Bundeskartellamt": a firm challenging a regulator's decision is
    the party acted against, not a plaintiff (its side becomes "a")."""
    out = list(captions)
    for i in range(0, len(out) - 1, 2):
        d_side = Mention("", out[i + 1][1], out[i + 1][2])
        if out[i][0] == "p" and _overlaps(d_side, body_spans):
            out[i] = ("a", out[i][1], out[i][2])
    return out


def _captions(text: str) -> list[tuple[str, int, int]]:
    """Spans of caption sides: ("p", start, end) for the plaintiff, ("d", ...) defendant."""
    spans = []
    for match in _patterns()["caption"].finditer(text):
        # "... Against Google. In Calhoun v. Google": the plaintiff starts its sentence.
        cut = match.group("p").rfind(". ")
        start = match.start("p") + (cut + 2 if cut >= 0 else 0)
        spans.append(("p", start, match.end("p")))
        spans.append(("d", match.start("d"), match.end("d")))
    return spans


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "defendant_before": re.compile(_DEFENDANT_BEFORE, re.IGNORECASE),
        "defendant_after": re.compile(_DEFENDANT_AFTER, re.IGNORECASE),
        "plaintiff_after": re.compile(_PLAINTIFF_AFTER, re.IGNORECASE),
        "plaintiff_before": re.compile(_PLAINTIFF_BEFORE, re.IGNORECASE),
        "sues": re.compile(_SUES),
        "sum_list": re.compile(_SUM_LIST),
        "sum_name": re.compile(rf"(?:^|, )(?P<name>{_NAME}) {_SUM_LIST}"),
        "caption": re.compile(_CAPTION),
        "camel": re.compile(_CAMEL),
        "behind": re.compile(_BEHIND),
        "legal": re.compile(_LEGAL_ENTITY),
        "legal_gate": re.compile(
            r"\b(?:Inc|LLC|Corp|Ltd|PLC|GmbH|S\.p?\.?A|doing business as|d/b/a|trading as)\b"
        ),
        "trade_name": re.compile(rf"(?:doing business as|d/b/a|trading as) (?P<name>{_NAME})"),
        "overturn": re.compile(_OVERTURN, re.IGNORECASE),
    }
