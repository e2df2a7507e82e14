"""Edit → Correct follow-up…: the text the import got wrong, and the State's status and references.

The dialog is reached through ``dialogs.ask_follow_up_correction`` (tests replace it); the
correction is one undo step (``undo.EditFollowUp``); the version corrected stays in the history.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from assessor.exporters.questionnaire import STATE_STATUSES
from assessor.ui.undo import EditFollowUp, StateFields

if TYPE_CHECKING:
    from assessor.ui.workbench import Workbench


@dataclass(frozen=True)
class Correction:
    """What the rapporteur corrected: the follow-up's text, the State's status and references."""

    text: str
    state: StateFields


class FollowUpCorrectionDialog(QDialog):
    """The follow-up's text, and the State's own status and references, to correct."""

    def __init__(self, parent: QWidget | None, title: str, text: str, state: StateFields) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        caption = QLabel(
            self.tr(
                "Correct what the import got wrong: the text, or the State's own status and "
                "references. The current version stays in the history."
            )
        )
        caption.setWordWrap(True)
        self.editor = QPlainTextEdit(text)
        self.editor.setAccessibleName(self.tr("Follow-up text"))
        caption.setBuddy(self.editor)
        self.status = QComboBox()
        self.status.setEditable(True)  # a factsheet or an older questionnaire may say otherwise
        self.status.addItem("")
        self.status.addItems(list(STATE_STATUSES))
        self.status.setCurrentText(state.status or "")
        self.status.setAccessibleName(self.tr("State's status"))
        self.references = QLineEdit(state.references or "")
        self.references.setAccessibleName(self.tr("References"))
        self.references.setPlaceholderText(self.tr("Laws, decrees, documents the State cites"))
        form = QFormLayout()
        form.addRow(self.tr("State's &status:"), self.status)
        form.addRow(self.tr("&References:"), self.references)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(caption)
        layout.addWidget(self.editor, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(640, 460)

    def correction(self) -> Correction:
        """What the fields hold now (empty status or references: none)."""
        status = self.status.currentText().strip() or None
        references = self.references.text().strip() or None
        return Correction(self.editor.toPlainText(), StateFields(status, references))


def ask_correction(
    parent: QWidget | None, title: str, text: str, state: StateFields
) -> Correction | None:
    """Ask for the corrected follow-up; None if cancelled."""
    dialog = FollowUpCorrectionDialog(parent, title, text, state)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.correction()


def correct(wb: Workbench) -> None:
    """Correct the shown follow-up in the dialog (an undoable step; the history keeps both)."""
    from assessor.ui import dialogs  # it names this module's dialog, for tests to replace

    detail = wb.detail
    if detail is None or wb.read_only:
        return
    current = detail.follow_up
    old = current.text if current else ""
    old_state = StateFields(
        current.state_status if current else None, current.references if current else None
    )
    label = ", ".join(detail.codes)
    asked = dialogs.ask_follow_up_correction(
        wb,
        QCoreApplication.translate("FollowUpCorrection", "Correct the follow-up of {codes}").format(
            codes=label
        ),
        old,
        old_state,
    )
    if asked is None:
        return
    if (asked.text.strip(), asked.state) == (old.strip(), old_state):
        return
    wb.stack.push(EditFollowUp(wb.ctx, detail.id, old, asked.text, label, old_state, asked.state))
