from bot.domain.answer_evidence import holds_asked_element


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
