"""The questionnaire preview dialog: the round trip through the window's dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from assessor.db.engine import Database
from assessor.db.queries import recommendation_detail
from assessor.exporters.questionnaire import export_questionnaire
from assessor.services.assessments import edit_follow_up, find_by_code
from assessor.services.questionnaires import apply_questionnaire, preview_questionnaire
from assessor.ui import dialogs
from assessor.ui.questionnaire_dialog import QuestionnairePreviewDialog, detail_html
from tests.questionnaire_helpers import FOLLOW_UP, REFS, STATUS, dump, fill


def _filled(db: Database, tmp_path: Path) -> Path:
    blank = tmp_path / "q.xlsx"
    export_questionnaire(db, blank, scope="all")
    return fill(
        blank,
        tmp_path / "answers.xlsx",
        {
            f"{FOLLOW_UP}:II-6": "Adopted in 2025.",
            f"{FOLLOW_UP}:II-1": "A first answer.",
            f"{FOLLOW_UP}:II-8": "   ",  # blank: keeps the existing follow-up
            "A4": "f" * 32,
            f"{FOLLOW_UP}4": "Unknown row",
        },
    )


def _follow_up(db: Database, code: str):
    with db.reading() as s:
        detail = recommendation_detail(s, find_by_code(s, code).id)
    assert detail is not None
    return detail


def test_preview_then_apply(qtbot, real_db: Database, tmp_path: Path, monkeypatch) -> None:
    preview = preview_questionnaire(real_db, _filled(real_db, tmp_path))
    dialog = QuestionnairePreviewDialog(preview, lambda: apply_questionnaire(real_db, preview))
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    assert model.rowCount() == len(preview.rows) == 81
    statuses = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert statuses.count("new") == 1 and statuses.count("changed") == 1
    assert statuses.count("rejected") == 1
    rejected = statuses.index("rejected")
    assert "unknown hidden ID" in model.index(rejected, 3).data()
    assert model.index(rejected, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "1 new, 1 changed, 78 unchanged, 1 rejected" in dialog.summary.text()

    dialog.show_unchanged.setChecked(False)
    assert model.rowCount() == 3
    dialog.show_unchanged.setChecked(True)

    saved = tmp_path / "preview.txt"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(saved))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "II-6: changed" in saved.read_text("utf-8")

    assert dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.report is not None and dialog.report.applied == 2
    assert not dialog.apply_button.isEnabled()
    assert dialog.cancel_button.text() == "Close"
    assert "Imported 2 follow-ups" in dialog.summary.text()
    detail = _follow_up(real_db, "II-6")
    assert detail.follow_up is not None and detail.follow_up.text == "Adopted in 2025."
    assert detail.follow_up.source == "questionnaire answers.xlsx"
    assert detail.follow_up_history  # the replaced follow-up is kept

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Imported 2 follow-ups from answers.xlsx" in saved.read_text("utf-8")


def test_cancel_changes_nothing(qtbot, real_db: Database, tmp_path: Path) -> None:
    preview = preview_questionnaire(real_db, _filled(real_db, tmp_path))
    before = dump(real_db)
    calls: list[int] = []
    dialog = QuestionnairePreviewDialog(preview, lambda: calls.append(1))  # type: ignore[arg-type,return-value]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and not calls and dialog.report is None
    assert dump(real_db) == before


def test_apply_error_is_shown(qtbot, real_db: Database, tmp_path: Path, monkeypatch) -> None:
    preview = preview_questionnaire(real_db, _filled(real_db, tmp_path))
    edit_follow_up(real_db, _follow_up(real_db, "II-6").id, "Edited meanwhile.")
    before = dump(real_db)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, message: shown.append(message))
    dialog = QuestionnairePreviewDialog(preview, lambda: apply_questionnaire(real_db, preview))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert shown and "changed since the preview" in shown[0]
    assert dialog.report is None and dialog.apply_button.isEnabled()
    assert dump(real_db) == before


def test_nothing_to_apply(qtbot, real_db: Database, tmp_path: Path) -> None:
    blank = tmp_path / "q.xlsx"
    export_questionnaire(real_db, blank)
    preview = preview_questionnaire(real_db, blank)
    dialog = QuestionnairePreviewDialog(preview, lambda: apply_questionnaire(real_db, preview))
    qtbot.addWidget(dialog)
    assert not dialog.apply_button.isEnabled()
    assert "nothing to apply" in dialog.summary.text()


def test_the_preview_shows_what_the_state_wrote(qtbot, real_db: Database, tmp_path: Path) -> None:
    blank = tmp_path / "q.xlsx"
    export_questionnaire(real_db, blank)
    long_answer = "The Criminal Code was amended in 2025. " + "It now covers grooming online. " * 20
    filled = fill(
        blank,
        tmp_path / "answers.xlsx",
        {
            f"{FOLLOW_UP}:II-6": long_answer,
            f"{STATUS}:II-6": "in progress",
            f"{REFS}:II-6": "Law 45/2024",
        },
    )
    current = _follow_up(real_db, "II-6").follow_up
    assert current is not None
    preview = preview_questionnaire(real_db, filled)
    dialog = QuestionnairePreviewDialog(preview, lambda: apply_questionnaire(real_db, preview))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    model = dialog.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "II-6")
    cell = dict(zip(headers, (model.index(row, c) for c in range(len(headers))), strict=True))
    assert cell["Status"].data() == "changed"
    # The answer's start in the table, the whole of it in the tooltip.
    shown = cell["Answer"].data()
    assert shown.startswith("The Criminal Code was amended in 2025.")
    assert len(shown) <= 201 and shown.endswith("…")
    assert long_answer.strip() in cell["Answer"].data(Qt.ItemDataRole.ToolTipRole)
    assert cell["State's status"].data() == "in progress"
    assert cell["References"].data() == "Law 45/2024"
    assert cell["Replaces"].data().startswith(" ".join(current.text.split())[:60])
    assert current.text in cell["Replaces"].data(Qt.ItemDataRole.ToolTipRole)

    # The row chosen (the first worth a look, here II-6) is shown in full under the table.
    assert dialog.table.currentIndex().row() == row
    detail = dialog.detail.toPlainText()
    assert "It now covers grooming online. " * 19 in detail
    assert "State's status: in progress · References: Law 45/2024" in detail
    assert " ".join(current.text.split())[:60] in " ".join(detail.split())
    unchanged = next(r for r in range(model.rowCount()) if model.index(r, 2).data() == "unchanged")
    dialog.table.scrollTo(model.index(unchanged, 0))
    qtbot.mouseClick(
        dialog.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dialog.table.visualRect(model.index(unchanged, 0)).center(),
    )
    assert dialog.table.currentIndex().row() == unchanged
    assert "No answer." in dialog.detail.toPlainText()


def test_a_row_shows_all_its_codes(qtbot, real_db: Database, tmp_path: Path) -> None:
    blank = tmp_path / "q.xlsx"
    export_questionnaire(real_db, blank, scope="all")
    filled = fill(blank, tmp_path / "a.xlsx", {f"{FOLLOW_UP}:III-16": "Answered."})
    preview = preview_questionnaire(real_db, filled)
    dialog = QuestionnairePreviewDialog(preview, lambda: apply_questionnaire(real_db, preview))
    qtbot.addWidget(dialog)
    model = dialog.model
    codes = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert "III-16, III-18" in codes and "III-16" not in codes
    (row,) = preview.to_apply
    assert "III-16, III-18" in detail_html(row)
