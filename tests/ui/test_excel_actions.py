"""File menu Excel actions on the real window: questionnaire out, filled in, back in; workbooks."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtGui import QAction

from assessor.services import browsing
from assessor.services.changes import Changes
from assessor.services.imports import import_file
from assessor.services.questionnaires import QuestionnairePreview
from assessor.ui import dialogs, questionnaire_dialog
from assessor.ui.dialogs import QuestionnaireOptions
from assessor.ui.main_window import MainWindow
from tests.questionnaire_helpers import FACTSHEET, FOLLOW_UP, fill
from tests.ui.test_files_and_restart import _drop


def _trigger(win: MainWindow, name: str) -> None:
    action = win.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    action.trigger()


def _wait(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=15000)


def _export(qtbot, win: MainWindow, tmp_path: Path, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def options(_parent: object, party: str, lang: str = "") -> QuestionnaireOptions:
        asked.append(party)
        assert lang == "en"  # offered first: the language of the Party's factsheet
        return QuestionnaireOptions("compliance", "30 June 2026", "secretariat@example.org")

    monkeypatch.setattr(dialogs, "ask_questionnaire_options", options)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(tmp_path / "albania"))
    _trigger(win, "export_questionnaire")
    _wait(qtbot, win)
    assert asked and asked[0].startswith("Albania")
    path = tmp_path / "albania.xlsx"  # the suffix is added when the name lacks it
    assert path.is_file() and str(path) in win.statusBar().currentMessage()
    return path


def test_export_fill_import_with_preview(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    blank = _export(qtbot, window, tmp_path, monkeypatch)
    book = openpyxl.load_workbook(blank, read_only=True)
    instructions = " ".join(
        str(c) for row in book["Instructions"].iter_rows(values_only=True) for c in row if c
    )
    assert "30 June 2026" in instructions and "secretariat@example.org" in instructions
    assert book["Questionnaire"].max_row == 23  # header + the 22 recommendations in scope
    book.close()

    answers = fill(
        blank,
        tmp_path / "answers.xlsx",
        {f"{FOLLOW_UP}:II-6": "Adopted in 2025 by the Parliament.", f"{FOLLOW_UP}:II-8": ""},
    )
    seen: list[QuestionnairePreview] = []

    def preview_and_apply(parent, preview, apply):  # type: ignore[no-untyped-def]
        seen.append(preview)
        assert preview.counts["changed"] == 1 and preview.counts["rejected"] == 0
        return apply()  # the user presses Apply

    monkeypatch.setattr(questionnaire_dialog, "preview_and_apply", preview_and_apply)
    monkeypatch.setattr(dialogs, "ask_questionnaire_file", lambda *a: str(answers))
    fid = window.workbench.model.factsheet_ids()[0]
    rec_id = browsing.recommendation_for_code(window.db, fid, "II-6")
    assert rec_id is not None and window.workbench.select_recommendation(rec_id, fid)
    _trigger(window, "import_questionnaire")
    _wait(qtbot, window)
    assert len(seen) == 1
    # The op runner's changed signal refreshed the shown recommendation.
    assert "Adopted in 2025" in window.workbench.follow_up.browser.toPlainText()
    assert window.workbench.follow_up.history_button.text() == "Hi&story (1)"
    detail = browsing.detail(window.db, rec_id)
    assert detail is not None and detail.follow_up is not None
    assert detail.follow_up.source == "questionnaire answers.xlsx"
    assert "Imported 1 follow-up" in window.statusBar().currentMessage()


def test_dropping_a_questionnaire_previews_it(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    blank = _export(qtbot, window, tmp_path, monkeypatch)
    answers = fill(blank, tmp_path / "dropped.xlsx", {f"{FOLLOW_UP}:II-6": "Dropped answer."})
    seen: list[str] = []

    def cancel(parent, preview, apply):  # type: ignore[no-untyped-def]
        seen.append(preview.source)
        return None  # the user cancels: nothing is written

    monkeypatch.setattr(questionnaire_dialog, "preview_and_apply", cancel)
    _drop(window, [answers])
    _wait(qtbot, window)
    assert seen == ["dropped.xlsx"]
    fid = window.workbench.model.factsheet_ids()[0]
    rec_id = browsing.recommendation_for_code(window.db, fid, "II-6")
    detail = browsing.detail(window.db, rec_id or 0)
    assert detail is not None and detail.follow_up is not None
    assert "Dropped answer" not in detail.follow_up.text


def test_a_bad_file_is_refused_in_plain_words(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch, no_real_dialogs
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "not-a-workbook.xlsx"
    bad.write_text("hello")
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, message: errors.append(message))
    monkeypatch.setattr(dialogs, "ask_questionnaire_file", lambda *a: str(bad))
    _trigger(window, "import_questionnaire")
    _wait(qtbot, window)
    assert len(errors) == 1 and "not-a-workbook.xlsx" in errors[0]


def test_assessment_and_overview_workbooks(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    overview = window.findChild(QAction, "export_overview")
    assert overview is not None and not overview.isEnabled()  # one Party only
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(tmp_path / "assessment.xlsx"))
    _trigger(window, "export_assessment")
    _wait(qtbot, window)
    book = openpyxl.load_workbook(tmp_path / "assessment.xlsx", read_only=True)
    assert {"Assessment", "Summary", "Themes"} <= set(book.sheetnames)
    book.close()

    # A second Party makes the overview available.
    report = import_file(window.db, FACTSHEET, party="Andorra")
    window.on_changed(Changes.of_factsheets([report.factsheet_id]))
    assert overview.isEnabled()
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(tmp_path / "overview.xlsx"))
    overview.trigger()
    _wait(qtbot, window)
    assert (tmp_path / "overview.xlsx").is_file()
    assert "2 Parties" in window.statusBar().currentMessage()
