"""File → Restore from backup…, and the questions asked when a database cannot simply open.

Small functions the window calls (and tests replace): ``choose_backup`` shows the list,
``ask_recover`` offers the newest backup for a damaged database, ``ask_read_only`` offers a
read-only look at a database another Assessor has open, ``ask_passphrase`` asks for the
passphrase of an encrypted one. They only ask; the window runs the services
(``assessor.services.backups``) through its op runner.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from assessor.services.backups import BackupInfo
from assessor.services.opening import DatabaseDamaged, DatabaseLocked


def explanation(location: str) -> str:
    """What a restore does, said above the list of backups."""
    return QCoreApplication.translate(
        "RestoreBackupDialog",
        "Restoring replaces everything in {location} with the chosen backup. What is there "
        "now is backed up first, so a restore can itself be undone by restoring that backup.",
    ).format(location=location)


class RestoreBackupDialog(QDialog):
    """The backups of a database, newest first; ``chosen_id()`` is the one to restore."""

    def __init__(
        self, backups: Sequence[BackupInfo], location: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(620, 380)  # room for "date, reason (size)" lines without a scroll bar
        layout = QVBoxLayout(self)
        text = QLabel(explanation(location) if backups else "")
        text.setWordWrap(True)
        layout.addWidget(text)
        self.list = QListWidget(self)
        for b in backups:
            item = QListWidgetItem(b.describe())
            item.setData(Qt.ItemDataRole.UserRole, b.id)
            item.setToolTip(str(b.path))
            self.list.addItem(item)
        if not backups:
            text.setText(
                self.tr("There are no backups of {location} yet.").format(location=location)
            )
        layout.addWidget(self.list)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel, Qt.Orientation.Horizontal, self
        )
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.currentRowChanged.connect(self._update)
        layout.addWidget(self.buttons)
        if backups:
            self.list.setCurrentRow(0)
        self._update()

    def _update(self) -> None:
        self.restore_button.setEnabled(self.list.currentItem() is not None)

    def chosen_id(self) -> str | None:
        """The id of the selected backup, or None."""
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))


def choose_backup(
    parent: QWidget | None, backups: Sequence[BackupInfo], location: str
) -> str | None:
    """Let the user pick a backup to restore; None if cancelled."""
    dialog = RestoreBackupDialog(backups, location, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen_id()


def ask_recover(parent: QWidget | None, error: DatabaseDamaged) -> bool:
    """Tell the user the database is damaged; True to restore the newest backup."""
    if error.newest_backup is None:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("backup_dialog", "The database is damaged"),
            str(error),
        )
        return False
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("backup_dialog", "The database is damaged"),
        QCoreApplication.translate(
            "backup_dialog", "{error}\n\nRestore the newest backup now?"
        ).format(error=error),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_read_only(parent: QWidget | None, error: DatabaseLocked) -> bool:
    """Tell the user who has the database; True to open it read-only anyway."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("backup_dialog", "The database is in use"),
        QCoreApplication.translate(
            "backup_dialog",
            "{error}\n\nOpen it read-only? You will see it but cannot change anything.",
        ).format(error=error),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_passphrase(parent: QWidget | None, location: str, *, wrong: bool = False) -> str | None:
    """Ask for the passphrase of an encrypted database; None if cancelled."""
    if wrong:
        prompt = QCoreApplication.translate(
            "backup_dialog", "That passphrase is wrong. Passphrase of {location}:"
        )
    else:
        prompt = QCoreApplication.translate("backup_dialog", "Passphrase of {location}:")
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("backup_dialog", "Encrypted database"),
        prompt.format(location=location),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None
