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
