"""In the window: a newer follow-up sends a final assessment back to draft, undoably; ✔ marks."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

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


def test_a_reimport_keeps_its_back_to_draft_undo_step(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """The import clears the undo stack (its rows are rewritten): the draft-again step it
    brings is pushed after that, not wiped by it."""
    from assessor.ui import import_actions

    wb = window.workbench
    sheet = wb.model.factsheet_ids()[0]
    rec_id = browsing.recommendation_for_code(window.db, sheet, "II-6")
    assert rec_id is not None and wb.select_recommendation(rec_id, sheet)
    wb.rate_current(3)
    wb.assessment.final.click()
    example = Path(__file__).resolve().parents[2] / "resources/examples"
    text = (example / "factsheet-albania-2nd-round.md").read_text(encoding="utf-8")
    newer = tmp_path / "albania-v2.md"
    newer.write_text(
        text.replace(
            "It has been updated with information submitted by the Government of Albania in "
            "March 2025",
            "It has been updated with information submitted by the Government of Albania in "
            "March 2026",
        ).replace(
            "These issues addressed by the Committee of States Parties to the Convention require",
            "The new Criminal Code, adopted in 2026, addresses what the Committee of States "
            "Parties to the Convention require",
            1,
        ),
        encoding="utf-8",
    )
    import_actions.import_files(window, [newer])
    qtbot.waitUntil(lambda: window.stack.undoText().startswith("Back to draft"), timeout=20000)
    assert "II-6" in window.stack.undoText()
