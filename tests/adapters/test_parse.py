"""parse_feed: real feeds in, plain data out; hostile or broken bytes get a reason."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.adapters.parse import parse_feed, strip_entity_declarations
from bot.errors import ParseError
from tests.support.feed_server import rss

URL = "http://127.0.0.1/feed"
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title>
<entry><id>tag:example.com,2026:1</id><title>Regulator fines app</title>
<link href="https://example.com/a?utm_source=rss"/><updated>2026-11-25T09:30:00+01:00</updated>
<content type="html">&lt;p&gt;The &lt;b&gt;fine&lt;/b&gt;&lt;/p&gt;</content></entry></feed>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>&lol9;</title><guid>1</guid></item></channel></rss>"""


def xxe(path: Path) -> bytes:
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "{path.as_uri()}">]>'
        f'<rss version="2.0"><channel><title>x</title><item><title>Leak &xxe;</title>'
        f"<description>&xxe;</description><guid>1</guid></item></channel></rss>"
    ).encode()


def test_rss_items_become_plain_entries_with_utc_dates() -> None:
    body = rss(
        [{"title": "A", "guid": "g1", "pubDate": "Wed, 25 Nov 2026 10:00:00 -0500"}],
        extra="<ttl>90</ttl>",
    )
    feed = parse_feed(body, {"Content-Type": "application/rss+xml"}, URL)
    assert feed.title == "Test feed" and feed.ttl_minutes == 90
    (entry,) = feed.entries
    assert (entry.guid, entry.title) == ("g1", "A")
    assert entry.published == datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def test_atom_content_is_used_when_there_is_no_summary() -> None:
    (entry,) = parse_feed(ATOM, {}, URL).entries
    assert entry.guid == "tag:example.com,2026:1"
    assert entry.link == "https://example.com/a?utm_source=rss"
    assert "<b>fine</b>" in entry.summary
    assert entry.updated == datetime(2026, 11, 25, 8, 30, tzinfo=UTC)


def test_billion_laughs_is_not_expanded() -> None:
    assert b"ENTITY" not in strip_entity_declarations(BILLION_LAUGHS)
    feed = parse_feed(BILLION_LAUGHS, {}, URL)
    assert all(len(entry.title) < 100 for entry in feed.entries)


def test_entities_after_a_prolog_comment_holding_a_tag_are_not_expanded() -> None:
    # The `<x>` inside the comment once passed for the root element, so the DOCTYPE
    # after it was left in place and expat expanded its entities.
    body = BILLION_LAUGHS.replace(b"?>\n<!DOCTYPE", b"?><!-- <x> -->\n<!DOCTYPE", 1)
    assert b"<!-- <x> -->" in body
    assert b"ENTITY" not in strip_entity_declarations(body)
    feed = parse_feed(body, {}, URL)
    assert all(len(entry.title) < 100 for entry in feed.entries)


def test_external_entity_never_reads_the_local_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    assert b"SYSTEM" not in strip_entity_declarations(xxe(secret))
    feed = parse_feed(xxe(secret), {}, URL)
    assert "TOP-SECRET-CONTENT" not in repr(feed)


def test_doctype_without_entities_is_kept() -> None:
    body = b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape" "http://x/rss.dtd"><rss/>'
    assert strip_entity_declarations(body) == body


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty body"),
        (b"   \n", "empty body"),
        (b"<!DOCTYPE html><html><head><title>Hi</title></head><body>x</body></html>", "HTML"),
        (os.urandom(2048), "not"),
        (b"<rss><channel><title>cut off", "not a readable feed"),
    ],
)
def test_things_that_are_not_feeds_raise_a_readable_reason(body: bytes, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        parse_feed(body, {"Content-Type": "text/html"}, URL)


def test_malformed_feed_with_entries_is_accepted_with_a_warning() -> None:
    body = (
        b'<rss version="2.0"><channel><title>T</title><item><title>A &amp B</title><guid>1</guid>'
    )
    feed = parse_feed(body, {}, URL)
    assert [entry.guid for entry in feed.entries] == ["1"]
    assert feed.warning


def test_utf16_feed_is_read() -> None:
    text = '<?xml version="1.0" encoding="utf-16"?>' + rss([{"title": "Données", "guid": "1"}])[
        38:
    ].decode("utf-8")
    feed = parse_feed(text.encode("utf-16"), {}, URL)
    assert feed.entries[0].title == "Données"


def test_latin1_bytes_in_a_declared_latin1_feed_decode() -> None:
    body = rss([{"title": "Protección de datos", "guid": "1"}]).replace(b"utf-8", b"iso-8859-1")
    body = body.decode("utf-8").encode("latin-1")
    feed = parse_feed(body, {"Content-Type": "application/xml"}, URL)
    assert feed.entries[0].title == "Protección de datos"


def test_header_charset_wins_over_a_wrong_declaration() -> None:
    body = rss([{"title": "Datenschutzbehörde", "guid": "1"}]).replace(b"utf-8", b"us-ascii")
    feed = parse_feed(body, {"Content-Type": "application/rss+xml; charset=utf-8"}, URL)
    assert feed.entries[0].title == "Datenschutzbehörde"
