"""Reading a response body safely: decompression with a cap on the decompressed size
(gzip bombs), an overall deadline checked between chunks (servers that drip), and
local files for trusted feeds files."""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from bot.errors import FetchError


class BodyReader:
    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes

    def read(self, chunks: Iterable[bytes], headers: dict[str, str], deadline: float) -> bytes:
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise self._too_big()
        decoder = _Decoder(headers.get("content-encoding", ""))
        body = bytearray()
        for chunk in chunks:
            if time.monotonic() > deadline:
                raise FetchError("gave up: the server was too slow to send the feed in time")
            body += decoder.decode(chunk, self.max_bytes - len(body) + 1)
            if len(body) > self.max_bytes:
                raise self._too_big()
        body += decoder.flush()
        if len(body) > self.max_bytes:
            raise self._too_big()
        return bytes(body)

    def _too_big(self) -> FetchError:
        return FetchError(f"the feed is larger than {self.max_bytes:,} bytes (uncompressed)")


class _Decoder:
    """gzip/deflate with an output limit per call, so one small compressed chunk can
    never expand into gigabytes in memory."""

    def __init__(self, content_encoding: str) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise FetchError(f"unsupported Content-Encoding {content_encoding!r}")
        # wbits 32+MAX_WBITS accepts both gzip and zlib headers ("deflate" is usually zlib).
        self._zlib = zlib.decompressobj(32 + zlib.MAX_WBITS) if codings else None

    def decode(self, data: bytes, room: int) -> bytes:
        if self._zlib is None:
            return data
        try:
            out = self._zlib.decompress(data, room)
            while self._zlib.unconsumed_tail and len(out) < room:
                out += self._zlib.decompress(self._zlib.unconsumed_tail, room - len(out))
        except zlib.error as error:
            raise FetchError(f"the compressed body is corrupt: {error}") from None
        return out

    def flush(self) -> bytes:
        return self._zlib.flush() if self._zlib is not None else b""


def read_local_file(url: str, max_bytes: int) -> bytes:
    """A `file:` URL from the trusted feeds file (the offline sample)."""
    path = Path(url2pathname(urlsplit(url).path))
    try:
        with path.open("rb") as handle:
            body = handle.read(max_bytes + 1)
    except OSError as error:
        raise FetchError(f"cannot read {path}: {error.strerror or error}") from None
    if len(body) > max_bytes:
        raise FetchError(f"the feed is larger than {max_bytes:,} bytes")
    return body
