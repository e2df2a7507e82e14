"""Every modal dialog the window opens, as small functions that tests replace.

Tests monkeypatch these (DESIGN.md: never real native dialogs in tests); the window calls them
only through this module's namespace (``dialogs.ask_…``) so that a patch takes effect.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

# The export options dialogs live in export_dialogs.py; named here too, where the window calls
# and tests replace them (``dialogs.ask_pdf_options``…).
from assessor.ui.export_dialogs import (  # noqa: F401
    PdfOptions,
    QuestionnaireOptions,
    ask_document_language,
    ask_pdf_options,
    ask_questionnaire_options,
)

# The file dialogs live in file_dialogs.py; named here too, where the window calls and tests
# replace them (``dialogs.ask_save_path``…).
from assessor.ui.file_dialogs import (  # noqa: F401
    DATABASE_FILTER,
    IMPORT_FILTER,
    LAST_FOLDER_KEY,
    MERGE_FILTER,
    PACKAGE_FILTER,
    PDF_FILTER,
    QUESTIONNAIRE_FILTER,
    XLSX_FILTER,
    _folder,
    _in_folder,
    _remember,
    ask_import_files,
    ask_merge_file,
    ask_new_database,
    ask_open_database,
    ask_questionnaire_file,
    ask_save_path,
    file_stem,
    with_suffix,
)
from assessor.ui.form_dialog import form_dialog as _form_dialog

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from assessor.ui.follow_up_edit import Correction
    from assessor.ui.undo import StateFields


@dataclass(frozen=True)
class SendOptions:
    """What File → Send assessment… asks: one Party (None: all) and whether to seal it."""

    party: str | None
    protect: bool


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


def ask_follow_up_correction(
    parent: QWidget | None, title: str, text: str, state: StateFields
) -> Correction | None:
    """Correct a follow-up's text and the State's status and references; None if cancelled."""
    from assessor.ui.follow_up_edit import ask_correction

    return ask_correction(parent, title, text, state)


def ask_code(parent: QWidget | None) -> str | None:
    """Ask for a recommendation's code as people type it ("iv-5"); None if cancelled."""
    text, ok = QInputDialog.getText(
        parent,
        translate("dialogs", "Go to code"),
        translate("dialogs", "Code of the recommendation (for example IV-5 or iv 5):"),
    )
    return text if ok and text.strip() else None


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


def ask_party(
    parent: QWidget | None, title: str, message: str, parties: Sequence[str]
) -> str | None:
    """Ask which Party something is for, from a short list; None if cancelled."""
    party, ok = QInputDialog.getItem(parent, title, message, list(parties), 0, False)
    return str(party) if ok and party else None


def ask_new_passphrase(parent: QWidget | None, location: str) -> str | None:
    """Ask twice for the passphrase of a new encrypted database; None if cancelled."""
    warning = translate(
        "dialogs",
        "Choose the passphrase that will encrypt {location}. It is never stored: without it "
        "nobody, you included, can open the database or its backups.",
    ).format(location=location)
    return _ask_twice(parent, translate("dialogs", "New encrypted database"), warning)


def _ask_twice(parent: QWidget | None, title: str, warning: str) -> str | None:
    """A new passphrase, typed twice until both agree; None if cancelled."""
    intro = warning
    while True:
        dialog, form = _form_dialog(parent, title, intro)
        first, again = QLineEdit(), QLineEdit()
        for edit in (first, again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(translate("dialogs", "&Passphrase:"), first)
        form.addRow(translate("dialogs", "The &same again:"), again)
        first.setFocus()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if first.text() and first.text() == again.text():
            return first.text()
        intro = (
            translate("dialogs", "The two passphrases were empty or differ; type them again.")
            + "\n\n"
            + warning
        )


def _name_intro() -> str:
    """What the Preferences say of the assessor's name."""
    return translate(
        "dialogs",
        "Your name is recorded with every change you make (the history) and printed on the "
        "cover of the PDF summary. Left empty, your login name is used.",
    )


@dataclass(frozen=True)
class Preferences:
    """What Edit → Preferences… sets: the assessor's name and the window's language."""

    name: str
    #: "en", "fr", or "" to follow the system's language.
    language: str


def ask_preferences(parent: QWidget | None, current: Preferences) -> Preferences | None:
    """Edit the name and the language (Edit → Preferences…); None if cancelled."""
    from assessor.i18n import LANGUAGE_NAMES, LANGUAGES

    dialog, form = _form_dialog(parent, translate("dialogs", "Preferences"), _name_intro())
    name = QLineEdit(current.name)
    name.setAccessibleName(translate("dialogs", "Assessor's name"))
    form.addRow(translate("dialogs", "Your &name:"), name)
    language = QComboBox()
    language.setAccessibleName(translate("dialogs", "Language of the window"))
    language.addItem(translate("dialogs", "The system's language"), "")
    for lang in LANGUAGES:
        language.addItem(LANGUAGE_NAMES[lang], lang)
    language.setCurrentIndex(max(0, language.findData(current.language)))
    form.addRow(translate("dialogs", "&Language:"), language)
    note = QLabel(translate("dialogs", "A new language is used from the next start."))
    note.setWordWrap(True)
    form.addRow("", note)
    name.setFocus()
    name.selectAll()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return Preferences(name.text().strip(), str(language.currentData() or ""))


def ask_assessor_name(parent: QWidget | None, current: str) -> str | None:
    """Edit the assessor's name (Edit → Preferences…); None if cancelled."""
    dialog, form = _form_dialog(
        parent,
        translate("dialogs", "Preferences"),
        _name_intro(),
    )
    name = QLineEdit(current)
    name.setAccessibleName(translate("dialogs", "Assessor's name"))
    form.addRow(translate("dialogs", "Your &name:"), name)
    name.setFocus()
    name.selectAll()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return name.text().strip()


def ask_send_options(
    parent: QWidget | None, parties: Sequence[str], current: str | None, must_protect: bool
) -> SendOptions | None:
    """Ask which Party to send (or all) and whether to protect it; None if cancelled."""
    dialog, form = _form_dialog(
        parent,
        translate("dialogs", "Send assessment"),
        translate(
            "dialogs",
            "One file holding your ratings, comments, follow-ups and themed recommendations, "
            "for a colleague to merge into their own database (File → Merge a colleague's "
            "assessment…).",
        ),
    )
    which = QComboBox()
    for party in parties:
        which.addItem(party, party)
    which.addItem(translate("dialogs", "All Parties"), None)
    which.setCurrentIndex(max(0, which.findData(current)) if current in parties else 0)
    protect = QCheckBox(translate("dialogs", "&Protect with a passphrase"))
    protect.setChecked(must_protect)
    protect.setEnabled(not must_protect)
    if must_protect:
        protect.setToolTip(
            translate("dialogs", "Always: this database is encrypted, so what leaves it is too.")
        )
    form.addRow(translate("dialogs", "&Assessment of:"), which)
    form.addRow("", protect)
    which.setFocus()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    party = which.currentData()
    return SendOptions(str(party) if party else None, protect.isChecked())


def ask_package_passphrase(
    parent: QWidget | None, name: str, *, new: bool, wrong: bool = False
) -> str | None:
    """A package's passphrase: a new one asked twice, else the sender's once; None if cancelled."""
    if not new:
        if wrong:
            prompt = translate("dialogs", "That passphrase does not open it. Passphrase of {name}:")
        else:
            prompt = translate("dialogs", "Passphrase of {name}:")
        text, ok = QInputDialog.getText(
            parent,
            translate("dialogs", "Protected assessment"),
            prompt.format(name=name),
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None
    warning = translate(
        "dialogs",
        "Choose the passphrase that protects {name}. It is never stored: tell it to your "
        "colleague another way than the file (by telephone, say).",
    ).format(name=name)
    return _ask_twice(parent, translate("dialogs", "Protect with a passphrase"), warning)
