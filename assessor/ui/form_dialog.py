"""The frame of the window's small option dialogs: a caption, a form, OK and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget


def form_dialog(parent: QWidget | None, title: str, intro: str) -> tuple[QDialog, QFormLayout]:
    """A dialog titled ``title`` saying ``intro``, with an empty form above OK and Cancel."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    caption = QLabel(intro)
    caption.setWordWrap(True)
    layout.addWidget(caption)
    form = QFormLayout()
    layout.addLayout(form)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.setMinimumWidth(520)
    return dialog, form
