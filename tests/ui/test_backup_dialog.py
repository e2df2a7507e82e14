"""The Restore from backup dialog: lists backups newest first and returns the chosen id."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from assessor.db.engine import Database
from assessor.services import assessments as svc
from assessor.services import backups
from assessor.ui import backup_dialog
from assessor.ui.backup_dialog import RestoreBackupDialog

#: The real function (the autouse fixture replaces the module's for the window's tests).
CHOOSE_BACKUP = backup_dialog.choose_backup


def test_lists_backups_and_returns_the_chosen_id(qtbot: QtBot, real_db: Database) -> None:
    first = backups.backup_now(real_db)
    second = backups.backup_now(real_db)
    dialog = RestoreBackupDialog(backups.list_backups(real_db), real_db.location)
    qtbot.addWidget(dialog)
    assert dialog.list.count() >= 2
    assert dialog.chosen_id() == second.id  # the newest is preselected
    assert dialog.restore_button.isEnabled()
    ids = [dialog.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.list.count())]
    dialog.list.setCurrentRow(ids.index(first.id))
    assert dialog.chosen_id() == first.id


def test_without_backups_nothing_can_be_restored(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = RestoreBackupDialog([], str(tmp_path / "x.sqlite"))
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled() and dialog.chosen_id() is None


def test_choose_then_restore(
    qtbot: QtBot, real_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = backups.backup_now(real_db)
    with real_db.reading() as s:
        rid = svc.find_by_code(s, "II-6").id
    svc.set_comment(real_db, rid, "written after the backup")

    def pick(dialog: QDialog) -> int:
        assert isinstance(dialog, RestoreBackupDialog)
        dialog.list.setCurrentRow(0)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(RestoreBackupDialog, "exec", pick)
    chosen = CHOOSE_BACKUP(None, backups.list_backups(real_db), real_db.location)
    assert chosen == kept.id
    backups.restore_backup(real_db, chosen)
    assert svc.set_comment(real_db, rid, "written after the backup")  # it was undone
