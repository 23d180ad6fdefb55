"""Defendants: the object of the legal action leads; regulators, courts and plaintiffs
never do; products fold into the company a lawyer names."""

from __future__ import annotations

import pytest

from bot.domain.companies import company_key, parent_of
from bot.domain.extract import extract_entities
from bot.evaluation.classifier import same_company


def _first(title: str, summary: str = "") -> str | None:
    companies = extract_entities(title, summary).companies
    return companies[0] if companies else None


def test_product_fined_with_its_parent_named_leads_with_the_parent() -> None:
    e = extract_entities("Regulator fines Instagram EUR 405 million", "Meta will appeal.")
    assert e.companies[:2] == ("Meta", "Instagram")


def test_product_alone_keeps_its_own_name() -> None:
    assert _first("WhatsApp fined EUR 225 million over transparency") == "WhatsApp"


def test_plaintiff_that_sues_never_leads() -> None:
    e = extract_entities("The New York Times sues Perplexity over copying", "")
    assert e.companies[0] == "Perplexity"
    assert e.plaintiffs == ("The New York Times",)


def test_passive_sued_over_is_not_a_plaintiff() -> None:
    e = extract_entities("YouTube sued over kids' data", "Google, which owns YouTube, denied it.")
    assert e.companies[0] == "Google"
    assert e.plaintiffs == ()


def test_case_caption_names_the_defendant_after_v() -> None:
    e = extract_entities("Judge rules on fair use", "Acme Media v. Beta Search, No. 1:24-cv-01")
    assert e.companies == ("Beta Search",)


def test_regulator_named_in_full_is_not_a_company() -> None:
    e = extract_entities(
        "Facebook and Instagram fined", "Ireland's Data Protection Commission fined Meta."
    )
    assert "Ireland's Data Protection Commission" not in e.companies
    assert e.companies[0] == "Meta"


def test_headline_company_beats_a_company_cued_only_in_the_summary() -> None:
    title = "Jury finds Meta eavesdropped on app users"
    summary = "The app maker and Google settled before the verdict."
    assert _first(title, summary) == "Meta"


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("Judge denies Zoominfo's motion to dismiss", "Zoominfo"),
        ("Acme Health agrees to pay $5 million to settle pixel lawsuit", "Acme Health"),
        ("Gravy Analytics, a location data broker, was ordered to delete data", "Gravy Analytics"),
        ("CNIL fines French retailer Carrefour EUR 3 million", "Carrefour"),
        ("Watchdog orders 'nudify' app Undressly to stop serving users", "Undressly"),
        ("Patagonia and Talkdesk sued over AI listening to calls", "Patagonia"),
        ("Italy's watchdog orders Chinese chatbot blocked", None),
        ("HarperCollins offers authors a fee to license their books", "HarperCollins"),
        ("Pathology firm Acme Clinical Labs ordered to pay penalty", "Acme Clinical Labs"),
    ],
)
def test_unknown_firm_named_with_a_legal_verb_is_the_defendant(title: str, want: str) -> None:
    assert _first(title) == want


def test_alias_table_maps_products_and_old_names_to_the_parent() -> None:
    assert parent_of("Instagram") == "Meta"
    assert parent_of("Snapchat") == "Snap"
    assert company_key("National Basketball Association") == company_key("NBA")
    assert company_key("GM") == company_key("General Motors")


def test_evaluation_counts_a_product_and_its_parent_as_the_same_defendant() -> None:
    assert same_company("Meta", "Instagram")
    assert same_company("Amazon", "Amazon France Logistique")
    assert not same_company("Google", "Meta")
    assert not same_company("", "Meta")


def test_a_possessive_ends_a_defendant_name() -> None:
    entities = extract_entities("Judge Denies Acmeweb's Motion to Dismiss Tracking Suit", "")
    assert entities.companies[:1] == ("Acmeweb",)


def test_title_case_hit_with_a_penalty_names_the_defendant() -> None:
    entities = extract_entities("Garden Depot Hit With $2M Penalty by State Regulator", "")
    assert entities.companies[:1] == ("Garden Depot",)


def test_the_company_taken_to_court_is_the_defendant() -> None:
    entities = extract_entities("Three publishers take Zentro to court over copied articles", "")
    assert entities.companies[:1] == ("Zentro",)


def test_a_title_case_preposition_is_never_a_name() -> None:
    entities = extract_entities("Bluefin Health Sued Over Pixel on Patient Portal", "")
    assert entities.companies[:1] == ("Bluefin Health",)


def test_a_rupee_abbreviation_is_not_a_company() -> None:
    entities = extract_entities("Regulator slaps Rs 10 crore penalty on Finbank", "")
    assert "Rs" not in entities.companies


@pytest.mark.parametrize(
    ("title", "summary", "not_a_company"),
    [
        (
            "Delivery app fined for trading customer data",
            "The regulator fined the app.",
            "Delivery",
        ),
        ("Therapy app shared users' answers, regulator says", "", "Therapy"),
        (
            "Judge tosses case",
            "The judge dismissed the complaint against the Sandpoint-based "
            "broker, which sold location data.",
            "Sandpoint-based",
        ),
        (
            "Claims narrowed",
            "Trademark claims against the London-based AI company remain.",
            "London-based AI",
        ),
        (
            "Videochat app sued",
            "Suits were filed against the San Jose videochat company.",
            "San Jose",
        ),
        (
            "Amazon appeals",
            "Amazon lodged its appeal against Luxembourg privacy penalty.",
            "Luxembourg",
        ),
        (
            "Writers sue Acme",
            "Novelists Jane Roe and Mary Major sued Acme Labs in court.",
            "Jane Roe",
        ),
        ("Writers sue Acme", "Authors Jane Roe, Mary Major and Ann Lee sued Acme Labs.", "Ann Lee"),
    ],
)
def test_descriptions_places_and_people_are_not_companies(
    title: str, summary: str, not_a_company: str
) -> None:
    assert not_a_company not in extract_entities(title, summary).companies


def test_a_brand_opening_the_headline_is_still_a_company_when_named_again() -> None:
    entities = extract_entities("Zentrix app fined over tracking", "Zentrix shared data.")
    assert entities.companies[:1] == ("Zentrix",)


def test_the_outlet_reporting_the_story_is_not_a_party() -> None:
    entities = extract_entities(
        "Google settles location case",
        "The probe began after an Associated Press report; Google told the Associated Press "
        "it had changed its settings.",
    )
    assert entities.companies == ("Google",)


def test_an_outlet_that_sues_is_still_a_party() -> None:
    entities = extract_entities("Associated Press sues Acme Labs over AI training", "")
    assert "Associated Press" in entities.companies + entities.plaintiffs


def test_a_possessive_that_belongs_to_the_name_stays() -> None:
    got = extract_entities("Regulator fines Children's Hospital Colorado $548,265", "")
    assert got.companies[0] == "Children's Hospital Colorado"


def test_a_firm_after_a_place_and_its_trade_is_named() -> None:
    got = extract_entities("Agency fines Zagreb-based debt buyer Kapital Nord over records", "")
    assert got.companies[0] == "Kapital Nord"
