"""The database errors the user can meet; every message is meant to be shown as it is."""

from __future__ import annotations

from pathlib import Path


class DatabaseError(Exception):
    """The database cannot be opened or used; the message is meant for the user."""


class DatabaseLocked(DatabaseError):
    """Another Assessor holds the database; it may still be opened read-only."""

    def __init__(self, message: str, path: Path, owner: str) -> None:
        super().__init__(message)
        self.path = path
        #: Who holds it, in words ("process 1234 on laptop-7, since …").
        self.owner = owner


class DatabaseDamaged(DatabaseError):
    """The quick check failed: the file is damaged; a backup may be restored."""

    def __init__(self, message: str, path: Path, detail: str, newest_backup: str | None) -> None:
        super().__init__(message)
        self.path = path
        self.detail = detail
        #: The id of the newest backup, if there is one, to offer for restoring.
        self.newest_backup = newest_backup


class PassphraseError(DatabaseError):
    """The database is encrypted and no passphrase, or a wrong one, was given."""


class EncryptionUnavailable(DatabaseError):
    """The SQLCipher driver is not installed, so encrypted databases cannot be used."""
