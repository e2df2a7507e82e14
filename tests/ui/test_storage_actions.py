"""Backups from the window (timer, Back up now, Restore), Preferences, New encrypted database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction

from assessor.db import backup, crypto
from assessor.db.engine import Database
from assessor.services import backups, browsing
from assessor.settings import load_settings
from assessor.ui import backup_dialog, dialogs, storage_actions
from assessor.ui.app import Launcher
from assessor.ui.main_window import MainWindow
from assessor.ui.tree_model import ROLE_RATING


def _rate(qtbot, win: MainWindow, code: str, key: Qt.Key) -> int:  # type: ignore[no-untyped-def]
    fid = win.workbench.model.factsheet_ids()[0]
    rec_id = browsing.recommendation_for_code(win.db, fid, code)
    assert rec_id is not None and win.workbench.select_recommendation(rec_id, fid)
    win.workbench.tree.setFocus()
    qtbot.keyClick(win.workbench.tree, key)
    return rec_id


def _trigger(qtbot, win: MainWindow, name: str) -> None:  # type: ignore[no-untyped-def]
    action = win.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    action.trigger()
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=15000)


def test_backup_timer_and_backup_now(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.backup_timer.isActive()
    assert window.backup_timer.interval() == 30 * 60 * 1000
    before = len(backups.list_backups(window.db))
    _trigger(qtbot, window, "backup_now")
    made = backups.list_backups(window.db)
    assert len(made) == before + 1 and made[0].reason == "manual"
    assert made[0].id in window.statusBar().currentMessage()

    # The timer's work: nothing changed since, so no new backup; after a rating, one.
    storage_actions.periodic_backup(window)
    qtbot.waitUntil(lambda: not window.runner._quiet, timeout=10000)
    assert len(backups.list_backups(window.db)) == before + 1
    _rate(qtbot, window, "II-6", Qt.Key.Key_1)
    storage_actions.periodic_backup(window)
    qtbot.waitUntil(lambda: not window.runner._quiet, timeout=10000)
    newest = backups.list_backups(window.db)[0]
    assert newest.reason == "periodic" and "Backed up" in window.statusBar().currentMessage()


def test_restore_from_backup_reloads_the_views(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rec_id = _rate(qtbot, window, "II-6", Qt.Key.Key_2)  # partly
    kept = backups.backup_now(window.db)
    _rate(qtbot, window, "II-6", Qt.Key.Key_3)  # not implemented, after the backup
    window.workbench.assessment.comment.setPlainText("typed after the backup")
    offered: list[list[str]] = []

    def choose(_parent, items, location):  # type: ignore[no-untyped-def]
        offered.append([b.id for b in items])
        assert location == window.db.location
        return kept.id

    told: list[str] = []
    monkeypatch.setattr(backup_dialog, "choose_backup", choose)
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, message, *a: told.append(message))
    _trigger(qtbot, window, "restore_backup")
    assert kept.id in offered[0]
    assert told and f"Restored backup {kept.id}" in told[0]
    # Everything shows the restored state: the tree, the panes, and no stale undo step.
    wb = window.workbench
    assert wb.model.index_of_recommendation(rec_id).data(ROLE_RATING) == "partly"
    assert wb.detail is not None and wb.detail.id == rec_id
    assert wb.assessment.rating.buttons["partly"].isChecked()
    assert wb.assessment.comment.toPlainText() == ""
    assert not window.stack.canUndo()
    # The state before the restore was itself backed up (and holds the typed comment).
    assert backups.list_backups(window.db)[0].reason == "before-restore"


def test_preferences_set_the_name_recorded_in_the_history(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dialogs, "ask_assessor_name", lambda _p, current: "Maria Rossi")
    _trigger(qtbot, window, "preferences")
    assert load_settings().assessor_name == "Maria Rossi"
    rec_id = _rate(qtbot, window, "II-6", Qt.Key.Key_1)
    assert [e.by for e in browsing.history(window.db, rec_id)] == ["Maria Rossi"]


def test_new_encrypted_database(qtbot, tmp_path: Path, settings: QSettings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    if crypto.unavailable_reason() is not None:
        pytest.skip("SQLCipher is not installed")
    launcher = Launcher(settings)
    assert launcher.open(tmp_path / "plain.sqlite")
    assert launcher.window is not None
    qtbot.addWidget(launcher.window)
    target = tmp_path / "secret.sqlite"
    monkeypatch.setattr(dialogs, "ask_new_database", lambda *a: str(target))
    monkeypatch.setattr(dialogs, "ask_new_passphrase", lambda *a: "correct horse")
    _trigger(qtbot, launcher.window, "new_encrypted")
    assert launcher.db is not None and launcher.db.encrypted
    qtbot.addWidget(launcher.window)
    assert "secret.sqlite" in launcher.window.windowTitle()
    launcher.window.close()
    launcher.close()
    assert not target.read_bytes().startswith(b"SQLite format 3")


def test_new_encrypted_is_disabled_without_the_driver(
    qtbot, real_db: Database, settings: QSettings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(crypto, "unavailable_reason", lambda: "SQLCipher is not installed.")
    win = MainWindow(real_db, settings)
    qtbot.addWidget(win)
    action = win.findChild(QAction, "new_encrypted")
    assert action is not None and not action.isEnabled()
    assert action.toolTip() == "SQLCipher is not installed."


def test_encrypt_the_open_database_then_remove_the_encryption(
    qtbot, template_db: Path, tmp_path: Path, settings: QSettings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    if crypto.unavailable_reason() is not None:
        pytest.skip("SQLCipher is not installed")
    path = tmp_path / "work.sqlite"
    path.write_bytes(template_db.read_bytes())
    told: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, message, *a: told.append(message))
    monkeypatch.setattr(dialogs, "ask_new_passphrase", lambda *a: "correct horse")
    launcher = Launcher(settings)
    assert launcher.open(path)
    first = launcher.window
    assert first is not None
    fid = first.workbench.model.factsheet_ids()[0]
    rec_id = browsing.recommendation_for_code(first.db, fid, "II-6")
    assert rec_id is not None and first.workbench.select_recommendation(rec_id, fid)
    first.workbench.filters.verb.setCurrentIndex(first.workbench.filters.verb.findData("request"))
    qtbot.keyClicks(first.workbench.assessment.comment, "Typed just before encrypting")
    assert first.workbench.assessment.has_pending_comment  # not saved yet

    _trigger(qtbot, first, "change_encryption")
    qtbot.waitUntil(lambda: launcher.window is not first and bool(told), timeout=60000)
    assert launcher.db is not None and launcher.db.encrypted
    assert "earlier backup" in told[-1] or "Encrypted" in told[-1]
    assert not path.read_bytes().startswith(b"SQLite format 3")
    folder = backup.backup_dir(path)
    assert not [
        f for f in folder.rglob("*") if f.is_file() and f.read_bytes()[:15] == b"SQLite format 3"
    ]
    second = launcher.window
    # (Neither window goes to qtbot.addWidget: the launcher deletes each when it is replaced.)
    assert second is not None and first.replaced_by is second
    detail = browsing.detail(launcher.db, rec_id)
    assert detail is not None and detail.assessment.comment == "Typed just before encrypting"
    assert second.workbench.filters.state().verb == "request"  # the view as it was left
    assert second.workbench.detail is not None and second.workbench.detail.id == rec_id
    action = second.findChild(QAction, "change_encryption")
    assert action is not None and action.text().startswith("Remove")

    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    _trigger(qtbot, second, "change_encryption")
    qtbot.waitUntil(lambda: launcher.window is not second and len(told) == 2, timeout=60000)
    assert launcher.db is not None and not launcher.db.encrypted
    assert path.read_bytes().startswith(b"SQLite format 3")
    qtbot.addWidget(launcher.window)
    launcher.window.close()  # type: ignore[union-attr]
    launcher.close()


def test_a_failed_conversion_is_shown_by_the_runner_and_the_database_opens_again(
    qtbot, template_db: Path, tmp_path: Path, settings: QSettings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """change_encryption no longer turns the failure into a return value: the runner says why."""
    monkeypatch.setattr(storage_actions.opening, "encryption_unavailable_reason", lambda: None)
    path = tmp_path / "work.sqlite"
    path.write_bytes(template_db.read_bytes())
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, t, m, *a: errors.append((t, m)))
    monkeypatch.setattr(dialogs, "ask_new_passphrase", lambda *a: "correct horse")

    def fail(*_a: object, **_k: object) -> None:
        raise OSError("No space left on the device")

    monkeypatch.setattr(backups, "change_encryption", fail)
    launcher = Launcher(settings)
    assert launcher.open(path)
    first = launcher.window
    assert first is not None
    _trigger(qtbot, first, "change_encryption")
    qtbot.waitUntil(lambda: launcher.window is not first, timeout=30000)
    assert errors == [("Encrypt this database", "No space left on the device")]
    assert launcher.db is not None and not launcher.db.encrypted
    assert path.read_bytes().startswith(b"SQLite format 3")
    qtbot.addWidget(launcher.window)
    launcher.window.close()  # type: ignore[union-attr]
    launcher.close()
