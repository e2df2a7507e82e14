"""The file dialogs: where they start (the last folder used), what they filter, the names.

``dialogs`` names every one of these too: the window calls them as ``dialogs.ask_…`` so that
tests replace them there.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from assessor.ui.translation import QT_TRANSLATE_NOOP
from assessor.ui.window_settings import shared as settings_store

# In English here, marked for translation; each dialog shows them in the window's language.
DATABASE_FILTER = QT_TRANSLATE_NOOP(
    "file_dialogs", "Assessor databases (*.sqlite *.db);;All files (*)"
)
IMPORT_FILTER = QT_TRANSLATE_NOOP(
    "file_dialogs",
    "Factsheets (*.pdf *.docx *.md *.txt);;Excel questionnaires (*.xlsx *.xlsm);;All files (*)",
)
QUESTIONNAIRE_FILTER = QT_TRANSLATE_NOOP(
    "file_dialogs", "Excel questionnaires (*.xlsx);;All files (*)"
)
XLSX_FILTER = QT_TRANSLATE_NOOP("file_dialogs", "Excel workbooks (*.xlsx)")
PDF_FILTER = QT_TRANSLATE_NOOP("file_dialogs", "PDF documents (*.pdf)")
PACKAGE_FILTER = QT_TRANSLATE_NOOP("file_dialogs", "Assessment packages (*.assessor)")
MERGE_FILTER = QT_TRANSLATE_NOOP(
    "file_dialogs",
    "Assessments (*.assessor *.sqlite *.db);;Assessment packages (*.assessor);;"
    "Assessor databases (*.sqlite *.db);;All files (*)",
)


def _tr(text: str) -> str:
    """A title or filter of this module in the window's language."""
    return QCoreApplication.translate("file_dialogs", text)


LAST_FOLDER_KEY = "dialogs/last_folder"


def _folder() -> str:
    """Where file dialogs start: the last folder used, else Documents (never the program's)."""
    saved = settings_store().value(LAST_FOLDER_KEY, "", str)
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return saved
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    # A folder that does not exist would make the dialog fall back to the program's own.
    return documents if documents and Path(documents).is_dir() else QDir.homePath()


def _remember(path: str) -> str | None:
    if path:
        settings_store().setValue(LAST_FOLDER_KEY, str(Path(path).parent))
    return path or None


def _in_folder(name: str) -> str:
    return str(Path(_folder()) / name) if _folder() else name


def ask_open_database(parent: QWidget | None) -> str | None:
    """Ask for an existing database file; None if cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("file_dialogs", "Open database"),
        _folder(),
        _tr(DATABASE_FILTER),
    )
    return _remember(path)


def ask_new_database(parent: QWidget | None) -> str | None:
    """Ask where to create a new database; None if cancelled."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("file_dialogs", "New database"),
        _in_folder("assessor.sqlite"),
        _tr(DATABASE_FILTER),
    )
    return _remember(path)


def ask_import_files(parent: QWidget | None) -> list[str]:
    """Ask for the files to import; empty if cancelled."""
    paths, _ = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("file_dialogs", "Import"), _folder(), _tr(IMPORT_FILTER)
    )
    if paths:
        _remember(paths[0])
    return list(paths)


def file_stem(text: str) -> str:
    """A Party or title as part of a file name: "Albania (2nd round)" → "albania-2nd-round"."""
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-") or "party"


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    """Ask where to save a file (a bare name goes to the last folder used); None if cancelled."""
    if suggested and "/" not in suggested and "\\" not in suggested:
        suggested = _in_folder(suggested)
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, _tr(filters))
    return _remember(path)


def with_suffix(path: str, suffix: str) -> str:
    """A chosen file name with its kind's ending: without it the system would not know which
    program opens the file ("summary" → "summary.pdf")."""
    return path if path.lower().endswith(suffix) else path + suffix


def ask_questionnaire_file(parent: QWidget | None) -> str | None:
    """Ask for a filled-in questionnaire to import; None if cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("file_dialogs", "Import questionnaire"),
        _folder(),
        _tr(QUESTIONNAIRE_FILTER),
    )
    return _remember(path)


def ask_merge_file(parent: QWidget | None) -> str | None:
    """Ask for a colleague's package or database file to merge; None if cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("file_dialogs", "Merge a colleague's assessment"),
        _folder(),
        _tr(MERGE_FILTER),
    )
    return _remember(path)
