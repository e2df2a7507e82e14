"""The window's export dialogs offer the document's language, starting at the Party's."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QDialog
from sqlalchemy import select

from assessor.db.models import Factsheet
from assessor.ui import dialogs
from assessor.ui.dialogs import PdfOptions, QuestionnaireOptions
from assessor.ui.dialogs import ask_questionnaire_options as real_ask_questionnaire_options
from assessor.ui.document_language import language_choice
from assessor.ui.main_window import MainWindow


def _trigger(win: MainWindow, name: str) -> None:
    action = win.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    action.trigger()


def _french_party(win: MainWindow) -> None:
    with win.db.transaction() as s:  # as a French factsheet's import records it
        s.scalars(select(Factsheet)).one().language = "fr"


def test_the_choice_names_each_language_in_itself(qtbot) -> None:  # type: ignore[no-untyped-def]
    combo = language_choice("fr")
    qtbot.addWidget(combo)
    assert [combo.itemText(i) for i in range(combo.count())] == ["English", "Français"]
    assert combo.currentData() == "fr"
    assert language_choice("").currentData() == "en"


def test_the_questionnaire_dialog_starts_at_the_given_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def answer() -> None:
        # The one shown: an earlier test's dialog may still be alive, hidden.
        shown = QApplication.topLevelWidgets()
        dialog = next(w for w in shown if isinstance(w, QDialog) and w.isVisible())
        combos = dialog.findChildren(QComboBox)
        language = next(c for c in combos if c.findData("fr") >= 0)
        seen.append(str(language.currentData()))
        language.setCurrentIndex(language.findData("en"))
        dialog.accept()

    QTimer.singleShot(0, answer)
    # The real dialog (the tests' autouse fixture replaces the one the window calls).
    options = real_ask_questionnaire_options(None, "Albania", "fr")
    assert seen == ["fr"]
    assert options is not None and options.lang == "en"


def test_a_french_partys_documents_are_offered_in_french(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _french_party(window)
    offered: list[str] = []

    def questionnaire(_parent: object, party: str, lang: str = "") -> QuestionnaireOptions:
        offered.append(lang)
        return QuestionnaireOptions("compliance", lang=lang)

    monkeypatch.setattr(dialogs, "ask_questionnaire_options", questionnaire)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(tmp_path / "q.xlsx"))
    _trigger(window, "export_questionnaire")
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=15000)
    assert offered == ["fr"]
    assert openpyxl.load_workbook(tmp_path / "q.xlsx")["Questionnaire"]["C1"].value == "Chapitre"

    pdf_offered: list[str] = []

    def pdf(_parent: object, _title: str, _party: str, last: PdfOptions) -> PdfOptions:
        pdf_offered.append(last.lang)
        return PdfOptions("compliance", lang="en")  # the user chose English instead

    monkeypatch.setattr(dialogs, "ask_pdf_options", pdf)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(tmp_path / "s.pdf"))
    _trigger(window, "export_pdf")
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30000)
    assert pdf_offered == ["fr"]
    from pypdf import PdfReader

    assert "Contents" in PdfReader(tmp_path / "s.pdf").pages[1].extract_text()

    workbook: list[str] = []

    def language(_parent: object, _title: str, _party: str, lang: str) -> str:
        workbook.append(lang)
        return lang

    monkeypatch.setattr(dialogs, "ask_document_language", language)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(tmp_path / "a.xlsx"))
    _trigger(window, "export_assessment")
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=15000)
    assert workbook == ["fr"]
    assert openpyxl.load_workbook(tmp_path / "a.xlsx").sheetnames[0] == "Évaluation"
