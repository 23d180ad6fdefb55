"""The second pass of linking folds a case found to be another's matter into it, recorded
as an automatic merge, and never undoes an operator's split."""

from __future__ import annotations

from sqlalchemy import select

from bot.adapters.db.tables import CaseCorrectionRow
from bot.domain.models import Money
from bot.services.case_corrections import AUTO_MERGE
from tests.services.test_cases import AD_VIEWS, INMAIL, Desk, desk, judged

__all__ = ["desk"]  # the fixture, shared with test_cases

AD_FACTS = judged(
    ("LinkedIn",),
    money=(Money("$6.625 million", "settlement", 6.625e6, "USD"),),
    stage="settlement",
)


def test_an_automatic_merge_folds_the_case_in_and_is_told_apart_from_an_operators(
    desk: Desk,
) -> None:
    _, inmail = desk.add(INMAIL)
    _, ads = desk.add(AD_VIEWS, AD_FACTS, days=1)
    assert desk.service.auto_merge(ads.case_id, inmail.case_id, "same docket 5:25-cv-709")
    merged = desk.service.get_case(str(ads.case_id))
    assert merged.id == inmail.case_id and len(merged.stories) == 2
    with desk.sessions() as session:
        row = session.scalars(select(CaseCorrectionRow)).one()
    assert (row.kind, row.by_user, row.from_case_id) == (AUTO_MERGE, None, ads.case_id)


def test_cases_an_operator_split_apart_are_never_merged_again(desk: Desk) -> None:
    _, inmail = desk.add(INMAIL)
    ads_id, ads = desk.add(AD_VIEWS, AD_FACTS, days=1)
    if ads.created:  # put it in the wrong case first, as linking might have
        desk.service.move(ads_id, inmail.case_id)
    split_off = desk.service.split(inmail.case_id, [ads_id])
    assert not desk.service.auto_merge(split_off.id, inmail.case_id, "same docket 5:25-cv-709")
    assert desk.service.get_case(str(split_off.id)).id == split_off.id
