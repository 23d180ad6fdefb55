"""The one statute table: canonical names, and short forms that only count in context."""

from __future__ import annotations

from bot.domain.laws import LAWS, find_laws


def names(text: str) -> list[str]:
    return [m.law.name for m in find_laws(text)]


def test_full_names_and_possessives_map_to_canonical_names() -> None:
    text = "claims under the Stored Communications Act and California's unfair competition law"
    assert names(text) == ["Stored Communications Act", "California Unfair Competition Law"]


def test_state_wiretap_act_is_not_read_as_the_federal_one() -> None:
    assert names("violations of the Pennsylvania Wiretap Act") == ["Pennsylvania Wiretap Act"]


def test_cipa_means_the_privacy_act_only_in_a_privacy_context() -> None:
    assert names("a CIPA suit over chat wiretapping on a California website") == [
        "California Invasion of Privacy Act"
    ]
    assert names("schools must follow CIPA (Children's Internet Protection Act) filters") == []


def test_dsa_and_ucl_need_context() -> None:
    assert names("The European Commission fined X under the DSA") == ["Digital Services Act"]
    assert names("DSA Dental Supply reported earnings") == []
    assert names("a study at UCL (University College London)") == []


def test_state_ai_acts_are_not_the_eu_ai_act() -> None:
    assert names("the Colorado AI Act takes effect") == []
    assert names("obligations under the EU AI Act") == ["EU AI Act"]


def test_copyright_claims_name_the_copyright_act() -> None:
    assert names("authors filed a copyright suit over training data") == ["Copyright Act"]


def test_each_law_is_reported_once_in_order_of_first_mention() -> None:
    assert names("BIPA ... GDPR ... BIPA again") == [
        "Illinois Biometric Information Privacy Act",
        "GDPR",
    ]


def test_every_law_has_a_kind_and_a_jurisdiction() -> None:
    assert all(law.kind and law.jurisdiction and law.aliases for law in LAWS)


def test_a_state_statute_described_by_subject_is_that_states_law() -> None:
    text = "Shoppers say the retailer broke Florida's anti-wiretapping statute and Illinois' "
    text += "biometric privacy law."
    assert names(text) == [
        "Florida Security of Communications Act",
        "Illinois Biometric Information Privacy Act",
    ]


def test_the_states_law_is_the_law_of_the_state_the_story_names() -> None:
    text = "Colorado's attorney general said the app ignored the state's consumer privacy act."
    assert names(text) == ["Colorado Privacy Act"]
    assert names("The Texas lawsuit cites the deceptive trade practices act.") == [
        "Texas Deceptive Trade Practices Act"
    ]


def test_a_privacy_law_without_a_place_is_no_statute() -> None:
    assert names("Critics say a privacy law would not have stopped the leak.") == []
    assert names("Ohio's privacy law is still a bill; the state's privacy law stalled.") == []


def test_national_privacy_laws_described_by_country() -> None:
    text = "The regulator cited Japanese privacy rules, Canada's federal privacy law and the "
    text += "bloc's data protection regulation."
    assert names(text) == ["Japan APPI", "PIPEDA", "GDPR"]


def test_federal_wiretap_law_and_video_rental_law_by_description() -> None:
    text = "The suit invokes the federal wiretap law and a 1988 law shielding video rental "
    text += "records, plus the kids' privacy rule."
    assert names(text) == ["Wiretap Act", "Video Privacy Protection Act", "COPPA"]


def test_privacy_act_alone_is_australian_only_in_an_australian_story() -> None:
    assert names("Australia's regulator says the insurer breached the Privacy Act.") == [
        "Australian Privacy Act"
    ]
    assert names("New Zealand and Australia both amended the Privacy Act.") == []


def test_a_us_training_data_suit_named_by_its_claim_is_under_the_copyright_act() -> None:
    from bot.domain.laws import find_laws

    texts = [
        "The suit accuses the startup of mass infringement of copyrighted sound recordings.",
        "A federal judge said training the model on purchased books was fair use.",
        "The authors say the company used their copyrighted books without permission.",
    ]
    for text in texts:
        assert [m.law.name for m in find_laws(text)] == ["Copyright Act"], text


def test_a_copyright_case_heard_abroad_is_not_under_the_us_copyright_act() -> None:
    from bot.domain.laws import find_laws

    text = "A Munich court ruled the chatbot maker infringed copyrighted song lyrics."
    assert find_laws(text) == []


def test_the_video_rental_law_is_the_vppa() -> None:
    assert names("He sued under the 1988 video-rental statute.") == ["Video Privacy Protection Act"]


def test_the_personal_information_protection_act_is_koreas_only_in_a_korean_story() -> None:
    text = "Seoul regulators said the retailer breached the Personal Information Protection Act."
    assert names(text) == ["Korea PIPA"]
    assert names("Alberta's Personal Information Protection Act covers employee records.") == []
