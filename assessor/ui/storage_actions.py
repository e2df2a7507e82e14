"""Keeping the work safe from the window: backups (timed and on demand), restore, encryption,
and the assessor's name recorded in the history.

Functions over the main window; the services are ``assessor.services.backups``, the questions
``backup_dialog`` and ``dialogs`` functions (which tests replace).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from assessor.services import backups, opening
from assessor.services.backups import BackupInfo, Restored
from assessor.services.cancel import Cancel
from assessor.settings import assessor_name, load_settings, save_settings
from assessor.ui import backup_dialog, dialogs
from assessor.ui.ops import describe_error

if TYPE_CHECKING:
    from assessor.ui.window_api import WindowApi

translate = QCoreApplication.translate

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
            win.statusBar().showMessage(
                translate("storage_actions", "Backed up ({backup}).").format(
                    backup=info.describe()
                ),
                5000,
            )

    def failed(exc: BaseException) -> None:
        # Not a modal dialog every half hour; the status bar says it, the next tick retries.
        win.statusBar().showMessage(
            translate("storage_actions", "The automatic backup failed: {error}").format(
                error=describe_error(exc)
            ),
            0,
        )

    win.runner.run_quietly(lambda: backups.backup_if_changed(win.db), done, failed)


def on_server(win: WindowApi) -> bool:
    """Whether the window's database is on a server (its backups are the server's job)."""
    return win.db.path is None and "://" in win.db.location


def server_backups() -> str:
    """What the window says where it would back up a server's database."""
    return translate(
        "storage_actions",
        "This database is on a server: backing it up is the server's job, with pg_dump "
        "every night and before each upgrade (docs/server.md, “Backups”). Assessor backs up "
        "database files only.",
    )


def tell_server_backups(win: WindowApi) -> bool:
    """On a server, say whose job backups are (True); on a file, nothing (False)."""
    if not on_server(win):
        return False
    title = translate("storage_actions", "Backups on a server")
    dialogs.show_info(win.parent_widget(), title, server_backups())
    return True


def backup_now(win: WindowApi) -> None:
    """File → Back up now: a verified backup, whether or not anything changed."""
    if tell_server_backups(win):
        return
    win.workbench.assessment.flush()
    win.themes.flush()

    def job(cancel: Cancel) -> BackupInfo:
        cancel.check()
        return backups.backup_now(win.db, cancel=cancel)

    win.runner.run_in_background(
        translate("storage_actions", "Back up now"),
        translate("storage_actions", "Making a verified backup…"),
        job,
        lambda info: win.statusBar().showMessage(
            translate("storage_actions", "Backup {id} made and verified ({folder}).").format(
                id=info.id, folder=info.path.parent
            ),
            10000,
        ),
    )


def restore(win: WindowApi) -> None:
    """File → Restore from backup…: choose one; what is there now is backed up first."""
    if tell_server_backups(win):
        return
    win.workbench.assessment.flush()
    win.themes.flush()
    chosen = backup_dialog.choose_backup(
        win.parent_widget(), win.workbench.reads.backups(), win.db.location
    )
    if chosen is None:
        return

    def job(cancel: Cancel) -> Restored:
        cancel.check()
        return backups.restore_backup(win.db, chosen, cancel)

    def done(restored: Restored) -> None:
        # The op runner has emitted the change set (every factsheet): the views are reloaded.
        win.stack.clear()  # the undo steps point at rows the restore replaced
        dialogs.show_info(
            win.parent_widget(),
            translate("storage_actions", "Restored from backup"),
            restored.message(),
        )

    win.runner.run_in_background(
        translate("storage_actions", "Restore from backup"),
        translate("storage_actions", "Restoring the backup…"),
        job,
        done,
    )


def new_encrypted_database(win: WindowApi) -> None:
    """File → New encrypted database…: a new file encrypted with a passphrase never stored."""
    reason = opening.encryption_unavailable_reason()
    if reason is not None:
        dialogs.show_error(
            win.parent_widget(), translate("storage_actions", "New encrypted database"), reason
        )
        return
    path = dialogs.ask_new_database(win.parent_widget())
    if not path:
        return
    if Path(path).exists():
        # The file dialog may have confirmed "replace"; a database is never overwritten.
        dialogs.show_error(
            win.parent_widget(),
            translate("storage_actions", "New encrypted database"),
            translate(
                "storage_actions",
                "There is already a file at {path}. Choose a new name; to encrypt an existing "
                "database, open it and choose File → Encrypt this database….",
            ).format(path=path),
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
    title = (
        translate("storage_actions", "Remove encryption")
        if win.db.encrypted
        else translate("storage_actions", "Encrypt this database")
    )
    reason = opening.encryption_unavailable_reason()
    path = win.db.path
    if reason is not None or path is None or win.db.read_only:
        dialogs.show_error(
            win.parent_widget(),
            title,
            reason or translate("storage_actions", "Only a database file this window may change."),
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
        translate(
            "storage_actions",
            "Store {name} and its backups unencrypted? Anyone who can read this computer's "
            "files could then read them.",
        ).format(name=path.name),
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
                translate(
                    "storage_actions", "{path} could not be opened again; open it with File → Open."
                ).format(path=path),
            )
        return win.replaced_by or win

    def done(converted: backups.Converted) -> None:
        shown = reopen(new)
        dialogs.show_info(shown.parent_widget(), title, converted.message())

    def failed(_exc: BaseException) -> None:
        reopen(old)  # the runner has said why; the file is as it was

    if new is not None:
        what = translate("storage_actions", "Encrypting {name} and its backups…")
    else:
        what = translate("storage_actions", "Decrypting {name} and its backups…")
    win.runner.run_in_background(title, what.format(name=path.name), job, done, on_failed=failed)


def preferences(win: WindowApi) -> None:
    """Edit → Preferences…: the assessor's name, recorded in the history and on the PDF, and
    the window's language (English, French or the system's; used from the next start)."""
    settings = load_settings()
    current = dialogs.Preferences(settings.assessor_name or assessor_name(), settings.language)
    chosen = dialogs.ask_preferences(win.parent_widget(), current)
    if chosen is None:
        return
    # Left empty, the login name is used: saved as such, so that the first-start question,
    # once answered, is not asked again.
    name = chosen.name.strip() or assessor_name()
    try:
        save_settings(replace(settings, assessor_name=name, language=chosen.language))
    except OSError as exc:
        dialogs.show_error(
            win.parent_widget(),
            translate("storage_actions", "Preferences"),
            translate("storage_actions", "The preferences could not be saved: {error}").format(
                error=exc
            ),
        )
        return
    win.ctx.by = assessor_name()
    message = translate(
        "storage_actions", "Your changes are now recorded as made by {name}."
    ).format(name=win.ctx.by)
    if chosen.language != settings.language:
        message += " " + translate(
            "storage_actions", "The new language is used from the next start of Assessor."
        )
    win.statusBar().showMessage(message, 8000)
