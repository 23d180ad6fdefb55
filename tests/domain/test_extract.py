"""Facts of a story: defendants first, laws, money with its kind, courts, dockets, stage."""

from __future__ import annotations

from bot.domain.extract import extract_entities
from bot.domain.models import Money

SEED_TITLE = "LinkedIn sued for allegedly feeding Premium users' InMails to AI models"
SEED_SUMMARY = (
    "A proposed class action filed in federal court in San Jose claims LinkedIn disclosed "
    "Premium customers' private InMail messages to third parties to train generative AI "
    "models. The suit seeks $1,000 per user under the Stored Communications Act, plus claims "
    "for breach of contract and under California's unfair competition law. LinkedIn called "
    "the claims false."
)


def test_seed_story_facts() -> None:
    e = extract_entities(SEED_TITLE, SEED_SUMMARY)
    assert e.companies == ("LinkedIn",)
    assert e.laws == ("Stored Communications Act", "California Unfair Competition Law")
    assert e.money == (Money("$1,000 per user", "statutory_damages", 1000.0, "USD", "user"),)
    assert e.courts == ("N.D. Cal.",)
    assert e.stage == "filed"


def test_plaintiff_company_does_not_lead_the_companies() -> None:
    e = extract_entities("New York Times sues OpenAI and Microsoft over AI training", "")
    assert e.companies[0] == "OpenAI"
    assert e.plaintiffs == ("The New York Times",)


def test_money_kinds_follow_their_verbs() -> None:
    e = extract_entities(
        "Irish DPC fines Meta EUR 1.2 billion",
        "Separately, a jury awarded $425 million. Google agreed to pay $62 million to settle.",
    )
    assert [(m.text, m.kind) for m in e.money] == [
        ("EUR 1.2 billion", "fine"),
        ("$425 million", "verdict"),
        ("$62 million", "settlement"),
    ]


def test_a_regulators_payment_is_a_fine() -> None:
    e = extract_entities("Microsoft to pay $20 million to settle FTC charges over kids' data", "")
    assert e.money[0].kind == "fine"


def test_dockets_in_us_eu_and_uk_formats() -> None:
    text = "Case 5:25-cv-00709-NC, Schrems II (C-311/18) and Lloyd v Google [2021] UKSC 50."
    assert extract_entities("", text).dockets == ("5:25-cv-00709-NC", "C-311/18", "[2021] UKSC 50")


def test_stage_prefers_the_headline() -> None:
    assert extract_entities(
        "Judge lets claims proceed against Meta", "The suit was filed"
    ).stage == ("motion_to_dismiss")
    assert extract_entities("Meta to pay $37.5M to settle location suit", "").stage == "settlement"
    assert extract_entities("Watchdog orders deletion of iris scans", "").stage == "fine_or_order"


def test_bad_input_never_crashes() -> None:
    for title, summary in [
        ("", ""),
        ("<b>Meta</b> &amp; Google", "<p>fined &euro;5m</p>"),
        ("Datenschutz: Bußgeld gegen Meta 🚨", "\x00\x07 \u200b"),
        ("x", "$" * 50_000 + "sued " * 200_000),
    ]:
        entities = extract_entities(title, summary)
        names = entities.companies + entities.courts + entities.laws
        assert not any(mark in name for name in names for mark in "<>&\x00")


def _lead(title: str, summary: str = "") -> str:
    companies = extract_entities(title, summary).companies
    return companies[0] if companies else ""


def test_unknown_company_fined_before_the_sum_is_the_defendant() -> None:
    assert _lead("Regulator fines Zumbalo 4 million euros over customer profiling") == "Zumbalo"


def test_title_case_headline_name_stops_at_the_preposition() -> None:
    title = "Attorney General Secures Settlement with Krellix Labs Over Student Data"
    assert _lead(title) == "Krellix Labs"


def test_company_settling_with_an_agency_is_the_defendant() -> None:
    assert _lead("HHS OCR settles with Northgate Clinic for $240,000") == "Northgate Clinic"


def test_company_a_penalty_is_imposed_on_is_the_defendant() -> None:
    text = "The agency imposed a penalty of $90,000 on Brightwell Dental after a breach."
    assert _lead("", text) == "Brightwell Dental"


def test_descriptor_noun_before_the_name_is_skipped() -> None:
    text = "The court dismissed a suit accusing retailer Plumtree Goods of wiretapping shoppers."
    assert _lead("", text) == "Plumtree Goods"


def test_name_followed_by_its_app_and_a_legal_verb_is_the_defendant() -> None:
    assert _lead("Commissioner finds Quillo app violated privacy law") == "Quillo"


def test_city_of_a_based_company_is_not_a_party() -> None:
    summary = "Vantro, the Springfield, Ill.-based lender, has been fined for sharing data."
    assert _lead("Lender fined over data sharing", summary) == "Vantro"


def test_first_of_a_listed_group_of_defendants_leads() -> None:
    title = "Meta, ByteDance, Alphabet and Snap must face school districts' claims"
    assert _lead(title) == "Meta"


def test_product_named_with_its_maker_does_not_lead() -> None:
    title = "Moonfall Saga maker to pay $10 million over kids' data"
    summary = "The developer of Moonfall Saga, Starlume, will pay the penalty, the FTC said."
    assert _lead(title, summary) == "Starlume"
