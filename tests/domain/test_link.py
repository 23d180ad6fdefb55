"""Linking decides from facts first and words second, and says why."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.domain.case_facts import company_key
from bot.domain.link import (
    CaseProfile,
    StoredStory,
    StoryFacts,
    candidate_keys,
    decide_link,
    find_duplicate,
)
from bot.domain.models import CaseFacts, Entities, Money

JAN = datetime(2025, 1, 22, tzinfo=UTC)

INMAIL = StoryFacts(
    "LinkedIn accused of using private messages to train AI",
    "A Premium customer filed a proposed class action in federal court in San Jose accusing "
    "LinkedIn of disclosing private InMail messages to third parties to train generative AI.",
    Entities(companies=("LinkedIn",), laws=("Stored Communications Act",), courts=("N.D. Cal.",)),
    ("privacy_action", "ai_training"),
    JAN,
)
AD_VIEWS = StoryFacts(
    "LinkedIn to pay $6.625 million to settle video ad views lawsuit",
    "LinkedIn agreed to settle claims by advertisers that it inflated video ad view metrics.",
    Entities(
        companies=("LinkedIn",),
        money=(Money("$6.625 million", "settlement", 6_625_000, "USD"),),
        stage="settlement",
    ),
    ("privacy_action",),
    JAN,
)


def _stored(story_id: int, case_id: int, facts: StoryFacts, outlet: str = "Reuters") -> StoredStory:
    return StoredStory(story_id, case_id, outlet, facts)


def _case(case_id: int, facts: StoryFacts) -> CaseProfile:
    entities = facts.entities
    return CaseProfile(
        case_id,
        CaseFacts(
            facts.title, defendants=entities.companies, laws=entities.laws, topics=facts.topics
        ),
        {},
        JAN,
    )


def test_follow_up_from_another_outlet_joins_the_case_with_a_reason() -> None:
    follow_up = StoryFacts(
        "LinkedIn sued over claims it shared InMail messages to train AI models",
        "Premium subscribers say LinkedIn disclosed their private InMail messages for AI "
        "training, according to the suit filed in San Jose.",
        Entities(companies=("LinkedIn Corp.",), courts=("N.D. Cal.",)),
        ("ai_training",),
        JAN,
    )
    decision = decide_link(follow_up, [_case(1, INMAIL)], [_stored(10, 1, INMAIL)])
    assert decision.case_id == 1
    assert "same defendant" in decision.reason and "same forum N.D. Cal." in decision.reason


def test_two_matters_against_the_same_company_stay_apart() -> None:
    decision = decide_link(AD_VIEWS, [_case(1, INMAIL)], [_stored(10, 1, INMAIL)])
    assert decision.case_id is None
    assert decision.reason.startswith("new case")


def test_same_docket_decides_even_without_shared_words() -> None:
    case = CaseProfile(3, CaseFacts("Acme", defendants=("Acme",), docket="5:25-cv-00201"))
    story = StoryFacts("Order entered", "Scheduling order.", Entities(dockets=("5:25-CV-00201",)))
    decision = decide_link(story, [case])
    assert decision.case_id == 3 and "same docket" in decision.reason


def test_a_different_docket_rules_a_case_out() -> None:
    case = CaseProfile(3, CaseFacts("LinkedIn", defendants=("LinkedIn",), docket="5:25-cv-1"))
    story = StoryFacts(INMAIL.title, INMAIL.summary, Entities(dockets=("3:24-cv-9",)))
    assert decide_link(story, [case]).case_id is None


def test_near_identical_wire_copy_is_marked_as_duplicate() -> None:
    copy = StoryFacts(
        INMAIL.title,
        INMAIL.summary.replace("A Premium customer", "A Premium subscriber"),
        INMAIL.entities,
    )
    decision = decide_link(copy, [_case(1, INMAIL)], [_stored(10, 1, INMAIL, "AP")])
    assert decision.case_id == 1 and decision.duplicate_of == 10
    assert "near-identical to story 10 (AP)" in decision.reason
    assert find_duplicate(AD_VIEWS, [_stored(10, 1, INMAIL)]) is None


def test_defendant_missed_by_extraction_is_found_by_name_in_the_text() -> None:
    keurig = StoryFacts(
        "Keurig accused of wiretapping shoppers through website chat",
        "A shopper says Keurig let a vendor record website chats in violation of CIPA.",
        Entities(companies=("Keurig",), laws=("California Invasion of Privacy Act",)),
        ("privacy_action",),
        JAN,
    )
    later = StoryFacts(
        "Keurig beats website chat wiretap suit",
        "A judge dismissed the chat wiretapping claims against Keurig.",
        Entities(laws=("California Invasion of Privacy Act",), stage="dismissed"),
        ("privacy_action",),
        JAN,
    )
    assert "keurig" in candidate_keys(later)
    decision = decide_link(later, [_case(4, keurig)], [_stored(40, 4, keurig)])
    assert decision.case_id == 4 and "same defendant Keurig" in decision.reason


def test_different_regulators_mean_different_matters() -> None:
    ico = StoryFacts(
        "UK fines Clearview AI over image scraping",
        "Britain's ICO fined Clearview AI for scraping images of people.",
        Entities(companies=("Clearview AI",), regulators=("ICO",), courts=("ICO",)),
        ("privacy_action",),
        JAN,
    )
    cnil = StoryFacts(
        "France fines Clearview AI over image scraping",
        "France's CNIL fined Clearview AI for scraping images of people.",
        Entities(companies=("Clearview AI",), regulators=("CNIL",), courts=("CNIL",)),
        ("privacy_action",),
        JAN,
    )
    assert decide_link(cnil, [_case(1, ico)], [_stored(10, 1, ico, "BBC")]).duplicate_of is None
    assert decide_link(cnil, [_case(1, ico)], [_stored(10, 1, ico, "BBC")]).case_id is None


ACLU = StoryFacts(
    "ACLU sues Clearview AI over face-surveillance database",
    "The American Civil Liberties Union sued Clearview AI in Illinois state court, saying "
    "its faceprint database violates the Illinois biometric privacy law.",
    Entities(
        companies=("Clearview AI",),
        plaintiffs=("American Civil Liberties Union",),
        laws=("BIPA",),
        stage="filed",
    ),
    ("privacy_action",),
    datetime(2020, 5, 28, tzinfo=UTC),
)
CLASS = StoryFacts(
    "Clearview AI sued in Chicago over scraped facial images",
    "An Illinois resident filed a proposed class action accusing Clearview AI of scraping "
    "billions of photos and harvesting facial geometry without consent under BIPA.",
    Entities(companies=("Clearview AI",), plaintiffs=("David Mutnick",), laws=("BIPA",)),
    ("privacy_action",),
    datetime(2020, 1, 23, tzinfo=UTC),
)


def test_a_fresh_suit_months_after_the_case_began_opens_its_own_case() -> None:
    decision = decide_link(ACLU, [_case(1, CLASS)], [_stored(10, 1, CLASS)])
    assert decision.case_id is None


def test_a_plaintiff_named_by_its_initials_supports_the_case() -> None:
    settled = StoryFacts(
        "Clearview AI settles ACLU suit, agrees to limits on selling face database",
        "Clearview AI agreed to a permanent ban on selling its faceprint database to most "
        "private companies, settling the Illinois suit.",
        Entities(companies=("Clearview AI",), stage="settlement"),
        ("privacy_action",),
        datetime(2022, 5, 9, tzinfo=UTC),
    )
    cases = [_case(1, CLASS), _case(2, ACLU)]
    decision = decide_link(settled, cases, [_stored(10, 1, CLASS), _stored(11, 2, ACLU)])
    assert decision.case_id == 2
    assert "same plaintiff American Civil Liberties Union" in decision.reason


def test_a_product_name_and_its_parent_are_one_defendant() -> None:
    assert company_key("Facebook") == company_key("Meta Platforms, Inc.") == "meta"
    assert company_key("Alphabet Inc.") == company_key("Google")


PLAID_SUIT = StoryFacts(
    "Plaid sued for collecting bank data from app users",
    "A proposed class action in Oakland says the fintech harvested banking logins through "
    "apps such as Venmo without consent.",
    Entities(companies=("Plaid",), courts=("N.D. Cal.",), stage="filed"),
    ("privacy_action",),
    datetime(2020, 5, 5, tzinfo=UTC),
)
PLAID_DEAL = StoryFacts(
    "Plaid agrees to $58 million settlement",
    "The aggregator will delete certain information and change how people connect accounts.",
    Entities(
        companies=("Plaid",),
        money=(Money("$58 million", "settlement", 58_000_000, "USD"),),
        stage="settlement",
    ),
    ("privacy_action",),
    datetime(2021, 8, 6, tzinfo=UTC),
)


def test_a_later_development_of_the_only_matter_against_a_defendant_joins_it() -> None:
    decision = decide_link(PLAID_DEAL, [_case(1, PLAID_SUIT)], [_stored(10, 1, PLAID_SUIT)])
    assert decision.case_id == 1
    assert "only matter against this defendant" in decision.reason


def test_a_development_is_not_guessed_between_two_matters_of_one_defendant() -> None:
    other = replace(PLAID_SUIT, title="Plaid faces suit over loan data", summary="Borrowers sue.")
    cases = [_case(1, PLAID_SUIT), _case(2, other)]
    stored = [_stored(10, 1, PLAID_SUIT), _stored(11, 2, other)]
    assert decide_link(PLAID_DEAL, cases, stored).case_id is None


def test_the_filing_reported_again_within_days_joins_but_not_months_later() -> None:
    again = StoryFacts(
        "Fintech Plaid hit with privacy class action",
        "Users say it mimicked bank sign-in screens.",
        Entities(companies=("Plaid",), stage="filed"),
        ("privacy_action",),
        datetime(2020, 5, 8, tzinfo=UTC),
    )
    case = replace(_case(1, PLAID_SUIT), first_seen=PLAID_SUIT.published)
    assert decide_link(again, [case], [_stored(10, 1, PLAID_SUIT)]).case_id == 1
    later = replace(again, published=datetime(2021, 5, 8, tzinfo=UTC))
    assert decide_link(later, [case], [_stored(10, 1, PLAID_SUIT)]).case_id is None


def test_a_follow_up_describing_the_company_joins_on_its_distinctive_wording() -> None:
    described = StoryFacts(
        "Fintech aggregator's banking logins suit gets final nod",
        "A judge approved the deal over Venmo users' banking logins harvested without consent.",
        Entities(stage="settlement"),
        ("privacy_action",),
        datetime(2022, 7, 21, tzinfo=UTC),
    )
    decision = decide_link(described, [_case(1, PLAID_SUIT)], [_stored(10, 1, PLAID_SUIT)])
    assert decision.case_id == 1 and "names no company" in decision.reason
    unrelated = replace(described, title="Retailer settles", summary="A shop paid a fine.")
    assert (
        decide_link(unrelated, [_case(1, PLAID_SUIT)], [_stored(10, 1, PLAID_SUIT)]).case_id is None
    )
