"""Console mode: prints each alert as it would be posted, readable in a terminal, and a
short line when an alert is edited."""

from __future__ import annotations

import html
import itertools
from typing import Any, TextIO

from bot.render.blocks import ALSO_REPORTED_BLOCK
from bot.services.ports import Message


class ConsoleNotifier:
    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._counter = itertools.count(1)

    def post(
        self,
        channel: str,
        message: Message,
        *,
        thread_ts: str | None = None,
        broadcast: bool = False,
    ) -> str:
        ts = f"{next(self._counter)}.000000"
        where = f"#{channel}" + (f" (reply in thread {thread_ts})" if thread_ts else "")
        where += " [also sent to the channel]" if broadcast else ""
        lines = [f"── {where} " + "─" * max(0, 60 - len(where))]
        blocks = message.get("blocks") or [{"type": "section", "text": {"text": message["text"]}}]
        lines += [line for block in blocks for line in render_block(block)]
        print("\n".join(lines) + "\n", file=self._out, flush=True)
        return ts

    def update(self, channel: str, ts: str, message: Message) -> None:
        """A terminal cannot edit what it printed: say what changed, in one line."""
        blocks = message.get("blocks") or []
        also = [
            line
            for b in blocks
            if b.get("block_id") == ALSO_REPORTED_BLOCK
            for line in render_block(b)
        ]
        change = also[0].strip() if also else "content replaced"
        print(f"── #{channel} updated {ts}: {change}\n", file=self._out, flush=True)


def render_block(block: dict[str, Any]) -> list[str]:
    kind = block.get("type")
    if kind == "header":
        return [_readable(block["text"]["text"]).upper()]
    if kind == "actions":
        return ["  ".join(f"[{_readable(e['text']['text'])}]" for e in block["elements"])]
    if kind == "context":
        return ["  " + " ".join(_readable(e.get("text", "")) for e in block["elements"])]
    parts = [block["text"]["text"]] if "text" in block else []
    parts += [field["text"].replace("\n", ": ", 1) for field in block.get("fields", [])]
    return [_readable(part) for part in parts]


def _readable(text: str) -> str:
    """mrkdwn links `<url|label>` as `label (url)`, entities back to characters."""
    out, rest = [], text
    while "<" in rest and ">" in rest.split("<", 1)[1]:
        before, tail = rest.split("<", 1)
        inner, rest = tail.split(">", 1)
        url, _, label = inner.partition("|")
        out.append(before + (f"{label} ({url})" if label else url))
    return html.unescape("".join(out) + rest).replace("*", "")
