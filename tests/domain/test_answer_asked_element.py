from bot.domain.answer_elements import asked_speaker, holds_asked_element


def test_a_question_about_the_ceo_needs_a_sentence_about_the_ceo() -> None:
    question = "Did Twitter's CEO comment on the settlement?"
    assert not holds_asked_element(question, "Twitter agreed to pay a $150 million penalty.")
    assert holds_asked_element(question, "Twitter's chief executive said the deal was fair.")


def test_a_question_about_the_us_trial_is_not_answered_by_the_london_trial() -> None:
    question = "When is the US trial in Getty v. Stability?"
    assert not holds_asked_element(question, "Getty dropped claims at the High Court trial.")
    assert holds_asked_element(question, "A federal jury trial is set for June 2026.")


def test_a_question_naming_no_person_or_country_keeps_every_sentence() -> None:
    assert holds_asked_element("What did the company say?", "Meta said it would appeal.")


def test_a_fees_question_needs_a_sentence_about_fees() -> None:
    question = "How much did the lawyers get in fees?"
    assert not holds_asked_element(question, "Plaid will pay $58 million to settle the suit.")
    assert holds_asked_element(question, "Lawyers plan to seek $21.25 million in fees.")


def test_a_lawyer_question_needs_a_name_beside_the_role() -> None:
    question = "Who represents the plaintiffs?"
    assert not holds_asked_element(question, "Attorney General Rob Bonta announced a deal.")
    assert not holds_asked_element(question, "Privacy lawyers said the action shows a trend.")
    assert holds_asked_element(question, "The artists' lawyers, Joseph Saveri and Matthew B.")


def test_a_count_question_needs_the_counted_thing() -> None:
    question = "How many users were affected?"
    assert not holds_asked_element(question, "Google settled with 40 states.")
    assert holds_asked_element(question, "Data of 533 million Facebook users was scraped.")
    assert holds_asked_element(question, "The breach exposed 2 million customers.")


def test_when_a_scheduled_event_is_asked_the_sentence_must_date_it() -> None:
    question = "When is the trial?"
    assert not holds_asked_element(question, "The deal came weeks before a scheduled trial.")
    assert holds_asked_element(question, "Trial is set to begin next year.")


def test_a_statement_question_about_the_judge_needs_the_judge_speaking() -> None:
    speaker = asked_speaker("What did the judge say?")
    assert speaker is not None
    assert not speaker.search("Zoom said the privacy of its users is a top priority.")
    assert not speaker.search("It refiled in federal court, where it says the court has power.")
    assert speaker.search("Judge Joanna Smith ruled that the model is not a copy.")
    assert asked_speaker("What did Meta say?") is None
