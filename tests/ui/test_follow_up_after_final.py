"""In the window: a newer follow-up sends a final assessment back to draft, undoably; ✔ marks."""

from __future__ import annotations

from assessor.db.models import Recommendation
from assessor.services import assessments, browsing
from assessor.services.changes import Changes
from assessor.ui.main_window import MainWindow
from assessor.ui.tree_model import ROLE_FINAL


def test_back_to_draft_is_said_shown_and_undoable(window: MainWindow) -> None:
    wb = window.workbench
    sheet = wb.model.factsheet_ids()[0]
    rec_id = browsing.recommendation_for_code(window.db, sheet, "IV-4")
    assert rec_id is not None and wb.select_recommendation(rec_id, sheet)
    wb.rate_current(3)
    wb.assessment.final.click()
    assert wb.model.index_of_recommendation(rec_id).data(ROLE_FINAL) is True

    reopened: set[int] = set()
    with window.db.transaction() as s:  # what the questionnaire's apply does, row by row
        rec = s.get(Recommendation, rec_id)
        assert rec is not None
        assessments.supersede_follow_up(
            s, rec, "The law now covers it.", "questionnaire a.xlsx", reopened=reopened
        )
    assert reopened == {rec_id}
    window.on_changed(Changes(recommendations=frozenset([rec_id]), reopened=frozenset(reopened)))
    assert not wb.assessment.final.isChecked()
    assert not wb.assessment.review_row.isHidden()  # ↻: read the new answer
    assert wb.model.index_of_recommendation(rec_id).data(ROLE_FINAL) is False
    assert window.statusBar().currentMessage().startswith("Back to draft: IV-4")
    assert window.stack.undoText() == "Back to draft: IV-4"

    window.undo()
    assert browsing.detail(window.db, rec_id).assessment.status == "final"  # type: ignore[union-attr]
    assert wb.assessment.final.isChecked()
    assert wb.model.index_of_recommendation(rec_id).data(ROLE_FINAL) is True
    window.redo()
    assert browsing.detail(window.db, rec_id).assessment.status == "draft"  # type: ignore[union-attr]
    history = [(e.old, e.new) for e in browsing.history(window.db, rec_id) if e.field == "status"]
    assert history == [
        ("draft", "final"),
        ("final", "draft"),
        ("draft", "final"),
        ("final", "draft"),
    ]
