"""Courts and regulators written by analogy or description: any country's data regulator by
its local title, foreign regulators and courts by name, US courts by city or by state."""

from __future__ import annotations

import pytest

from bot.domain.courts import REGULATOR, find_bodies


def names(text: str) -> list[str]:
    return [b.name for b in find_bodies(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Greece's Personal Data Protection Authority fined the telecom.", "Greek DPA"),
        ("Poland's data protection ombudsman opened a case.", "Polish DPA"),
        ("Hungary's State Data Protection Inspectorate reprimanded a bank.", "Hungarian DPA"),
        ("Romania's personal data protection agency issued a warning.", "Romanian DPA"),
        ("Sweden's privacy ombudsman looked at the camera app.", "Swedish DPA"),
    ],
)
def test_a_countrys_data_regulator_by_its_local_title(text: str, want: str) -> None:
    bodies = find_bodies(text)
    assert [b.name for b in bodies] == [want] and bodies[0].kind == REGULATOR


def test_foreign_regulators_by_name() -> None:
    assert names("Nigeria's competition regulator fined the social network.") == ["Nigeria FCCPC"]
    assert names("The FCCPC said the messaging app shared data.") == ["Nigeria FCCPC"]
    assert names("South African information regulator orders a bank to notify clients.") == [
        "South Africa Information Regulator"
    ]
    assert names("South Africa's privacy watchdog opened an inquiry.") == [
        "South Africa Information Regulator"
    ]


def test_foreign_courts_by_name() -> None:
    assert names("The Federal Court of Appeal overturned the ruling.") == [
        "Federal Court of Appeal"
    ]
    assert names("The Court of Appeal in London dismissed the claim.") == ["UK Court of Appeal"]
    assert names("The Court of Justice held that a hashed ID is personal data.") == ["CJEU"]
    assert names("The highest European court sided with the consumer group.") == ["CJEU"]
    assert names("The International Court of Justice ruled on the border.") == []


def test_us_courts_by_city_or_county() -> None:
    assert names("A U.S. appeals court in Chicago revived the fingerprint claims.") == ["7th Cir."]
    assert names("A federal appeals court in San Francisco heard the app case.") == ["9th Cir."]
    assert names("Jurors in Los Angeles sided with the streaming service.") == ["C.D. Cal."]
    assert names("A Cook County jury heard the timeclock case.") == ["Cook County Circuit Court"]


def test_us_regulators_described() -> None:
    assert names("The health department's civil rights office fined the clinic.") == ["HHS OCR"]
    assert names("Oregon settled; the state's attorney general said users were misled.") == [
        "Oregon AG"
    ]
    assert names("Vermont collected $90,000 from the data broker.") == ["Vermont AG"]
    assert names("The state attorney general said so.") == []


def test_a_states_high_court_and_new_england_is_no_england() -> None:
    assert names("Ohio high court rules on the pixel case.") == ["Ohio Supreme Court"]
    assert names("The Supreme Judicial Court ruled for the New England clinic.") == []
    assert names("In Maine, the Supreme Judicial Court ruled.") == ["Maine Supreme Court"]
    assert names("A high court sided with the New England hospital.") == []
