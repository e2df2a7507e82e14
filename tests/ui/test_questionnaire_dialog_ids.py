"""The window's questionnaire preview: rows whose hidden ID cannot be trusted are rejected there."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from assessor.db.engine import Database
from assessor.exporters.questionnaire import export_questionnaire
from assessor.services.questionnaires import apply_questionnaire, preview_questionnaire
from assessor.ui.questionnaire_dialog import QuestionnairePreviewDialog
from tests.questionnaire_helpers import FOLLOW_UP, ID, dump, fill, row_of


def test_swapped_and_missing_ids_are_rejected_in_the_preview(
    qtbot, real_db: Database, tmp_path: Path
) -> None:
    blank = tmp_path / "q.xlsx"
    export_questionnaire(real_db, blank)
    ws = openpyxl.load_workbook(blank)["Questionnaire"]
    six, eight, nine = (row_of(ws, code) for code in ("II-6", "II-8", "II-9"))
    uid6, uid8 = ws[f"{ID}{six}"].value, ws[f"{ID}{eight}"].value
    path = fill(
        blank,
        tmp_path / "answers.xlsx",
        {
            f"{ID}{six}": uid8,
            f"{ID}{eight}": uid6,
            f"{FOLLOW_UP}{six}": "Typed on the row of II-6.",
            f"{ID}{nine}": None,
            f"{FOLLOW_UP}{nine}": "No ID.",
        },
    )
    before = dump(real_db)
    preview = preview_questionnaire(real_db, path)
    dialog = QuestionnairePreviewDialog(preview, lambda: apply_questionnaire(real_db, preview))
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    shown = {
        model.index(r, 1).data(): (model.index(r, 2).data(), model.index(r, 3).data())
        for r in range(model.rowCount())
    }
    assert shown["II-6"][0] == shown["II-8"][0] == shown["II-9"][0] == "rejected"
    assert "hidden ID is that of II-8, but the row shows II-6" in shown["II-6"][1]
    assert "hidden ID is that of II-6, but the row shows II-8" in shown["II-8"][1]
    assert "no hidden ID" in shown["II-9"][1]
    assert not dialog.apply_button.isEnabled()  # nothing left that could be applied
    assert dump(real_db) == before
