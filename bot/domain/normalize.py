"""Feed entries into Stories: a stable identity, a canonical link without tracking
parameters, clean plain text and UTC times. Pure: `now` is passed in."""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bot.domain.models import Story

MAX_TITLE = 500
MAX_SUMMARY = 4000
MAX_URL = 2000
_MAX_IDENTITY = 300  # the column's width

# Parameters that only say who sent the reader; dropping them makes one article one URL.
_TRACKING_PREFIXES = ("utm_", "mtm_", "pk_", "hsa_", "__hs", "_hs")
_TRACKING_NAMES = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
        "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "ref_src", "cmpid", "ncid", "sr_share",
        "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
    }
)  # fmt: skip
_DEFAULT_PORTS = {"http": 80, "https": 443}
_TAG = re.compile(r"<[^>]*>")
_BLOCK_TAG = re.compile(r"</?(p|div|br|li|ul|ol|h[1-6]|tr|td|blockquote)\b[^>]*>", re.I)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# Invisible format characters (soft hyphen, zero-width, bidi controls, BOM, lone
# surrogates) vanish so words stay whole.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class RawEntry:
    """One entry as the feed parser found it: text may hold HTML, anything may be empty."""

    guid: str = ""
    link: str = ""
    title: str = ""
    summary: str = ""
    published: datetime | None = None
    updated: datetime | None = None


def normalize_entry(entry: RawEntry, *, feed_name: str, outlet: str, now: datetime) -> Story:
    url = canonical_url(entry.link)
    title = clean_text(entry.title, MAX_TITLE)
    summary = clean_text(entry.summary, MAX_SUMMARY)
    published = clamp_date(entry.published or entry.updated, now)
    guid = clean_text(entry.guid, 1000)
    return Story(
        identity=story_identity(guid, url, title, published),
        feed_name=feed_name,
        title=title,
        summary=summary,
        url=url,
        published=published,
        outlet=clean_text(outlet, 200),
        guid=guid,
    )


def rejection_reason(story: Story, seen: set[str]) -> str | None:
    """Why a normalized entry cannot be a story, or None when it can. `seen` holds the
    identities already taken in this feed (feeds do repeat GUIDs)."""
    if not (story.title or story.summary or story.url):
        return "no title, summary or link"
    if story.identity in seen:
        return "repeats an earlier entry's identity"
    return None


def story_identity(guid: str, url: str, title: str, published: datetime | None) -> str:
    """GUID, else canonical link, else a hash of title and date (stable across polls)."""
    if guid:
        key = "guid:" + guid
    elif url:
        key = "url:" + url
    else:
        stamp = published.isoformat() if published else ""
        key = "hash:" + _sha(f"{title}\x00{stamp}")
    if len(key) > _MAX_IDENTITY:
        key = key[:5] + _sha(key)
    return key


def canonical_url(url: str) -> str:
    """Lowercase scheme and host, no default port, no fragment, no tracking parameters,
    sorted query. Anything that is not an http(s) URL becomes ""."""
    url = clean_text(url, MAX_URL)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return ""
    host = parts.hostname.rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", _clean_query(parts.query), ""))


def _clean_query(query: str) -> str:
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not _is_tracking(k)]
    return urlencode(sorted(kept))


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def clean_text(value: str, limit: int) -> str:
    """Plain text from feed HTML: no tags, entities unescaped, no control characters,
    whitespace collapsed, cut at a word boundary near `limit`."""
    if not value:
        return ""
    if "<" in value:
        value = _COMMENT.sub(" ", _SCRIPT.sub(" ", value))
        value = _TAG.sub("", _BLOCK_TAG.sub(" ", value))
    value = html.unescape(value)
    value = _INVISIBLE.sub("", _CONTROL.sub(" ", value))
    return _truncate(_SPACE.sub(" ", value).strip(), limit)


def _truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit * 0.8 else cut).rstrip() + "…"


def clamp_date(value: datetime | None, now: datetime) -> datetime | None:
    """UTC; a date in the future (a feed's clock or typo) is taken as `now`."""
    if value is None:
        return None
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return min(value, now)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
