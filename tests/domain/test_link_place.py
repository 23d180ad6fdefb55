"""A matter is heard in one country (the EU counting as one) and brought by one side: a
US suit is not a London claim, and a consumer class action is not the regulator's order."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.link_case import case_conflict
from bot.domain.link_facts import StoryFacts
from bot.domain.link_place import (
    AGENCY,
    PRIVATE,
    bringer_conflict,
    brought_by,
    place_conflict,
    story_countries,
)
from bot.domain.models import Entities, Stage

DAY = datetime(2024, 3, 1, tzinfo=UTC)


def _story(
    title: str,
    summary: str = "",
    courts: tuple[str, ...] = (),
    regulators: tuple[str, ...] = (),
    stage: Stage | None = "filed",
) -> StoryFacts:
    entities = Entities(
        companies=("Acme Imaging",), courts=courts, regulators=regulators, stage=stage
    )
    return StoryFacts(title, summary, entities, ("privacy_action",), DAY)


LONDON = _story("Photo agency takes Acme Imaging to court in London", courts=("UK High Court",))
DELAWARE = _story("Photo agency sues Acme Imaging over scraped pictures", courts=("D. Del.",))


def test_a_suit_in_a_us_court_is_not_the_claim_heard_in_london() -> None:
    assert story_countries(DELAWARE) == {"us"} and story_countries(LONDON) == {"uk"}
    assert place_conflict(DELAWARE, [LONDON])[0] < 0
    assert case_conflict(DELAWARE, [LONDON])[0] < 0


def test_the_appeal_in_the_same_country_stays_with_the_matter() -> None:
    appeal = _story("Acme Imaging appeals", courts=("UK Court of Appeal",), stage="appeal")
    assert place_conflict(appeal, [LONDON]) == (0.0, "")


def test_a_title_naming_a_country_places_a_story_that_names_no_forum() -> None:
    complaint = _story("French rights group files complaint over Acme voice clips", stage=None)
    settled = _story("Acme Imaging settles voice-clip class action", courts=("N.D. Cal.",))
    assert place_conflict(complaint, [settled])[0] < 0


def test_one_eu_matter_may_cross_member_states() -> None:
    cologne = _story("German court lets Acme train on posts", courts=("German court",))
    dublin = _story("Acme pauses plan after Irish regulator asks", regulators=("Irish DPC",))
    assert place_conflict(cologne, [dublin]) == (0.0, "")


def test_a_story_naming_no_place_conflicts_with_nothing() -> None:
    vague = _story("Acme Imaging says it did nothing wrong", stage=None)
    assert place_conflict(vague, [LONDON, DELAWARE]) == (0.0, "")


AGENCY_ORDER = _story(
    "FTC orders Acme Imaging to stop selling face data", regulators=("FTC",), stage=None
)
CLASS_SUIT = _story(
    "Users sue Acme Imaging over face data",
    "A proposed class action filed in federal court says the app sold face scans.",
    courts=("N.D. Cal.",),
)


def test_a_consumer_class_action_is_not_the_regulators_matter() -> None:
    assert brought_by(CLASS_SUIT) == PRIVATE and brought_by(AGENCY_ORDER) == AGENCY
    assert bringer_conflict(CLASS_SUIT, [AGENCY_ORDER])[0] < 0
    assert bringer_conflict(AGENCY_ORDER, [CLASS_SUIT])[0] < 0


def test_a_class_action_only_threatened_is_not_yet_a_private_suit() -> None:
    threat = _story("Consumer group threatens Acme with class action", stage="complaint")
    assert brought_by(threat) == ""
    assert bringer_conflict(threat, [AGENCY_ORDER]) == (0.0, "")


def test_a_case_that_holds_both_kinds_takes_either() -> None:
    assert bringer_conflict(CLASS_SUIT, [AGENCY_ORDER, CLASS_SUIT]) == (0.0, "")
