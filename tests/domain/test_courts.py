"""Courts and regulators as stories write them, normalized."""

from __future__ import annotations

from bot.domain.courts import REGULATOR, district_name, find_bodies


def names(text: str) -> list[str]:
    return [b.name for b in find_bodies(text)]


def test_city_federal_courts_become_bluebook_districts() -> None:
    assert names("filed in federal court in San Jose") == ["N.D. Cal."]
    assert names("a Manhattan federal judge said") == ["S.D.N.Y."]
    assert names("A San Francisco federal jury found") == ["N.D. Cal."]


def test_any_named_district_gets_its_bluebook_form() -> None:
    assert names("the Western District of Missouri") == ["W.D. Mo."]
    assert district_name("", "New Jersey") == "D.N.J."


def test_regulators_are_normalized() -> None:
    bodies = find_bodies("Ireland's Data Protection Commission and the Texas attorney general")
    assert [b.name for b in bodies] == ["Irish DPC", "Texas AG"]
    assert all(b.kind == REGULATOR for b in bodies)
    assert names("Italy's privacy watchdog") == ["Italian Garante"]
    assert names("Germany's Hamburg data protection authority") == ["Hamburg DPA"]


def test_a_state_suing_is_its_attorney_general() -> None:
    assert names("Texas sues Allstate over driving data") == ["Texas AG"]


def test_lowercase_acronym_lookalikes_are_not_regulators() -> None:
    assert names("the ftc-style sec. 5 of the rules") == []


def test_a_country_or_german_state_authority_is_its_data_regulator() -> None:
    assert names("Irish regulator looks into chatbot training") == ["Irish DPC"]
    assert names("The Dutch authority said the app kept records too long.") == ["Dutch DPA"]
    assert names("Hamburg authority tells retailer to stop filming staff") == ["Hamburg DPA"]
    assert names("The Lower Saxony state commissioner found the shop filmed staff.") == [
        "Lower Saxony DPA"
    ]
