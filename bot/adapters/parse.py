"""Feed bytes into plain data with feedparser, hardened first: DOCTYPEs that declare
entities are removed before any XML parser sees them, so entity expansion (billion
laughs) and external entities (XXE) have nothing to expand or read."""

from __future__ import annotations

import codecs
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from bot.domain.normalize import RawEntry
from bot.errors import ParseError

_HEAD_LIMIT = 64 * 1024  # a prolog longer than this is not a feed anyone publishes
# The first element start, skipping comments: a `<x` inside a prolog comment is no element.
_PROLOG_TOKEN = re.compile(rb"<!--.*?(?:-->|\Z)|<[A-Za-z_]", re.S)
_DOCTYPE = re.compile(rb"<!DOCTYPE\b(?:[^\[>]*)(?:\[.*?\]\s*)?>", re.I | re.S)
_XML_DECL_ENCODING = re.compile(rb"""(<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']""", re.I)
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
)


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str
    link: str
    ttl_minutes: int | None
    entries: tuple[RawEntry, ...]
    warning: str | None = None  # why feedparser called it malformed, when it still parsed


def parse_feed(body: bytes, headers: Mapping[str, str], url: str) -> ParsedFeed:
    """Parse a fetched feed. Raises ParseError with a readable reason for an empty body,
    an HTML page, or bytes that hold no feed."""
    if not body.strip():
        raise ParseError("the server sent an empty body")
    body, headers = _as_utf8_if_wide(body, headers)
    body = repair_mixed_utf8(body, headers)
    safe = strip_entity_declarations(body)
    result = feedparser.parse(
        safe,
        response_headers=_lower(headers),
        sanitize_html=False,  # we keep plain text only; sanitizing would be wasted work
        resolve_relative_uris=False,
    )
    entries = tuple(_entry(e, url) for e in result.get("entries", ()))
    _reject_non_feed(result, entries, body)
    return ParsedFeed(
        title=str(result.feed.get("title", "") or ""),
        link=str(result.feed.get("link", "") or ""),
        ttl_minutes=_ttl(result.feed.get("ttl")),
        entries=entries,
        warning=_bozo_reason(result) if result.get("bozo") else None,
    )


def strip_entity_declarations(body: bytes) -> bytes:
    """Remove a DOCTYPE with an internal subset from the prolog. Feeds never need one;
    undefined entity references left behind only make feedparser fall back to its
    lenient parser, which does not expand them."""
    head_end = _first_element_at(body)
    head = body[:head_end]
    if b"<!" not in head:
        return body
    cleaned = _DOCTYPE.sub(lambda m: b"" if b"[" in m.group(0) else m.group(0), head)
    if b"<!ENTITY" in cleaned.upper():  # a malformed DOCTYPE the pattern did not match
        cleaned = re.sub(rb"<!.*", b"", cleaned, flags=re.S)
    return cleaned + body[head_end:]


def _first_element_at(body: bytes) -> int:
    for token in _PROLOG_TOKEN.finditer(body, 0, _HEAD_LIMIT):
        if not token.group().startswith(b"<!--"):
            return token.start()
    return min(len(body), _HEAD_LIMIT)


def _as_utf8_if_wide(body: bytes, headers: Mapping[str, str]) -> tuple[bytes, Mapping[str, str]]:
    """UTF-16/32 documents become UTF-8 so the prolog check above can read them."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            try:
                text = body.decode(codec).lstrip("\ufeff")
            except UnicodeDecodeError:
                raise ParseError(f"the body claims {codec} but is not valid {codec}") from None
            utf8 = _XML_DECL_ENCODING.sub(rb'\1"utf-8"', text.encode("utf-8"), count=1)
            others = {k: v for k, v in headers.items() if k.lower() != "content-type"}
            return utf8, {**others, "content-type": "application/xml; charset=utf-8"}
    return body, headers


def repair_mixed_utf8(body: bytes, headers: Mapping[str, str]) -> bytes:
    """A feed that claims UTF-8 but holds stray Windows-1252 bytes (pasted text) would
    make feedparser re-read the whole document as Windows-1252 and garble every
    correct character; decode just the stray bytes as Windows-1252 instead."""
    if _declared_charset(body, headers) not in ("", "utf-8", "utf8"):
        return body
    try:
        body.decode("utf-8")
        return body
    except UnicodeDecodeError:
        pass
    codecs.register_error("cp1252-fallback", _cp1252_fallback)  # idempotent
    return body.decode("utf-8", "cp1252-fallback").encode("utf-8")


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    stray = error.object[error.start : error.end]
    return bytes(stray).decode("cp1252", "replace"), error.end


def _declared_charset(body: bytes, headers: Mapping[str, str]) -> str:
    content_type = _lower(headers).get("content-type", "")
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.I)
    if match:
        return match.group(1).lower()
    declared = re.search(rb"""<\?xml[^>]*?encoding\s*=\s*["']([^"']+)""", body[:200], re.I)
    return declared.group(1).decode("ascii", "replace").lower() if declared else ""


def _reject_non_feed(result: Any, entries: tuple[RawEntry, ...], body: bytes) -> None:
    if entries:
        return
    if _looks_like_html(body) and not result.get("version"):
        raise ParseError("the URL returned an HTML page, not a feed")
    # A malformed feed that still shows its own title is just empty; one that shows
    # nothing at all is broken, and the operator needs to hear why.
    if result.get("bozo") and not result.feed.get("title"):
        raise ParseError(f"not a readable feed: {_bozo_reason(result)}")
    if not result.get("version"):
        raise ParseError("not a feed: no RSS, Atom or RDF document found")


def _looks_like_html(body: bytes) -> bool:
    start = body[:2048].lower()
    return b"<html" in start or b"<!doctype html" in start


def _bozo_reason(result: Any) -> str:
    error = result.get("bozo_exception")
    text = str(error) if error else "malformed document"
    return f"{type(error).__name__}: {text}"[:300] if error else text


def _entry(raw: dict[str, Any], url: str) -> RawEntry:
    # dict.get: FeedParserDict.get maps some missing keys to others (with a warning).
    get = dict.get
    content = get(raw, "content") or []
    summary = get(raw, "summary") or (content[0].get("value", "") if content else "")
    link = str(get(raw, "link") or "")
    return RawEntry(
        # GUIDs stay as written (not resolved against the feed URL) so an identity
        # survives the feed moving; links are resolved so they can be opened.
        guid=str(get(raw, "id") or ""),
        link=urljoin(url, link) if link else "",
        title=str(get(raw, "title") or ""),
        summary=str(summary or ""),
        published=_date(get(raw, "published_parsed")),
        updated=_date(get(raw, "updated_parsed")),
    )


def _date(value: time.struct_time | None) -> datetime | None:
    """feedparser gives UTC struct_times; a nonsense date is no date."""
    if not value:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _ttl(value: object) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() and 0 < int(text) < 100_000 else None


def _lower(headers: Mapping[str, str]) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}
