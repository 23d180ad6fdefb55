"""Console mode prints alerts readably: links as label (url), no escapes, buttons shown."""

from __future__ import annotations

import io
import threading
from pathlib import Path

from bot.adapters.console_notifier import ConsoleNotifier
from bot.domain.alerting import OtherReport
from bot.domain.models import Case, CaseFacts, Classification, Story
from bot.render.blocks import render_alert, with_also_reported
from tests.fakes.db_rows import T0


def test_an_alert_prints_as_readable_text() -> None:
    out = io.StringIO()
    story = Story(
        "g", "wire", "LinkedIn sued & more", "It is alleged.", "https://a.example", T0, "Wire"
    )
    facts = CaseFacts(title="LinkedIn: InMail", defendants=("LinkedIn",), court="N.D. Cal.")
    alert = render_alert(
        Case(1, facts),
        story,
        Classification(True, 1, ("ai_training",), ("AI",)),
        story_id=1,
        feed_id=1,
    )
    ts = ConsoleNotifier(out).post("console", alert, thread_ts="1.0")
    text = out.getvalue()
    assert ts and "#console (reply in thread 1.0)" in text
    assert "LinkedIn sued & more (https://a.example)" in text and "&amp;" not in text
    assert "Defendants: LinkedIn" in text and "[Track]  [Not relevant]  [Mute source]" in text


def test_an_edited_alert_prints_one_line_saying_what_changed() -> None:
    out = io.StringIO()
    alert = with_also_reported({"text": "t", "blocks": []}, [OtherReport("AP", "https://ap.ex")])
    ConsoleNotifier(out).update("console", "3.000000", alert)
    assert out.getvalue().strip() == (
        "── #console updated 3.000000: Also reported by 1: AP (https://ap.ex)"
    )


def test_the_delivery_loop_stops_when_asked(tmp_path: Path) -> None:
    from bot.adapters.db.engine import make_engine, make_session_factory, upgrade_schema
    from bot.adapters.db.slack_store import SlackStore
    from bot.services.deliver import DeliveryWorker, Pacing

    engine = make_engine(f"sqlite:///{tmp_path / 'b.db'}")
    upgrade_schema(engine)
    store = SlackStore(make_session_factory(engine))
    store.outbox.enqueue(
        channel="console", dedupe_key="k", kind="new_case", payload={"text": "hello"}, now=T0
    )
    out, stop = io.StringIO(), threading.Event()
    delivery = DeliveryWorker(store, ConsoleNotifier(out), lambda: T0, Pacing(idle_seconds=0.05))
    loop = threading.Thread(target=delivery.run_forever, args=(stop,))
    loop.start()
    stop.set()
    loop.join(timeout=5)
    assert not loop.is_alive()
