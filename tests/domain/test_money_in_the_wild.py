"""Money phrasings in the wild: sums referred back to, shared payments, appositives,
per-violation measures, currencies written as words."""

from __future__ import annotations

from bot.domain.money import find_money


def kinds(text: str) -> dict[str, str]:
    return {m.text: m.kind for m in find_money(text)}


def test_a_stake_valued_in_a_later_sentence_is_the_settlement() -> None:
    got = kinds(
        "The deal gives class members a 12% stake in the startup. The stake was valued at "
        "about $40 million, based on a $330 million valuation of the company."
    )
    assert got == {"$40 million": "settlement", "$330 million": "other"}


def test_worth_at_least_after_a_payout_is_the_settlement_not_what_lawyers_seek() -> None:
    got = kinds(
        "The proposed deal names no cash payout; the stake could be worth at least "
        "$30 million, and class counsel may seek up to $9 million in fees."
    )
    assert got["$30 million"] == "settlement"


def test_a_shared_payment_keeps_refunds_and_penalty_apart() -> None:
    got = kinds(
        "The app maker will pay $3 million, split between the FTC, which will use "
        "$2.6 million for refunds, and county prosecutors, who receive a $400,000 civil penalty."
    )
    assert got["$2.6 million"] == "settlement" and got["$400,000"] == "fine"


def test_money_an_agency_passes_on_to_consumers_is_a_settlement() -> None:
    got = kinds(
        "Browser firm must pay $9 million over sold histories. The FTC said the money will "
        "be used to compensate consumers."
    )
    assert got == {"$9 million": "settlement"}


def test_an_appositive_naming_a_penalty_decides() -> None:
    got = kinds("The publisher will pay $2.3 million, the largest CCPA penalty yet.")
    assert got == {"$2.3 million": "fine"}


def test_a_judgment_per_violation_is_the_statutory_measure() -> None:
    got = kinds("Jurors found 30,000 scans; the judge entered judgment at $1,000 per violation.")
    assert got == {"$1,000 per violation": "statutory_damages"}


def test_negligent_and_intentional_violation_sums_are_statutory() -> None:
    got = kinds("The suit seeks $500 for each negligent violation and $5,000 for each willful one.")
    assert got == {
        "$500 for each negligent violation": "statutory_damages",
        "$5,000": "statutory_damages",
    }


def test_bare_crowns_are_a_sum() -> None:
    got = find_money("The authority fined the streamer 41 million crowns.")
    assert [(m.amount, m.kind) for m in got] == [(41e6, "fine")]


def test_per_negligent_and_per_reckless_sums_are_statutory() -> None:
    got = kinds(
        "The statute allows $1,000 per negligent violation and $5,000 per intentional or "
        "reckless one."
    )
    assert list(got.values()) == ["statutory_damages", "statutory_damages"]


def test_face_as_a_noun_is_no_cue_for_damages_sought() -> None:
    got = kinds(
        "The judge approved the deal over the scraping of face images, with the shares "
        "valued at about $20 million."
    )
    assert got == {"$20 million": "settlement"}


def test_a_payment_an_authority_demands_is_a_fine() -> None:
    got = kinds(
        "Streaming service must pay €2 million over unclear notices. The Swedish authority "
        "said subscribers were not told how long their viewing records were kept."
    )
    assert got == {"€2 million": "fine"}


def test_a_yearly_payment_for_access_to_content_is_other() -> None:
    got = kinds("The search firm will pay the forum about $30 million a year for access to posts.")
    assert got == {"$30 million": "other"}
    got = kinds("The lab will pay the archive $5 million for access to its photo library.")
    assert got == {"$5 million": "other"}


def test_an_exposure_estimate_is_not_damages_sought() -> None:
    got = kinds(
        "The ruling exposes the retailer to claims, exposing the chain to potential damages "
        "it put at more than $3 billion."
    )
    assert got == {"$3 billion": "other"}


def test_a_valued_stake_takes_the_deal_not_the_claims_named_after_it() -> None:
    got = kinds(
        "A judge approved the settlement of the privacy claims, which hands the class shares "
        "instead of cash. The shares were valued at about $12 million."
    )
    assert got == {"$12 million": "settlement"}
