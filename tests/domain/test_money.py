"""Money kinds: the governing phrase nearest the figure decides, then who is paid."""

from __future__ import annotations

import pytest

from bot.domain.money import find_money


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in find_money(text)]


def test_penalty_agreed_to_settle_an_ftc_complaint_is_a_fine() -> None:
    text = "The app maker will pay $20 million to settle FTC charges that it kept kids' data."
    assert _kinds(text) == [("$20 million", "fine")]


def test_headline_payment_takes_the_agency_named_in_the_next_sentence() -> None:
    text = "Toy maker to pay $3 million over voice recordings. The FTC said it kept them."
    assert _kinds(text) == [("$3 million", "fine")]


def test_refunds_under_an_ftc_order_are_a_settlement() -> None:
    text = "The FTC said the company will pay $5 million in refunds to consumers."
    assert _kinds(text) == [("$5 million", "settlement")]


def test_state_attorney_general_agreement_is_a_settlement() -> None:
    text = "Retailer agrees to $52 million payment to 50 states over data breaches."
    assert _kinds(text) == [("$52 million", "settlement")]


def test_class_action_payment_is_a_settlement_even_with_a_regulator_nearby() -> None:
    text = "Acme agreed to pay $9 million to settle a class action; the FTC declined comment."
    assert _kinds(text)[0] == ("$9 million", "settlement")


def test_head_noun_after_the_figure_beats_an_earlier_cue() -> None:
    text = "It will pay $11 million in redress and a $4 million civil penalty."
    assert _kinds(text) == [("$11 million", "settlement"), ("$4 million", "fine")]


def test_jury_ordering_a_payment_is_a_verdict() -> None:
    assert _kinds("A jury ordered Google to pay $425 million in damages.")[0][1] == "verdict"


def test_regulator_ordering_a_payment_is_a_fine() -> None:
    text = "The state privacy agency ordered Acme Motor Co. to pay $632,500 and fix its banner."
    assert _kinds(text) == [("$632,500", "fine")]


def test_licensing_deal_worth_a_sum_is_other() -> None:
    text = "News publisher signs content deal with an AI lab worth more than $250 million."
    assert _kinds(text) == [("$250 million", "other")]


def test_value_of_a_settlement_stake_is_a_settlement() -> None:
    text = "Under the settlement the class receives a stake valued at about $51 million."
    assert _kinds(text) == [("$51 million", "settlement")]


def test_per_book_offer_without_a_legal_claim_is_other() -> None:
    text = "Publisher offers authors $5,000 per book to let an AI company use their titles."
    assert _kinds(text)[0][1] == "other"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Each violation carries up to $7,500 in civil penalties.", "statutory_damages"),
        ("Each contravention carries a maximum penalty of A$2.22 million.", "statutory_damages"),
        ("Authors seek $150,000 per work infringed.", "statutory_damages"),
        ("Penalty payments of up to EUR 5 million more could follow.", "fine"),
        ("The regulator faces criticism; OpenAI faces a EUR 15 million fine.", "fine"),
        ("The FCC proposed a $200 million forfeiture.", "fine"),
        ("Court blocks £3 billion class claim against the search giant.", "damages_sought"),
        ("The publishers filed suit seeking 2.2 billion yen each.", "damages_sought"),
        ("Members could receive up to $20 each.", "settlement"),
        ("Google pays $391.5 million to 40 states over location tracking.", "settlement"),
    ],
)
def test_kind_follows_the_governing_phrase(text: str, kind: str) -> None:
    assert _kinds(text)[0][1] == kind


def test_a_figure_alone_in_its_sentence_takes_the_nearest_cue_in_the_story() -> None:
    text = "$100 million. That is what the company will pay under a settlement."
    assert _kinds(text) == [("$100 million", "settlement")]


def test_same_figure_in_headline_and_summary_is_listed_once_with_the_specific_kind() -> None:
    text = "Search giant to pay $425 million. Jurors awarded $425 million over tracking."
    assert _kinds(text) == [("$425 million", "verdict")]


def test_abbreviation_does_not_end_the_sentence() -> None:
    text = "The agency ordered Honda Motor Co. to pay $1 million."
    assert _kinds(text) == [("$1 million", "fine")]


def test_crowns_with_their_country_are_a_currency() -> None:
    money = find_money("The Swedish regulator fined the lender 12 million Swedish crowns.")
    assert [(m.amount, m.currency, m.kind) for m in money] == [(12e6, "SEK", "fine")]


def test_head_noun_after_the_figure_outranks_the_verb_before_it() -> None:
    text = "The retailer agreed to pay $3 million in a civil penalty and $2 million in refunds."
    assert _kinds(text) == [("$3 million", "fine"), ("$2 million", "settlement")]


def test_penalties_paid_to_a_state_are_a_fine_when_called_penalties() -> None:
    text = "The attorney general said the app developer will pay $400,000 in penalties."
    assert _kinds(text) == [("$400,000", "fine")]


def test_a_restitution_fund_is_a_settlement_not_damages_sought() -> None:
    text = "The bank will pay up to $90 million for a consumer restitution fund, the CFPB said."
    assert _kinds(text) == [("$90 million", "settlement")]


def test_maximum_per_violation_stated_after_the_figure_is_statutory() -> None:
    text = "Fines can reach $50,000 per calendar year for each violation of the rule."
    assert _kinds(text) == [("$50,000", "statutory_damages")]


def test_per_person_sum_claimed_outside_the_us_is_damages_sought() -> None:
    text = "The consumer group is seeking damages of EUR 300 per user from the airline."
    assert _kinds(text) == [("EUR 300 per user", "damages_sought")]


def test_per_person_punitive_damages_are_sought() -> None:
    text = "The suit seeks $500 per member in punitive damages from the app."
    assert _kinds(text) == [("$500 per member", "damages_sought")]


def test_per_person_sum_under_a_named_statute_stays_statutory() -> None:
    text = "The claim sought £500 per person under the Data Protection Act."
    assert _kinds(text) == [("£500 per person", "statutory_damages")]


def test_agency_payment_returned_to_consumers_elsewhere_is_a_settlement() -> None:
    text = (
        "Browser maker must pay $9 million, FTC says. The agency said the $9 million "
        "will be used to provide redress to consumers."
    )
    assert _kinds(text) == [("$9 million", "settlement")]


def test_jury_award_stated_as_damages_is_a_verdict() -> None:
    text = "Jurors awarded the two plaintiffs $4.5 million in damages on Friday."
    assert _kinds(text) == [("$4.5 million", "verdict")]


def test_sum_paid_in_restitution_is_a_settlement_but_restitution_sought_is_not() -> None:
    paid = "The lender agreed to pay the state $2 million in restitution."
    sought = "The suit seeks restitution and $8 million in damages."
    assert _kinds(paid) == [("$2 million", "settlement")]
    assert _kinds(sought) == [("$8 million", "damages_sought")]


def test_possible_fine_up_to_a_cap_is_a_fine() -> None:
    text = "The company could face fines of up to EUR 20 million or 4% of global turnover."
    assert _kinds(text) == [("EUR 20 million", "fine")]


def test_indian_rupee_sums_in_crore_are_read_with_their_scale() -> None:
    money = find_money("The watchdog imposed a penalty of Rs 50.5 crore on the lender.")
    assert [(m.kind, m.amount, m.currency) for m in money] == [("fine", 505_000_000, "INR")]


def test_turkish_liras_in_the_plural_are_a_currency() -> None:
    money = find_money("The board fined the retailer 3.4 million liras.")
    assert [(m.amount, m.currency) for m in money] == [(3_400_000, "TRY")]


def test_letters_before_a_currency_word_do_not_make_a_rupee_sum() -> None:
    assert find_money("The app had 40 million members 2 years ago.") == []


def test_a_state_that_penalizes_a_company_imposes_a_fine() -> None:
    assert _kinds("Ohio penalizes lender $2.5M over exposed files") == [("$2.5M", "fine")]


def test_a_sale_price_is_other_money() -> None:
    text = "The genetics firm was sold for $120 million in bankruptcy court."
    assert _kinds(text) == [("$120 million", "other")]


def test_what_class_members_can_claim_from_a_settlement_is_settlement_money() -> None:
    text = "Under the settlement, people whose records leaked can claim up to $5,000 each."
    assert _kinds(text) == [("$5,000 each", "settlement")]


def test_what_recipients_of_agency_refunds_get_is_settlement_money() -> None:
    text = "The FTC is mailing checks; recipients will receive about $14.50 on average."
    assert _kinds(text) == [("$14.50", "settlement")]
