"""Every modal dialog the window opens, as small functions that tests replace.

Tests monkeypatch these (DESIGN.md: never real native dialogs in tests); the window calls them
only through this module's namespace (``dialogs.ask_…``) so that a patch takes effect.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

DATABASE_FILTER = "Assessor databases (*.sqlite *.db);;All files (*)"
IMPORT_FILTER = "Factsheets and recommendations (*.md *.txt *.xlsx);;All files (*)"


def ask_open_database(parent: QWidget | None) -> str | None:
    """Ask for an existing database file; None if cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, "Open database", "", DATABASE_FILTER)
    return path or None


def ask_new_database(parent: QWidget | None) -> str | None:
    """Ask where to create a new database; None if cancelled."""
    path, _ = QFileDialog.getSaveFileName(
        parent, "New database", "assessor.sqlite", DATABASE_FILTER
    )
    return path or None


def ask_import_files(parent: QWidget | None) -> list[str]:
    """Ask for the files to import; empty if cancelled."""
    paths, _ = QFileDialog.getOpenFileNames(parent, "Import", "", IMPORT_FILTER)
    return list(paths)


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    """Ask where to save a file; None if cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """Tell the user an action could not be done."""
    QMessageBox.warning(parent, title, message)


def show_info(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    """Tell the user what an action did; long details go behind "Show Details…"."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok, parent
    )
    if details:
        box.setDetailedText(details)
    box.exec()


def confirm(parent: QWidget | None, title: str, message: str) -> bool:
    """Ask a yes/no question; the safe answer (No) is the default."""
    answer = QMessageBox.question(
        parent,
        title,
        message,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def edit_text(parent: QWidget | None, title: str, label: str, text: str) -> str | None:
    """Edit a longer text in a dialog; None if cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    caption = QLabel(label)
    caption.setWordWrap(True)
    editor = QPlainTextEdit(text)
    editor.setAccessibleName(title)
    caption.setBuddy(editor)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(caption)
    layout.addWidget(editor)
    layout.addWidget(buttons)
    dialog.resize(640, 420)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return editor.toPlainText()


def show_lines(parent: QWidget | None, title: str, intro: str, lines: Sequence[str]) -> None:
    """Show a list of lines (an import's warnings) in a scrollable, copyable box."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    caption = QLabel(intro)
    caption.setWordWrap(True)
    view = QPlainTextEdit("\n".join(lines))
    view.setReadOnly(True)
    view.setAccessibleName(title)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(caption)
    layout.addWidget(view)
    layout.addWidget(buttons)
    dialog.resize(720, 420)
    dialog.exec()
