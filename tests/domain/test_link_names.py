from bot.domain.link_names import plausible_companies


def test_a_description_capitalized_only_at_the_start_is_no_company() -> None:
    kept = plausible_companies(
        ("Delivery", "DoorDash"),
        "Delivery app fined for trading customer data",
        "The delivery company DoorDash will pay a penalty.",
    )
    assert kept == ("DoorDash",)


def test_places_and_based_descriptors_are_no_companies() -> None:
    kept = plausible_companies(
        ("Sandpoint-based", "San Jose", "Zoom"),
        "Judge tosses FTC case",
        "The Sandpoint-based broker and the San Jose company Zoom were named.",
    )
    assert kept == ("Zoom",)


def test_a_quoted_wire_service_is_no_party() -> None:
    kept = plausible_companies(
        ("Associated Press", "Google"),
        "Search giant settles with states",
        "Google agreed to pay, the Associated Press reported.",
    )
    assert kept == ("Google",)


def test_a_company_named_at_a_sentence_start_stays() -> None:
    kept = plausible_companies(("Meta",), "Meta fined in Ireland", "Meta said it would appeal.")
    assert kept == ("Meta",)
