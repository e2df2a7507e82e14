"""Keeping the work safe from the window: backups (timed and on demand), restore, encryption,
and the assessor's name recorded in the history.

Functions over the main window; the services are ``assessor.services.backups``, the questions
``backup_dialog`` and ``dialogs`` functions (which tests replace).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from assessor.services import backups, opening
from assessor.services.backups import BackupInfo, Restored
from assessor.services.cancel import Cancel
from assessor.settings import assessor_name, load_settings, save_settings
from assessor.ui import backup_dialog, dialogs
from assessor.ui.ops import describe_error

if TYPE_CHECKING:
    from assessor.ui.window_api import WindowApi

#: How often the window backs up a database that changed (issue 6: every 30 minutes).
BACKUP_INTERVAL_MS = 30 * 60 * 1000


def can_back_up(win: WindowApi) -> bool:
    """Whether this window may make and restore backups (a writable database file)."""
    return win.db.path is not None and not win.db.read_only


def periodic_backup(win: WindowApi) -> None:
    """The 30-minute timer: a verified backup if anything changed, quietly, off the GUI thread."""
    if not can_back_up(win):
        return
    win.workbench.assessment.flush()  # what is typed belongs in the backup
    win.themes.flush()

    def done(info: BackupInfo | None) -> None:
        if info is not None:
            win.statusBar().showMessage(f"Backed up ({info.describe()}).", 5000)

    def failed(exc: BaseException) -> None:
        # Not a modal dialog every half hour; the status bar says it, the next tick retries.
        win.statusBar().showMessage(f"The automatic backup failed: {describe_error(exc)}", 0)

    win.runner.run_quietly(lambda: backups.backup_if_changed(win.db), done, failed)


def backup_now(win: WindowApi) -> None:
    """File → Back up now: a verified backup, whether or not anything changed."""
    win.workbench.assessment.flush()
    win.themes.flush()

    def job(cancel: Cancel) -> BackupInfo:
        cancel.check()
        return backups.backup_now(win.db, cancel=cancel)

    win.runner.run_in_background(
        "Back up now",
        "Making a verified backup…",
        job,
        lambda info: win.statusBar().showMessage(
            f"Backup {info.id} made and verified ({info.path.parent}).", 10000
        ),
    )


def restore(win: WindowApi) -> None:
    """File → Restore from backup…: choose one; what is there now is backed up first."""
    win.workbench.assessment.flush()
    win.themes.flush()
    chosen = backup_dialog.choose_backup(
        win.parent_widget(), backups.list_backups(win.db), win.db.location
    )
    if chosen is None:
        return

    def job(cancel: Cancel) -> Restored:
        cancel.check()
        return backups.restore_backup(win.db, chosen, cancel)

    def done(restored: Restored) -> None:
        # The op runner has emitted the change set (every factsheet): the views are reloaded.
        win.stack.clear()  # the undo steps point at rows the restore replaced
        dialogs.show_info(win.parent_widget(), "Restored from backup", restored.message())

    win.runner.run_in_background("Restore from backup", "Restoring the backup…", job, done)


def new_encrypted_database(win: WindowApi) -> None:
    """File → New encrypted database…: a new file encrypted with a passphrase never stored."""
    reason = opening.encryption_unavailable_reason()
    if reason is not None:
        dialogs.show_error(win.parent_widget(), "New encrypted database", reason)
        return
    path = dialogs.ask_new_database(win.parent_widget())
    if not path:
        return
    if Path(path).exists():
        # The file dialog may have confirmed "replace"; a database is never overwritten.
        dialogs.show_error(
            win.parent_widget(),
            "New encrypted database",
            f"There is already a file at {path}. Choose a new name; to encrypt an existing "
            "database, open it and choose File → Encrypt this database….",
        )
        return
    passphrase = dialogs.ask_new_passphrase(win.parent_widget(), path)
    if passphrase is not None:
        win.switch_to(path, passphrase)


def change_encryption(win: WindowApi) -> None:
    """File → Encrypt this database… / Remove encryption…: convert it and its backups.

    The window lets go of the database (what is typed is saved first), the conversion runs off
    the GUI thread, and the database is opened again, converted or, if it failed, as it was.
    """
    title = "Remove encryption" if win.db.encrypted else "Encrypt this database"
    reason = opening.encryption_unavailable_reason()
    path = win.db.path
    if reason is not None or path is None or win.db.read_only:
        dialogs.show_error(
            win.parent_widget(), title, reason or "Only a database file this window may change."
        )
        return
    old = win.db.passphrase
    new: str | None = None
    if old is None:
        new = dialogs.ask_new_passphrase(win.parent_widget(), str(path))
        if new is None:
            return
    elif not dialogs.confirm(
        win.parent_widget(),
        title,
        f"Store {path.name} and its backups unencrypted? Anyone who can read this computer's "
        "files could then read them.",
    ):
        return
    win.release_database()

    def job(_cancel: Cancel) -> backups.Converted:
        # Never cancelled half-way: a conversion always finishes or leaves the file as is.
        return backups.change_encryption(path, old=old, new=new)

    def reopen(passphrase: str | None) -> WindowApi:
        """The database open again in a window (this one if that failed)."""
        if not win.switch_to(str(path), passphrase):
            dialogs.show_error(
                win.parent_widget(),
                title,
                f"{path} could not be opened again; open it with File → Open.",
            )
        return win.replaced_by or win

    def done(converted: backups.Converted) -> None:
        shown = reopen(new)
        dialogs.show_info(shown.parent_widget(), title, converted.message())

    def failed(_exc: BaseException) -> None:
        reopen(old)  # the runner has said why; the file is as it was

    what = "Encrypting" if new is not None else "Decrypting"
    win.runner.run_in_background(
        title, f"{what} {path.name} and its backups…", job, done, on_failed=failed
    )


def preferences(win: WindowApi) -> None:
    """Edit → Preferences…: the assessor's name, recorded in the history and on the PDF."""
    settings = load_settings()
    name = dialogs.ask_assessor_name(win.parent_widget(), settings.assessor_name or assessor_name())
    if name is None:
        return
    # Left empty, the login name is used: saved as such, so that the first-start question,
    # once answered, is not asked again.
    name = name.strip() or assessor_name()
    try:
        save_settings(replace(settings, assessor_name=name))
    except OSError as exc:
        dialogs.show_error(
            win.parent_widget(), "Preferences", f"The preferences could not be saved: {exc}"
        )
        return
    win.ctx.by = assessor_name()
    win.statusBar().showMessage(f"Your changes are now recorded as made by {win.ctx.by}.", 8000)
