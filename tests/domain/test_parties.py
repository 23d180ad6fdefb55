"""Who a story is against: people, products and legal terms are no companies; plaintiffs
never lead the defendants."""

from __future__ import annotations

from bot.domain.extract import extract_entities


def companies(title: str, summary: str = "") -> tuple[str, ...]:
    return extract_entities(title, summary).companies


def test_people_listed_without_a_role_noun_are_not_companies() -> None:
    got = companies(
        "Authors sue Meta",
        "Sarah Silverman, Christopher Golden and Richard Kadrey accused Meta of copying books.",
    )
    assert got == ("Meta",)


def test_a_product_gives_way_to_its_maker_when_the_story_names_it() -> None:
    assert companies("Apple sued over Siri recordings", "Siri recorded talks.") == ("Apple",)
    assert companies("Stability AI sued", "Artists say Stable Diffusion copied them.") == (
        "Stability AI",
    )


def test_a_product_without_its_maker_is_no_company() -> None:
    assert companies("ChatGPT sued for defamation", "A host says ChatGPT made it up.") == ()


def test_amendments_and_sections_are_not_companies() -> None:
    got = companies(
        "Judge rejects First Amendment defense in Character.AI suit",
        "The First Amendment and Section 230 were raised; the Fourth Amendment was not.",
    )
    assert got == ("Character.AI",)


def test_a_present_tense_suer_is_a_plaintiff_and_never_leads() -> None:
    got = extract_entities("Getty sues over Stable Diffusion", "Getty says its photos were used.")
    assert got.companies[:1] != ("Getty Images",)
    assert "Getty Images" in got.plaintiffs
    nyt = companies("NYT sues OpenAI and Microsoft", "The New York Times sued OpenAI.")
    assert nyt[:2] == ("OpenAI", "Microsoft")


def test_a_firm_appealing_a_regulator_in_a_caption_is_the_party() -> None:
    got = companies("EU court rules in Meta case", "The case, Meta Platforms v Bundeskartellamt.")
    assert got[:1] == ("Meta",)


def test_customers_suing_name_the_company() -> None:
    got = companies(
        "Coupang customers file damages suits after leak",
        "Users of e-commerce giant Coupang filed lawsuits.",
    )
    assert got[:1] == ("Coupang",)


def test_a_short_list_before_a_verb_keeps_headline_order() -> None:
    got = companies("Kakao Pay, Apple fined for sending data to Alipay", "")
    assert got[:2] == ("Kakao Pay", "Apple")


def test_a_headline_of_who_pays_what_names_the_defendants() -> None:
    got = companies("GEICO $9.75M, Travelers $1.55M: New York penalizes insurers", "")
    assert got[:2] == ("GEICO", "Travelers")


def test_a_descriptor_business_and_a_real_currency_end_the_name() -> None:
    got = companies("Brazil fines telemarketer", "The ANPD fined small business Telekall R$14,400.")
    assert got[:1] == ("Telekall",)


def test_refunding_company_is_the_defendant() -> None:
    assert companies("Ring to refund $5.8M after staff watched videos") == ("Ring",)


def test_caption_plaintiff_starts_its_sentence() -> None:
    got = extract_entities(
        "Circuit Revives Suit Against Google", "In Calhoun v. Google, the court vacated."
    )
    assert got.companies[:1] == ("Google",) and "Google" not in got.plaintiffs


def test_a_name_with_an_accented_capital_is_a_company() -> None:
    got = companies(
        "EU court rules on profiling", "In Case C-1/24, UI v Österreichische Bank AG, ..."
    )
    assert got[:1] == ("Österreichische Bank",)


def test_a_firm_known_by_its_web_address_is_a_company() -> None:
    got = companies(
        "Retailer fined for filming staff",
        "The regulator found shopbillig.de kept cameras on desks.",
    )
    assert got == ("shopbillig.de",)


def test_the_firm_a_regulator_is_ordering_to_stop_is_the_defendant() -> None:
    got = companies(
        "Gyms told to stop face scans",
        "The regulator issued notices ordering Fitline Leisure and four trusts to stop.",
    )
    assert got == ("Fitline Leisure",)


def test_a_firm_ruled_a_joint_controller_is_the_defendant() -> None:
    got = companies(
        "Court rules on ad strings", "Judges said AdTrade Europe may be a joint controller."
    )
    assert got == ("AdTrade Europe",)


def test_the_company_behind_a_brand_leads() -> None:
    got = companies("Court tosses chat claims against Lampstore owner Homeco", "")
    assert got == ("Homeco", "Lampstore")


def test_whoever_brought_the_case_or_settled_its_suit_is_the_plaintiff() -> None:
    got = companies(
        "PixelHub's case over Imagebot falls short",
        "A judge rejected PixelHub's argument that Imagebot Labs copied its photos.",
    )
    assert got == ("Imagebot Labs", "PixelHub")
    got = companies(
        "Labelco and Tunegen settle", "Labelco settled its copyright suit against Tunegen."
    )
    assert got[0] == "Tunegen"


def test_a_parent_named_with_its_unit_leads_it() -> None:
    assert companies("Microsoft's LinkedIn fined €310 million")[0] == "Microsoft"
    assert companies("LinkedIn, owned by Microsoft, fined €310 million")[0] == "Microsoft"
    assert companies("Regulator fines Oakfield unit Brightpath $2 million")[0] == "Oakfield"


def test_a_unit_the_headline_names_alone_keeps_its_lead() -> None:
    got = companies(
        "LinkedIn sued over AI training data",
        "The suit says Microsoft's LinkedIn shared private messages.",
    )
    assert got == ("LinkedIn", "Microsoft")


def test_the_legal_entity_behind_a_trade_name_leads() -> None:
    got = companies(
        "Acme Games to pay $2 million over loot boxes",
        "The FTC said Widget Holdings LLC, doing business as Acme Games, deceived children.",
    )
    assert got == ("Widget Holdings", "Acme Games")
    got = companies(
        "HoYoverse to pay $20 million over loot boxes",
        "Cognosphere, the company behind HoYoverse, agreed to the order.",
    )
    assert got[0] == "Cognosphere"


def test_a_firm_suing_to_overturn_its_penalty_is_the_party() -> None:
    got = companies(
        "Norland Telecom sues to overturn record privacy penalty",
        "The commission said it would defend the fine, larger than the one it levied on Google.",
    )
    assert got[0] == "Norland Telecom"


def test_a_suer_losing_its_case_is_no_defendant() -> None:
    got = companies("Getty Images loses most of its case against Stability AI")
    assert got[0] == "Stability AI"
