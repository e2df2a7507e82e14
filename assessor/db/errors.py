"""The database errors the user can meet; every message is meant to be shown as it is."""

from __future__ import annotations

from pathlib import Path

from assessor.i18n import _


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


class NotAssessorDatabase(DatabaseError):
    """The file is something else (another application's database, a text file, an archive).

    It is refused before anything writes to it; ``what`` says what it is, in words.
    """

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(
            _("{path} is {what}; Assessor will not change it. Choose another file.").format(
                path=path, what=what
            )
        )
        self.path = path
        self.what = what


class SchemaMismatch(DatabaseError):
    """An Assessor database whose recorded schema version does not match its tables."""


class NoDatabaseYet(DatabaseError):
    """The file holds no Assessor database yet, and this opening may not create one."""


class ReadOnlyDatabase(DatabaseError):
    """The database file (or its folder) cannot be written."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            _(
                "The database {path} cannot be written (read-only file or folder); copy it "
                "somewhere you can write, or check its permissions."
            ).format(path=path)
        )
        self.path = path


def sqlite_problem(exc: BaseException, name: object) -> str | None:
    """A known SQLite failure as a sentence naming the database ``name``; None if unknown.

    ``exc`` may be a DB-API error or SQLAlchemy's wrapper of one: only the driver's own message
    is read, never the SQL statement SQLAlchemy adds to it. A PostgreSQL server's refusals
    (unreachable, wrong password, no database, no right) are said by ``server_errors``.
    """
    from assessor.db.server_errors import server_problem

    plain = server_problem(exc)
    if plain is not None:
        return plain
    text = str(getattr(exc, "orig", None) or exc).casefold()
    if "readonly database" in text or "read-only" in text:
        return str(ReadOnlyDatabase(Path(str(name))))
    if "database is locked" in text or "database table is locked" in text:
        return _(
            "The database {name} is busy: another program is writing to it; wait a moment and "
            "try again (close the other program if it stays busy). Nothing was changed."
        ).format(name=name)
    if "database or disk is full" in text:
        return _(
            "Cannot write the database {name}: the disk is full; free some space and try "
            "again; nothing was changed."
        ).format(name=name)
    if "disk i/o error" in text:
        return _(
            "The disk reported an error while reading or writing the database {name}; check "
            "the disk (or the network folder) and try again. Nothing was changed."
        ).format(name=name)
    if "file is not a database" in text or "file is encrypted" in text:
        return _(
            "{name} is not an Assessor database (or it is damaged, or encrypted); choose "
            "another file, or restore a backup (`assessor backup list`)."
        ).format(name=name)
    if "malformed" in text:
        return _(
            "The database {name} is damaged; restore a backup (`assessor backup list`, then "
            "`assessor backup restore ID`)."
        ).format(name=name)
    if "unable to open database file" in text:
        return _(
            "Cannot open the database {name}: its folder is missing or cannot be read or "
            "written; check the path and its permissions."
        ).format(name=name)
    return None
