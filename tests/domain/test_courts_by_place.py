"""Courts and regulators: look-alike regulators need their country, foreign courts by city,
courts named in passing, US state and federal courts by their full names."""

from __future__ import annotations

import pytest

from bot.domain.courts import REGULATOR, find_bodies


def names(text: str) -> list[str]:
    return [b.name for b in find_bodies(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Japan's Personal Information Protection Commission warned the chatbot maker.",
            "Japan PPC",
        ),
        ("The Personal Information Protection Commission, Tokyo's watchdog, acted.", "Japan PPC"),
        ("South Korea's Personal Information Protection Commission fined the app.", "Korea PIPC"),
        ("The Personal Information Protection Commission in Seoul fined the app.", "Korea PIPC"),
        ("The Competition Commission of India fined the messaging firm.", "CCI"),
        ("India's Data Protection Board will hear breach complaints.", "India DPB"),
    ],
)
def test_regulators_that_share_a_name_are_told_apart_by_country(text: str, want: str) -> None:
    bodies = find_bodies(text)
    assert [b.name for b in bodies] == [want] and bodies[0].kind == REGULATOR


def test_the_commission_without_a_country_is_not_guessed() -> None:
    assert names("The Personal Information Protection Commission opened a probe.") == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Broadcasters sued at the Seoul Central District Court.", "Seoul Central District Court"),
        ("The Tokyo High Court upheld the ruling.", "Tokyo High Court"),
        ("The regional court in Munich found the lyrics were memorised.", "Munich Regional Court"),
        (
            "The Paris judicial court ordered the platform to hand over data.",
            "Paris Judicial Court",
        ),
        ("A San Francisco jury found the app maker liable.", "N.D. Cal."),
        ("Judge Stephanos Bibas, sitting in Delaware, ruled for the publisher.", "D. Del."),
        ("The suit was filed in Delaware federal court.", "D. Del."),
        ("A federal magistrate judge in Manhattan ordered the logs kept.", "S.D.N.Y."),
        ("A U.S. judge in San Francisco approved the deal.", "N.D. Cal."),
        ("Publishers take the AI firm to court in Ontario.", "Ontario Superior Court"),
        ("The chatbot maker was fined by the Dutch regulator.", "Dutch DPA"),
        ("Italian authority says the chatbot lacked age checks.", "Italian Garante"),
    ],
)
def test_courts_and_regulators_named_in_passing(text: str, want: str) -> None:
    assert names(text) == [want]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Filed in the Superior Court of California, County of Alameda.", "California state court"),
        ("Filed in the Superior Court of New Jersey, Law Division.", "New Jersey state court"),
        ("A resident sued in state court in Los Angeles.", "California state court"),
        ("The U.S. District Court for the Northern District of Illinois ruled.", "N.D. Ill."),
    ],
)
def test_us_courts_by_their_full_names(text: str, want: str) -> None:
    assert names(text) == [want]


def test_a_state_penalizing_is_its_attorney_general() -> None:
    assert names("New York penalizes insurers over stolen license numbers") == ["New York AG"]


def test_a_states_top_court_by_name_or_as_the_states_highest_court() -> None:
    from bot.domain.courts import find_bodies

    def names(text: str) -> list[str]:
        return [b.name for b in find_bodies(text)]

    assert names("The Supreme Court of Ohio sided with the app maker.") == ["Ohio Supreme Court"]
    assert names("In Massachusetts, the state's highest court ruled for the hospital.") == [
        "Massachusetts Supreme Judicial Court"
    ]
    assert names("Texas filed the suit in state district court.") == ["Texas state court"]


def test_described_federal_courts_and_regulators() -> None:
    from bot.domain.courts import find_bodies

    def names(text: str) -> list[str]:
        return [b.name for b in find_bodies(text)]

    assert names("Judge Rita Lin in San Francisco denied the motion.") == ["N.D. Cal."]
    assert names("It settled a Los Angeles federal class action.") == ["C.D. Cal."]
    assert names("Britain's Information Commissioner fined the firm.") == ["ICO"]
    assert names("Australia's information commissioner sued in the Federal Court.") == [
        "OAIC",
        "Federal Court of Australia",
    ]
    assert names("The federal court said no.") == []
    assert names("Brussels fined Apple under the DMA.") == ["European Commission"]
