"""Opening a database from the window: the questions asked when it cannot simply open.

Another Assessor holds it → offer a read-only look; it is damaged → offer the newest backup
(the damaged file is set aside, never deleted); it is encrypted → ask the passphrase (again
when wrong). The questions are ``backup_dialog`` functions, which tests replace.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from assessor.services import backups, server_login
from assessor.services.opening import (
    DatabaseDamaged,
    DatabaseError,
    DatabaseLocked,
    Handle,
    PassphraseError,
    database_file,
    is_plain_file,
    open_handle,
)
from assessor.ui import backup_dialog, dialogs

#: How often a wrong passphrase may be typed before giving up (the dialog says why each time).
PASSPHRASE_TRIES = 5


@dataclass(frozen=True)
class Opened:
    """An open database and what the user should be told about how it was opened."""

    db: Handle
    #: Who holds the database, when it was opened read-only because another Assessor has it.
    held_by: str = ""
    #: What recovering a damaged file did, in plain words ("" when nothing was recovered).
    recovered: str = ""


def CANNOT_OPEN() -> str:
    """The title of the error shown when a database cannot be opened."""
    return QCoreApplication.translate("opening", "Cannot open the database")


def _file_of(location: str | os.PathLike[str] | None) -> Path | None:
    return database_file(location)


def open_with_questions(
    parent: QWidget | None,
    location: str | os.PathLike[str] | None,
    passphrase: str | None = None,
) -> Opened | None:
    """Open a database, asking the user what to do when it is locked, damaged or encrypted.

    Returns None when the user declines or the database cannot be opened (already told why).
    """
    read_only, held_by, recovered, tries = False, "", "", 0
    shown = str(
        _file_of(location) or location or QCoreApplication.translate("opening", "the database")
    )
    while True:
        try:
            db = open_handle(location, read_only=read_only, passphrase=passphrase)
            return Opened(db, held_by, recovered)
        except DatabaseLocked as exc:
            if read_only or not backup_dialog.ask_read_only(parent, exc):
                return None
            read_only, held_by = True, exc.owner
        except PassphraseError as exc:
            path = _file_of(location)
            if path is not None and passphrase is not None and is_plain_file(path):
                # A plain file opened as if encrypted: open it as it is, nothing to ask.
                passphrase = None
                continue
            if tries >= PASSPHRASE_TRIES:
                dialogs.show_error(parent, CANNOT_OPEN(), str(exc))
                return None
            wrong = passphrase is not None
            passphrase = backup_dialog.ask_passphrase(parent, shown, wrong=wrong)
            tries += 1
            if passphrase is None:
                return None
        except DatabaseDamaged as exc:
            if recovered or not backup_dialog.ask_recover(parent, exc):
                return None
            try:
                recovered = backups.recover_damaged(exc.path, "latest", passphrase).message()
            except (DatabaseError, OSError) as failed:
                dialogs.show_error(
                    parent,
                    QCoreApplication.translate("opening", "The backup could not be restored"),
                    str(failed),
                )
                return None
        except (DatabaseError, OSError) as exc:
            dialogs.show_error(parent, CANNOT_OPEN(), str(exc))
            return None
        except Exception as exc:  # a server's refusal, in plain words (anything else: a bug)
            problem = server_login.problem(exc)
            if problem is None:
                raise
            dialogs.show_error(parent, CANNOT_OPEN(), problem.detail)
            return None
