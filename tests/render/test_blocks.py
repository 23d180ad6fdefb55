"""Block Kit rendering: feed text cannot ping, mention or disguise links; limits hold."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from bot.domain.alerting import OtherReport
from bot.domain.models import Answer, Case, CaseFacts, CaseStory, Citation, Classification, Story
from bot.render.blocks import escape, link, render_alert, truncate, with_also_reported
from bot.render.cards import render_answer, render_case, render_help
from handlers.parsing import SUBCOMMANDS

EVIL = "<!channel> ping <@U123> see <http://evil.example|bank.example> & more"


def story(title: str = EVIL, summary: str = EVIL) -> Story:
    return Story(
        identity="g1",
        feed_name="wire",
        title=title,
        summary=summary,
        url="https://news.example/a",
        published=datetime(2026, 1, 22, tzinfo=UTC),
        outlet="Wire <b>",
    )


def case(title: str = EVIL) -> Case:
    facts = CaseFacts(title=title, defendants=("LinkedIn <@U1>",), court="N.D. Cal.", stage="filed")
    return Case(id=7, facts=facts)


def classification() -> Classification:
    return Classification(True, 0.9, ("ai_training",), ("trained on <!here> messages",))


def all_text(message: dict) -> str:
    return json.dumps(message)


def test_feed_text_cannot_ping_mention_or_disguise_links() -> None:
    rendered = render_alert(case(), story(), classification(), story_id=1, feed_id=2)
    text = all_text(rendered)
    for raw in ("<!channel>", "<@U123>", "<http://evil.example|", "<!here>", "<@U1>", "<b>"):
        assert raw not in text
    assert "&lt;!channel&gt;" in text and "&amp; more" in text
    assert "&lt;!channel&gt;" in rendered["text"]


def test_story_link_is_the_only_link_and_its_label_is_escaped() -> None:
    assert link("https://a.example/x|y>", "<@U1>") == "<https://a.example/x%7Cy%3E|&lt;@U1&gt;>"
    assert link("javascript:alert(1)", "click") == "click"


def test_long_text_is_cut_within_block_kit_limits() -> None:
    long = "word " * 2000
    rendered = render_alert(case(long), story(long, long), classification(), story_id=1, feed_id=2)
    header = rendered["blocks"][0]["text"]["text"]
    assert len(header) <= 150 and header.endswith("…")
    for block in rendered["blocks"]:
        if block["type"] == "section" and "text" in block:
            assert len(block["text"]["text"]) <= 3000
        for element in block.get("elements", []):
            assert len(element.get("value", "")) <= 2000
    assert len(rendered["blocks"]) <= 50


def test_truncation_never_splits_an_escape() -> None:
    assert truncate(escape("a" * 8 + "&"), 12) == "aaaaaaaa…"


def test_alert_has_facts_why_source_and_three_buttons() -> None:
    copies = [OtherReport(f"Outlet {n}", f"https://o{n}.example") for n in range(3)]
    rendered = render_alert(
        case("LinkedIn"), story("t", "s"), classification(), story_id=1, feed_id=2,
        also_reported=copies,
    )  # fmt: skip
    actions = rendered["blocks"][-1]["elements"]
    assert [a["action_id"] for a in actions] == ["track_case", "not_relevant", "mute_source"]
    assert json.loads(actions[0]["value"]) == {"case": 7, "story": 1, "feed": 2}
    assert "Also reported by 3" in all_text(rendered) and "N.D. Cal." in all_text(rendered)


def test_also_reported_lists_five_escaped_outlet_links_then_counts_the_rest() -> None:
    copies = [OtherReport(f"<!channel> Outlet {n}", f"https://o{n}.example/a|b") for n in range(7)]
    alert = render_alert(case("LinkedIn"), story("t", "s"), classification(), story_id=1, feed_id=2)
    edited = with_also_reported(alert, copies)
    [line] = [b for b in edited["blocks"] if b.get("block_id") == "also_reported"]
    text = line["elements"][0]["text"]
    assert text.startswith(
        "Also reported by 7: <https://o0.example/a%7Cb|&lt;!channel&gt; Outlet 0>"
    )
    assert text.count("<https://") == 5 and text.endswith(" and 2 more")
    assert edited["blocks"][-1]["type"] == "actions", "the line sits above the buttons"


def test_editing_again_replaces_the_line_instead_of_adding_one() -> None:
    alert = render_alert(case("LinkedIn"), story("t", "s"), classification(), story_id=1, feed_id=2)
    once = with_also_reported(alert, [OtherReport("AP", "https://ap.example")])
    twice = with_also_reported(once, [OtherReport("AP", "https://ap.example")] * 2)
    lines = [b for b in twice["blocks"] if b.get("block_id") == "also_reported"]
    assert len(lines) == 1 and "Also reported by 2" in json.dumps(lines)
    assert len(twice["blocks"]) == len(alert["blocks"]) + 1 and twice["text"] == alert["text"]


def test_a_very_long_outlet_list_stays_within_the_context_limit() -> None:
    copies = [OtherReport("x" * 500, "https://o.example/" + "p" * 900) for _ in range(5)]
    [line] = with_also_reported({"text": "t", "blocks": []}, copies)["blocks"]
    text = line["elements"][0]["text"]
    assert len(text) <= 2000 and text.endswith("more") and text.count("<") == text.count(">")


def test_answer_shows_citations_and_admits_when_coverage_lacks_it() -> None:
    answer = Answer(
        "Up to $1,000 per user.", True, (Citation("https://r.example/1", "Reuters <x>"),)
    )
    text = all_text(render_answer(answer, "damages?"))
    assert "<https://r.example/1|Reuters &lt;x&gt;>" in text
    declined = all_text(render_answer(Answer("Not in coverage.", False), "judge?"))
    assert "does not answer" in declined


def test_case_card_lists_the_timeline() -> None:
    stories = (CaseStory(1, "Filed <!channel>", "s.", "https://a.example", "Wire", None),)
    text = all_text(render_case(Case(id=3, facts=CaseFacts(title="T"), stories=stories)))
    assert "Filed &lt;!channel&gt;" in text


def test_help_lists_every_subcommand() -> None:
    text = all_text(render_help(SUBCOMMANDS))
    for usage in ("cases [query]", "ask <case> <question>", "feeds add <url>", "stats"):
        assert usage in text


def test_a_regulator_that_is_also_the_forum_is_named_once() -> None:
    from bot.render.blocks import fact_fields

    facts = CaseFacts(title="t", court="Irish DPC", regulator="Irish DPC")
    [field] = fact_fields(facts)
    assert field["text"].count("Irish DPC") == 1
