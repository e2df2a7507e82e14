"""Edit → Correct follow-up…: the text and the State's own status and references, one undo step."""

from __future__ import annotations

import pytest

from assessor.services import browsing
from assessor.ui import dialogs
from assessor.ui.follow_up_edit import Correction, FollowUpCorrectionDialog
from assessor.ui.main_window import MainWindow
from assessor.ui.undo import StateFields


def _show(win: MainWindow, code: str) -> int:
    wb = win.workbench
    rec_id = browsing.recommendation_for_code(win.db, wb.model.factsheet_ids()[0], code)
    assert rec_id is not None and wb.select_recommendation(rec_id)
    return rec_id


def test_the_dialog_shows_and_returns_status_and_references(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FollowUpCorrectionDialog(None, "Correct", "The law.", StateFields("in progress", "L1"))
    qtbot.addWidget(dialog)
    assert dialog.status.currentText() == "in progress" and dialog.references.text() == "L1"
    dialog.status.setCurrentText("implemented")
    dialog.references.setText("  Law 12/2024  ")
    assert dialog.correction() == Correction("The law.", StateFields("implemented", "Law 12/2024"))
    dialog.status.setCurrentText("")
    dialog.references.clear()
    assert dialog.correction().state == StateFields(None, None)  # empty: none


def test_status_and_references_are_corrected_and_undone(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = window.workbench
    rec_id = _show(window, "II-6")
    before = browsing.detail(window.db, rec_id)
    assert before is not None and before.follow_up is not None
    text = before.follow_up.text
    asked: list[StateFields] = []

    def answer(_parent: object, _title: str, old: str, state: StateFields) -> Correction:
        asked.append(state)
        return Correction(old, StateFields("in progress", "Law 12/2024"))

    monkeypatch.setattr(dialogs, "ask_follow_up_correction", answer)
    wb.follow_up.edit_button.click()
    assert asked == [StateFields(None, None)]  # the factsheet gave neither
    after = browsing.detail(window.db, rec_id)
    assert after is not None and after.follow_up is not None
    assert after.follow_up.text == text  # only the State's fields changed: a new version still
    assert (after.follow_up.state_status, after.follow_up.references) == (
        "in progress",
        "Law 12/2024",
    )
    assert "State's status: in progress · References: Law 12/2024" in (
        wb.follow_up.browser.toPlainText()
    )
    fields = {h.field for h in browsing.history(window.db, rec_id)}
    assert {"follow_up_state_status", "follow_up_references"} <= fields
    assert window.stack.undoText() == "Correct follow-up of II-6"

    window.undo()
    undone = browsing.detail(window.db, rec_id)
    assert undone is not None and undone.follow_up is not None
    assert (undone.follow_up.state_status, undone.follow_up.references) == (None, None)
    assert undone.follow_up.text == text
    window.stack.redo()
    redone = browsing.detail(window.db, rec_id)
    assert redone is not None and redone.follow_up is not None
    assert redone.follow_up.state_status == "in progress"


def test_an_unchanged_correction_is_no_step(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _show(window, "II-6")
    monkeypatch.setattr(
        dialogs, "ask_follow_up_correction", lambda _p, _t, old, state: Correction(old, state)
    )
    count = window.stack.count()
    window.workbench.follow_up.edit_button.click()
    assert window.stack.count() == count
