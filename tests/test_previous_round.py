"""Round to round: the previous round's rating and comment of the same code, carried over."""

from __future__ import annotations

import pytest

from assessor.db.engine import Database
from assessor.services import assessments, browsing
from assessor.services.errors import ServiceError
from assessor.services.previous_round import (
    assessment_fields,
    carry_over,
    previous_assessment,
    previous_factsheet,
    undo_carry_over,
)
from tests.conftest import build_factsheet

FIRST = "1st monitoring round: protection of children against sexual abuse"
THIRD = "3rd monitoring round: protecting children in the digital environment"


def test_the_previous_round_is_shown_and_carried_over_as_a_draft(db: Database) -> None:
    first = build_factsheet(db, round_title=FIRST)
    assessments.rate(db, first.recs["II-6"], "partly", by="Maria")
    assessments.set_comment(db, first.recs["II-6"], "The draft law is pending.", by="Maria")
    assessments.set_status(db, first.recs["II-6"], "final", by="Maria")
    second = build_factsheet(db)  # the 2nd round: the same codes
    rec = second.recs["II-6"]

    shown = previous_assessment(db, rec)
    assert shown is not None
    assert shown.round == FIRST and shown.codes == ("II-6",)
    assert (shown.rating, shown.rating_label) == ("partly", "Partly implemented")
    assert shown.comment == "The draft law is pending." and shown.rating_carries
    assert previous_assessment(db, first.recs["II-6"]) is None  # nothing before the 1st round
    assert previous_assessment(db, second.recs["II-4"]) is None  # not assessed then

    changes = carry_over(db, rec, by="Jonas")
    assert changes.recommendations == {rec}
    detail = browsing.detail(db, rec)
    assert detail is not None
    a = detail.assessment
    assert (a.rating, a.comment, a.status) == ("partly", "The draft law is pending.", "draft")
    history = browsing.history(db, rec)
    assert {h.by for h in history} == {f"Jonas, carried over from {FIRST}"}
    assert {h.field for h in history} >= {"rating", "comment"}

    # Already assessed: refused unless replacing; the previous round is left as it was.
    with pytest.raises(ServiceError, match="already rated"):
        carry_over(db, rec, by="Jonas")
    old = browsing.detail(db, first.recs["II-6"])
    assert old is not None and old.assessment.status == "final"


def test_the_round_before_is_told_by_its_number_not_the_import_order(db: Database) -> None:
    third = build_factsheet(db, round_title=THIRD)
    first = build_factsheet(db, round_title=FIRST)  # imported after the 3rd
    second = build_factsheet(db)
    assessments.rate(db, first.recs["II-4"], "implemented", by="A")
    assessments.rate(db, third.recs["II-4"], "not_implemented", by="C")
    shown = previous_assessment(db, second.recs["II-4"])
    assert shown is not None and shown.round == FIRST
    shown = previous_assessment(db, third.recs["II-4"])
    assert shown is None  # the 2nd round's II-4 was never assessed


def test_nothing_to_carry_is_refused(db: Database) -> None:
    second = build_factsheet(db)
    with pytest.raises(ServiceError, match="nothing to carry"):
        carry_over(db, second.recs["II-6"])


def test_a_carry_over_is_undone_with_when_it_was_saved(db: Database) -> None:
    first = build_factsheet(db, round_title=FIRST)
    assessments.rate(db, first.recs["II-6"], "partly", by="Maria")
    second = build_factsheet(db)
    rec = second.recs["II-6"]
    assert previous_factsheet(db, second.factsheet_id) == first.factsheet_id
    assert previous_factsheet(db, first.factsheet_id) is None
    shown = previous_assessment(db, rec, first.factsheet_id)  # told: no look-up
    assert shown is not None and shown.rating == "partly"
    assert previous_assessment(db, rec, None) is None  # told there is none
    assessments.set_comment(db, rec, "My own start.", by="Jonas")
    before, stamp = assessment_fields(db, rec), assessments.saved_stamp(db, rec)
    carry_over(db, rec, by="Jonas", replace=True)
    assert assessment_fields(db, rec) == ("partly", "", "draft")
    undo_carry_over(db, rec, before, stamp, by="Jonas")
    assert assessment_fields(db, rec) == (None, "My own start.", "draft")
    assert assessments.saved_stamp(db, rec) == stamp
    assert [h.by for h in browsing.history(db, rec)][-1] == "Jonas"
